"""The fact list (``claims:``, hooks/content/citations.py) and the Kazakh wording list
(hooks/data/kk_wording.yml, hooks/content/wording.py), on real lesson files read the way the build reads
them: every message names the file and the line, and the teacher page shows the list."""
from __future__ import annotations

import datetime as dt

from bs4 import BeautifulSoup

from conftest import lesson_md, minimal_pages
from hooks.content import catalog as catalog_module
from hooks.content import checks, wording
from hooks.editions import teacher

TODAY = dt.date(2026, 12, 2)

CLAIMS = """\
claims:
  - says: Қылмыстық жауаптылық 16 жастан басталады.
    act: criminal-code
    article: "15"
    part: 1
  - says: Референдум 2026 жылғы 15 наурызда өтті.
    title: Предварительные результаты голосования по новой Конституции
    url: https://almatanews.kz/199638-predvaritelnye-rezultaty-golosovanija-po-novoj-konstitucii-ozvucheny.html
    published: 2026-03-16
"""
BODY = "## Жас\n\nҚылмыстық кодекстің 15-бабы бойынша жауаптылық 16 жастан басталады.\n"
RU_CLAIMS = """\
claims:
  - says: Уголовная ответственность наступает с 16 лет.
  - says: Референдум прошёл 15 марта 2026 года.
"""


def site(tmp_path, files: dict):
    pages = minimal_pages()
    pages.update(files)
    for rel, text in pages.items():
        path = tmp_path / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return checks.run(tmp_path / "docs", TODAY)


def law_lesson(extra: str = CLAIMS, body: str = BODY, **kw) -> str:
    return lesson_md("age", course="law-basics", extra=extra, body=body, **kw)


def errors_of(cat) -> list[str]:
    return [e.format() for e in cat.errors]


def line_of(text: str, needle: str) -> int:
    return text.split("\n").index(next(l for l in text.split("\n") if needle in l)) + 1


def test_a_lesson_with_its_fact_list_passes(tmp_path):
    cat = site(tmp_path, {"kk/law-basics/age.md": law_lesson(), "ru/law-basics/age.md":
                          lesson_md("age", course="law-basics", title="Возраст", extra=RU_CLAIMS,
                                    body="## Возраст\n\nПо статье 15 Уголовного кодекса — с 16 лет.\n")})
    assert errors_of(cat) == []
    ru = cat.get("ru", "law-basics/age.md")
    # the translation carries only the text; act, article and address are the original's
    assert ru.meta["claims"][0] == {"says": "Уголовная ответственность наступает с 16 лет.",
                                     "act": "criminal-code", "article": "15", "part": 1}
    assert ru.meta["claims"][1]["url"].startswith("https://almatanews.kz/")


def test_an_article_named_in_the_text_but_not_in_the_fact_list_is_an_error(tmp_path):
    # art. 190 is among the sources, but not in the fact list: the fact list decides
    body = BODY + "\nАлаяқтық — 190-бап.\n"
    text = law_lesson(body=body).replace(
        "sources:\n", "sources:\n  - act: criminal-code\n    article: \"190\"\n")
    cat = site(tmp_path, {"kk/law-basics/age.md": text})
    hits = [e for e in cat.errors if "names article 190" in e.message]
    assert hits, errors_of(cat)
    assert hits[0].path == "docs/kk/law-basics/age.md" and hits[0].line == line_of(text, "190-бап.")
    assert "fact list" in hits[0].message and "claims:" in hits[0].hint


def test_an_easy_read_edition_may_name_the_articles_its_lesson_lists(tmp_path):
    easy = "---\ntitle: Жас. Жеңіл оқу\n---\n\n15-бап: 16 жастан.\n\nАл 190-бап бөлек.\n"
    cat = site(tmp_path, {"kk/law-basics/age.md": law_lesson(), "kk/law-basics/age.easy.md": easy})
    hits = [e.format() for e in cat.errors if "names article" in e.message]
    assert hits == ["docs/kk/law-basics/age.easy.md:7: the text names article 190, which the lesson's fact list "
                    "(claims:) does not cite — add it to claims: (says: ..., act: ..., article: \"190\") or take it "
                    "out of the text"], hits


def test_a_fact_without_a_source_or_article_names_its_line(tmp_path):
    text = law_lesson(extra=CLAIMS.replace('    article: "15"\n    part: 1\n', "").replace(
        "    published: 2026-03-16\n", ""))
    cat = site(tmp_path, {"kk/law-basics/age.md": text})
    messages = errors_of(cat)
    act_line = line_of(text, "act: criminal-code")
    assert any(m.startswith(f"docs/kk/law-basics/age.md:{act_line}: fact 1 cites 'criminal-code' without an article")
               for m in messages), messages
    page_line = line_of(text, "says: Референдум")
    assert any(m.startswith(f"docs/kk/law-basics/age.md:{page_line}: fact 2 has no source: published missing")
               for m in messages), messages


def test_a_fact_with_an_unknown_act_or_a_site_root_is_an_error(tmp_path):
    text = law_lesson(extra=CLAIMS.replace("act: criminal-code", "act: criminal-cod").replace(
        "url: https://almatanews.kz/199638-predvaritelnye-rezultaty-golosovanija-po-novoj-konstitucii-ozvucheny.html",
        "url: https://almatanews.kz/"))
    cat = site(tmp_path, {"kk/law-basics/age.md": text})
    messages = errors_of(cat)
    assert any(f"age.md:{line_of(text, 'criminal-cod')}: unknown act id 'criminal-cod'" in m for m in messages), messages
    assert any(f"age.md:{line_of(text, 'url: https://almatanews.kz/')}: the source address" in m
               and "whole site" in m for m in messages), messages


def test_the_law_basics_course_requires_a_fact_list_and_other_courses_do_not(tmp_path):
    cat = site(tmp_path, {"kk/law-basics/age.md": law_lesson(extra=""),
                          "kk/fraud/sample.md": lesson_md("sample")})
    messages = errors_of(cat)
    assert any(m.startswith("docs/kk/law-basics/age.md:1: the course 'law-basics' needs a fact list") for m in messages)
    assert not any("fraud/sample.md" in m for m in messages), messages


def test_a_translation_gives_only_the_text_of_each_fact(tmp_path):
    ru = RU_CLAIMS.replace("наступает с 16 лет.\n", "наступает с 16 лет.\n    article: \"16\"\n")
    text = lesson_md("age", course="law-basics", extra=ru)
    cat = site(tmp_path, {"kk/law-basics/age.md": law_lesson(), "ru/law-basics/age.md": text})
    assert any(f"docs/ru/law-basics/age.md:{line_of(text, 'says: Уголовная')}: 'claims' item 1 of a translation gives "
               "only says:" in m for m in errors_of(cat)), errors_of(cat)
    short = lesson_md("age", course="law-basics", extra="claims:\n  - says: Только одно.\n")
    cat = site(tmp_path, {"ru/law-basics/age.md": short})
    assert any("ru/law-basics/age.md:" in m and "'claims' is a list of 1 here but a list of 2" in m
               for m in errors_of(cat)), errors_of(cat)


def test_the_teacher_page_shows_what_the_lesson_says_and_where_it_comes_from(tmp_path):
    cat = site(tmp_path, {"kk/law-basics/age.md": law_lesson(), "ru/law-basics/age.md":
                          lesson_md("age", course="law-basics", title="Возраст", extra=RU_CLAIMS,
                                    body="## Возраст\n\nС 16 лет.\n")})
    for lang, heading, first, edition in (
            ("kk", "Сабақ не айтады және ол қайдан алынған", "Қылмыстық жауаптылық 16 жастан басталады.",
             "2026-03-08 редакциясы"),
            ("ru", "Что говорит этот урок и откуда это взято", "Уголовная ответственность наступает с 16 лет.",
             "редакция на 2026-03-08"),
            ("en", "What this lesson says, and where it comes from", "Қылмыстық жауаптылық 16 жастан басталады.",
             "edition of 2026-03-08")):
        entry = cat.best("age", lang)
        soup = BeautifulSoup(teacher.teacher_markdown(entry, lang, "", {}).split("---\n", 2)[2], "html.parser")
        section = soup.select_one("section.zb-teacher__claims")
        assert section is not None and section.h2.get_text() == heading
        items = section.select("ol.zb-claims > li")
        assert [li.span.get_text() for li in items][0] == first
        assert edition in items[0].get_text()
        link = items[0].select_one("a")
        assert link["href"].endswith("/K1400000226") and "15" in items[0].get_text()
        assert items[1].select_one("a")["href"].startswith("https://almatanews.kz/199638")
        assert "2026-03-16" in items[1].get_text()


# ----- Kazakh wording ----------------------------------------------------------------------------
WORDING = """\
---
title: Құқықтар
---

Құқығың бұзылса, сен көмек сұрауға лайықсың.

Сынып жетекшіңе айт. Немесе жетекшіңе айт.

Ол қылмыстық жауапкершілікке тартылады.
"""


def test_wrong_kazakh_forms_are_notices_with_file_line_and_the_right_form(tmp_path):
    cat = site(tmp_path, {"kk/law-basics/age.md": law_lesson(body=WORDING.split("---\n", 2)[2])})
    assert errors_of(cat) == []
    found = [n.format() for n in cat.notices if "Kazakh wording" in n.message]
    start = line_of(law_lesson(body=WORDING.split("---\n", 2)[2]), "лайықсың")
    assert found[0].startswith(f"docs/kk/law-basics/age.md:{start}: Kazakh wording: «лайықсың» — write «құқылысың")
    # «Сынып жетекшіңе» is right; the bare «жетекшіңе» on the same line is flagged once
    assert [n for n in found if f":{start + 2}:" in n] == [
        n for n in found if "«жетекшіңе»" in n] and len([n for n in found if f":{start + 2}:" in n]) == 1
    # one notice per place: «қылмыстық жауапкершілікке тартылады» is not reported twice
    assert len([n for n in found if f":{start + 4}:" in n]) == 1, found


def test_wording_names_the_line_and_leaves_the_right_form_alone():
    assert wording.check_text("Сен лайықсың.", "docs/kk/x.md", 7)[0].line == 7
    assert wording.check_text("Сынып жетекшісіне айт.", "docs/kk/x.md") == []
    assert wording.check_text("Это сөгіс? Нет: выговор.", "docs/kk/x.md")[0].message.startswith(
        "Kazakh wording: «сөгіс»")


def test_every_wording_item_has_a_right_form_and_a_reason():
    forms = wording.load()
    assert len(forms) >= 5
    assert all(f.right and f.why for f in forms)


def test_a_withdrawn_lesson_is_listed_for_editors_and_not_checked_as_published(tmp_path):
    """A lesson with withdrawn: in its Kazakh original (e.g. one that teaches a repealed act) is
    not published, needs no fact list meanwhile, and is listed on the editors' page."""
    from hooks.editions import legal_pages
    text = law_lesson(extra="withdrawn: teaches the 1995 Constitution; to be rewritten\n")
    text = text.replace(CLAIMS, "")
    cat = site(tmp_path, {"kk/law-basics/age.md": text})
    assert errors_of(cat) == []
    assert [e.path for e in cat.withdrawn()] == ["docs/kk/law-basics/age.md"]
    assert cat.is_withdrawn("ru", "law-basics/age.md") and "age" not in cat.lesson_ids("law-basics")
    listed = legal_pages.withdrawn_markdown(cat, "en")
    assert "`docs/kk/law-basics/age.md`" in listed and "teaches the 1995 Constitution" in listed


def test_a_fact_that_names_an_article_it_does_not_cite_is_an_error_also_in_a_translation(tmp_path):
    """A fact's own words must agree with its citation: this also catches a translation that
    gives its facts in another order than the Kazakh original."""
    text = law_lesson(extra=CLAIMS.replace("says: Қылмыстық жауаптылық 16 жастан басталады.",
                                           "says: Қылмыстық жауаптылық 16 жастан басталады (15 және 190-баптар)."))
    cat = site(tmp_path, {"kk/law-basics/age.md": text})
    assert any(m.startswith(f"docs/kk/law-basics/age.md:{line_of(text, '190-баптар')}: fact 1 names article 190 "
                            "but cites criminal-code article 15") for m in errors_of(cat)), errors_of(cat)
    # the Russian facts in another order: its first fact is about fraud (art. 190), the original's about art. 15
    swapped = RU_CLAIMS.replace("Уголовная ответственность наступает с 16 лет.", "За мошенничество (статья 190) — с 16 лет.")
    ru = lesson_md("age", course="law-basics", extra=swapped)
    cat = site(tmp_path, {"kk/law-basics/age.md": law_lesson(), "ru/law-basics/age.md": ru})
    hits = [m for m in errors_of(cat) if m.startswith("docs/ru/law-basics/age.md:") and "fact 1 names article 190" in m]
    assert hits and "original's order" in hits[0], errors_of(cat)
