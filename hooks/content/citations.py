"""Checks on what a page cites: legal acts from the registry, other sources, article numbers in
the text, help numbers typed as plain text, and lessons that predate a change of law.

Plain Python, no MkDocs. ``check_page`` takes one page's front matter and body (with their line
numbers) and returns (errors, notices), each a ``ContentError`` naming file and line and the fix.
``review_queue`` lists lessons to re-check, most urgent first; ``law_changed`` is the banner fact.

Errors: an unknown act id; a source address that is a bare site root; a statistic without a
date; an article named in the text that is not among the page's citations; a superseded or
repealed act cited as current (``historical: true`` marks a citation as history).
Notices: a page reviewed before the latest change of an act it cites; a help number typed as
plain text (hooks/content/helplines.py).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from hooks.content import acts as acts_module
from hooks.content import helplines
from hooks.content.yamlsrc import ContentError, as_date

# lang: the language of a non-act source's title when it is not the page's (set by hooks/content/inherit.py
# on a source a translation takes from the Kazakh original; an editor may write it too).
SOURCE_KEYS = {"act", "article", "part", "historical", "note", "title", "url", "published", "statistic", "lang"}

_NUM = r"\d+(?:-\d+)?"
_LIST = rf"{_NUM}(?:\s*(?:\(\d+\))?(?:\s*,\s*|\s+(?:and|и|және|мен|or|или)\s+){_NUM})*"
# en/ru: the word before the number(s): "Article 232-1", "Articles 18, 30 and 34", "ст. 190",
# "статьи 18, 30 и 34"; kk: the number(s) before the word: "232-1-бап", "18, 30, 34-баптар".
ARTICLE_BEFORE = re.compile(
    rf"\b(?:articles?|arts?\.|ст\.|стать(?:я|и|ей|ю|е|ям|ях|ями))\s*({_LIST})", re.IGNORECASE)
ARTICLE_AFTER = re.compile(rf"(?<![\w-])({_LIST})\s*-\s*(?:бап|баб)", re.IGNORECASE)


def articles_in(text: str) -> list[str]:
    """Article numbers named in ``text``."""
    found = []
    for pattern in (ARTICLE_BEFORE, ARTICLE_AFTER):
        for match in pattern.finditer(text):
            found += re.findall(_NUM, re.sub(r"\(\d+\)", "", match.group(1)))
    return found


@dataclass
class Page:
    """What the checks need from one page (any edition, any language)."""

    path: str
    kind: str                 # "lesson", "easy", "page", ...
    meta: dict
    line: object              # callable(*key) -> line of a front-matter value
    body: str
    body_line: int
    lesson_id: str = ""


def _sources(page: Page) -> list:
    value = page.meta.get("sources")
    return value if isinstance(value, list) else []


def reviewed_on(page: Page) -> dt.date | None:
    review = page.meta.get("reviewed")
    return as_date(review.get("date")) if isinstance(review, dict) else None


def cited_articles(sources: list) -> set:
    """Article numbers a list of sources cites (act citations, or an older free-text article:)."""
    found: set = set()
    for src in sources if isinstance(sources, list) else []:
        if not isinstance(src, dict):
            continue
        if "act" in src:
            found.update(acts_module.articles_of(src))
        elif src.get("article") is not None:
            found.update(articles_in("art. " + str(src.get("article"))))
            found.update(articles_in(str(src.get("article"))))
    return found


def check_page(page: Page, today: dt.date, registry: dict | None = None,
               lines: dict | None = None, also_cited: set = frozenset(),
               also_from_claims: bool = False) -> tuple[list, list]:
    """(errors, notices) for one page. ``also_cited``: articles an easy-read edition may name
    because its standard lesson cites them."""
    registry = acts_module.load() if registry is None else registry
    errors: list = []
    notices: list = []
    claims = _claims(page)
    # with a fact list, the text may name only the articles the list cites (hooks/claims docs)
    cited = (cited_articles(claims) if claims else cited_articles(_sources(page))) | set(also_cited)
    for i, src in enumerate(_sources(page)):
        if isinstance(src, dict):
            _check_citation(page, "sources", i, src, today, registry, errors, notices)
    for i, claim in enumerate(claims):
        if isinstance(claim, dict):
            _check_citation(page, "claims", i, claim, today, registry, errors, notices)
    # articles named in the text must be among the citations
    if page.kind in ("lesson", "easy", "scenario"):
        for number, line_no in _articles_with_lines(page):
            if number not in cited:
                by_list = bool(claims) or also_from_claims
                where = ("the lesson's fact list (claims:)" if also_from_claims and not claims
                         else "the fact list (claims:)" if claims else "the sources")
                errors.append(ContentError(
                    page.path, line_no, f"the text names article {number}, which {where} {'does' if by_list else 'do'} not cite",
                    f'add it to {"claims: (says: ..., act: ..., article" if by_list else "sources: (act: ..., article"}: '
                    f'"{number}") or take it out of the text'))
    notices += helplines.plain_numbers(page.body, page.path, page.body_line, lines)
    return errors, notices


def _claims(page: Page) -> list:
    """The page's fact list (``claims:``): what it says about law, each with where it comes from."""
    value = page.meta.get("claims")
    return value if isinstance(value, list) else []


def _check_claim(page: Page, i: int, claim: dict, errors: list) -> None:
    """A fact list item says something and names where it comes from: an act with its article,
    or a dated page (title, url, published)."""
    at = page.line("claims", i)
    if not isinstance(claim.get("says"), str) or not claim["says"].strip():
        errors.append(ContentError(page.path, at, f"fact {i + 1} does not say what the lesson states",
                                   "write says: and the statement in one short sentence"))
    if "act" in claim:
        named = [n for n in articles_in(str(claim.get("says") or "")) if n not in cited_articles([claim])]
        if named:
            errors.append(ContentError(
                page.path, page.line("claims", i, "says") if "says" in claim else at,
                f"fact {i + 1} names article {', '.join(dict.fromkeys(named))} but cites "
                f"{claim.get('act')} article {', '.join(acts_module.articles_of(claim)) or '—'}",
                "cite every article the statement names (article: [...]); in a translation, give the facts "
                "in the Kazakh original's order"))
        if not acts_module.articles_of(claim):
            errors.append(ContentError(page.path, page.line("claims", i, "act"),
                                       f"fact {i + 1} cites '{claim.get('act')}' without an article",
                                       'add article: "..." (and part: if the fact rests on one part)'))
        return
    missing = [k for k in ("title", "url", "published") if not claim.get(k)]
    if missing:
        errors.append(ContentError(page.path, at, f"fact {i + 1} has no source: {', '.join(missing)} missing",
                                   "cite act: + article: from hooks/data/acts.yml, or a dated page: "
                                   "title:, url: (the page, not the site) and published: (its date)"))


def _check_citation(page: Page, key: str, i: int, src: dict, today: dt.date, registry: dict,
                    errors: list, notices: list) -> None:
    """One item of ``sources:`` or of the fact list ``claims:``: an act of the registry with its
    article, or another source (a page, not a site; a date for a statistic)."""
    allowed = SOURCE_KEYS | ({"says"} if key == "claims" else set())
    for extra in sorted(set(src) - allowed):
        errors.append(ContentError(page.path, page.line(key, i, extra), f"{key} item {i + 1} has an unknown key '{extra}'",
                                   "a source has act: (+ article:, part:, historical:, note:) or title:, url:, published:"
                                   + ("; a fact list item also says:" if key == "claims" else "")))
    if "lang" in src and src["lang"] not in ("kk", "ru", "en"):
        errors.append(ContentError(page.path, page.line(key, i, "lang"),
                                   f"{key} item {i + 1}: lang must be kk, ru or en, not {src['lang']!r}",
                                   "the language of the source's title, e.g. lang: kk"))
    if key == "claims":
        _check_claim(page, i, src, errors)
    if "act" in src:
        act = registry.get(str(src.get("act")))
        if act is None:
            errors.append(ContentError(
                page.path, page.line(key, i, "act"), f"unknown act id '{src.get('act')}'",
                "use an id from hooks/data/acts.yml (or add the act there): "
                + ", ".join(sorted(registry))))
            return
        for article in acts_module.articles_of(src):
            if not acts_module.ARTICLE_PATTERN.match(article):
                errors.append(ContentError(page.path, page.line(key, i, "article"),
                                           f"article '{article}' is not an article number",
                                           'write only the number, e.g. article: "232-1" (part: 1 for a part)'))
        if src.get("part") is not None and not acts_module.articles_of(src):
            errors.append(ContentError(page.path, page.line(key, i, "part"),
                                       "'part' needs an article", 'add article: "..."'))
        if not act.is_current(today) and not src.get("historical"):
            ended = act.repealed_on.isoformat() if act.repealed_on else "—"
            by = f"; it was replaced by '{act.superseded_by}'" if act.superseded_by else ""
            errors.append(ContentError(
                page.path, page.line(key, i, "act"),
                f"'{act.id}' no longer applies (since {ended}{by}) but is cited as current law",
                f"cite the act in force{' (' + act.superseded_by + ')' if act.superseded_by else ''}, "
                "or add historical: true if the lesson is about legal history"))
        reviewed = reviewed_on(page)
        changed = act.latest_change
        if reviewed and changed and reviewed < changed <= today and act.is_current(today):
            notices.append(ContentError(
                page.path, page.line("reviewed"),
                f"reviewed on {reviewed.isoformat()}, before '{act.id}' changed on {changed.isoformat()}",
                f"re-check against the edition of {changed.isoformat()}, then update reviewed: date"))
        return
    url = src.get("url")
    if isinstance(url, str) and acts_module.is_site_root(url):
        errors.append(ContentError(
            page.path, page.line(key, i, "url"), f"the source address {url} is a whole site, not a page",
            "link the page that says it (and add published: date), or drop the claim and its source"))
    if src.get("statistic") and as_date(src.get("published")) is None:
        errors.append(ContentError(
            page.path, page.line(key, i, "statistic"), "a statistic needs the date it was published",
            "add published: 2026-01-08 (the date on the page)"))
    if "published" in src and as_date(src.get("published")) is None:
        errors.append(ContentError(page.path, page.line(key, i, "published"),
                                   "'published' must be a date", "write the date on the page like 2026-01-08"))


def _articles_with_lines(page: Page):
    seen = set()
    for i, line in enumerate(page.body.split("\n")):
        for number in articles_in(line):
            if number not in seen:
                seen.add(number)
                yield number, page.body_line + i
    for key in ("objectives", "key_points", "summary"):
        value = page.meta.get(key)
        items = value if isinstance(value, list) else [value]
        for j, item in enumerate(items):
            if isinstance(item, str):
                for number in articles_in(item):
                    if number not in seen:
                        seen.add(number)
                        yield number, page.line(key, j) if isinstance(value, list) else page.line(key)


# ----- law changed after the review ------------------------------------------------------------
@dataclass
class Due:
    path: str
    lesson_id: str
    lang: str
    act: acts_module.Act
    changed: dt.date
    reviewed: dt.date


def law_changed(page: Page, today: dt.date, registry: dict | None = None) -> list:
    """Acts this page cites that changed after its review date: [(act, change date)]."""
    registry = acts_module.load() if registry is None else registry
    reviewed = reviewed_on(page)
    found = []
    for src in _sources(page):
        act = registry.get(str(src.get("act"))) if isinstance(src, dict) and "act" in src else None
        if act is None or not act.is_current(today) or reviewed is None:
            continue
        changed = act.latest_change
        if changed and reviewed < changed <= today:
            found.append((act, changed))
    return found


def review_queue(pages, today: dt.date, registry: dict | None = None) -> list[Due]:
    """Lessons to re-check because a law they cite changed: most urgent (longest waiting) first."""
    queue = []
    for lang, page in pages:
        for act, changed in law_changed(page, today, registry):
            queue.append(Due(page.path, page.lesson_id, lang, act, changed, reviewed_on(page)))
    queue.sort(key=lambda d: (d.changed, d.reviewed, d.path))
    return queue


# ----- the whole catalogue (build and tools/check) ----------------------------------------------
def _requires_fact_list(course: str) -> bool:
    from hooks.content.rules import COURSES
    return any(c.get("id") == course and c.get("fact_list") == "required" for c in COURSES)


def page_of(entry) -> Page:
    """A Page from a catalogue entry (the lesson model's ``facts`` when it has them)."""
    meta = getattr(entry, "facts", None) or entry.meta
    return Page(entry.path, entry.kind, meta, entry.line, entry.src.body, entry.src.body_line,
                getattr(entry, "id", "") or "")


def _notices(catalog) -> list:
    """Where notices go: ``catalog.notices`` (never fail the build) once the catalogue has them."""
    return getattr(catalog, "notices", None) if getattr(catalog, "notices", None) is not None else catalog.warnings


def check_catalog(catalog) -> None:
    """Every page's citations and help numbers (withdrawn lessons are listed for editors instead)."""
    for entry in list(catalog.entries.values()):
        if catalog.is_withdrawn(entry.lang, entry.rel):
            continue
        also, from_claims = set(), False
        if entry.kind == "easy":
            standard = catalog.get(entry.lang, entry.rel.replace(".easy.md", ".md")) \
                or catalog.get("kk", entry.rel.replace(".easy.md", ".md"))
            if standard is not None:
                meta = page_of(standard).meta
                from_claims = bool(meta.get("claims"))
                also = cited_articles(meta.get("claims") if from_claims else meta.get("sources"))
        errors, notices = check_page(page_of(entry), catalog.today, also_cited=also,
                                     also_from_claims=entry.kind == "easy" and from_claims)
        if entry.kind == "lesson" and not entry.translation and _requires_fact_list(entry.course) \
                and not _claims(page_of(entry)):
            errors.append(ContentError(
                entry.path, 1, f"the course '{entry.course}' needs a fact list: what the lesson says about law, "
                "and where each statement comes from",
                "add claims: to the front matter (CONTRIBUTING.md, 'The fact list')"))
        catalog.errors.extend(errors)
        _notices(catalog).extend(notices)
        try:
            from hooks.content import helplines as _h
            for line_no, number in _h.tokens(entry.src.body, entry.path, entry.src.body_line):
                if number not in _h.load():
                    catalog.errors.append(ContentError(
                        entry.path, line_no, f"[[tel:{number}]] is not a known help number",
                        "use one of: " + ", ".join(h.number for h in _h.ordered()) + " (hooks/data/helplines.yml)"))
        except ContentError as exc:  # the data file itself is broken
            catalog.errors.append(exc)
            return


def queue_for(catalog) -> list:
    """The review queue of the whole site (published lessons and easy-read editions)."""
    pages = [(e.lang, page_of(e)) for e in catalog.entries.values()
             if e.kind in ("lesson", "easy") and not catalog.is_withdrawn(e.lang, e.rel)]
    return review_queue(pages, catalog.today)


def citing(catalog) -> dict:
    """act id -> ids of the published lessons that cite it (from the Kazakh originals)."""
    found: dict = {}
    for lesson_id in catalog.lesson_ids():
        entry = catalog.lesson(lesson_id, "kk")
        for src in _sources(page_of(entry)):
            if isinstance(src, dict) and "act" in src:
                found.setdefault(str(src["act"]), set()).add(lesson_id)
    return {act: sorted(ids) for act, ids in found.items()}
