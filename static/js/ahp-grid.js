// The AHP grid: after each live consistency check (htmx swaps #consistency), mark the
// pair the check names (data-bad-pair="i-j") so the rater finds it in a long grid.
// No inline scripts anywhere (CSP).
(function () {
  "use strict";
  function markBadPair() {
    var grid = document.querySelector("[data-ahp-grid]");
    var box = document.getElementById("consistency");
    if (!grid || !box) { return; }
    var bad = box.getAttribute("data-bad-pair");
    grid.querySelectorAll("tr[data-pair]").forEach(function (row) {
      var field = row.querySelector(".field");
      if (field) { field.classList.toggle("has-error", row.getAttribute("data-pair") === bad); }
    });
  }
  document.addEventListener("DOMContentLoaded", markBadPair);
  document.addEventListener("htmx:afterSettle", markBadPair);
})();
