// Leaflet, loaded only when a page's map needs it: the map's container names the scripts and style sheets
// (data-scripts, data-styles, separated by spaces); the scripts load one after the other, in that order.
// Shared by the maps of ideas, of processes by place and of the City's projects. (Its name says "map", not
// "leaflet": the tests watch for Leaflet's own files, which must not load before a map needs them.)
(function () {
  "use strict";

  function load(tag, attributes) {
    return new Promise(function (resolve, reject) {
      var element = document.createElement(tag);
      Object.keys(attributes).forEach(function (name) { element[name] = attributes[name]; });
      element.onload = resolve;
      element.onerror = reject;
      document.head.appendChild(element);
    });
  }

  window.samenLoadLeaflet = function (container) {
    container.dataset.styles.split(" ").forEach(function (href) { load("link", { rel: "stylesheet", href: href }); });
    return container.dataset.scripts.split(" ").reduce(function (previous, src) {
      return previous.then(function () { return load("script", { src: src }); });
    }, Promise.resolve());
  };
})();
