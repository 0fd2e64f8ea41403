"""Where a docs file is published: one rule for every module that links pages (no imports of
other hooks modules but the rules, so any module may use it)."""
from __future__ import annotations

from hooks.rules import ORIGINAL


def url_of(lang: str, rel: str) -> str:
    """Site-root-relative URL of a docs file (directory URLs), e.g. ru/fraud/droppers/."""
    prefix = "" if lang == ORIGINAL else f"{lang}/"
    path = rel.removesuffix(".md")
    if path == "index":
        path = ""
    elif path.endswith("/index"):
        path = path[: -len("index")]
    else:
        path += "/"
    return prefix + path
