/* Quick exit ("Thoát nhanh"), after GOV.UK "Exit this page". No dependencies.
 *
 * A click on the [data-qe-exit] link, or Shift pressed 3 times within 5 seconds
 * (counted on keyup; Shift used as a modifier does not count), covers the page with
 * a blank overlay at once, then leaves with location.replace(), so that Back does not
 * return to this page. Without JavaScript the link is an ordinary link and still works.
 * It does not erase browsing history: the help pages say so.
 */
(function () {
  "use strict";

  if (window.__quickExitReady) {
    return;
  }
  window.__quickExitReady = true;

  var PRESSES = 3;
  var WINDOW_MS = 5000;
  var TEXT = {
    left: function (n) {
      return "Nhấn Shift thêm " + n + " lần nữa để thoát trang.";
    },
    exiting: "Đang thoát trang.",
    expired: "Đã quá 5 giây, trang chưa thoát."
  };

  var count = 0;
  var timer = null;
  var modified = false;

  function exitLink() {
    return document.querySelector("[data-qe-exit]");
  }

  function announce(text) {
    var region = document.querySelector("[data-qe-status]");
    if (!region) {
      region = document.createElement("div");
      region.className = "qe-sr";
      region.setAttribute("role", "status");
      region.setAttribute("aria-live", "polite");
      region.setAttribute("data-qe-status", "");
      document.body.appendChild(region);
    }
    region.textContent = text;
  }

  function showDots(n) {
    var link = exitLink();
    if (!link) {
      return;
    }
    link.classList.toggle("qe-counting", n > 0);
    var dots = link.querySelectorAll(".qe-dots > span");
    for (var i = 0; i < dots.length; i += 1) {
      dots[i].classList.toggle("qe-on", i < n);
    }
  }

  function reset() {
    count = 0;
    if (timer) {
      window.clearTimeout(timer);
      timer = null;
    }
    showDots(0);
  }

  function exit(url) {
    if (timer) {
      window.clearTimeout(timer);
      timer = null;
    }
    var cover = document.createElement("div");
    cover.className = "qe-overlay";
    cover.setAttribute("data-qe-overlay", "");
    // Inline too: the cover must work even if the stylesheet did not load.
    cover.style.cssText = "position:fixed;top:0;right:0;bottom:0;left:0;z-index:2147483647;background:#fff";
    document.body.appendChild(cover);
    announce(TEXT.exiting);
    window.location.replace(url);
  }

  function expire() {
    timer = null;
    count = 0;
    showDots(0);
    announce(TEXT.expired);
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    var link = target && target.closest ? target.closest("[data-qe-exit]") : null;
    if (!link) {
      return;
    }
    event.preventDefault();
    exit(link.href);
  }, true);

  window.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!event.repeat) {
        modified = false;
      }
      return;
    }
    // Any other key: Shift held with it was a modifier, and the count starts over.
    if (event.shiftKey) {
      modified = true;
    }
    if (count > 0) {
      reset();
    }
  }, true);

  window.addEventListener("mousedown", function (event) {
    if (event.shiftKey) {
      modified = true; // Shift+click selects text: not a press for the exit
    }
  }, true);

  window.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") {
      return;
    }
    if (modified) {
      modified = false;
      return;
    }
    var link = exitLink();
    if (!link) {
      return;
    }
    count += 1;
    if (count === 1) {
      timer = window.setTimeout(expire, WINDOW_MS);
    }
    showDots(count);
    if (count >= PRESSES) {
      exit(link.href);
      return;
    }
    announce(TEXT.left(PRESSES - count));
  }, true);

  // Coming back from the back-forward cache: take the cover away and start over.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) {
      return;
    }
    var covers = document.querySelectorAll("[data-qe-overlay]");
    for (var i = 0; i < covers.length; i += 1) {
      covers[i].parentNode.removeChild(covers[i]);
    }
    reset();
    announce("");
  });
})();
