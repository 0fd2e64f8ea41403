/* Listen: reads the lesson aloud with the device's own voice (Web Speech API). The button
   (partials/zb-listen.html) stays hidden unless the device has a voice that runs on the
   device (localService) for the language the text is written in (data-zb-lang): never a
   voice of another language, never an online voice that would send the text away. Nothing
   is downloaded. Reads the title, then the text blocks in page order (not the quiz, the
   teacher box or the glossary links' extras); the same button, or Escape, stops. */
(function () {
  "use strict";
  var box = document.querySelector(".zb-listen");
  var synth = window.speechSynthesis;
  if (!box || !synth || !window.SpeechSynthesisUtterance) return;
  var button = box.querySelector("button");
  var lang = box.getAttribute("data-zb-lang");
  var s = button.dataset;
  var BLOCKS = "h2, h3, h4, p, li, dt, dd, th, td, figcaption, blockquote";
  var SKIP = ".zb-quiz, .zb-facts, .headerlink, .zb-terms__links, script, style, [hidden]";
  var voice = null, reading = false, queue = [];

  function localVoice() {
    var voices = synth.getVoices() || [];
    for (var i = 0; i < voices.length; i++) {
      var v = voices[i];
      var primary = String(v.lang || "").toLowerCase().split(/[-_]/)[0];
      if (v.localService === true && primary === lang) return v;
    }
    return null;
  }
  function check() {
    voice = localVoice();
    box.hidden = !voice;
    if (!voice && reading) stop();
  }
  function text(el) {
    var copy = el.cloneNode(true);
    var drop = copy.querySelectorAll(SKIP);
    for (var i = 0; i < drop.length; i++) drop[i].remove();
    return copy.textContent.replace(/\s+/g, " ").trim();
  }
  function chunks() {
    var out = [];
    var title = document.getElementById("zb-main");
    if (title) out.push(text(title));
    var root = document.querySelector(".zb-text");
    if (!root) return out;
    var all = root.querySelectorAll(BLOCKS), taken = [];
    for (var i = 0; i < all.length; i++) {
      var el = all[i];
      if (el.closest(SKIP)) continue;
      // a block inside one already taken (a <p> in an <li>) is read with it
      var inside = false;
      for (var j = taken.length - 1; j >= 0 && !inside; j--) inside = taken[j].contains(el);
      if (inside) continue;
      taken.push(el);
      var t = text(el);
      if (t) out.push(t);
    }
    return out;
  }
  function label(on) {
    reading = on;
    button.textContent = on ? s.zbStop : s.zbListen;
    button.setAttribute("aria-pressed", String(on));
  }
  function next() {
    if (!reading) return;
    if (!queue.length) { label(false); return; }
    var u = new SpeechSynthesisUtterance(queue.shift());
    u.voice = voice;
    u.lang = voice.lang;
    u.onend = next;
    u.onerror = function () { stop(); };
    synth.speak(u);
  }
  function start() {
    if (!voice) return;
    synth.cancel();
    queue = chunks();
    label(true);
    next();
  }
  function stop() {
    queue = [];
    label(false);
    synth.cancel();
  }
  button.addEventListener("click", function () { if (reading) stop(); else start(); });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape" && reading) stop(); });
  addEventListener("pagehide", function () { if (reading) stop(); });
  if (synth.addEventListener) synth.addEventListener("voiceschanged", check);
  check();
})();
