"""The readability checker (hooks/content/readability.py): hand-counted examples in kk, ru and en,
sentence splitting with abbreviations, Markdown handling with file lines, and the easy-read
limits turning into errors that name file:line."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import ROOT
from hooks.content import readability as r
from hooks.content import sources
from hooks.content.catalog import Entry

FIXTURES = ROOT / "tests" / "fixtures" / "readability"


# ----- syllables (counted by hand) ------------------------------------------------
@pytest.mark.parametrize("word, n", [
    ("тау", 1),            # т-ау: у after a vowel is a glide
    ("ауыл", 2),           # ау-ыл
    ("аудан", 2),          # ау-дан
    ("уақыт", 2),          # уа-қыт: у at the start before a vowel is [w], a glide
    ("сияқты", 3),         # си-яқ-ты
    ("бала", 2),
    ("Қазақстан", 3),
    ("жауапкершілік", 5),  # жа-уап-кер-ші-лік
    ("оқиды", 3),          # о-қи-ды: и after a consonant is a vowel
    ("SMS-пен", 1),        # one word; only "е" is a Kazakh vowel
])
def test_kazakh_syllables(word, n):
    assert r.syllables(word, "kk") == n


@pytest.mark.parametrize("word, n", [
    ("закон", 2),
    ("мама", 2),
    ("мошенничество", 5),     # мо-шен-ни-чест-во
    ("ответственность", 4),   # от-вет-ствен-ность
    ("преступление", 5),      # пре-сту-пле-ни-е
    ("Конституция", 5),
    ("102", 1),               # a number is one word of one syllable
])
def test_russian_syllables(word, n):
    assert r.syllables(word, "ru") == n


@pytest.mark.parametrize("word, n", [
    ("make", 1), ("crime", 1), ("police", 2),      # silent final e
    ("table", 2), ("people", 2), ("free", 1),       # -le and -ee keep their syllable
    ("fraud", 1), ("money", 2), ("responsibility", 6), ("prosecutor", 4),
    ("asked", 1), ("wanted", 2), ("agreed", 2),
    ("adilet.zan.kz", 1),                           # a web address is one word, one syllable
])
def test_english_syllables(word, n):
    assert r.syllables(word, "en") == n


def test_words_numbers_and_addresses():
    assert r.words("31 433 фактіден 43 890 фактіге, 6,3 пайыз") == ["31 433", "фактіден", "43 890", "фактіге", "6,3", "пайыз"]
    assert r.words("More than 222,000 accounts, see adilet.zan.kz or call 102.") == [
        "More", "than", "222,000", "accounts", "see", "adilet.zan.kz", "or", "call", "102"]
    assert r.words("SMS-пен, 102-ге және мінез-құлық") == ["SMS-пен", "102-ге", "және", "мінез-құлық"]
    assert r.words("— «Мен», — деді.") == ["Мен", "деді"]


def test_long_words_per_language():
    assert r.is_long("мошенничество", "ru") and not r.is_long("закон", "ru")
    assert r.is_long("жауапкершілік", "kk") and not r.is_long("Қазақстан", "kk")
    assert r.is_long("police", "en") is False and r.is_long("responsibility", "en")


# ----- sentences ----------------------------------------------------------------------
def _texts(text, lang):
    return [s for _, s in r.split_sentences(text, lang)]


def test_russian_abbreviations_do_not_end_a_sentence():
    text = "Штраф до 100 тыс. тенге. См. ст. 190 УК, т. е. статью о мошенничестве. Всё!"
    assert _texts(text, "ru") == ["Штраф до 100 тыс. тенге.",
                                  "См. ст. 190 УК, т. е. статью о мошенничестве.", "Всё!"]
    assert _texts("Ущерб 2 млн. тенге в 2025 г. вырос. Это т.е. много.", "ru") == [
        "Ущерб 2 млн. тенге в 2025 г. вырос.", "Это т.е. много."]


def test_kazakh_abbreviations_do_not_end_a_sentence():
    text = "2025 ж. 16 қыркүйектен бастап заң өзгерді. Банк, т.б. ұйымдар код сұрамайды. Сақ бол!"
    assert _texts(text, "kk") == ["2025 ж. 16 қыркүйектен бастап заң өзгерді.",
                                  "Банк, т.б. ұйымдар код сұрамайды.", "Сақ бол!"]
    assert _texts("Карта, телефон т.с.с. заттар. Бас прокурор Б. Асылов айтты.", "kk") == [
        "Карта, телефон т.с.с. заттар.", "Бас прокурор Б. Асылов айтты."]


def test_a_quoted_exclamation_inside_a_sentence_does_not_end_it():
    assert _texts("Прокуратура «Тәртіпті өзіңнен баста!» акциясын өткізген. Идеяның мәні осы.", "kk") == [
        "Прокуратура «Тәртіпті өзіңнен баста!» акциясын өткізген.", "Идеяның мәні осы."]


def test_english_abbreviations_do_not_end_a_sentence():
    text = "Never share a code, e.g. the one in an SMS. Read Law No. 94 on adilet.zan.kz. No. Stop, i.e. wait."
    assert _texts(text, "en") == ["Never share a code, e.g. the one in an SMS.",
                                  "Read Law No. 94 on adilet.zan.kz.", "No.", "Stop, i.e. wait."]


def test_short_sentences_of_one_or_two_words_count():
    m = r.measure_text("Тоқта. Ойлан. Банкке қоңырау шал.", "kk")
    assert [s.n_words for s in m.sentences] == [1, 1, 3]
    assert m.n_sentences == 3 and m.mean_words == pytest.approx(5 / 3)
    m = r.measure_text("Stop. Think twice.\n", "en")
    assert [s.n_words for s in m.sentences] == [1, 2]


def test_markdown_headings_and_list_items_are_sentences_with_their_lines():
    body = (
        "## Что делать\n"              # 10
        "\n"
        "Положите трубку. Позвоните\n"  # 12
        "в банк сами.\n"                # 13
        "\n"
        "- Не говорите код\n"           # 15
        "- **Никому** не говорите [пароль](https://example.kz). Даже другу.\n"  # 16
        "\n"
        "```quiz\n"                     # 18
        "questions:\n"
        "  - text: Этот вопрос не считается.\n"
        "```\n"
        "\n"
        "| Кто | Что |\n"               # 23
        "|---|---|\n"
        "| Банк | Код не просит |\n"    # 25
        "\n"
        "```\nprint('code is skipped')\n```\n"
    )
    found = r.sentences(body, "ru", first_line=10)
    assert [(s.line, s.text) for s in found] == [
        (10, "Что делать"),
        (12, "Положите трубку."),
        (12, "Позвоните в банк сами."),
        (15, "Не говорите код"),
        (16, "Никому не говорите пароль."),
        (16, "Даже другу."),
        (23, "Кто"), (23, "Что"), (25, "Банк"), (25, "Код не просит"),
    ]


# ----- formulas ---------------------------------------------------------------------
def test_flesch_for_russian_uses_oborneva_coefficients():
    m = r.measure_text("Мама мыла раму.", "ru")          # 3 words, 6 syllables, 1 sentence
    assert m.flesch_ru == pytest.approx(206.835 - 1.3 * 3 - 60.1 * 2)
    assert m.formula == ("Flesch", pytest.approx(82.735))


def test_flesch_kincaid_grade_for_english():
    m = r.measure_text("The cat sat. A dog ran to the police.", "en")  # 9 words, 10 syllables, 2 sentences
    assert m.n_words == 9 and m.n_syllables == 10
    assert m.fk_grade == pytest.approx(0.39 * 4.5 + 11.8 * 10 / 9 - 15.59)


def test_share_of_long_words():
    m = r.measure_text("Мошенничество — это преступление.", "ru")
    assert m.n_long == 2 and m.long_percent == pytest.approx(200 / 3)


def test_unexplained_all_caps_abbreviations():
    assert [a for a, _ in r.measure_text("Назовите ИИН. Это важно.", "ru").abbreviations] == ["ИИН"]
    explained = "ИИН (индивидуальный идентификационный номер) есть у всех. Назовите ИИН."
    assert r.measure_text(explained, "ru").abbreviations == []
    assert r.measure_text("Жеке сәйкестендіру нөмірі (ЖСН) бар. ЖСН айтпа.", "kk").abbreviations == []
    assert r.measure_text("A SIM is the card in a phone. Keep your SIM.", "en").abbreviations == []
    assert r.measure_text("Никому не говорите код из SMS.", "ru").abbreviations == []   # known to all
    assert r.measure_text("The SR4School programme.", "en").abbreviations == []         # part of a name


# ----- limits and errors -------------------------------------------------------------
def _entry(path: Path, lang: str) -> Entry:
    shown = path.relative_to(ROOT).as_posix()
    return Entry("easy", lang, path.name, sources.read(path, shown))


def test_failing_fixture_names_the_sentence_file_and_line():
    path = FIXTURES / "ru" / "fraud" / "too-long.easy.md"
    catalog = SimpleNamespace(entries={("ru", "x"): _entry(path, "ru")}, errors=[], warnings=[])
    r.check_catalog(catalog)
    messages = [e.format() for e in catalog.errors]
    shown = "tests/fixtures/readability/ru/fraud/too-long.easy.md"
    # the 28-word sentence starts on line 14 of the file
    assert any(m.startswith(f"{shown}:14: easy read: this sentence has 28 words, the limit for 'ru' is 15")
               for m in messages), messages
    # the long-word share names the sentences with their lines and words
    long_error = next(e for e in catalog.errors if "are long" in e.message)
    assert f"{shown}:14 (незнакомый" in long_error.hint and f"{shown}:12 (преступление)" in long_error.hint
    # the quiz block, with its own long sentence, is not measured
    assert all(e.line < 16 for e in catalog.errors)


def test_kazakh_fixture_breaks_the_long_word_limit():
    path = FIXTURES / "kk" / "fraud" / "long-words.easy.md"
    m, errors, _ = r.check_file(path)
    assert m.lang == "kk" and m.long_percent == pytest.approx(100 / 3)
    assert len(errors) == 1 and errors[0].line == 9 and "limit for 'kk' is 8%" in errors[0].message


def test_standard_lessons_are_measured_but_never_fail():
    path = FIXTURES / "ru" / "fraud" / "too-long.easy.md"
    entry = _entry(path, "ru")
    entry.kind = "lesson"
    catalog = SimpleNamespace(entries={("ru", "x"): entry}, errors=[], warnings=[])
    r.check_catalog(catalog)
    assert catalog.errors == [] and catalog.warnings == []


def test_mean_limit_error_lists_the_longest_sentences(tmp_path):
    folder = tmp_path / "en" / "fraud"
    folder.mkdir(parents=True)
    text = " ".join(["One two three four five six seven eight nine ten eleven twelve thirteen."] * 3)
    (folder / "mean.easy.md").write_text("---\nid: mean\n---\n" + text + "\n", encoding="utf-8")
    _, errors, _ = r.check_file(folder / "mean.easy.md")
    mean = next(e for e in errors if "on average" in e.message)
    assert mean.line == 4 and "13.0 words per sentence" in mean.message
    assert f"{folder / 'mean.easy.md'}:4 (13 words)" in mean.hint


def test_the_build_registers_the_checker():
    from hooks.content import glossary
    from hooks.site import mkdocs_hooks

    assert r.check_catalog in mkdocs_hooks.CHECKERS
    assert glossary.check_catalog in mkdocs_hooks.CHECKERS


# ----- command line -------------------------------------------------------------------
def _run(*args):
    return subprocess.run([sys.executable, "-m", "hooks.content.readability", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


def test_command_line_fails_on_a_breach_and_names_file_and_line():
    proc = _run("tests/fixtures/readability/ru/fraud/too-long.easy.md")
    assert proc.returncode == 1
    assert "tests/fixtures/readability/ru/fraud/too-long.easy.md:14: easy read: this sentence has 28 words" in proc.stdout


def test_command_line_passes_every_published_easy_read_edition():
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "docs").glob("*/*/*.easy.md"))
    assert files, "no easy-read editions found"
    proc = _run("-q", *files)
    assert proc.returncode == 0, proc.stdout + proc.stderr


# ----- in the catalogue: build errors, report, editors' table -----------------------------
def _catalog(tmp_path, files):
    import datetime as dt

    from hooks.content import catalog as catalog_module

    for rel, text in files.items():
        path = tmp_path / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for lang in catalog_module.LANGS:
        (tmp_path / "docs" / lang).mkdir(parents=True, exist_ok=True)
    return catalog_module.build(tmp_path / "docs", dt.date(2026, 11, 22), checkers=[r.check_catalog])


EASY_HEAD = "---\nid: sample\ntitle: Жеңіл оқу\nreviewed:\n  date: 2026-11-20\n  by: Test\n---\n\n"


def test_catalog_build_fails_on_an_easy_read_breach_with_file_and_line(tmp_path):
    from conftest import lesson_md

    long_sentence = "Бұл сөйлемде он үш сөз бар, себебі оны әдейі ұзын етіп жаздық, түсіндің бе?"
    cat = _catalog(tmp_path, {
        "kk/fraud/sample.md": lesson_md(body="## Кіріспе\n\n" + long_sentence + "\n"),   # standard: only measured
        "kk/fraud/sample.easy.md": EASY_HEAD + "Қысқа сөйлем.\n\n" + long_sentence + "\n",
    })
    errors = [e.format() for e in cat.errors]
    assert len([e for e in errors if "this sentence has" in e]) == 1
    assert any(e.startswith("docs/kk/fraud/sample.easy.md:11: easy read: this sentence has 14 words, "
                            "the limit for 'kk' is 12") for e in errors), errors


def test_report_and_editors_table_show_standard_and_easy_side_by_side(tmp_path):
    from conftest import lesson_md
    from hooks.content.strings import Translator

    cat = _catalog(tmp_path, {
        "kk/fraud/sample.md": lesson_md(body="Бұл ұзынырақ мәтін, онда сөз көп болады. Тағы бір сөйлем.\n"),
        "kk/fraud/sample.easy.md": EASY_HEAD + "Қысқа сөйлем. Тағы бір.\n",
        "ru/fraud/sample.md": lesson_md(title="Пробный урок", body="Это текст урока.\n"),
    })
    assert cat.errors == []
    report = r.report(cat).splitlines()
    row = next(line for line in report if line.startswith("fraud/sample"))
    assert row.split()[1] == "kk" and " 5.0/7 " in row and " 2.0/2 " in row
    ru_row = report[report.index(row) + 1]
    assert ru_row.split()[0] == "ru" and ru_row.rstrip().endswith("-")      # no Russian easy read
    view = r.status_view(cat, Translator("en"))
    cells = {c["lang"]: c for c in view["rows"][0]["cells"]}
    assert cells["kk"]["standard"].startswith("mean 5.0 words, max 7") and cells["kk"]["easy"].startswith("mean 2.0")
    assert cells["ru"]["easy"] == "missing" and "Flesch score" in cells["ru"]["standard"]
    assert view["missing"] == [{"title": "Сынақ сабақ", "id": "sample", "langs": "ru, en"}]


def test_a_share_just_over_the_limit_is_not_rounded_down_to_it():
    from hooks.content.readability import _percent

    assert _percent(8.5) == "8.5" and _percent(26.0) == "26" and _percent(100 / 3) == "33.3"


# ----- issue 20: hiatus, running text, paragraphs, hard words, Flesch reading ease ------------
@pytest.mark.parametrize("word, lang, n", [
    ("Раиса", "kk", 3), ("idea", "en", 3), ("created", "en", 3), ("being", "en", 2),
    ("area", "en", 3), ("business", "en", 2),
])
def test_vowel_hiatus_named_in_the_issue(word, lang, n):
    assert r.syllables(word, lang) == n


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_syllables_of_fifty_words_the_issue_does_not_name(lang):
    import syllable_words as sw

    words = sw.parse({"kk": sw.KK, "ru": sw.RU, "en": sw.EN}[lang])
    assert len(words) >= 50
    wrong = [(w, n, r.syllables(w, lang)) for w, n in words if r.syllables(w, lang) != n]
    assert len(wrong) <= 0.05 * len(words), wrong


def test_only_running_text_is_measured():
    body = "## A heading\n\nOne two three four five six.\n\n- Label\n- Another label\n- A whole sentence here.\n\n| Cell | Cell two |\n|---|---|\n| a | b |\n"
    m = r.measure_text(body, "en")
    assert [s.text for s in m.text] == ["One two three four five six.", "A whole sentence here."]
    assert m.n_sentences == 2 and m.mean_words == pytest.approx(5.0)
    assert len(m.sentences) > m.n_sentences            # headings, labels and cells are still read


def test_heading_padding_no_longer_lowers_the_mean():
    """The fixture passes the old rules (every heading and label a sentence: mean 4.6) and
    breaks the new one (running text: mean 13.5 against 10)."""
    path = FIXTURES / "ru" / "fraud" / "padding.easy.md"
    m, errors, _ = r.check_file(path)
    assert m.mean_words == pytest.approx(13.5)
    mean = next(e for e in errors if "on average" in e.message)
    assert mean.line == 16 and "padding.easy.md:11 (13.0)" in mean.hint


def test_per_paragraph_figures():
    m = r.measure_text("One two three. Four five.\n\nSix seven eight nine ten eleven.\n", "en", first_line=5)
    assert [(p["line"], p["sentences"], p["mean"]) for p in m.paragraphs()] == [(5, 2, 2.5), (7, 1, 6.0)]
    proc = _run("tests/fixtures/readability/ru/fraud/padding.easy.md")
    section = proc.stdout.split("paragraphs (running text only):")[1]
    assert "  11   2 sentences, mean 13.0 words" in section and "  16   2 sentences, mean 14.0 words" in section


def test_jargon_fixture_fails_with_file_and_line():
    """Six short sentences of glossary terms and ordinary long words among plain text: the old
    file-wide share passed (7.7 % against 10 %); each sentence now fails with file:line."""
    path = FIXTURES / "en" / "fraud" / "jargon.easy.md"
    m, errors, _ = r.check_file(path)
    assert m.long_percent < 10 and "long" not in m.over()
    hard = [e for e in errors if "long or unexplained words" in e.message]
    assert [e.line for e in hard] == [37, 38, 39, 40, 41, 42]
    assert "(facilitate, unauthorized)" in hard[3].message
    shown = "tests/fixtures/readability/en/fraud/jargon.easy.md"
    proc = _run(shown)
    assert proc.returncode == 1 and f"{shown}:37: easy read: this sentence has 2 long or unexplained words" in proc.stdout


def test_explained_or_linked_words_are_not_hard():
    plain = "Participation is taking part. Documented participation matters."
    assert r.measure_text(plain, "en").sentences[0].hard_words == []
    dash = "Мошенничество — это обман ради денег."
    assert r.measure_text(dash, "ru").sentences[0].hard_words == []
    linked = "Read about [jurisdiction](../glossary.md#court) and administration today."
    found = r.measure_text(linked, "en").sentences[0]
    assert found.hard_words == ["administration"]
    nxt = "Investigation requires documentation. This means the police write it down."
    assert r.measure_text(nxt, "en").sentences[0].hard_words == []


def test_glossary_terms_count_when_nothing_links_or_explains_them():
    # in a heading a term is neither linked by the build nor running text
    m = r.measure_text("## Prosecutor and administrative offence\n", "en")
    assert "Prosecutor" in m.sentences[0].hard_words


def test_flesch_reading_ease_beside_the_grade():
    m = r.measure_text("The cat sat. A dog ran to the police.", "en")
    assert m.flesch_en == pytest.approx(206.835 - 1.015 * 4.5 - 84.6 * 10 / 9)
    assert m.also == ("Flesch", pytest.approx(m.flesch_en))
    assert "FK grade" in m.summary() and "Flesch" in m.summary()


def test_long_word_share_is_not_rounded_down_to_the_limit(tmp_path):
    folder = tmp_path / "kk" / "fraud"
    folder.mkdir(parents=True)
    # 23 one-word sentences, two of them long: 8.7 %, shown with its decimal against the limit of 8 %
    words = ["бала"] * 21 + ["жауапкершілік", "құқықбұзушылық"]
    text = ". ".join(" ".join(words[i:i + 1]) for i in range(0, 23)) + "."
    (folder / "share.easy.md").write_text("---\nid: share\n---\n" + text + "\n", encoding="utf-8")
    m, errors, _ = r.check_file(folder / "share.easy.md")
    assert m.long_percent == pytest.approx(200 / 23)
    long_error = next(e for e in errors if "are long" in e.message)
    assert "8.7% of the words are long" in long_error.message and "limit for 'kk' is 8%" in long_error.message
