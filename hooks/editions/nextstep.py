"""The way on from a lesson ("What to do next"): where to get help and the next lesson of the
course, shown after the lesson text and linked from the quiz score (assets/javascripts/quiz.js)."""
from __future__ import annotations

from hooks.content.catalog import Catalog
from hooks.site.pages import url_of


def for_page(catalog: Catalog, lang: str, rel: str) -> dict | None:
    """None unless docs/<lang>/<rel> is a lesson (or a fallback copy of one)."""
    entry = catalog.get(lang, rel) or catalog.get("kk", rel)
    if entry is None or entry.kind != "lesson":
        return None
    ids = catalog.lesson_ids(entry.course)
    following = ids[ids.index(entry.id) + 1:] if entry.id in ids else []
    lesson = None
    if following:
        nxt = catalog.best(following[0], lang)
        if nxt is not None:
            lesson = {"title": nxt.title, "lang": nxt.lang, "url": url_of(lang, nxt.rel)}
    return {"help": url_of(lang, "help.md"), "lesson": lesson}
