// Challenge form: "Add a row" for the indicator and milestone tables (Django formsets).
// The server renders blank rows too, so the form works without this script.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-add-row]").forEach(function (button) {
      var prefix = button.getAttribute("data-add-row");
      var template = document.querySelector('template[data-empty-row="' + prefix + '"]');
      var rows = document.querySelector('[data-formset="' + prefix + '"] [data-rows]');
      var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
      var max = document.getElementById("id_" + prefix + "-MAX_NUM_FORMS");
      if (!template || !rows || !total) { return; }
      button.addEventListener("click", function () {
        var index = parseInt(total.value, 10);
        if (max && index >= parseInt(max.value, 10)) { return; }
        var html = template.innerHTML.replace(/__prefix__/g, String(index));
        var body = document.createElement("tbody");
        body.innerHTML = html;
        var row = body.firstElementChild;
        rows.appendChild(row);
        total.value = String(index + 1);
        var first = row.querySelector("input, select, textarea");
        if (first) { first.focus(); }
      });
    });
  });
})();
