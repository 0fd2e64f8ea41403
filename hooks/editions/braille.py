"""Braille through liblouis: the translation call, the symbol rules, the output checks,
page layout and North American ASCII braille (BRF).

Plain Python, no MkDocs. ``hooks/editions/braille_doc.py`` turns a lesson into text blocks,
``hooks/editions/braille_site.py`` wires the edition into the build.

liblouis comes from Debian (packages liblouis-bin liblouis-data python3-louis). Its
Python module is pure Python over ctypes, installed for Debian's python3 in
/usr/lib/python3/dist-packages/louis/ -- outside our venv, which does not see Debian's
site-packages. We load that one file by path with importlib rather than run the
``lou_translate`` command for each block: the module gives us liblouis's mode flags
(``dotsIO | ucBrl`` -- dot patterns out, whatever display table a table includes, which
is what makes the Kazakh letters come out right), the ``noUndefined`` flag we use to find
untranslatable characters, and one process instead of hundreds. ``lou_translate`` (from
liblouis-bin) is used by the tests as an independent check of the same translation.
"""
from __future__ import annotations

import functools
import importlib.util
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from hooks.content.catalog import DATA, load_data

INSTALL = "sudo apt-get install liblouis-bin liblouis-data python3-louis"
LOUIS_MODULE = Path(os.environ.get("ZB_LOUIS_MODULE", "/usr/lib/python3/dist-packages/louis/__init__.py"))

CONFIG: dict = load_data("braille.yml")
CELLS: int = CONFIG["page"]["cells"]
LINES: int = CONFIG["page"]["lines"]

BLANK = "\u2800"                      # the empty braille cell
SIX_DOT = re.compile(r"^[\u2800-\u283f]*$")
ESCAPE = re.compile(r"\\x[0-9a-fA-F]{4,8}\\?")


class BrailleSetupError(RuntimeError):
    """liblouis (or a table) is missing: a machine problem, not a content problem."""


# ----- liblouis ----------------------------------------------------------------------
@functools.cache
def louis():
    """Debian's liblouis Python module, loaded from its file (once per process)."""
    return load_louis(LOUIS_MODULE)


def load_louis(path: Path):
    """Load the liblouis Python module from ``path``; BrailleSetupError says what to install."""
    if not Path(path).is_file():
        raise BrailleSetupError(
            f"the Braille edition needs liblouis, but {path} is missing. Install it with: {INSTALL}"
        )
    spec = importlib.util.spec_from_file_location("louis", path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except OSError as exc:  # the module is there but liblouis.so.20 is not
        raise BrailleSetupError(
            f"the Braille edition needs the liblouis library ({exc}). Install it with: {INSTALL}"
        ) from None
    return module


def version() -> str:
    return louis().version()


def tables_for(lang: str) -> list[str]:
    """The table list for a language: project tables (absolute paths), then the liblouis table."""
    conf = CONFIG["tables"][lang]
    names = [str(DATA / name) for name in conf.get("first", [])] + [conf["table"]]
    check_tables(tuple(names))
    return names


def table_name(lang: str) -> str:
    return CONFIG["tables"][lang]["table"]


@functools.cache
def check_tables(names: tuple) -> None:
    lib = louis()
    try:
        lib.checkTable(list(names))
    except RuntimeError:
        raise BrailleSetupError(
            f"liblouis cannot load the tables {', '.join(names)} (hooks/data/braille.yml). "
            f"Install the tables with: {INSTALL}"
        ) from None


def translate(text: str, tables: list[str], display: list[str] | None = None) -> str:
    """The project's one translation call.

    Without ``display``: dot patterns (mode ``dotsIO | ucBrl``), one Unicode braille
    character (U+2800-U+28FF) per cell, blank cells as U+2800 -- independent of the
    display tables the translation table includes. This is what the build uses: with
    ``unicode.dis`` or no display table, kk.utb writes ә ғ қ ң ө ұ ү һ і as print
    letters. With ``display`` (display table names, as liblouis's own test files give
    them): liblouis's text output through those display tables.
    """
    lib = louis()
    if display:
        return lib.translateString(list(display) + list(tables), text, mode=0)
    return lib.translateString(list(tables), text, mode=lib.dotsIO | lib.ucBrl)


def translate_positions(text: str, tables: list[str], typeform: list | None = None) -> tuple[str, list]:
    """Dot patterns (as ``translate``) and, for every cell, the index in ``text`` of the
    print character it comes from (liblouis's inputPos)."""
    lib = louis()
    out = lib.translate(list(tables), text, typeform=typeform, mode=lib.dotsIO | lib.ucBrl)
    return out[0], list(out[1])[: len(out[0])]


@functools.lru_cache(maxsize=20000)
def _undefined(char: str, tables: tuple) -> bool:
    lib = louis()
    mode = lib.dotsIO | lib.ucBrl
    return lib.translateString(list(tables), char, mode=mode) != lib.translateString(
        list(tables), char, mode=mode | lib.noUndefined)


def undefined_chars(text: str, tables: list[str]) -> list[str]:
    """Characters of ``text`` that the tables do not define (liblouis would write them
    as a \\x....\\ escape, in dots that look like braille)."""
    lib = louis()
    mode = lib.dotsIO | lib.ucBrl
    if lib.translateString(list(tables), text, mode=mode) == lib.translateString(
            list(tables), text, mode=mode | lib.noUndefined):
        return []
    seen = []
    for char in text:
        if char not in seen and not char.isspace() and _undefined(char, tuple(tables)):
            seen.append(char)
    return seen


def bad_output(cells: str) -> list[str]:
    """What in translated text is not six-dot braille: print letters, escapes, dots 7-8."""
    problems = []
    for match in ESCAPE.finditer(cells):
        problems.append(f"the liblouis escape {match.group(0)}")
    for char in dict.fromkeys(cells):
        if char in " \u2800" or SIX_DOT.match(char):
            continue
        if "\u2840" <= char <= "\u28ff":
            problems.append(f"the cell {char} uses dots 7-8, which a six-dot embosser cannot print")
        else:
            problems.append(f"the print character '{char}' ({describe(char)})")
    return problems


def describe(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, 'unnamed')}"


# ----- symbol rules --------------------------------------------------------------------
@dataclass
class Rules:
    """Replacements and drops for characters with no braille form (hooks/data/braille.yml)."""

    lang: str
    replace: dict = field(default_factory=dict)   # char -> word
    drop: list = field(default_factory=list)      # (first, last, name)

    @classmethod
    def for_lang(cls, lang: str) -> "Rules":
        symbols = CONFIG.get("symbols", {})
        replace = {r["char"]: r[lang] for r in symbols.get("replace", []) if lang in r}
        drop = [(int(d["from"]), int(d.get("to", d["from"])), d["name"]) for d in symbols.get("drop", [])]
        return cls(lang, replace, drop)

    @property
    def lowest_drop(self) -> int:
        return min((first for first, _, _ in self.drop), default=0x110000)

    def dropped(self, char: str) -> str | None:
        code = ord(char)
        for first, last, name in self.drop:
            if first <= code <= last:
                return name
        return None

    def apply_forms(self, text: str, forms: list, notes: dict | None = None) -> tuple[str, list]:
        """``apply`` that carries a per-character list along (liblouis typeforms): a
        replacement word takes the form of the character it replaces."""
        out_text: list[str] = []
        out_forms: list = []
        last = ""
        lowest_drop = self.lowest_drop
        for i, char in enumerate(text):
            if char in self.replace:
                word = self.replace[char]
                if out_text and (last.isalnum() or last in ".,"):
                    word = " " + word
                if text[i + 1: i + 2].isalnum():
                    word += " "
                _count(notes, f"{char} → {self.replace[char]}")
            elif ord(char) >= lowest_drop and self.dropped(char) is not None:
                _count(notes, f"{char} dropped ({self.dropped(char)})")
                continue
            else:
                word = char
            out_text.append(word)
            out_forms += [forms[i]] * len(word)
            last = word[-1:]
        return "".join(out_text), out_forms

    def apply(self, text: str, notes: dict | None = None) -> str:
        """``text`` with the rules applied; ``notes`` counts what was replaced or dropped."""
        return self.apply_forms(text, [0] * len(text), notes)[0]


def _count(notes, key):
    if notes is not None:
        notes[key] = notes.get(key, 0) + 1


# ----- emphasis and Kazakh words ---------------------------------------------------------
def typeforms(text: str, spans: list, lang: str) -> list:
    """liblouis typeforms for ``text`` (0 = plain) from the emphasised spans, for the kinds
    the language keeps (braille.yml: emphasis)."""
    kept = CONFIG.get("emphasis", {}).get(lang) or []
    forms = [0] * len(text)
    if not kept or not spans:
        return forms
    lib = louis()
    bits = {"bold": lib.bold, "italic": lib.italic}
    for start, end, kind in spans:
        if kind in kept:
            for i in range(max(0, start), min(end, len(text))):
                forms[i] |= bits[kind]
    return forms


KAZAKH = CONFIG.get("kazakh_words", {})
_KAZAKH_WORD = re.compile(r"[^\W\d_]*[%s][^\W\d_]*" % re.escape(KAZAKH.get("letters", "әғқңөұүһі")))
_KAZAKH_CELLS = set("\u281c\u283b\u2839\u2829\u2823\u282c\u280c\u2827\u283d")   # ә ғ қ ң ө ұ ү һ і


def kazakh_words(text: str) -> list[tuple[int, int]]:
    """Spans of words with a Kazakh letter (ә ғ қ ң ө ұ ү һ і)."""
    return [m.span() for m in _KAZAKH_WORD.finditer(text)]


def mark_kazakh_words(cells: str, positions: list, text: str, lang: str) -> tuple[str, list, int]:
    """Put the language's Kazakh-word indicator (braille.yml: kazakh_words) before every
    Kazakh word of a translated text, and after it when the next cell could be read as a
    Kazakh letter (a bracket ⠜ ⠣ right after the word). Returns cells, positions, count."""
    conf = KAZAKH.get(lang) or {}
    if not conf.get("indicator"):
        return cells, positions, 0
    mark = cells_of(conf["indicator"])
    spans = kazakh_words(text)
    if not spans:
        return cells, positions, 0
    out, pos = list(cells), list(positions)
    # work from the end so earlier indexes stay valid
    for start, end in reversed(spans):
        inside = [k for k, p in enumerate(pos) if start <= p < end and k < len(out)]
        if not inside:
            continue
        first, last = inside[0], inside[-1]
        after = last + 1
        if after < len(out) and out[after] not in (BLANK, " ") and out[after] in _KAZAKH_CELLS:
            out[after:after] = list(mark)
            pos[after:after] = [pos[last]] * len(mark)
        out[first:first] = list(mark)
        pos[first:first] = [pos[first]] * len(mark)
    return "".join(out), pos, len(spans)


# ----- North American ASCII braille (BRF) --------------------------------------------
# The 64 six-dot cells in the order of their Braille ASCII characters, space to "_".
# tests/test_braille.py checks it against liblouis's en-us-brf.dis.
_ASCII = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_"
_DOTS = [
    "", "2346", "5", "3456", "1246", "146", "12346", "3", "12356", "23456", "16", "346", "6", "36",
    "46", "34", "356", "2", "23", "25", "256", "26", "235", "2356", "236", "35", "156", "56", "126",
    "123456", "345", "1456", "4", "1", "12", "14", "145", "15", "124", "1245", "125", "24", "245",
    "13", "123", "134", "1345", "135", "1234", "12345", "1235", "234", "2345", "136", "1236", "2456",
    "1346", "13456", "1356", "246", "1256", "12456", "45", "456",
]


def dots_to_cell(dots: str) -> str:
    return chr(0x2800 + sum(1 << (int(d) - 1) for d in dots))


BRF = {dots_to_cell(d): a for d, a in zip(_DOTS, _ASCII)}
BRF[" "] = " "


def to_brf(cells: str) -> str:
    """Unicode six-dot braille to North American Braille ASCII."""
    try:
        return "".join(BRF[c] for c in cells)
    except KeyError as exc:
        raise ValueError(f"not a six-dot braille cell: {exc.args[0]!r}") from None


# ----- words and where a line may end inside one ----------------------------------------
DIVISION: dict = CONFIG["division"]
NUMBER_SIGN = "\u283c"                # dots 3456 in all three codes
_DIGIT_CELLS = set("\u2801\u2803\u2809\u2819\u2811\u280b\u281b\u2813\u280a\u281a")  # a-j
_ADDRESS = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.|[\w.+-]+@)\S+|\b[\w-]+(?:\.[\w-]+)+(?:/\S*)?",
                      re.IGNORECASE)
_LETTERS = re.compile(r"[^\W\d_]+")


def cells_of(dots: str) -> str:
    """Cells from dot groups: "36" -> ⠤, "45-1" -> ⠘⠁."""
    return "".join(dots_to_cell(group) for group in str(dots).split("-"))


class Word(str):
    """A braille word (no blank cells inside) and the places where a line may end inside
    it: ``breaks`` holds (cell offset, cells added at the end of the line)."""

    breaks: tuple = ()

    def __new__(cls, cells: str, breaks=()):
        word = super().__new__(cls, cells)
        word.breaks = tuple(breaks)
        return word


_KK_VOWELS = "аәеёиоөуұүыіэюя"


def kazakh_syllable_starts(word: str) -> list[int]:
    """Where the syllables of a Kazakh word start (index 0 excluded): between vowels one
    consonant goes to the next syllable, of two or more the last one does; у and и right
    after a vowel are glides (тау, ауыл)."""
    low = word.lower()
    vowels = []
    for i, ch in enumerate(low):
        if ch in _KK_VOWELS and not (ch in "уи" and i and low[i - 1] in _KK_VOWELS):
            vowels.append(i)
    starts = []
    for a, b in zip(vowels, vowels[1:]):
        between = b - a - 1
        starts.append(b if between == 0 else b - 1)
    return starts


@functools.lru_cache(maxsize=50000)
def hyphenation_points(word: str, lang: str) -> tuple:
    """Indexes in ``word`` (letters only) where it may be divided, by the language's
    hyphenation dictionary (liblouis) or the Kazakh syllable rule."""
    how = DIVISION["hyphenation"].get(lang)
    least = DIVISION.get("min_letters", 2)
    if not how or len(word) < 2 * least:
        return ()
    if how == "syllable_rules":
        starts = kazakh_syllable_starts(word)
    else:
        try:
            marks = louis().hyphenate([CONFIG["tables"][lang]["table"], how], word)
        except RuntimeError:
            return ()
        starts = [i for i, mark in enumerate(marks) if mark == "1"]
    return tuple(i for i in starts if least <= i <= len(word) - least)


def print_breaks(text: str, lang: str) -> dict:
    """Print positions p (a line may end between text[p-1] and text[p]) -> marker cells."""
    word_marker = cells_of(DIVISION["word_marker"])
    address_marker = cells_of(DIVISION["address_marker"])
    after = DIVISION["address_after"]
    longest = DIVISION["address_part"]
    out: dict = {}
    addresses = []
    for m in _ADDRESS.finditer(text):
        if not re.search(r"[^\W\d_]", m.group(0)):
            continue          # 1.5, 10.000: numbers, not addresses
        token = m.group(0).rstrip(".,;:!?»\")'")
        addresses.append((m.start(), m.start() + len(token)))
        for i, ch in enumerate(token[:-1]):
            if ch in after and token[i + 1] != "/" and not (ch == "." and token[i + 1:i + 2].isdigit()
                                                            and token[i - 1:i].isdigit()):
                out[m.start() + i + 1] = address_marker
        # a part between separators too long for a line (a hash, an id): between any two of its
        # characters (braille_words still keeps its numbers whole)
        for part in re.finditer(f"[^{re.escape(after)}]+", token):
            if len(part.group(0)) > longest:
                for i in range(part.start() + 1, part.end()):
                    out.setdefault(m.start() + i, address_marker)
    for m in _LETTERS.finditer(text):
        if any(a <= m.start() < b for a, b in addresses):
            continue
        for i in hyphenation_points(m.group(0), lang):
            out[m.start() + i] = word_marker
        end = m.end()
        # after a print hyphen between letters: SMS-|пен
        if text[end:end + 1] == "-" and text[end + 1:end + 2].isalpha() and end - m.start() >= 2:
            out[end + 1] = ""
    # where print has a space the braille code leaves out (Russian and Kazakh braille write
    # "2, 3, 17" and "мама, папа" with no blank after the comma): a line may end there, unmarked
    for m in re.finditer(r"\s+", text):
        out.setdefault(m.end(), "")
    return out


def braille_words(cells: str, positions: list, text: str, lang: str) -> list[Word]:
    """The braille words of a translated block (``positions``: print index of every cell),
    each with the places a line may end inside it."""
    allowed = print_breaks(text, lang)
    words: list[Word] = []
    start = None
    for k in range(len(cells) + 1):
        blank = k == len(cells) or cells[k] in (BLANK, " ")
        if blank:
            if start is not None:
                word = cells[start:k]
                breaks = []
                for j in range(1, len(word)):
                    at = start + j
                    p, prev = positions[at], positions[at - 1]
                    if p == prev or p not in allowed:
                        continue
                    if word[j - 1] == NUMBER_SIGN:
                        continue                # never part a number from its sign
                    if text[p:p + 1].isdigit() and word[j] != NUMBER_SIGN:
                        continue                # the next line would start with digits read as letters
                    breaks.append((j, allowed[p]))
                words.append(Word(word, breaks))
                start = None
        elif start is None:
            start = k
    return words


def safe_cut(word: str, room: int) -> int:
    """Where to cut a word with no allowed point that fits (last resort): not after a number
    sign, not inside a run of digits."""
    for j in range(room, 0, -1):
        if word[j - 1] != NUMBER_SIGN and not (word[j - 1] in _DIGIT_CELLS and word[j] in _DIGIT_CELLS):
            return j
    return room


# ----- layout ----------------------------------------------------------------------------
@dataclass
class Cells:
    """A translated block, ready for layout (indents in cells, from the left margin)."""

    words: list              # braille words (no blanks inside)
    first: int = 0           # indent of the first line
    rest: int = 0            # indent of the following lines
    center: bool = False
    blank_before: bool = False
    keep_with_next: bool = False
    page_before: bool = False
    blank_after: bool = False
    group: int = 0           # blocks with the same non-zero group stay on one page (a question and its options)
    heading: bool = False    # listed on the contents page
    fixed: list | None = None  # lines already laid out (the contents page)


def _divide(word: str, room: int) -> tuple[str, str] | None:
    """The longest head of ``word`` (plus its marker) that fits in ``room``; None if none."""
    best = None
    for offset, marker in getattr(word, "breaks", ()):
        if offset + len(marker) <= room and (best is None or offset > best[0]):
            best = (offset, marker)
    if best is None:
        return None
    offset, marker = best
    rest = Word(word[offset:], [(o - offset, m) for o, m in getattr(word, "breaks", ()) if o > offset])
    return word[:offset] + marker, rest


def wrap(block: Cells, width: int = CELLS) -> list[str]:
    """Lines of ``block``, broken between words. A word longer than a line is divided at
    its allowed points (hyphenation, after / . - in addresses) with their markers."""
    lines: list[str] = []
    line = ""
    indent = block.first
    for word in block.words:
        room = width - indent
        if line and len(line) + 1 + len(word) <= room:
            line += " " + word
            continue
        if len(word) > width - block.rest and line:
            # a word longer than any line: start it here if a head of it fits
            part = _divide(word, room - len(line) - 1)
            if part is not None:
                line += " " + part[0]
                word = part[1]
        if line:
            lines.append(" " * indent + line)
            indent = block.rest
            room = width - indent
        while len(word) > room:            # only a word longer than the line is divided
            part = _divide(word, room)
            if part is None:               # no allowed point: the last resort keeps numbers whole
                cut = safe_cut(word, room - 1)
                part = (word[:cut] + cells_of(DIVISION["address_marker"]), Word(word[cut:]))
            lines.append(" " * indent + part[0])
            word = part[1]
            indent = block.rest
            room = width - indent
        line = word
    if line or not lines:
        lines.append(" " * indent + line)
    if block.center:
        lines = [_center(ln.strip(), width) for ln in lines]
    return [ln.rstrip() for ln in lines]


def _center(text: str, width: int) -> str:
    return " " * max(0, (width - len(text)) // 2) + text


def _group_end(blocks: list, i: int) -> int:
    j = i
    while blocks[i].group and j + 1 < len(blocks) and blocks[j + 1].group == blocks[i].group:
        j += 1
    return j


def paginate(blocks: list[Cells], page_number, width: int = CELLS, lines: int = LINES,
             first_number: int = 1, headings: list | None = None,
             placed: list | None = None) -> list[list[str]]:
    """Pages of at most ``lines`` lines; the last line of each page holds its number
    (``page_number(n)`` gives the braille cells, n from ``first_number``) at the right margin.

    Keep-with-next: a heading goes to the next page unless at least two lines of what follows
    it (all of a question group) fit under it; a group (a question and its options) is not
    split unless it is longer than a page. ``headings`` receives (block index, page number)
    of every block marked ``heading``; ``placed`` (block index, page index, line index) of
    every line.
    """
    body = lines - 1
    wrapped = [b.fixed if b.fixed is not None else wrap(b, width) for b in blocks]
    pages: list[list[str]] = []
    current: list[str] = []

    def own(i: int, top: bool) -> int:
        b = blocks[i]
        return (0 if top or not b.blank_before else 1) + len(wrapped[i]) + (1 if b.blank_after else 0)

    def need(i: int, top: bool) -> int:
        b = blocks[i]
        if b.group:
            end = _group_end(blocks, i)
            return own(i, top) + sum(own(j, False) for j in range(i + 1, end + 1))
        total = own(i, top)
        if b.keep_with_next and i + 1 < len(blocks) and not blocks[i + 1].page_before:
            nxt = blocks[i + 1]
            if nxt.keep_with_next or nxt.group:
                return total + need(i + 1, False)
            return total + (1 if nxt.blank_before and not b.blank_after else 0) + min(2, len(wrapped[i + 1]))
        return total

    def flush():
        nonlocal current
        while current and current[-1] == "":
            current.pop()
        if not any(current):
            current = []
            return
        number = page_number(len(pages) + first_number)
        page = current + [""] * (body - len(current))
        page.append(" " * (width - len(number)) + number)
        pages.append(page)
        current = []

    for i, block in enumerate(blocks):
        if block.page_before and current:
            flush()
        starts_unit = not block.group or i == 0 or blocks[i - 1].group != block.group
        if starts_unit and current:
            wanted = need(i, False)
            after_heading = i > 0 and blocks[i - 1].keep_with_next and not blocks[i - 1].group
            if len(current) + wanted > body and not after_heading and (
                    wanted <= body or block.group or block.keep_with_next):
                flush()
        if block.blank_before and current and current[-1] != "":
            current.append("")
        for n, line in enumerate(wrapped[i]):
            if len(current) == body:
                flush()
            current.append(line)
            if placed is not None:
                placed.append((i, len(pages), len(current) - 1))
            if n == 0 and block.heading and headings is not None:
                headings.append((i, len(pages) + first_number))
        if block.blank_after and current and len(current) < body:
            current.append("")
    flush()
    return pages


def contents_lines(entries: list, width: int = CELLS, guide: str = "\u2810") -> list[list[str]]:
    """Lines of a contents page: per entry (braille words of a heading, page number cells),
    the heading (runovers in cell 3), guide dots and the number at the right margin."""
    out = []
    for words, number in entries:
        room = width - len(number) - 3
        lines = wrap(Cells(list(words), first=0, rest=2), room)
        last = lines[-1]
        dots = width - len(last) - len(number) - 2
        lines[-1] = last + " " + guide * max(dots, 0) + " " + number if dots > 0 else \
            last + " " * (width - len(last) - len(number)) + number
        out.append(lines)
    return out


def flow(blocks: list[Cells], width: int = CELLS) -> list[str]:
    """The lines of ``blocks`` without pages (the title page)."""
    lines: list[str] = []
    for block in blocks:
        if block.blank_before and lines and lines[-1] != "":
            lines.append("")
        lines += block.fixed if block.fixed is not None else wrap(block, width)
        if block.blank_after:
            lines.append("")
    return lines


def brf_document(title_page: list[str], pages: list[list[str]]) -> str:
    """The BRF file: the title page, then the numbered pages, a form feed between pages,
    CR LF line ends."""
    out = []
    for page in [title_page] + pages:
        out.append("\r\n".join(to_brf(line) for line in page) + "\r\n")
    return "\f".join(out)


def unicode_document(title_page: list[str], pages: list[list[str]]) -> str:
    """The same pages in Unicode braille (blank cells as U+2800), a form feed between pages."""
    out = []
    for page in [title_page] + pages:
        out.append("\n".join(line.replace(" ", BLANK) for line in page) + "\n")
    return "\f".join(out)
