"""Placeholders a new lesson's skeleton leaves (``TODO:``, hooks/data/lesson_rules.yml):
any that is still in a file is an ERROR naming its line, so a half-written lesson never
reaches the site. Plain Python; tools/check and the build both run it (hooks/content/catalog.py).
"""
from __future__ import annotations

from hooks.content.rules import RULES
from hooks.content.yamlsrc import ContentError

MARKER = RULES["placeholder"]


def find(src) -> list:
    """One ContentError per line of ``src`` (a SourceFile) that holds the marker."""
    out = []
    for number, line in enumerate(src.text.split("\n"), 1):
        if MARKER in line:
            shown = line.strip()
            if len(shown) > 70:
                shown = shown[:67] + "..."
            out.append(ContentError(
                src.path, number, f"placeholder not filled in: {shown}",
                f"replace the text after {MARKER} with the lesson's own text (and remove {MARKER})",
            ))
    return out
