"""The content catalogue: every lesson, easy-read edition and page of every language.

It reads ``docs/<lang>/**.md`` straight from disk (no MkDocs), once, into one model per
file (``Entry``): its front matter, its facts (a translation's inherited from the Kazakh
original by hooks/content/inherit.py), its body and its quizzes (hooks/content/quizdata.py). Every edition
(page, teacher pack, Braille, checks) reads that model. It checks the front matter against
``hooks/data/lesson_rules.yml`` and collects ERRORs (``errors``: fail tools/check and the
build) and NOTICEs (``notices``: printed and listed, never fail), each naming the file
and the line. The build hooks and ``tools/check`` share it.

Layout it understands::

    docs/<lang>/index.md                   home page
    docs/<lang>/<page>.md                  other pages (help, accessibility, ...)
    docs/<lang>/<course>/index.md          course page
    docs/<lang>/<course>/<slug>.md         lesson
    docs/<lang>/<course>/<slug>.easy.md    easy-read edition of that lesson
    docs/<lang>/scenarios/<slug>.md        "path of a hero" scenario (hooks/content/scenario.py)
    docs/<lang>/scenarios/index.md         the scenarios hub page
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from hooks.content import audience, inherit, placeholders, quizdata, sources
from hooks.content.rules import COURSE_IDS, COURSES, DATA, LANGS, ORIGINAL, RULES, load_data  # noqa: F401 (re-exported)
from hooks.content.yamlsrc import ContentError, as_date


@dataclass
class Entry:
    """One Markdown file of one language."""

    kind: str            # "lesson", "easy", "scenario", "course", "home", "page"
    lang: str
    rel: str             # path below docs/<lang>/, e.g. fraud/droppers.md
    src: sources.SourceFile
    facts: dict | None = None   # front matter with the inherited facts (hooks/content/inherit.py)
    quizzes: list | None = None  # parsed once (hooks/content/quizdata.py); None if a quiz has errors
    original: "Entry | None" = None  # where the inherited facts come from
    scenario: object = None  # a scenario's steps and choices, parsed once (hooks/content/scenario.py)

    @property
    def raw(self) -> dict:
        """The front matter as written in this file."""
        return self.src.meta.value

    @property
    def meta(self) -> dict:
        """The front matter with the facts inherited from the original (what editions show)."""
        return self.facts if self.facts is not None else self.src.meta.value

    @property
    def translation(self) -> bool:
        return self.lang != ORIGINAL

    @property
    def path(self) -> str:
        return self.src.path

    def line(self, *key) -> int:
        return self.src.meta.line(*key)

    @property
    def id(self) -> str:
        if self.kind in ("lesson", "easy", "scenario"):
            return self.slug
        return str(self.meta.get("id", ""))

    @property
    def title(self) -> str:
        return str(self.meta.get("title", ""))

    @property
    def course(self) -> str:
        if self.kind == "scenario":  # a scenario names its course; its folder is scenarios/
            return str(self.meta.get("course") or "")
        return self.rel.split("/")[0] if "/" in self.rel else ""

    @property
    def slug(self) -> str:
        name = self.rel.rsplit("/", 1)[-1]
        return name.removesuffix(".md").removesuffix(".easy")


@dataclass
class Catalog:
    docs_dir: Path
    today: dt.date
    entries: dict = field(default_factory=dict)   # (lang, rel) -> Entry
    errors: list = field(default_factory=list)    # ContentError: fails tools/check and the build
    notices: list = field(default_factory=list)   # ContentError: printed and listed, never fails
    unreadable: set = field(default_factory=set)  # (lang, rel) of files that could not be read

    @property
    def warnings(self) -> list:
        """The notices (older name kept for checkers that append to it)."""
        return self.notices

    # ----- lookups -------------------------------------------------------
    def get(self, lang: str, rel: str) -> Entry | None:
        return self.entries.get((lang, rel))

    def lesson(self, lesson_id: str, lang: str) -> Entry | None:
        return self._lessons_by_id.get((lesson_id, lang))

    def easy(self, lesson_id: str, lang: str) -> Entry | None:
        return self._easy_by_id.get((lesson_id, lang))

    @cached_property
    def _lessons_by_id(self) -> dict:
        return {(e.id, e.lang): e for e in self.entries.values() if e.kind == "lesson"}

    @cached_property
    def _easy_by_id(self) -> dict:
        return {(e.id, e.lang): e for e in self.entries.values() if e.kind == "easy"}

    def lesson_ids(self, course: str | None = None) -> list[str]:
        """Lesson ids of a course (or all), in course order then lesson order."""
        originals = [
            e for e in self.entries.values()
            if e.kind == "lesson" and e.lang == ORIGINAL and (course is None or e.course == course)
            and not e.meta.get("withdrawn")  # withdrawn lessons are not published: hooks/content/citations.py
        ]
        originals.sort(key=lambda e: (COURSE_IDS.index(e.course) if e.course in COURSE_IDS else 99,
                                      _int(e.meta.get("order")), e.id))
        return [e.id for e in originals]

    def withdrawn(self) -> list:
        """Kazakh originals of lessons withdrawn from the site (``withdrawn:`` says why)."""
        return sorted((e for e in self.entries.values()
                       if e.kind == "lesson" and e.lang == ORIGINAL and e.meta.get("withdrawn")),
                      key=lambda e: e.rel)

    def is_withdrawn(self, lang: str, rel: str) -> bool:
        """True for every edition and translation of a withdrawn lesson."""
        base = rel.removesuffix(".md").removesuffix(".easy").removesuffix(".braille") + ".md"
        original = self.get(ORIGINAL, base)
        return original is not None and original.kind == "lesson" and bool(original.meta.get("withdrawn"))

    def best(self, lesson_id: str, lang: str) -> Entry | None:
        """The lesson in ``lang``, or the original it falls back to."""
        return self.lesson(lesson_id, lang) or self.lesson(lesson_id, ORIGINAL)

    def translation_table(self) -> list[dict]:
        """One row per lesson: which languages have the lesson and its easy-read edition."""
        rows = []
        for lesson_id in self.lesson_ids():
            original = self.lesson(lesson_id, ORIGINAL)
            rows.append({
                "id": lesson_id,
                "course": original.course,
                "rel": original.rel,
                "lesson": {lang: self.lesson(lesson_id, lang) is not None for lang in LANGS},
                "easy": {lang: self.easy(lesson_id, lang) is not None for lang in LANGS},
                "stale": {lang: self.is_stale(self.lesson(lesson_id, lang)) for lang in LANGS},
            })
        return rows

    def review_due(self, entry: Entry | None) -> dt.date | None:
        if entry is None or not isinstance(entry.meta.get("reviewed"), dict):
            return None
        reviewed = as_date(entry.meta["reviewed"].get("date"))
        if reviewed is None:
            return None
        every = entry.meta.get("review_every_days") or RULES["review_interval_days"]
        try:
            return reviewed + dt.timedelta(days=_int(every) or RULES["review_interval_days"])
        except OverflowError:  # 9999-12-31, or a huge review_every_days
            return dt.date.max

    def is_stale(self, entry: Entry | None) -> bool:
        due = self.review_due(entry)
        return due is not None and due < self.today

    def report(self) -> str:
        """The lesson × language table printed by the build and by tools/check."""
        head = f"{'lesson':40} " + " ".join(f"{lang:>6}" for lang in LANGS)
        out = ["Translations (L = lesson, E = easy read, ! = review overdue, - = missing):", head]
        for row in self.translation_table():
            cells = []
            for lang in LANGS:
                cell = ("L" if row["lesson"][lang] else "-") + ("E" if row["easy"][lang] else "-")
                cell += "!" if row["stale"][lang] else ""
                cells.append(f"{cell:>6}")
            out.append(f"{row['course'] + '/' + row['id']:40} " + " ".join(cells))
        return "\n".join(out)


def parse_quizzes(catalog: Catalog) -> None:
    """Every file's quizzes, parsed once (a translation's get the original's structure later)."""
    for entry in catalog.entries.values():
        problems: list = []
        entry.quizzes = quizdata.parse_quizzes(entry.src.body, entry.path, entry.src.body_line, problems,
                                               translation=entry.translation)
        catalog.errors.extend(problems)
        if problems:
            entry.quizzes = None


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


SCENARIOS = "scenarios"  # the folder of the "path of a hero" scenarios


def classify(rel: str) -> str:
    parts = rel.split("/")
    if len(parts) == 1:
        return "home" if parts[0] == "index.md" else "page"
    if len(parts) == 2 and parts[0] == SCENARIOS and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*\.md", parts[1]) \
            and parts[1] != "index.md":
        return "scenario"
    if len(parts) == 2 and parts[0] in COURSE_IDS:
        if parts[1] == "index.md":
            return "course"
        return "easy" if parts[1].endswith(".easy.md") else "lesson"
    return "page"


# ----- field checks --------------------------------------------------------
def _text(value) -> bool:
    return isinstance(value, str) and value.strip() != ""


def check_field(entry: Entry, name: str, rule: dict, value, errors: list) -> None:
    kind = rule["kind"]
    line = entry.line(name)
    fix = f"write it like: {rule['example']}"

    def bad(message: str, at: int = line):
        errors.append(ContentError(entry.path, at, f"'{name}' {message}", fix))

    if kind == "any":
        return
    if kind == "text":
        if not _text(value):
            bad("must be non-empty text")
    elif kind == "slug":
        if not isinstance(value, str) or not re.match(RULES["slug_pattern"], value):
            bad("must be lowercase ASCII letters, digits and hyphens")
    elif kind == "course":
        if value not in COURSE_IDS:
            bad(f"must be one of: {', '.join(COURSE_IDS)}")
        elif entry.course != value:
            bad(f"is '{value}' but the file is in the folder '{entry.course}'",)
    elif kind == "course_id":
        if value not in COURSE_IDS:
            bad(f"must be one of: {', '.join(COURSE_IDS)}")
    elif kind == "bool":
        if not isinstance(value, bool):
            bad("must be true or false")
    elif kind == "int":
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            bad("must be a whole number, 1 or more")
    elif kind == "minutes":
        limits = RULES["duration_minutes"]
        if not isinstance(value, int) or isinstance(value, bool) or not limits["min"] <= value <= limits["max"]:
            bad(f"must be the lesson length in minutes, {limits['min']} to {limits['max']}")
    elif kind == "audience":
        if audience.parse(value) is None:
            low, high = RULES["audience"]["min_grade"], RULES["audience"]["max_grade"]
            bad(f"must be adults, a grade range from {low} to {high} like grades 9-11, or a list "
                "like [grades 9-11, adults]")
    elif kind == "text_list":
        if not isinstance(value, list) or not value:
            bad("must be a list with at least one item")
        else:
            for i, item in enumerate(value):
                if not _text(item):
                    bad(f"item {i + 1} must be non-empty text", entry.line(name, i))
    elif kind == "sources":
        if not isinstance(value, list) or not value:
            bad("must list at least one source")
            return
        for i, src in enumerate(value):
            at = entry.line(name, i)
            if not isinstance(src, dict):
                bad(f"item {i + 1} must have act: (a legal act) or title: and url:", at)
                continue
            if "act" in src:  # a citation of the registry of acts: checked by hooks/content/citations.py
                continue
            unknown = set(src) - {"title", "url", "article", "note", "published", "statistic"}
            if unknown:
                bad(f"item {i + 1} has unknown keys: {', '.join(sorted(unknown))}", at)
            if not _text(src.get("title")):
                bad(f"item {i + 1} needs a title:", at)
            url = src.get("url")
            if entry.translation and entry.kind in ("lesson", "scenario") and "url" not in src:
                continue  # a translated source may give only its title: the url is the original's
            if not isinstance(url, str) or not re.match(r"^https://[^\s<>\"']+$", url):
                bad(f"item {i + 1} needs a url: that starts with https://", entry.line(name, i, "url"))
    elif kind == "claims":  # the fact list; its citations are checked by hooks/content/citations.py
        if not isinstance(value, list) or not value:
            bad("must list at least one fact (says: and where it comes from)")
            return
        for i, claim in enumerate(value):
            if not isinstance(claim, dict) or not _text(claim.get("says")):
                bad(f"item {i + 1} needs says: (the statement, one short sentence)", entry.line(name, i))
            elif entry.translation and set(claim) - {"says", "title"}:
                bad(f"item {i + 1} of a translation gives only says: (and title: of a page); "
                    "the act, article and address come from the Kazakh original", entry.line(name, i))
    elif kind == "review":
        if not isinstance(value, dict):
            bad("must have date: and by:")
            return
        date = as_date(value.get("date"))
        if date is None:
            bad("date must be a date like 2026-11-20", entry.line(name, "date"))
        if not _text(value.get("by")):
            bad("by must name who reviewed it", entry.line(name, "by"))
    elif kind == "steps":
        if not isinstance(value, list) or not value:
            bad("must be a list of minutes: and text:")
            return
        for i, step in enumerate(value):
            at = entry.line(name, i)
            if entry.translation:  # the minutes come from the original (hooks/content/inherit.py)
                if not isinstance(step, dict) or not _text(step.get("text")) or set(step) - {"text", "minutes", "activity"}:
                    bad(f"item {i + 1} needs text: (the minutes come from the Kazakh original; an activity: "
                        "may be translated)", at)
                elif "activity" in step and not (isinstance(step["activity"], dict) and all(
                        _text(step["activity"].get(f)) for f in ("goal", "materials", "instructions"))):
                    bad(f"item {i + 1}: a translated activity: needs goal:, materials: and instructions:",
                        entry.line(name, i, "activity"))
            elif not isinstance(step, dict) or not isinstance(step.get("minutes"), int) or not _text(step.get("text")):
                bad(f"item {i + 1} needs minutes: (a number) and text:", at)


def check_entry(entry: Entry, errors: list) -> None:
    rules = {
        "lesson": RULES["lesson_fields"],
        "easy": RULES["easy_fields"],
        "scenario": RULES["scenario_fields"],
    }.get(entry.kind, RULES["page_fields"])
    meta = entry.raw
    inherited = set()
    if entry.kind == "lesson" and entry.translation:
        inherited = set(RULES["inherited_fields"])
    if entry.kind == "scenario" and entry.translation:
        inherited = set(RULES["scenario_inherited_fields"])
    for name in meta:
        if name not in rules:
            errors.append(ContentError(
                entry.path, entry.line(name), f"unknown field '{name}'",
                "check the spelling; the fields are: " + ", ".join(rules),
            ))
    for name, rule in rules.items():
        if name not in meta:
            if rule["required"] and name not in inherited:
                errors.append(ContentError(
                    entry.path, 1 if not entry.src.meta.lines else entry.line(), f"the field '{name}' is missing",
                    f"add it to the front matter, like: {rule['example']}",
                ))
            continue
        check_field(entry, name, rule, meta[name], errors)
    if entry.kind in ("lesson", "easy", "scenario") and "id" in meta and meta.get("id") != entry.slug:
        errors.append(ContentError(
            entry.path, entry.line("id"), f"'id' is '{meta.get('id')}' but the file is named '{entry.slug}'",
            f"name the file {meta.get('id')}.md (the same path in every language) or set id: {entry.slug}",
        ))


def check_across_languages(catalog: Catalog) -> None:
    errors = catalog.errors
    for entry in catalog.entries.values():
        if entry.kind not in ("lesson", "easy", "scenario") or entry.lang == ORIGINAL:
            continue
        if catalog.get(ORIGINAL, entry.rel) is None and (ORIGINAL, entry.rel) not in catalog.unreadable:
            errors.append(ContentError(
                entry.path, 1, f"there is no Kazakh original docs/{ORIGINAL}/{entry.rel}",
                f"every {'scenario' if entry.kind == 'scenario' else 'lesson'} is written in Kazakh first: "
                "add the Kazakh file at the same path",
            ))
    for entry in catalog.entries.values():
        standard = entry.rel.replace(".easy.md", ".md")
        if (entry.kind == "easy" and catalog.get(entry.lang, standard) is None
                and (entry.lang, standard) not in catalog.unreadable):
            errors.append(ContentError(
                entry.path, 1, "this easy-read edition has no standard lesson beside it",
                f"add {entry.rel.replace('.easy.md', '.md')} in the same folder",
            ))
    seen: dict = {}
    for entry in catalog.entries.values():
        if entry.kind != "lesson":
            continue
        other = seen.get((entry.id, entry.lang))
        if other is not None:
            errors.append(ContentError(
                entry.path, entry.line("id"),
                f"the lesson id '{entry.id}' is already used by {other.path}",
                "give each lesson its own id (one id may not be in two courses)",
            ))
        seen[(entry.id, entry.lang)] = entry
    check_order(catalog)
    check_missing(catalog)
    for entry in catalog.entries.values():
        # a translation that inherits its review date is reported once, on the original
        if entry.kind == "lesson" and catalog.is_stale(entry) and (not entry.translation or "reviewed" in entry.raw):
            catalog.notices.append(ContentError(
                entry.path, entry.line("reviewed"),
                f"review overdue since {catalog.review_due(entry).isoformat()}",
                "check the lesson against the current law, then update reviewed: date and by",
            ))


def check_order(catalog: Catalog) -> None:
    """Two lessons of one course with the same ``order``: an ERROR."""
    used: dict = {}
    for entry in sorted(catalog.entries.values(), key=lambda e: e.path):
        if entry.kind != "lesson" or entry.translation or not isinstance(entry.raw.get("order"), int):
            continue
        key = (entry.course, entry.raw["order"])
        if key in used:
            catalog.errors.append(ContentError(
                entry.path, entry.line("order"),
                f"'order: {key[1]}' is also the order of {used[key].path} in the course '{key[0]}'",
                "give every lesson of a course its own order (1, 2, 3, ...)",
            ))
        else:
            used[key] = entry


LANG_NAMES = {"kk": "Kazakh", "ru": "Russian", "en": "English"}


def check_missing(catalog: Catalog) -> None:
    """A missing translation or easy-read edition: a NOTICE naming the file that should exist."""
    root = catalog.docs_dir.name
    for entry in sorted(catalog.entries.values(), key=lambda e: e.path):
        if entry.kind != "lesson" or entry.translation:
            continue
        easy_rel = entry.rel.removesuffix(".md") + ".easy.md"
        for lang in LANGS:
            wanted = [(entry.rel, "translation", "lesson")] if lang != ORIGINAL else []
            wanted.append((easy_rel, "easy-read edition", "easy"))
            for rel, what, kind in wanted:
                if catalog.get(lang, rel) is None and (lang, rel) not in catalog.unreadable:
                    if kind == "easy" and lang != ORIGINAL and catalog.get(lang, entry.rel) is None:
                        continue  # one notice for the missing translation is enough
                    catalog.notices.append(ContentError(
                        entry.path, 1,
                        f"no {LANG_NAMES.get(lang, lang)} {what} yet: {root}/{lang}/{rel} should exist",
                        "readers see the Kazakh text until it does" if kind == "lesson"
                        else "readers get no easy-read edition in this language until it does",
                    ))


def build(docs_dir: Path, today: dt.date, checkers=()) -> Catalog:
    """Read and check every Markdown file below ``docs_dir``.

    ``checkers`` are extra callables ``(catalog) -> None`` (quizzes, readability, ...)
    that append to ``catalog.errors`` and ``catalog.warnings``.
    """
    docs_dir = Path(docs_dir)
    catalog = Catalog(docs_dir=docs_dir, today=today)
    for lang in LANGS:
        root = docs_dir / lang
        if not root.is_dir():
            catalog.errors.append(ContentError(f"docs/{lang}", 1, "the language folder is missing"))
            continue
        for path in sorted(root.rglob("*.md")):
            rel = path.relative_to(root).as_posix()
            shown = f"{docs_dir.name}/{lang}/{rel}"
            if not re.match(r"^[a-z0-9][a-z0-9./-]*$", rel):
                catalog.errors.append(ContentError(
                    shown, 1, "file and folder names must be lowercase ASCII (a-z, 0-9, -)",
                    "rename it, e.g. fraud/phone-scams.md; the same path is used in every language",
                ))
                continue
            try:
                src = sources.read(path, shown)
            except ContentError as exc:
                catalog.errors.append(exc)
                catalog.unreadable.add((lang, rel))
                continue
            entry = Entry(classify(rel), lang, rel, src)
            check_entry(entry, catalog.errors)
            catalog.errors.extend(placeholders.find(src))
            catalog.entries[(lang, rel)] = entry
    parse_quizzes(catalog)
    inherit.link(catalog, check_field)
    # Quiz options in an order that does not give the key away, the same in every edition and
    # language: hooks/content/keyorder.py
    from hooks.content import keyorder
    keyorder.apply(catalog)
    check_across_languages(catalog)
    for checker in checkers:
        checker(catalog)
    return catalog
