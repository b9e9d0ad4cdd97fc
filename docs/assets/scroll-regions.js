// Wide tables scroll sideways on phones: Material wraps each one in .md-typeset__scrollwrap.
// A box that scrolls must be reachable by keyboard (WCAG 2.1.1, axe scrollable-region-focusable),
// so while a wrapper overflows it is a focusable region named after the table; once it fits
// again it stops being a tab stop, so desktop readers do not tab through empty stops.
(function () {
  "use strict";
  function nameOf(wrap) {
    var caption = wrap.querySelector("caption");
    if (caption && caption.textContent.trim()) return caption.textContent.trim();
    // The nearest heading above the table says what it holds.
    for (var node = wrap.previousElementSibling; node; node = node.previousElementSibling) {
      if (/^H[1-6]$/.test(node.tagName)) return node.textContent.trim();
    }
    return document.title;
  }
  function update() {
    var wraps = document.querySelectorAll(".md-typeset__scrollwrap");
    for (var i = 0; i < wraps.length; i++) {
      var wrap = wraps[i];
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", "Bảng cuộn ngang: " + nameOf(wrap));
      } else if (wrap.getAttribute("role") === "region") {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    }
  }
  var pending = 0;
  function later() {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(update);
  }
  // Material wraps the tables when it mounts the page (document$); run after it.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(later);
  } else {
    document.addEventListener("DOMContentLoaded", later);
  }
  window.addEventListener("resize", later);
})();
