// Renders every ECharts chart on the page. A chart is
//   <div class="chart" data-chart="OPTIONS_ID"></div>  plus  {{ options|json_script:"OPTIONS_ID" }}
// where the options are built on the server (selectors). A data item carrying a "url"
// opens that page when clicked. Works after HTMX swaps too. No inline scripts (CSP).
(function () {
  "use strict";
  function render(root) {
    if (typeof echarts === "undefined") { return; }
    root.querySelectorAll("[data-chart]").forEach(function (element) {
      var source = document.getElementById(element.getAttribute("data-chart"));
      if (!source) { return; }
      var existing = echarts.getInstanceByDom(element);
      if (existing) { existing.dispose(); }
      var chart = echarts.init(element, null, { renderer: "canvas" });
      chart.setOption(JSON.parse(source.textContent));
      chart.on("click", function (params) {
        var url = params && params.data && params.data.url;
        if (url && url.charAt(0) === "/") { window.location.href = url; }
      });
      element.setAttribute("data-chart-ready", "1");
    });
  }
  document.addEventListener("DOMContentLoaded", function () { render(document); });
  document.addEventListener("htmx:afterSettle", function (event) { render(event.target); });
  window.addEventListener("resize", function () {
    document.querySelectorAll("[data-chart-ready]").forEach(function (element) {
      var chart = echarts.getInstanceByDom(element);
      if (chart) { chart.resize(); }
    });
  });
})();
