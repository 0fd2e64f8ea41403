"""Help numbers as data (hooks/data/helplines.yml) and how they appear in text.

Plain Python, no MkDocs.

* ``load()`` reads and validates the file (file:line errors; a number the fact sheet does not
  confirm, listed under ``not_listed:``, is refused).
* In Markdown an editor writes ``[[tel:102]]``. ``expand()`` turns it into a tappable link with
  the line's name, ``<a href="tel:102">102 (police)</a>``; in a heading it becomes plain text
  (a link in a heading or in a quiz's radio label breaks the control and the outline).
* ``plain_numbers()`` finds a registry number typed as plain text in running text and gives a
  notice (file:line, and the token to write instead). It skips: headings, code and quiz fences,
  inline code, numbers after "art./бап/статья/№", "232-1-бап"-style article numbers, and numbers
  that are part of a larger number ("1 112", "1120", "101.5", "2-112").
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from hooks.content import yamlsrc
from hooks.content.yamlsrc import ContentError, as_date

DATA = Path(__file__).resolve().parents[1] / "data"
FILE = DATA / "helplines.yml"
SHOWN = "hooks/data/helplines.yml"
LANGS = ("kk", "ru", "en")

TOKEN = re.compile(r"\[\[tel:([^\]\s]*)\]\]")
FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
HEADING = re.compile(r"^\s{0,3}#{1,6}(\s|$)")
INLINE_CODE = re.compile(r"(`+)(.+?)\1")
# Words after which a number is an article or document number, not a phone number.
BEFORE = re.compile(
    r"(?:\b(?:art|arts|article|articles|ст|статья|статьи|статьей|статье|статью|стат|п|пп|бап|бабы|"
    r"баптың|бабына|part|часть|части|бөлігі|no|nos|number)\.?|№|#)\s*$",
    re.IGNORECASE,
)
# kk article numbers come before the word: "232-1-бап", "438-бабы", "112-баптың"
AFTER_ARTICLE = re.compile(r"^-?(?:бап|баб)", re.IGNORECASE)


@dataclass
class Helpline:
    number: str
    name: dict                # lang -> name
    when: dict                # lang -> when to call
    line: int
    hours: str = ""
    free: bool | None = None
    sources: list = field(default_factory=list)

    def link_text(self, lang: str) -> str:
        return _t("tel.link", lang, number=self.number, name=self.name[lang])


def _t(key: str, lang: str, **values) -> str:
    from hooks.content.acts import t
    return t(key, lang, **values)


def parse(text: str, shown: str = SHOWN) -> tuple[dict, list]:
    doc = yamlsrc.load(text, shown)
    data = doc.value if isinstance(doc.value, dict) else {}
    errors: list = []
    items = data.get("helplines")
    if not isinstance(items, list):
        return {}, [ContentError(shown, doc.line(), "the file must have a list 'helplines:'")]
    refused = {str(x.get("number")): x.get("why", "") for x in data.get("not_listed") or [] if isinstance(x, dict)}
    lines: dict = {}
    for i, item in enumerate(items):
        at = doc.line("helplines", i)
        if not isinstance(item, dict):
            errors.append(ContentError(shown, at, "each help line must have number:, name:, when:, sources:"))
            continue
        number = item.get("number")
        if not isinstance(number, str) or not re.fullmatch(r"\d{3,6}", number):
            errors.append(ContentError(shown, doc.line("helplines", i, "number"),
                                       "'number' must be the digits in quotes", 'e.g. number: "102"'))
            continue
        if number in refused:
            errors.append(ContentError(shown, doc.line("helplines", i, "number"),
                                       f"{number} must not be listed: {refused[number]}",
                                       "remove it (see ../shared/legal-facts, §5 and §11)"))
            continue
        if number in lines:
            errors.append(ContentError(shown, doc.line("helplines", i, "number"), f"{number} is listed twice"))
            continue
        texts = {}
        for key in ("name", "when"):
            value = item.get(key)
            if not isinstance(value, dict) or any(not str(value.get(l) or "").strip() for l in LANGS):
                errors.append(ContentError(shown, doc.line("helplines", i, key),
                                           f"'{key}' of {number} needs text in kk, ru and en"))
                value = {l: "" for l in LANGS}
            texts[key] = {l: str(value[l]).strip() for l in LANGS}
        srcs = item.get("sources")
        if not isinstance(srcs, list) or len(srcs) < 2:
            errors.append(ContentError(shown, doc.line("helplines", i, "sources") if "sources" in item else at,
                                       f"{number} needs two independent sources (title:, url:)",
                                       "list only numbers the fact sheet confirms from two sources [C2]"))
            srcs = srcs if isinstance(srcs, list) else []
        from hooks.content.acts import is_site_root
        for j, src in enumerate(srcs):
            url = src.get("url") if isinstance(src, dict) else None
            if not isinstance(url, str) or not url.startswith("https://") or is_site_root(url):
                errors.append(ContentError(shown, doc.line("helplines", i, "sources", j),
                                           f"a source of {number} needs the https:// address of a page, "
                                           "not of a whole site"))
        lines[number] = Helpline(number, texts["name"], texts["when"], at, str(item.get("hours") or ""),
                                 item.get("free"), srcs)
    return lines, errors


def load(path: Path = FILE) -> dict:
    """The help lines, by number; raises the first ContentError if the file is wrong."""
    return yamlsrc.load_registry(path, parse, SHOWN if path == FILE else str(path))


def ordered(registry: dict | None = None) -> list:
    """The help lines in the file's order (the help page, posters, Braille)."""
    registry = load() if registry is None else registry
    return sorted(registry.values(), key=lambda h: h.line)


def link_html(number: str, lang: str, registry: dict | None = None) -> str:
    line = (load() if registry is None else registry)[number]
    return (f'<a class="zb-tel" href="tel:{html.escape(number)}">'
            f"{html.escape(line.link_text(lang))}</a>")


# ----- walking running text ------------------------------------------------------------
def _running_lines(markdown: str):
    """(index, line, kind) with kind "text", "heading" or "fence" (inside a fenced block)."""
    fence = None
    for i, line in enumerate(markdown.split("\n")):
        match = FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)[0] * len(match.group(1))
            yield i, line, "fence"
            continue
        if fence is not None:
            if line.strip().startswith(fence) and line.strip().strip(fence[0]) == "":
                fence = None
            yield i, line, "fence"
            continue
        yield i, line, "heading" if HEADING.match(line) else "text"


def _outside_code(line: str):
    """(start, end) spans of ``line`` that are not inline code."""
    pos = 0
    for match in INLINE_CODE.finditer(line):
        yield pos, match.start()
        pos = match.end()
    yield pos, len(line)


def expand(markdown: str, lang: str, path: str = "", first_line: int = 1,
           registry: dict | None = None) -> str:
    """Replace every ``[[tel:N]]`` token: a link in running text, plain text in a heading.

    Tokens inside code and quiz fences stay as they are. An unknown number is a ContentError.
    """
    registry = load() if registry is None else registry
    out = []
    for i, line, kind in _running_lines(markdown):
        if kind == "fence" or "[[tel:" not in line:
            out.append(line)
            continue
        pieces, last = [], 0
        for start, end in _outside_code(line):
            pieces.append(line[last:start])
            segment = line[start:end]

            def repl(match):
                number = match.group(1)
                if number not in registry:
                    raise ContentError(path, first_line + i, f"[[tel:{number}]] is not a known help number",
                                       "use one of: " + ", ".join(h.number for h in ordered(registry))
                                       + " (hooks/data/helplines.yml)")
                if kind == "heading":
                    return registry[number].link_text(lang)
                return link_html(number, lang, registry)

            pieces.append(TOKEN.sub(repl, segment))
            last = end
        out.append("".join(pieces))
    return "\n".join(out)


def tokens(markdown: str, path: str = "", first_line: int = 1) -> list:
    """(line, number) of every ``[[tel:N]]`` token outside code (for checks)."""
    found = []
    for i, line, kind in _running_lines(markdown):
        if kind == "fence":
            continue
        for start, end in _outside_code(line):
            for match in TOKEN.finditer(line[start:end]):
                found.append((first_line + i, match.group(1)))
    return found


def standalone(segment: str, registry: dict):
    """Matches of registry numbers in ``segment`` that are phone numbers in running text (not an
    article or document number, not part of a larger number)."""
    if not registry:
        return
    numbers = sorted(registry, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w.,/\-−–+=#%])(" + "|".join(map(re.escape, numbers)) + r")(?![\w/%])")
    for match in pattern.finditer(segment):
        before, after = segment[:match.start()], segment[match.end():]
        if BEFORE.search(before) or AFTER_ARTICLE.match(after):
            continue
        if re.search(r"\d[\s\u00a0\u202f]$", before) or re.match(r"[\s\u00a0\u202f]\d{3}\b", after):
            continue   # a larger number with thousands separated: "1 112", "112 000"
        if re.match(r"[.,]\d", after) or re.match(r"-\d", after):
            continue   # 101.5, 112,3, 101-2
        yield match


def plain_numbers(markdown: str, path: str, first_line: int = 1, registry: dict | None = None) -> list:
    """A notice for each registry number typed as plain text in running text."""
    registry = load() if registry is None else registry
    notices = []
    for i, line, kind in _running_lines(markdown):
        if kind != "text":
            continue
        for start, end in _outside_code(line):
            segment = TOKEN.sub(lambda m: " " * len(m.group(0)), line[start:end])
            # Markdown links: the address is not running text
            segment = re.sub(r"\]\([^)]*\)", lambda m: " " * len(m.group(0)), segment)
            for match in standalone(segment, registry):
                number = match.group(1)
                notices.append(ContentError(
                    path, first_line + i, f"the help number {number} is plain text",
                    f"write [[tel:{number}]] so that readers can tap it "
                    f"(it shows as \"{registry[number].link_text('en')}\" in the reader's language)",
                ))
    return notices

def plain(markdown: str, lang: str, registry: dict | None = None) -> str:
    """For text-only editions (Braille): ``[[tel:N]]`` -> "N (name)", and ``[[helplines]]`` ->
    one paragraph naming every line. Keeps the number of lines (quiz positions stay put)."""
    registry = load() if registry is None else registry

    def listing() -> str:
        return "; ".join(f"{h.link_text(lang)}: {h.when[lang].rstrip('.')}" for h in ordered(registry)) + "."

    out = []
    for i, line, kind in _running_lines(markdown):
        if kind == "fence":
            out.append(line)
            continue
        if line.strip() == "[[helplines]]":
            out.append(listing())
            continue
        out.append(TOKEN.sub(lambda m: registry[m.group(1)].link_text(lang) if m.group(1) in registry
                             else m.group(0), line))
    return "\n".join(out)


def linkify(text: str, lang: str, registry: dict | None = None) -> str:
    """HTML for a plain-text field (an objective, a key point): escaped, with every help
    number the notice rules would flag turned into a tappable link with its name."""
    registry = load() if registry is None else registry
    text = str(text)
    out, last = [], 0
    for match in standalone(text, registry):
        out.append(html.escape(text[last:match.start()]))
        out.append(link_html(match.group(1), lang, registry))
        last = match.end()
    out.append(html.escape(text[last:]))
    return "".join(out)
