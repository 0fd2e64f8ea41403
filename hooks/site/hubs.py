"""Ways in: the home page's common situations (hooks/data/problems.yml), the teacher hub
(every lesson's teacher pack by course and audience, then every scenario's), the easy-read hub
(every easy-read edition) and the "path of a hero" scenarios (hooks/content/scenario.py): a "try
it" list on the home page, all of them on scenarios/index.md, a course's on its course page and
a lesson's on each lesson its ``lessons:`` names. Plain data for partials/zb-problems.html,
partials/zb-hub.html and partials/zb-scenarios.html."""
from __future__ import annotations

from hooks.content.catalog import COURSES, ORIGINAL, Catalog
from hooks.content.rules import load_data
from hooks.site.pages import course_title, lesson_facts, url_of
from hooks.content.strings import Translator

PROBLEMS = load_data("problems.yml")["problems"]
TEACHERS = "teachers.md"
EASY = "easy-read.md"
SCENARIOS = "scenarios/index.md"


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
    from hooks.editions import scenario_print
    rows = [{"title": s["title"], "lang": s["lang"], "audience": s["audience"], "duration": s["duration"],
             "lesson_url": s["url"], "pack_url": url_of(lang, scenario_print.teacher_rel(s["rel"])),
             "label": t.t("scenario.page")}
            for s in scenario_cards(catalog, lang)]
    if rows:
        out.append({"course": t.t("scenario.hub"), "lessons": rows})
    return out


def scenario_cards(catalog: Catalog, lang: str, course: str | None = None, lesson: str | None = None) -> list[dict]:
    """The scenarios (of a course, or drawing on a lesson ``fraud/droppers.md``), in the reader's
    language or the Kazakh original: [{title, lang, summary, audience, duration, url, rel}]."""
    from hooks.content import scenario

    t = Translator(lang)
    out = []
    for original in scenario.scenarios(catalog, ORIGINAL):
        if course is not None and original.course != course:
            continue
        if lesson is not None and lesson not in {scenario.lesson_rel(original.rel, str(link))
                                                 for link in original.meta.get("lessons") or []}:
            continue
        entry = catalog.get(lang, original.rel) or original
        facts = lesson_facts(entry, t)
        out.append({"title": entry.title, "lang": entry.lang, "summary": str(entry.meta.get("summary") or ""),
                    "audience": facts["audience"], "duration": facts["duration"],
                    "url": url_of(lang, entry.rel), "rel": entry.rel})
    return out


def _scenarios_box(catalog: Catalog, lang: str, title: str, cards: list, intro: str = "", more: bool = False) -> dict:
    if not cards:
        return {}
    t = Translator(lang)
    return {"scenarios": cards, "scenarios_title": t.t(title), "scenarios_intro": t.t(intro) if intro else "",
            "scenarios_all": url_of(lang, SCENARIOS) if more and catalog.get(ORIGINAL, SCENARIOS) else ""}


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
        return {"problems": problems(catalog, lang),
                **_scenarios_box(catalog, lang, "scenario.try", scenario_cards(catalog, lang), "scenario.try_intro", True)}
    if rel == SCENARIOS:
        return _scenarios_box(catalog, lang, "scenario.all", scenario_cards(catalog, lang))
    if kind == "course":
        return _scenarios_box(catalog, lang, "scenario.course", scenario_cards(catalog, lang, course=rel.split("/")[0]),
                              more=True)
    if kind == "lesson":
        return _scenarios_box(catalog, lang, "scenario.in_lesson", scenario_cards(catalog, lang, lesson=rel), more=True)
    if rel == TEACHERS:
        return {"teachers": teacher_hub(catalog, lang)}
    if rel == EASY:
        return {"easy": easy_hub(catalog, lang)}
    return {}
