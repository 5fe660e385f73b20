// The map of a process's ideas. Nothing heavy loads until someone opens it; without JavaScript the panel
// stays hidden and the list (with neighbourhood names) is the way in.
(function () {
  "use strict";

  function readable(name) {
    return name.toLowerCase().replace(/(^|[\s\-'])(\S)/g, function (all, before, letter) { return before + letter.toUpperCase(); });
  }

  function popup(feature, ideaAddress) {
    var link = document.createElement("a");
    link.href = ideaAddress.replace("/0/", "/" + feature.id + "/");
    link.textContent = feature.properties.title;
    return link;
  }

  function start(container, filters) {
    var language = document.documentElement.lang;
    var map = L.map(container, { scrollWheelZoom: false }).setView([50.8466, 4.3528], 12);
    L.tileLayer(container.dataset.tiles, { maxZoom: 19, attribution: container.dataset.attribution }).addTo(map);
    fetch(container.dataset.boundaries).then(function (response) { return response.json(); }).then(function (data) {
      L.geoJSON(data, {
        style: { color: "#4a4a55", weight: 1, fillOpacity: 0.03 },
        onEachFeature: function (feature, layer) {
          layer.bindTooltip(readable(language === "nl" ? feature.properties.name_nl : feature.properties.name_fr));
        },
      }).addTo(map);
    });
    var markers = L.markerClusterGroup();
    map.addLayer(markers);

    function refresh() {
      var query = new URLSearchParams(new FormData(filters));
      query.delete("sort");
      query.delete("page");
      fetch(container.dataset.points + "?" + query.toString())
        .then(function (response) { return response.json(); })
        .then(function (data) {
          markers.clearLayers();
          markers.addLayers(data.features.map(function (feature) {
            var point = feature.geometry.coordinates;
            return L.marker([point[1], point[0]], { title: feature.properties.title }).bindPopup(popup(feature, container.dataset.idea));
          }));
          container.dataset.count = String(data.features.length);
        });
    }
    refresh();
    document.body.addEventListener("htmx:afterSwap", function (event) {
      if (event.detail.target.id === "idea-list") { refresh(); }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var panel = document.getElementById("map-panel");
    var container = document.getElementById("ideas-map");
    var filters = document.querySelector("form.filters");
    if (!panel || !container || !filters) { return; }
    panel.hidden = false;
    var started = false;
    panel.addEventListener("toggle", function () {
      if (!panel.open || started) { return; }
      started = true;
      window.samenLoadLeaflet(container).then(function () { start(container, filters); });
    });
  });
})();
