"""The registry of legal acts, help numbers as data, and the quiz key order (hooks/content/acts.py,
hooks/content/helplines.py, hooks/content/keyorder.py): plain-Python units, no MkDocs."""
from __future__ import annotations

import collections
import datetime as dt
import math
import re
from pathlib import Path

import pytest
import yaml

from hooks.content import acts, helplines, keyorder
from hooks.content.yamlsrc import ContentError

ROOT = Path(__file__).resolve().parent.parent
SHEET = ROOT.parent / "shared" / "legal-facts" / "kz-law-2026-11.md"

ONE_ACT = """\
acts:
  - id: criminal-code
    kind: code
    document: K1400000226
    title: {kk: Қылмыстық кодекс, ru: Уголовный кодекс, en: Criminal Code}
    urls:
      kk: https://adilet.zan.kz/kaz/docs/K1400000226
      ru: https://adilet.zan.kz/rus/docs/K1400000226
      en: https://adilet.zan.kz/rus/docs/K1400000226
    en_text: ru
    edition_checked: 2026-03-08
"""


# ----- the registry of acts ---------------------------------------------------------
def test_real_registry_loads_with_the_fact_sheet_editions():
    registry = acts.load()
    assert registry["criminal-code"].edition_checked == dt.date(2026, 3, 8)
    assert registry["administrative-code"].edition_checked == dt.date(2026, 3, 12)
    assert registry["law-on-legal-acts"].edition_checked == dt.date(2026, 1, 9)
    old = registry["constitution-1995"]
    assert old.superseded_by == "constitution-2026" and not old.is_current(dt.date(2026, 12, 1))
    assert old.is_current(dt.date(2026, 6, 30)) is False  # superseded_by alone makes it not current
    new = registry["constitution-2026"]
    assert new.in_force == dt.date(2026, 7, 1) and new.to_recheck  # K2600000000 is [C1] on the sheet
    assert registry["public-safety-concept"].to_recheck  # adilet URL not found on the sheet


def test_every_registry_document_id_is_named_by_the_fact_sheet_or_flagged():
    if not SHEET.exists():
        pytest.skip("the shared fact sheet is not beside the repository")
    sheet = SHEET.read_text(encoding="utf-8").upper()
    for act in acts.load().values():
        assert act.to_recheck or act.document.upper() in sheet, act.id


def test_registry_edition_is_never_today():
    for act in acts.load().values():
        assert act.edition_checked != dt.date.today()


@pytest.mark.parametrize("change, message, line", [
    (("kind: code", "kind: statute"), "'kind' must be one of", 3),
    (("      kk: https://adilet.zan.kz/kaz/docs/K1400000226", "      kk: https://adilet.zan.kz"),
     "urls.kk must open the document K1400000226", 7),
    (("      en: https://adilet.zan.kz/rus/docs/K1400000226", "      en: https://adilet.zan.kz/eng/docs/K1400000226"),
     "urls.en opens the 'eng' text but the en text is 'rus'", 9),
    (("      ru: https://adilet.zan.kz/rus/docs/K1400000226", "      ru: https://zakon.kz/rus/docs/K1400000226"),
     "urls.ru must be the https://adilet.zan.kz/ page", 8),
    (("    edition_checked: 2026-03-08", "    edition_checked: soon"), "'edition_checked' must be a date", 11),
    (("    en_text: ru", "    en_text: ru\n    superseded: x"), "unknown key 'superseded'", 11),
    (("    en_text: ru", "    en_text: ru\n    superseded_by: nowhere"), "superseded by an unknown act 'nowhere'", 2),
    (("    title: {kk: Қылмыстық кодекс, ru: Уголовный кодекс, en: Criminal Code}",
      "    title: {kk: Қылмыстық кодекс, ru: Уголовный кодекс}"), "'title' needs text in kk, ru and en", 5),
])
def test_registry_errors_name_file_and_line(change, message, line):
    text = ONE_ACT.replace(*change)
    assert text != ONE_ACT
    _, errors = acts.parse(text, "hooks/data/acts.yml")
    assert errors, text
    assert any(message in e.message for e in errors), [e.format() for e in errors]
    hit = next(e for e in errors if message in e.message)
    assert hit.path == "hooks/data/acts.yml" and hit.line == line, hit.format()


def test_a_duplicate_id_is_an_error_on_its_line():
    text = ONE_ACT + ONE_ACT.split("\n", 1)[1]
    _, errors = acts.parse(text, "acts.yml")
    assert [(e.line, e.message) for e in errors] == [(12, "the id 'criminal-code' is used twice")]


# ----- citations -------------------------------------------------------------------
@pytest.mark.parametrize("lang, article, part, shown", [
    ("kk", "232-1", None, "232-1-бап"),
    ("ru", "232-1", None, "статья 232-1"),
    ("en", "232-1", None, "Article 232-1"),
    ("kk", "438", 3, "438-баптың 3-бөлігі"),
    ("ru", "438", 3, "часть 3 статьи 438"),
    ("en", "438", 3, "Article 438, part 3"),
    ("en", ["1", "7", "8"], None, "Articles 1, 7, 8"),
    ("kk", ["1", "7", "8"], None, "1, 7, 8-баптар"),
])
def test_citation_shows_localized_article(lang, article, part, shown):
    citation = {"act": "criminal-code", "article": article}
    if part is not None:
        citation["part"] = part
    assert acts.resolve(citation, lang).article == shown


def test_citation_links_the_act_in_the_readers_language_or_the_russian_text_marked():
    kk = acts.resolve({"act": "criminal-code", "article": "232-1"}, "kk")
    assert kk.title == "Қазақстан Республикасының Қылмыстық кодексі"
    assert kk.url == "https://adilet.zan.kz/kaz/docs/K1400000226" and kk.url_lang == ""
    en = acts.resolve({"act": "criminal-code", "article": "232-1"}, "en")
    assert en.url == "https://adilet.zan.kz/rus/docs/K1400000226" and en.url_lang == "in Russian"
    old_en = acts.resolve({"act": "constitution-1995"}, "en")
    assert old_en.url.startswith("https://adilet.zan.kz/eng/") and old_en.url_lang == ""


def test_other_sources_keep_title_url_and_date():
    shown = acts.resolve({"title": "BAQ", "url": "https://baq.kz/a-1", "published": dt.date(2025, 9, 29)}, "ru")
    assert (shown.title, shown.url, shown.published, shown.act) == ("BAQ", "https://baq.kz/a-1", "2025-09-29", None)


@pytest.mark.parametrize("url, root", [
    ("https://egemen.kz", True), ("https://egemen.kz/", True), ("https://egov.kz", True),
    ("https://www.zakon.kz", True), ("https://www.gov.kz/memleket/entities/prokuror", True),
    ("https://www.gov.kz/memleket/entities/prokuror/ru", True),
    ("https://www.gov.kz/memleket/entities/prokuror/press/news/details/123", False),
    ("https://adilet.zan.kz/rus/docs/K1400000226", False), ("https://example.kz/?p=5961", False),
])
def test_site_root(url, root):
    assert acts.is_site_root(url) is root


def test_changes_page_rows_are_the_last_twelve_months_newest_first():
    registry = acts.load()
    rows = acts.changes_since(registry, dt.date(2026, 12, 1), {"constitution-2026": ["b", "a"]})
    assert [(r.date, r.act.id) for r in rows] == [
        (dt.date(2026, 7, 1), "constitution-2026"), (dt.date(2026, 7, 1), "constitution-1995")]
    assert rows[0].lessons == ["a", "b"] and rows[1].what["kk"] == "Қолданылуын тоқтатты."
    # a year earlier the Criminal Code's art. 232-1 (16.09.2025) is in the window
    earlier = acts.changes_since(registry, dt.date(2025, 12, 1), {})
    assert (dt.date(2025, 9, 16), "criminal-code") in [(r.date, r.act.id) for r in earlier]
    assert "constitution-2026" not in [r.act.id for r in earlier]


# ----- help numbers ------------------------------------------------------------------
def test_only_numbers_the_sheet_confirms_from_two_sources():
    registry = helplines.load()
    assert sorted(registry) == sorted(["112", "101", "102", "103", "104", "111", "1414"])
    for line in registry.values():
        assert len(line.sources) >= 2 and all(not acts.is_site_root(s["url"]) for s in line.sources)
        for lang in ("kk", "ru", "en"):
            assert line.name[lang] and line.when[lang]


HELP = """\
helplines:
  - number: "102"
    name: {kk: полиция, ru: полиция, en: police}
    when: {kk: Қауіп, ru: Опасность, en: Danger}
    sources:
      - {title: a, url: "https://a.kz/page-1"}
      - {title: b, url: "https://b.kz/page-2"}
not_listed:
  - {number: "150", why: status not confirmed}
"""


@pytest.mark.parametrize("change, message, line", [
    (('"102"', '"150"'), "150 must not be listed: status not confirmed", 2),
    (('      - {title: b, url: "https://b.kz/page-2"}\n', ""), "102 needs two independent sources", 5),
    (("https://b.kz/page-2", "https://b.kz/"), "needs the https:// address of a page", 7),
    (("en: police}", "en: }"), "'name' of 102 needs text in kk, ru and en", 3),
])
def test_helpline_errors_name_file_and_line(change, message, line):
    text = HELP.replace(*change)
    assert text != HELP
    _, errors = helplines.parse(text, "hooks/data/helplines.yml")
    hit = [e for e in errors if message in e.message]
    assert hit and hit[0].line == line and hit[0].path == "hooks/data/helplines.yml", [e.format() for e in errors]


def test_token_becomes_a_tel_link_with_its_name_in_the_readers_language():
    out = helplines.expand("Қоңырау шал: [[tel:102]].", "kk")
    assert out == 'Қоңырау шал: <a class="zb-tel" href="tel:102">102 (полиция)</a>.'
    out = helplines.expand("Call [[tel:1414]]", "en")
    assert '<a class="zb-tel" href="tel:1414">1414 (eGov single contact centre)</a>' in out


def test_token_stays_text_in_headings_and_untouched_in_code_and_quiz_fences():
    md = "## Call [[tel:112]]\n\n```quiz\n- text: \"[[tel:112]]\"\n```\n\nUse `[[tel:112]]` here."
    out = helplines.expand(md, "en")
    assert out.split("\n")[0] == "## Call 112 (single emergency number)"
    assert '- text: "[[tel:112]]"' in out and "`[[tel:112]]`" in out and "tel:112\"" not in out


def test_unknown_token_is_an_error_with_the_line():
    with pytest.raises(ContentError) as info:
        helplines.expand("a\nb\nCall [[tel:150]]", "en", "docs/en/help.md", first_line=20)
    assert info.value.line == 22 and info.value.path == "docs/en/help.md" and "150" in info.value.message


@pytest.mark.parametrize("text, found", [
    ("Call 102 at once.", ["102"]),
    ("112-ге қоңырау шал", ["112"]),
    ("Звоните на 1414, а также 111.", ["1414", "111"]),
    ("| 103 | ambulance |", ["103"]),
    # exceptions: article and document numbers
    ("Article 112 of the Code.", []),
    ("art. 101 and ст. 102 and статья 103", []),
    ("Конституцияның 112-бабы", []), ("112-бап", []), ("№ 104 қаулы", []), ("No. 111", []),
    # part of a larger number
    ("1 112 people", []), ("112 000 calls", []), ("1120 calls", []), ("101.5 FM", []), ("2112", []),
    ("232-1", []), ("110,999 contacts", []), ("102-3", []),
    # code and links
    ("Write `102` in code", []), ("[[tel:102]] is the form", []), ("[a page](https://x.kz/102)", []),
])
def test_plain_number_notice_and_each_exception(text, found):
    notices = helplines.plain_numbers(text, "docs/en/x.md", first_line=30)
    assert [re.search(r"number (\d+)", n.message).group(1) for n in notices] == found
    for notice in notices:
        assert notice.path == "docs/en/x.md" and notice.line == 30 and "[[tel:" in notice.hint


def test_plain_numbers_in_headings_and_quiz_options_stay_text():
    md = "## Call 112\n\n```quiz\nquestions:\n  - options:\n      - text: \"102\"\n```\n\nthen 103"
    notices = helplines.plain_numbers(md, "l.md", first_line=5)
    assert [(n.line, n.message) for n in notices] == [(13, "the help number 103 is plain text")]


# ----- quiz key order ----------------------------------------------------------------------
def _question(qid, keys, count=3, kind="single", text="x", **extra):
    return {"id": qid, "type": kind, "options": [
        {"text": f"{text} {i}", **({"correct": True} if i in keys else {})} for i in range(count)], **extra}


def test_order_is_pure_and_the_same_in_every_language():
    kk = [("l1", _question("q1", [1], text="қаз")), ("l1", _question("q2", [0], 4, "multiple", text="қаз"))]
    en = [("l1", _question("q1", [1], text="eng")), ("l1", _question("q2", [0], 4, "multiple", text="eng"))]
    assert keyorder.plan(kk) == keyorder.plan(en) == keyorder.plan(list(reversed(kk)))
    plan = keyorder.plan(kk)
    shown_kk = keyorder.order(plan[("l1", "q1")], kk[0][1]["options"])
    shown_en = keyorder.order(plan[("l1", "q1")], en[0][1]["options"])
    assert [o["text"].split()[1] for o in shown_kk] == [o["text"].split()[1] for o in shown_en]


def test_fixed_order_keeps_the_natural_order():
    q = _question("ages", [1], 4, order="fixed")
    assert keyorder.plan([("l", q)])[("l", "ages")] == [0, 1, 2, 3]


def test_single_keys_are_spread_over_positions_even_if_all_written_as_b():
    questions = [(f"lesson-{i % 3}", _question(f"q{i}", [1])) for i in range(10)]
    plan = keyorder.plan(questions)
    positions = collections.Counter(
        [i for i, o in enumerate(keyorder.order(plan[(lid, q["id"])], q["options"])) if o.get("correct")][0]
        for lid, q in questions)
    assert max(positions.values()) <= math.ceil(10 / 3) and set(positions) == {0, 1, 2}


def test_multiple_choice_keys_are_not_always_first():
    questions = [(f"l{i}", _question("m", [0, 1, 2], 4, "multiple")) for i in range(6)]
    plan = keyorder.plan(questions)
    firsts = [keyorder.order(plan[(lid, "m")], q["options"])[:3] for lid, q in questions]
    assert any(not all(o.get("correct") for o in first) for first in firsts)


def test_apply_orders_every_language_alike_and_fixed_stays(tmp_path):
    from tests.conftest import minimal_pages
    from hooks.content import catalog as catalog_module
    quiz = ("```quiz\nquestions:\n"
            "  - id: q1\n    type: single\n    text: A?\n    options:\n"
            "      - text: one\n      - text: two\n        correct: true\n      - text: three\n      - text: four\n"
            "  - id: ages\n    type: single\n    order: fixed\n    text: Age?\n    options:\n"
            "      - text: \"14\"\n      - text: \"16\"\n        correct: true\n      - text: \"18\"\n```\n")
    ru_quiz = ("```quiz\nquestions:\n  - text: А?\n    options:\n      - text: один\n      - text: два\n"
               "      - text: три\n      - text: четыре\n  - text: Возраст?\n    options:\n      - text: \"14\"\n"
               "      - text: \"16\"\n      - text: \"18\"\n```\n")
    head = ("---\ntitle: T\nsummary: S.\norder: 1\naudience: adults\nduration: 30\nobjectives:\n  - O.\n"
            "sources:\n  - act: criminal-code\nreviewed:\n  date: 2026-11-20\n  by: E\n---\n\n")
    files = dict(minimal_pages(), **{"kk/fraud/x.md": head + quiz,
                                     "ru/fraud/x.md": "---\ntitle: Т\nsummary: С.\nobjectives:\n  - Ц.\n---\n\n" + ru_quiz})
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    catalog = catalog_module.build(tmp_path, dt.date(2026, 12, 2))
    assert [e.format() for e in catalog.errors] == []
    kk = catalog.lesson("x", "kk").quizzes[0].questions
    ru = catalog.lesson("x", "ru").quizzes[0].questions
    shown = keyorder.plan([("x", _question("q1", [1], 4)), ("x", _question("ages", [1], 3, order="fixed"))])
    shown = shown[("x", "q1")]
    assert shown != [0, 1, 2, 3]
    assert [o.text for o in kk[0].options] == [["one", "two", "three", "four"][i] for i in shown]
    assert [o.text for o in ru[0].options] == [["один", "два", "три", "четыре"][i] for i in shown]
    assert kk[0].options[kk[0].correct[0]].text == "two" and ru[0].options[ru[0].correct[0]].text == "два"
    assert [o.text for o in kk[1].options] == ["14", "16", "18"] == [o.text for o in ru[1].options]


def test_order_other_than_fixed_is_an_error_with_its_line():
    from hooks.content import quizdata
    problems: list = []
    quizdata.parse_quizzes("```quiz\nquestions:\n  - id: a\n    type: single\n    order: random\n    text: A?\n"
                           "    options:\n      - text: x\n        correct: true\n      - text: y\n```\n",
                           "docs/kk/fraud/x.md", 20, problems)
    assert [(p.line, p.message.split(":")[0]) for p in problems] == [(24, "question 1 ('a')")]
    assert "order" in problems[0].message
