// Review index: sort by a column (click its header), filter rows by any text or by warnings.
(function () {
  "use strict";
  var table = document.getElementById("docs");
  var body = table.tBodies[0];
  var filter = document.getElementById("filter");
  var warned = document.getElementById("warned");
  var shown = document.getElementById("shown");

  function key(row, col) {
    var cell = row.cells[col];
    var v = cell.hasAttribute("data-v") ? cell.getAttribute("data-v") : cell.textContent;
    return v !== "" && !isNaN(Number(v)) ? Number(v) : v.toLowerCase();
  }

  function sortBy(th) {
    var col = Number(th.getAttribute("data-col"));
    var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    table.querySelectorAll("thead th").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a, col), y = key(b, col);
      if (typeof x !== typeof y) return (typeof x === "number" ? -1 : 1) * dir;
      return (x < y ? -1 : x > y ? 1 : 0) * dir;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }

  function apply() {
    var q = filter.value.trim().toLowerCase();
    var n = 0;
    Array.prototype.forEach.call(body.rows, function (r) {
      var ok = (!q || r.textContent.toLowerCase().indexOf(q) >= 0) &&
               (!warned.checked || r.classList.contains("warned") || r.classList.contains("failed"));
      r.hidden = !ok;
      n += ok;
    });
    shown.textContent = n + " of " + body.rows.length + " shown";
  }

  table.querySelectorAll("thead th").forEach(function (th) {
    th.addEventListener("click", function () { sortBy(th); });
    th.addEventListener("keydown", function (e) { if (e.key === "Enter") sortBy(th); });
  });
  filter.addEventListener("input", apply);
  warned.addEventListener("change", apply);
  apply();
})();
