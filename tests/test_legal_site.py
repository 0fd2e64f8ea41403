"""The built site and tools/check on legal sources (issue 13): what a reader and an editor see.

* no link on the site points at a bare site root (egemen.kz, gov.kz/memleket/entities/...);
* every help number in running text (lessons, easy read, help, teacher packs, print views) is a
  tap-to-call ``tel:`` link that carries the line's name; quiz options, worksheets and answer
  keys, and headings keep the number as text;
* act citations show the act in the reader's language and link its official text;
* the changes page exists in kk, ru and en; the editors' page has the review queue and lists
  the withdrawn lessons, which are not published;
* tools/check names file and line for every citation check (fixtures that trip each one).
"""
from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from hooks.content import acts, helplines
from hooks.content.catalog import LANGS
from hooks.site.pages import url_of

ROOT = Path(__file__).resolve().parent.parent
SITE_HOST = "zansabaq.kz"
TEXT_BLOCKS = "p, li, td, th, dd, dt, blockquote, figcaption"
# Source citations keep a page's or an act's title as written (a number in a title is not a
# help number to call): the sources section, the print view's source lists, the fact list's sources.
KEEP_AS_TEXT = ("h1, h2, h3, h4, h5, h6, .zb-quiz, .zb-worksheet, .zb-key, .zb-ws, code, pre, nav, header, footer, "
                ".zb-sources, .zb-print__sources, .zb-claims__source")


def _html_pages(site: Path):
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(("assets/", "pagefind/")):
            continue
        yield rel, path


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_no_link_points_at_a_bare_site_root(built_site):
    # Sources and other links name a page, never a whole site. The one exception is the
    # "leave this page" link of a sensitive lesson: a neutral site's home is its point.
    roots = []
    for rel, path in _html_pages(built_site):
        for a in _soup(path).select("a[href^='http']:not(.zb-leave__link)"):
            href = a["href"]
            if SITE_HOST not in href and acts.is_site_root(href):
                roots.append((rel, href))
    assert roots == []


def _running_pages(site: Path):
    """Lessons, easy-read editions, help pages, teacher packs and course print views."""
    for rel, path in _html_pages(site):
        parts = rel.split("/")
        if parts[0] in LANGS[1:]:
            parts = parts[1:]
        inner = "/".join(parts)
        if re.match(r"^(fraud|safety|law-basics)/[^/]+/index\.html$", inner) or inner == "help/index.html" \
                or re.match(r"^(fraud|safety|law-basics)/print/index\.html$", inner):
            yield rel, path


def test_every_help_number_in_running_text_is_a_tel_link_with_its_name(built_site):
    registry = helplines.load()
    names = {h.name[lang] for h in registry.values() for lang in LANGS}
    checked = plain = links = 0
    for rel, path in _running_pages(built_site):
        soup = _soup(path)
        main = soup.select_one(".zb-text")
        if main is None:
            continue
        checked += 1
        for a in main.select("a[href^='tel:']"):
            number = a["href"].removeprefix("tel:")
            assert number in registry, (rel, a)
            text = a.get_text(" ", strip=True)
            if text == number:  # the help-number table: the name is in the next cell
                cell = a.find_parent("td")
                name = " ".join(cell.find_next_sibling("td").get_text(" ", strip=True).split()) if cell else ""
                assert name in names, (rel, a)
            else:
                name = text.removeprefix(number).strip()
                assert text.startswith(number) and name.strip("()") in names, (rel, text)
            links += 1
        for tag in main.select(KEEP_AS_TEXT + ", a.zb-tel"):
            tag.decompose()
        for block in main.select(TEXT_BLOCKS):
            found = [m.group(1) for m in helplines.standalone(block.get_text(" "), registry)]
            if found:
                plain += 1
                print(rel, found, block.get_text(" ", strip=True)[:120])
    assert checked >= 4 * 3 * 2 + 3 and links > 50
    assert plain == 0


def test_help_number_in_a_quiz_option_stays_text(built_site):
    soup = _soup(built_site / url_of("en", "safety/emergency-help.md") / "index.html")
    options = [label.get_text(" ", strip=True) for label in soup.select(".zb-quiz label")]
    assert "111" in options                       # the "which number..." question keeps "111" as text
    assert not soup.select(".zb-quiz a[href^='tel:']")


@pytest.mark.parametrize("lang, title, href, marker", [
    ("kk", "Қазақстан Республикасының Қылмыстық кодексі", "https://adilet.zan.kz/kaz/docs/K1400000226", ""),
    ("ru", "Уголовный кодекс Республики Казахстан", "https://adilet.zan.kz/rus/docs/K1400000226", ""),
    ("en", "Criminal Code of the Republic of Kazakhstan", "https://adilet.zan.kz/rus/docs/K1400000226", "(in Russian)"),
])
def test_act_citation_in_the_readers_language(built_site, lang, title, href, marker):
    soup = _soup(built_site / url_of(lang, "fraud/droppers.md") / "index.html")
    item = next(li for li in soup.select(".zb-sources li") if li.a and li.a.get_text(strip=True) == title)
    assert item.a["href"] == href
    assert acts.article_label({"article": "232-1"}, lang) in item.get_text()
    assert (marker in item.get_text()) if marker else "(" not in item.get_text(strip=True).split(",")[0]


@pytest.mark.parametrize("lang, heading", [("kk", "Сабақтарымыз сілтеме жасайтын заңдардағы өзгерістер"),
                                           ("ru", "Изменения в законах, на которые ссылаются наши уроки"),
                                           ("en", "Changes in the laws our lessons cite")])
def test_changes_page_in_every_language(built_site, lang, heading):
    soup = _soup(built_site / url_of(lang, "changes.md") / "index.html")
    assert soup.select_one("#zb-main").get_text(strip=True) == heading
    rows = soup.select(".zb-text li")
    new_constitution = acts.load()["constitution-2026"]
    assert any(a["href"] == new_constitution.urls[lang] for li in rows for a in li.select("a"))
    assert any("2026-07-01" in li.get_text() for li in rows)
    # the footer of every page links the changes page (beside help, accessibility, editors, about)
    from hooks.content.strings import Translator
    here = "/" + url_of(lang, "changes.md")
    footer = {a.get_text(strip=True): urljoin(here, a["href"]) for a in soup.select(".zb-footer-links a")}
    assert footer.get(Translator(lang).t("footer.changes")) == here, footer


LAW_BASICS = ("what-is-law", "constitution-2026", "how-the-state-works", "rights-and-freedoms",
              "rights-and-responsibility", "if-detained", "courts-and-justice")


@pytest.mark.parametrize("lang", LANGS)
def test_rewritten_law_basics_lessons_are_published_with_their_fact_list(built_site, lang):
    """The two lessons once withdrawn for teaching the 1995 Constitution are rewritten at the
    same addresses; every law-basics lesson is published in every edition, listed on the course
    page, and its teacher page shows the fact list (hooks/content/citations.py, claims:)."""
    for slug in LAW_BASICS:
        for edition in (".md", ".easy.md", ".braille.md"):
            assert (built_site / url_of(lang, f"law-basics/{slug}{edition}") / "index.html").exists(), (lang, slug)
        teacher = _soup(built_site / url_of(lang, f"law-basics/{slug}.teacher.md") / "index.html")
        items = teacher.select("section.zb-teacher__claims ol.zb-claims > li")
        assert len(items) >= 6 and all(li.select_one("a[href^='https://']") for li in items), (lang, slug)
    course = _soup(built_site / url_of(lang, "law-basics/index.md") / "index.html")
    assert len(course.select(".zb-list li")) >= len(LAW_BASICS)
    editors = _soup(built_site / url_of(lang, "editors.md") / "index.html")
    assert "docs/kk/law-basics/what-is-law.md" not in editors.select_one(".zb-text").get_text(" ")


def test_help_page_table_comes_from_the_data(built_site):
    soup = _soup(built_site / url_of("ru", "help.md") / "index.html")
    numbers = [a["href"] for a in soup.select(".zb-text table a[href^='tel:']")]
    assert numbers == [f"tel:{h.number}" for h in helplines.ordered()]
    assert "150" not in soup.select_one(".zb-text").get_text()


# ----- tools/check on fixtures ----------------------------------------------------------------
LESSON = """\
---
id: demo
title: Демо
summary: Бір сөйлем.
course: fraud
order: 9
audience: adults
duration: 30
objectives:
  - Бір мақсат.
sources:
  - act: criminal-code
    article: "232-1"
  - title: Жаңалық
    url: https://rus.baq.kz/17-letnemu-dropperu-grozit-do-7-let-tyurmy_300025270/
    published: 2025-10-22
reviewed:
  date: 2026-11-20
  by: Редактор
---

## Заң

Қылмыстық кодекстің 232-1-бабы.

Қоңырау шалыңыз: [[tel:102]].
"""

TRIPS = [
    (("act: criminal-code", "act: criminal-codes"), 12, "unknown act id 'criminal-codes'"),
    (("url: https://rus.baq.kz/17-letnemu-dropperu-grozit-do-7-let-tyurmy_300025270/", "url: https://egemen.kz/"),
     15, "is a whole site, not a page"),
    (("    published: 2025-10-22", "    statistic: true"), 16, "a statistic needs the date it was published"),
    (("Қылмыстық кодекстің 232-1-бабы.", "Қылмыстық кодекстің 232-1-бабы және 190-бабы."), 24,
     "the text names article 190, which the sources do not cite"),
    (("act: criminal-code\n    article: \"232-1\"", "act: constitution-1995\n    article: \"232-1\""), 12,
     "'constitution-1995' no longer applies"),
    (("[[tel:102]]", "[[tel:150]]"), 26, "[[tel:150]] is not a known help number"),
]


def _fixture(tmp_path: Path, lesson: str) -> Path:
    from tests.conftest import minimal_pages
    docs = tmp_path / "docs"
    for rel, text in minimal_pages().items():
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text(text, encoding="utf-8")
    (docs / "kk/fraud/demo.md").write_text(lesson, encoding="utf-8")
    return docs


def _check(docs: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "hooks.content.check", "--docs", str(docs), "--quiet"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("change, line, message", TRIPS)
def test_tools_check_names_file_and_line(tmp_path, change, line, message):
    lesson = LESSON.replace(*change)
    assert lesson != LESSON
    proc = _check(_fixture(tmp_path, lesson))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert f"ERROR   docs/kk/fraud/demo.md:{line}: " in proc.stdout and message in proc.stdout, proc.stdout


def test_tools_check_notices_never_fail(tmp_path):
    lesson = LESSON.replace("date: 2026-11-20", "date: 2025-01-01").replace(
        "Қоңырау шалыңыз: [[tel:102]].", "Қоңырау шалыңыз: 102.")
    proc = _check(_fixture(tmp_path, lesson))
    assert proc.returncode == 0, proc.stdout
    assert "docs/kk/fraud/demo.md:26: the help number 102 is plain text" in proc.stdout
    assert "docs/kk/fraud/demo.md:17: reviewed on 2025-01-01, before 'criminal-code' changed on 2025-09-16" \
        in proc.stdout
    assert "the help number" not in LESSON  # the clean fixture is clean
    clean = _check(_fixture(tmp_path / "clean", LESSON))
    assert clean.returncode == 0 and "demo.md:26" not in clean.stdout and "reviewed on" not in clean.stdout, \
        clean.stdout


# ----- quiz keys that do not give themselves away -------------------------------------------
def _keys_on_pages(site: Path, lang: str, course: str) -> tuple[list, list]:
    """(single-choice key positions, multiple-choice key position lists) as shown on the pages."""
    from hooks.content import catalog as catalog_module
    catalog = catalog_module.build(ROOT / "docs", dt.date(2026, 12, 2))
    single, multiple = [], []
    for lesson_id in catalog.lesson_ids(course):
        entry = catalog.best(lesson_id, lang)
        soup = _soup(site / url_of(lang, entry.rel) / "index.html")
        shown = [[label.get_text(" ", strip=True) for label in fs.select("label")]
                 for fs in soup.select(".zb-quiz fieldset")]
        questions = [q for quiz in entry.quizzes for q in quiz.questions]
        assert len(shown) == len(questions)
        for labels, q in zip(shown, questions):
            if q.type in ("truefalse", "open"):  # no options to order
                continue
            # the page shows the options in the catalogue's order (the order every edition uses)
            assert [" ".join(label.split()[:3]) for label in labels] == \
                [" ".join(o.text.replace("**", "").split()[:3]) for o in q.options], (entry.path, q.id)
            (single if q.type == "single" else multiple).append(q.correct)
    return single, multiple


@pytest.mark.parametrize("course", ["fraud", "safety"])
def test_quiz_keys_are_spread_over_positions(built_site, course):
    import math
    single, multiple = _keys_on_pages(built_site, "kk", course)
    positions = [keys[0] for keys in single]
    options = 3
    top = max(positions.count(p) for p in set(positions))
    # at most 40 % at one position — or, where a course has too few questions for that (7 questions
    # of 3 options put at least 3 keys at one place: 43 %), no more than an even spread allows
    assert top / len(positions) <= 0.4 or top == math.ceil(len(positions) / options), positions
    assert any(keys != list(range(len(keys))) for keys in multiple), multiple


def test_quiz_order_is_the_same_in_every_language_and_on_the_worksheet(built_site):
    from hooks.content import catalog as catalog_module
    from hooks.editions import teacher
    catalog = catalog_module.build(ROOT / "docs", dt.date(2026, 12, 2))
    kk = [q.correct for quiz in catalog.lesson("droppers", "kk").quizzes for q in quiz.questions]
    for lang in LANGS:
        entry = catalog.lesson("droppers", lang)
        assert [q.correct for quiz in entry.quizzes for q in quiz.questions] == kk
        sheet = _soup(built_site / url_of(lang, teacher.SUFFIX.join(["fraud/droppers", ".md"])) / "index.html")
        first = next(q for quiz in entry.quizzes for q in quiz.questions if q.type == "single")
        text = sheet.select_one(".zb-worksheet, .zb-ws").get_text(" ")
        positions = [text.find(" ".join(o.text.split()[:3])) for o in first.options]
        assert all(p >= 0 for p in positions) and positions == sorted(positions), (lang, positions)
