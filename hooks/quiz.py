"""Quizzes in lessons: parse, check and render ```quiz blocks.

Plain Python, no MkDocs. An editor writes a fenced block that holds YAML (the
syntax is in CONTRIBUTING.md, "Quizzes")::

    ```quiz
    questions:
      - id: sms-code
        type: single            # single | multiple | truefalse
        text: What do you do?
        options:
          - text: Tell the code.
            explain: A real bank never asks for it.
          - text: Hang up and call the bank.
            correct: true
        explain: Whoever has the code can take your money.
        source: Law "On payments", Article 25
    ```

Stable API (the Braille edition uses it too):

* ``parse_quizzes(body, path, first_line, errors=None) -> list[Quiz]``
* ``Quiz.questions`` / ``Quiz.line``; ``Question.id, .type, .text, .options,
  .answer, .explain, .source, .line``; ``Option.text, .correct, .explain, .line``.
  Text fields are the editor's raw Markdown strings.

``check_catalog(catalog)`` checks every quiz of every file and compares each
translation's quizzes with the Kazakh original. ``render_markdown`` replaces the
blocks in a page's Markdown with server-rendered HTML (a real form that works
without JavaScript); ``overrides/assets/javascripts/quiz.js`` enhances it.
"""
from __future__ import annotations

import hashlib
import html
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

import markdown as _markdown

from hooks import fences, yamlsrc
from hooks.catalog import ORIGINAL, RULES
from hooks.yamlsrc import ContentError

TYPES = ("single", "multiple", "truefalse")
QUIZ_KEYS = ("questions",)
QUESTION_KEYS = ("id", "type", "text", "options", "answer", "explain", "source")
OPTION_KEYS = ("text", "correct", "explain")
SLUG = re.compile(RULES["slug_pattern"])

SCRIPT = "assets/javascripts/quiz.js"
STYLE = "assets/stylesheets/quiz.css"

_HINT_FENCE = "close the quiz with a line of three backticks ``` after the last question"
_HINT_QUOTES = "put the text in quotes, e.g. text: \"102\""


@dataclass
class Option:
    text: str
    correct: bool = False
    explain: str = ""
    line: int = 0


@dataclass
class Question:
    id: str
    type: str
    text: str
    options: list = field(default_factory=list)   # list[Option]; [] for truefalse
    answer: bool | None = None                    # truefalse only
    explain: str = ""
    source: str = ""
    line: int = 0

    @property
    def correct(self) -> list[int]:
        """Indices of the right choices; for truefalse 0 = true, 1 = false."""
        if self.type == "truefalse":
            return [0 if self.answer else 1]
        return [i for i, option in enumerate(self.options) if option.correct]


@dataclass
class Quiz:
    questions: list          # list[Question]
    line: int                # file line of the opening fence

    def fingerprint(self) -> str:
        """Changes when the questions, their options or answers change (saved answers are then dropped)."""
        shape = ";".join(f"{q.id}:{q.type}:{len(q.options)}:{q.correct}" for q in self.questions)
        return hashlib.sha1(shape.encode("utf-8")).hexdigest()[:10]


@dataclass
class Block:
    """A ```quiz fence in a Markdown body (0-based body line indices)."""

    start: int               # index of the opening fence line
    end: int | None          # index of the closing fence line, None if unclosed
    yaml: str
    indent: str


# ----- finding the blocks ------------------------------------------------------


def find_blocks(body: str) -> list[Block]:
    """Every ```quiz (or ~~~quiz) fence; other fenced code is skipped, so a quiz shown
    as an example inside a ````markdown fence is not a quiz."""
    lines = body.split("\n")
    blocks = []
    for kind, item in fences.scan(lines):
        if kind != "fence" or item.info.lower() != "quiz":
            continue
        stop = item.end if item.end is not None else len(lines)
        inner = lines[item.start + 1: stop]
        if item.indent:
            inner = [ln[len(item.indent):] if ln.startswith(item.indent) else ln.lstrip(" ") for ln in inner]
        blocks.append(Block(item.start, item.end, "\n".join(inner), item.indent))
    return blocks


_INDENTED_QUIZ = re.compile(r"^(?: {4,}|\t)[ \t]*(?:`{3,}|~{3,})[ \t]*quiz[ \t]*$", re.IGNORECASE)


def _indented_quizzes(body: str) -> list[int]:
    """0-based lines of ```quiz fences indented 4 spaces or more (outside other fences):
    Markdown shows those as code, so the quiz would silently not appear."""
    lines = body.split("\n")
    return [i for kind, i in fences.scan(lines) if kind == "line" and _INDENTED_QUIZ.match(lines[i])]


# ----- parsing and checking ----------------------------------------------------
def _is_text(value) -> bool:
    return isinstance(value, str) and value.strip() != ""


def parse_quizzes(body: str, path: str, first_line: int, errors: list | None = None) -> list[Quiz]:
    """The quizzes of a Markdown body that starts on line ``first_line`` of ``path``.

    With ``errors`` (a list), every problem is appended as a ContentError and only the
    quizzes without problems are returned. Without it, the first problem is raised.
    """
    found: list = [
        ContentError(path, first_line + i, "this quiz is indented, so it would be shown as code, not as a quiz",
                     "start the ```quiz line and the closing ``` at the beginning of the line")
        for i in _indented_quizzes(body)
    ]
    quizzes: list = []
    seen_ids: dict = {}
    for block in find_blocks(body):
        fence_line = first_line + block.start
        problems: list = []
        if block.end is None:
            problems.append(ContentError(path, fence_line, "the quiz block is not closed", _HINT_FENCE))
        else:
            quiz = _parse_block(block.yaml, path, fence_line, problems)
            if quiz is not None:
                for question in quiz.questions:
                    if question.id in seen_ids:
                        problems.append(ContentError(
                            path, question.line,
                            f"the question id '{question.id}' is used twice on this page "
                            f"(first on line {seen_ids[question.id]})",
                            "give every question of the lesson its own id",
                        ))
                    elif question.id:
                        seen_ids[question.id] = question.line
                if not problems:
                    quizzes.append(quiz)
        found.extend(problems)
    if errors is None:
        if found:
            raise found[0]
    else:
        errors.extend(found)
    return quizzes


def _parse_block(text: str, path: str, fence_line: int, problems: list) -> Quiz | None:
    try:
        doc = yamlsrc.load(text, path, first_line=fence_line + 1)
    except ContentError as exc:
        problems.append(exc)
        return None
    value = doc.value
    if not isinstance(value, dict) or "questions" not in value:
        problems.append(ContentError(
            path, fence_line + 1 if value is not None else fence_line,
            "a quiz must start with 'questions:' followed by a list of questions",
            "see CONTRIBUTING.md, section Quizzes",
        ))
        return None
    for key in value:
        if key not in QUIZ_KEYS:
            problems.append(ContentError(path, doc.line(key), f"unknown key '{key}' in the quiz",
                                         "a quiz has only 'questions:'"))
    items = value["questions"]
    if not isinstance(items, list) or not items:
        problems.append(ContentError(path, doc.line("questions"), "'questions' must be a list with at least one question",
                                     "start each question with '  - id: ...'"))
        return None
    questions = []
    for i, item in enumerate(items):
        question = _parse_question(doc, i, item, path, problems)
        if question is not None:
            questions.append(question)
    return Quiz(questions, fence_line)


def _parse_question(doc: yamlsrc.Located, i: int, item, path: str, problems: list) -> Question | None:
    at = doc.line("questions", i)
    name = f"question {i + 1}"
    before = len(problems)

    def bad(message: str, hint: str = "", *key):
        problems.append(ContentError(path, doc.line("questions", i, *key), f"{name}: {message}", hint))

    if not isinstance(item, dict):
        problems.append(ContentError(path, at, f"{name} must be a set of 'key: value' lines starting with '- id:'",
                                     "see the example in CONTRIBUTING.md, section Quizzes"))
        return None
    qid = item.get("id")
    if qid is None:
        bad("it needs an id", "add a line like 'id: sms-code' (ASCII, the same in every language)")
    elif not isinstance(qid, str) or not SLUG.match(qid):
        bad(f"the id {qid!r} must be lowercase ASCII letters, digits and hyphens", "write it like: id: sms-code", "id")
    else:
        name = f"question {i + 1} ('{qid}')"
    for key in item:
        if key not in QUESTION_KEYS:
            bad(f"unknown key '{key}'", "the keys of a question are: " + ", ".join(QUESTION_KEYS), key)
    qtype = item.get("type")
    if qtype not in TYPES:
        bad("'type' must be single, multiple or truefalse" if "type" in item else "it needs a type",
            "add a line like 'type: single'", "type")
    text = item.get("text")
    if not _is_text(text):
        if text is None or (isinstance(text, str) and not text.strip()):
            bad("the question text is empty", "write the question after 'text:'", "text")
        else:
            bad(f"the question text must be text, not {text!r}", _HINT_QUOTES, "text")
    for key in ("explain", "source"):
        if key in item and not _is_text(item[key]):
            bad(f"'{key}' must be non-empty text", _HINT_QUOTES + " or remove the line", key)

    options = []
    raw_options = item.get("options")
    if qtype == "truefalse":
        if "options" in item:
            bad("a truefalse question has no options", "remove 'options:' and write 'answer: true' or 'answer: false'",
                "options")
        if not isinstance(item.get("answer"), bool):
            bad("a truefalse question needs 'answer: true' or 'answer: false'",
                "write answer: true or answer: false (without quotes)", "answer")
    elif qtype in ("single", "multiple"):
        if "answer" in item:
            bad("'answer' is only for truefalse questions", "mark the right option with 'correct: true'", "answer")
        if not isinstance(raw_options, list) or len(raw_options) < 2:
            bad("it needs 'options:' with at least two options", "list the options as '- text: ...'", "options")
        else:
            for j, raw in enumerate(raw_options):
                option = _parse_option(doc, i, j, raw, path, name, problems)
                if option is not None:
                    options.append(option)
            if len(options) == len(raw_options):
                right = sum(1 for o in options if o.correct)
                if qtype == "single" and right != 1:
                    bad(f"a single-choice question needs exactly one option with 'correct: true', it has {right}",
                        "mark one option 'correct: true', or use 'type: multiple'", "options")
                if qtype == "multiple" and right < 1:
                    bad("a multiple-choice question needs at least one option with 'correct: true'",
                        "mark the right options 'correct: true'", "options")
    if len(problems) > before:
        return None
    return Question(
        id=qid, type=qtype, text=text, options=options,
        answer=item["answer"] if qtype == "truefalse" else None,
        explain=item.get("explain", "") or "", source=item.get("source", "") or "", line=at,
    )


def _parse_option(doc, i: int, j: int, raw, path: str, name: str, problems: list) -> Option | None:
    at = doc.line("questions", i, "options", j)
    label = f"{name}, option {j + 1}"
    before = len(problems)
    if not isinstance(raw, dict):
        problems.append(ContentError(path, at, f"{label} must be written as '- text: ...'",
                                     "add 'text:' before the option"))
        return None
    for key in raw:
        if key not in OPTION_KEYS:
            problems.append(ContentError(path, doc.line("questions", i, "options", j, key),
                                         f"{label}: unknown key '{key}'",
                                         "the keys of an option are: " + ", ".join(OPTION_KEYS)))
    text = raw.get("text")
    if not _is_text(text):
        if text is None or isinstance(text, str):
            problems.append(ContentError(path, doc.line("questions", i, "options", j, "text"),
                                         f"{label} is empty", "write the option after 'text:'"))
        else:
            problems.append(ContentError(path, doc.line("questions", i, "options", j, "text"),
                                         f"{label} must be text, not {text!r}", _HINT_QUOTES))
    if "correct" in raw and not isinstance(raw["correct"], bool):
        problems.append(ContentError(path, doc.line("questions", i, "options", j, "correct"),
                                     f"{label}: 'correct' must be true or false",
                                     "write correct: true (without quotes) or leave the line out"))
    if "explain" in raw and not _is_text(raw["explain"]):
        problems.append(ContentError(path, doc.line("questions", i, "options", j, "explain"),
                                     f"{label}: 'explain' must be non-empty text", _HINT_QUOTES))
    if len(problems) > before:
        return None
    return Option(text=text, correct=raw.get("correct", False), explain=raw.get("explain", "") or "", line=at)


# ----- whole catalogue -------------------------------------------------------------
def check_catalog(catalog) -> None:
    """Check every quiz of every file; a translation's quizzes must match the Kazakh original."""
    parsed: dict = {}
    for key, entry in catalog.entries.items():
        problems: list = []
        quizzes = parse_quizzes(entry.src.body, entry.path, entry.src.body_line, problems)
        catalog.errors.extend(problems)
        parsed[key] = None if problems else quizzes
    for (lang, rel), entry in catalog.entries.items():
        if lang == ORIGINAL:
            continue
        mine, original = parsed.get((lang, rel)), parsed.get((ORIGINAL, rel))
        source = catalog.get(ORIGINAL, rel)
        if mine is None or original is None or source is None:
            continue  # errors already reported (or no original: reported by the catalogue)
        catalog.errors.extend(compare(entry.path, mine, source.path, original))


def compare(path: str, mine: list, original_path: str, original: list) -> list:
    """Differences between a translation's quizzes and the original's, as ContentErrors."""
    out = []
    hint = f"translate the quiz of {original_path}: the same question ids, options and answers, in the same order"
    if len(mine) != len(original):
        at = mine[0].line if mine else 1
        out.append(ContentError(path, at, f"this page has {len(mine)} quiz block(s) but the Kazakh original "
                                          f"{original_path} has {len(original)}", hint))
        return out
    for quiz, orig in zip(mine, original):
        ids, orig_ids = [q.id for q in quiz.questions], [q.id for q in orig.questions]
        if ids != orig_ids:
            out.append(ContentError(path, quiz.line, "the quiz has the questions " + ", ".join(ids)
                                    + f" but the Kazakh original {original_path} has " + ", ".join(orig_ids), hint))
            continue
        for q, o in zip(quiz.questions, orig.questions):
            if q.type != o.type:
                out.append(ContentError(path, q.line, f"question '{q.id}' is {q.type} but in the Kazakh original "
                                                      f"it is {o.type}", hint))
            elif len(q.options) != len(o.options):
                out.append(ContentError(path, q.line, f"question '{q.id}' has {len(q.options)} options but the "
                                                      f"Kazakh original has {len(o.options)}", hint))
            elif q.correct != o.correct:
                out.append(ContentError(path, q.line, f"question '{q.id}' has a different right answer than the "
                                                      f"Kazakh original {original_path}", hint))
    return out


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
    "intro": "quiz.intro_js",
}


def _attr(value) -> str:
    return html.escape(str(value), quote=True)


def render_quiz(quiz: Quiz, t, number: int, store_key: str, content_lang: str | None = None) -> str:
    """One quiz as an HTML form (works without JavaScript: answers in a <details> key).

    ``t`` is a hooks.strings.Translator in the reader's language; ``content_lang`` is the
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


def _question(q: Question, n: int, s, ui: str) -> str:
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
                    content_lang: str | None = None) -> tuple[str, int]:
    """Replace every ```quiz block of a page's Markdown with its HTML form.

    Returns the new Markdown and the number of quizzes. Raises ContentError on a bad
    quiz (the catalogue check normally reports those first). ``page_key`` names the
    lesson and language for the saved answers, e.g. ``ru:fraud/phone-scams``.
    """
    blocks = find_blocks(markdown)
    if not blocks:
        return markdown, 0
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
    from hooks.strings import Translator

    path, first_line, content_lang = f"docs/{ui_lang}/{rel}", 1, None
    if entry is not None:
        body = entry.src.body
        path, content_lang = entry.path, entry.lang
        first_line = entry.src.body_line + len(body) - len(body.lstrip("\n"))
    page_key = f"{ui_lang}:{rel.removesuffix('.md')}"
    return render_markdown(markdown, path, first_line, Translator(ui_lang), page_key, content_lang)
