// A plan's "mục tiêu 7 (chỉ tiêu 1 và 2)" links to the strategy goal's page; its title
// says what the goal and the indicators are. This shows that text in a small box: on
// hover or keyboard focus (mouse, keyboard), and on the first tap (touch), where a title
// never shows; a second tap, or a click, follows the link. Without JavaScript the link
// and its title work as they are.
(function () {
  "use strict";
  var counter = 0;
  function enhance(link) {
    if (link.dataset.tip) return;
    var text = link.getAttribute("title");
    if (!text) return;
    counter += 1;
    link.dataset.tip = "1";
    link.removeAttribute("title");
    var tip = document.createElement("span");
    tip.className = "goal-tip";
    tip.id = "goal-tip-" + counter;
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    var words = document.createElement("span");
    words.textContent = text;
    var more = document.createElement("a");
    more.href = link.href;
    more.textContent = "Xem mục tiêu và các chỉ tiêu";
    tip.appendChild(words);
    tip.appendChild(document.createTextNode(" "));
    tip.appendChild(more);
    var wrap = document.createElement("span");
    wrap.className = "goal-ref-wrap";
    link.parentNode.insertBefore(wrap, link);
    wrap.appendChild(link);
    wrap.appendChild(tip);
    link.setAttribute("aria-describedby", tip.id);
    var hideTimer = null;
    var pointer = null;
    var openAtPress = false;
    function show() { clearTimeout(hideTimer); tip.hidden = false; link.setAttribute("aria-expanded", "true"); }
    function hide() { tip.hidden = true; link.setAttribute("aria-expanded", "false"); }
    function hideSoon() { clearTimeout(hideTimer); hideTimer = setTimeout(hide, 300); }
    wrap.addEventListener("pointerenter", function (e) { if (e.pointerType === "mouse") show(); });
    wrap.addEventListener("pointerleave", function (e) { if (e.pointerType === "mouse") hideSoon(); });
    link.addEventListener("focus", show);
    link.addEventListener("blur", function () { if (pointer !== "touch") hideSoon(); });
    link.addEventListener("pointerdown", function (e) { pointer = e.pointerType; openAtPress = !tip.hidden; });
    link.addEventListener("click", function (e) {
      if (pointer && pointer !== "mouse" && !openAtPress) { e.preventDefault(); show(); }
      pointer = null;
    });
    document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
    document.addEventListener("pointerdown", function (e) { if (!wrap.contains(e.target)) hide(); });
  }
  function init() { document.querySelectorAll("a.goal-ref").forEach(enhance); }
  if (window.document$) { window.document$.subscribe(init); } else { document.addEventListener("DOMContentLoaded", init); }
})();
