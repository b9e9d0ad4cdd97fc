/* Printing: where each link of the page leads, and collapsed sections opened. No library.
 *
 * On paper a link is only underlined words, so assets/print.css writes its address
 * after it. An external link carries its address; a link inside the site is relative
 * ("../van-ban/x/"), so here it gets its full address from the page's canonical link
 * (the build knows the public address), or else its path on this server. Opened from a
 * file (file://), an internal link gets none: a folder of this computer means nothing
 * on paper. Collapsed sections (<details>) are opened before printing and closed after.
 */
(function () {
  "use strict";

  var canonical = document.querySelector('link[rel="canonical"]');
  var base = canonical ? canonical.href : /^https?:$/.test(location.protocol) ? location.href : null;

  function sameText(link, address) {
    var text = link.textContent.trim().replace(/\/$/, "");
    return text === address.replace(/\/$/, "") || text === address.replace(/^https?:\/\//, "").replace(/\/$/, "");
  }

  function mark(link) {
    var href = link.getAttribute("href");
    if (!href || href.charAt(0) === "#" || /^(tel|mailto|sms|javascript):/i.test(href)) return;
    if (/^https?:/i.test(href)) {
      if (sameText(link, href)) link.classList.add("print-href-same");
      return;
    }
    if (!base) return;
    var url = new URL(href, base);
    var address = canonical ? url.href : url.pathname + url.hash;
    link.setAttribute("data-print-href", address);
    if (sameText(link, address)) link.classList.add("print-href-same");
  }

  Array.prototype.forEach.call(document.querySelectorAll(".md-content a[href]"), mark);

  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details:not([open])"), function (d) {
      d.open = true;
      return true;
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();
