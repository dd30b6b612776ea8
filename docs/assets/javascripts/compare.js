/* The comparison table: sort (tablesort), filter, keep the filters in the URL,
   and download exactly the rows in view as CSV (UTF-8 with BOM for Excel). */
(function () {
  "use strict";
  var FORMULA = /^[=+\-@\t\r]/;

  function cellValue(cell) {
    var value = cell.getAttribute("data-sort");
    return value !== null && cell.hasAttribute("data-csv-sort") ? value : cell.textContent.trim().replace(/\s+/g, " ");
  }

  function csvField(text) {
    if (FORMULA.test(text)) text = "'" + text;
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function setup(root) {
    var table = root.querySelector("table");
    var selects = root.querySelectorAll("select[data-filter]");
    var status = root.querySelector("[data-status]");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    if (window.Tablesort) new window.Tablesort(table);

    function apply() {
      var params = new URLSearchParams(window.location.search);
      var shown = 0;
      selects.forEach(function (select) {
        if (select.value) params.set(select.name, select.value); else params.delete(select.name);
      });
      rows.forEach(function (row) {
        var keep = Array.prototype.every.call(selects, function (select) {
          if (!select.value) return true;
          var values = (row.getAttribute("data-" + select.getAttribute("data-filter")) || "").split("|");
          return values.indexOf(select.value) !== -1;
        });
        row.hidden = !keep;
        if (keep) shown += 1;
      });
      var query = params.toString();
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
      status.textContent = rows.length + "件中 " + shown + "件を表示";
    }

    var initial = new URLSearchParams(window.location.search);
    selects.forEach(function (select) {
      var wanted = initial.get(select.name);
      if (wanted && Array.prototype.some.call(select.options, function (o) { return o.value === wanted; })) {
        select.value = wanted;
      }
      select.addEventListener("change", apply);
    });
    root.querySelector("[data-reset]").addEventListener("click", function () {
      selects.forEach(function (select) { select.value = ""; });
      apply();
    });
    root.querySelector("[data-download]").addEventListener("click", function () {
      var lines = [];
      var header = Array.prototype.map.call(table.tHead.rows[0].cells, function (c) { return csvField(c.getAttribute("data-label") || c.textContent.trim()); });
      lines.push(header.join(","));
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        if (row.hidden) return;
        lines.push(Array.prototype.map.call(row.cells, function (c) { return csvField(cellValue(c)); }).join(","));
      });
      var blob = new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = "comparison-view.csv";
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
    });
    apply();
  }

  function start() { document.querySelectorAll("[data-compare]").forEach(setup); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
