"""Easy read that looks like easy read: pictograms beside key ideas, no legal citations in the
word list (the CSS in zb-public.css gives larger text and line spacing).

In an easy-read file, a paragraph that begins with ``[[picture:NAME]]`` gets the pictogram NAME
(overrides/assets/pictograms/NAME.svg, CC0, alt text from hooks/data/pictograms.yml) beside it.
An unknown NAME is an ERROR with file and line (tools/check and the build)."""
from __future__ import annotations

import html
import re

from hooks.content.catalog import Catalog
from hooks.content.rules import load_data
from hooks.content.yamlsrc import ContentError

PICTOGRAMS = load_data("pictograms.yml")["pictograms"]
FOLDER = "assets/pictograms"
TOKEN = re.compile(r"\[\[picture:([a-z0-9-]*)\]\]")
PARAGRAPH = re.compile(r"<p>\s*\[\[picture:([a-z0-9-]+)\]\]\s*(.*?)</p>", re.S)
LAW = re.compile(r'<p class="zb-terms__law">.*?</p>', re.S)


def check_catalog(catalog: Catalog) -> None:
    for entry in catalog.entries.values():
        if entry.kind != "easy":
            continue
        body = entry.src.body
        for match in TOKEN.finditer(body):
            name = match.group(1)
            if name not in PICTOGRAMS:
                line = entry.src.body_line + body.count("\n", 0, match.start())
                catalog.errors.append(ContentError(
                    entry.path, line, f"unknown picture '{name}'",
                    f"use one of: {', '.join(sorted(PICTOGRAMS))} (hooks/data/pictograms.yml)"))


def page_html(content: str, lang: str, root: str) -> str:
    """An easy-read page's HTML: pictograms placed, legal citations out of the word list.
    ``root`` is the relative URL of the site root from this page (e.g. "../../")."""

    def picture(match):
        name, text = match.group(1), match.group(2)
        if name not in PICTOGRAMS:
            return match.group(0)
        alt = html.escape(PICTOGRAMS[name][lang], quote=True)
        return (f'<div class="zb-pic"><img class="zb-pic__img" src="{root}{FOLDER}/{name}.svg" alt="{alt}" '
                f'width="64" height="64"><p>{text}</p></div>')

    content = PARAGRAPH.sub(picture, content)
    return LAW.sub("", content)
