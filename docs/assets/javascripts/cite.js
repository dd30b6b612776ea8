/* Citations (「この数値を引用」「このページを引用」): the page puts in the address it was built for
   (or, without SITE_URL, its path from the site root); here the address the reader is at takes
   the place of a path, the day of reading is filled in, and each citation gets a copy button. */
(function () {
  "use strict";

  function today() {
    var d = new Date();
    return d.getFullYear() + "年" + (d.getMonth() + 1) + "月" + d.getDate() + "日";
  }

  function fill() {
    var here = location.href.split("#")[0];
    document.querySelectorAll("[data-cite-url]").forEach(function (span) {
      if (/^https?:/.test(span.textContent)) return; // the build knew the site's address
      var anchor = span.getAttribute("data-cite-url");
      span.textContent = here + (anchor ? "#" + anchor : "");
    });
    var day = today();
    document.querySelectorAll("[data-cite-date]").forEach(function (span) {
      span.textContent = day;
    });
    if (!navigator.clipboard) return;
    document.querySelectorAll(".cite-box__copy").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var text = button.closest(".cite-box").querySelector(".cite-box__text").textContent;
        navigator.clipboard.writeText(text).then(function () {
          button.textContent = "コピーしました";
        }, function () {
          button.textContent = "コピーできませんでした（文を選んでコピーしてください）";
        });
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fill);
  else fill();
})();
