/* Zansabaq quizzes: progressive enhancement of the server-rendered <form class="zb-quiz">
   (hooks/editions/quiz.py). Without this file the form still works with the answer key.
   No framework, no eval, no inline script, no HTML parsing: interface text comes from the
   form's data-s-* attributes and goes in with textContent; explanations are cloned from
   the server-rendered <template>. Runs under Content-Security-Policy script-src 'self'.
   An open question (data-type="open") is written, not scored: it gets no "Check" button, is not
   counted in the score, and what is typed in its text area is never saved. */
(function () {
  "use strict";
  var PREFIX = "zansabaq-quiz:";
  // A sensitive lesson (partials/zb-leave.html): nothing is kept in the browser.
  var PRIVATE = document.querySelector("[data-zb-private]");

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  function make(tag, cls, text, lang) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    if (lang) node.lang = lang;
    return node;
  }
  function button(text, lang) {
    var b = make("button", "zb-quiz__btn", text, lang);
    b.type = "button";
    return b;
  }
  function read(key) {
    if (PRIVATE) return null;
    try { return JSON.parse(localStorage.getItem(PREFIX + key)); } catch (e) { return null; }
  }
  function write(key, value) {
    if (PRIVATE) return;
    try {
      if (value) localStorage.setItem(PREFIX + key, JSON.stringify(value));
      else localStorage.removeItem(PREFIX + key);
    } catch (e) { /* storage blocked: the quiz still works, it just forgets */ }
  }

  function setup(form) {
    var s = form.dataset, lang = s.lang || "", key = s.zbQuiz;
    // only the scored questions: an open one keeps its own text area and model answer
    var questions = form.querySelectorAll('.zb-quiz__q:not([data-type="open"])');
    var end = form.querySelector(".zb-quiz__end");
    var score = form.querySelector(".zb-quiz__score");
    var again = button(s.sAgain, lang), clear = button(s.sClear, lang);
    var saved = read(key);
    // a: chosen option indices per question id; c: question ids whose result is shown
    var state = { v: s.zbVersion, a: {}, c: {} };
    if (saved && saved.v === state.v && saved.a && saved.c) state = saved;

    form.querySelector(".zb-quiz__intro").textContent = PRIVATE ? PRIVATE.dataset.zbQuizIntro : s.sIntro;
    again.hidden = true;
    // after the score: the way on (the page's "What to do next" box: help, next lesson)
    var next = null;
    if (document.getElementById("zb-next")) {
      next = make("p", "zb-quiz__after");
      var on = make("a", "zb-quiz__next", s.sNext, lang);
      on.href = "#zb-next";
      next.appendChild(on);
      next.hidden = true;
    }
    clear.className += " zb-quiz__btn--quiet";
    end.appendChild(again);
    end.appendChild(clear);
    if (next) end.appendChild(next);

    function chosen(q) {
      var out = [];
      each(q.querySelectorAll("input"), function (input) { if (input.checked) out.push(+input.value); });
      return out;
    }
    function isRight(q) { return chosen(q).join(" ") === q.dataset.answer; }

    function show(q, on) {
      var box = q.querySelector(".zb-quiz__result"), why = q.querySelector("template").content;
      var picked = chosen(q), ok = isRight(q), head, icon;
      box.textContent = "";
      box.className = "zb-quiz__result";
      delete state.c[q.id];
      each(q.querySelectorAll(".zb-quiz__mark"), function (m) { m.remove(); });
      if (!on) return;
      if (!picked.length) { box.appendChild(make("p", "", s.sChoose, lang)); return; }
      state.c[q.id] = 1;
      // each ticked option says whether it was a right choice
      var answer = q.dataset.answer.split(" ");
      picked.forEach(function (i) {
        var good = answer.indexOf(String(i)) >= 0;
        var label = q.querySelector('label[for="' + q.id + "-" + (i + 1) + '"]');
        if (!label) return;
        var mark = make("span", "zb-quiz__mark " + (good ? "is-right" : "is-wrong"));
        var sign = make("span", "", good ? "\u2713 " : "\u2717 ");
        sign.setAttribute("aria-hidden", "true");
        mark.appendChild(sign);
        mark.appendChild(make("span", "", good ? s.sMarkRight : s.sMarkWrong, lang));
        label.appendChild(mark);
      });
      box.className += ok ? " is-right" : " is-wrong";
      head = make("p", "zb-quiz__verdict");
      icon = make("span", "zb-quiz__icon", ok ? "\u2713" : "\u2717");
      icon.setAttribute("aria-hidden", "true");
      head.appendChild(icon);
      head.appendChild(make("strong", "", ok ? s.sRight : s.sWrong, lang));
      box.appendChild(head);
      picked.forEach(function (i) {
        var note = why.querySelector('[data-o="' + i + '"]');
        if (note) box.appendChild(note.cloneNode(true));
      });
      if (!ok) box.appendChild(why.querySelector("[data-k]").cloneNode(true));
      each(why.querySelectorAll("[data-e]"), function (n) { box.appendChild(n.cloneNode(true)); });
    }

    function tally() {
      var done = 0, right = 0;
      each(questions, function (q) {
        if (state.c[q.id]) { done++; if (isRight(q)) right++; }
      });
      var all = questions.length > 0 && done === questions.length;
      score.textContent = all ? s.sScore.replace("{n}", right).replace("{total}", questions.length) : "";
      again.hidden = !all;
      if (next) next.hidden = !all;
    }

    function reset() {
      state.a = {};
      state.c = {};
      form.reset();
      each(questions, function (q) { show(q, false); });
      tally();
    }

    each(questions, function (q) {
      var check = button(s.sCheck, lang);
      check.setAttribute("aria-describedby", q.id + "-text");  // "Check" — which question
      var picked = Array.isArray(state.a[q.id]) ? state.a[q.id] : [];
      q.insertBefore(check, q.querySelector(".zb-quiz__result"));
      each(q.querySelectorAll("input"), function (input) { input.checked = picked.indexOf(+input.value) >= 0; });
      show(q, !!state.c[q.id] && picked.length > 0);
      check.addEventListener("click", function () { show(q, true); tally(); write(key, state); });
      q.addEventListener("change", function () {
        state.a[q.id] = chosen(q);
        show(q, false);
        tally();
        write(key, state);
      });
    });
    tally();

    again.addEventListener("click", function () {
      reset();
      write(key, state);
      if (questions.length) questions[0].querySelector("input").focus();
    });
    clear.addEventListener("click", function () {
      reset();
      write(key, null);
      score.textContent = s.sCleared;
    });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
  }

  each(document.querySelectorAll("form.zb-quiz[data-zb-quiz]"), setup);
})();
