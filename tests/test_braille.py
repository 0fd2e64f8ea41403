"""The Braille edition: liblouis calls, symbol rules, BRF layout, the built files and pages.

(a) liblouis's own Kazakh and Russian test cases (../shared/liblouis-tests) through the
    project's translation call; (b) the same text through the ``lou_translate`` command;
(c) page geometry and the Kazakh letters in the real built lessons; (d) an untranslatable
character stops the build with file:line.
"""
from __future__ import annotations

import atexit
import datetime as dt
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

from hooks.editions import braille, braille_doc, braille_site
from hooks.content import catalog as catalog_module
from hooks.content.strings import Translator

SHARED = ROOT / ".." / "shared" / "liblouis-tests"
FIXTURES = ROOT / "tests" / "fixtures"
KK_LETTERS = {"ә": "⠜", "ғ": "⠻", "қ": "⠹", "ң": "⠩", "ө": "⠣", "ұ": "⠬", "ү": "⠌", "һ": "⠧", "і": "⠽"}
BRF_CHARS = set(" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_")
# The display tables liblouis's own tests use for these tables (dots out as Unicode braille,
# blank cell as a space); for UEB, plain unicode.dis.
CLI_DISPLAY = {"kk": "unicode-without-blank.dis,ru-unicode.dis", "ru": "unicode-without-blank.dis,ru-unicode.dis",
               "en": "unicode-without-blank.dis"}


# ----- (a) liblouis's reference cases -------------------------------------------------------------
def parse_chars(text: str) -> str:
    """liblouis's escapes in test files (_lou_extParseChars): \\x0009, \\s, \\\\ ..."""
    simple = {"\\": "\\", "e": "\x1b", "f": "\f", "n": "\n", "r": "\r", "s": " ", "t": "\t", "v": "\v"}
    out, i = [], 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            if nxt in simple:
                out.append(simple[nxt])
                i += 2
                continue
            width = {"x": 4, "X": 4, "y": 5, "Y": 5, "z": 8, "Z": 8}.get(nxt)
            digits = text[i + 2: i + 2 + width] if width else ""
            if width and re.fullmatch(r"[0-9a-fA-F]{%d}" % width, digits):
                out.append(chr(int(digits, 16)))
                i += 2 + width
                continue
        out.append(char)
        i += 1
    return "".join(out)


_INLINE = Path(tempfile.mkdtemp(prefix="zb-louis-tables-"))
atexit.register(shutil.rmtree, _INLINE, True)


def _tables(node, counter=[0]) -> list[str]:
    """A display: or table: value: names, a metadata block (its __assert-match), or an
    inline table (written to a file)."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == "__assert-match":
                return value.value.split(",")
        raise ValueError(f"line {node.start_mark.line + 1}: a table query without __assert-match")
    if "\n" in node.value:
        counter[0] += 1
        path = _INLINE / f"inline-{counter[0]}.dis"
        path.write_text(node.value, encoding="utf-8")
        return [str(path)]
    return node.value.split(",")


def reference_cases(name: str) -> list:
    """The cases of a liblouis YAML test file, in order. Its keys repeat (display, table,
    flags, tests ...), so it is read as a node stream, not as a dict."""
    path = SHARED / f"{name}.yaml"
    root = yaml.compose(path.read_text(encoding="utf-8"))
    display = table = None
    mode = "forward"
    out = []
    for key, value in root.value:
        if key.value == "display":
            display = _tables(value)
        elif key.value == "table":
            table = _tables(value)
        elif key.value == "flags":
            mode = {k.value: v.value for k, v in value.value}.get("testmode", "forward")
        elif key.value == "tests":
            for item in value.value:
                fields = item.value
                options = {}
                if len(fields) > 2 and isinstance(fields[2], yaml.MappingNode):
                    options = {k.value: v.value for k, v in fields[2].value}
                case = {"file": f"{name}.yaml", "line": item.start_mark.line + 1, "display": display,
                        "table": table, "mode": mode, "input": parse_chars(fields[0].value),
                        "expected": parse_chars(fields[1].value),
                        "xfail": options.get("xfail") in ("true", "yes", "True")}
                marks = []
                if case["xfail"]:
                    marks.append(pytest.mark.xfail(reason="liblouis marks this case xfail", strict=True))
                out.append(pytest.param(case, id=f"{name}.yaml:{case['line']}", marks=marks))
    return out


def all_reference_cases() -> list:
    if not SHARED.is_dir():
        return [pytest.param(None, id="shared-liblouis-tests-missing")]
    return reference_cases("kk") + reference_cases("ru")


def _unicode_display(case) -> bool:
    names = " ".join(case["display"])
    inline = "".join(Path(n).read_text(encoding="utf-8") for n in case["display"] if Path(n).is_file())
    return "ru-unicode.dis" in names or "ru-unicode.dis" in inline


# Back-translation cases (braille to print) are left out: the Braille edition only translates forward.
@pytest.mark.parametrize("case", [c for c in all_reference_cases()
                                  if c.values[0] is None or c.values[0]["mode"] != "backward"])
def test_liblouis_reference_case(case):
    if case is None:
        pytest.fail(f"{SHARED} is missing: CI has shared/ beside the clone")
    # bothDirections: the forward half (the backward half is back-translation, see above)
    got = braille.translate(case["input"], case["table"], display=case["display"])
    assert got == case["expected"], f"{case['file']}:{case['line']} tables {case['display']} + {case['table']}"


@pytest.mark.parametrize("case", [c for c in all_reference_cases()
                                  if c.values[0] and c.values[0]["mode"] != "backward"
                                  and _unicode_display(c.values[0])])
def test_build_mode_gives_the_reference_dots(case):
    """The build's call (dot patterns, no display table) gives the dots of the cases
    whose display shows Unicode braille: the display table adds nothing but glyphs."""
    got = braille.translate(case["input"], case["table"]).replace(braille.BLANK, " ")
    assert got == case["expected"]


def test_reference_files_are_read():
    if not SHARED.is_dir():
        pytest.fail(f"{SHARED} is missing")
    cases = [p.values[0] for p in all_reference_cases()]
    kk = [c for c in cases if c["file"] == "kk.yaml"]
    assert len(kk) >= 12 and all(c["table"] == ["kk.utb"] for c in kk)
    assert {"ru-litbrl-detailed.utb"} <= {c["table"][0] for c in cases if c["file"] == "ru.yaml"}


# ----- the Kazakh trap ----------------------------------------------------------------------------
def test_plain_kazakh_translation_leaves_print_letters_and_the_check_catches_it():
    lib = braille.louis()
    text = "Әке қасқыр өмір ұлт үй жиһаз ін ғалым көңіл"
    plain = lib.translateString(["unicode.dis", "kk.utb"], text)
    assert "ә" in plain and "қ" in plain            # the trap: print letters in "braille"
    assert any("print character" in p for p in braille.bad_output(plain))
    ours = braille.translate(text, braille.tables_for("kk"))
    assert braille.bad_output(ours) == []
    for letter, cell in KK_LETTERS.items():
        assert cell in ours, letter


def test_untranslatable_characters_are_found():
    tables = braille.tables_for("kk")
    assert braille.undefined_chars("Сілтеме† және ᚠ", tables) == ["†", "ᚠ"]
    assert braille.undefined_chars("Қарапайым мәтін, 50 000.", tables) == []
    assert braille.bad_output("⠁\\x2020\\⠃")[0].startswith("the liblouis escape")
    assert "dots 7-8" in braille.bad_output("⡁")[0]


def test_symbol_rules_replace_by_word_or_drop():
    notes: dict = {}
    assert braille.Rules.for_lang("kk").apply("50 000₸ ⚠ Код 📞️", notes) == "50 000 теңге Назар аударыңыз: Код "
    assert notes["₸ → теңге"] == 1 and any("dropped" in k for k in notes)
    assert braille.Rules.for_lang("ru").apply("100 ₸") == "100 тенге"
    assert braille.Rules.for_lang("en").apply("100 ₸, Law № 5") == "100 tenge, Law No. 5"
    assert braille.Rules.for_lang("kk").apply("№ 200") == "№ 200"    # kk.utb has №


def test_missing_liblouis_says_what_to_install(tmp_path):
    with pytest.raises(braille.BrailleSetupError, match="apt-get install liblouis-bin liblouis-data python3-louis"):
        braille.load_louis(tmp_path / "louis" / "__init__.py")


# ----- BRF -----------------------------------------------------------------------------------------
def test_brf_table_is_north_american_braille_ascii():
    dis = Path("/usr/share/liblouis/tables/en-us-brf.dis").read_text(encoding="utf-8")
    seen = 0
    for line in dis.splitlines():
        m = re.match(r"^display\s+(\S+)\s+(\d+)\s*$", line)
        if m and m.group(2) != "0":
            char = {"\\\\": "\\"}.get(m.group(1), m.group(1))
            assert braille.to_brf(braille.dots_to_cell(m.group(2))) == char
            seen += 1
    assert seen == 63


def test_wrap_breaks_between_words_only():
    words = ["⠁" * n for n in (5, 12, 3, 17, 8, 9, 2, 30, 11)]
    lines = braille.wrap(braille.Cells(words, first=2, rest=0))
    assert all(len(line) <= 40 for line in lines)
    assert [w for line in lines for w in line.split()] == words
    # a word longer than a line with no allowed point: cut as a last resort, with the
    # continuation sign (tests/test_braille_layout.py tests the allowed points)
    long = braille.wrap(braille.Cells(["⠃" * 95], first=0, rest=2))
    assert [len(line) for line in long] == [40, 40, 21] and all(line.endswith("⠐") for line in long[:2])


def test_paginate_numbers_every_page():
    blocks = [braille.Cells(["⠁" * 6] * 20) for _ in range(40)]
    pages = braille.paginate(blocks, lambda n: braille.translate(str(n), braille.tables_for("kk")))
    assert len(pages) > 3
    for n, page in enumerate(pages, 1):
        assert len(page) == 25 and all(len(line) <= 40 for line in page)
        assert page[-1].strip() == braille.translate(str(n), braille.tables_for("kk"))
        assert page[-1].endswith(page[-1].strip()) and len(page[-1]) == 40


# ----- editions of the fixture lessons -----------------------------------------------------------------
@pytest.fixture(scope="module")
def fixture_catalog():
    return catalog_module.build(FIXTURES / "braille" / "docs", dt.date(2026, 11, 21))


@pytest.mark.parametrize("lang,word", [("kk", "теңге"), ("ru", "тенге"), ("en", "tenge")])
def test_fixture_edition(fixture_catalog, lang, word):
    entry = fixture_catalog.get(lang, "fraud/symbols.md")
    errors: list = []
    edition = braille_site.make_edition(entry, fixture_catalog.docs_dir, errors)
    assert errors == [] and edition is not None
    assert any(word in k for k in edition.notes)                       # ₸ replaced by rule
    assert any("dropped" in k for k in edition.notes)                  # 📞 dropped by rule
    tables = braille.tables_for(lang)
    assert braille.translate(word, tables) in "".join(line.replace(" ", "⠀") for p in edition.pages for line in p)
    # the answer key is alone on the last page(s), after the questions
    answers = braille.translate(Translator(lang).t("braille.answers"), tables)
    first_key_page = next(i for i, p in enumerate(edition.pages) if answers in p[0].replace(" ", "⠀"))
    assert first_key_page == len(edition.pages) - 1 and first_key_page > 0
    key = edition.pages[-1]
    assert braille.translate("1.", tables) in key[2].replace(" ", "⠀")   # heading, blank line, answers
    brf = edition.brf().decode("ascii")
    assert brf.count("\f") == len(edition.pages)


def test_quiz_blocks(fixture_catalog):
    entry = fixture_catalog.get("kk", "fraud/symbols.md")
    blocks = braille_doc.lesson_blocks(entry.meta, entry.src.body, entry.path, entry.src.body_line, "kk")
    texts = [(b.style, b.text) for b in blocks]
    assert ("question", "1. Банк қызметкері кодты сұрай ма?") in texts
    assert ("option", "ә) Жоқ, ешқашан.") in texts
    assert ("answer", "1. ә. Банк кодты ешқашан сұрамайды.") in texts
    assert ("answer", "2. а, ә.") in texts
    assert ("answer", "3. Иә. Қылмыстық кодекстің 232-1-бабы.") in texts
    assert ("row", "Алаяқ не дейді: «Кодты айтыңыз»") in texts
    assert ("cell", "Шын мәнінде: Банк кодты сұрамайды.") in texts
    assert ("item", "1. Қоңырауды үзіңіз.") in texts
    assert any(s == "para" and "adilet.zan.kz сайтында" in t and "https" not in t for s, t in texts)
    assert [b for b in blocks if b.page_before][0].text == "Тест жауаптары"


def test_preview_of_an_untranslated_lesson(fixture_catalog):
    """A lesson missing in Russian is published there in Kazakh: the preview says so in Russian
    and offers the Kazakh files."""
    edition = braille_site.make_edition(fixture_catalog.get("kk", "fraud/symbols.md"), fixture_catalog.docs_dir, [])
    page = braille_site.preview_markdown(edition, "ru", 2000, 5000)
    assert Translator("ru").t("braille.fallback", shown=Translator("ru").t("lang.kk")) in page
    assert 'href="symbols.kk.brf"' in page and "2,0 КБ" in page and "4,9 КБ" in page
    assert '<div class="zb-braille__cells" aria-hidden="true" lang="kk"' in page
    assert page.startswith("---\ntitle: ")


def test_cache_skips_translation(fixture_catalog, tmp_path, monkeypatch):
    monkeypatch.setattr(braille_site, "CACHE", tmp_path)
    monkeypatch.setattr(braille_site, "_EDITIONS", {})
    entry = fixture_catalog.get("kk", "fraud/symbols.md")
    first = braille_site.make_edition(entry, fixture_catalog.docs_dir, [])
    assert len(list(tmp_path.glob("*.json"))) == 1
    monkeypatch.setattr(braille_site, "_EDITIONS", {})

    def no_translation(*args, **kwargs):
        raise AssertionError("an unchanged lesson was translated again")

    monkeypatch.setattr(braille, "translate", no_translation)
    again = braille_site.make_edition(entry, fixture_catalog.docs_dir, [])
    assert again == first


# ----- (b) the lou_translate command gives the same dots --------------------------------------------------
@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_lou_translate_gives_the_same_dots(lang):
    if shutil.which("lou_translate") is None:
        pytest.fail("lou_translate is missing: sudo apt-get install liblouis-bin")
    catalog = catalog_module.build(ROOT / "docs", dt.date(2026, 11, 21))
    entries = [e for e in catalog.entries.values() if e.kind == "lesson" and e.lang == lang]
    if not entries:
        catalog = catalog_module.build(FIXTURES / "braille" / "docs", dt.date(2026, 11, 21))
        entries = [e for e in catalog.entries.values() if e.kind == "lesson" and e.lang == lang]
    rules = braille.Rules.for_lang(lang)
    texts = []
    for entry in entries:
        # the lesson model's quizzes: a translation's carry the original's answers
        blocks = braille_doc.lesson_blocks(entry.meta, entry.src.body, entry.path, entry.src.body_line, lang,
                                           quizzes=entry.quizzes)
        assert entry.quizzes is None or len(entry.quizzes) == entry.src.body.count("```quiz")
        texts += [rules.apply(b.text) for b in blocks]
    tables = braille.tables_for(lang)
    proc = subprocess.run(["lou_translate", "--forward", CLI_DISPLAY[lang] + "," + ",".join(tables)],
                          input="\n".join(texts) + "\n", capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    cli = proc.stdout.split("\n")[: len(texts)]
    assert len(cli) == len(texts)
    for text, line in zip(texts, cli):
        assert braille.translate(text, tables).replace(braille.BLANK, " ") == line, text


# ----- (c) the built site ---------------------------------------------------------------------------------
def _brf_pages(path: Path) -> list[list[str]]:
    data = path.read_bytes().decode("ascii")
    pages = []
    for page in data.split("\f"):
        assert page.endswith("\r\n"), f"{path}: a page must end with CR LF"
        pages.append(page[:-2].split("\r\n"))
    return pages


def _number(line: str) -> int:
    """The page number in Braille ASCII: # and the letters A-J as digits 1-9, 0."""
    m = re.fullmatch(r" +#([A-J]+)", line)
    assert m, f"no braille page number at the right of the last line: {line!r}"
    return int("".join("1234567890"["ABCDEFGHIJ".index(c)] for c in m.group(1)))


def _lessons(site: Path) -> list[Path]:
    return sorted(site.rglob("*.braille/*.brf"))


def test_every_lesson_has_braille_in_every_language(built_site):
    catalog = catalog_module.build(ROOT / "docs", dt.date(2026, 11, 21))
    for lesson_id in catalog.lesson_ids():
        for lang in catalog_module.LANGS:
            entry = catalog.best(lesson_id, lang)
            prefix = "" if lang == "kk" else f"{lang}/"
            folder = built_site / f"{prefix}{entry.rel.removesuffix('.md')}.braille"
            slug = entry.slug
            assert (folder / "index.html").is_file()
            assert (folder / f"{slug}.{entry.lang}.brf").is_file()
            assert (folder / f"{slug}.{entry.lang}.txt").is_file()


def test_brf_geometry(built_site):
    files = _lessons(built_site)
    assert len(files) >= 3
    for path in files:
        pages = _brf_pages(path)
        assert len(pages) >= 2, path
        for n, page in enumerate(pages):
            assert len(page) <= 25, f"{path}: page {n} has {len(page)} lines"
            for line in page:
                assert len(line) <= 40, f"{path}: page {n}: line of {len(line)} cells"
                assert set(line) <= BRF_CHARS, f"{path}: not Braille ASCII: {set(line) - BRF_CHARS}"
            if n:  # the title page has no number; page n carries n on line 25
                assert len(page) == 25 and _number(page[-1]) == n, f"{path}: page {n}"


def test_txt_is_the_same_braille(built_site):
    for path in _lessons(built_site):
        raw = path.with_suffix(".txt").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), "the TXT starts with a UTF-8 byte order mark"
        txt = raw.decode("utf-8-sig")
        assert re.fullmatch(r"[\u2800-\u283f\n\f]*", txt), f"{path.with_suffix('.txt')}: not only six-dot braille"
        as_brf = "\f".join("\r\n".join(braille.to_brf(line.replace(braille.BLANK, " ").rstrip())
                                       for line in page[:-1].split("\n")) + "\r\n"
                           for page in txt.split("\f"))
        as_brf = re.sub(r" +\r\n", "\r\n", as_brf)
        assert as_brf == re.sub(r" +\r\n", "\r\n", path.read_bytes().decode("ascii")), path


def test_kazakh_letters_have_their_cells(built_site):
    catalog = catalog_module.build(ROOT / "docs", dt.date(2026, 11, 21))
    checked = set()
    for entry in catalog.entries.values():
        if entry.kind != "lesson" or entry.lang != "kk" or entry.meta.get("withdrawn"):  # withdrawn: not built
            continue
        txt = (built_site / f"{entry.rel.removesuffix('.md')}.braille" / f"{entry.slug}.kk.txt").read_text(
            encoding="utf-8-sig")
        source = (entry.title + entry.src.body).lower()
        for letter, cell in KK_LETTERS.items():
            if letter in source:
                assert cell in txt, f"{entry.path} has {letter} but its braille has no {cell}"
                checked.add(letter)
        # every word with a Kazakh letter in the edition's text is in the braille, as liblouis writes it
        blocks = braille_doc.lesson_blocks(entry.meta, entry.src.body, entry.path, entry.src.body_line, "kk")
        text = " ".join(b.text for b in blocks).lower()
        # a word divided at the end of a line (at a syllable, with the hyphen) is read whole, also
        # across the page number line and the page break
        hyphen = braille.cells_of(braille.DIVISION["word_marker"])
        number_line = f"(?:{braille.BLANK}{{5,}}{braille.NUMBER_SIGN}[^\n]*\n)?"
        divided = f"{hyphen}\n\f?{number_line}\f?{braille.BLANK}*"
        flat = re.sub(divided, "", txt).replace("\n", "")
        for word in sorted(set(re.findall(r"[а-яёәғқңөұүһі]*[әғқңөұүһі][а-яёәғқңөұүһі]*", text))):
            assert braille.translate(word, braille.tables_for("kk")) in flat, word
    assert len(checked) >= 8, checked


def test_open_questions_are_in_the_braille_with_a_note_and_their_model_answer_in_the_key(built_site):
    catalog = catalog_module.build(ROOT / "docs", dt.date(2026, 11, 21))
    seen = []
    for entry in catalog.entries.values():
        opens = [q for one in entry.quizzes or [] for q in one.questions if q.type == "open"]
        if entry.kind != "lesson" or entry.meta.get("withdrawn") or not opens:
            continue
        hint = Translator(entry.lang).t("braille.quiz_open")
        blocks = braille_doc.lesson_blocks(entry.meta, entry.src.body, entry.path, entry.src.body_line, entry.lang,
                                           quizzes=entry.quizzes)
        questions = [b.text for b in blocks if b.style == "question"]
        answers = [b.text for b in blocks if b.style == "answer"]
        prefix = "" if entry.lang == "kk" else f"{entry.lang}/"
        txt = (built_site / f"{prefix}{entry.rel.removesuffix('.md')}.braille" / f"{entry.slug}.{entry.lang}.txt"
               ).read_text(encoding="utf-8-sig")
        hyphen = braille.cells_of(braille.DIVISION["word_marker"])
        number_line = f"(?:{braille.BLANK}{{5,}}{braille.NUMBER_SIGN}[^\n]*\n)?"
        flat = re.sub(f"{hyphen}\n\f?{number_line}\f?{braille.BLANK}*", "", txt).replace("\n", "")
        for q in opens:
            prompt = braille_doc.inline_text(q.text)
            (asked,) = [text for text in questions if text.endswith(f" {prompt} {hint}")]
            number = asked.split(".")[0]
            model = braille_doc.inline_text(q.model_answer)
            assert f"{number}. {model}" in answers, (entry.path, q.id)
            # the prompt's words and the note are in the embossed text, as liblouis writes them
            for word in re.findall(r"[^\W\d_]{4,}", f"{prompt} {hint}"):
                assert braille.translate(word, braille.tables_for(entry.lang)) in flat, (entry.path, word)
            seen.append((entry.lang, entry.slug))
    assert {(lang, slug) for lang in ("kk", "ru", "en")
            for slug in ("droppers", "bullying", "rights-and-responsibility")} <= set(seen)


def test_preview_page(built_site):
    for lang, prefix in (("kk", ""), ("ru", "ru/"), ("en", "en/")):
        from hooks.content.strings import Translator
        t = Translator(lang)
        for folder in sorted((built_site / prefix).glob("*/*.braille")):
            page = (folder / "index.html").read_text(encoding="utf-8")
            assert f'<html lang="{lang}"' in page
            assert "<details" in page and 'aria-hidden="true"' in page
            hidden = page.split('aria-hidden="true"', 1)[1]
            assert re.search(r"[\u2800-\u283f]", hidden)
            assert t.t("braille.downloads") in page
            for ext in ("brf", "txt"):
                link = re.search(r'<a href="([^"]+\.' + ext + r')" download', page)
                assert link and (folder / link.group(1)).is_file()
                size = (folder / link.group(1)).stat().st_size
                shown = re.search(re.escape(link.group(1)) + r", ([\d,.]+) (КБ|KB)\)", page)
                assert shown, f"{folder}: no size for {link.group(1)}"
                assert abs(float(shown.group(1).replace(",", ".")) * 1024 - size) <= 52
            assert 'aria-current="page"' in page and t.t("variant.braille") in page
            assert "assets/stylesheets/braille.css" in page


def test_lesson_links_to_its_braille_page(built_site):
    page = (built_site / "fraud" / "phone-scams" / "index.html")
    if not page.is_file():
        pytest.skip("the lesson fraud/phone-scams is not written yet")
    html = page.read_text(encoding="utf-8")
    assert 'href="../phone-scams.braille/"' in html


def test_braille_pages_are_not_in_the_nav(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert ".braille/" not in html.split('class="md-content"')[0]


# ----- (d) an untranslatable character stops the build ----------------------------------------------------
def test_untranslatable_character_fails_the_build(tmp_path):
    from conftest import fixture_site, minimal_pages, mkdocs_build

    files = minimal_pages()
    source = FIXTURES / "braille-untranslatable" / "docs"
    for path in source.rglob("*.md"):
        files[path.relative_to(source).as_posix()] = path.read_text(encoding="utf-8")
    config = fixture_site(tmp_path, files)
    proc = mkdocs_build(tmp_path / "site", config=config, strict=False)
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "docs/kk/fraud/dagger.md:23: '†' (U+2020 DAGGER) has no braille form in the table kk.utb" in out
    assert "hooks/data/braille.yml" in out
    assert "Traceback" not in out


def test_build_without_liblouis_says_what_to_install(tmp_path, monkeypatch):
    from conftest import mkdocs_build

    monkeypatch.setenv("ZB_LOUIS_MODULE", str(tmp_path / "no-louis" / "__init__.py"))
    proc = mkdocs_build(tmp_path / "site", strict=False)
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "apt-get install liblouis-bin liblouis-data python3-louis" in out and "Traceback" not in out
