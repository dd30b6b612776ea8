/* A CSV file made in the browser, as the build writes its own (macros/export/cells.py):
   UTF-8 with a BOM so that Excel reads Japanese, CRLF line ends, and a cell that a spreadsheet
   would run as a formula (= + - @ tab CR) starts with '. Used by tables.js and side-by-side.js. */
(function () {
  "use strict";
  var FORMULA = /^[=+\-@\t\r]/;

  function field(text) {
    if (FORMULA.test(text)) text = "'" + text;
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  /** Offer rows (arrays of cell texts) as a download named `name`. */
  function save(rows, name) {
    var lines = rows.map(function (cells) { return cells.map(field).join(","); });
    var blob = new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
  }

  window.csvFile = { save: save };
})();
