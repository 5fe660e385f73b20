// The map of the processes by place. Only this page loads Leaflet (the home links here); without JavaScript the
// map stays hidden and the list under it, grouped by municipality and neighbourhood, gives the same processes.
// Nothing on the map takes the keyboard: its links are in the list too.
(function () {
  "use strict";

  // Text only (never HTML): a title is what its author typed.
  function popup(properties) {
    var box = document.createElement("div");
    var heading = document.createElement("strong");
    heading.textContent = properties.name;
    box.appendChild(heading);
    var list = document.createElement("ul");
    properties.processes.forEach(function (process) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = process.url;
      link.textContent = process.title;
      item.appendChild(link);
      item.appendChild(document.createTextNode(": " + process.now));
      list.appendChild(item);
    });
    box.appendChild(list);
    return box;
  }

  var STYLES = {
    region: { color: "#4a4a55", weight: 1, fillOpacity: 0.03 },
    municipality: { color: "#1d4f91", weight: 3, dashArray: "6 4", fillOpacity: 0.04 },
    neighbourhood: { color: "#b3471d", weight: 2, fillColor: "#e07a3f", fillOpacity: 0.35 },
  };
  var ORDER = { region: 0, municipality: 1, neighbourhood: 2 };

  function layer(features, interactive) {
    return L.geoJSON({ type: "FeatureCollection", features: features }, {
      interactive: interactive,
      style: function (feature) { return STYLES[feature.properties.kind]; },
      onEachFeature: function (feature, shape) {
        if (!feature.properties.processes.length) { return; }
        shape.bindTooltip(feature.properties.name);
        shape.bindPopup(popup(feature.properties));
      },
    });
  }

  function start(container, data) {
    var map = L.map(container, { scrollWheelZoom: false, keyboard: false, zoomSnap: 0.25 }).setView([50.8466, 4.3528], 11);
    L.tileLayer(container.dataset.tiles, { maxZoom: 19, attribution: container.dataset.attribution }).addTo(map);
    // The region under the municipalities, under the neighbourhoods: a click opens the smallest place's processes.
    var ordered = data.features.slice().sort(function (a, b) { return ORDER[a.properties.kind] - ORDER[b.properties.kind]; });
    var region = ordered[0];
    var outline = layer([region], region.properties.processes.length > 0).addTo(map);
    var places = ordered.slice(1);
    layer(places, true).addTo(map);
    map.fitBounds(outline.getBounds(), { padding: [10, 10] });
    container.dataset.shown = String(places.length);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var container = document.getElementById("processes-map");
    if (!container) { return; }
    fetch(container.dataset.places)
      .then(function (response) { return response.json(); })
      .then(function (data) {
        var any = data.features.some(function (feature) { return feature.properties.processes.length > 0; });
        if (!any) { return; }  // nothing open or to come: the page says so
        container.hidden = false;
        document.getElementById("processes-map-help").hidden = false;
        return window.samenLoadLeaflet(container).then(function () { start(container, data); });
      });
  });
})();
