"""Site search (Pagefind, hooks/site/search.py + assets/javascripts/search.js) and small pages:
one index per language, only text in the page's language, nothing fetched before the reader
opens search, at most 150 KB per query, no source maps shipped."""
from __future__ import annotations

import gzip
import json
import re

import pytest
from bs4 import BeautifulSoup

from conftest import fixture_site, lesson_md, minimal_pages, mkdocs_build, serve

QUERY_BUDGET = 150 * 1024   # bytes a search may download (gzip-compressed, as a server sends them)
LANG_PREFIX = {"kk": "", "ru": "ru/", "en": "en/"}


def soup_of(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def html_pages(site):
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts)


# ----- the built files -------------------------------------------------------------------
def test_no_source_maps_are_shipped(built_site):
    maps = [p.relative_to(built_site).as_posix() for p in built_site.rglob("*.map")]
    assert maps == []
    pointing = [p.relative_to(built_site).as_posix() for p in built_site.rglob("*")
                if p.suffix in (".js", ".css") and b"sourceMappingURL" in p.read_bytes()]
    assert pointing == []


def test_pages_link_only_the_css_and_js_they_use(built_site):
    home = soup_of(built_site / "index.html")
    links = [l["href"] for l in home.select("link[rel=stylesheet]")]
    scripts = [s["src"] for s in home.select("script[src]")]
    # palette.css holds only the "slate" scheme and named colours: unused with our custom colours.
    assert not [h for h in links if "/palette." in h], links
    assert not [h for h in links + scripts if "quiz." in h or "braille." in h], links + scripts
    lesson = soup_of(built_site / "fraud/droppers/index.html")
    assert [s["src"] for s in lesson.select("script[src]") if s["src"].endswith("/quiz.js")]


def test_material_search_index_is_neither_built_nor_requested(built_site):
    assert not (built_site / "search/search_index.json").exists()
    soup = soup_of(built_site / "index.html")
    # bundle.js fetches search/search_index.json on every page if it finds <form name="search">.
    assert soup.select("form[name=search]") == []
    assert soup.select("[data-md-component^=search]") == []
    assert soup.select_one(".zb-search .md-search__input") is not None


@pytest.fixture(scope="module")
def indexed_parts(built_site) -> dict:
    """Every page read once: its path -> (the page's lang, the lang of each data-pagefind-body)."""
    out = {}
    for path in html_pages(built_site):
        soup = soup_of(path)
        out[path.relative_to(built_site).as_posix()] = (
            soup.html["lang"], [body.get("lang") for body in soup.select("[data-pagefind-body]")])
    return out


def test_one_index_per_language(built_site, indexed_parts):
    entry = json.loads((built_site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    indexed = {"kk": 0, "ru": 0, "en": 0}
    for lang, bodies in indexed_parts.values():
        if bodies:
            indexed[lang] += 1
    assert set(entry["languages"]) == set(indexed)
    assert {lang: info["page_count"] for lang, info in entry["languages"].items()} == indexed
    assert all(count > 0 for count in indexed.values())


def test_only_text_in_the_page_language_is_indexed(built_site, indexed_parts):
    wrong = []
    for rel, (lang, bodies) in indexed_parts.items():
        if len(bodies) > 1 or (bodies and bodies[0] != lang):
            wrong.append(rel)
        if bodies and (".braille/" in rel or rel.endswith("editors/index.html") or rel == "404.html"):
            wrong.append(rel)
    assert wrong == []
    lesson = soup_of(built_site / "fraud/droppers/index.html").select_one("[data-pagefind-body]")
    assert lesson is not None and "zb-text" in lesson["class"]


def test_search_box_strings_are_in_the_page_language(built_site):
    for lang, word in (("kk", "Іздеу"), ("ru", "Поиск"), ("en", "Search")):
        box = soup_of(built_site / LANG_PREFIX[lang] / "index.html").select_one(".zb-search")
        assert box.select_one(".md-search__input")["aria-label"] == word
        assert box.has_attr("hidden")  # shown by search.js: without JavaScript there is no box


# ----- in the browser --------------------------------------------------------------------
def kk_word_with_kazakh_letters(site) -> str:
    """A word with ә ғ қ ң ө ұ ү һ і from the Kazakh droppers lesson, cut to a prefix."""
    text = " ".join(p.get_text(" ") for p in soup_of(site / "fraud/droppers/index.html").select(".zb-text > p"))
    words = re.findall(r"[а-яёәғқңөұүһі]{8,}", text.lower())
    word = next(w for w in words if re.search(r"[әғқңөұүһі]", w[:6]))
    return word[:6]  # a prefix: the full word is longer, so prefix matching is needed


class Search:
    """Open a page, record every request, type a query into the header search box."""

    def __init__(self, browser, base, path, viewport=None):
        self.base = base
        self.context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.requests, self.sizes, self.errors = [], {}, []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("response", self._response)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(base + path)
        self.page.wait_for_load_state("networkidle")

    def _response(self, response):
        if "/pagefind/" in response.url and response.ok:
            body = response.body()
            self.sizes[response.url] = min(len(body), len(gzip.compress(body)))

    def pagefind_requests(self):
        return [u for u in self.requests if "/pagefind/" in u]

    def query(self, text):
        self.page.click(".zb-search .md-search__input")
        self.page.fill(".zb-search .md-search__input", text)  # one input event: one search
        try:
            self.page.wait_for_function(
                "() => /[0-9]|Ештеңе|Ничего|No pages|жүктелмеді|не загрузился|could not/"
                ".test(document.querySelector('.md-search-result__meta').textContent)", timeout=15000)
        finally:
            csp = [e for e in self.errors if "Content Security" in e or "unsafe-eval" in e]
            assert csp == [], "the CSP must allow 'wasm-unsafe-eval' for Pagefind: " + csp[0][:300]
        return [a.get_attribute("href") for a in self.page.query_selector_all(".md-search-result__link")]

    def close(self):
        self.context.close()


def test_nothing_is_downloaded_for_search_until_the_box_is_focused(browser, built_site, http_server):
    search = Search(browser, http_server, "fraud/droppers/")
    search.page.mouse.wheel(0, 600)
    search.page.wait_for_timeout(300)
    assert search.pagefind_requests() == []
    search.page.focus(".zb-search .md-search__input")
    search.page.wait_for_load_state("networkidle")
    assert any(u.endswith("/pagefind/pagefind.js") for u in search.pagefind_requests())
    search.close()


def test_kazakh_query_on_a_kazakh_page_finds_only_kazakh_pages(browser, built_site, http_server):
    word = kk_word_with_kazakh_letters(built_site)
    search = Search(browser, http_server, "fraud/droppers/")
    hrefs = search.query(word)
    assert hrefs, f"nothing found for {word!r}"
    assert not [h for h in hrefs if h.startswith(("/ru/", "/en/"))], hrefs
    for href in hrefs:  # every result is a Kazakh page whose text is Kazakh
        soup = soup_of(built_site / href.strip("/") / "index.html")
        assert soup.html["lang"] == "kk" and soup.select_one(".zb-text")["lang"] == "kk", href
    # The excerpt marks the match, as text (no HTML from the page is parsed).
    marks = search.page.query_selector_all(".md-search-result__link mark")
    assert marks and all(m.inner_text().lower().startswith(word) for m in marks[:3])
    assert not [u for u in search.pagefind_requests() if "/pagefind/fragment/ru_" in u or "/fragment/en_" in u]
    assert sum(search.sizes.values()) <= QUERY_BUDGET, search.sizes
    search.close()


def test_russian_query_on_a_russian_page_finds_only_russian_pages(browser, built_site, http_server):
    search = Search(browser, http_server, "ru/fraud/droppers/")
    hrefs = search.query("мошенник")
    assert hrefs
    assert all(h.startswith("/ru/") for h in hrefs), hrefs
    assert sum(search.sizes.values()) <= QUERY_BUDGET, search.sizes
    search.close()


def test_phone_search_button_opens_the_box_and_escape_closes_it(browser, built_site, http_server):
    search = Search(browser, http_server, "en/", viewport={"width": 390, "height": 844})
    page = search.page
    assert not page.evaluate("document.getElementById('__search').checked")  # box closed
    assert page.is_visible(".zb-search-open")  # Material's CSS hides it on wider screens
    page.click(".zb-search-open")
    assert page.evaluate("document.getElementById('__search').checked")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    hrefs = search.query("fraud")
    assert hrefs and all(h.startswith("/en/") for h in hrefs)
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.getAttribute('href')") == hrefs[0]
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    search.close()


# ----- a missing translation is not searched in the reader's language --------------------
@pytest.fixture(scope="module")
def fallback_site(tmp_path_factory):
    """A lesson only in Kazakh: /ru/ and /en/ show it in Kazakh with a notice."""
    tmp = tmp_path_factory.mktemp("search-fallback")
    files = minimal_pages()
    files["kk/fraud/sample.md"] = lesson_md(title="Сынақ сабақ",
                                            body="## Бөлім\n\nҚұпиясөзқорғаны туралы мәтін.\n")
    cfg = fixture_site(tmp, files)
    proc = mkdocs_build(tmp / "site", config=cfg, strict=False)
    assert proc.returncode == 0, proc.stderr[-4000:]
    return tmp / "site"


def test_kazakh_fallback_pages_are_not_indexed_as_russian_or_english(fallback_site, browser):
    assert soup_of(fallback_site / "fraud/sample/index.html").select_one("[data-pagefind-body]")
    for lang in ("ru", "en"):
        soup = soup_of(fallback_site / lang / "fraud/sample/index.html")
        assert soup.select_one(".zb-text")["lang"] == "kk"
        assert soup.select_one("[data-pagefind-body]") is None
    server = serve(fallback_site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        kk = Search(browser, base, "fraud/sample/")
        assert kk.query("құпиясөз") == ["/fraud/sample/"]
        kk.close()
        ru = Search(browser, base, "ru/fraud/sample/")
        assert ru.query("құпиясөз") == []
        ru.close()
    finally:
        server.shutdown()
