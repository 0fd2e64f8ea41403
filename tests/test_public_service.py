"""A public-service site (issue 15), as a reader sees it in Chromium at 390×844 and in the
HTML: languages as words, page-not-found pages on a host that serves the root 404.html for
every missing address (as GitHub Pages does), also below a sub-path."""
from __future__ import annotations

import datetime as dt
import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, fixture_site, minimal_pages, mkdocs_build

PHONE = {"width": 390, "height": 844}
LANGS = ("kk", "ru", "en")
WORDS = {"kk": "Қазақша", "ru": "Русский", "en": "English"}
HOME = {"kk": "", "ru": "ru/", "en": "en/"}
LESSON = {"kk": "fraud/droppers/", "ru": "ru/fraud/droppers/", "en": "en/fraud/droppers/"}


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def pages_host(site: Path, prefix: str = "/"):
    """A static host like GitHub Pages: the site below ``prefix``; any missing address gets the
    root 404.html with status 404."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def translate_path(self, path):
            path = urlsplit(path).path
            if not path.startswith(prefix):
                return str(site / "no-such-file")
            return super().translate_path("/" + path[len(prefix):])

        def send_head(self):
            local = Path(self.translate_path(self.path))
            if local.is_dir():
                local = local / "index.html"
            if not local.is_file() and not (local.is_dir() and not self.path.endswith("/")):
                body = (site / "404.html").read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return None
            return super().send_head()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{prefix}"


# --- Languages as words -------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_language_words_are_visible_on_a_phone_without_a_menu(browser, built_site, http_server, lang):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    for path in (HOME[lang], LESSON[lang]):
        page.goto(http_server + path)
        links = page.locator("nav.zb-langs a")
        assert links.count() == 3, path
        for i, other in enumerate(LANGS):
            link = links.nth(i)
            assert link.is_visible(), path
            box = link.bounding_box()
            assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], path
            assert link.inner_text().startswith(WORDS[other])
            assert link.get_attribute("lang") == other
            # each leads to the same page in that language
            assert urljoin(page.url, link.get_attribute("href")) == http_server + {
                "kk": path.removeprefix("ru/").removeprefix("en/"),
                "ru": "ru/" + path.removeprefix("ru/").removeprefix("en/"),
                "en": "en/" + path.removeprefix("ru/").removeprefix("en/")}[other]
        assert page.locator("nav.zb-langs a[aria-current=page]").inner_text() == WORDS[lang]
    context.close()


# --- Page not found ----------------------------------------------------------------------

NOT_FOUND_TITLES = {"kk": "Бет табылмады", "ru": "Страница не найдена", "en": "Page not found"}


@pytest.mark.parametrize("lang", LANGS)
def test_each_404_page_has_its_language_and_three_links(built_site, lang):
    path = built_site / ("404.html" if lang == "kk" else f"{lang}/404.html")
    soup = soup_of(path)
    assert soup.html["lang"] == lang
    parts = soup.select(".zb-notfound .zb-notfound__part[lang]")
    assert [p["lang"] for p in parts][0] == lang
    assert sorted(p["lang"] for p in parts) == sorted(LANGS)  # every 404 page speaks all three
    assert soup.select_one("h1").get_text(strip=True) == NOT_FOUND_TITLES[lang]
    for part in parts:
        hrefs = [a["href"] for a in part.select("a")]
        home = "/" + HOME[part["lang"]]
        assert hrefs == [home, home + ("help/"), home + "#search"], part["lang"]
        assert part.get_text(" ", strip=True).startswith(NOT_FOUND_TITLES[part["lang"]])


def check_missing_address(browser, base: str, missing: str, site_prefix: str):
    """Open ``missing`` on the host: the root 404 page with its stylesheet and every link working."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    failed = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    bad = []
    page.on("response", lambda r: bad.append(r.url) if r.status >= 400 and r.url != base + missing else None)
    response = page.goto(base + missing)
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == "kk"
    # Material's stylesheet is applied: the header is fixed/sticky and the page is styled.
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")
    assert page.evaluate("[...document.styleSheets].filter(s => s.href).length") >= 2
    assert failed == [] and bad == []
    hrefs = page.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.href)")
    assert len(hrefs) > 10
    request = context.request
    for href in sorted(set(h.split("#")[0] for h in hrefs if not h.startswith(("tel:", "mailto:")))):
        assert href.startswith(base), href
        assert request.get(href).status == 200, (missing, href)
    for lang in LANGS:
        for label in page.locator(f".zb-notfound .zb-notfound__part[lang={lang}] a").all_inner_texts():
            assert label
    context.close()


@pytest.mark.parametrize("missing", ["x/y/", "ru/x/y/"])
def test_host_serving_root_404_for_any_missing_path(browser, built_site, missing):
    server, base = pages_host(built_site)
    try:
        check_missing_address(browser, base, missing, "/")
    finally:
        server.shutdown()


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory):
    """The real theme and hooks with site_url below a path, as on https://<user>.github.io/<repo>/."""
    tmp = tmp_path_factory.mktemp("subpath")
    files = minimal_pages()
    for lang in LANGS:  # every page the footer links to (minimal_pages has no changes page)
        files[f"{lang}/changes.md"] = "---\ntitle: changes\n---\n\nText.\n"
    cfg = fixture_site(tmp, files)
    text = cfg.read_text(encoding="utf-8").replace("site_url: https://zansabaq.kz/",
                                                   "site_url: https://example.org/zansabaq/")
    assert "example.org/zansabaq/" in text
    cfg.write_text(text, encoding="utf-8")
    proc = mkdocs_build(tmp / "site", config=cfg)
    assert proc.returncode == 0, proc.stderr[-4000:]
    return tmp / "site"


@pytest.mark.parametrize("missing", ["x/y/", "ru/x/y/"])
def test_host_serving_root_404_below_a_sub_path(browser, subpath_site, missing):
    soup = soup_of(subpath_site / "404.html")
    assert [a["href"] for a in soup.select(".zb-notfound .zb-notfound__part[lang=ru] a")] == [
        "/zansabaq/ru/", "/zansabaq/ru/help/", "/zansabaq/ru/#search"]
    server, base = pages_host(subpath_site, "/zansabaq/")
    try:
        check_missing_address(browser, base, missing, "/zansabaq/")
    finally:
        server.shutdown()


def test_search_link_opens_the_search_box(browser, built_site, http_server):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(http_server + "ru/#search")
    page.wait_for_function("() => document.activeElement && document.activeElement.matches('.md-search__input')")
    assert page.locator(".md-search__input").is_visible()
    context.close()


# --- Trust: who runs the site, footer, feedback, offline date ---------------------------------

FOOTER = {
    "kk": ("Бұл мемлекеттік сайт емес.", "заң кеңесі емес"),
    "ru": ("Это не государственный сайт.", "не юридическая консультация"),
    "en": ("This is not a government site.", "Nothing here is legal advice"),
}
UNPUBLISHED = {"kk": "Бұл сайт әлі жариялауға дайын емес", "ru": "Этот сайт ещё не готов к публикации",
               "en": "This site is not yet set up for publishing"}


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if not p.is_relative_to(site / "offline"))


def test_every_page_says_not_government_not_advice_call_112_and_not_ready(built_site):
    pages = html_pages(built_site)
    assert len(pages) > 50
    for path in pages:
        soup = soup_of(path)
        lang = soup.html["lang"]
        footer = soup.select_one(".md-copyright").get_text(" ", strip=True)
        for words in FOOTER[lang]:
            assert words in footer, path
        assert [a["href"] for a in soup.select(".md-copyright a[href^='tel:']")] == ["tel:112"], path
        # mkdocs.yml states no operator: every page says the site is not ready, and no lesson
        # offers a feedback address that nobody gave.
        assert soup.select_one(".md-banner").get_text(" ", strip=True).startswith(UNPUBLISHED[lang]), path
        assert soup.select(".zb-feedback, a[href^='mailto:']") == [], path


def test_about_page_states_no_operator_until_the_config_does(built_site):
    for lang in LANGS:
        soup = soup_of(built_site / ("" if lang == "kk" else f"{lang}/") / "about/index.html")
        assert soup.select_one(".zb-operator__unset"), lang
        assert soup.select_one("h2#zb-operator-title")
        about = {"kk": "Сайт туралы", "ru": "О сайте", "en": "About this site"}[lang]
        assert about in [a.get_text(strip=True) for a in soup.select(".md-copyright nav a")]
        home = soup_of(built_site / ("" if lang == "kk" else f"{lang}/") / "index.html")
        assert [a["href"] for a in home.select(".md-copyright nav a") if a.get_text(strip=True) == about] == ["about/"]


def test_publishing_refuses_without_an_operator_and_accepts_a_stated_one(tmp_path):
    import subprocess
    import sys

    from conftest import ROOT

    def run(config: Path):
        return subprocess.run([sys.executable, "-m", "hooks.site.publisher", str(config)], cwd=ROOT,
                              capture_output=True, text=True)

    empty = run(ROOT / "mkdocs.yml")
    assert empty.returncode == 1 and "extra.operator.name is empty" in empty.stderr
    assert "Not publishing" in empty.stderr
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    stated = text.replace('    name: ""\n    contact: ""\n    feedback: ""',
                          '    name: Example School\n    contact: https://example.org/contact\n'
                          '    feedback: lessons@example.org')
    assert stated != text
    (tmp_path / "mkdocs.yml").write_text(stated, encoding="utf-8")
    assert run(tmp_path / "mkdocs.yml").returncode == 0
    bad = stated.replace("lessons@example.org", "not an address")
    (tmp_path / "mkdocs.yml").write_text(bad, encoding="utf-8")
    result = run(tmp_path / "mkdocs.yml")
    assert result.returncode == 1 and "feedback must be an e-mail address" in result.stderr
    workflow = (ROOT / ".github/workflows/site.yml").read_text(encoding="utf-8")
    assert ".venv/bin/python -m hooks.site.publisher mkdocs.yml" in workflow


@pytest.fixture(scope="module")
def operator_site(tmp_path_factory):
    """A site whose mkdocs.yml states its operator (with characters that need escaping)."""
    from conftest import lesson_md

    tmp = tmp_path_factory.mktemp("operator")
    files = minimal_pages()
    files["kk/fraud/sample.md"] = lesson_md(title="Сынақ & <сабақ>")
    files["kk/about.md"] = "---\ntitle: Сайт туралы\n---\n\nМәтін.\n"
    cfg = fixture_site(tmp, files)
    import yaml
    config = yaml.safe_load(cfg.read_text(encoding="utf-8"))
    config["extra"]["operator"] = {"name": "Example <School>", "contact": "info@example.org",
                                   "feedback": "lessons@example.org"}
    cfg.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    proc = mkdocs_build(tmp / "site", config=cfg)
    assert proc.returncode == 0, proc.stderr[-4000:]
    return tmp / "site"


def test_stated_operator_shows_on_about_page_and_feedback_link_carries_the_page_address(operator_site):
    from urllib.parse import parse_qs

    soup = soup_of(operator_site / "ru/fraud/sample/index.html")
    assert soup.select_one(".md-banner") is None
    href = soup.select_one(".zb-feedback a")["href"]
    address, query = href.removeprefix("mailto:").split("?", 1)
    assert address == "lessons@example.org"
    fields = parse_qs(query)
    assert fields["body"][0].strip() == "https://zansabaq.kz/ru/fraud/sample/"
    assert fields["subject"][0] == "Zansabaq: Сынақ & <сабақ>"
    about = soup_of(operator_site / "about/index.html").select_one(".zb-operator")
    assert "Сайтты жүргізетін: Example <School>." in about.get_text(" ", strip=True)
    assert [a["href"] for a in about.select("a")] == ["mailto:info@example.org", "mailto:lessons@example.org"]


def test_offline_copy_pages_show_their_build_date_and_to_check_the_site(built_site):
    import zipfile

    from hooks.content import clock
    from hooks.content.dates import in_words
    from conftest import ROOT

    made = clock.build_date(ROOT)
    for lang, words in (("kk", "Жаңартуларды сайттан тексеріңіз"), ("ru", "Проверьте обновления на сайте"),
                        ("en", "Check the site for updates")):
        with zipfile.ZipFile(built_site / f"offline/zansabaq-{lang}.zip") as archive:
            pages = [n for n in archive.namelist() if n.endswith(".html") and not n.endswith(f"zansabaq-{lang}/index.html")
                     or n.endswith(f"zansabaq-{lang}/{'' if lang == 'kk' else lang + '/'}index.html")]
            assert len(pages) > 10
            for name in pages:
                stamp = BeautifulSoup(archive.read(name).decode("utf-8"), "html.parser").select_one(".zb-offline__stamp")
                assert stamp is not None, name
                text = stamp.get_text(" ", strip=True)
                assert in_words(made, lang) in text and words in text, name
    # the online site has no stamp
    assert soup_of(built_site / "index.html").select_one(".zb-offline__stamp") is None


def test_dates_in_words_in_each_language():
    import datetime as dt

    from hooks.content.dates import in_words

    day = dt.date(2026, 11, 20)
    assert in_words(day, "kk") == "2026 жылғы 20 қараша"
    assert in_words(day, "ru") == "20 ноября 2026 г."
    assert in_words(day, "en") == "20 November 2026"
    assert in_words("2026-03-15", "ru") == "15 марта 2026 г."


def test_lesson_review_date_is_in_words(built_site):
    text = soup_of(built_site / "ru/fraud/droppers/index.html").get_text(" ", strip=True)
    import re
    assert re.search(r"Последняя проверка: \d{1,2} [а-я]+ \d{4} г\.", text)
    assert not re.search(r"Последняя проверка: \d{4}-\d\d-\d\d", text)


# --- A look that carries authority ---------------------------------------------------------

CONTRAST = """el => {
  function rgb(c) { const m = c.match(/[\\d.]+/g).map(Number); return m; }
  function lum(c) { return 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2]); }
  function ch(v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }
  let bg = null, node = el;
  while (node && node.nodeType === 1) {
    const c = rgb(getComputedStyle(node).backgroundColor);
    if (c.length < 4 || c[3] > 0) { bg = c; break; }
    node = node.parentElement;
  }
  bg = bg || [255, 255, 255];
  const fg = rgb(getComputedStyle(el).color);
  const alpha = fg.length > 3 ? fg[3] : 1;
  const mixed = [0, 1, 2].map(i => fg[i] * alpha + bg[i] * (1 - alpha));
  const a = lum(mixed), b = lum(bg);
  return {weight: Number(getComputedStyle(el).fontWeight), ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
          size: parseFloat(getComputedStyle(el).fontSize), tag: el.tagName, text: el.textContent.slice(0, 40)};
}"""


@pytest.mark.parametrize("lang", LANGS)
def test_headings_are_bold_dark_and_on_one_scale(browser, built_site, http_server, lang):
    prefix = "" if lang == "kk" else f"{lang}/"
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    sizes = {}
    for path in ("", "fraud/", "fraud/droppers/", "help/", "about/", "x/404-check/"):
        url = http_server + (prefix + path if path != "x/404-check/" else ("404.html" if lang == "kk" else f"{lang}/404.html"))
        page.goto(url)
        headings = page.locator(".md-content h1, .md-content h2, .md-content h3")
        assert headings.count() > 0, url
        for i in range(headings.count()):
            style = headings.nth(i).evaluate(CONTRAST)
            assert style["weight"] >= 600, (url, style)
            assert style["ratio"] >= 7, (url, style)
            sizes.setdefault(style["tag"], set()).add(round(style["size"], 1))
    context.close()
    # one type scale: every heading size is a step of 1.25 from the body text (16 px here),
    # the page title the largest
    scale = {round(16 * 1.25 ** n, 1) for n in range(4)}
    assert set().union(*sizes.values()) <= scale, sizes
    assert sizes["H1"] == {max(scale)} and max(sizes["H2"]) < max(scale)


BROKEN_WORDS = """() => {
  // every word of letters in a table cell sits on one line (no word split across lines)
  const broken = [];
  for (const cell of document.querySelectorAll('.md-typeset table td, .md-typeset table th')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode, re = /\\p{L}{2,}/gu;
      let m;
      while ((m = re.exec(node.data))) {
        const range = document.createRange();
        range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (lines.size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
}"""


@pytest.mark.parametrize("lang", LANGS)
def test_tables_stack_at_320px_without_breaking_words(browser, built_site, http_server, lang):
    prefix = "" if lang == "kk" else f"{lang}/"
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    for path in ("help/", "fraud/droppers/"):
        page.goto(http_server + prefix + path)
        tables = page.locator(".md-typeset table[data-zb-stack]")
        assert tables.count() > 0, path
        # rows are stacked blocks, each cell labelled with its column heading
        assert tables.first.locator("tbody tr").first.evaluate("tr => getComputedStyle(tr).display") == "block"
        label = tables.first.locator("td[data-label]").first.evaluate(
            "td => getComputedStyle(td, '::before').content")
        heading = tables.first.locator("thead th").first.inner_text()
        assert label.strip('"') == heading
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
        assert page.evaluate(BROKEN_WORDS) == [], path
    # on a desktop the table is a table
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(http_server + prefix + "help/")
    assert page.locator("table[data-zb-stack] tbody tr").first.evaluate("tr => getComputedStyle(tr).display") == "table-row"
    context.close()


def test_print_keeps_the_drawing_small_and_with_its_text(browser, built_site, http_server):
    context = browser.new_context(viewport={"width": 794, "height": 1123})
    page = context.new_page()
    page.goto(http_server + "ru/fraud/droppers/")
    page.emulate_media(media="print")
    img = page.locator(".zb-picture img").first
    img.scroll_into_view_if_needed()
    page.wait_for_function("document.querySelector('.zb-picture img').complete")
    height = img.evaluate("i => i.getBoundingClientRect().height")
    assert 0 < height <= 9 / 2.54 * 96 + 1   # at most 9 cm: a third of an A4 sheet
    para = img.evaluate("i => getComputedStyle(i.closest('p')).breakBefore")
    assert para == "avoid"
    context.close()


# --- Listen: the device's own voice ------------------------------------------------------------

def stub_speech(voices: list[dict]) -> str:
    """An init script: a speechSynthesis with the given voices that records what it is asked to say."""
    import json
    return """(() => {
  const voices = %s;
  window.__spoken = [];
  const synth = {
    speaking: false,
    getVoices() { return voices; },
    speak(u) { window.__spoken.push({text: u.text, lang: u.lang, voice: u.voice && u.voice.name});
               setTimeout(() => u.onend && u.onend(), 0); },
    cancel() { window.__cancelled = (window.__cancelled || 0) + 1; },
    addEventListener() {}, removeEventListener() {},
  };
  Object.defineProperty(window, 'speechSynthesis', {value: synth, configurable: true});
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
})();""" % json.dumps(voices)


RU_LOCAL = {"name": "ru-local", "lang": "ru-RU", "localService": True}
RU_ONLINE = {"name": "ru-online", "lang": "ru-RU", "localService": False}
KK_LOCAL = {"name": "kk-local", "lang": "kk-KZ", "localService": True}


@pytest.mark.parametrize("path, voices, shown", [
    ("fraud/droppers/", [RU_LOCAL], False),             # kk page, only a Russian voice
    ("fraud/droppers/", [KK_LOCAL, RU_LOCAL], True),
    ("fraud/droppers.easy/", [KK_LOCAL], True),         # easy read too
    ("ru/fraud/droppers/", [RU_ONLINE], False),         # an online voice would send the text away
    ("ru/fraud/droppers/", [], False),
    ("en/fraud/droppers/", [RU_LOCAL, KK_LOCAL], False),
    ("ru/help/", [RU_LOCAL], False),                    # not a lesson
])
def test_listen_button_only_with_a_local_voice_of_the_text_language(browser, built_site, http_server, path, voices, shown):
    context = browser.new_context(viewport=PHONE)
    context.add_init_script(stub_speech(voices))
    page = context.new_page()
    page.goto(http_server + path)
    page.wait_for_load_state("load")
    assert page.locator(".zb-listen button").is_visible() == shown
    context.close()


def test_listen_reads_a_russian_lesson_in_order_and_stops(browser, built_site, http_server):
    context = browser.new_context(viewport=PHONE)
    context.add_init_script(stub_speech([RU_ONLINE, RU_LOCAL]))
    page = context.new_page()
    page.goto(http_server + "ru/fraud/droppers/")
    assert page.get_by_role("button", name="Слушать").is_visible()
    button = page.locator(".zb-listen button")
    button.focus()
    page.keyboard.press("Enter")                        # keyboard works it
    page.wait_for_function("() => document.querySelector('.zb-listen button').getAttribute('aria-pressed') === 'false'"
                           " && window.__spoken.length > 5")
    spoken = page.evaluate("window.__spoken")
    assert {s["voice"] for s in spoken} == {"ru-local"} and {s["lang"] for s in spoken} == {"ru-RU"}
    texts = [s["text"] for s in spoken]
    assert texts[0] == page.locator("h1#zb-main").inner_text()
    # the lesson's headings and first paragraph, in the order of the page
    headings = [h.strip().rstrip("#").strip() for h in page.locator(".zb-text > h2").all_inner_texts()]
    assert len(headings) >= 3
    positions = [texts.index(h) for h in headings]
    assert positions == sorted(positions)
    first_para = " ".join(page.locator(".zb-text > p").first.inner_text().split())
    assert first_para in texts
    # no quiz text, no teacher box
    quiz = page.locator(".zb-quiz legend, .zb-quiz .zb-quiz__q").all_inner_texts()
    assert not any(q.strip() and q.strip() in t for q in quiz for t in texts)
    assert page.locator(".zb-facts").count() == 0 or page.locator(".zb-facts").inner_text() not in texts
    # Stop: pressing the button again (and Escape) cancels
    page.evaluate("() => { window.__spoken = []; window.speechSynthesis.speak = u => window.__spoken.push(u.text); }")
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-pressed") == "true"
    assert page.get_by_role("button", name="Остановить").is_visible()
    page.keyboard.press("Escape")
    assert page.get_by_role("button", name="Слушать").get_attribute("aria-pressed") == "false"
    assert page.evaluate("window.__cancelled") >= 2
    context.close()


# --- Quiz wording and the next step --------------------------------------------------------------

def answer_all(page, wrong_first: bool = True):
    """Tick an option in every question (the first one) and press each Check button."""
    for q in page.locator("form.zb-quiz .zb-quiz__q:not([data-type=open])").all():
        q.locator("input").first.check()
        q.locator("button.zb-quiz__btn").first.click()


@pytest.mark.parametrize("lang, yes, no", [("kk", "Иә", "Жоқ"), ("ru", "Да", "Нет"), ("en", "Yes", "No")])
def test_true_false_is_yes_no_and_ticked_options_are_marked(browser, built_site, http_server, lang, yes, no):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(http_server + LESSON[lang])
    tf = page.locator("fieldset.zb-quiz__q[data-type=truefalse]").first
    assert [t.strip() for t in tf.locator(".zb-quiz__option").all_inner_texts()] == [yes, no]
    key = page.locator("details.zb-quiz__key").first
    lines = [" ".join(t.split()) for t in key.locator(".zb-quiz__answer").all_text_contents()]
    assert any(line.endswith(": " + yes) or line.endswith(": " + no) for line in lines), lines
    answer_all(page)
    marks = {"kk": ("дұрыс таңдау", "қате таңдау"), "ru": ("верный выбор", "неверный выбор"),
             "en": ("right choice", "wrong choice")}[lang]
    for q in page.locator("form.zb-quiz .zb-quiz__q:not([data-type=open])").all():
        right = q.get_attribute("data-answer").split()
        label = q.locator(".zb-quiz__option").first
        mark = label.locator(".zb-quiz__mark").inner_text().replace("✓", "").replace("✗", "").strip()
        assert mark == (marks[0] if "0" in right else marks[1])
        assert q.locator(".zb-quiz__mark").count() == 1   # only the ticked option is marked
    # after the score: a link to the next step, which offers help and the next lesson
    link = page.locator(".zb-quiz__end a.zb-quiz__next")
    assert link.is_visible()
    link.click()
    assert page.evaluate("location.hash") == "#zb-next"
    nxt = page.locator("#zb-next")
    assert nxt.is_visible()
    hrefs = [urljoin(page.url, h) for h in nxt.locator("a").evaluate_all("as => as.map(a => a.getAttribute('href'))")]
    assert hrefs[0] == page.url.split("#")[0] + "#zb-act-title"   # the act-now steps first
    assert hrefs[1] == http_server + HOME[lang] + "help/"
    # then the next lesson of the course, if droppers is not its last
    import datetime as _dt
    from hooks.content import catalog as _catalog
    cat = _catalog.build(ROOT / "docs", _dt.date(2026, 11, 21))
    ids = cat.lesson_ids("fraud")
    after = ids[ids.index(cat.get("kk", "fraud/droppers.md").id) + 1:]
    assert hrefs[2:] == ([http_server + HOME[lang] + cat.lesson(after[0], "kk").rel.removesuffix(".md") + "/"]
                         if after else [])
    # the first lesson of the course leads on to the second
    page.goto(http_server + LESSON[lang].replace("droppers", "phone-scams"))
    nxt = page.locator("#zb-next a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert [urljoin(page.url, h) for h in nxt][1:] == [http_server + HOME[lang] + "help/", http_server + LESSON[lang]]
    context.close()


# --- Sensitive lessons ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sensitive_site(tmp_path_factory):
    from conftest import ROOT, lesson_md

    tmp = tmp_path_factory.mktemp("sensitive")
    files = minimal_pages()
    def without_citation(text):  # the sample quiz names an article these fixture lessons do not cite
        return text.replace("232-1", "").replace("статья ", "")

    quiz = without_citation((ROOT / "tests/fixtures/quiz/sample.kk.md").read_text(encoding="utf-8"))
    files["kk/safety/home.md"] = lesson_md(lesson_id="home", course="safety", title="Үйдегі зорлық",
                                           extra="sensitive: true\n", body=quiz)
    files["ru/safety/home.md"] = "---\ntitle: Насилие дома\nsummary: Кратко.\nobjectives:\n  - Цель\n---\n\n" + \
        without_citation((ROOT / "tests/fixtures/quiz/sample.ru.md").read_text(encoding="utf-8"))
    files["kk/safety/home.easy.md"] = "---\ntitle: Үйдегі зорлық (жеңіл оқу)\n---\n\nМәтін.\n"
    files["kk/safety/other.md"] = lesson_md(lesson_id="other", course="safety", order=2, body=quiz)
    cfg = fixture_site(tmp, files)
    proc = mkdocs_build(tmp / "site", config=cfg)
    assert proc.returncode == 0, proc.stderr[-4000:]
    return tmp / "site"


def test_sensitive_flag_must_be_true_or_false(tmp_path):
    from conftest import lesson_md
    cfg = fixture_site(tmp_path, dict(minimal_pages(), **{
        "kk/safety/home.md": lesson_md(lesson_id="home", course="safety", extra="sensitive: maybe\n")}))
    proc = mkdocs_build(tmp_path / "site", config=cfg)
    assert proc.returncode != 0
    assert "docs/kk/safety/home.md:" in proc.stderr and "'sensitive' must be true or false" in proc.stderr
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("path", ["safety/home/", "ru/safety/home/", "safety/home.easy/", "en/safety/home/"])
def test_sensitive_lesson_stores_nothing_and_offers_a_quick_exit(browser, sensitive_site, path):
    server, base = pages_host(sensitive_site)
    try:
        context = browser.new_context(viewport=PHONE)
        context.route("https://www.google.com/**", lambda route: route.fulfill(
            status=200, content_type="text/html", body="<title>neutral</title>"))
        page = context.new_page()
        page.goto(base)                      # the reader came from the home page
        page.goto(base + path)
        leave = page.locator("a.zb-leave__link")
        assert leave.is_visible()
        box = leave.bounding_box()
        assert box["y"] + box["height"] <= PHONE["height"] and box["height"] >= 44
        assert leave.get_attribute("href") == "https://www.google.com/"
        if page.locator("form.zb-quiz").count():
            answer_all(page)
            assert "не сохраняются" in page.locator(".zb-quiz__intro").inner_text() or \
                "сақталмайды" in page.locator(".zb-quiz__intro").inner_text() or \
                "not saved" in page.locator(".zb-quiz__intro").inner_text()
        assert page.evaluate("() => localStorage.length + sessionStorage.length") == 0
        assert page.evaluate("() => document.cookie") == ""
        length = page.evaluate("() => history.length")
        leave.click()
        page.wait_for_url("https://www.google.com/")
        assert page.evaluate("() => history.length") == length  # replaced, not added
        page.go_back()
        assert page.url == base                 # Back skips the lesson
        context.close()
    finally:
        server.shutdown()


def test_other_lessons_have_no_exit_link_and_still_remember_answers(browser, sensitive_site):
    server, base = pages_host(sensitive_site)
    try:
        context = browser.new_context(viewport=PHONE)
        page = context.new_page()
        page.goto(base + "safety/other/")
        assert page.locator(".zb-leave").count() == 0
        answer_all(page)
        assert page.evaluate("() => localStorage.length") > 0
        context.close()
    finally:
        server.shutdown()


# --- Act now, first ----------------------------------------------------------------------------

def fraud_lessons() -> list[str]:
    from conftest import ROOT
    return sorted(f"fraud/{p.stem}/" for p in (ROOT / "docs/kk/fraud").glob("*.md")
                  if p.stem != "index" and "." not in p.stem)


@pytest.mark.parametrize("lang", LANGS)
def test_act_now_box_and_a_tel_link_are_in_the_first_phone_screen(browser, built_site, http_server, lang):
    prefix = "" if lang == "kk" else f"{lang}/"
    paths = [prefix + p for p in fraud_lessons()] + [prefix + "help/"]
    paths += [prefix + p.replace("/", ".easy/", 1)[:-1].replace(".easy/", "/") + ".easy/" for p in fraud_lessons()]
    assert len(paths) >= 5
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    for path in paths:
        page.goto(http_server + path)
        box = page.locator("section.zb-act")
        assert box.count() == 1, path
        first = page.locator(".md-content h1, .md-content section, .md-content nav, .md-content p").nth(1)
        assert first.evaluate("e => e.matches('section.zb-act')"), path  # right after the title
        tel = box.locator("a[href^='tel:']").first
        rect = tel.bounding_box()
        assert rect and rect["y"] >= 0 and rect["y"] + rect["height"] <= PHONE["height"], (path, rect)
        assert rect["height"] >= 44, path
        # the lesson facts for teachers are folded away
        facts = page.locator("details.zb-facts")
        if facts.count():
            assert facts.get_attribute("open") is None
    context.close()


def test_act_now_numbers_are_checked_with_file_and_line(tmp_path):
    from conftest import lesson_md
    files = minimal_pages()
    files["kk/fraud/sample.md"] = lesson_md(extra='act_now:\n  title: Қазір\n  steps:\n    - call: "999"\n    - text: ""\n')
    files["ru/fraud/sample.md"] = ("---\ntitle: Урок\nsummary: Кратко.\nobjectives:\n  - Цель\n"
                                   "act_now:\n  title: Сейчас\n  steps:\n    - text: Один.\n---\n\nТекст.\n")
    cfg = fixture_site(tmp_path, files)
    proc = mkdocs_build(tmp_path / "site", config=cfg)
    assert proc.returncode != 0
    assert "docs/kk/fraud/sample.md:17: 'act_now' step 1 calls 999, which is not in hooks/data/helplines.yml" in proc.stderr
    assert "docs/kk/fraud/sample.md:17: 'act_now' step 2 needs text" in proc.stderr
    assert "docs/ru/fraud/sample.md:6: 'act_now' has 1 steps but the Kazakh original has 2" in proc.stderr


# --- Ways in: home by problem, teacher hub, easy-read hub ---------------------------------------

PROBLEM_WORDS = {"kk": "Картамды беріп қойдым", "ru": "Я уже отдал(а) свою карту", "en": "I have already given my card away"}


@pytest.mark.parametrize("lang", LANGS)
def test_home_first_screen_offers_the_common_situations_then_the_courses(browser, built_site, http_server, lang):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(http_server + HOME[lang])
    links = page.locator("nav.zb-problems a")
    assert links.count() == 6
    for i in range(links.count()):
        box = links.nth(i).bounding_box()
        assert box["y"] + box["height"] <= PHONE["height"], links.nth(i).inner_text()
        assert box["height"] >= 44
        href = links.nth(i).get_attribute("href")
        assert context.request.get(urljoin(page.url, href)).status == 200, href
    assert PROBLEM_WORDS[lang] in links.all_inner_texts()
    # then the courses, below the situations
    problems_y = page.locator("nav.zb-problems").bounding_box()["y"]
    assert page.locator("#zb-courses-title").bounding_box()["y"] > problems_y
    # "I have already given my card away" lands on the act-now box
    page.get_by_role("link", name=PROBLEM_WORDS[lang]).click()
    assert page.url.endswith("fraud/droppers/#zb-act-title")
    assert page.locator("#zb-act-title").is_visible()
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_teacher_hub_lists_every_lesson_pack_and_easy_read_hub_every_edition(built_site, lang):
    from hooks.content.catalog import build as build_catalog
    from hooks.content import clock
    from conftest import ROOT

    catalog = build_catalog(ROOT / "docs", clock.build_date(ROOT))
    prefix = "" if lang == "kk" else f"{lang}/"
    hub = soup_of(built_site / prefix / "teachers/index.html")
    packs = {a["href"] for a in hub.select(".zb-hub h3 a")}
    lessons = catalog.lesson_ids()
    # then each "path of a hero" scenario's teacher page (hooks/editions/scenario_print.py)
    from hooks.content import scenario
    scenarios = scenario.scenarios(catalog, "kk")
    assert len(packs) == len(lessons) + len(scenarios) and lessons
    for entry in scenarios:
        assert any(h.endswith(f"scenarios/{entry.slug}.teacher/") for h in packs), entry.slug
        assert (built_site / prefix / f"scenarios/{entry.slug}.teacher/index.html").is_file()
    for lesson_id in lessons:
        entry = catalog.lesson(lesson_id, "kk")
        slug = entry.rel.removesuffix(".md")
        assert any(h.endswith(f"{slug.split('/')[-1]}.teacher/") for h in packs), lesson_id
        assert (built_site / prefix / f"{slug}.teacher/index.html").is_file()
    easy = soup_of(built_site / prefix / "easy-read/index.html")
    editions = [a["href"] for a in easy.select(".zb-hub a")]
    assert editions and all(h.endswith(".easy/") for h in editions)
    # linked from the home page
    home = soup_of(built_site / prefix / "index.html")
    hrefs = [a["href"] for a in home.select("nav.zb-problems a")]
    assert "teachers/" in hrefs and "easy-read/" in hrefs


# --- Easy read that looks like easy read --------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_easy_read_has_pictures_bigger_text_no_citations_and_no_empty_headings(browser, built_site, http_server, lang):
    import yaml
    from conftest import ROOT

    alts = yaml.safe_load((ROOT / "hooks/data/pictograms.yml").read_text(encoding="utf-8"))["pictograms"]
    prefix = "" if lang == "kk" else f"{lang}/"
    soup = soup_of(built_site / prefix / "fraud/droppers.easy/index.html")
    pics = soup.select(".zb-text .zb-pic img")
    assert pics and all(img["alt"] == alts[img["src"].rsplit("/", 1)[-1][:-4]][lang] for img in pics)
    assert soup.select(".zb-text picture img[alt]")              # the lesson's own drawing
    assert "[[picture:" not in soup.get_text()
    assert soup.select(".zb-terms") and not soup.select(".zb-terms__law")   # word list without citations
    for heading in soup.select(".md-content h2, .md-content h3"):
        following = heading.find_next_sibling()
        assert following is not None and following.name not in ("h2", "h3"), heading
    # the pictogram files exist, with their licence in the repository
    for img in pics:
        assert (built_site / prefix / "fraud/droppers.easy" / img["src"]).resolve().is_file()
    assert "CC0" in (ROOT / "overrides/assets/pictograms/LICENSE.md").read_text(encoding="utf-8")
    # larger text and line spacing than the standard lesson
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    sizes = {}
    for path in ("fraud/droppers/", "fraud/droppers.easy/"):
        page.goto(http_server + prefix + path)
        sizes[path] = page.locator(".zb-text > p").first.evaluate(
            "p => [parseFloat(getComputedStyle(p).fontSize), parseFloat(getComputedStyle(p).lineHeight)]")
    context.close()
    assert sizes["fraud/droppers.easy/"][0] >= 1.1 * sizes["fraud/droppers/"][0]
    assert sizes["fraud/droppers.easy/"][1] / sizes["fraud/droppers.easy/"][0] >= 1.6


def test_unknown_pictogram_is_an_error_with_file_and_line(tmp_path):
    from conftest import lesson_md
    files = minimal_pages()
    files["kk/fraud/sample.md"] = lesson_md()
    files["kk/fraud/sample.easy.md"] = "---\ntitle: Жеңіл\n---\n\n## Бастысы\n\n[[picture:dragon]] Мәтін.\n"
    cfg = fixture_site(tmp_path, files)
    proc = mkdocs_build(tmp_path / "site", config=cfg)
    assert proc.returncode != 0
    assert "docs/kk/fraud/sample.easy.md:7: unknown picture 'dragon'" in proc.stderr


# --- School lesson plans --------------------------------------------------------------------------

def test_every_published_lesson_plan_adds_up_to_its_duration():
    from hooks.content import clock
    from hooks.content.catalog import build as build_catalog
    from conftest import ROOT

    catalog = build_catalog(ROOT / "docs", clock.build_date(ROOT))
    for lesson_id in catalog.lesson_ids():
        meta = catalog.lesson(lesson_id, "kk").meta
        if meta.get("steps"):
            assert sum(s["minutes"] for s in meta["steps"]) == meta["duration"], lesson_id


SCHOOL = ('audience: adults', 'audience: grades 7-9')


def school_lesson(steps: str, duration: int = 45) -> str:
    from conftest import lesson_md
    text = lesson_md(extra=f"steps:\n{steps}").replace(*SCHOOL).replace("duration: 30", f"duration: {duration}")
    return text


def test_school_lesson_activity_step_on_the_teacher_page_and_checks(tmp_path):
    steps = ("  - minutes: 15\n    text: Кіріспе\n"
             "  - minutes: 30\n    text: Жұптық жұмыс\n    activity:\n      goal: Алаяқтық белгілерін тану.\n"
             "      materials: Бес хабарламасы бар карточкалар.\n      instructions: Карточкаларды екі топқа бөліңіз.\n")
    files = minimal_pages()
    files["kk/fraud/sample.md"] = school_lesson(steps)
    from conftest import lesson_md
    files["kk/fraud/adults.md"] = lesson_md(lesson_id="adults", order=2)
    cfg = fixture_site(tmp_path, files)
    proc = mkdocs_build(tmp_path / "site", config=cfg)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "school lesson" not in proc.stderr          # 45 minutes with an activity; adults need none
    for prefix, words in (("", "Практикалық жұмыс"), ("ru/", "Практическое задание"), ("en/", "Hands-on activity")):
        teacher = soup_of(tmp_path / "site" / prefix / "fraud/sample.teacher/index.html")
        step = teacher.select("ol.zb-steps > li")[1]
        assert words in step.get_text(" ", strip=True)
        assert [dd.get_text(strip=True) for dd in step.select("dl.zb-activity dd")] == [
            "Алаяқтық белгілерін тану.", "Бес хабарламасы бар карточкалар.", "Карточкаларды екі топқа бөліңіз."]
        assert all(dd["lang"] == "kk" for dd in step.select("dl.zb-activity dd"))
    # a 30-minute school lesson without an activity: notices, the build still passes
    files["kk/fraud/sample.md"] = school_lesson("  - minutes: 30\n    text: Кіріспе\n", duration=30)
    cfg = fixture_site(tmp_path / "b", files)
    proc = mkdocs_build(tmp_path / "b/site", config=cfg)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "a school lesson lasts 45 or 90 minutes, not 30" in proc.stderr
    assert "a school lesson has no activity step" in proc.stderr
    # an activity without materials: an error with file and line
    files["kk/fraud/sample.md"] = school_lesson(steps.replace("      materials: Бес хабарламасы бар карточкалар.\n", ""))
    cfg = fixture_site(tmp_path / "c", files)
    proc = mkdocs_build(tmp_path / "c/site", config=cfg)
    assert proc.returncode != 0
    assert "docs/kk/fraud/sample.md:" in proc.stderr and "the activity of step 2 needs materials" in proc.stderr


def test_a_translated_activity_is_shown_in_its_language_and_a_missing_one_is_a_notice(built_site):
    """ru droppers translates its activity; the teacher page shows it in Russian. An untranslated
    one falls back to the Kazakh text, marked lang="kk", with a notice for the editors."""
    from hooks.content import catalog as catalog_module, schoolplan
    cat = catalog_module.build(ROOT / "docs", dt.date(2026, 12, 2))
    ru = cat.lesson("droppers", "ru")
    found = [schoolplan.activity_of(ru, i) for i in range(len(ru.meta["steps"]))]
    activity, lang = next(pair for pair in found if pair[0])
    assert lang == "ru" and "дроппер" in activity["goal"]
    html = (built_site / "ru" / "fraud" / "droppers.teacher" / "index.html").read_text(encoding="utf-8")
    assert f'<dd lang="ru">{activity["goal"]}' in html
    notices = [n for n in cat.notices if "is not translated" in n.message]
    assert all(n.path.startswith(("docs/ru/", "docs/en/")) and n.line > 1 for n in notices)
    assert not any(n.path == "docs/ru/fraud/droppers.md" for n in notices)
