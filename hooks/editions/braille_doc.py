"""A lesson as print text blocks for the Braille edition.

Plain Python, no MkDocs. The lesson's Markdown is parsed with python-markdown and the
element tree is walked: headings, paragraphs, lists, tables read row by row
("header: cell"), links as their text, images as their alt text. ```quiz blocks
(parsed by ``hooks/editions/quiz.py``) become numbered questions with lettered options (an open
question: "(write your answer)"); their answers (an open question's model answer) go to a key
on a separate final page. ``hooks/editions/braille.py`` translates the
blocks and lays them out.
"""
from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass, field

import markdown

from hooks.editions import quiz as quiz_module
from hooks.editions.braille import CONFIG
from hooks.content.strings import Translator

EXTENSIONS = ["tables", "attr_list", "def_list", "admonition", "md_in_html"]
_PLACEHOLDER = re.compile("\u0002wzxhzdk:(\\d+)\u0003")
_QUIZ_MARK = re.compile(r"^ZBQUIZMARK(\d+)$")
_TAG = re.compile(r"<[^>]*>")


@dataclass
class Block:
    """One piece of print text and how it is laid out (see ``STYLES``)."""

    text: str
    style: str = "para"
    level: int = 0           # list nesting, quote depth
    page_before: bool = False
    group: int = 0           # a question and its options share a group: one page
    emphasis: list = field(default_factory=list)   # [start, end, "bold" | "italic"] in text
    symbol: str = ""         # braille cells shown before the text (transcriber's note)


# style -> (first-line indent, runover indent, centred, blank line before, keep with next).
# Centred headings are followed by a blank line; headings are kept with two lines of what
# follows (hooks/editions/braille.py: paginate), and h2 headings are listed on the contents page.
# Braille conventions: paragraphs start in cell 3 with runovers in cell 1; list items,
# questions and table rows hang (cell 1, runovers in cell 3); main headings are centred,
# minor headings start in cell 5; a table row starts in cell 1, its other cells in cell 3,
# all runovers in cell 5.
STYLES = {
    "center": (0, 0, True, False, False),
    "title": (0, 0, True, True, False),
    "h1": (0, 0, True, True, True),
    "h2": (0, 0, True, True, True),
    "h3": (4, 4, False, True, True),
    "para": (2, 0, False, False, False),
    "item": (0, 2, False, False, False),
    "question": (0, 2, False, True, False),
    "option": (2, 4, False, False, False),
    "answer": (0, 2, False, False, False),
    "row": (0, 4, False, False, False),
    "cell": (2, 4, False, False, False),
    "blank": (0, 0, False, False, False),
}


HEADINGS = ("h2",)          # the styles listed on the contents page
# print markers of emphasis between text_of and Block.emphasis (private-use characters)
_EMPH = {"strong": ("\ue010", "\ue011", "bold"), "b": ("\ue010", "\ue011", "bold"),
         "em": ("\ue012", "\ue013", "italic"), "i": ("\ue012", "\ue013", "italic")}
_EMPH_MARK = re.compile("[\ue010-\ue013]")


def layout(block: Block) -> dict:
    first, rest, center, blank, keep = STYLES[block.style]
    shift = 2 * block.level
    return {"first": first + shift, "rest": rest + shift, "center": center,
            "blank_before": blank, "keep_with_next": keep, "page_before": block.page_before,
            "blank_after": center and keep, "group": block.group,
            "heading": block.style in HEADINGS}


def split_emphasis(text: str) -> tuple[str, list]:
    """Text without the emphasis markers, and the emphasised spans [start, end, kind]."""
    clean: list[str] = []
    spans: list = []
    open_at: dict = {}
    for char in text:
        if char in "\ue010\ue012":
            open_at[char] = len("".join(clean))
        elif char in "\ue011\ue013":
            start_char = chr(ord(char) - 1)
            if start_char in open_at:
                start = open_at.pop(start_char)
                end = len("".join(clean))
                if end > start:
                    spans.append([start, end, "bold" if char == "\ue011" else "italic"])
        else:
            clean.append(char)
    return "".join(clean), spans


# ----- Markdown to text ------------------------------------------------------------------
def _new_markdown() -> markdown.Markdown:
    return markdown.Markdown(extensions=EXTENSIONS)


def parse(source: str, md: markdown.Markdown | None = None) -> tuple:
    """The element tree python-markdown builds for ``source`` (all tree processors run),
    and the Markdown object (for its stash of raw HTML): a new one, or ``md`` reset."""
    md = _new_markdown() if md is None else md.reset()
    lines = source.split("\n")
    for prep in md.preprocessors:
        lines = prep.run(lines)
    root = md.parser.parseDocument(lines).getroot()
    for processor in md.treeprocessors:
        new = processor.run(root)
        if new is not None:
            root = new
    return root, md


def _stash_text(md, match) -> str:
    index = int(match.group(1))
    raw = md.htmlStash.rawHtmlBlocks[index] if index < len(md.htmlStash.rawHtmlBlocks) else ""
    return html.unescape(_TAG.sub(" ", str(raw)))


def text_of(element, md) -> str:
    """The readable text of an element: link text, image alt text, no tags."""
    parts: list[str] = []

    def walk(el):
        if el.tag == "img":
            parts.append(el.get("alt", ""))
            return
        if el.tag == "br":
            parts.append(" ")
            return
        if el.tag == "a" and "headerlink" in el.get("class", ""):
            return
        mark = _EMPH.get(el.tag) if el is not element else None
        if mark:
            parts.append(mark[0])
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if mark:
            parts.append(mark[1])

    walk(element)
    text = "".join(parts)
    text = _PLACEHOLDER.sub(lambda m: _stash_text(md, m), text)
    return " ".join(text.split())


@functools.cache
def _inline_markdown() -> markdown.Markdown:
    """One Markdown object for the short strings, reset before each (building one costs more
    than parsing a quiz option; a lesson has hundreds of them, tools/check reads every lesson)."""
    return _new_markdown()


@functools.lru_cache(maxsize=8192)
def _inline(source: str) -> str:
    root, md = parse(source, _inline_markdown())
    return " ".join(text_of(child, md) for child in root).strip()


def inline_marked(source) -> str:
    """Plain text of a short Markdown string (quiz questions, options, explanations), with the
    emphasis markers (for Walker.add). Same text, same result: kept for the next lesson or check."""
    return _inline(str(source))


def inline_text(source) -> str:
    """Like ``inline_marked``, without the emphasis markers."""
    return _EMPH_MARK.sub("", _inline(str(source))).strip()


class _Walker:
    def __init__(self, md, t: Translator, quizzes: dict, answers: list, letters: list):
        self.md = md
        self.t = t
        self.quizzes = quizzes
        self.answers = answers
        self.letters = letters
        self.blocks: list[Block] = []
        self.question_no = 0

    def add(self, text: str, style: str, level: int = 0, group: int = 0):
        text, spans = split_emphasis(" ".join(text.split()))
        text = text.strip()
        if text:
            self.blocks.append(Block(text, style, level, group=group, emphasis=spans))

    def children(self, element, level=0):
        for child in element:
            self.element(child, level)

    def element(self, el, level=0):
        tag = el.tag
        if tag in ("h1", "h2"):
            self.add(text_of(el, self.md), "h2")
        elif tag in ("h3", "h4", "h5", "h6"):
            self.add(text_of(el, self.md), "h3")
        elif tag == "p":
            text = text_of(el, self.md)
            mark = _QUIZ_MARK.match(text)
            if mark:
                self.quiz(int(mark.group(1)))
            elif "admonition-title" in el.get("class", ""):
                self.add(text, "item", level)
            else:
                self.add(text, "para", level)
        elif tag in ("ul", "ol"):
            self.items(el, level)
        elif tag == "table":
            self.table(el, level)
        elif tag == "blockquote":
            self.children(el, level + 1)
        elif tag == "pre":
            for line in "".join(el.itertext()).split("\n"):
                self.add(line, "item", level)
        elif tag == "dl":
            for child in el:
                self.add(text_of(child, self.md), "item" if child.tag == "dt" else "para", level)
        elif tag == "hr":
            return
        elif tag in ("div", "details", "section", "figure", "aside"):
            if el.text and el.text.strip():
                self.add(_PLACEHOLDER.sub(lambda m: _stash_text(self.md, m), el.text), "para", level)
            self.children(el, level)
        else:
            self.add(text_of(el, self.md), "para", level)

    def items(self, listing, level):
        number = int(listing.get("start", "1") or 1)
        for li in listing:
            if li.tag != "li":
                continue
            prefix = f"{number}. " if listing.tag == "ol" else ""
            number += 1
            # the item's own text: its text and inline children; nested blocks follow
            head = []
            nested = []
            if li.text and li.text.strip():
                head.append(li.text)
            for child in li:
                if child.tag in ("ul", "ol", "p", "table", "blockquote", "pre", "div", "dl"):
                    nested.append(child)
                else:
                    mark = _EMPH.get(child.tag, ("", ""))
                    head.append(mark[0] + text_of(child, self.md) + mark[1] if child.tag != "br" else " ")
                    if child.tail:
                        head.append(child.tail)
                    continue
                if child.tail and child.tail.strip():
                    head.append(child.tail)
            text = _PLACEHOLDER.sub(lambda m: _stash_text(self.md, m), "".join(head))
            if not text.strip() and nested and nested[0].tag == "p":
                text = text_of(nested.pop(0), self.md)
            self.add(prefix + text, "item", level)
            for child in nested:
                if child.tag in ("ul", "ol"):
                    self.items(child, level + 1)
                elif child.tag == "p":
                    self.add(text_of(child, self.md), "item", level + 1)
                else:
                    self.element(child, level + 1)

    def table(self, table, level):
        rows = [tr for tr in table.iter("tr")]
        header = []
        if rows and all(cell.tag == "th" for cell in rows[0]):
            header = [text_of(cell, self.md) for cell in rows[0]]
            rows = rows[1:]
        for row in rows:
            cells = [text_of(cell, self.md) for cell in row]
            for i, cell in enumerate(cells):
                label = header[i] if i < len(header) and header[i] else ""
                text = f"{label}: {cell}" if label else cell
                self.add(text, "row" if i == 0 else "cell", level)

    def quiz(self, index: int):
        found = self.quizzes.get(index)
        if found is None:
            return
        for question in found.questions:
            self.question_no += 1
            n = self.question_no
            # the web quiz's own words (quiz.*) so the two editions agree
            hint = {"multiple": "quiz.multiple_hint", "truefalse": "braille.quiz_truefalse",
                    "open": "braille.quiz_open"}.get(question.type)
            text = f"{n}. {inline_marked(question.text)}"
            if hint:
                text += " " + self.t.t(hint)
            self.add(text, "question", group=n)
            if question.type == "open":  # written on the reader's own paper; the model answer in the key
                self.answers.append(f"{n}. {inline_text(question.model_answer)}"
                                    + "".join(" " + inline_text(e) for e in [question.explain] if e and str(e).strip()))
                continue
            if question.type == "truefalse":
                options = [self.t.t("quiz.true"), self.t.t("quiz.false")]
                right = [0 if question.answer else 1]
            else:
                options = [inline_marked(o.text) for o in question.options]
                right = [i for i, o in enumerate(question.options) if o.correct]
            for i, option in enumerate(options):
                self.add(f"{self.letters[i]}) {option}", "option", group=n)
            options = [_EMPH_MARK.sub("", o) for o in options]
            key = ", ".join(options[i] if question.type == "truefalse" else self.letters[i] for i in right)
            answer = f"{n}. {key}."
            # why the right option is right, then the question's explanation
            explains = [question.options[i].explain for i in right if question.type != "truefalse"]
            for text in explains + [question.explain]:
                if text and str(text).strip():
                    answer += " " + inline_text(text)
            self.answers.append(answer)


def _hide_quizzes(body: str) -> tuple[str, list]:
    """The body with each ```quiz fence replaced by a marker paragraph; the fences."""
    blocks = quiz_module.find_blocks(body)
    lines = body.split("\n")
    for n, block in reversed(list(enumerate(blocks))):
        end = block.end if block.end is not None else len(lines) - 1
        lines[block.start: end + 1] = ["", f"ZBQUIZMARK{n}", ""]
    return "\n".join(lines), blocks


def lesson_blocks(meta: dict, body: str, path: str, body_line: int, text_lang: str,
                  errors: list | None = None, quizzes: list | None = None) -> list[Block]:
    """The body of the Braille edition of a lesson, in the language of its text.

    ``quizzes``: the lesson model's quizzes (``entry.quizzes``: a translation's carry the
    original's answers), one per ```quiz fence. Without them the body's quizzes are parsed
    here and their problems appended to ``errors``.
    """
    t = Translator(text_lang)
    letters = CONFIG["option_letters"][text_lang]
    source, fences = _hide_quizzes(body)
    by_index = {}
    if quizzes is not None:
        by_index = dict(enumerate(quizzes))
    else:
        problems: list = []
        quizzes = quiz_module.parse_quizzes(body, path, body_line, problems)
        if errors is not None:
            errors.extend(problems)
        for n, fence in enumerate(fences):
            for found in quizzes:
                if found.line == body_line + fence.start:
                    by_index[n] = found
    root, md = parse(source)
    answers: list[str] = []
    walker = _Walker(md, t, by_index, answers, letters)

    objectives = [str(o) for o in meta.get("objectives") or [] if str(o).strip()]
    if objectives:
        walker.add(t.t("lesson.objectives"), "h2")
        for objective in objectives:
            walker.add(inline_text(objective), "item")
    walker.children(root)

    sources = [s for s in meta.get("sources") or [] if isinstance(s, dict)]
    if sources:
        walker.add(t.t("sources.heading"), "h2")
        from hooks.content import acts
        for src in sources:
            # The reader needs the address to find the law: sources keep their URL.
            # An act citation: its title and article in the reader's language (hooks/content/acts.py).
            # Another source a translation took untranslated from the original keeps only its
            # URL (its title is in another language, which this braille table may not write).
            shown = acts.resolve(src, text_lang)
            foreign = bool(shown.lang) and shown.lang != text_lang
            parts = [] if foreign else [inline_text(shown.title)]
            if shown.article and not foreign:
                parts.append(shown.article)
            if shown.published:
                parts.append(t.t("cite.published", date=shown.published))
            text = ", ".join(p for p in parts if p)
            if shown.url:
                text = f"{text}. {shown.url}" if text else shown.url
                if shown.url_lang:
                    text += f" ({shown.url_lang})"
            if text:
                walker.add(text, "item")
    if answers:
        walker.blocks.append(Block(t.t("braille.answers"), "h2", page_before=True))
        for answer in answers:
            walker.add(answer, "answer")
    return walker.blocks


def title_blocks(meta: dict, text_lang: str, course: str, pages: int | None) -> list[Block]:
    """The title page: site, course, lesson title, edition, facts, review date, page count."""
    t = Translator(text_lang)
    out = [
        Block("Zansabaq", "center"),
        Block(course, "center"),
        Block(inline_text(meta.get("title", "")), "title"),
        Block(t.t("braille.edition"), "title"),
        Block(CONFIG["code_names"][text_lang], "title"),
    ]
    audience = meta.get("audience")
    facts = []
    if audience:
        facts.append(t.audience(audience))
    if meta.get("duration"):
        facts.append(t.minutes(meta["duration"]))
    if facts:
        out.append(Block(", ".join(facts), "title"))
    review = meta.get("reviewed")
    if isinstance(review, dict) and review.get("date"):
        if review.get("by"):
            out.append(Block(t.t("sources.reviewed", date=str(review.get("date")), by=str(review.get("by"))),
                             "title"))
        else:  # a translation that inherits the original's review: the date only
            out.append(Block(t.t("sources.reviewed_on", date=str(review.get("date"))), "title"))
    if pages is not None:
        out.append(Block(t.t("braille.page_count", n=pages), "title"))
    out.append(Block("zansabaq.kz", "title"))
    return out


def note_blocks(text_lang: str, kazakh_words: bool) -> list[Block]:
    """The transcriber's notes page: page numbers, the division signs, the Kazakh-word
    indicator (in Russian text), emphasis. Each sign is shown in braille before its line."""
    t = Translator(text_lang)
    division = CONFIG["division"]
    out = [Block(t.t("braille.note_heading"), "h2", page_before=True),
           Block(t.t("braille.note_pages"), "para"),
           Block(t.t("braille.note_hyphen"), "item", symbol=division["word_marker"]),
           Block(t.t("braille.note_address"), "item", symbol=division["address_marker"])]
    indicator = (CONFIG.get("kazakh_words", {}).get(text_lang) or {}).get("indicator")
    if kazakh_words and indicator:
        out.append(Block(t.t("braille.note_kazakh"), "item", symbol=indicator))
    out.append(Block(t.t("braille.note_emphasis"), "para"))
    return out


def contents_heading(text_lang: str) -> Block:
    return Block(Translator(text_lang).t("braille.contents"), "h2")
