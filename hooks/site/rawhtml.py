"""HTML we generate is not parsed again by Markdown.

Quiz forms, teacher pages, worksheets, Braille previews, the practice test and the course print
view are HTML made by hooks/editions and put into a page's Markdown as raw HTML blocks.
Python-Markdown (md_in_html) and MkDocs then run an HTML parser over every character of
them, only to pass them through unchanged: about half the Markdown time of the site.

``hold(html)`` puts a token paragraph in the Markdown instead (``ZBRAW`` + a hash: letters
and digits, which Markdown leaves alone) and ``restore(content)`` puts the HTML back in the
rendered page, where Markdown would have put it (a raw block replaces its ``<p>`` wrapper).
``ids(html)`` gives the ids MkDocs would have collected from the raw HTML (anchors of links).
Editors cannot write raw HTML (hooks/content/markup.py refuses it), so every raw HTML block
is ours. Plain Python, no MkDocs.
"""
from __future__ import annotations

import hashlib
import html as html_module
import re

_HELD: dict[str, str] = {}
TOKEN = re.compile(r"<p>(ZBRAW[0-9a-f]{40})</p>")
_START_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)((?:\s[^<>]*)?)/?>")
_ID = re.compile(r"""\s(id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def hold(block: str) -> str:
    """The token that stands for the raw HTML block ``block`` (no blank line inside). Each
    ``hold`` is matched by one put-back in ``restore`` (then the block is forgotten)."""
    token = "ZBRAW" + hashlib.sha1(block.encode("utf-8")).hexdigest()
    _HELD[token] = block
    _COUNT[token] = _COUNT.get(token, 0) + 1
    return token


_COUNT: dict[str, int] = {}


def held_page(markdown: str) -> str | None:
    """A page whose Markdown is one raw HTML block (a generated page): its token, else None."""
    text = markdown.strip("\n")
    if not text.startswith("<") or re.search(r"\n[ \t]*\n", text):
        return None
    return hold(text)


def restore(content: str) -> tuple[str, list[str]]:
    """The rendered page with every held block back; and the blocks put back."""
    if "ZBRAW" not in content:
        return content, []
    back: list[str] = []

    def put(m: re.Match) -> str:
        token = m.group(1)
        block = _HELD.get(token)
        if block is None:
            return m.group(0)
        back.append(block)
        _COUNT[token] -= 1
        if _COUNT[token] <= 0:  # every page that held it has it back: not kept for the whole build
            del _HELD[token], _COUNT[token]
        return block

    return TOKEN.sub(put, content), back


def ids(block: str) -> set[str]:
    """The ids (and names of ``<a>``) in ``block``, as MkDocs collects them from raw HTML."""
    found = set()
    for tag in _START_TAG.finditer(block):
        for m in _ID.finditer(tag.group(2)):
            if m.group(1) == "id" or tag.group(1).lower() == "a":
                found.add(html_module.unescape(m.group(2) if m.group(2) is not None else m.group(3)))
    return found
