/* "Chép" (copy) buttons for key messages and loudspeaker scripts. No library.
 *
 * A key message ([data-copy-message], templates/_key_messages.md.j2) is copied as plain
 * text: the message, then the help lines of its section (each [data-copy-line] holds
 * "number: what it is for"), then
 * the page's address (the canonical address when the page has one, else the address in
 * the browser). A loudspeaker script ([data-copy-script]) is copied paragraph by paragraph.
 * Buttons are added only where the Clipboard API can work (a secure context with
 * navigator.clipboard); elsewhere, and without JavaScript, the text stays plain text to
 * select and copy by hand. A polite live region says "Đã chép" after copying.
 */
(function () {
  "use strict";

  var DONE = "Đã chép";
  var FAILED = "Không chép được; hãy bôi đen câu và chép thủ công.";

  function clean(text) { return text.replace(/\s+/g, " ").trim(); }

  function pageAddress() {
    var canonical = document.querySelector('link[rel="canonical"]');
    return canonical && canonical.href ? canonical.href : location.href.split("#")[0];
  }

  function messageText(quote, text) {
    var parts = [clean(text.textContent)];
    var section = quote.closest("[data-key-messages]");
    var lines = section ? section.querySelectorAll("[data-copy-line]") : [];
    if (lines.length) {
      parts.push("Đường dây trợ giúp:\n" + Array.prototype.map.call(lines, function (l) { return clean(l.getAttribute("data-copy-line")); }).join("\n"));
    }
    parts.push(pageAddress());
    return parts.join("\n\n");
  }

  function scriptText(block) {
    return Array.prototype.map.call(block.querySelectorAll("p"), function (p) { return clean(p.textContent); }).join("\n\n");
  }

  function addButton(host, label, describedBy, getText) {
    if (host.dataset.copyReady) return;
    host.dataset.copyReady = "1";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "key-message__copy";
    button.textContent = label;
    if (describedBy) button.setAttribute("aria-describedby", describedBy);
    var status = document.createElement("span");
    status.className = "key-message__status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    var timer = null;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(getText()).then(function () {
        status.textContent = DONE;
      }, function () {
        status.textContent = FAILED;
      }).then(function () {
        clearTimeout(timer);
        timer = setTimeout(function () { status.textContent = ""; }, 4000);
      });
    });
    host.appendChild(button);
    host.appendChild(status);
  }

  function init() {
    if (!window.isSecureContext || !navigator.clipboard || !navigator.clipboard.writeText) return;
    document.querySelectorAll("[data-copy-message]").forEach(function (quote) {
      var text = quote.querySelector("p");
      if (text) addButton(quote, "Chép", text.id, function () { return messageText(quote, text); });
    });
    document.querySelectorAll("[data-key-messages] .key-messages__with").forEach(function (note) { note.hidden = false; });
    document.querySelectorAll("[data-copy-script]").forEach(function (block) {
      addButton(block, "Chép bài phát thanh", null, function () { return scriptText(block); });
    });
  }
  if (window.document$) { window.document$.subscribe(init); } else { document.addEventListener("DOMContentLoaded", init); }
})();
