// Progressive enhancement: without JavaScript the coordinates and the neighbourhood list still work.
(function () {
  "use strict";
  var BRUSSELS = [50.8466, 4.3528];

  function tiles(map, element) {
    L.tileLayer(element.dataset.tiles, {
      maxZoom: 19,
      attribution: element.dataset.attribution || "",
    }).addTo(map);
  }

  function showIdea(element) {
    var point = [parseFloat(element.dataset.latitude), parseFloat(element.dataset.longitude)];
    var map = L.map(element, { scrollWheelZoom: false }).setView(point, 15);
    tiles(map, element);
    L.marker(point, { keyboard: false }).addTo(map);
  }

  function picker(element) {
    var latitude = document.getElementById("id_latitude");
    var longitude = document.getElementById("id_longitude");
    element.hidden = false;
    element.setAttribute("aria-label", element.dataset.label);
    var map = L.map(element, { scrollWheelZoom: false }).setView(BRUSSELS, 12);
    tiles(map, element);
    var marker = null;
    function place(lat, lng) {
      if (marker) { marker.setLatLng([lat, lng]); } else { marker = L.marker([lat, lng], { keyboard: false }).addTo(map); }
    }
    if (latitude.value && longitude.value) {
      place(parseFloat(latitude.value), parseFloat(longitude.value));
      map.setView([parseFloat(latitude.value), parseFloat(longitude.value)], 15);
    }
    map.on("click", function (event) {
      latitude.value = event.latlng.lat.toFixed(6);
      longitude.value = event.latlng.lng.toFixed(6);
      place(event.latlng.lat, event.latlng.lng);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (typeof L === "undefined") { return; }
    var shown = document.getElementById("idea-map");
    if (shown) { showIdea(shown); }
    var chooser = document.getElementById("location-map");
    if (chooser) { picker(chooser); }
  });
})();
