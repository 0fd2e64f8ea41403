"""Braille line and page breaks (issue 20): words divided only at allowed points with the
documented marker, numbers never parted from their sign, headings kept with what follows,
questions kept with their options, a contents page, the transcriber's notes, Kazakh words
in Russian text marked, capital І.

``audit`` lays a lesson out again with the build's own functions, checks that this is the
edition the build made, and lists every fault; it runs on the fixture lessons (long web
addresses, numbers at the margin, headings near the page foot, six-option questions) and
on every Braille edition of the real site.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import ROOT

from hooks.editions import braille, braille_doc, braille_site
from hooks.content import helplines
from hooks.content import catalog as catalog_module
from hooks.content.strings import Translator

FIXTURES = ROOT / "tests" / "fixtures" / "braille" / "docs"
MARKERS = {braille.cells_of(braille.DIVISION["word_marker"]), braille.cells_of(braille.DIVISION["address_marker"])}


def audit(entry, docs_dir: Path) -> tuple[list[str], dict]:
    """Faults of the Braille edition of ``entry`` and what was checked."""
    lang = entry.lang
    errors: list = []
    edition = braille_site.make_edition(entry, docs_dir, errors)
    assert edition is not None and not errors, [e.format() for e in errors]
    tables = braille.tables_for(lang)
    rules = braille.Rules.for_lang(lang)
    blocks = braille_doc.lesson_blocks(entry.meta, helplines.plain(entry.src.body, lang), entry.path,
                                       entry.src.body_line, lang, quizzes=entry.quizzes or [])
    cells = [braille_site._cells(b, tables, rules, {}, [], lang) for b in blocks]
    front = len(edition.pages) - len(braille.paginate(cells, lambda n: "⠼⠁"))
    placed: list = []
    number = lambda n: braille.translate(str(n), tables).replace(braille.BLANK, " ")  # noqa: E731
    pages = braille.paginate(cells, number, first_number=front + 1, placed=placed)
    assert pages == edition.pages[front:], f"{entry.path}: the audit does not lay out the edition the build made"
    faults: list[str] = []
    seen = {"divided": 0, "headings": 0, "questions": 0}

    # 1. words: every word is whole on a line, or divided at one of its allowed points with its marker
    words = [w for c in cells for w in c.words]
    by_cells = {str(w): w for w in words}
    heads = {}
    for w in words:
        for offset, marker in w.breaks:
            heads.setdefault(w[:offset] + marker, []).append(w)
    carry = None
    for page_no, page in enumerate(edition.pages, 1):
        if page_no <= front:
            continue
        for line in page[:-1]:
            tokens = line.split()
            if not tokens:
                continue
            if tokens[-1].endswith(braille.NUMBER_SIGN):
                faults.append(f"page {page_no}: a line ends with the number sign: {line.strip()}")
            if carry is not None:
                tokens[0] = carry + tokens[0]
                carry = None
            last = tokens[-1]
            if last not in by_cells and last in heads:
                seen["divided"] += 1
                marker = next(m for w in heads[last] for o, m in w.breaks if w[:o] + m == last)
                carry = last[: len(last) - len(marker)]
                tokens.pop()
            for token in tokens:
                if token not in by_cells:
                    faults.append(f"page {page_no}: a word is cut where no rule allows it: {token}")
    if carry is not None:
        faults.append(f"a divided word does not go on: {carry}")
    numeric = braille._DIGIT_CELLS | {"⠂", "⠲", "⠐"}
    for w in words:  # no allowed point inside a number (after its sign, between digits)
        for offset, _ in w.breaks:
            sign = w.rfind(braille.NUMBER_SIGN, 0, offset)
            if sign >= 0 and all(c in numeric for c in w[sign + 1: offset]) and w[offset] in braille._DIGIT_CELLS:
                faults.append(f"a number can be divided: {w}")

    # 2. headings keep two lines of what follows (or all of a question); questions keep their options
    where: dict = {}
    for i, page_index, line_index in placed:
        where.setdefault(i, []).append((page_index, line_index))
    for i, block in enumerate(blocks):
        if braille_doc.STYLES[block.style][4] and i + 1 < len(blocks) and not blocks[i + 1].page_before:
            seen["headings"] += 1
            last_page = where[i][-1][0]
            following = [p for p, _ in where[i + 1]]
            needed = len(following) if blocks[i + 1].group else min(2, len(following))
            if sum(1 for p in following if p == last_page) < needed:
                faults.append(f"heading orphaned at the foot of page {front + last_page + 1}: {block.text}")
        if block.style == "question":
            seen["questions"] += 1
            group = [j for j, b in enumerate(blocks) if b.group == block.group]
            pages_used = {p for j in group for p, _ in where[j]}
            if len(pages_used) > 1:
                faults.append(f"question separated from its options: {block.text}")

    # 3. a contents page, first after the title page, with the headings' pages
    t = Translator(lang)
    contents = braille.translate(t.t("braille.contents"), tables)
    if not edition.pages or contents not in edition.pages[0][0].replace(" ", braille.BLANK):
        faults.append("no contents page")
    # 4. the code name on the title page
    code = braille.translate(braille.CONFIG["code_names"][lang], tables).replace(braille.BLANK, " ").split()[0]
    if code not in " ".join(edition.title_page):
        faults.append("no braille code name on the title page")
    return faults, seen


@pytest.fixture(scope="module")
def fixture_catalog():
    return catalog_module.build(FIXTURES, dt.date(2026, 11, 21))


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_fixture_layout_has_no_faults(fixture_catalog, lang):
    entry = fixture_catalog.get(lang, "fraud/layout.md")
    faults, seen = audit(entry, fixture_catalog.docs_dir)
    assert faults == []
    assert seen["divided"] >= 2          # the long addresses were divided
    assert seen["questions"] == 2 and seen["headings"] >= 4


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_fixture_needs_the_keep_rules(fixture_catalog, lang):
    """Without keep-with-next and question groups the fixture would orphan a heading or
    part a question from its options: the fixture really tests the rules."""
    entry = fixture_catalog.get(lang, "fraud/layout.md")
    tables = braille.tables_for(lang)
    blocks = braille_doc.lesson_blocks(entry.meta, helplines.plain(entry.src.body, lang), entry.path,
                                       entry.src.body_line, lang, quizzes=entry.quizzes or [])
    cells = [braille_site._cells(b, tables, braille.Rules.for_lang(lang), {}, [], lang) for b in blocks]
    bad_breaks = 0
    for shift in range(0, 12):
        loose = [braille.Cells(c.words, c.first, c.rest, c.center, c.blank_before) for c in cells]
        placed: list = []
        braille.paginate([braille.Cells([braille.Word("⠁")])] * shift + loose, lambda n: "⠼⠁", placed=placed)
        where: dict = {}
        for i, p, _ in placed:
            where.setdefault(i - shift, set()).add(p)
        for i, b in enumerate(blocks):
            if b.style == "question":
                group = [j for j, x in enumerate(blocks) if x.group == b.group]
                if len(set().union(*(where[j] for j in group))) > 1:
                    bad_breaks += 1
            if b.style in ("h2", "h3") and i + 1 < len(blocks) and max(where[i]) < max(where[i + 1]) \
                    and min(where[i + 1]) > max(where[i]):
                bad_breaks += 1
    assert bad_breaks > 0


def test_hyphenation_points():
    # liblouis with Debian's hyph_ru.dic: вы-мо-га-тель-ство, never «вымогательс|тво»
    points = braille.hyphenation_points("вымогательство", "ru")
    assert 10 in points and 11 not in points
    assert braille.hyphenation_points("әділеттілік", "kk") == (3, 6, 8)        # әді-лет-ті-лік
    assert braille.hyphenation_points("қылмыстық", "kk") == (3, 6)            # қыл-мыс-тық
    assert braille.hyphenation_points("ауылдағы", "kk") == (4, 6)             # (а)уыл-да-ғы
    assert 2 in braille.hyphenation_points("information", "en")               # in-for-ma-tion


@pytest.mark.parametrize("lang,text", [
    ("ru", "См. https://adilet.zan.kz/rus/docs/K1400000226_/links/statya-190-moshennichestvo сегодня."),
    ("kk", "Қара: https://www.gov.kz/memleket/entities/qriim/press/news/details/1234567?lang=kk бүгін."),
    ("en", "See https://adilet.zan.kz/eng/docs/K1400000226_/links/article-190-fraud-and-extortion today."),
])
def test_long_address_is_divided_after_a_separator_with_the_continuation_sign(lang, text):
    tables = braille.tables_for(lang)
    cells, positions = braille.translate_positions(text, tables)
    words = braille.braille_words(cells, positions, text, lang)
    address = max(words, key=len)
    assert len(address) > 40
    lines = braille.wrap(braille.Cells(words, first=2))
    assert all(len(line) <= 40 for line in lines)
    cont = braille.cells_of(braille.DIVISION["address_marker"])
    pieces = [line.split()[-1] for line in lines if line.split()[-1].endswith(cont)]
    assert pieces
    # the heads (without the sign) and the last piece give back the address, and every cut
    # is after the braille of / . or -
    rebuilt = "".join(p[: -len(cont)] for p in pieces)
    assert address.startswith(rebuilt)
    separators = {braille.translate(c, tables)[-1] for c in "/.-"} | {braille.translate("a" + c + "b", tables)[-2]
                                                                     for c in "/.-"}
    for piece in pieces:
        assert piece[-len(cont) - 1] in separators, piece


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_numbers_at_the_margin_stay_whole(lang):
    tables = braille.tables_for(lang)
    for pad in range(0, 40):
        text = "ab " * (pad // 3) + "a" * (pad % 3) + " 1234567890123, 98765432109876, 8-800-080-7777, 5555555555"
        if lang != "en":
            text = text.replace("a", "а").replace("b", "б")
        cells, positions = braille.translate_positions(text, tables)
        words = braille.braille_words(cells, positions, text, lang)
        for line in braille.wrap(braille.Cells(words, first=2)):
            assert not line.endswith(braille.NUMBER_SIGN)
            first = line.split()[0]
            assert first[0] not in braille._DIGIT_CELLS or first in [str(w) for w in words], line


def test_a_word_without_allowed_points_is_cut_only_as_a_last_resort_keeping_numbers_whole():
    words = ["⠁" * n for n in (5, 12, 3, 17, 8, 9, 2, 30, 11)]
    lines = braille.wrap(braille.Cells(words, first=2, rest=0))
    assert [w for line in lines for w in line.split()] == words
    digits = braille.Word("⠁" * 30 + "⠼" + "⠁⠃⠉" * 5)
    for line in braille.wrap(braille.Cells([digits], first=0)):
        assert len(line) <= 40 and not line.endswith("⠼⠐")


def test_capital_kazakh_i_in_russian_and_kazakh_text():
    ru = braille.tables_for("ru")
    assert braille.translate("Іс", ru) == "⠘⠽⠎"          # capital sign + Kazakh і (not Ukrainian ⠊⠌)
    assert braille.translate("ІІМ", ru) == "⠘⠘⠽⠽⠍"
    assert braille.translate("Ішкі", braille.tables_for("kk")) == "⠽⠱⠅⠽"


def test_kazakh_words_in_russian_text_are_marked():
    text = "Акция «Тәртіпті өзіңнен баста!» и (Әділет) в Казахстане."
    tables = braille.tables_for("ru")
    cells, positions = braille.translate_positions(text, tables)
    marked, _, count = braille.mark_kazakh_words(cells, positions, text, "ru")
    mark = braille.cells_of(braille.CONFIG["kazakh_words"]["ru"]["indicator"])
    assert count == 3
    assert mark + braille.translate("Тәртіпті", tables) in marked
    assert mark + braille.translate("өзіңнен", tables) in marked
    # (Әділет): ( then the indicator, the word, the indicator again before ) so ⠜ is not read as ә
    assert "⠣" + mark + braille.translate("Әділет", tables) + mark + "⠜" in marked
    assert braille.translate("Казахстане", tables) in marked
    assert mark + braille.translate("Казахстане", tables) not in marked
    # Kazakh text needs no indicator
    kk = braille.tables_for("kk")
    plain, _, none = braille.mark_kazakh_words(braille.translate("Әділет", kk), [0] * 6, "Әділет", "kk")
    assert none == 0 and mark not in plain


def test_english_bold_and_italic_are_marked_kazakh_bold_is_not(fixture_catalog):
    blocks = braille_doc.lesson_blocks(*_args(fixture_catalog, "en"))
    para = next(b for b in blocks if "money mule" in b.text)
    assert [s[2] for s in para.emphasis] == ["bold", "italic"]
    tables = braille.tables_for("en")
    cells = braille_site._cells(para, tables, braille.Rules.for_lang("en"), {}, [], "en")
    text = "".join(cells.words)
    assert "⠘⠂" in text or "⠘⠆" in text               # UEB bold word or passage indicator
    assert "⠨⠂" in text or "⠨⠆" in text               # UEB italic word or passage indicator
    # Kazakh: the bold span is dropped (kk.utb's bold indicator would be the cell of ғ)
    kk = braille_doc.Block("Банк кодты сұрамайды.", emphasis=[[5, 10, "bold"]])
    kk_cells = braille_site._cells(kk, braille.tables_for("kk"), braille.Rules.for_lang("kk"), {}, [], "kk")
    assert " ".join(kk_cells.words) == braille.translate(kk.text, braille.tables_for("kk")).replace("⠀", " ")


def _args(catalog, lang):
    entry = catalog.get(lang, "fraud/layout.md")
    return (entry.meta, helplines.plain(entry.src.body, lang), entry.path, entry.src.body_line, lang, None,
            entry.quizzes or [])


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_transcribers_notes_page_in_the_readers_language(fixture_catalog, lang):
    entry = fixture_catalog.get(lang, "fraud/symbols.md")
    edition = braille_site.make_edition(entry, fixture_catalog.docs_dir, [])
    tables = braille.tables_for(lang)
    t = Translator(lang)
    heading = braille.translate(t.t("braille.note_heading"), tables)
    note = next(p for p in edition.pages if heading in p[0].replace(" ", braille.BLANK))
    flat = " ".join(note)
    for sign in MARKERS:
        assert any(line.strip().startswith(sign + " ") for line in note), sign
    kazakh = braille.cells_of(braille.CONFIG["kazakh_words"]["ru"]["indicator"])
    assert any(line.startswith(kazakh + " ") for line in note) == (lang == "ru")   # «Әділет» in the ru lesson
    assert braille.translate(t.t("braille.note_hyphen").split()[0], tables).replace("⠀", " ") in flat


def test_every_edition_of_the_real_site(built_site):
    """Every Braille edition the build wrote: the same layout as the audit's, and no faults."""
    catalog = catalog_module.build(ROOT / "docs", dt.date(2026, 11, 21))
    checked = 0
    for entry in catalog.entries.values():
        if entry.kind != "lesson" or catalog.is_withdrawn(entry.lang, entry.rel):   # withdrawn: not built
            continue
        faults, seen = audit(entry, catalog.docs_dir)
        assert faults == [], f"{entry.path}: {faults}"
        prefix = "" if entry.lang == "kk" else f"{entry.lang}/"
        edition = braille_site.make_edition(entry, catalog.docs_dir, [])
        brf = built_site / f"{prefix}{entry.rel.removesuffix('.md')}.braille" / edition.file_name("brf")
        assert brf.read_bytes() == edition.brf(), f"{brf} is not the audited edition"
        checked += 1
    assert checked >= 12
