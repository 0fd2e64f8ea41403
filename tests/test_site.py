"""The real site, built once: what a reader gets in each language."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, fixture_site, lesson_md, minimal_pages, mkdocs_build
from hooks.content import catalog as catalog_module
from hooks.content import acts, helplines
from hooks.site.pages import url_of

CATALOG = catalog_module.build(ROOT / "docs", dt.date(2026, 11, 22))
LESSONS = [(e.lang, e.rel) for e in CATALOG.entries.values()
           if e.kind == "lesson" and e.lang == "kk" and not e.meta.get("withdrawn")]  # withdrawn: not published


def page(site: Path, lang: str, rel: str) -> BeautifulSoup:
    path = site / url_of(lang, rel) / "index.html"
    assert path.is_file(), f"missing page {path.relative_to(site)}"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_the_site_publishes_the_lessons_of_three_courses_and_withdraws_none():
    ids = CATALOG.lesson_ids()
    assert len(ids) >= 4
    courses = {CATALOG.lesson(i, "kk").course for i in ids}
    assert courses == {"law-basics", "safety", "fraud"}
    # the two law-basics lessons once withdrawn for teaching the 1995 Constitution are rewritten
    # and published again (issue 13); withdrawal itself: the fixture below, test_legal_claims
    assert CATALOG.withdrawn() == []


def test_a_withdrawn_lesson_is_not_built_in_any_language_or_edition(tmp_path):
    files = minimal_pages()
    files["kk/safety/kept.md"] = lesson_md("kept", course="safety", title="Қалған сабақ")
    files["kk/safety/old.md"] = lesson_md("old", course="safety", title="Ескі сабақ", order=2,
                                          extra="withdrawn: teaches a repealed act; to be rewritten\n")
    proc = mkdocs_build(tmp_path / "site", fixture_site(tmp_path, files))
    assert proc.returncode == 0, proc.stderr[-3000:]
    built = {p.relative_to(tmp_path / "site").as_posix() for p in (tmp_path / "site").rglob("*")}
    for lang in ("kk", "ru", "en"):
        assert url_of(lang, "safety/kept.md") + "index.html" in built, lang
    # the lesson, easy-read, Braille, teacher pages and downloads of old.md: none in any language
    assert [p for p in built if any(part.startswith("old") for part in p.split("/"))] == []
    assert "Ескі сабақ" not in (tmp_path / "site" / "safety" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_every_lesson_is_at_the_same_path_in_every_language(built_site, lang):
    for _, rel in LESSONS:
        soup = page(built_site, lang, rel)
        assert soup.html["lang"] == lang
        text_lang = soup.select_one(".zb-text")["lang"]
        expected = lang if CATALOG.get(lang, rel) else "kk"
        assert text_lang == expected, rel


def test_kazakh_is_the_site_root_and_others_are_below(built_site):
    assert BeautifulSoup((built_site / "index.html").read_text(), "html.parser").html["lang"] == "kk"
    assert BeautifulSoup((built_site / "ru/index.html").read_text(), "html.parser").html["lang"] == "ru"
    assert BeautifulSoup((built_site / "en/index.html").read_text(), "html.parser").html["lang"] == "en"


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_language_switcher_lands_on_the_same_lesson(built_site, lang):
    for _, rel in LESSONS:
        here = "/" + url_of(lang, rel)
        soup = page(built_site, lang, rel)
        links = {a["lang"]: urljoin(here, a["href"]) for a in soup.select("nav.zb-langs a")}
        assert links == {other: "/" + url_of(other, rel) for other in ("kk", "ru", "en")}


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_head_names_each_translation_for_search_engines(built_site, lang):
    for _, rel in LESSONS:
        soup = page(built_site, lang, rel)
        head = {link["hreflang"]: link["href"] for link in soup.select("head link[rel=alternate][hreflang]")}
        expected = {other: "https://zansabaq.kz/" + url_of(other, rel) for other in ("kk", "ru", "en")}
        assert head == dict(expected, **{"x-default": expected["kk"]}), rel


def test_lesson_page_shows_lesson_plan_facts_and_sources(built_site):
    for _, rel in LESSONS:
        entry = CATALOG.get("ru", rel) or CATALOG.get("kk", rel)
        soup = page(built_site, "ru", rel)
        facts = soup.select_one(".zb-facts").get_text(" ", strip=True)
        assert "Для кого" in facts and f"{entry.meta['duration']} мин" in facts
        for objective in entry.meta["objectives"]:  # help numbers are tel: links with their names
            shown = BeautifulSoup(helplines.linkify(objective, entry.lang), "html.parser").get_text(" ", strip=True)
            assert " ".join(shown.split()) in " ".join(facts.split())
        sources = soup.select_one(".zb-sources")
        hrefs = [a["href"] for a in sources.select("a")]
        assert hrefs == [acts.resolve(s, "ru").url for s in entry.meta["sources"]]  # an act: its Russian text
        assert "Последняя проверка:" in sources.get_text()


@pytest.mark.parametrize("lang, heading", [("kk", "Курстар"), ("ru", "Курсы"), ("en", "Courses")])
def test_home_lists_the_three_courses(built_site, lang, heading):
    soup = BeautifulSoup((built_site / url_of(lang, "index.md") / "index.html").read_text(), "html.parser")
    section = soup.select_one(".zb-list")
    assert section.h2.get_text(strip=True) == heading
    titles = [a.get_text(strip=True) for a in section.select("h3 a")]
    assert titles == [c["title"][lang] for c in catalog_module.COURSES]


def test_course_page_lists_its_lessons_in_order_with_audience_and_duration(built_site):
    for course in ("law-basics", "safety", "fraud"):
        soup = page(built_site, "en", f"{course}/index.md")
        items = soup.select(".zb-list li")
        ids = CATALOG.lesson_ids(course)
        assert len(items) == len(ids)
        for item, lesson_id in zip(items, ids):
            entry = CATALOG.best(lesson_id, "en")
            assert item.a.get_text(strip=True) == entry.title
            assert f"{entry.meta['duration']} min" in item.get_text()


@pytest.mark.parametrize("lang, names", [
    ("kk", ["Көмек қайдан алуға болады", "Қолжетімділік туралы мәлімдеме"]),
    ("ru", ["Куда обратиться за помощью", "Заявление о доступности"]),
    ("en", ["Where to get help", "Accessibility statement"]),
])
def test_footer_links_to_help_and_accessibility(built_site, lang, names):
    soup = page(built_site, lang, "index.md")
    texts = [a.get_text(strip=True) for a in soup.select(".zb-footer-links a")]
    assert texts[:2] == names
    for a in soup.select(".zb-footer-links a"):
        target = urlsplit(urljoin("/" + url_of(lang, "index.md"), a["href"])).path
        assert (built_site / target.lstrip("/") / "index.html").is_file()


def test_editors_status_page_has_a_row_per_lesson(built_site):
    soup = page(built_site, "en", "editors.md")
    rows = soup.select(".zb-status tbody tr")
    assert len(rows) == len(CATALOG.lesson_ids())
    assert "Easy read" in rows[0].get_text()


RESOURCE_ATTRS = [("script", "src"), ("link", "href"), ("img", "src"), ("source", "srcset"),
                  ("iframe", "src"), ("video", "src"), ("audio", "src"), ("object", "data")]


def test_no_resource_from_another_host(built_site):
    """Nothing in the output makes a browser load from another host (links to sources are fine)."""
    offenders = []
    for path in built_site.rglob("*"):
        if path.suffix == ".html":
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            for tag, attr in RESOURCE_ATTRS:
                for el in soup.find_all(tag):
                    value = el.get(attr) or ""
                    if tag == "link" and set(el.get("rel") or []) <= {"canonical", "alternate", "prev", "next"}:
                        continue  # navigation hints, not loaded by the browser
                    if re.match(r"^(https?:)?//", value):
                        offenders.append(f"{path.relative_to(built_site)}: <{tag} {attr}={value}>")
            for style in soup.find_all(style=True):
                if re.search(r"url\(\s*['\"]?(https?:)?//", style["style"]):
                    offenders.append(f"{path.relative_to(built_site)}: inline style url()")
        elif path.suffix == ".css":
            for match in re.finditer(r"(?:url\(\s*['\"]?|@import\s+['\"])((?:https?:)?//[^'\")]+)",
                                     path.read_text(encoding="utf-8")):
                offenders.append(f"{path.relative_to(built_site)}: {match.group(1)}")
    assert offenders == []


def test_no_google_fonts_and_no_analytics(built_site):
    text = "\n".join(p.read_text(encoding="utf-8") for p in built_site.rglob("*.html"))
    for needle in ("fonts.googleapis", "fonts.gstatic", "googletagmanager", "google-analytics", "unpkg.com",
                   "cdn.jsdelivr"):
        assert needle not in text
