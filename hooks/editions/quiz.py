"""Quizzes in lessons: parse, check and render ```quiz blocks.

Plain Python, no MkDocs. An editor writes a fenced block that holds YAML (the
syntax is in CONTRIBUTING.md, "Quizzes")::

    ```quiz
    questions:
      - id: sms-code
        type: single            # single | multiple | truefalse | open
        text: What do you do?
        options:
          - text: Tell the code.
            explain: A real bank never asks for it.
          - text: Hang up and call the bank.
            correct: true
        explain: Whoever has the code can take your money.
        source: Law "On payments", Article 25
    ```

Parsing lives in hooks/content/quizdata.py (``parse_quizzes``, ``Quiz``, ``Question``, ``Option``,
re-exported here); the catalogue parses every lesson's quizzes once and gives a translation
the original's structure, so pages read ``entry.quizzes``. This module renders them:
``render_markdown`` replaces the blocks in a page's Markdown with server-rendered HTML (a
real form that works without JavaScript); ``overrides/assets/javascripts/quiz.js``
enhances it. An ``open`` question is a text area (never saved) with its model answer in a
<details>, and ruled lines when printed; it has no "Check" button and is not in the score.
"""
from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

import markdown as _markdown

from hooks.content.quizdata import Option, Question, Quiz, find_blocks, parse_quizzes  # noqa: F401 (stable API)

SCRIPT = "assets/javascripts/quiz.js"
STYLE = "assets/stylesheets/quiz.css"


# ----- safe Markdown for editor text -----------------------------------------------
_SAFE_SCHEMES = ("http", "https", "mailto", "tel")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def safe_url(url: str) -> bool:
    """True for http(s), mailto, tel and scheme-less (relative, #fragment) URLs."""
    plain = re.sub(r"[\x00-\x20\x7f]+", "", html.unescape(html.unescape(url or ""))).lower()
    m = re.match(r"^([a-z][a-z0-9+.\-]*):", plain)
    if m:
        return m.group(1) in _SAFE_SCHEMES
    return ":" not in plain.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]


class _Sanitize(_markdown.treeprocessors.Treeprocessor):
    """Drop links with unsafe schemes (keep their text) and any image."""

    def run(self, root):
        for parent in root.iter():
            for child in list(parent):
                if child.tag == "a" and not safe_url(child.get("href", "")):
                    child.tag = "span"
                    child.attrib.clear()
                elif child.tag == "img":
                    child.tag = "span"
                    alt = child.get("alt", "")
                    child.attrib.clear()
                    child.text = alt
                elif child.tag == "a":
                    kept = {k: v for k, v in child.attrib.items() if k in ("href", "title")}
                    child.attrib.clear()
                    child.attrib.update(kept)
        return None


class _SafeMarkdown:
    """python-markdown with raw HTML, headings, images and unsafe links switched off."""

    def __init__(self):
        md = _markdown.Markdown(extensions=[])
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        for name in ("image_link", "image_reference", "short_image_ref"):
            md.inlinePatterns.deregister(name)
        for name in ("hashheader", "setextheader", "hr", "indent", "code"):
            md.parser.blockprocessors.deregister(name)
        md.treeprocessors.register(_Sanitize(md), "zb_sanitize", 1)
        self.md = md

    @staticmethod
    def _clean(text: str) -> str:
        # \x02/\x03 mark python-markdown's placeholders: an editor must not forge them.
        return _CONTROL.sub("", str(text).replace("\r", ""))

    def block(self, text: str) -> str:
        """Paragraphs and lists, for explanations."""
        self.md.reset()
        return self.md.convert(self._clean(text))

    def inline(self, text: str) -> str:
        """Inline Markdown only (bold, italics, code, links), for labels and legends."""
        md = self.md
        md.reset()
        root = etree.Element("div")
        para = etree.SubElement(root, "p")
        para.text = " ".join(self._clean(text).split())
        for processor in md.treeprocessors:
            new = processor.run(root)
            if new is not None:
                root = new
        out = md.serializer(root)
        for processor in md.postprocessors:
            out = processor.run(out)
        out = out.strip()
        out = out.removeprefix("<div>").removesuffix("</div>").strip()
        return out.removeprefix("<p>").removesuffix("</p>").strip()


_MD = None


def _md() -> _SafeMarkdown:
    global _MD
    if _MD is None:
        _MD = _SafeMarkdown()
    return _MD


def inline(text: str) -> str:
    return _md().inline(text)


def block(text: str) -> str:
    return _md().block(text)


# ----- HTML ----------------------------------------------------------------------
# The JavaScript reads these data-s-* strings (always in the reader's language).
JS_STRINGS = {
    "check": "quiz.check", "right": "quiz.right", "wrong": "quiz.wrong", "choose": "quiz.choose_first",
    "score": "quiz.score", "again": "quiz.again", "clear": "quiz.clear", "cleared": "quiz.cleared",
    "intro": "quiz.intro_js", "mark-right": "quiz.option_right", "mark-wrong": "quiz.option_wrong",
    "next": "quiz.next",
}


def _attr(value) -> str:
    return html.escape(str(value), quote=True)


def render_quiz(quiz: Quiz, t, number: int, store_key: str, content_lang: str | None = None) -> str:
    """One quiz as an HTML form (works without JavaScript: answers in a <details> key).

    ``t`` is a hooks.content.strings.Translator in the reader's language; ``content_lang`` is the
    language the quiz text is written in (it differs on an untranslated page), so the
    interface strings get their own lang attribute there.
    """
    ui = f' lang="{_attr(t.lang)}"' if content_lang and content_lang != t.lang else ""
    s = lambda key, **kw: html.escape(t.t(key, **kw), quote=False)  # noqa: E731
    data = " ".join(f'data-s-{name}="{_attr(t.t(key))}"' for name, key in JS_STRINGS.items())
    out = [
        f'<form class="zb-quiz" id="quiz-{number}" aria-label="{_attr(t.t("quiz.label"))}" '
        f'data-zb-quiz="{_attr(store_key)}" data-zb-version="{quiz.fingerprint()}" '
        f'{ui.replace(" lang=", "data-lang=")}{" " if ui else ""}{data}>',
        f'<p class="zb-quiz__intro"{ui}>{s("quiz.intro")}</p>',
    ]
    for n, q in enumerate(quiz.questions, 1):
        out.append(_question(q, n, s, ui))
    out.append('<div class="zb-quiz__end"><p class="zb-quiz__score" role="status" aria-live="polite"></p></div>')
    out.append(_key(quiz, s, ui))
    out.append("</form>")
    return "\n".join(out)


def _choices(q: Question, s, ui: str) -> list[tuple[str, str]]:
    """(label HTML, lang attribute) of each choice."""
    if q.type == "truefalse":
        return [(s("quiz.true"), ui), (s("quiz.false"), ui)]
    return [(inline(o.text), "") for o in q.options]


def ruled_lines(count: int, cls: str) -> str:
    """``count`` empty ruled lines to write an answer on (the worksheet; the quiz when printed)."""
    return f'<div class="{cls}" aria-hidden="true">' + '<span class="zb-line"></span>' * max(count, 1) + "</div>"


def _open_question(q: Question, n: int, s, ui: str) -> str:
    """A written answer: a text area the script never saves, ruled lines for print, the
    model answer in a <details>. No data-answer: the script leaves it out of the score."""
    qid = _attr(q.id)
    return "\n".join([
        f'<fieldset class="zb-quiz__q zb-quiz__q--open" id="q-{qid}" data-type="open">',
        f'<legend><span class="zb-quiz__n">{n}.</span> <span id="q-{qid}-text">{inline(q.text)}</span> '
        f'<span class="zb-quiz__hint" id="q-{qid}-hint"{ui}>{s("quiz.open_hint")}</span></legend>',
        f'<label class="zb-quiz__open-label" for="q-{qid}-answer"{ui}>{s("quiz.open_label")}</label>',
        f'<textarea class="zb-quiz__open" id="q-{qid}-answer" rows="{max(q.lines, 2)}" autocomplete="off" '
        f'aria-describedby="q-{qid}-text q-{qid}-hint"></textarea>',
        ruled_lines(q.lines, "zb-quiz__lines"),
        f'<details class="zb-quiz__model"><summary{ui}>{s("quiz.model_answer_show")}</summary>',
        _model_answer(q, s, ui),
        *_explain(q, s, ui),
        "</details>",
        "</fieldset>",
    ])


def _model_answer(q: Question, s, ui: str) -> str:
    return (f'<div class="zb-quiz__answer zb-quiz__model-answer"><p><strong{ui}>{s("quiz.model_answer")}</strong></p>'
            f'{block(q.model_answer)}</div>')


def _question(q: Question, n: int, s, ui: str) -> str:
    if q.type == "open":
        return _open_question(q, n, s, ui)
    qid = _attr(q.id)
    kind = "checkbox" if q.type == "multiple" else "radio"
    hint = f' <span class="zb-quiz__hint"{ui}>{s("quiz.multiple_hint")}</span>' if q.type == "multiple" else ""
    out = [
        f'<fieldset class="zb-quiz__q" id="q-{qid}" data-type="{q.type}" '
        f'data-answer="{" ".join(map(str, q.correct))}">',
        f'<legend><span class="zb-quiz__n">{n}.</span> <span id="q-{qid}-text">{inline(q.text)}</span>{hint}</legend>',
        '<div class="zb-quiz__options">',
    ]
    for i, (label, lang) in enumerate(_choices(q, s, ui)):
        out.append(f'<label class="zb-quiz__option" for="q-{qid}-{i + 1}"><input type="{kind}" '
                   f'name="q-{qid}" id="q-{qid}-{i + 1}" value="{i}"> <span{lang}>{label}</span></label>')
    out.append("</div>")
    # What the script shows after "Check": cloned from this inert template, never parsed from text.
    out.append('<template class="zb-quiz__why">')
    for i, option in enumerate(q.options):
        if option.explain:
            out.append(f'<div class="zb-quiz__explain" data-o="{i}">{block(option.explain)}</div>')
    out.append(f'<p class="zb-quiz__answer" data-k="">{_right_answer(q, s, ui)}</p>')
    out.extend(_explain(q, s, ui, 'data-e=""'))
    out.append("</template>")
    out.append(f'<div class="zb-quiz__result" id="q-{qid}-result" role="status" aria-live="polite"></div>')
    out.append("</fieldset>")
    return "\n".join(out)


def _right_answer(q: Question, s, ui: str) -> str:
    right = q.correct
    label = s("quiz.right_answers") if len(right) > 1 else s("quiz.right_answer")
    texts = [text for i, (text, _lang) in enumerate(_choices(q, s, ui)) if i in right]
    inner = "; ".join(texts)
    if q.type == "truefalse":
        inner = f"<span{ui}>{inner}</span>"
    return f"<strong{ui}>{label}</strong> {inner}"


def _explain(q: Question, s, ui: str, attrs: str = "") -> list[str]:
    out = []
    if q.explain:
        out.append(f'<div class="zb-quiz__explain" {attrs}>{block(q.explain)}</div>')
    if q.source:
        out.append(f'<p class="zb-quiz__source" {attrs}><span{ui}>{s("quiz.source")}</span> {inline(q.source)}</p>')
    return out


def _key(quiz: Quiz, s, ui: str) -> str:
    out = [f'<details class="zb-quiz__key"><summary{ui}>{s("quiz.key")}</summary>', '<ol class="zb-quiz__keylist">']
    for q in quiz.questions:
        out.append(f'<li><p class="zb-quiz__keyq"><a href="#q-{_attr(q.id)}">{inline(q.text)}</a></p>')
        if q.type == "open":
            out.append(_model_answer(q, s, ui))
            out.extend(_explain(q, s, ui))
            out.append("</li>")
            continue
        out.append(f'<p class="zb-quiz__answer"><span class="zb-quiz__icon" aria-hidden="true">✓</span> '
                   f'{_right_answer(q, s, ui)}</p>')
        notes = [(o, i) for i, o in enumerate(q.options) if o.explain]
        if notes:
            out.append('<ul class="zb-quiz__notes">')
            for option, i in notes:
                out.append(f'<li><em>{inline(option.text)}</em> {block(option.explain)}</li>')
            out.append("</ul>")
        out.extend(_explain(q, s, ui))
        out.append("</li>")
    out.append("</ol></details>")
    return "\n".join(out)


def render_markdown(markdown: str, path: str, first_line: int, t, page_key: str,
                    content_lang: str | None = None, quizzes: list | None = None) -> tuple[str, int]:
    """Replace every ```quiz block of a page's Markdown with its HTML form.

    Returns the new Markdown and the number of quizzes. Raises ContentError on a bad
    quiz (the catalogue check normally reports those first). ``page_key`` names the
    lesson and language for the saved answers, e.g. ``ru:fraud/phone-scams``. ``quizzes``:
    the lesson model's quizzes (a translation's carry the original's answers); parsed
    from ``markdown`` when not given.
    """
    blocks = find_blocks(markdown)
    if not blocks:
        return markdown, 0
    if quizzes is None:
        quizzes = parse_quizzes(markdown, path, first_line)
    lines = markdown.split("\n")
    out: list = []
    pos = 0
    for number, (blk, quiz) in enumerate(zip(blocks, quizzes), 1):
        out.extend(lines[pos:blk.start])
        # A raw HTML block must stand alone: blank lines around, none inside.
        form = render_quiz(quiz, t, number, f"{page_key}:{number}", content_lang)
        out.extend(["", re.sub(r"\n[ \t]*(?=\n)", "", form), ""])
        pos = blk.end + 1
    out.extend(lines[pos:])
    return "\n".join(out), len(quizzes)


def render_page(markdown: str, entry, ui_lang: str, rel: str) -> tuple[str, int]:
    """on_page_markdown's helper: the page's Markdown with its quizzes as HTML.

    ``entry`` is the catalogue entry whose text is shown (the Kazakh original on an
    untranslated page), or None; ``ui_lang`` the language of the build; ``rel`` the
    page's path below its language folder. Returns (markdown, number of quizzes).
    """
    if "quiz" not in markdown:
        return markdown, 0
    from hooks.content.strings import Translator

    path, first_line, content_lang, quizzes = f"docs/{ui_lang}/{rel}", 1, None, None
    if entry is not None:
        body = entry.src.body
        path, content_lang, quizzes = entry.path, entry.lang, entry.quizzes
        first_line = entry.src.body_line + len(body) - len(body.lstrip("\n"))
    page_key = f"{ui_lang}:{rel.removesuffix('.md')}"
    return render_markdown(markdown, path, first_line, Translator(ui_lang), page_key, content_lang, quizzes)
