"""Checks on what a lesson cites (hooks/content/citations.py), on real Markdown files read the way the
build reads them: every check is tripped by a fixture and names the file and the line."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hooks.content import citations, sources

TODAY = dt.date(2026, 12, 2)

LESSON = """\
---
id: demo
title: Demo
reviewed:
  date: 2026-11-20
  by: Editor
sources:
  - act: criminal-code
    article: "232-1"
  - title: BAQ, 17-летнему дропперу грозит до 7 лет
    url: https://rus.baq.kz/17-letnemu-dropperu-grozit-do-7-let-tyurmy_300025270/
    published: 2025-10-22
---

## What the law says

Article 232-1 of the Criminal Code applies.

Call [[tel:102]] at once.
"""


def page(tmp_path: Path, text: str, name: str = "demo.md", kind: str = "lesson") -> citations.Page:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    src = sources.read(path, f"docs/en/fraud/{name}")
    return citations.Page(src.path, kind, src.meta.value, src.meta.line, src.body, src.body_line, "demo")


def run(tmp_path, text, **kw):
    return citations.check_page(page(tmp_path, text, **{k: v for k, v in kw.items() if k in ("name", "kind")}),
                                TODAY, also_cited=kw.get("also_cited", frozenset()))


def test_a_clean_lesson_passes(tmp_path):
    assert run(tmp_path, LESSON) == ([], [])


@pytest.mark.parametrize("change, message, line", [
    (("act: criminal-code", "act: criminal-cod"), "unknown act id 'criminal-cod'", 8),
    (("url: https://rus.baq.kz/17-letnemu-dropperu-grozit-do-7-let-tyurmy_300025270/", "url: https://egemen.kz"),
     "the source address https://egemen.kz is a whole site, not a page", 11),
    (("url: https://rus.baq.kz/17-letnemu-dropperu-grozit-do-7-let-tyurmy_300025270/",
      "url: https://www.gov.kz/memleket/entities/prokuror"), "is a whole site, not a page", 11),
    (("    published: 2025-10-22\n", "    statistic: true\n"), "a statistic needs the date it was published", 12),
    (("    published: 2025-10-22", "    published: last year"), "'published' must be a date", 12),
    (("Article 232-1 of the Criminal Code applies.", "Article 232-1 and Article 190 apply."),
     "the text names article 190, which the sources do not cite", 17),
    (("act: criminal-code\n    article: \"232-1\"", "act: constitution-1995\n    article: \"4\""),
     "'constitution-1995' no longer applies (since 2026-07-01; it was replaced by 'constitution-2026')", 8),
    (("    article: \"232-1\"", "    article: \"Article 232-1\""), "is not an article number", 9),
    (("    article: \"232-1\"", "    article: \"232-1\"\n    sections: 2"), "unknown key 'sections'", 10),
])
def test_each_error_names_file_and_line(tmp_path, change, message, line):
    text = LESSON.replace(*change)
    assert text != LESSON
    errors, _ = run(tmp_path, text)
    hits = [e for e in errors if message in e.message]
    assert hits, [e.format() for e in errors]
    assert hits[0].path == "docs/en/fraud/demo.md" and hits[0].line == line, hits[0].format()
    assert hits[0].hint


def test_kazakh_and_russian_article_mentions_are_checked(tmp_path):
    text = LESSON.replace("Article 232-1 of the Criminal Code applies.",
                          "Қылмыстық кодекстің 232-1-бабы және 190-бап. Также статьи 15 и 16.")
    errors, _ = run(tmp_path, text)
    assert sorted(e.message.split()[4].rstrip(",") for e in errors) == ["15", "16", "190"]
    assert {e.line for e in errors} == {17}


def test_a_historical_citation_of_a_superseded_act_is_allowed(tmp_path):
    text = LESSON.replace("act: criminal-code\n    article: \"232-1\"",
                          "act: criminal-code\n    article: \"232-1\"\n  - act: constitution-1995\n    historical: true")
    assert run(tmp_path, text) == ([], [])


def test_review_before_a_change_of_law_is_a_notice_not_an_error(tmp_path):
    text = LESSON.replace("date: 2026-11-20", "date: 2026-06-01").replace(
        "  - act: criminal-code", "  - act: constitution-2026\n    article: \"5\"\n  - act: criminal-code")
    errors, notices = run(tmp_path, text)
    assert errors == []
    assert [(n.line, n.message) for n in notices] == [
        (4, "reviewed on 2026-06-01, before 'constitution-2026' changed on 2026-07-01")]
    assert "re-check against the edition of 2026-07-01" in notices[0].hint


def test_plain_help_number_is_a_notice_with_the_line(tmp_path):
    errors, notices = run(tmp_path, LESSON.replace("Call [[tel:102]] at once.", "Call 102 at once."))
    assert errors == [] and [(n.path, n.line) for n in notices] == [("docs/en/fraud/demo.md", 19)]


def test_easy_read_may_name_the_articles_its_lesson_cites(tmp_path):
    easy = "---\nid: demo\ntitle: Demo\n---\n\nArticle 232-1 says no.\n"
    errors, _ = run(tmp_path, easy, name="demo.easy.md", kind="easy")
    assert [(e.line, e.message) for e in errors] == [(6, "the text names article 232-1, which the sources do not cite")]
    assert run(tmp_path, easy, name="demo.easy.md", kind="easy", also_cited={"232-1"}) == ([], [])


def test_review_queue_is_most_urgent_first(tmp_path):
    old = page(tmp_path, LESSON.replace("date: 2026-11-20", "date: 2025-01-01"), name="a.md")
    newer = page(tmp_path, LESSON.replace("date: 2026-11-20", "date: 2025-12-01").replace(
        "  - act: criminal-code", "  - act: constitution-2026\n  - act: criminal-code"), name="b.md")
    current = page(tmp_path, LESSON, name="c.md")
    queue = citations.review_queue([("en", newer), ("en", current), ("en", old)], TODAY)
    assert [(d.path.rsplit("/", 1)[-1], d.act.id, d.changed.isoformat()) for d in queue] == [
        ("a.md", "criminal-code", "2025-09-16"), ("b.md", "constitution-2026", "2026-07-01")]


def test_banner_and_review_queue_from_a_catalogue(tmp_path):
    """A lesson reviewed before the new Constitution came into force: the reader's banner names
    the act and both dates; the editors' queue lists the lesson; the changes page lists the act
    with the lesson that cites it."""
    from tests.conftest import minimal_pages
    from hooks.content import catalog as catalog_module
    from hooks.editions import legal_pages
    head = ("---\ntitle: Конституция\nsummary: S.\norder: 1\naudience: adults\nduration: 30\nobjectives:\n"
            "  - O.\nsources:\n  - act: constitution-2026\n    article: \"5\"\n"
            "claims:\n  - says: Конституцияның заңдық күші ең жоғары.\n    act: constitution-2026\n    article: \"5\"\n"
            "reviewed:\n  date: 2026-06-01\n"
            "  by: E\n---\n\nМәтін.\n")
    files = dict(minimal_pages(), **{"kk/safety/basics.md": head})
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    catalog = catalog_module.build(tmp_path, TODAY, checkers=[citations.check_catalog])
    assert [e.format() for e in catalog.errors] == []
    entry = catalog.lesson("basics", "kk")
    banner = legal_pages.law_banner(catalog, entry, "en")
    assert "2026-07-01" in banner and "2026-06-01" in banner and "Constitution of the Republic of Kazakhstan" in banner
    queue = legal_pages.review_queue_markdown(catalog, "ru")
    assert f"`{entry.path}`" in queue and "2026-07-01" in queue
    changes = legal_pages.changes_markdown(catalog, "kk")
    assert "[Конституция](safety/basics.md)" in changes and "https://adilet.zan.kz/kaz/docs/K2600000000" in changes
    assert any("reviewed on 2026-06-01" in n.message for n in catalog.notices)
