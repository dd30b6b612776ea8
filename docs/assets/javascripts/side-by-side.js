/* 事例を並べて比べる: show the columns of the chosen cases in the order chosen, keep the choice
   in the URL (?cases=hit,tama — the contract other pages link to), and download exactly the
   table in view as CSV (UTF-8 with BOM, CRLF). Every column is in the page from the build;
   extra.css hides those without [data-chosen] once this script can choose. */
(function () {
  "use strict";
  function oneLine(el) { return el.innerText.replace(/\s+/g, " ").trim(); }

  // A cell as the CSV has it: one line per value of its list, else its text on one line.
  function cellText(cell) {
    var items = cell.querySelectorAll("li");
    return items.length ? Array.prototype.map.call(items, oneLine).join("\n") : oneLine(cell);
  }

  function wantedIds(known, max) {
    var raw = new URLSearchParams(window.location.search).get("cases") || "";
    var picked = [], unknown = [], notes = [];
    raw.split(",").forEach(function (part) {
      var id = part.trim();
      if (!id) return;
      var list = known.indexOf(id) === -1 ? unknown : picked;
      if (list.indexOf(id) === -1) list.push(id);
    });
    if (unknown.length) {
      notes.push("アドレスにある次の ID の事例は見つからないため、飛ばしました：" + unknown.join("、") +
        "（ID は事例ページのアドレスの末尾の部分です）");
    }
    if (picked.length > max) {
      notes.push(picked.length + "件が指定されましたが、並べられるのは" + max + "件までです。最初の" + max + "件を並べています。");
      picked = picked.slice(0, max);
    }
    return { picked: picked, notes: notes };
  }

  function setup(root) {
    var max = parseInt(root.getAttribute("data-max"), 10);
    var form = root.querySelector("[data-sbs-chooser]");
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=case]"));
    var known = boxes.map(function (box) { return box.value; });
    var table = root.querySelector("table");
    var messages = root.querySelector("[data-sbs-messages]");
    var download = root.querySelector("[data-sbs-download]");
    var start = wantedIds(known, max);
    var chosen = start.picked;

    function show(notes) {
      Array.prototype.forEach.call(table.rows, function (row) {
        Array.prototype.forEach.call(row.querySelectorAll("[data-chosen]"), function (cell) { cell.removeAttribute("data-chosen"); });
        chosen.forEach(function (id) {
          var cell = row.querySelector('[data-case="' + CSS.escape(id) + '"]');
          cell.setAttribute("data-chosen", "");
          row.appendChild(cell);  // left to right in the order chosen
        });
      });
      boxes.forEach(function (box) {
        box.checked = chosen.indexOf(box.value) !== -1;
        box.disabled = !box.checked && chosen.length >= max;
      });
      root.setAttribute("data-count", String(chosen.length));
      download.disabled = chosen.length === 0;
      var status = chosen.length === 0 ? "並べる事例を選んでください（" + max + "件まで）。" :
        chosen.length + "件を並べています。" +
        (chosen.length === 1 ? "比べる事例をもう1件以上選んでください。" : "") +
        (chosen.length >= max ? "ほかの事例を選ぶには、どれかを外してください。" : "");
      messages.textContent = "";
      notes.concat([status]).forEach(function (text, i) {
        var p = document.createElement("p");
        p.textContent = text;
        if (i < notes.length) p.className = "sbs-notice";
        messages.appendChild(p);
      });
    }

    function choose(ids) {
      chosen = ids;
      var params = new URLSearchParams(window.location.search);
      if (chosen.length) params.set("cases", chosen.join(",")); else params.delete("cases");
      var query = params.toString().replace(/%2C/gi, ",");  // ids never hold a comma: keep the list readable
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
      show([]);
    }

    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        var rest = chosen.filter(function (id) { return id !== box.value; });
        choose(box.checked && rest.length < max ? rest.concat([box.value]) : rest);
      });
    });
    root.querySelector("[data-sbs-clear]").addEventListener("click", function () { choose([]); });
    download.addEventListener("click", function () {
      var rows = Array.prototype.map.call(table.rows, function (row) {
        var cells = [row.cells[0]].concat(Array.prototype.slice.call(row.querySelectorAll("[data-chosen]")));
        return cells.map(cellText);
      });
      window.csvFile.save(rows, "side-by-side-" + chosen.join("-") + ".csv");
    });
    form.hidden = false;
    root.setAttribute("data-ready", "");
    show(start.notes);
  }

  function start() { document.querySelectorAll("[data-side-by-side]").forEach(setup); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
