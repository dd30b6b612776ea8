/* Draw each chart when it scrolls into view; plotly is fetched from this site
   on first need, so a page whose charts are never reached never loads it. */
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

  function draw(container) {
    var id = container.getAttribute("data-chart");
    var source = document.getElementById("chart-data-" + id);
    if (!source || container.dataset.drawn) return;
    container.dataset.drawn = "pending";
    loadPlotly().then(function (Plotly) {
      var figure = JSON.parse(source.textContent);
      container.textContent = "";
      return Plotly.newPlot(container, figure.data, figure.layout, {
        displaylogo: false, responsive: true, locale: "ja",
        modeBarButtonsToRemove: ["select2d", "lasso2d", "toImage"]
      });
    }).then(function () {
      container.dataset.drawn = "yes";
    }).catch(function () {
      container.dataset.drawn = "failed";
      container.textContent = "グラフを表示できませんでした。データは下の表をご覧ください。";
    });
  }

  function start() {
    var charts = document.querySelectorAll("[data-chart]");
    if (!("IntersectionObserver" in window)) {
      charts.forEach(draw);
      return;
    }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          observer.unobserve(entry.target);
          draw(entry.target);
        }
      });
    }, { rootMargin: "200px" });
    charts.forEach(function (chart) { observer.observe(chart); });
    // Printing: draw everything first so the paper shows the charts too.
    window.addEventListener("beforeprint", function () { charts.forEach(draw); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
