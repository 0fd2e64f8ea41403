"""The law-basics practice test (hooks/editions/practice.py), on the real built site: the question bank
as working quizzes (without JavaScript too), two printable variants with different questions
and equal coverage, their answer keys, and the links to it. Expected questions and answers come
from the lessons' quiz data as the catalogue parses it."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from hooks.content import catalog as catalog_module
from hooks.content.catalog import LANGS
from hooks.content.strings import Translator
from hooks.editions import quiz
from hooks.site.pages import course_title, url_of

CATALOG = catalog_module.build(ROOT / "docs", dt.date(2026, 1, 1))
COURSE = "law-basics"
PAGE = "law-basics/practice-test/index.md"
LETTERS = "ABCDEFGHIJ"


def course_questions(lang: str) -> dict:
    """question id -> (lesson id, Question), straight from the lessons' parsed quizzes."""
    out = {}
    for lesson_id in CATALOG.lesson_ids(COURSE):
        entry = CATALOG.best(lesson_id, lang)
        for one in entry.quizzes or []:
            for q in one.questions:
                assert q.id not in out, f"question id {q.id} is used twice in the course"
                out[q.id] = (lesson_id, q)
    return out


def soup(site: Path, lang: str, rel: str) -> BeautifulSoup:
    path = site / url_of(lang, rel) / "index.html"
    assert path.is_file(), f"{path} was not built"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def text_of(fragment: str) -> str:
    return " ".join(BeautifulSoup(fragment, "html.parser").get_text().split())


def variant_ids(site: Path, lang: str, n: int) -> list[str]:
    page = soup(site, lang, f"law-basics/practice-test/variant-{n}.md")
    ids = [li["id"].removeprefix("q-") for li in page.select("li.zb-ws__q")]
    assert not page.select(".zb-key, .zb-quiz__key"), "a pupils' worksheet shows no answers"
    return ids


@pytest.mark.parametrize("lang", LANGS)
def test_the_bank_page_is_a_working_quiz_without_javascript(built_site, lang):
    page = soup(built_site, lang, PAGE)
    expected = course_questions(lang)
    assert expected, "the course's lessons have quiz questions"
    forms = page.select("form.zb-quiz")
    assert forms and all(f.select_one("details.zb-quiz__key") for f in forms)
    shown = {fs["id"].removeprefix("q-"): fs for fs in page.select("form.zb-quiz fieldset.zb-quiz__q")}
    assert set(shown) == set(expected)
    for qid, (_, q) in expected.items():
        fieldset = shown[qid]
        if q.type == "open":  # written, not scored: a text area and the model answer in a <details>
            assert not fieldset.has_attr("data-answer") and not fieldset.select("input")
            assert fieldset.select_one("textarea") and fieldset.select_one("details.zb-quiz__model")
            assert len(fieldset.select(".zb-quiz__lines .zb-line")) == q.lines
            continue
        assert fieldset["data-answer"] == " ".join(map(str, q.correct))
        inputs = fieldset.select("input")
        assert len(inputs) == (2 if q.type == "truefalse" else len(q.options))
        assert all(i["type"] == ("checkbox" if q.type == "multiple" else "radio") for i in inputs)
    keys = " ".join(d.get_text(" ") for d in page.select("details.zb-quiz__key"))
    t = Translator(lang)
    opens = sum(q.type == "open" for _, q in expected.values())
    assert keys.count(t.t("quiz.right_answer")) + keys.count(t.t("quiz.right_answers")) >= len(expected) - opens
    assert keys.count(t.t("quiz.model_answer")) >= opens
    scripts = [s.get("src", "") for s in page.select("script")]
    assert any(s.endswith(quiz.SCRIPT) for s in scripts)


@pytest.mark.parametrize("lang", LANGS)
def test_it_says_it_is_a_practice_test_not_the_olympiad_and_names_no_grades_or_hours(built_site, lang):
    page = soup(built_site, lang, PAGE)
    t = Translator(lang)
    intro = page.select_one(".zb-practice__intro").get_text()
    assert intro == t.t("practice.intro", course=course_title(COURSE, lang))
    own = " ".join([page.title.get_text(), intro, page.select_one(".zb-practice__print").get_text(" ")])
    assert not re.search(r"\b\d{1,2}\s*[–-]\s*\d{1,2}\b|\bgrades?\b|сынып|класс|\bhours?\b|сағат|\bчас", own, re.I), own


@pytest.mark.parametrize("lang", LANGS)
def test_two_variants_with_different_questions_and_equal_coverage(built_site, lang):
    expected = course_questions(lang)
    one, two = variant_ids(built_site, lang, 1), variant_ids(built_site, lang, 2)
    assert not set(one) & set(two)
    assert sorted(one + two) == sorted(expected)
    for lesson_id in CATALOG.lesson_ids(COURSE):
        a = sum(expected[q][0] == lesson_id for q in one)
        b = sum(expected[q][0] == lesson_id for q in two)
        assert abs(a - b) <= 1, (lesson_id, a, b)
    assert abs(len(one) - len(two)) <= 1
    # The bank page links both variants and both keys.
    links = {a["href"] for a in soup(built_site, lang, PAGE).select(".zb-practice__print a")}
    assert links == {"variant-1/", "variant-1-key/", "variant-2/", "variant-2-key/"}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("n", (1, 2))
def test_each_variant_has_a_key_with_the_right_answers(built_site, lang, n):
    expected = course_questions(lang)
    t = Translator(lang)
    asked = variant_ids(built_site, lang, n)
    page = soup(built_site, lang, f"law-basics/practice-test/variant-{n}-key.md")
    items = page.select("li.zb-key__item")
    assert [li["id"].removeprefix("key-") for li in items] == asked
    for li in items:
        _, q = expected[li["id"].removeprefix("key-")]
        if q.type == "open":  # the model answer, in the key only
            model = " ".join(BeautifulSoup(quiz.block(q.model_answer), "html.parser").get_text(" ").split())
            shown = " ".join(li.select_one(".zb-key__answer").get_text(" ").split())
            assert shown == f'{t.t("quiz.model_answer")} {model}', (shown, model)
            sheet = soup(built_site, lang, f"law-basics/practice-test/variant-{n}.md")
            assert len(sheet.select(f"#q-{q.id} .zb-ws__lines .zb-line")) == q.lines  # lines to write on
            continue
        labels = ([t.t("quiz.true"), t.t("quiz.false")] if q.type == "truefalse"
                  else [text_of(quiz.inline(o.text)) for o in q.options])
        right = "; ".join(f"{LETTERS[i]}. {labels[i]}" for i in q.correct)
        answer = " ".join(li.select_one(".zb-key__answer span").get_text().split())
        assert answer == right, (q.id, answer, right)
        link = li.select_one(".zb-key__link a")["href"]
        assert link.endswith(f"/{url_of(lang, PAGE)}#q-{q.id}")


def test_split_is_the_same_every_build(built_site):
    from hooks.editions import practice

    for lang in LANGS:
        first = practice.split(practice.bank(CATALOG, lang))
        again = practice.split(practice.bank(CATALOG, lang))
        assert [[q.id for _, qs in first[n] for q in qs] for n in (1, 2)] == \
            [[q.id for _, qs in again[n] for q in qs] for n in (1, 2)] == \
            [variant_ids(built_site, lang, n) for n in (1, 2)]


@pytest.mark.parametrize("lang", LANGS)
def test_course_page_and_teacher_hub_link_the_practice_test(built_site, lang):
    target = url_of(lang, PAGE)
    for rel in ("law-basics/index.md", "teachers.md"):
        if CATALOG.get(lang, rel) is None and CATALOG.get("kk", rel) is None:
            continue
        page = soup(built_site, lang, rel)
        here = url_of(lang, rel)
        hrefs = {(Path("/" + here) / a["href"]).resolve().as_posix().strip("/") + "/" for a in page.select("a[href]")
                 if not a["href"].startswith(("http", "#", "mailto", "tel"))}
        assert target in hrefs, (rel, target)


# ----- in the browser ----------------------------------------------------------------------------
# axe-core checks these pages with every other page (tests/test_browser.py): all of them at phone
# size, and the bank, a worksheet and a key in each language at desktop size (kinds "practice ...").

@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_the_key_opens_and_shows_the_answers(browser, built_site, http_server, lang):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(http_server + url_of(lang, PAGE))
    first_key = page.locator("form.zb-quiz details.zb-quiz__key").first
    answers = first_key.locator(".zb-quiz__answer").first
    assert not answers.is_visible()
    first_key.locator("summary").click()
    assert answers.is_visible()
    t = Translator(lang)
    _, first = next(iter(course_questions(lang).values()))
    label = t.t("quiz.right_answers") if len(first.correct) > 1 else t.t("quiz.right_answer")
    right = ([t.t("quiz.true"), t.t("quiz.false")] if first.type == "truefalse"
             else [text_of(quiz.inline(o.text)) for o in first.options])
    shown = " ".join(answers.inner_text().split())
    assert label in shown and all(right[i] in shown for i in first.correct), shown
    page.locator("form.zb-quiz input").first.check()  # the choices are real form controls
    assert page.locator("form.zb-quiz input").first.is_checked()
    context.close()
