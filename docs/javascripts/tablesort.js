/* quotebrief: sortable tables, shipped with the site (no CDN).
   Click (or Enter on) a column header to sort by it; numbers sort as numbers ("12%", "1,024").
   Sets role="columnheader" and aria-sort, which Material for MkDocs styles with its sort icons.
   Each cell is also labelled with its column (data-label): on a phone a table row is shown as
   a card of "column: value" lines (quotebrief.css), so no table scrolls sideways. */
(function () {
  "use strict";

  function value(cell) {
    var text = cell ? cell.textContent.trim() : "";
    var bare = text.replace(/[%,\s]/g, "");
    return bare !== "" && isFinite(bare) ? Number(bare) : text.toLowerCase();
  }

  function compare(a, b) {
    if (typeof a === typeof b) { return a < b ? -1 : a > b ? 1 : 0; }
    return typeof a === "number" ? -1 : 1; // numbers before text
  }

  function sortable(table) {
    if (table.getAttribute("data-qb-sortable") || !table.tHead || !table.tBodies.length) { return; }
    table.setAttribute("data-qb-sortable", "");
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var body = table.tBodies[0];
    heads.forEach(function (th, column) {
      var label = th.textContent.trim();
      Array.prototype.forEach.call(body.rows, function (row) {
        if (row.cells[column]) { row.cells[column].setAttribute("data-label", label); }
      });
      th.setAttribute("role", "columnheader");
      th.setAttribute("tabindex", "0");
      th.setAttribute("title", "Sort by " + label);
      function run() {
        var rows = Array.prototype.slice.call(body.rows);
        var numeric = rows.some(function (r) { return typeof value(r.cells[column]) === "number"; });
        var current = th.getAttribute("aria-sort");
        var ascending = current ? current === "descending" : !numeric; // numbers: largest first
        heads.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        rows.map(function (row, i) { return [value(row.cells[column]), i, row]; })
          .sort(function (x, y) {
            var ex = x[0] === "", ey = y[0] === "";
            if (ex || ey) { return (ex - ey) || x[1] - y[1]; } // empty cells last, either way
            var c = compare(x[0], y[0]);
            return (ascending ? c : -c) || x[1] - y[1];
          })
          .forEach(function (entry) { body.appendChild(entry[2]); });
      }
      th.addEventListener("click", run);
      th.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); run(); }
      });
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("article table"), sortable);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init); // Material's page-change stream (instant navigation too)
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
