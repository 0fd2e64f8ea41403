"""Unit tests of the content catalogue (front matter, translations, review dates)."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from conftest import lesson_md
from hooks import catalog, yamlsrc
from hooks.sources import split_front_matter

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
