"""What our templates show on each page, computed from the catalogue.

``page_context`` returns the ``zb`` object the templates in ``overrides/`` read.
Plain Python: it knows nothing of MkDocs but the page's language and source path.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from hooks.content.catalog import COURSES, LANGS, ORIGINAL, Catalog, Entry, classify
from hooks.content.rules import course_title  # noqa: F401 (re-exported: teacher, braille_site, navigation)
from hooks.content.rules import url_of  # noqa: F401 (re-exported: the URL of a docs file lives with the layout rules)
from hooks.content.dates import in_words
from hooks.content.strings import Translator

LANG_NAMES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}


@dataclass
class PageView:
    lang: str                     # the reader's language (UI language of the page)
    content_lang: str             # the language the text is really in
    kind: str                     # home, course, lesson, easy, page
    t: Translator
    entry: Entry | None
    fallback: bool = False
    overdue: str = ""             # review date that passed, ISO, or ""
    facts: dict = field(default_factory=dict)
    courses: list = field(default_factory=list)
    lessons: list = field(default_factory=list)
    status: list = field(default_factory=list)
    notices: list | None = None  # editors' page: every NOTICE as "file:line: message — fix"
    readability: dict = field(default_factory=dict)  # editors' page: hooks/content/readability.py
    switcher: list = field(default_factory=list)
    variants: list = field(default_factory=list)  # standard / easy / braille links of a lesson
    styles: list = field(default_factory=list)    # extra CSS files this page needs
    scripts: list = field(default_factory=list)   # extra JS files this page needs
    teacher: dict = field(default_factory=dict)   # teacher links and copy-link field: hooks/editions/teacher.py
    searchable: bool = False  # text goes into the site search index: hooks/site/search.py
    sources: list = field(default_factory=list)   # acts.Shown, in the reader's language: hooks/content/acts.py
    law_changed: str = ""     # banner: an act the page cites changed after its review (hooks/editions/legal_pages.py)
    course_note: str = ""     # a course whose lessons are all withdrawn says so
    has_changes: bool = False  # the site has the "Changes in the laws" page (footer link)

    @property
    def footer_links(self) -> dict:
        return {name: url_of(self.lang, f"{name}.md") for name in ("help", "changes", "accessibility", "editors")}

    @property
    def hreflang(self) -> list[tuple[str, str]]:
        """(hreflang, site-root-relative URL) for the head's alternate links: each language that
        really has this page, and x-default for the original (Kazakh) when it exists."""
        links = [(item["lang"], item["link"]) for item in self.switcher if item["exists"]]
        links += [("x-default", link) for lang, link in links if lang == ORIGINAL]
        return links

    @property
    def notice(self) -> str:
        if not self.fallback:
            return ""
        shown = self.t.t(f"lang.{self.content_lang}")
        return self.t.t("untranslated.notice", shown=shown)

    @property
    def reviewed(self) -> str:
        meta = self.entry.meta if self.entry else {}
        review = meta.get("reviewed")
        if not isinstance(review, dict):
            return ""
        if not review.get("by"):  # a translation that inherits the original's review: the date only
            return self.t.t("sources.reviewed_on", date=in_words(review.get("date"), self.lang))
        return self.t.t("sources.reviewed", date=in_words(review.get("date"), self.lang), by=str(review.get("by")))


VARIANTS = (("standard", ".md"), ("easy", ".easy.md"), ("braille", ".braille.md"))


def variants(catalog: Catalog, lang: str, rel: str, t: Translator) -> list[dict]:
    """Standard / easy read / Braille links for a lesson, in the reader's language.

    URLs: <course>/<slug>/, <course>/<slug>.easy/, <course>/<slug>.braille/.
    """
    base = rel.removesuffix(".md").removesuffix(".easy").removesuffix(".braille")
    items = []
    for name, suffix in VARIANTS:
        variant_rel = base + suffix
        if name == "easy" and catalog.get(lang, variant_rel) is None and catalog.get(ORIGINAL, variant_rel) is None:
            continue
        items.append({"name": name, "label": t.t(f"variant.{name}"), "url": url_of(lang, variant_rel),
                      "current": variant_rel == rel})
    return items


def lesson_facts(entry: Entry, t: Translator) -> dict:
    meta = entry.meta
    return {
        "audience": t.audience(meta.get("audience", "")),
        "duration": t.minutes(meta.get("duration", "")),
        "objectives": list(meta.get("objectives") or []),
        # escaped HTML, help numbers as tappable links: hooks/content/helplines.py
        "objectives_html": [_tel_html(o, entry.lang) for o in meta.get("objectives") or []],
    }


def _tel_html(text, lang: str) -> str:
    from hooks.content import helplines
    return helplines.linkify(str(text), lang)


def switcher(catalog: Catalog, lang: str, rel: str, t: Translator) -> list[dict]:
    """Language switcher entries: the same page in every language, honestly labelled."""
    items = []
    for other in LANGS:
        exists = catalog.get(other, rel) is not None
        name = LANG_NAMES[other]
        if not exists:
            name += f" ({t.t('untranslated.switcher')})"
        items.append({"lang": other, "name": name, "word": LANG_NAMES[other], "link": url_of(other, rel),
                      "exists": exists})
    return items


def page_context(catalog: Catalog, lang: str, rel: str) -> PageView:
    """The view of docs/<lang>/<rel> as read in ``lang`` (falls back to Kazakh)."""
    t = Translator(lang)
    entry = catalog.get(lang, rel)
    content_lang = lang
    fallback = False
    if entry is None:
        entry = catalog.get(ORIGINAL, rel)
        fallback = entry is not None
        # Only a Kazakh fallback is in Kazakh; a generated page (e.g. a Braille preview) is in ``lang``.
        content_lang = ORIGINAL if fallback else lang
    view = PageView(lang=lang, content_lang=content_lang, kind=classify(rel), t=t, entry=entry,
                    fallback=fallback, switcher=switcher(catalog, lang, rel, t))
    view.has_changes = catalog.get(lang, "changes.md") is not None or catalog.get(ORIGINAL, "changes.md") is not None
    if entry is None:
        return view
    if entry.kind == "lesson":
        view.facts = lesson_facts(entry, t)
    view.sources = shown_sources(entry, lang)
    from hooks.editions import legal_pages
    view.law_changed = legal_pages.law_banner(catalog, entry, lang)
    if entry.kind in ("lesson", "easy") or rel.endswith(".braille.md"):
        view.variants = variants(catalog, lang, rel, t)
    if entry.kind in ("lesson", "page") and catalog.is_stale(entry):
        view.overdue = in_words(catalog.review_due(entry), lang)
    if view.kind == "home":
        view.courses = [
            {
                "title": course["title"][lang],
                "url": url_of(lang, f"{course['id']}/index.md"),
                "summary": _summary(catalog, lang, f"{course['id']}/index.md"),
                "count": t.t("home.lessons_count", n=len(catalog.lesson_ids(course["id"]))),
            }
            for course in COURSES
        ]
    if view.kind == "course":
        view.lessons = course_lessons(catalog, lang, entry.course, t)
        if not view.lessons and any(e.course == entry.course for e in catalog.withdrawn()):
            view.course_note = t.t("course.withdrawn")
    if rel == "editors.md":
        view.status = status_rows(catalog, t)
        # every NOTICE of tools/check and the build, file:line first (never a failure)
        view.notices = [notice.format() for notice in catalog.notices]
        from hooks.content import readability
        view.readability = readability.status_view(catalog, t)
    return view


def shown_sources(entry: Entry, lang: str) -> list:
    """The page's sources as the reader of ``lang`` sees them: act citations get the act's
    title in that language and its official link (hooks/content/acts.py); other sources as written."""
    from hooks.content import acts
    meta = getattr(entry, "facts", None) or entry.meta
    items = meta.get("sources") if isinstance(meta.get("sources"), list) else []
    return [acts.resolve(item, lang) for item in items if isinstance(item, dict)]


def _summary(catalog: Catalog, lang: str, rel: str) -> str:
    entry = catalog.get(lang, rel) or catalog.get(ORIGINAL, rel)
    return str(entry.meta.get("summary", "")) if entry else ""


def course_lessons(catalog: Catalog, lang: str, course: str, t: Translator) -> list[dict]:
    rows = []
    for lesson_id in catalog.lesson_ids(course):
        entry = catalog.best(lesson_id, lang)
        facts = lesson_facts(entry, t)
        rows.append({
            "title": entry.title,
            "title_lang": entry.lang,
            "summary": str(entry.meta.get("summary", "")),
            "url": url_of(lang, entry.rel),
            "facts": t.t("course.lesson_facts", audience=facts["audience"], minutes=facts["duration"]),
            "translated": entry.lang == lang,
        })
    return rows


def status_rows(catalog: Catalog, t: Translator) -> list[dict]:
    rows = []
    for row in catalog.translation_table():
        cells = []
        for lang in LANGS:
            entry = catalog.lesson(row["id"], lang)
            due = catalog.review_due(entry)
            cells.append({
                "lang": lang,
                "lesson": row["lesson"][lang],
                "easy": row["easy"][lang],
                "stale": row["stale"][lang],
                "due": in_words(due, t.lang) if due else "",
            })
        original = catalog.lesson(row["id"], ORIGINAL)
        rows.append({"id": row["id"], "course": course_title(row["course"], t.lang),
                     "title": original.title, "cells": cells})
    return rows
