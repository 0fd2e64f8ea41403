"""Quiz data: parse ```quiz blocks into Quiz / Question / Option, and give a translation
its original's structure.

Plain Python, no MkDocs, no other hooks module but fences, yamlsrc and rules. The
catalogue (hooks/content/catalog.py) parses every lesson's quizzes once with this module; the quiz
page, the teacher pack, the Braille edition and the checks read ``entry.quizzes``.

The Kazakh original states the structure: question ids, types, which options are right
(``correct: true`` / ``answer: true|false``) and the order of the options. A translation
states only text, question by question and option by option in the original's order::

    ```quiz
    questions:
      - text: What do you do?
        options:
          - text: Tell the code.
            explain: A real bank never asks for it.
          - text: Hang up and call the bank.
        explain: Whoever has the code can take your money.
    ```

Where a translation still writes ``id``, ``type``, ``correct``, ``answer`` or ``lines``, it must
agree with the original (an error with file:line otherwise).

An ``open`` question has no options: ``lines`` (how many lines to leave for writing on paper)
and ``model_answer`` (what a good answer contains). A translation writes its ``text`` and
``model_answer``; ``lines`` comes from the original. It is not scored online.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from hooks.content import fences, yamlsrc
from hooks.content.rules import RULES
from hooks.content.yamlsrc import ContentError

TYPES = ("single", "multiple", "truefalse", "open")
QUIZ_KEYS = ("questions",)
QUESTION_KEYS = ("id", "type", "text", "options", "answer", "lines", "model_answer", "explain", "source", "order")
MAX_LINES = 20          # an open question leaves 1..MAX_LINES lines to write on
OPTION_KEYS = ("text", "correct", "explain")
SLUG = re.compile(RULES["slug_pattern"])

_HINT_FENCE = "close the quiz with a line of three backticks ``` after the last question"
_HINT_QUOTES = "put the text in quotes, e.g. text: \"102\""


@dataclass
class Option:
    text: str
    correct: bool | None = False   # None: not stated (a translation)
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
    order: str = ""          # "fixed": options keep the written order (hooks/content/keyorder.py)
    lines: int = 0           # open only: lines to write on (0: not stated, a translation)
    model_answer: str = ""   # open only

    @property
    def scored(self) -> bool:
        """False for an open question: it has a model answer, not a right choice."""
        return self.type != "open"

    @property
    def correct(self) -> list[int]:
        """Indices of the right choices ([] for open); for truefalse 0 = true, 1 = false."""
        if self.type == "open":
            return []
        if self.type == "truefalse":
            return [0 if self.answer else 1]
        return [i for i, option in enumerate(self.options) if option.correct]


@dataclass
class Quiz:
    questions: list          # list[Question]
    line: int                # file line of the opening fence

    def fingerprint(self) -> str:
        """Changes when the questions, their options or answers change (saved answers are then dropped)."""
        shape = ";".join(f"{q.id}:{q.type}:{len(q.options)}:{q.correct}" for q in self.questions if q.scored)
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


def parse_quizzes(body: str, path: str, first_line: int, errors: list | None = None,
                  translation: bool = False) -> list[Quiz]:
    """The quizzes of a Markdown body that starts on line ``first_line`` of ``path``.

    With ``errors`` (a list), every problem is appended as a ContentError and only the
    quizzes without problems are returned. Without it, the first problem is raised.
    ``translation``: ids, types and answers may be left out (``merge`` adds them).
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
            quiz = _parse_block(block.yaml, path, fence_line, problems, translation)
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


def _parse_block(text: str, path: str, fence_line: int, problems: list, translation: bool = False) -> Quiz | None:
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
        question = _parse_question(doc, i, item, path, problems, translation)
        if question is not None:
            questions.append(question)
    return Quiz(questions, fence_line)


def _parse_question(doc: yamlsrc.Located, i: int, item, path: str, problems: list,
                    translation: bool = False) -> Question | None:
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
    if qid is None and translation:
        qid = ""
    elif qid is None:
        bad("it needs an id", "add a line like 'id: sms-code' (ASCII, the same in every language)")
    elif not isinstance(qid, str) or not SLUG.match(qid):
        bad(f"the id {qid!r} must be lowercase ASCII letters, digits and hyphens", "write it like: id: sms-code", "id")
    else:
        name = f"question {i + 1} ('{qid}')"
    for key in item:
        if key not in QUESTION_KEYS:
            bad(f"unknown key '{key}'", "the keys of a question are: " + ", ".join(QUESTION_KEYS), key)
    qtype = item.get("type")
    if translation and qtype is None:
        qtype = ""
    elif qtype not in TYPES:
        bad("'type' must be single, multiple, truefalse or open" if "type" in item else "it needs a type",
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
    _check_open(item, qtype, translation, bad)

    options = []
    raw_options = item.get("options")
    if qtype == "open":
        pass  # no options, no answer: _check_open
    elif translation and (qtype == "" or qtype in TYPES):  # the structure is checked against the original
        if "answer" in item and not isinstance(item["answer"], bool):
            bad("'answer' must be true or false", "write answer: true or answer: false (without quotes)", "answer")
        if "options" in item:
            if not isinstance(raw_options, list) or not raw_options:
                bad("'options:' must list the options as '- text: ...'", "or remove 'options:'", "options")
            else:
                for j, raw in enumerate(raw_options):
                    option = _parse_option(doc, i, j, raw, path, name, problems, translation)
                    if option is not None:
                        options.append(option)
    elif qtype == "truefalse":
        if "options" in item:
            bad("a truefalse question has no options", "remove 'options:' and write 'answer: true' or 'answer: false'",
                "options")
        if not isinstance(item.get("answer"), bool) and not (translation and "answer" not in item):
            bad("a truefalse question needs 'answer: true' or 'answer: false'",
                "write answer: true or answer: false (without quotes)", "answer")
    elif qtype in ("single", "multiple"):
        if "answer" in item:
            bad("'answer' is only for truefalse questions", "mark the right option with 'correct: true'", "answer")
        if not isinstance(raw_options, list) or len(raw_options) < 2:
            bad("it needs 'options:' with at least two options", "list the options as '- text: ...'", "options")
        else:
            for j, raw in enumerate(raw_options):
                option = _parse_option(doc, i, j, raw, path, name, problems, translation)
                if option is not None:
                    options.append(option)
            if len(options) == len(raw_options) and not translation:
                right = sum(1 for o in options if o.correct)
                if qtype == "single" and right != 1:
                    bad(f"a single-choice question needs exactly one option with 'correct: true', it has {right}",
                        "mark one option 'correct: true', or use 'type: multiple'", "options")
                if qtype == "multiple" and right < 1:
                    bad("a multiple-choice question needs at least one option with 'correct: true'",
                        "mark the right options 'correct: true'", "options")
    if "order" in item and item.get("order") != "fixed":
        bad("'order' can only be 'fixed' (keep the options in the written order)",
            "write order: fixed, or leave it out to let the build mix the options", "order")
    if len(problems) > before:
        return None
    return Question(
        id=qid, type=qtype, text=text, options=options,
        answer=item.get("answer") if qtype in ("truefalse", "") else None,
        explain=item.get("explain", "") or "", source=item.get("source", "") or "", line=at,
        order=str(item.get("order") or ""),
        lines=item.get("lines", 0) if isinstance(item.get("lines"), int) else 0,
        model_answer=item.get("model_answer", "") or "",
    )


def _check_open(item: dict, qtype: str, translation: bool, bad) -> None:
    """An open question: ``lines`` (a whole number 1..MAX_LINES) and ``model_answer`` (text);
    no options, no answer. Other types have neither. A translation may leave out the type and
    the lines (they come from the original, ``merge`` compares them)."""
    lines_hint = f"write how many lines to leave for the answer, e.g. lines: 4 (1 to {MAX_LINES})"
    if "lines" in item:
        value = item["lines"]
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_LINES:
            bad(f"'lines' must be a whole number from 1 to {MAX_LINES}, not {value!r}", lines_hint, "lines")
    if "model_answer" in item and not _is_text(item["model_answer"]):
        bad("'model_answer' must be non-empty text", _HINT_QUOTES, "model_answer")
    if qtype == "open":
        if "lines" not in item and not translation:
            bad("an open question needs 'lines:' (how many lines to write on paper)", lines_hint)
        if "model_answer" not in item:
            bad("an open question needs 'model_answer:' (what a good answer contains)",
                "write the model answer after 'model_answer:'" + (" in this language" if translation else ""))
        for key, what in (("options", "options"), ("answer", "'answer'")):
            if key in item:
                bad(f"an open question has no {what}: it is answered in writing",
                    "remove the line, or use another type", key)
    elif qtype in TYPES and not translation:  # a translation is compared with its original in merge
        for key in ("lines", "model_answer"):
            if key in item:
                bad(f"'{key}' is only for open questions", "remove the line, or write 'type: open'", key)


def _parse_option(doc, i: int, j: int, raw, path: str, name: str, problems: list,
                  translation: bool = False) -> Option | None:
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
    correct = raw.get("correct", None if translation else False)
    return Option(text=text, correct=correct, explain=raw.get("explain", "") or "", line=at)




# ----- a translation gets the original's structure ------------------------------------
def merge(path: str, mine: list, original_path: str, original: list) -> tuple[list, list]:
    """The translation's quizzes with the original's ids, types, answers and option order.

    Returns (quizzes, errors). Every fact the translation still states must agree with the
    original; each difference is a ContentError at the translation's line.
    """
    hint = (f"translate the quiz of {original_path} question by question and option by option, "
            "in the same order; leave out id, type, correct, answer and lines (they come from the original)")
    if len(mine) != len(original):
        at = mine[0].line if mine else 1
        return [], [ContentError(path, at, f"this page has {len(mine)} quiz block(s) but the Kazakh original "
                                           f"{original_path} has {len(original)}", hint)]
    errors: list = []
    merged: list = []
    for quiz, orig in zip(mine, original):
        if len(quiz.questions) != len(orig.questions):
            errors.append(ContentError(path, quiz.line, f"the quiz has {len(quiz.questions)} question(s) but the "
                                       f"Kazakh original {original_path} has {len(orig.questions)}", hint))
            continue
        ids, orig_ids = [q.id for q in quiz.questions], [q.id for q in orig.questions]
        if all(ids) and ids != orig_ids:
            errors.append(ContentError(path, quiz.line, "the quiz has the questions " + ", ".join(ids)
                                       + f" but the Kazakh original {original_path} has " + ", ".join(orig_ids), hint))
            continue
        before = len(errors)
        questions = [_merge_question(path, q, o, hint, errors) for q, o in zip(quiz.questions, orig.questions)]
        if len(errors) == before:
            merged.append(Quiz(questions, quiz.line))
    return (merged if not errors else []), errors


def _merge_question(path: str, q: Question, o: Question, hint: str, errors: list) -> Question:
    def bad(message: str, line: int = q.line):
        errors.append(ContentError(path, line, f"question '{o.id}' {message}", hint))

    if q.id and q.id != o.id:
        bad(f"is called '{q.id}' here but '{o.id}' at this place in the Kazakh original")
    if q.type and q.type != o.type:
        bad(f"is {q.type} but in the Kazakh original it is {o.type}")
    options: list = []
    if o.type == "open":
        if q.type == "" and q.options:
            bad("is an open question in the Kazakh original: it has no options")
        if q.type == "" and q.answer is not None:
            bad("is an open question in the Kazakh original: it has no 'answer'")
        if q.lines and q.lines != o.lines:
            bad(f"leaves {q.lines} lines here but {o.lines} in the Kazakh original")
        if not q.model_answer and q.type in ("", "open"):
            bad("needs its 'model_answer:' in this language (an open question in the Kazakh original)")
    elif q.model_answer or q.lines:
        bad(f"is {o.type} in the Kazakh original: 'lines' and 'model_answer' are only for open questions")
    elif o.type == "truefalse":
        if q.options:
            bad("is a true/false question in the Kazakh original: it has no options")
        if q.answer is not None and q.answer != o.answer:
            bad("has a different right answer than the Kazakh original")
    elif len(q.options) != len(o.options):
        bad(f"has {len(q.options)} options but the Kazakh original has {len(o.options)}")
    else:
        wrong = [mine for mine, orig in zip(q.options, o.options)
                 if mine.correct is not None and bool(mine.correct) != bool(orig.correct)]
        if wrong:
            bad("has a different right answer than the Kazakh original", wrong[0].line)
        options = [Option(text=mine.text, correct=orig.correct, explain=mine.explain, line=mine.line)
                   for mine, orig in zip(q.options, o.options)]
    return Question(id=o.id, type=o.type, text=q.text, options=options, answer=o.answer,
                    explain=q.explain, source=q.source or o.source, line=q.line, order=o.order,
                    lines=o.lines, model_answer=q.model_answer)
