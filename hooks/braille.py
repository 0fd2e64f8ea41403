"""Braille through liblouis: the translation call, the symbol rules, the output checks,
page layout and North American ASCII braille (BRF).

Plain Python, no MkDocs. ``hooks/braille_doc.py`` turns a lesson into text blocks,
``hooks/braille_site.py`` wires the edition into the build.

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

from hooks.catalog import DATA, load_data

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

    def dropped(self, char: str) -> str | None:
        code = ord(char)
        for first, last, name in self.drop:
            if first <= code <= last:
                return name
        return None

    def apply(self, text: str, notes: dict | None = None) -> str:
        """``text`` with the rules applied; ``notes`` counts what was replaced or dropped."""
        out: list[str] = []
        for i, char in enumerate(text):
            if char in self.replace:
                word = self.replace[char]
                if out and (out[-1][-1:].isalnum() or out[-1][-1:] in ".,"):
                    word = " " + word
                nxt = text[i + 1: i + 2]
                if nxt.isalnum():
                    word += " "
                out.append(word)
                _count(notes, f"{char} → {self.replace[char]}")
            elif self.dropped(char) is not None:
                _count(notes, f"{char} dropped ({self.dropped(char)})")
            else:
                out.append(char)
        return "".join(out)


def _count(notes, key):
    if notes is not None:
        notes[key] = notes.get(key, 0) + 1


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


def wrap(block: Cells, width: int = CELLS) -> list[str]:
    """Lines of ``block``: broken between words; a word longer than a line is cut."""
    lines: list[str] = []
    line = ""
    indent = block.first
    for word in block.words:
        room = width - indent
        if line and len(line) + 1 + len(word) <= room:
            line += " " + word
            continue
        if line:
            lines.append(" " * indent + line)
            indent = block.rest
            room = width - indent
        while len(word) > room:            # only a word longer than the line is cut
            lines.append(" " * indent + word[:room])
            word = word[room:]
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


def paginate(blocks: list[Cells], page_number, width: int = CELLS, lines: int = LINES) -> list[list[str]]:
    """Pages of at most ``lines`` lines; the last line of each page holds its number
    (``page_number(n)`` gives the braille cells) at the right margin."""
    body = lines - 1
    pages: list[list[str]] = []
    current: list[str] = []

    def flush():
        nonlocal current
        if not any(current):
            current = []
            return
        number = page_number(len(pages) + 1)
        page = current + [""] * (body - len(current))
        page.append(" " * (width - len(number)) + number)
        pages.append(page)
        current = []

    for i, block in enumerate(blocks):
        if block.page_before and current:
            flush()
        wrapped = wrap(block, width)
        need = len(wrapped) + (1 if block.blank_before and current else 0)
        if block.keep_with_next and i + 1 < len(blocks):
            need += 1
        if len(current) + need > body and current and need <= body:
            flush()
        if block.blank_before and current:
            current.append("")
        for line in wrapped:
            if len(current) == body:
                flush()
            current.append(line)
    flush()
    return pages


def flow(blocks: list[Cells], width: int = CELLS) -> list[str]:
    """The lines of ``blocks`` without pages (the title page)."""
    lines: list[str] = []
    for block in blocks:
        if block.blank_before and lines:
            lines.append("")
        lines += wrap(block, width)
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
