/* Zansabaq site search: drives Material's search box markup (partials/zb-search.html) with
   Pagefind (hooks/site/search.py builds one index per <html lang>: kk, ru, en). Nothing is
   downloaded until the reader focuses the box; then pagefind/pagefind.js is imported and it
   fetches the index of this page's language only, in small pieces, as the query needs them.
   Page text goes in with textContent; Pagefind's excerpt is rebuilt from its <mark> pieces,
   never parsed as HTML. No inline script, no eval.
   CSP NOTE: Pagefind runs WebAssembly, so the policy's script-src needs 'wasm-unsafe-eval'
   (besides 'self'); without it the box shows the "search could not load" message. Fetches
   stay on this site (connect-src 'self' via default-src). */
(function () {
  "use strict";
  var root = document.querySelector(".zb-search");
  var toggle = document.getElementById("__search");
  // Pages opened from disk (file://) cannot fetch the index: the box stays hidden there.
  if (!root || !toggle || !window.Promise || location.protocol === "file:") return;
  var opener = document.querySelector(".zb-search-open");
  var form = root.querySelector(".md-search__form");
  var input = root.querySelector(".md-search__input");
  var meta = root.querySelector(".md-search-result__meta");
  var list = root.querySelector(".md-search-result__list");
  var output = root.querySelector(".md-search__output");
  var s = root.dataset;
  var PAGE = 10;          // results whose text (a Pagefind "fragment") is fetched at a time
  var pagefind = null;    // Promise of the Pagefind module, once the reader opens search
  var results = [], shown = 0, seq = 0;

  function make(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  }
  function setOpen(open) { if (toggle.checked !== open) toggle.click(); }  // Material's CSS does the rest
  function say(text) { meta.textContent = text; }

  function load() {
    if (!pagefind) {
      say(s.zbLoading);
      var url = new URL(s.zbPagefind, document.baseURI).href;
      pagefind = import(url).then(function (pf) {
        // The index is small: search on the main thread, no worker file to fetch.
        return pf.options({ noWorker: true, excerptLength: 24 })
          .then(function () { return pf.init(); })   // fetch this language's index entry now
          .then(function () { return pf; });
      });
      pagefind.then(function () { if (!input.value.trim()) say(s.zbHint); }, function () {
        pagefind = null;    // offline or blocked: try again on the next keystroke or focus
        say(s.zbError);
      });
    }
    return pagefind;
  }

  // Pagefind's excerpt is the page text with "<" and ">" escaped and <mark>…</mark> around
  // the matches: rebuild it as text nodes and <mark> elements.
  function excerpt(node, html) {
    var parts = String(html || "").split(/(<\/?mark>)/), marked = false;
    parts.forEach(function (part) {
      if (part === "<mark>") { marked = true; return; }
      if (part === "</mark>") { marked = false; return; }
      if (!part) return;
      var text = part.replace(/&lt;/g, "<").replace(/&gt;/g, ">");
      node.appendChild(marked ? make("mark", "", text) : document.createTextNode(text));
    });
  }

  function item(data) {
    var li = make("li", "md-search-result__item");
    var link = make("a", "md-search-result__link");
    link.href = data.url;
    var article = make("article", "md-search-result__article md-typeset");
    article.appendChild(make("div", "md-search-result__icon md-icon"));
    article.appendChild(make("div", "zb-search-result__title", (data.meta && data.meta.title) || data.url));
    var text = make("p");
    excerpt(text, data.excerpt);
    article.appendChild(text);
    link.appendChild(article);
    li.appendChild(link);
    return li;
  }

  function more(my) {
    var batch = results.slice(shown, shown + PAGE);
    shown += batch.length;
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (items) {
      if (my !== seq) return;
      var old = list.querySelector(".zb-search-more");
      if (old) old.parentNode.removeChild(old);
      items.forEach(function (data) { list.appendChild(item(data)); });
      if (shown < results.length) {
        var li = make("li", "md-search-result__item zb-search-more");
        var button = make("button", "zb-search-more__button", s.zbMore);
        button.type = "button";
        button.addEventListener("click", function () {
          var next = shown;
          more(my).then(function () {
            var links = list.querySelectorAll(".md-search-result__link");
            if (links[next]) links[next].focus();
          });
        });
        li.appendChild(button);
        list.appendChild(li);
      }
    });
  }

  function run() {
    var query = input.value.trim(), my = ++seq;
    if (!query) {
      results = []; shown = 0; list.textContent = "";
      if (pagefind) say(s.zbHint);
      return;
    }
    load().then(function (pf) {
      return pf.debouncedSearch(query, {}, 200);
    }).then(function (found) {
      if (found === null || my !== seq) return;  // a newer query replaced this one
      results = found.results; shown = 0; list.textContent = "";
      if (!results.length) return say(s.zbNone);
      // The count is announced (role="status") once the first results are on screen.
      return more(my).then(function () { if (my === seq) say(s.zbCount.replace("{n}", results.length)); });
    }).catch(function () { if (my === seq) say(s.zbError); });
  }

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a, button")); }

  // The results panel exists for assistive technology only while the box is open.
  function sync() { output.hidden = !toggle.checked; }
  toggle.addEventListener("change", sync);
  sync();
  root.hidden = false;
  if (opener) {
    opener.hidden = false;
    opener.addEventListener("click", function () { setOpen(true); input.focus(); });
  }
  input.addEventListener("focus", function () { setOpen(true); load(); });
  input.addEventListener("input", run);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector(".md-search-result__link");
    if (first) first.click();
  });
  form.addEventListener("reset", function () { setTimeout(function () { run(); input.focus(); }, 0); });
  list.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("a")) setOpen(false);
  });
  root.addEventListener("keydown", function (event) {
    var items = links(), at = items.indexOf(document.activeElement);
    if (event.key === "Escape") {
      setOpen(false);
      input.blur();
      if (opener && getComputedStyle(opener).display !== "none") opener.focus();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!items.length) return;
      event.preventDefault();
      var next = event.key === "ArrowDown" ? at + 1 : at - 1;
      if (next < 0 || next >= items.length) input.focus();
      else items[next].focus();
    }
  });
  // Leaving the box with Tab closes it, as Material's own search does.
  root.addEventListener("focusout", function (event) {
    if (event.relatedTarget && !root.contains(event.relatedTarget)) setOpen(false);
  });
  // "Search the site" links (the page-not-found pages: hooks/site/notfound.py) end in #search.
  // On a phone the field is hidden until the box opens: open it, then focus once it is shown
  // (Material fades the box in).
  // The browser's own move to #search (after the page loads) takes focus away: focus after it.
  if (location.hash === "#search") {
    setOpen(true);
    var tries = 0;
    var focusWhenShown = function () {
      if (getComputedStyle(input).visibility !== "hidden" && input.offsetParent !== null) input.focus();
      if (document.activeElement !== input && ++tries < 40) setTimeout(focusWhenShown, 50);
    };
    if (document.readyState === "complete") setTimeout(focusWhenShown, 0);
    else addEventListener("load", function () { setTimeout(focusWhenShown, 0); });
  }
})();
