"""The glossary data and the in-lesson definitions (hooks/content/glossary.py), without a build."""
from __future__ import annotations

import re

import pytest

from hooks.content import glossary as g
from hooks.content.catalog import LANGS
from hooks.content.strings import Translator


def test_every_language_has_the_same_terms_at_least_10():
    glossaries = {lang: g.read(lang) for lang in LANGS}
    for lang, glossary in glossaries.items():
        assert glossary.errors == [], [e.format() for e in glossary.errors]
        assert len(glossary.terms) >= 10, lang  # the courses add every legal word they use
    ids = {lang: {t.id for t in glossary.terms} for lang, glossary in glossaries.items()}
    assert ids["kk"] == ids["ru"] == ids["en"]
    assert {"law", "constitution", "right", "duty", "criminal-responsibility", "administrative-offence",
            "fraud", "money-mule", "personal-data", "minor", "prosecutor"} <= ids["kk"]
    errors, warnings = g.check(glossaries)
    assert errors == [] and warnings == []


def test_kazakh_glossary_is_written_with_kazakh_letters():
    text = " ".join(t.term + " " + t.explanation for t in g.read("kk").terms)
    assert set("әғқңөұүі") <= set(text.lower())


def test_explanations_are_short():
    for lang in LANGS:
        for term in g.read(lang).terms:
            assert len(term.explanation.split()) <= 30, (lang, term.id)
            assert not term.url or term.url.startswith("https://adilet.zan.kz/")


def _write(folder, lang, body):
    (folder / f"{lang}.yml").write_text(body, encoding="utf-8")


def test_a_term_missing_in_one_language_is_reported(tmp_path):
    entry = "  - id: {id}\n    term: {term}\n    explanation: Text.\n"
    _write(tmp_path, "kk", "terms:\n" + entry.format(id="fraud", term="Алаяқтық") + entry.format(id="court", term="Сот"))
    _write(tmp_path, "ru", "terms:\n" + entry.format(id="fraud", term="Мошенничество"))
    _write(tmp_path, "en", "terms:\n" + entry.format(id="fraud", term="Fraud") + entry.format(id="court", term="Court"))
    glossaries = {lang: g.read(lang, tmp_path) for lang in LANGS}
    errors, warnings = g.check(glossaries)
    assert errors == []
    assert len(warnings) == 1
    assert warnings[0].path.endswith("ru.yml")
    assert "the term 'court' (Сот) is in" in warnings[0].message and "kk.yml:5" in warnings[0].message


def test_broken_entries_are_errors_with_lines(tmp_path):
    _write(tmp_path, "kk", "terms:\n  - id: Bad Id\n    term: X\n    explanation: Y\n"
                           "  - id: ok\n    term: X\n    explanation: ''\n    url: http://x\n")
    glossary = g.read("kk", tmp_path)
    found = sorted((e.line, e.message) for e in glossary.errors)
    assert found[0][0] == 2 and "lowercase ASCII" in found[0][1]
    assert any(line == 7 and "'explanation'" in msg for line, msg in found)
    assert any(line == 8 and "https://" in msg for line, msg in found)


SAMPLE = """<h2 id="x">Мошенничество и закон</h2>
<p>Это <strong>мошенничество</strong>. Снова мошенничества и <a href="/y">мошенничество</a>.</p>
<p>Дропперу грозит уголовная ответственность. <code>закон</code></p>
<form class="zb-quiz"><fieldset><legend>Закон?</legend><p>Закон</p></fieldset></form>
<p>Нарушение закона.</p>"""


def test_first_use_in_running_text_links_to_a_definition():
    html, used = g.mark_terms(SAMPLE, g.read("ru"), Translator("ru"), "../../glossary/")
    assert used == ["fraud", "money-mule", "criminal-responsibility", "law"]
    # headings, links, code and the quiz are untouched
    assert '<h2 id="x">Мошенничество и закон</h2>' in html
    assert '<a href="/y">мошенничество</a>' in html and "<code>закон</code>" in html
    assert '<legend>Закон?</legend><p>Закон</p>' in html
    # first use only, the word keeps its form, and points at its definition
    assert html.count('class="zb-term"') == 4
    assert ('<strong><a class="zb-term" href="#zb-def-fraud" id="zb-ref-fraud" '
            'aria-describedby="zb-def-fraud-text">мошенничество</a></strong>') in html
    assert ">уголовная ответственность</a>" in html and "Нарушение <a class=\"zb-term\"" in html
    # the definitions, with a way back and to the glossary page
    section = html[html.index('<section class="zb-terms"'):]
    assert '<dt id="zb-def-fraud"><dfn>Мошенничество</dfn></dt>' in section
    assert 'id="zb-def-fraud-text">Когда чужие деньги' in section
    assert 'href="#zb-ref-fraud"' in section and 'href="../../glossary/#fraud"' in section
    ids = re.findall(r'id="([^"]+)"', html)
    assert len(ids) == len(set(ids))


def test_no_terms_no_section():
    html, used = g.mark_terms("<p>Ничего особенного.</p>", g.read("ru"), Translator("ru"), "g/")
    assert used == [] and html == "<p>Ничего особенного.</p>"


def test_glossary_page_lists_every_term_in_alphabetical_order_with_ascii_anchors():
    md = g.page_markdown("kk", Translator("kk"))
    headings = re.findall(r"^## (.+) \{#([a-z0-9-]+)\}$", md, re.M)
    assert len(headings) == len(g.read("kk").terms)
    assert [h[0] for h in headings] == sorted((h[0] for h in headings), key=lambda s: [
        g.ALPHABETS["kk"].index(c) if c in g.ALPHABETS["kk"] else 999 for c in s.lower()])
    assert ("Алаяқтық", "fraud") in headings


@pytest.mark.parametrize("lang", LANGS)
def test_glossary_text_cannot_inject_html(lang, tmp_path, monkeypatch):
    _write(tmp_path, lang, "terms:\n  - id: x\n    term: <b>X</b>\n    explanation: '<script>alert(1)</script> *y*'\n"
                           "    match: [zzz]\n")
    glossary = g.read(lang, tmp_path)
    html, _ = g.mark_terms("<p>zzz</p>", glossary, Translator(lang), "g/")
    assert "<script>" not in html and "&lt;script&gt;" in html and "<b>" not in html
