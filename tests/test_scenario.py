""""Path of a hero" scenarios (issue 19): the model and its checks (hooks/content/scenario.py).

Each check breaks a copy of the fixture scenario tests/fixtures/scenario/ in one place and
asserts the ERROR names the file and the line of that place (found in the broken text, not
copied from the output) and says what to do.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import ROOT, lesson_md, minimal_pages
from hooks.content import check, checks, scenario

FIXTURE = ROOT / "tests" / "fixtures" / "scenario"
TODAY = dt.date(2026, 12, 2)
REL = "scenarios/sample.md"


def fixture_text(lang: str = "kk") -> str:
    return (FIXTURE / lang / "scenarios" / "sample.md").read_text(encoding="utf-8")


def docs_files(**texts) -> dict:
    """minimal pages, the lesson the scenario draws on, and the fixture (``kk=...`` replaces a language)."""
    files = minimal_pages()
    files["kk/fraud/droppers.md"] = lesson_md("droppers", title="Дроппер")
    for lang in ("kk", "ru", "en"):
        for page in ("scenarios/index.md", "teachers.md"):  # the hubs that list scenarios
            files[f"{lang}/{page}"] = (ROOT / "docs" / lang / page).read_text(encoding="utf-8")
        files[f"{lang}/scenarios/sample.md"] = texts.get(lang, fixture_text(lang))
    return files


def run(tmp_path: Path, **texts):
    for rel, text in docs_files(**texts).items():
        path = tmp_path / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return checks.run(tmp_path / "docs", TODAY)


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """1-based line of the ``nth`` line of ``text`` that contains ``needle``."""
    found = [i + 1 for i, line in enumerate(text.split("\n")) if needle in line]
    assert len(found) >= nth, needle
    return found[nth - 1]


def errors_of(cat, lang: str = "kk") -> list[str]:
    return [e.format() for e in cat.errors if e.path.endswith(f"{lang}/scenarios/sample.md")]


def assert_error(cat, text: str, needle: str, words: str, lang: str = "kk", nth: int = 1) -> None:
    where = f"docs/{lang}/scenarios/sample.md:{line_of(text, needle, nth)}: "
    found = [m for m in errors_of(cat, lang) if m.startswith(where) and words in m]
    assert found, (where, words, errors_of(cat, lang))
    assert " — " in found[0], found[0]  # every error says what to do


def test_fixture_is_valid_and_read_into_one_model(tmp_path):
    cat = run(tmp_path)
    assert [e.format() for e in cat.errors if "scenarios" in e.path] == []
    entry = cat.get("ru", "scenarios/sample.md")
    assert entry.kind == "scenario" and entry.course == "fraud"
    assert entry.meta["duration"] == 20 and entry.meta["lessons"] == ["../fraud/droppers.md"]  # inherited
    model = entry.scenario
    assert [s.id for s in model.steps][:3] == ["offer", "details", "friend"]
    assert model.start.id == "offer" and model.step("blocked").kind == "good"
    choice = model.step("details").choices[0]
    assert choice.target == "gave-card" and "232-1" in choice.meaning
    assert choice.line == line_of(fixture_text("ru"), "[Отправляю данные карты]")


def replaced(old: str, new: str, lang: str = "kk", count: int = 1) -> str:
    text = fixture_text(lang)
    assert old in text, old
    return text.replace(old, new, count)


def test_unknown_target(tmp_path):
    text = replaced('(#friend "Басқа', '(#frend "Басқа')
    assert_error(run(tmp_path, kk=text), text, "[Досымнан сұраймын](#frend", "leads to #frend, which is not a step")


def test_unreachable_step(tmp_path):
    text = replaced('](#told-teacher "Дұрыс', '](#reported "Дұрыс')
    assert_error(run(tmp_path, kk=text), text, "{#told-teacher .good}", "no choice leads to the step 'told-teacher'")


def test_step_from_which_no_ending_is_reached(tmp_path):
    text = replaced('](#gave-card "Досың', '](#friend "Досың').replace('](#told-teacher "Дұрыс', '](#friend "Дұрыс')
    assert_error(run(tmp_path, kk=text), text, "{#friend}", "no ending can be reached from the step 'friend'")


def test_cycle(tmp_path):
    text = replaced('](#told-teacher "Дұрыс', '](#details "Дұрыс')
    assert_error(run(tmp_path, kk=text), text, "[Мұғалімге айтамын](#details",
                 "makes a loop: #details → #friend → #details")


def test_bad_ending_back_link_is_not_a_cycle_but_must_go_back(tmp_path):
    # the fixture's bad endings lead back to #offer, #details and #ask-parent: no loop reported
    cat = run(tmp_path)
    assert errors_of(cat) == [] and scenario.paths(cat.get("kk", REL).scenario) == (6, 2, 4)
    text = replaced('](#offer "Басынан', '](#sold-account "Басынан')
    assert_error(run(tmp_path, kk=text), text, "[Басқаша шешім қабылдау](#sold-account",
                 "the bad ending 'gave-card' leads forward to #sold-account")


def test_good_ending_with_choices(tmp_path):
    text = replaced("Толығырақ: [Дроппер болу — қылмыс](../fraud/droppers.md).\n",
                    "Толығырақ: [Дроппер болу — қылмыс](../fraud/droppers.md).\n\n- [Тағы](#offer \"Қайта.\")\n")
    assert_error(run(tmp_path, kk=text), text, "- [Тағы](#offer", "the good ending 'blocked' has choices")


def test_bad_ending_without_back_link(tmp_path):
    text = replaced('- [Ата-анаңның кеңесіне оралу](#ask-parent "Ересектің кеңесін тыңдау.")\n', "")
    assert_error(run(tmp_path, kk=text), text, "{#sold-account .bad}", "the bad ending 'sold-account' has no way back")


def test_ending_without_help_or_lesson_link(tmp_path):
    text = replaced("Аккаунт бұғатталды. Көмек керек болса, [[tel:102]] нөміріне хабарлас.", "Аккаунт бұғатталды.")
    assert_error(run(tmp_path, kk=text), text, "{#reported .good}",
                 "the ending 'reported' does not say where to get help")


def test_ending_with_help_page_link_is_enough(tmp_path):
    text = replaced("Аккаунт бұғатталды. Көмек керек болса, [[tel:102]] нөміріне хабарлас.",
                    "Аккаунт бұғатталды. [Көмек](../help.md).")
    assert not any("where to get help" in m for m in errors_of(run(tmp_path, kk=text)))


def test_two_to_four_choices(tmp_path):
    text = replaced('- [Мұғалімге айтамын](#told-teacher "Дұрыс: мұғалім көмектеседі.")\n', "")
    assert_error(run(tmp_path, kk=text), text, "{#friend}", "the step 'friend' has 1 choice(s)")
    extra = "".join(f'- [Тағы {n}](#reported "Мағына {n}.")\n' for n in range(3))
    text = replaced('- [Мұғалімге айтамын](#told-teacher "Дұрыс: мұғалім көмектеседі.")\n',
                    '- [Мұғалімге айтамын](#told-teacher "Дұрыс: мұғалім көмектеседі.")\n' + extra)
    assert_error(run(tmp_path, kk=text), text, "{#friend}", "the step 'friend' has 5 choice(s)")


def test_choice_without_meaning(tmp_path):
    text = replaced(' "Басқа адаммен ақылдасу — жақсы қадам.")', ")")
    assert_error(run(tmp_path, kk=text), text, "[Досымнан сұраймын](#friend)", "the choice 'Досымнан сұраймын' has no meaning")


def test_choice_that_is_not_one_link(tmp_path):
    text = replaced('- [Досымнан сұраймын](#friend "Басқа адаммен ақылдасу — жақсы қадам.")',
                    '- [Досымнан сұраймын](#friend "Басқа адаммен ақылдасу — жақсы қадам.") немесе [мұғалімнен](#reported "x")')
    assert_error(run(tmp_path, kk=text), text, "- [Досымнан сұраймын]", "a choice must be exactly one link")


SMALL = """---
id: sample
title: Кіші
summary: Қысқа.
course: fraud
audience: adults
duration: 10
lessons: [../fraud/droppers.md]
sources:
  - act: criminal-code
    article: "232-1"
reviewed:
  date: 2026-12-02
  by: Test Editor
---

Кіріспе.

## Бастау {#start}

Мәтін.

- [Бір](#g1 "Бір.")
- [Екі](#g2 "Екі.")
- [Үш](#b1 "Үш.")
- [Төрт](#b2 "Төрт.")

## Жақсы {#g1 .good}

[[tel:102]]

## Жақсы {#g2 .good}

[[tel:102]]

## Жаман {#b1 .bad}

[[tel:102]]

- [Қайта](#start "Қайта.")

## Жаман {#b2 .bad}

[[tel:102]]

- [Қайта](#start "Қайта.")
"""


def test_eight_to_twenty_steps(tmp_path):
    cat = run(tmp_path, kk=SMALL, ru=SMALL, en=SMALL)
    assert_error(cat, SMALL, "{#start}", "the scenario has 5 step(s)")


def test_two_good_and_two_bad_endings(tmp_path):
    text = replaced("{#sold-account .bad}", "{#sold-account .good}").replace(
        '- [Ата-анаңның кеңесіне оралу](#ask-parent "Ересектің кеңесін тыңдау.")\n', "")
    assert_error(run(tmp_path, kk=text), text, "{#offer}", "the scenario has 1 bad ending(s)")


def test_duplicate_and_invalid_ids(tmp_path):
    text = replaced("{#friend}", "{#details}")
    assert_error(run(tmp_path, kk=text), text, "{#details}", "the step id 'details' is already used on line", nth=2)
    text = replaced("{#friend}", "{#Friend_1}")
    assert_error(run(tmp_path, kk=text), text, "{#Friend_1}", "the step id 'Friend_1' is not valid")
    text = replaced("## Досың не дейді {#friend}", "## Досың не дейді")
    assert_error(run(tmp_path, kk=text), text, "## Досың не дейді", "this step has no id")


def test_translation_graph_differs(tmp_path):
    text = replaced('](#friend "Посоветоваться', '](#ask-parent "Посоветоваться', lang="ru")
    cat = run(tmp_path, ru=text)
    assert_error(cat, text, "[Спрашиваю друга](#ask-parent", "the choices of 'details' lead to #gave-card, "
                 "#ask-parent here but to #gave-card, #friend in the Kazakh original", lang="ru")
    text = replaced("{#reported .good}", "{#reported}", lang="en")
    assert_error(run(tmp_path, en=text), text, "{#reported}", "the step 'reported' is not an ending here but "
                 "a good ending in the Kazakh original", lang="en")
    text = replaced("## Что говорит друг {#friend}", "## Что говорят родители {#ask-parent}\n\nx\n\n"
                    "## Что говорит друг {#friend}", lang="ru")
    assert_error(run(tmp_path, ru=text), text, "{#ask-parent}", "step 3 is 'ask-parent' here but 'friend'", lang="ru")


def test_translation_may_not_change_inherited_facts(tmp_path):
    text = replaced("summary:", "duration: 45\nsummary:", lang="en")
    assert_error(run(tmp_path, en=text), text, "duration: 45", "'duration' is 45 here but 20 in the Kazakh original",
                 lang="en")


def test_lessons_entry_that_is_not_a_lesson(tmp_path):
    text = replaced("lessons: [../fraud/droppers.md]", "lessons: [../fraud/droppers.md, ../help.md]")
    assert_error(run(tmp_path, kk=text), text, "lessons:", "'lessons' item 2 (../help.md) is not a lesson file")


def test_tools_check_prints_paths_shortest_and_longest(tmp_path, capsys):
    run(tmp_path)
    assert check.main(["--docs", str(tmp_path / "docs")]) == 0
    out = capsys.readouterr().out
    # offer→blocked (2 steps) ... offer→details→friend→gave-card (4 steps); 6 paths in all
    assert ("INFO    docs/kk/scenarios/sample.md: 9 steps, 3 good and 2 bad endings; 6 paths from the start "
            "to an ending, shortest 2 steps, longest 4 steps") in out


def test_a_list_of_text_before_the_choices_stays_text(tmp_path):
    steps = "- Банкке қоңырау шал.\n- [[tel:102]] нөміріне хабарлас.\n\n"
    text = replaced('- [Басқаша шешім қабылдау](#offer', steps + '- [Басқаша шешім қабылдау](#offer')
    cat = run(tmp_path, kk=text)
    assert errors_of(cat) == []
    step = cat.get("kk", REL).scenario.step("gave-card")
    assert [c.target for c in step.choices] == ["offer", "details"] and step.text.endswith("нөміріне хабарлас.")
    # without the blank line it is one list: each item must be a choice
    text = replaced('- [Басқаша шешім қабылдау](#offer', steps.rstrip("\n") + '\n- [Басқаша шешім қабылдау](#offer')
    assert_error(run(tmp_path, kk=text), text, "- Банкке қоңырау шал.", "a choice must be exactly one link")


def test_a_scenario_drawing_on_a_sensitive_lesson_is_sensitive_in_every_edition(tmp_path):
    from hooks.site import sensitive
    cat = run(tmp_path)
    pages = ("scenarios/sample.md", "scenarios/sample.gamebook.md", "scenarios/sample.braille.md",
             "scenarios/sample.teacher.md")
    assert not any(sensitive.is_sensitive(cat, "en", rel) for rel in pages)
    lesson = tmp_path / "docs" / "kk" / "fraud" / "droppers.md"
    lesson.write_text(lesson_md("droppers", title="Дроппер", extra="sensitive: true\n"), encoding="utf-8")
    cat = checks.run(tmp_path / "docs", TODAY)
    assert all(sensitive.is_sensitive(cat, lang, rel) for rel in pages for lang in ("kk", "ru", "en"))
