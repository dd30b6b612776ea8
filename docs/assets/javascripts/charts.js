/* Charts arrive as pictures drawn at build time. A reader who wants to zoom or
   read values asks for the interactive chart; only then is plotly fetched from
   this site and the picture replaced. Pages never load plotly on their own. */
(function () {
  "use strict";
  var script = document.currentScript;
  var plotlyUrl = script && script.dataset.plotly;
  var loading = null;

  function loadPlotly() {
    if (window.Plotly) return Promise.resolve(window.Plotly);
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = plotlyUrl;
        tag.onload = function () { resolve(window.Plotly); };
        tag.onerror = reject;
        document.head.appendChild(tag);
      });
    }
    return loading;
  }

  function activate(button) {
    var id = button.getAttribute("data-activate");
    var container = document.querySelector('[data-chart="' + id + '"]');
    var source = document.getElementById("chart-data-" + id);
    if (!container || !source) return;
    button.disabled = true;
    button.textContent = "読み込み中…";
    loadPlotly().then(function (Plotly) {
      var figure = JSON.parse(source.textContent);
      var picture = container.innerHTML;
      container.textContent = "";
      container.setAttribute("role", "group");
      container.setAttribute("aria-label", (document.getElementById("chart-" + id + "-title") || {}).textContent + "（操作できるグラフ。データは下の表）");
      return Plotly.newPlot(container, figure.data, figure.layout, {
        displaylogo: false, responsive: true,
        // plotly's default topojson address is a CDN; geo traces are not used here,
        // and this keeps even a future one from reaching another host.
        topojsonURL: plotlyUrl.replace(/[^/]*$/, ""),
        modeBarButtonsToRemove: ["select2d", "lasso2d", "toImage"]
      }).then(function () {
        container.dataset.drawn = "yes";
        button.hidden = true;
      }, function () { container.innerHTML = picture; throw new Error("plot"); });
    }).catch(function () {
      button.disabled = false;
      button.textContent = "グラフを切り替えられませんでした（もう一度試す）";
    });
  }

  function start() {
    document.querySelectorAll("[data-activate]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { activate(button); });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
