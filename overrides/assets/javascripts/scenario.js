/* "Path of a hero" scenarios (hooks/editions/scenario_page.py): an optional layer over links
   that already work. On each move to a step (hashchange) it puts focus on that step's heading,
   keeps the path taken (in memory and sessionStorage, for this page only; nothing on a
   sensitive page), and on an ending fills its recap: each choice taken and what it meant
   (the link's data-meaning). No eval, no inline script, no HTML parsing: text goes in with
   textContent. Runs under Content-Security-Policy script-src 'self'. */
(function () {
  "use strict";
  var path = document.querySelector(".zb-path");
  if (!path || !window.addEventListener) return;
  var KEY = "zansabaq-path:" + location.pathname;
  var PRIVATE = document.querySelector("[data-zb-private]");
  var taken = [];
  var pending = null;
  try { if (!PRIVATE) taken = JSON.parse(sessionStorage.getItem(KEY)) || []; } catch (e) { taken = []; }

  function save() {
    if (PRIVATE) return;
    try { sessionStorage.setItem(KEY, JSON.stringify(taken)); } catch (e) { /* storage off: memory only */ }
  }
  function stepOf(node) {
    while (node && node !== path) {
      if (node.classList && node.classList.contains("zb-step")) return node;
      node = node.parentNode;
    }
    return null;
  }
  function current() {
    var id = decodeURIComponent(location.hash.slice(1));
    var step = id ? document.getElementById(id) : null;
    return step && stepOf(step) === step ? step : null;
  }
  function recap(step) {
    var box = step.querySelector(".zb-recap");
    if (!box) return;
    var list = box.querySelector("ol");
    while (list.firstChild) list.removeChild(list.firstChild);
    taken.forEach(function (item) {
      var li = document.createElement("li");
      var choice = document.createElement("span");
      choice.textContent = item.text;
      var meaning = document.createElement("span");
      meaning.className = "zb-recap__meaning";
      meaning.textContent = (path.getAttribute("data-meaning-label") || "") + " " + item.meaning;
      li.appendChild(choice);
      li.appendChild(meaning);
      list.appendChild(li);
    });
    box.hidden = taken.length === 0;
  }
  function arrive() {
    var step = current();
    if (!step) return;
    if (step.id === path.getAttribute("data-start") && !pending) taken = [];
    if (pending && pending.to === step.id) taken.push(pending);
    pending = null;
    save();
    var kind = step.getAttribute("data-kind");
    if (kind === "good" || kind === "bad") recap(step);
    var heading = step.querySelector("h2");
    if (heading) heading.focus();
  }
  // A click (or Enter) on a choice: remember what was chosen, then let the link do its work.
  path.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[href^='#']") : null;
    if (!link || !stepOf(link)) return;
    var to = link.getAttribute("href").slice(1);
    if (link.hasAttribute("data-meaning")) {
      pending = { text: link.textContent, meaning: link.getAttribute("data-meaning"), to: to };
    } else if (to === path.getAttribute("data-start")) {
      taken = [];  // play again
    }
    if (current() && current().id === to) arrive();  // same hash: no hashchange
  });
  window.addEventListener("hashchange", arrive);
  if (current()) {
    var step = current();
    var kind = step.getAttribute("data-kind");
    if (kind === "good" || kind === "bad") recap(step);
  }
}());
