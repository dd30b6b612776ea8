/* Charts arrive as pictures drawn at build time. A reader who wants to zoom or
   read values asks for the interactive chart; only then is plotly fetched from
   this site and the picture replaced. Pages never load plotly on their own. */
(function () {
  "use strict";
  var script = document.currentScript;
  var plotlyUrl = script && script.dataset.plotly;
  var siteRoot = plotlyUrl ? plotlyUrl.replace(/assets\/vendor\/[^/]*$/, "") : "";
  var loading = null;

  // The mode bar's tooltips in Japanese (plotly ships English only in this bundle).
  var JAPANESE = {
    moduleType: "locale", name: "ja",
    dictionary: {
      "Zoom": "範囲を選んで拡大", "Pan": "移動", "Zoom in": "拡大", "Zoom out": "縮小",
      "Autoscale": "全体を表示", "Reset axes": "元の表示に戻す",
      "Double-click to zoom back out": "ダブルクリックで元の表示に戻ります"
    },
    format: { decimal: ".", thousands: ",", grouping: [3], currency: ["¥", ""] }
  };
  // Only these buttons: no "Share chart" (it posts the chart to plotly's cloud), no image
  // download, no link to plotly's site. The site promises that no other server is contacted.
  var BUTTONS = [["zoom2d", "pan2d", "zoomIn2d", "zoomOut2d", "resetScale2d"]];

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
      if (!loading.registered) { Plotly.register(JAPANESE); loading.registered = true; }
      var figure = JSON.parse(source.textContent);
      var picture = container.innerHTML;
      container.textContent = "";
      container.setAttribute("role", "group");
      container.setAttribute("aria-label", (document.getElementById("chart-" + id + "-title") || {}).textContent + "（操作できるグラフ。データは下の表）");
      // On a phone the plot keeps a readable width and scrolls inside its own box.
      var plot = document.createElement("div");
      plot.className = "chart-plot__inner";
      container.appendChild(plot);
      container.classList.add("chart-plot--interactive");
      return Plotly.newPlot(plot, figure.data, figure.layout, {
        displaylogo: false, responsive: true, locale: "ja",
        showSendToCloud: false, showEditInChartStudio: false, showLink: false, plotlyServerURL: "",
        modeBarButtons: BUTTONS,
        // plotly's default topojson address is a CDN; geo traces are not used here,
        // and this keeps even a future one from reaching another host.
        topojsonURL: plotlyUrl.replace(/[^/]*$/, "")
      }).then(function () {
        // A node of the relations graph opens its case, as in the picture.
        plot.on("plotly_click", function (event) {
          var point = event && event.points && event.points[0];
          var target = point && Array.isArray(point.customdata) && point.customdata[1];
          if (target) window.location.href = siteRoot + target;
        });
        container.dataset.drawn = "yes";
        button.hidden = true;
      }, function () {
        container.classList.remove("chart-plot--interactive");
        container.innerHTML = picture;
        throw new Error("plot");
      });
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
