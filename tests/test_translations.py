"""Fixture sites built with the real hooks: missing translations, bad content, stale reviews."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import fixture_site, lesson_md, minimal_pages, mkdocs_build


@pytest.fixture(scope="module")
def partial_site(tmp_path_factory):
    """One lesson in kk and en, not in ru."""
    tmp = tmp_path_factory.mktemp("partial")
    files = minimal_pages()
    files["kk/fraud/sample.md"] = lesson_md(title="Қазақша сабақ", body="## Бөлім\n\nҚазақша мәтін.\n")
    files["en/fraud/sample.md"] = english(lesson_md(title="English lesson", body="## Part\n\nEnglish text.\n"))
    cfg = fixture_site(tmp, files)
    proc = mkdocs_build(tmp / "site", config=cfg)
    assert proc.returncode == 0, proc.stderr[-4000:]
    return tmp / "site", proc.stderr


def english(text: str) -> str:
    """The fixture lesson with its Kazakh front-matter values in English."""
    for kk, en in (("Қысқа сипаттама.", "A short summary."), ("Бір мақсат", "One objective"),
                   ("Қылмыстық кодекс", "Criminal Code")):
        text = text.replace(kk, en)
    return text


def soup_of(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_missing_translation_is_shown_in_its_real_language_with_a_notice(partial_site):
    site, _ = partial_site
    soup = soup_of(site / "ru/fraud/sample/index.html")
    assert soup.html["lang"] == "ru"                      # the interface is Russian
    assert soup.select_one(".zb-text")["lang"] == "kk"     # the text is Kazakh, and says so
    assert "Қазақша мәтін." in soup.select_one(".zb-text").get_text()
    notice = soup.select_one(".zb-notice").get_text(" ", strip=True)
    assert notice == "Этот урок ещё не переведён на русский язык. Ниже он показан на казахском языке."


def test_switcher_does_not_claim_a_missing_translation(partial_site):
    site, _ = partial_site
    for path in ("fraud/sample/index.html", "ru/fraud/sample/index.html", "en/fraud/sample/index.html"):
        links = {a["lang"]: a for a in soup_of(site / path).select("nav.zb-langs a")}
        assert not links["ru"].has_attr("hreflang"), path
        assert links["kk"].has_attr("hreflang") and links["en"].has_attr("hreflang")
    # The head's alternates name only real translations, as absolute URLs, x-default the Kazakh.
    for path in ("fraud/sample/index.html", "ru/fraud/sample/index.html", "en/fraud/sample/index.html"):
        head = {link["hreflang"]: link["href"] for link in soup_of(site / path).select("head link[rel=alternate][hreflang]")}
        assert head == {"kk": "https://zansabaq.kz/fraud/sample/", "x-default": "https://zansabaq.kz/fraud/sample/",
                        "en": "https://zansabaq.kz/en/fraud/sample/"}, path
    en_links = {a["lang"]: a.get_text(" ", strip=True) for a in soup_of(site / "en/fraud/sample/index.html")
                .select("nav.zb-langs a")}
    assert en_links["ru"] == "Русский (not translated)"
    kk_links = {a["lang"]: a.get_text(" ", strip=True) for a in soup_of(site / "fraud/sample/index.html")
                .select("nav.zb-langs a")}
    assert kk_links["ru"] == "Русский (аударылмаған)"


def test_translated_page_has_no_notice(partial_site):
    site, _ = partial_site
    soup = soup_of(site / "en/fraud/sample/index.html")
    assert soup.select_one(".zb-notice") is None
    assert soup.select_one(".zb-text")["lang"] == "en"


def test_build_prints_the_translation_table(partial_site):
    _, log = partial_site
    line = next(l for l in log.splitlines() if l.startswith("fraud/sample"))
    assert line.split()[-3:] == ["L-", "--", "L-"]


def test_missing_translation_and_easy_read_are_notices_naming_the_file(partial_site):
    # the strict build passed (partial_site asserts it); the notices are in its log, as INFO
    _, log = partial_site
    notices = [l for l in log.splitlines() if "NOTICE" in l]
    assert "INFO    -  NOTICE  docs/kk/fraud/sample.md:1: no Russian translation yet: docs/ru/fraud/sample.md " \
           "should exist — readers see the Kazakh text until it does" in notices, notices
    assert any("no English easy-read edition yet: docs/en/fraud/sample.easy.md should exist" in l for l in notices)
    assert any("no Kazakh easy-read edition yet: docs/kk/fraud/sample.easy.md should exist" in l for l in notices)
    assert not any("docs/ru/fraud/sample.easy.md" in l for l in notices)  # one notice for the missing translation
    assert "WARNING" not in log


def test_course_page_marks_the_untranslated_lesson(partial_site):
    site, _ = partial_site
    item = soup_of(site / "ru/fraud/index.html").select_one(".zb-list li")
    assert item.h3["lang"] == "kk" and "не переведено" in item.get_text()


def test_bad_front_matter_fails_the_build_with_file_and_line(tmp_path):
    files = minimal_pages()
    files["kk/fraud/sample.md"] = lesson_md().replace("duration: 30\n", "duration: thirty\n")
    cfg = fixture_site(tmp_path, files)
    proc = mkdocs_build(tmp_path / "site", config=cfg)
    assert proc.returncode != 0
    assert "docs/kk/fraud/sample.md:8: 'duration' must be the lesson length in minutes" in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert not (tmp_path / "site" / "fraud").exists()


def test_overdue_review_is_a_notice_and_a_banner_and_never_fails_strict(tmp_path):
    files = minimal_pages()
    files["kk/fraud/sample.md"] = lesson_md(reviewed="2020-01-01")
    cfg = fixture_site(tmp_path, files)
    strict = mkdocs_build(tmp_path / "site", config=cfg)
    assert strict.returncode == 0, strict.stderr[-3000:]
    assert "INFO    -  NOTICE  docs/kk/fraud/sample.md:14: review overdue since 2020-12-31" in strict.stderr
    notice = soup_of(tmp_path / "site/ru/fraud/sample/index.html").select_one(".zb-review").get_text(" ", strip=True)
    assert notice.startswith("Содержание этой страницы не перепроверялось с 31 декабря 2020 г.")


def test_editors_page_lists_every_notice_with_file_and_line(partial_site):
    site, _ = partial_site
    section = soup_of(site / "ru/editors/index.html").select_one(".zb-notices")
    assert section.h2.get_text(strip=True) == "Замечания (не останавливают сборку)"
    items = [li.get_text(" ", strip=True) for li in section.select("li")]
    assert "docs/kk/fraud/sample.md:1: no Russian translation yet: docs/ru/fraud/sample.md should exist " \
           "— readers see the Kazakh text until it does" in items, items
