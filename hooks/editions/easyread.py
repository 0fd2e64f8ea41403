"""Easy read that looks like easy read: pictograms beside key ideas, no legal citations in the
word list (the CSS in zb-public.css gives larger text and line spacing).

In an easy-read file, a paragraph or a list item that begins with ``[[picture:NAME]]`` gets the
pictogram NAME (overrides/assets/pictograms/NAME.svg, CC0, alt text from hooks/data/pictograms.yml)
beside it. An unknown NAME, or a picture anywhere else (it would show as text), is an ERROR with
file and line (tools/check and the build)."""
from __future__ import annotations

import html
import re

from hooks.content.catalog import ORIGINAL, Catalog
from hooks.content.rules import load_data
from hooks.content.yamlsrc import ContentError

PICTOGRAMS = load_data("pictograms.yml")["pictograms"]
FOLDER = "assets/pictograms"
TOKEN = re.compile(r"\[\[picture:([a-z0-9-]*)\]\]")
PARAGRAPH = re.compile(r"<p>\s*\[\[picture:([a-z0-9-]+)\]\]\s*(.*?)</p>", re.S)
ITEM = re.compile(r"<li>\s*\[\[picture:([a-z0-9-]+)\]\]\s*((?:(?!<li[\s>]).)*?)</li>", re.S)
# Where a picture may stand in the Markdown: the start of a paragraph (after a blank line or a
# heading) or of a list item ("1. ", "- ").
ITEM_START = re.compile(r"(?:[-*+]|\d+[.)])[ \t]+$")
LAW = re.compile(r'<p class="zb-terms__law">.*?</p>', re.S)


def check_catalog(catalog: Catalog) -> None:
    for entry in catalog.entries.values():
        if entry.kind != "easy":
            continue
        body = entry.src.body
        for match in TOKEN.finditer(body):
            name = match.group(1)
            line = entry.src.body_line + body.count("\n", 0, match.start())
            if name not in PICTOGRAMS:
                catalog.errors.append(ContentError(
                    entry.path, line, f"unknown picture '{name}'",
                    f"use one of: {', '.join(sorted(PICTOGRAMS))} (hooks/data/pictograms.yml)"))
            elif not _at_start(body, match.start()):
                catalog.errors.append(ContentError(
                    entry.path, line, f"picture '{name}' is not at the start of a paragraph or list item",
                    "put [[picture:NAME]] first on the paragraph's first line (after a blank line) "
                    "or right after a list item's '1. ' or '- '"))


    # the same pictures in the same order in every language (a NOTICE: the translation may lag)
    for entry in catalog.entries.values():
        if entry.kind != "easy" or entry.lang == ORIGINAL:
            continue
        original = catalog.get(ORIGINAL, entry.rel)
        if original is None:
            continue
        mine, theirs = _names(entry), _names(original)
        if [n for n, _ in mine] != [n for n, _ in theirs]:
            at = next((i for i, (a, b) in enumerate(zip(mine, theirs)) if a[0] != b[0]), min(len(mine), len(theirs)))
            line = mine[at][1] if at < len(mine) else entry.src.body_line
            catalog.notices.append(ContentError(
                entry.path, line, "the pictures differ from the Kazakh easy read "
                f"({', '.join(n for n, _ in mine) or 'none'} here; {', '.join(n for n, _ in theirs) or 'none'} there)",
                "put the same [[picture:NAME]] beside the same ideas, in the same order"))


def _names(entry) -> list[tuple[str, int]]:
    body = entry.src.body
    return [(m.group(1), entry.src.body_line + body.count("\n", 0, m.start())) for m in TOKEN.finditer(body)]


def _at_start(body: str, pos: int) -> bool:
    """Is ``pos`` the start of a paragraph or of a list item's text?"""
    line_start = body.rfind("\n", 0, pos) + 1
    before = body[line_start:pos]
    if ITEM_START.fullmatch(before.lstrip()):
        return True
    if before.strip():
        return False
    previous = body[:line_start - 1].rsplit("\n", 1)[-1] if line_start else ""
    return not previous.strip() or previous.lstrip().startswith("#")


def pictures(content: str, lang: str, root: str) -> str:
    """Pictograms placed in an easy-read page's HTML. Runs before the glossary links terms, so a
    term that is also a picture's name (``law``) stays a name. ``root`` is the relative URL of the
    site root from this page (e.g. "../../")."""
    def img(name):
        alt = html.escape(PICTOGRAMS[name][lang], quote=True)
        return f'<img class="zb-pic__img" src="{root}{FOLDER}/{name}.svg" alt="{alt}" width="64" height="64">'

    def picture(match):
        name, text = match.group(1), match.group(2)
        if name not in PICTOGRAMS:
            return match.group(0)
        return f'<div class="zb-pic">{img(name)}<p>{text}</p></div>'

    def item(match):
        # the list keeps its numbers: the picture and the text sit side by side inside the item
        name, text = match.group(1), match.group(2)
        if name not in PICTOGRAMS:
            return match.group(0)
        return f'<li><span class="zb-pic zb-pic--item">{img(name)}<span class="zb-pic__text">{text}</span></span></li>'

    content = PARAGRAPH.sub(picture, content)
    return ITEM.sub(item, content)


def without_citations(content: str) -> str:
    """The word list of an easy-read page without legal citations (after the glossary adds it)."""
    return LAW.sub("", content)
