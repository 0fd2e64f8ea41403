"""Unit tests of the content catalogue (front matter, translations, review dates)."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from conftest import lesson_md
from hooks.content import catalog, yamlsrc
from hooks.content.sources import split_front_matter

TODAY = dt.date(2026, 11, 22)


def build(tmp_path, files: dict) -> catalog.Catalog:
    for rel, text in files.items():
        path = tmp_path / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    for lang in catalog.LANGS:
        (tmp_path / "docs" / lang).mkdir(parents=True, exist_ok=True)
    return catalog.build(tmp_path / "docs", TODAY)


def messages(cat) -> list[str]:
    return [e.format() for e in cat.errors]


def test_valid_lesson_has_no_errors(tmp_path):
    cat = build(tmp_path, {"kk/fraud/sample.md": lesson_md()})
    assert cat.errors == []
    entry = cat.lesson("sample", "kk")
    assert entry.kind == "lesson" and entry.course == "fraud" and entry.meta["duration"] == 30


@pytest.mark.parametrize(
    "replace, expected",
    [
        (("duration: 30\n", "duration: half an hour\n"),
         r"docs/kk/fraud/sample\.md:8: 'duration' must be the lesson length in minutes.*write it like: duration: 45"),
        (("audience: adults\n", "audience: teenagers\n"),
         r"docs/kk/fraud/sample\.md:7: 'audience' must be adults, a grade range from 1 to 11 like grades 9-11, "
         r"or a list like \[grades 9-11, adults\]"),
        (("course: fraud\n", "course: crime\n"),
         r"docs/kk/fraud/sample\.md:5: 'course' must be one of: law-basics, safety, fraud"),
        (("id: sample\n", "id: Sample Lesson\n"),
         r"docs/kk/fraud/sample\.md:2: 'id' must be lowercase ASCII"),
        (("    url: https://adilet.zan.kz/kaz/docs/K1400000226\n", "    url: adilet.zan.kz\n"),
         r"docs/kk/fraud/sample\.md:13: 'sources' item 1 needs a url: that starts with https://"),
        (("  date: 2026-11-20\n", "  date: last year\n"),
         r"docs/kk/fraud/sample\.md:15: 'reviewed' date must be a date like 2026-11-20"),
        (("order: 1\n", "order: 1\nlevel: hard\n"),
         r"docs/kk/fraud/sample\.md:7: unknown field 'level' — check the spelling"),
    ],
)
def test_bad_field_names_file_line_and_fix(tmp_path, replace, expected):
    text = lesson_md().replace(*replace)
    cat = build(tmp_path, {"kk/fraud/sample.md": text})
    assert any(re.search(expected, m) for m in messages(cat)), messages(cat)


def test_missing_field_says_what_to_add(tmp_path):
    text = lesson_md().replace("duration: 30\n", "")
    cat = build(tmp_path, {"kk/fraud/sample.md": text})
    assert any("docs/kk/fraud/sample.md:" in m and "the field 'duration' is missing" in m
               and "duration: 45" in m for m in messages(cat)), messages(cat)


def test_invalid_yaml_points_at_the_line(tmp_path):
    text = lesson_md().replace("summary: Қысқа сипаттама.\n", "summary: [unclosed\n")
    cat = build(tmp_path, {"kk/fraud/sample.md": text})
    assert any(m.startswith("docs/kk/fraud/sample.md:") and "invalid YAML" in m for m in messages(cat))


def test_yaml_aliases_are_refused():
    text = "---\na: &x [1, 2]\nb: *x\n---\nbody\n"
    with pytest.raises(yamlsrc.ContentError) as err:
        split_front_matter(text, "docs/kk/x.md")
    assert err.value.line == 3 and "aliases" in err.value.message


def test_bom_and_crlf_are_accepted(tmp_path):
    text = "\ufeff" + lesson_md().replace("\n", "\r\n")
    cat = build(tmp_path, {"kk/fraud/sample.md": text})
    assert cat.errors == []


def test_non_utf8_file_is_named_with_its_line(tmp_path):
    raw = lesson_md().encode("utf-8") + "\nҚазақ\n".encode("cp1251", errors="replace") + b"\xff\n"
    cat = build(tmp_path, {"kk/fraud/sample.md": raw})
    assert any("docs/kk/fraud/sample.md:" in m and "not UTF-8" in m for m in messages(cat)), messages(cat)


def test_id_must_match_the_file_name(tmp_path):
    cat = build(tmp_path, {"kk/fraud/sample.md": lesson_md(lesson_id="other")})
    assert any("'id' is 'other' but the file is named 'sample'" in m for m in messages(cat))


def test_one_id_in_two_courses_is_an_error(tmp_path):
    cat = build(tmp_path, {
        "kk/fraud/sample.md": lesson_md(course="fraud"),
        "kk/safety/sample.md": lesson_md(course="safety"),
    })
    assert any("the lesson id 'sample' is already used by" in m for m in messages(cat)), messages(cat)


def test_translation_without_kazakh_original_is_an_error(tmp_path):
    cat = build(tmp_path, {"ru/fraud/sample.md": lesson_md()})
    assert any(m.startswith("docs/ru/fraud/sample.md:1: there is no Kazakh original") for m in messages(cat))


def test_non_ascii_file_name_is_an_error(tmp_path):
    cat = build(tmp_path, {"kk/fraud/сабақ.md": lesson_md()})
    assert any("lowercase ASCII" in m for m in messages(cat))


def test_overdue_review_is_a_notice_and_shows_in_the_table(tmp_path):
    cat = build(tmp_path, {"kk/fraud/sample.md": lesson_md(reviewed="2024-01-10")})
    assert cat.errors == []
    assert [w.format() for w in cat.notices if "review" in w.message] == [
        "docs/kk/fraud/sample.md:14: review overdue since 2025-01-09 — "
        "check the lesson against the current law, then update reviewed: date and by"
    ]
    assert "fraud/sample" in cat.report() and "L-!" in cat.report()


def test_translation_table_marks_missing_languages(tmp_path):
    cat = build(tmp_path, {
        "kk/fraud/sample.md": lesson_md(),
        "kk/fraud/sample.easy.md": "---\nid: sample\ntitle: Жеңіл\nreviewed:\n  date: 2026-11-20\n  by: X\n---\nМәтін.\n",
        "en/fraud/sample.md": lesson_md(title="Sample"),
    })
    assert cat.errors == []
    (row,) = cat.translation_table()
    assert row["lesson"] == {"kk": True, "ru": False, "en": True}
    assert row["easy"] == {"kk": True, "ru": False, "en": False}
    line = next(l for l in cat.report().splitlines() if l.startswith("fraud/sample"))
    assert line.split()[1:] == ["LE", "--", "L-"]


# ----- facts written once: translations inherit the Kazakh original's ------------------------
RU_TEXT_ONLY = (
    "---\n"
    "title: Пробный урок\n"
    "summary: Краткое описание.\n"
    "objectives:\n  - Одна цель\n"
    "steps:\n  - text: Вступление\n  - text: Разбор\n"
    "---\n\n## Введение\n\nТекст.\n\n"
    "```quiz\nquestions:\n"
    "  - text: Что делать?\n    options:\n      - text: Сказать код.\n      - text: Позвонить в банк.\n"
    "  - text: Это преступление.\n"
    "```\n"
)
KK_QUIZ = (
    "## Кіріспе\n\nМәтін.\n\n"
    "```quiz\nquestions:\n"
    "  - id: sms-code\n    type: single\n    text: Не істейсіз?\n    options:\n"
    "      - text: Кодты айтамын.\n      - text: Банкке қоңырау шаламын.\n        correct: true\n"
    "  - id: mule-crime\n    type: truefalse\n    text: Бұл — қылмыс.\n    answer: true\n"
    "```\n"
)
KK_STEPS = "steps:\n  - minutes: 10\n    text: Кіріспе\n  - minutes: 20\n    text: Талдау\n"


def test_a_translation_without_facts_has_the_originals(tmp_path):
    cat = build(tmp_path, {
        "kk/fraud/sample.md": lesson_md(order=2, extra=KK_STEPS, body=KK_QUIZ),
        "ru/fraud/sample.md": RU_TEXT_ONLY,
    })
    assert messages(cat) == []
    ru = cat.lesson("sample", "ru")
    assert ru.raw.keys() == {"title", "summary", "objectives", "steps"}
    assert (ru.meta["course"], ru.meta["order"], ru.meta["audience"], ru.meta["duration"]) == ("fraud", 2, "adults", 30)
    # the original's sources, marked with the original's language
    assert ru.meta["sources"] == [dict(s, lang="kk") for s in cat.lesson("sample", "kk").meta["sources"]]
    assert ru.meta["steps"] == [{"minutes": 10, "text": "Вступление"}, {"minutes": 20, "text": "Разбор"}]
    assert ru.meta["reviewed"] == {"date": dt.date(2026, 11, 20)}  # the date; the reviewer's name is not text of this language
    assert ru.meta["title"] == "Пробный урок"
    (quiz,) = ru.quizzes
    (kk_quiz,) = cat.lesson("sample", "kk").quizzes
    # the original's structure; the options in the shown order of hooks/content/keyorder.py, alike in both
    assert [(q.id, q.type, q.correct) for q in quiz.questions] == [(q.id, q.type, q.correct) for q in kk_quiz.questions]
    assert [q.text for q in quiz.questions] == ["Что делать?", "Это преступление."]
    assert sorted(o.text for o in quiz.questions[0].options) == ["Позвонить в банк.", "Сказать код."]
    assert quiz.questions[0].options[quiz.questions[0].correct[0]].text == "Позвонить в банк."
    assert cat.lesson_ids("fraud") == ["sample"]


@pytest.mark.parametrize("old, new, expected", [
    ("title: Пробный урок\n", "title: Пробный урок\norder: 3\n",
     "docs/ru/fraud/sample.md:3: 'order' is 3 here but 2 in the Kazakh original docs/kk/fraud/sample.md — "
     "leave 'order:' out: the translation takes it from the Kazakh original"),
    ("title: Пробный урок\n", "title: Пробный урок\naudience: grades 9-11\n",
     "docs/ru/fraud/sample.md:3: 'audience' is 'grades 9-11' here but 'adults' in the Kazakh original"),
    ("title: Пробный урок\n", "title: Пробный урок\nduration: 45\n",
     "docs/ru/fraud/sample.md:3: 'duration' is 45 here but 30 in the Kazakh original"),
    ("title: Пробный урок\n", "title: Пробный урок\ncourse: safety\n",
     "docs/ru/fraud/sample.md:3: 'course' is 'safety' but the file is in the folder 'fraud'"),
    ("  - text: Вступление\n", "  - text: Вступление\n    minutes: 15\n",
     "docs/ru/fraud/sample.md:8: step 1 takes 15 minutes here but 10 in the Kazakh original"),
    ("  - text: Разбор\n", "",
     "docs/ru/fraud/sample.md:6: 'steps' has 1 step(s) here but 2 in the Kazakh original"),
    ("      - text: Сказать код.\n", "      - text: Сказать код.\n        correct: true\n",
     "docs/ru/fraud/sample.md:19: question 'sms-code' has a different right answer than the Kazakh original"),
    ("  - text: Это преступление.\n", "  - text: Это преступление.\n    answer: false\n",
     "docs/ru/fraud/sample.md:21: question 'mule-crime' has a different right answer than the Kazakh original"),
    ("  - text: Что делать?\n", "  - id: sms\n    text: Что делать?\n",
     "docs/ru/fraud/sample.md:17: question 'sms-code' is called 'sms' here but 'sms-code' at this place"),
    ("  - text: Это преступление.\n", "  - text: Это преступление.\n    type: single\n",
     "docs/ru/fraud/sample.md:21: question 'mule-crime' is single but in the Kazakh original it is truefalse"),
    ("      - text: Позвонить в банк.\n", "",
     "docs/ru/fraud/sample.md:17: question 'sms-code' has 1 options but the Kazakh original has 2"),
])
def test_a_fact_a_translation_states_must_agree_file_and_line(tmp_path, old, new, expected):
    assert old in RU_TEXT_ONLY
    cat = build(tmp_path, {
        "kk/fraud/sample.md": lesson_md(order=2, extra=KK_STEPS, body=KK_QUIZ),
        "ru/fraud/sample.md": RU_TEXT_ONLY.replace(old, new),
    })
    assert any(m.startswith(expected) for m in messages(cat)), messages(cat)


def test_a_translation_that_repeats_the_facts_correctly_is_fine(tmp_path):
    ru = RU_TEXT_ONLY.replace("title: Пробный урок\n", "title: Пробный урок\nid: sample\ncourse: fraud\norder: 2\n"
                              "audience: adults\nduration: 30\n")
    cat = build(tmp_path, {"kk/fraud/sample.md": lesson_md(order=2, extra=KK_STEPS, body=KK_QUIZ),
                           "ru/fraud/sample.md": ru})
    assert messages(cat) == []


def test_two_lessons_of_a_course_with_one_order_is_an_error(tmp_path):
    cat = build(tmp_path, {
        "kk/fraud/sample.md": lesson_md(order=2),
        "kk/fraud/other.md": lesson_md(lesson_id="other", order=2),
        "kk/safety/third.md": lesson_md(lesson_id="third", course="safety", order=2),  # another course: fine
    })
    assert messages(cat) == [
        "docs/kk/fraud/sample.md:6: 'order: 2' is also the order of docs/kk/fraud/other.md in the course 'fraud' "
        "— give every lesson of a course its own order (1, 2, 3, ...)"]


def test_missing_translations_and_easy_read_editions_are_notices_not_errors(tmp_path):
    cat = build(tmp_path, {"kk/fraud/sample.md": lesson_md(), "ru/fraud/sample.md": RU_TEXT_ONLY.split("```quiz")[0]})
    assert messages(cat) == []
    assert [n.format() for n in cat.notices] == [
        "docs/kk/fraud/sample.md:1: no Kazakh easy-read edition yet: docs/kk/fraud/sample.easy.md should exist — "
        "readers get no easy-read edition in this language until it does",
        "docs/kk/fraud/sample.md:1: no Russian easy-read edition yet: docs/ru/fraud/sample.easy.md should exist — "
        "readers get no easy-read edition in this language until it does",
        "docs/kk/fraud/sample.md:1: no English translation yet: docs/en/fraud/sample.md should exist — "
        "readers see the Kazakh text until it does",
    ]


def test_an_easy_read_edition_needs_only_a_title(tmp_path):
    cat = build(tmp_path, {"kk/fraud/sample.md": lesson_md(),
                           "kk/fraud/sample.easy.md": "---\ntitle: Жеңіл оқу\n---\n\nМәтін.\n"})
    assert messages(cat) == []
    easy = cat.easy("sample", "kk")
    assert easy.meta["id"] == "sample" and easy.meta["reviewed"]["date"] == dt.date(2026, 11, 20)


def test_a_yaml_error_in_the_lesson_is_not_also_a_missing_lesson(tmp_path):
    cat = build(tmp_path, {"kk/fraud/sample.md": lesson_md().replace("summary: Қысқа сипаттама.\n", "summary: [x\n"),
                           "kk/fraud/sample.easy.md": "---\ntitle: Жеңіл оқу\n---\n\nМәтін.\n"})
    assert len(messages(cat)) == 1 and "invalid YAML" in messages(cat)[0], messages(cat)


def test_placeholders_are_errors_with_their_lines(tmp_path):
    text = lesson_md(title='"TODO: тақырып"', body="## Кіріспе\n\nTODO: мәтін жазыңыз.\n")
    cat = build(tmp_path, {"kk/fraud/sample.md": text})
    assert [m for m in messages(cat) if "placeholder" in m] == [
        'docs/kk/fraud/sample.md:3: placeholder not filled in: title: "TODO: тақырып" — replace the text after '
        "TODO: with the lesson's own text (and remove TODO:)",
        "docs/kk/fraud/sample.md:21: placeholder not filled in: TODO: мәтін жазыңыз. — replace the text after "
        "TODO: with the lesson's own text (and remove TODO:)",
    ]


@pytest.mark.parametrize("value, kk, ru, en", [
    ("adults", "Ересектерге", "Для взрослых", "Adults"),
    ("grades 9-11", "9–11-сыныптар", "9–11 классы", "Grades 9–11"),
    ("grades 5-9", "5–9-сыныптар", "5–9 классы", "Grades 5–9"),
    (["grades 9-11", "adults"], "9–11-сыныптар және ересектер", "9–11 классы и взрослые", "Grades 9–11 and adults"),
    (["adults", "grades 9–11"], "9–11-сыныптар және ересектер", "9–11 классы и взрослые", "Grades 9–11 and adults"),
    ("grade-7", "7-сынып", "7 класс", "Grade 7"),
])
def test_audience_is_one_label_in_each_language(value, kk, ru, en):
    from hooks.content.strings import Translator

    assert [Translator(lang).audience(value) for lang in ("kk", "ru", "en")] == [kk, ru, en]


@pytest.mark.parametrize("value", ["teenagers", "grades 11-9", "grades 0-4", "grades 9-12", "[]",
                                   "[adults, adults]", "9"])
def test_a_wrong_audience_is_an_error(tmp_path, value):
    cat = build(tmp_path, {"kk/fraud/sample.md": lesson_md().replace("audience: adults\n", f"audience: {value}\n")})
    assert any(m.startswith("docs/kk/fraud/sample.md:7: 'audience' must be adults, a grade range") for m in messages(cat))


def test_sources_a_translation_leaves_out_are_the_originals_in_their_language(tmp_path):
    en = ("---\ntitle: Sample\nsummary: A summary.\nobjectives:\n  - One objective\n"
          "sources:\n  - title: Criminal Code\n---\n\nText.\n")
    cat = build(tmp_path, {"kk/fraud/sample.md": lesson_md(), "ru/fraud/sample.md": RU_TEXT_ONLY.split("```quiz")[0],
                           "en/fraud/sample.md": en})
    assert messages(cat) == []
    url = "https://adilet.zan.kz/kaz/docs/K1400000226"
    assert cat.lesson("sample", "ru").meta["sources"] == [{"title": "Қылмыстық кодекс", "url": url, "lang": "kk"}]
    assert cat.lesson("sample", "en").meta["sources"] == [{"title": "Criminal Code", "url": url, "lang": "en"}]
    two = en.replace("  - title: Criminal Code\n", "  - title: Criminal Code\n  - title: Another\n")
    cat = build(tmp_path, {"en/fraud/sample.md": two})
    assert any(m.startswith("docs/en/fraud/sample.md:6: 'sources' is a list of 2 here but a list of 1 in the Kazakh "
                            "original docs/kk/fraud/sample.md — list the same sources") for m in messages(cat)), messages(cat)
