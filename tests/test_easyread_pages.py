"""Easy-read editions, the variant switcher, glossary definitions and the glossary page on
the real built site (fixture ``built_site`` in conftest.py), plus keyboard use in Chromium."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT
from hooks.content import catalog as catalog_module
from hooks.content import glossary
from hooks.site.pages import url_of

CATALOG = catalog_module.build(ROOT / "docs", dt.date(2026, 11, 22))
LANGS = ["kk", "ru", "en"]
# Published lessons only: a withdrawn lesson (``withdrawn:`` in its Kazakh original) is not built.
LESSONS = [e.rel for e in CATALOG.entries.values()
           if e.kind == "lesson" and e.lang == "kk" and not CATALOG.is_withdrawn("kk", e.rel)]
VARIANT_LABELS = {
    "kk": ["Негізгі мәтін", "Жеңіл оқу", "Брайль"],
    "ru": ["Основной текст", "Лёгкое чтение", "Брайль"],
    "en": ["Standard", "Easy read", "Braille"],
}


def soup_of(site: Path, url: str) -> BeautifulSoup:
    path = site / url / "index.html"
    assert path.is_file(), f"missing page /{url}"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def resolves(site: Path, here: str, href: str) -> str:
    """Site path a relative link leads to; asserts the page is there."""
    target = urlsplit(urljoin("/" + here, href)).path.lstrip("/")
    assert (site / target / "index.html").is_file() or (site / target).is_file(), f"/{here} -> {href}: no page"
    return target


def variants_of(rel: str) -> list[str]:
    base = rel.removesuffix(".md")
    return [f"{base}.md", f"{base}.easy.md", f"{base}.braille.md"]


@pytest.mark.parametrize("lang", LANGS)
def test_every_lesson_has_an_easy_read_page_outside_the_menu(built_site, lang):
    for rel in LESSONS:
        easy_rel = rel.replace(".md", ".easy.md")
        url = url_of(lang, easy_rel)
        assert url.endswith(".easy/")
        soup = soup_of(built_site, url)
        assert soup.html["lang"] == lang
    # No menu of any page of this language lists an easy-read edition.
    for rel in LESSONS + ["index.md"]:
        soup = soup_of(built_site, url_of(lang, rel))
        menu = [a.get("href", "") for a in soup.select(".md-nav a.md-nav__link")]
        assert menu, rel
        assert not [href for href in menu if ".easy/" in href], (lang, rel)
        footer = [a.get("href", "") for a in soup.select("a.md-footer__link")]
        assert not [href for href in footer if ".easy/" in href], (lang, rel)


@pytest.mark.parametrize("lang", LANGS)
def test_variant_switcher_reaches_all_three_variants_with_correct_languages(built_site, lang):
    for rel in LESSONS:
        for current in variants_of(rel):
            here = url_of(lang, current)
            soup = soup_of(built_site, here)
            assert soup.html["lang"] == lang, here
            switcher = soup.select_one("nav.zb-variants")
            assert switcher is not None, here
            assert switcher["aria-label"] == {"kk": "Сабақтың нұсқалары", "ru": "Варианты урока",
                                              "en": "Versions of this lesson"}[lang]
            links = switcher.select("a")
            assert [a.get_text(strip=True) for a in links] == VARIANT_LABELS[lang], here
            targets = [resolves(built_site, here, a["href"]) for a in links]
            assert targets == [url_of(lang, v) for v in variants_of(rel)], here
            currents = [a for a in links if a.get("aria-current") == "page"]
            assert len(currents) == 1 and resolves(built_site, here, currents[0]["href"]) == here
            # the text is marked with the language it is really written in
            source = current if not current.endswith(".braille.md") else rel
            expected = lang if CATALOG.get(lang, source) else "kk"
            assert soup.select_one(".zb-text")["lang"] == expected, here


@pytest.mark.parametrize("lang", LANGS)
def test_editors_page_shows_easy_read_status_and_readability(built_site, lang):
    soup = soup_of(built_site, url_of(lang, "editors.md"))
    section = soup.select_one("section.zb-readability")
    assert section is not None
    groups = section.select("tbody")
    assert len(groups) == len(CATALOG.lesson_ids())
    for group, lesson_id in zip(groups, CATALOG.lesson_ids()):
        assert lesson_id in group.select_one("th[scope=rowgroup]").get_text()
        assert [th.get_text(strip=True) for th in group.select("th[scope=row]")] == LANGS
        for row, row_lang in zip(group.select("tr"), LANGS):
            cells = row.select("td")
            assert len(cells) == 2
            has_easy = CATALOG.easy(lesson_id, row_lang) is not None
            assert re.search(r"\d+\.\d", cells[1].get_text()) if has_easy else True
    missing = [(i, lang_) for i in CATALOG.lesson_ids() for lang_ in LANGS if CATALOG.easy(i, lang_) is None]
    items = section.select("ul li")
    assert len(items) == len({i for i, _ in missing})
    # the status table's easy-read column agrees with the files
    status = soup.select_one("section.zb-status")
    for row, lesson_id in zip(status.select("tbody tr"), CATALOG.lesson_ids()):
        for cell, cell_lang in zip(row.select("td"), LANGS):
            yes = {"kk": "бар", "ru": "есть", "en": "yes"}[lang]
            no = {"kk": "жоқ", "ru": "нет", "en": "no"}[lang]
            easy_line = cell.get_text("\n").split("\n")[1]
            expected = yes if CATALOG.easy(lesson_id, cell_lang) else no
            assert easy_line.strip().endswith(expected), (lesson_id, cell_lang, easy_line)


@pytest.mark.parametrize("lang", LANGS)
def test_glossary_page_lists_every_term_with_its_anchor_and_is_in_the_menu(built_site, lang):
    here = url_of(lang, "glossary.md")
    soup = soup_of(built_site, here)
    assert soup.html["lang"] == lang
    assert soup.select_one(".zb-text")["lang"] == lang
    ids = {h["id"] for h in soup.select(".zb-text h2[id]")}
    assert ids == {t.id for t in glossary.read(lang).terms}
    home = soup_of(built_site, url_of(lang, "index.md"))
    menu = {resolves(built_site, url_of(lang, "index.md"), a["href"]) for a in home.select(".md-nav a.md-nav__link")}
    assert here in menu


@pytest.mark.parametrize("lang", LANGS)
def test_lesson_definitions_are_linked_and_described(built_site, lang):
    total = 0
    ids_on = {}  # glossary page -> its ids (each page parsed once, not once per term)
    for rel in LESSONS:
        for variant in (rel, rel.replace(".md", ".easy.md")):
            here = url_of(lang, variant)
            soup = soup_of(built_site, here)
            terms = soup.select(".zb-text a.zb-term")
            total += len(terms)
            ids = {el["id"] for el in soup.select("[id]")}
            seen = set()
            for a in terms:
                assert a.find_parent(["h1", "h2", "h3", "h4", "h5", "h6", "form", "nav"]) is None
                assert a["href"].startswith("#") and a["href"][1:] in ids
                assert a["aria-describedby"] in ids
                term_id = a["href"].removeprefix("#zb-def-")
                assert term_id not in seen, f"{here}: {term_id} linked twice"
                seen.add(term_id)
                dd = soup.find(id=a["href"][1:]).find_next_sibling("dd")
                back = dd.select_one(f'a[href="#{a["id"]}"]')
                assert back is not None
                to_glossary = [x["href"] for x in dd.select("a") if "#" in x["href"] and "glossary" in x["href"]]
                assert to_glossary and to_glossary[0].endswith("#" + term_id)
                target = resolves(built_site, here, to_glossary[0].split("#")[0]).removesuffix("index.html")
                if target not in ids_on:
                    ids_on[target] = {el["id"] for el in soup_of(built_site, target).select("[id]")}
                assert term_id in ids_on[target], (here, term_id)
    assert total > 20, "expected the lessons to use glossary terms"


def _first_term_page():
    for rel in LESSONS:
        entry = CATALOG.get("en", rel)
        if entry and "fraud" in rel:
            return url_of("en", rel)
    return url_of("en", LESSONS[0])


def test_definitions_work_with_the_keyboard_and_a_screen_reader(http_server, browser):
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 390, "height": 800})
    try:
        page.goto(http_server + _first_term_page())
        term = page.locator(".zb-text a.zb-term").first
        term_id = term.get_attribute("href").removeprefix("#zb-def-")
        # a screen reader hears the definition together with the word
        definition = page.locator(f"#zb-def-{term_id}-text").inner_text()
        expect(term).to_have_accessible_description(definition)
        # keyboard: Tab from the heading reaches the word, Enter shows the definition
        page.locator("#zb-main").focus()
        for _ in range(150):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.classList.contains('zb-term')"):
                break
        else:
            pytest.fail("Tab never reached a glossary term")
        reached = page.evaluate("document.activeElement.getAttribute('href')")
        page.keyboard.press("Enter")
        assert page.evaluate("location.hash") == reached
        dd = page.locator(f"{reached} + dd")
        expect(dd).to_be_in_viewport()
        # and "Back to the text" returns to the word
        back = dd.locator(f'a[href="#{reached.replace("zb-def-", "zb-ref-")[1:]}"]')
        back.focus()
        page.keyboard.press("Enter")
        assert page.evaluate("location.hash") == reached.replace("zb-def-", "zb-ref-")
        expect(page.locator(reached.replace("zb-def-", "zb-ref-"))).to_be_in_viewport()
    finally:
        page.close()


def test_definitions_work_by_touch(http_server, browser):
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 390, "height": 800}, has_touch=True, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(http_server + url_of("ru", LESSONS[0].replace(".md", ".easy.md")))
        term = page.locator(".zb-text a.zb-term").first
        target = term.get_attribute("href")
        term.tap()
        assert page.evaluate("location.hash") == target
        expect(page.locator(f"{target} + dd")).to_be_in_viewport()
    finally:
        context.close()


# --- Pictograms beside the key ideas ---------------------------------------------------------------

PICTOGRAM_DIR = ROOT / "overrides/assets/pictograms"
PICTOGRAMS = yaml.safe_load((ROOT / "hooks/data/pictograms.yml").read_text(encoding="utf-8"))["pictograms"]
SCRIPT = {"kk": re.compile(r"[а-яёәғқңөұүһі]", re.I), "ru": re.compile(r"[а-яё]", re.I),
          "en": re.compile(r"[a-z]", re.I)}
FOREIGN = {"kk": re.compile(r"[a-z]", re.I), "ru": re.compile(r"[a-zәғқңөұүһі]", re.I),
           "en": re.compile(r"[а-яёәғқңөұүһі]", re.I)}


@pytest.mark.parametrize("lang", LANGS)
def test_every_easy_read_page_has_pictograms_beside_its_ideas_with_alt_text_in_its_language(built_site, lang):
    for rel in LESSONS:
        here = url_of(lang, rel.replace(".md", ".easy.md"))
        soup = soup_of(built_site, here)
        text = soup.select_one(".zb-text")
        assert text["lang"] == lang, here
        assert "[[picture:" not in text.get_text(), f"/{here}: a picture left as text"
        pics = text.select(".zb-pic > img.zb-pic__img")
        assert len(pics) >= 2, f"/{here}: {len(pics)} pictogram(s), easy read needs at least 2"
        for img in pics:
            name = Path(urlsplit(img["src"]).path).stem
            alt = img.get("alt", "").strip()
            assert alt, f"/{here}: {name} has no alt text"
            assert SCRIPT[lang].search(alt) and not FOREIGN[lang].search(alt), f"/{here}: alt «{alt}» not in {lang}"
            assert alt == PICTOGRAMS[name][lang], (here, name, alt)
            target = resolves(built_site, here, img["src"])
            assert target == f"assets/pictograms/{name}.svg"
            # beside an idea: the text next to the picture says something
            beside = img.find_next_sibling(class_="zb-pic__text") or img.find_next_sibling("p")
            assert beside is not None and len(beside.get_text(strip=True)) > 3, (here, name)
        # a picture in a numbered list keeps the list's numbers
        for item_pic in text.select("li > .zb-pic--item"):
            assert item_pic.parent.parent.name in ("ol", "ul"), here
        # no empty heading; a word list without legal citations
        for heading in soup.select(".md-content h2, .md-content h3"):
            following = heading.find_next_sibling()
            assert following is not None and following.name not in ("h1", "h2", "h3"), (here, heading.get_text())
        assert not soup.select(".zb-terms__law"), here


def test_every_pictogram_is_a_small_licensed_svg_with_alt_text_in_three_languages():
    licence = (PICTOGRAM_DIR / "LICENSE.md").read_text(encoding="utf-8")
    assert "CC0 1.0" in licence
    files = {p.stem for p in PICTOGRAM_DIR.glob("*.svg")}
    assert files == set(PICTOGRAMS), "every SVG has alt texts in pictograms.yml and every entry a file"
    for name in PICTOGRAMS:
        svg = PICTOGRAM_DIR / f"{name}.svg"
        assert svg.stat().st_size < 2048, f"{svg.name}: {svg.stat().st_size} bytes, keep it under 2 KB"
        assert f"`{name}.svg`" in licence, f"LICENSE.md does not list {name}.svg"
        for lang in LANGS:
            alt = PICTOGRAMS[name][lang].strip()
            assert SCRIPT[lang].search(alt) and not FOREIGN[lang].search(alt), (name, lang, alt)


def test_an_unknown_or_misplaced_picture_is_an_error_with_file_and_line(tmp_path):
    from conftest import lesson_md, minimal_pages
    from hooks.content import checks

    files = minimal_pages()
    files["kk/fraud/sample.md"] = lesson_md()
    files["kk/fraud/sample.easy.md"] = ("---\ntitle: Жеңіл оқу\n---\n\n## Бастысы\n\n"
                                        "1. [[picture:call]] Банкке қоңырау шалыңыз.\n"   # line 7: right
                                        "2. [[picture:dragon]] Ата-анаңызға айтыңыз.\n"   # line 8: unknown
                                        "\n[[picture:stop]] Тоқтаңыз.\n"                   # line 10: right
                                        "Сосын [[picture:police]] полицияға айтыңыз.\n")   # line 11: inside
    for rel, text in files.items():
        (tmp_path / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / rel).write_text(text, encoding="utf-8")
    catalog = checks.run(tmp_path / "docs", dt.date(2026, 11, 22))
    # (the short sample text also trips the readability limits: those errors are not this test's)
    errors = [e.format() for e in catalog.errors if re.search(r"^(unknown )?picture '", e.message)]
    assert len(errors) == 2, [e.format() for e in catalog.errors]
    assert errors[0].endswith("kk/fraud/sample.easy.md:8: unknown picture 'dragon' — use one of: "
                              + ", ".join(sorted(PICTOGRAMS)) + " (hooks/data/pictograms.yml)")
    assert "kk/fraud/sample.easy.md:11: picture 'police' is not at the start of a paragraph or list item" in errors[1]


def test_a_translation_with_other_pictures_than_the_kazakh_easy_read_gets_a_notice(tmp_path):
    from conftest import lesson_md, minimal_pages
    from hooks.content import checks

    files = minimal_pages()
    files["kk/fraud/sample.md"] = lesson_md()
    files["kk/fraud/sample.easy.md"] = ("---\ntitle: Жеңіл оқу\n---\n\n## Бастысы\n\n"
                                        "1. [[picture:call]] Банкке бірден хабарлас.\n"
                                        "2. [[picture:stop]] Кодты айтпа.\n")
    files["ru/fraud/sample.easy.md"] = ("---\ntitle: Лёгкое чтение\n---\n\n## Главное\n\n"
                                        "1. [[picture:call]] Сразу позвони в банк.\n"
                                        "2. [[picture:police]] Не говори код.\n")   # line 8: not 'stop'
    files["en/fraud/sample.easy.md"] = ("---\ntitle: Easy read\n---\n\n## The main thing\n\n"
                                        "1. [[picture:call]] Call your bank at once.\n"
                                        "2. [[picture:stop]] Do not tell the code.\n")
    for rel, text in files.items():
        (tmp_path / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / rel).write_text(text, encoding="utf-8")
    catalog = checks.run(tmp_path / "docs", dt.date(2026, 11, 22))
    assert not [e for e in catalog.errors if "picture" in e.message]
    notices = [e.format() for e in catalog.notices if "pictures differ" in e.message]
    assert len(notices) == 1, notices
    assert "ru/fraud/sample.easy.md:8: the pictures differ from the Kazakh easy read (call, police here; call, stop there)" in notices[0]
