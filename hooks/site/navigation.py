"""The navigation of one language: home, the courses in order with their lessons
in order, then the reference pages. Easy-read, Braille and editors' pages are
reached from their lesson or the footer, not from the menu.

Works on MkDocs nav items by duck typing (``children``, ``is_section``, ``file``),
so it can be tested with simple stand-ins.
"""
from __future__ import annotations

from hooks.content.catalog import COURSE_IDS, ORIGINAL, Catalog, classify
from hooks.site.pages import course_title

# Top-level pages after the courses, in this order; other top-level pages are left out of the menu.
REFERENCE_PAGES = ["help.md", "teachers.md", "easy-read.md", "glossary.md", "about.md", "accessibility.md"]


def rel_of(item) -> str:
    file = getattr(item, "file", None)
    return getattr(file, "norm_src_uri", getattr(file, "src_uri", "")) if file else ""


def _in_menu(rel: str) -> bool:
    return not (rel.endswith(".easy.md") or rel.endswith(".braille.md") or ".teacher" in rel)


def arrange(items: list, catalog: Catalog, lang: str) -> list:
    """Return the top-level nav items for ``lang`` in reading order."""
    home, courses, reference = [], {}, {}
    for item in items:
        if getattr(item, "is_section", False):
            course = _section_course(item)
            if course in COURSE_IDS:
                item.title = course_title(course, lang)
                item.children = sorted(
                    (child for child in item.children if _in_menu(rel_of(child))),
                    key=lambda child: _order(catalog, rel_of(child)),
                )
                courses[course] = item
            continue
        rel = rel_of(item)
        if classify(rel) == "home":
            home.append(item)
        elif rel in REFERENCE_PAGES:
            reference[rel] = item
    ordered = home + [courses[c] for c in COURSE_IDS if c in courses]
    ordered += [reference[r] for r in REFERENCE_PAGES if r in reference]
    return ordered


def _section_course(section) -> str:
    for child in section.children:
        rel = rel_of(child)
        if "/" in rel:
            return rel.split("/")[0]
    return ""


def _order(catalog: Catalog, rel: str) -> tuple:
    if rel.endswith("/index.md"):
        return (0, 0)
    entry = catalog.get(ORIGINAL, rel)
    order = entry.meta.get("order") if entry is not None else None
    return (1, order if isinstance(order, int) else 99, rel)
