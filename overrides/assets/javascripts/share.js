/* Zansabaq teacher tools (overrides/partials/zb-tools.html): the "copy link" and "print"
   buttons. They are hidden in the HTML and shown here, so without JavaScript nobody meets a
   dead button: the address stays in a read-only field to select and copy, and the browser's
   own Print command prints the page. No inline script, no HTML parsing: the messages come
   from data-s-* attributes and go in with textContent. Runs under script-src 'self'. */
(function () {
  "use strict";

  function selectField(input) {
    input.focus();
    input.setSelectionRange(0, input.value.length);
  }

  function legacyCopy(input) {
    selectField(input);
    try {
      return document.execCommand("copy");
    } catch (e) {
      return false;
    }
  }

  function copy(input, done) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(
        function () { done(true); },
        function () { done(legacyCopy(input)); }
      );
    } else {
      done(legacyCopy(input));
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-zb-share]"), function (box) {
    var input = box.querySelector("input");
    var button = box.querySelector("button");
    var status = box.querySelector("[role=status]");
    if (!input || !button || !status) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      status.textContent = "";
      copy(input, function (ok) {
        status.textContent = box.getAttribute(ok ? "data-s-copied" : "data-s-failed");
        if (!ok) selectField(input);
      });
    });
    input.addEventListener("focus", function () { selectField(input); });
  });

  Array.prototype.forEach.call(document.querySelectorAll("[data-zb-print]"), function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
