/* A "Chép" (copy) button under each key message of a campaign page. No library.
 *
 * The button is added only where the Clipboard API can work (a secure context with
 * navigator.clipboard); elsewhere, and without JavaScript, the message stays plain text
 * to select and copy by hand. A polite live region says "Đã chép" after copying.
 */
(function () {
  "use strict";

  var DONE = "Đã chép";
  var FAILED = "Không chép được; hãy bôi đen câu và chép thủ công.";

  function enhance(quote) {
    if (quote.dataset.copyReady) return;
    var text = quote.querySelector("p");
    if (!text) return;
    quote.dataset.copyReady = "1";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "key-message__copy";
    button.textContent = "Chép";
    if (text.id) button.setAttribute("aria-describedby", text.id);
    var status = document.createElement("span");
    status.className = "key-message__status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    var timer = null;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(text.textContent.trim()).then(function () {
        status.textContent = DONE;
      }, function () {
        status.textContent = FAILED;
      }).then(function () {
        clearTimeout(timer);
        timer = setTimeout(function () { status.textContent = ""; }, 4000);
      });
    });
    quote.appendChild(button);
    quote.appendChild(status);
  }

  function init() {
    if (!window.isSecureContext || !navigator.clipboard || !navigator.clipboard.writeText) return;
    document.querySelectorAll("[data-copy-message]").forEach(enhance);
  }
  if (window.document$) { window.document$.subscribe(init); } else { document.addEventListener("DOMContentLoaded", init); }
})();
