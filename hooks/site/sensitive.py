"""Sensitive lessons (front matter ``sensitive: true``; translations and easy-read editions
inherit it): every page of the lesson (standard, easy read, Braille preview, teacher pack)
stores nothing in the browser and shows a "leave this page" link that goes at once to a
neutral site (``leave_page_url`` in hooks/data/lesson_rules.yml), replacing this page in the
browser's history where JavaScript runs (assets/javascripts/leave.js). A "path of a hero"
scenario (and its gamebook, Braille and teacher pages) is sensitive when a lesson its
``lessons:`` names is: its script then keeps no path (assets/javascripts/scenario.js)."""
from __future__ import annotations

from hooks.content.catalog import ORIGINAL, Catalog
from hooks.content.rules import RULES

SCRIPT = "assets/javascripts/leave.js"
LEAVE_URL = RULES["leave_page_url"]
EDITIONS = (".easy", ".braille", ".teacher", ".gamebook")


def lesson_rel(rel: str) -> str:
    """The standard lesson's path for any of its pages (x.easy.md, x.braille.md, ... -> x.md)."""
    base = rel.removesuffix(".md")
    for suffix in EDITIONS:
        base = base.removesuffix(suffix)
    return base + ".md"


def is_sensitive(catalog: Catalog, lang: str, rel: str) -> bool:
    base = lesson_rel(rel)
    entry = catalog.get(lang, base) or catalog.get(ORIGINAL, base)
    if entry is not None and entry.kind == "scenario":
        from hooks.content import scenario
        return any(is_sensitive(catalog, lang, scenario.lesson_rel(entry.rel, str(link)))
                   for link in entry.meta.get("lessons") or [] if str(link).endswith(".md"))
    return bool(entry is not None and entry.kind == "lesson" and entry.meta.get("sensitive") is True)
