// The map of the City's projects over their list: the projects of the list that have a place, a point or an area,
// each with a popup linking to its page. The address of its data carries the list's filters, so the map shows what
// the list shows. Without JavaScript the map stays hidden and the list is the whole answer; the map takes no
// keyboard stop of its own, since every project on it is in the list too.
(function () {
  "use strict";

  var COLOURS = { new: "#1d4f91", ongoing: "#b3471d", completed: "#2b6a2f", abandoned: "#4a4a55" };

  // Text only (never HTML).
  function popup(properties) {
    var box = document.createElement("div");
    var link = document.createElement("a");
    link.href = properties.url;
    link.lang = properties.lang;
    link.textContent = properties.title;
    box.appendChild(link);
    box.appendChild(document.createElement("br"));
    box.appendChild(document.createTextNode(properties.status_label + " · " + properties.domain));
    return box;
  }

  function style(feature) {
    var colour = COLOURS[feature.properties.status] || COLOURS.new;
    return { color: colour, weight: 2, fillColor: colour, fillOpacity: 0.35 };
  }

  function start(container, data) {
    var map = L.map(container, { scrollWheelZoom: false, keyboard: false }).setView([50.8466, 4.3528], 12);
    L.tileLayer(container.dataset.tiles, { maxZoom: 19, attribution: container.dataset.attribution }).addTo(map);
    var projects = L.geoJSON(data, {
      style: style,
      pointToLayer: function (feature, at) { return L.circleMarker(at, { radius: 8, keyboard: false }); },
      onEachFeature: function (feature, shape) {
        shape.bindTooltip(feature.properties.title);
        shape.bindPopup(popup(feature.properties));
      },
    }).addTo(map);
    if (data.features.length) { map.fitBounds(projects.getBounds(), { padding: [20, 20], maxZoom: 15 }); }
    // Chromium stops the keyboard on the shapes (they have a tooltip), Leaflet on its zoom buttons and attribution:
    // not here, the list has every project of the map.
    container.querySelectorAll(".leaflet-control a, .leaflet-interactive").forEach(function (element) { element.setAttribute("tabindex", "-1"); });
    container.dataset.shown = String(data.features.length);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var container = document.getElementById("projects-map");
    if (!container) { return; }
    container.hidden = false;
    document.getElementById("projects-map-help").hidden = false;
    var data = fetch(container.dataset.points).then(function (response) { return response.json(); });
    Promise.all([data, window.samenLoadLeaflet(container)]).then(function (loaded) { start(container, loaded[0]); });
  });
})();
