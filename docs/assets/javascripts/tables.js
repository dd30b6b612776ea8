/* Tables of data: every table in a CSV box (the table_box macro) sorts from its headers
   (Tablesort: click or Enter, aria-sort) and keeps its order in the address
   (?sort-<table>=<column>-<asc|desc>); a table of cases with filters (table-filters.html)
   shows each option's count, keeps the filters in the address and downloads exactly the
   rows in view as CSV (UTF-8 with BOM for Excel) — the same text as the build's CSV. */
(function () {
  "use strict";
  // What is not content (citation boxes, permalinks, buttons...), as a CSS selector: the build writes
  // its rule (macros/views/content.py) on this script's tag, so a CSV of the rows in view has the
  // same text as the build's CSV of the table.
  var NOT_CONTENT = document.currentScript.getAttribute("data-not-content");

  function cellText(cell) {
    var copy = cell.cloneNode(true);
    copy.querySelectorAll(NOT_CONTENT).forEach(function (e) { e.remove(); });
    copy.querySelectorAll("br").forEach(function (e) { e.replaceWith(" "); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function download(table, name) {
    var rows = [Array.prototype.map.call(table.tHead.rows[0].cells, cellText)];
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      if (!row.hidden) rows.push(Array.prototype.map.call(row.cells, cellText));
    });
    window.csvFile.save(rows, name);
  }

  function setParam(name, value) {
    var params = new URLSearchParams(window.location.search);
    if (value) params.set(name, value); else params.delete(name);
    var query = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
  }

  function sortable(box) {
    var table = box.querySelector("table.data-table");
    if (!window.Tablesort || !table || !table.tHead || !table.tBodies.length) return;
    var key = "sort-" + box.getAttribute("data-csv").replace(/\.csv$/, "");
    var headers = table.tHead.rows[table.tHead.rows.length - 1].cells;
    // Ties keep the page's own order, whatever was sorted before: an order read from the address
    // after a reload is then the order the reader saw.
    var original = Array.prototype.slice.call(table.tBodies[0].rows);
    table.addEventListener("beforeSort", function () {
      original.forEach(function (row) { table.tBodies[0].appendChild(row); });
    });
    var sorter = new window.Tablesort(table);
    var wanted = /^(\d+)-(asc|desc)$/.exec(new URLSearchParams(window.location.search).get(key) || "");
    var header = wanted && headers[Number(wanted[1]) - 1];
    if (header && header.getAttribute("data-sort-method") !== "none") {
      Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
      // Tablesort turns the order round from the header's current one.
      if (wanted[2] === "desc") header.setAttribute("aria-sort", "ascending");
      sorter.current = header;
      sorter.sortTable(header);
    }
    table.addEventListener("afterSort", function () {
      var current = table.tHead.querySelector("th[aria-sort]");
      if (!current) return;
      var direction = current.getAttribute("aria-sort") === "descending" ? "desc" : "asc";
      setParam(key, current.cellIndex + 1 + "-" + direction);
    });
  }

  function filtered(root) {
    var box = root.querySelector(".data-table-wrap[data-csv]");
    var table = box.querySelector("table");
    var selects = Array.prototype.slice.call(root.querySelectorAll("select[data-filter]"));
    var status = root.querySelector("[data-status]");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);

    function values(row, select) {
      return (row.getAttribute("data-" + select.getAttribute("data-filter")) || "").split("|");
    }
    function matches(row, except) {
      return selects.every(function (select) {
        return select === except || !select.value || values(row, select).indexOf(select.value) !== -1;
      });
    }

    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        row.hidden = !matches(row, null);
        if (!row.hidden) shown += 1;
      });
      // Each option says how many rows it would leave, given the other filters.
      selects.forEach(function (select) {
        Array.prototype.forEach.call(select.options, function (option) {
          if (!option.value) return;
          var count = rows.filter(function (row) {
            return matches(row, select) && values(row, select).indexOf(option.value) !== -1;
          }).length;
          option.textContent = option.value + "（" + count + "）";
        });
        setParam(select.name, select.value);
      });
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
    root.querySelector("[data-download-view]").addEventListener("click", function () {
      download(table, box.getAttribute("data-csv").replace(/\.csv$/, "-view.csv"));
    });
    apply();
  }

  // The case index: tick 2–4 cases, then open them side by side (compare/side-by-side/?cases=a,b).
  var MAX_CHOSEN = 4;
  function chooser(root) {
    var bar = root.querySelector("[data-choose]");
    if (!bar) return;
    var link = bar.querySelector("[data-choose-link]");
    var status = bar.querySelector("[data-choose-status]");
    var target = link.getAttribute("href");
    var boxes = Array.prototype.slice.call(root.querySelectorAll("input.choose-case"));
    var chosen = [];  // in the order ticked: the columns' order
    function update() {
      boxes.forEach(function (box) { box.disabled = !box.checked && chosen.length >= MAX_CHOSEN; });
      var ready = chosen.length >= 2;
      link.setAttribute("href", ready ? target + "?cases=" + chosen.join(",") : target);
      link.classList.toggle("md-button--primary", ready);
      status.textContent = chosen.length
        ? chosen.length + "件を選んでいます（2〜" + MAX_CHOSEN + "件）"
        : "名称の横のチェックで2〜" + MAX_CHOSEN + "件を選んでください";
    }
    boxes.forEach(function (box) {
      box.hidden = false;
      box.checked = false;
      box.addEventListener("change", function () {
        chosen = chosen.filter(function (id) { return id !== box.value; });
        if (box.checked) chosen.push(box.value);
        update();
      });
    });
    bar.hidden = false;
    update();
  }

  function start() {
    document.querySelectorAll(".data-table-wrap[data-csv]").forEach(sortable);
    document.querySelectorAll("[data-filtered]").forEach(filtered);
    document.querySelectorAll("[data-filtered]").forEach(chooser);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
