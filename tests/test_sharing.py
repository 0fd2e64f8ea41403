"""Share cards and Open Graph meta, lesson images (alt text, <picture>, WebP), and the
offline ZIP per language opened from file:// in Debian's Chromium.

Uses the real site (``built_site``) and two small fixture sites built with the real hooks.
"""
from __future__ import annotations

import hashlib
import io
import re
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from conftest import ROOT, built_fixture_site, fixture_site, lesson_md, minimal_pages, mkdocs_build

from hooks.editions import cards, drawing, images, offline
from hooks.content.catalog import LANGS, ORIGINAL

SITE_URL = "https://zansabaq.kz/"
LOCALE = {"kk": "kk_KZ", "ru": "ru_RU", "en": "en_US"}
KAZAKH = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"


def pages_of(site: Path) -> list[Path]:
    skip = ("assets/", "offline/", "pagefind/")
    return sorted(p for p in site.rglob("*.html")
                  if p.name == "index.html" and not p.relative_to(site).as_posix().startswith(skip))


def lang_of(site: Path, page: Path) -> str:
    first = page.relative_to(site).parts[0]
    return first if first in LANGS and first != ORIGINAL else ORIGINAL


def meta(soup: BeautifulSoup, key: str) -> list[str]:
    return [m["content"] for m in soup.find_all("meta", attrs={"property": key})] + \
           [m["content"] for m in soup.find_all("meta", attrs={"name": key})]


def png(width: int, height: int, colour=(11, 79, 108)) -> bytes:
    image = Image.new("RGB", (width, height), (255, 255, 255))
    image.paste(colour, (width // 4, height // 4, width * 3 // 4, height * 3 // 4))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


# ----- share cards -----------------------------------------------------------------
def test_every_page_has_a_1200x630_card_and_open_graph_meta(built_site):
    pages = pages_of(built_site)
    assert len(pages) > 30
    problems = []
    for page in pages:
        rel = page.relative_to(built_site).as_posix()
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        (image_url,) = meta(soup, "og:image")
        assert image_url.startswith(SITE_URL + "assets/cards/"), rel
        card = built_site / image_url.removeprefix(SITE_URL)
        with Image.open(card) as img:
            if img.size != (1200, 630) or img.format != "PNG":
                problems.append(f"{rel}: card {img.format} {img.size}")
        canonical = soup.find("link", rel="canonical")["href"]
        assert meta(soup, "og:url") == [canonical] == [SITE_URL + rel.removesuffix("index.html")], rel
        assert meta(soup, "og:type") in (["article"], ["website"]), rel
        assert meta(soup, "og:title") == [soup.find("h1").get_text(strip=True).removesuffix("#")], rel
        assert meta(soup, "og:description") == [soup.find("meta", attrs={"name": "description"})["content"]]
        assert meta(soup, "og:description")[0].strip(), rel
        assert meta(soup, "twitter:card") == ["summary_large_image"], rel
        assert meta(soup, "twitter:image") == [image_url], rel
        assert meta(soup, "og:image:width") == ["1200"] and meta(soup, "og:image:height") == ["630"]
        # og:locale: the language the text is in; alternates: the other languages that have the page
        text_lang = soup.find(class_="zb-text")["lang"] if soup.find(class_="zb-text") else lang_of(built_site, page)
        assert meta(soup, "og:locale") == [LOCALE[text_lang]], rel
        alternates = meta(soup, "og:locale:alternate")
        assert LOCALE[text_lang] not in alternates and len(set(alternates)) == len(alternates), rel
    assert problems == []


def test_lesson_meta_in_each_language(built_site):
    for lang, prefix in (("kk", ""), ("ru", "ru/"), ("en", "en/")):
        soup = BeautifulSoup((built_site / prefix / "fraud/droppers/index.html").read_text(encoding="utf-8"),
                             "html.parser")
        assert meta(soup, "og:type") == ["article"]
        assert meta(soup, "og:locale") == [LOCALE[lang]]
        assert sorted(meta(soup, "og:locale:alternate")) == sorted(LOCALE[o] for o in LANGS if o != lang)
        assert meta(soup, "og:image") == [f"{SITE_URL}assets/cards/{lang}/fraud/droppers.png"]
        summary = (ROOT / "docs" / lang / "fraud/droppers.md").read_text(encoding="utf-8")
        assert "summary: " + meta(soup, "og:description")[0] in summary
    home = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert meta(home, "og:type") == ["website"] and meta(home, "og:url") == [SITE_URL]


def test_card_is_deterministic_cached_and_has_the_kazakh_letters(tmp_path, monkeypatch):
    card = cards.Card("Zansabaq", "Дроппер болу — қылмыс " + KAZAKH, "Алаяқтық", "Жеңіл оқу", "zansabaq.kz", "Қазақша")
    first = cards.card_png(card, tmp_path)
    assert first == cards.render(card)
    with Image.open(io.BytesIO(first)) as img:
        assert img.size == (1200, 630)
    cached = list(tmp_path.glob("*.png"))
    assert [p.name for p in cached] == [cards.content_hash(card) + ".png"]
    monkeypatch.setattr(cards, "render", lambda c: pytest.fail("drawn again instead of taken from the cache"))
    assert cards.card_png(card, tmp_path) == first
    other = cards.Card("Zansabaq", "Another title", "Алаяқтық")
    assert cards.content_hash(other) != cards.content_hash(card)
    # every Kazakh letter has a real glyph in both fonts (not the empty box of a missing one)
    for bold, path in ((False, drawing.REGULAR), (True, drawing.BOLD)):
        assert path.is_file() and path.parent == ROOT / "overrides/assets/fonts"
        font = drawing.font(bold, 40)
        missing = glyph(font, "\ue000")
        for letter in KAZAKH:
            assert glyph(font, letter) != missing, f"{path.name} lacks {letter}"


def test_card_png_has_few_colours_and_looks_like_the_drawing():
    """The PNG is paletted (small, quick to write) and no visible change from the drawing."""
    import math

    from PIL import ImageChops, ImageStat

    card = cards.Card("Zansabaq", "Дроппер болу — қылмыс " + KAZAKH, "Алаяқтық", "Жеңіл оқу", "zansabaq.kz", "Қазақша")
    with Image.open(io.BytesIO(cards.render(card))) as img:
        assert img.mode == "P" and img.size == (1200, 630)
        shown = img.convert("RGB")
    rms = ImageStat.Stat(ImageChops.difference(shown, cards.draw(card))).rms
    mse = sum(x * x for x in rms) / len(rms)
    assert mse == 0 or 10 * math.log10(255 ** 2 / mse) >= 36, rms


def glyph(font, letter: str) -> bytes:
    from PIL import ImageDraw

    image = Image.new("L", (60, 60))
    ImageDraw.Draw(image).text((5, 5), letter, font=font, fill=255)
    return image.tobytes()


def test_long_titles_wrap_within_the_card():
    font, lines, line_height = cards.fit_title("Сөз " * 80, 1040, 300)
    assert len(lines) <= 4 and lines[-1].endswith("…")
    assert all(font.getlength(line) <= 1040 for line in lines)
    font, lines, _ = cards.fit_title("Қысқа тақырып", 1040, 300)
    assert lines == ["Қысқа тақырып"] and font.size == 76


# ----- images ------------------------------------------------------------------------
def test_find_images_ignores_code_and_gives_lines():
    body = ("Intro\n\n![](a.png)\n\n```\n![](in-code.png)\n```\n\n`![](span.png)` and ![Alt](b.png \"t\")\n"
            "<img src=\"c.png\">\n![ref][r]\n\n[r]: d.png\n")
    found = [(i.alt, i.src, i.line) for i in images.find_images(body, first_line=10)]
    assert found == [("", "a.png", 12), ("Alt", "b.png", 18), (None, "c.png", 19), ("ref", "d.png", 20)]


def test_lesson_diagram_is_a_picture_with_webp_alt_and_size(built_site):
    for prefix in ("", "ru/", "en/"):
        page = built_site / prefix / "fraud/droppers/index.html"
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        picture = soup.select_one("picture.zb-picture")
        assert picture is not None, prefix
        source, img = picture.find("source"), picture.find("img")
        assert source["type"] == "image/webp"
        assert img["loading"] == "lazy" and len(img["alt"]) > 40
        webp = (page.parent / source["srcset"]).resolve()
        fallback = (page.parent / img["src"]).resolve()
        with Image.open(webp) as opened:
            assert opened.size == (int(img["width"]), int(img["height"])) and opened.width <= images.MAX_WIDTH
        with Image.open(fallback) as opened:  # resized, or the original when that is fewer bytes
            assert abs(opened.width / opened.height - int(img["width"]) / int(img["height"])) < 0.01
            assert opened.format == "PNG"
        assert webp.suffix == ".webp" and webp.stat().st_size < fallback.stat().st_size


def test_variants_are_deterministic_and_cached(tmp_path):
    source = tmp_path / "big.png"
    source.write_bytes(png(1600, 900))
    a = images.cached_variants(source, tmp_path / "cache")
    b = images.cached_variants(source, tmp_path / "cache")
    c = images.make_variants(source.read_bytes(), ".png")
    assert (a.width, a.height) == (800, 450)
    assert a.webp == b.webp == c.webp and a.fallback == b.fallback == c.fallback
    assert len(list((tmp_path / "cache").glob("*.webp"))) == 1


@pytest.fixture(scope="session")
def image_site(tmp_path_factory):
    """A Kazakh lesson with a picture; ru and en fall back to it."""
    tmp = tmp_path_factory.mktemp("image-site")
    files = minimal_pages()
    body = "## Сызба\n\nМәтін.\n\n![Көк шаршы ақ фонда](images/pic.png)\n"
    files["kk/fraud/sample.md"] = lesson_md(body=body)
    files["kk/fraud/images/pic.png"] = png(1000, 500)
    return built_fixture_site(tmp, files, "image")


def test_fallback_page_has_picture_and_honest_og_locale(image_site):
    for prefix in ("", "ru/", "en/"):
        page = image_site / prefix / "fraud/sample/index.html"
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        img = soup.select_one("picture.zb-picture img")
        assert img["alt"] == "Көк шаршы ақ фонда" and (img["width"], img["height"]) == ("800", "400")
        assert (page.parent / img["src"]).resolve().is_file()
        assert (page.parent / soup.select_one("picture source")["srcset"]).resolve().is_file()
        # the text is Kazakh everywhere, and only Kazakh has the page
        assert meta(soup, "og:locale") == ["kk_KZ"] and meta(soup, "og:locale:alternate") == []


def test_image_without_alt_or_file_fails_the_build_with_file_and_line(tmp_path):
    files = minimal_pages()
    body = ("## Сызба\n\nМәтін.\n\n![](images/pic.png)\n\nТағы.\n\n![Жоқ сурет](images/missing.png)\n\n"
            "```\n![](images/in-code.png)\n```\n")
    text = lesson_md(body=body)
    files["kk/fraud/sample.md"] = text
    files["kk/fraud/images/pic.png"] = png(100, 50)
    lines = text.split("\n")
    no_alt = lines.index("![](images/pic.png)") + 1
    missing = lines.index("![Жоқ сурет](images/missing.png)") + 1
    cfg = fixture_site(tmp_path, files)
    proc = mkdocs_build(tmp_path / "site", config=cfg, strict=False)
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert f"docs/kk/fraud/sample.md:{no_alt}: the image 'images/pic.png' has no alt text" in out
    assert f"docs/kk/fraud/sample.md:{missing}: the image file 'images/missing.png' does not exist" in out
    assert "in-code.png" not in out


def test_remote_image_is_refused():
    from hooks.content.catalog import Entry
    from hooks.content.sources import split_front_matter

    src = split_front_matter("---\nid: x\n---\n\n![Logo](https://example.com/logo.png)\n", "docs/kk/fraud/x.md")
    errors = []
    images.check_entry(Entry("lesson", "kk", "fraud/x.md", src), ROOT / "docs", errors)
    assert [(e.line, "another site" in e.message) for e in errors] == [(5, True)]


# ----- offline copy ------------------------------------------------------------------
def zip_of(site: Path, lang: str) -> zipfile.ZipFile:
    return zipfile.ZipFile(site / offline.zip_path(lang))


def test_home_page_links_its_zip_with_the_size(built_site):
    for lang, prefix in (("kk", ""), ("ru", "ru/"), ("en", "en/")):
        home = built_site / prefix / "index.html"
        soup = BeautifulSoup(home.read_text(encoding="utf-8"), "html.parser")
        link = soup.select_one(".zb-offline a[download]")
        assert link is not None, lang
        target = (home.parent / link["href"]).resolve()
        assert target == (built_site / offline.zip_path(lang)).resolve()
        size = offline.human_size(target.stat().st_size, lang)
        assert size in link.get_text() and "ZIP" in link.get_text(), link.get_text()
        assert soup.find(class_="zb-offline").find("h2").get_text().strip()


def test_zips_hold_one_language_and_are_deterministic(built_site):
    from hooks.content import clock

    for lang in LANGS:
        data = (built_site / offline.zip_path(lang)).read_bytes()
        again = offline.make_copy(built_site, lang, SITE_URL, clock.build_date(ROOT))
        assert hashlib.sha256(again).hexdigest() == hashlib.sha256(data).hexdigest(), lang
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            names = [i.filename for i in infos]
            assert names == sorted(names)
            assert len({i.date_time for i in infos}) == 1
            top = f"zansabaq-{lang}/"
            assert all(n.startswith(top) for n in names)
            below = [n.removeprefix(top) for n in names]
            assert "index.html" in below
            others = [o for o in LANGS if o != ORIGINAL and o != lang]
            assert not [n for n in below if n.startswith(tuple(f"{o}/" for o in others))]
            assert not [n for n in below if n.startswith(("offline/", "assets/cards/", "pagefind/"))]
            if lang != ORIGINAL:
                assert f"{lang}/index.html" in below and "fraud/droppers/index.html" not in below
            home = "" if lang == ORIGINAL else f"{lang}/"
            for needed in ("fraud/droppers/index.html", "fraud/droppers.easy/index.html",
                           "fraud/droppers.braille/index.html"):
                assert home + needed in below, (lang, needed)
            assert [n for n in below if n.endswith(".brf")], "no Braille downloads"
            for name in names:
                if not name.endswith(".html"):
                    continue
                page = archive.read(name).decode("utf-8")
                assert offline.remote_scripts(page) == [], name
                soup = BeautifulSoup(page, "html.parser")
                for a in soup.find_all(["a", "link"], href=True):
                    href = a["href"]
                    if not re.match(r"^[a-z]+:|^#", href):
                        assert not href.split("#")[0].endswith("/") and href.split("#")[0] not in ("..", "."), \
                            (name, href)


def test_rewriter_links():
    site = {"index.html", "fraud/index.html", "fraud/droppers/index.html", "ru/index.html",
            "ru/fraud/droppers/index.html", "fraud/droppers.braille/droppers.kk.brf", "assets/x.css"}
    copy = {p for p in site if not p.startswith("ru/")}
    r = offline.Rewriter(SITE_URL, copy, site)
    page = "fraud/droppers/index.html"
    assert r.url("../", page) == "../index.html"
    assert r.url("../..", page) == "../../index.html"
    assert r.url("./#quiz", page) == "index.html#quiz"
    assert r.url("../droppers.braille/droppers.kk.brf", page) == "../droppers.braille/droppers.kk.brf"
    assert r.url("../../ru/fraud/droppers/", page) == "https://zansabaq.kz/ru/fraud/droppers/"
    assert r.url("https://adilet.zan.kz/", page) == "https://adilet.zan.kz/"
    assert r.url("#top", page) == "#top"
    html = '<a href="../">x</a><pre>href="../"</pre><div data-zb-online-only><a href="../">y</a></div>'
    assert r.page(html, page) == '<a href="../index.html">x</a><pre>href="../"</pre>'
    scripts = '<script src="../../assets/javascripts/search.js" defer></script><script src="../../assets/x.js"></script>'
    assert r.page(scripts, page) == '<script src="../../assets/x.js"></script>'


@pytest.fixture(scope="session")
def unpacked(built_site, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("usb-stick")
    for lang in LANGS:
        with zip_of(built_site, lang) as archive:
            archive.extractall(out)
    return out


def open_offline(browser, block_storage: bool = False):
    context = browser.new_context()
    if block_storage:  # as with "block all cookies" or some file:// setups: storage throws
        context.add_init_script("""
            Object.defineProperty(window, 'localStorage', {
                configurable: true,
                get() { throw new DOMException('The operation is insecure.', 'SecurityError'); }
            });""")
    requests, errors = [], []
    page = context.new_page()
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(f"{e}\n{getattr(e, 'stack', '')}"))
    # nothing may reach the network: block (and record) anything that is not a local file
    page.route(re.compile(r"^(?!file:|data:|blob:|about:).*"), lambda route: route.abort())
    return context, page, requests, errors


@pytest.mark.parametrize("block_storage", [False, True], ids=["storage", "storage-blocked"])
def test_offline_copy_opened_from_file_shows_a_lesson_and_the_quiz_works(browser, unpacked, block_storage):
    context, page, requests, errors = open_offline(browser, block_storage)
    page.goto((unpacked / "zansabaq-kk" / "index.html").as_uri())
    assert "zb-offline__note" in page.content()  # the copy says it is the copy
    # a course (fraud); the home page's other cards ("try it": scenarios) come after the courses
    page.locator("[aria-labelledby=zb-courses-title] .zb-cards a").last.click()
    page.wait_for_load_state()
    assert page.url.endswith("/fraud/index.html"), page.url
    page.locator(".zb-cards a", has_text="Дроппер").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/fraud/droppers/index.html"), page.url
    assert "Дроппер" in page.locator("h1#zb-main").inner_text()
    # the diagram loads from the copy
    page.locator("picture.zb-picture img").scroll_into_view_if_needed()
    page.wait_for_function("document.querySelector('picture.zb-picture img').naturalWidth > 0")
    # quiz: choose an answer, press Check, see the verdict
    question = page.locator("form.zb-quiz .zb-quiz__q").first
    question.locator("input").first.check()
    question.get_by_role("button", name="Тексеру").click()
    result = question.locator(".zb-quiz__result")
    assert result.locator(".zb-quiz__verdict").inner_text().strip() in (
        "✓Жауабыңыз дұрыс.", "✗Жауабыңыз дұрыс емес.", "✓ Жауабыңыз дұрыс.", "✗ Жауабыңыз дұрыс емес.")
    # the easy-read edition and the Braille download are reachable through rewritten links
    page.locator(".zb-variants a").filter(has_text="Жеңіл оқу").click()
    page.wait_for_load_state()
    assert page.url.endswith("/fraud/droppers.easy/index.html"), page.url
    context.close()
    assert [u for u in requests if not u.startswith(("file://", "data:", "blob:", "about:"))] == []
    assert [e for e in errors if "quiz.js" in e] == []
    if not block_storage:
        assert errors == []


def test_ru_copy_starts_at_its_home_page(browser, unpacked):
    context, page, requests, errors = open_offline(browser)
    page.goto((unpacked / "zansabaq-ru" / "index.html").as_uri())
    page.wait_for_url(re.compile(r".*/zansabaq-ru/ru/index\.html$"))
    assert page.locator("html").get_attribute("lang") == "ru"
    page.locator(".zb-cards a").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/zansabaq-ru/ru/law-basics/index.html"), page.url
    context.close()
    assert [u for u in requests if not u.startswith(("file://", "data:"))] == []
    assert errors == []
