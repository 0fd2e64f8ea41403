"""Fenced code blocks (``` or ~~~) in a Markdown body, found the way Markdown finds them.

Shared by the quiz parser (```quiz blocks), the Markdown safety checks (which skip code)
and anything else that must not read inside code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = re.compile(r"^( {0,3})(`{3,}|~{3,})[ \t]*([^\s`]*)[^`]*$")


@dataclass
class Fence:
    start: int          # 0-based index of the opening line
    end: int | None     # index of the closing line; None when the block runs to the end
    indent: str         # spaces before the opening fence (0 to 3)
    info: str           # the word after the fence, e.g. "quiz"


def closing(fence: str) -> re.Pattern:
    return re.compile(r"^ {0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*$")


def scan(lines: list[str]):
    """Yield ("line", index) for each line outside fences and ("fence", Fence) for each block."""
    i = 0
    while i < len(lines):
        m = OPENING.match(lines[i])
        if not m:
            yield "line", i
            i += 1
            continue
        close = closing(m.group(2))
        j = i + 1
        while j < len(lines) and not close.match(lines[j]):
            j += 1
        yield "fence", Fence(i, j if j < len(lines) else None, m.group(1), m.group(3))
        i = j + 1
