// The league/city map of plan monitoring. charts.js renders options as they come, but a
// map series needs its geometry registered first, so the map element starts as
//   <div data-map-chart="OPTIONS_ID" data-geo-url="/static/vendor/…json" data-geo-name="NAME">
// This script fetches the GeoJSON (served by Tuwei itself, never from outside),
// registers it with echarts.registerMap, then turns the element into an ordinary
// data-chart element and asks charts.js to render it the same way as every other chart
// (charts.js re-renders on htmx:afterSettle, for the element the event is fired on).
(function () {
  "use strict";
  var registered = {};

  function load(url, name) {
    if (!registered[name]) {
      registered[name] = fetch(url, { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) { throw new Error("map " + url + ": " + response.status); }
          return response.json();
        })
        .then(function (geo) { echarts.registerMap(name, geo); });
    }
    return registered[name];
  }

  function start(element) {
    var url = element.getAttribute("data-geo-url");
    var name = element.getAttribute("data-geo-name");
    var optionsId = element.getAttribute("data-map-chart");
    element.removeAttribute("data-map-chart");
    load(url, name).then(function () {
      element.setAttribute("data-chart", optionsId);
      var host = element.parentNode;
      host.dispatchEvent(new CustomEvent("htmx:afterSettle", { bubbles: true }));
    }, function () {
      element.setAttribute("data-map-failed", "1");
      element.textContent = element.getAttribute("aria-label") || "";
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (typeof echarts === "undefined") { return; }
    document.querySelectorAll("[data-map-chart]").forEach(start);
  });
})();
