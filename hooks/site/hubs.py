"""Ways in: the home page's common situations (hooks/data/problems.yml), the teacher hub
(every lesson's teacher pack by course and audience) and the easy-read hub (every easy-read
edition). Plain data for partials/zb-problems.html and partials/zb-hub.html."""
from __future__ import annotations

from hooks.content.catalog import COURSES, ORIGINAL, Catalog
from hooks.content.rules import load_data
from hooks.site.pages import course_title, lesson_facts, url_of
from hooks.content.strings import Translator

PROBLEMS = load_data("problems.yml")["problems"]
TEACHERS = "teachers.md"
EASY = "easy-read.md"


def _published(catalog: Catalog, lang: str, rel: str) -> bool:
    entry = catalog.get(lang, rel) or catalog.get(ORIGINAL, rel)
    if entry is None:
        return False
    return entry.kind != "lesson" or entry.id in catalog.lesson_ids()


def problems(catalog: Catalog, lang: str) -> list[dict]:
    out = []
    for problem in PROBLEMS:
        rel, _, anchor = problem["target"].partition("#")
        if _published(catalog, lang, rel):
            out.append({"label": problem["label"][lang], "url": url_of(lang, rel) + (f"#{anchor}" if anchor else "")})
    return out


def _lessons(catalog: Catalog, lang: str, course: str) -> list:
    return [catalog.best(lesson_id, lang) for lesson_id in catalog.lesson_ids(course)]


def teacher_hub(catalog: Catalog, lang: str) -> list[dict]:
    """[{course, lessons: [{title, lang, audience, duration, lesson_url, pack_url}]}] in course order."""
    from hooks.editions import teacher

    t = Translator(lang)
    out = []
    for course in COURSES:
        rows = []
        for entry in _lessons(catalog, lang, course["id"]):
            facts = lesson_facts(entry, t)
            rows.append({"title": entry.title, "lang": entry.lang, "audience": facts["audience"],
                         "duration": facts["duration"], "lesson_url": url_of(lang, entry.rel),
                         "pack_url": teacher.folder_url(lang, entry.rel)})
        if rows:
            out.append({"course": course_title(course["id"], lang), "lessons": rows})
    return out


def easy_hub(catalog: Catalog, lang: str) -> list[dict]:
    out = []
    for course in COURSES:
        rows = []
        for entry in _lessons(catalog, lang, course["id"]):
            easy_rel = entry.rel.replace(".md", ".easy.md")
            easy = catalog.get(lang, easy_rel) or catalog.get(ORIGINAL, easy_rel)
            if easy is not None:
                rows.append({"title": easy.title, "lang": easy.lang, "url": url_of(lang, easy_rel)})
        if rows:
            out.append({"course": course_title(course["id"], lang), "lessons": rows})
    return out


def for_page(catalog: Catalog, lang: str, rel: str, kind: str) -> dict:
    """What the hub partials show on this page (empty for other pages)."""
    if kind == "home":
        return {"problems": problems(catalog, lang)}
    if rel == TEACHERS:
        return {"teachers": teacher_hub(catalog, lang)}
    if rel == EASY:
        return {"easy": easy_hub(catalog, lang)}
    return {}
