"""Content-Security-Policy (hooks/site/csp.py): on every page as a meta tag, strict for scripts,
and Chromium reports no violation and no console error on one page of every type in
every language."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from hooks.site import csp

LANGS = ("kk", "ru", "en")
PREFIX = {"kk": "", "ru": "ru/", "en": "en/"}


def policy_of(path: Path) -> dict:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    metas = soup.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert len(metas) == 1, f"{path}: {len(metas)} CSP meta tags"
    # It must come before anything that loads or runs.
    first = soup.head.find(["script", "link", "style"])
    assert first is None or metas[0].sourceline < first.sourceline, path
    return {d.split()[0]: d.split()[1:] for d in metas[0]["content"].split(";") if d.strip()}


def test_every_page_has_a_strict_policy(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) >= 50
    for path in pages:
        rules = policy_of(path)
        assert rules["default-src"] == ["'self'"], path
        assert rules["object-src"] == ["'none'"], path
        assert rules["base-uri"] == ["'self'"], path
        script = rules["script-src"]
        assert script[:2] == ["'self'", "'wasm-unsafe-eval'"], path
        assert all(re.fullmatch(r"'sha256-[A-Za-z0-9+/]+=*'", s) for s in script[2:]), path
        assert "'unsafe-inline'" not in script and "'unsafe-eval'" not in script
        assert rules["style-src"] == ["'self'"], path
        # Every inline script of the page is allowed by its own hash, and by nothing else.
        html = path.read_text(encoding="utf-8")
        assert sorted(script[2:]) == sorted(csp.inline_script_hashes(html)), path


def _first(site: Path, pattern: str, lang: str) -> str | None:
    root = site / PREFIX[lang] if PREFIX[lang] else site
    for path in sorted(root.glob(pattern)):
        rel = path.relative_to(site).as_posix()
        if lang == "kk" and rel.split("/")[0] in ("ru", "en"):
            continue
        return rel.removesuffix("index.html")
    return None


def _quiz_lesson(site: Path, lang: str) -> str:
    root = site / PREFIX[lang] if PREFIX[lang] else site
    for path in sorted(root.glob("*/*/index.html")):
        rel = path.relative_to(site).as_posix()
        if "." in rel.split("/")[-2] or (lang == "kk" and rel.split("/")[0] in ("ru", "en")):
            continue
        if "zb-quiz" in path.read_text(encoding="utf-8"):
            return rel.removesuffix("index.html")
    raise AssertionError(f"no lesson with a quiz in {lang}")


KINDS = ("home", "course", "lesson", "easy", "braille", "teacher", "glossary", "help", "editors", "404")


def page_for(site: Path, lang: str, kind: str) -> str | None:
    p = PREFIX[lang]
    if kind == "home":
        return p
    if kind == "course":
        return p + "fraud/"
    if kind == "lesson":
        return _quiz_lesson(site, lang)
    if kind == "easy":
        return _first(site, "*/*.easy/index.html", lang)
    if kind == "braille":
        return _first(site, "*/*.braille/index.html", lang)
    if kind == "teacher":
        return _first(site, "*/*.teacher/index.html", lang)
    if kind == "404":
        return "404.html"
    return p + kind + "/"


WATCH = """
window.__zbViolations = [];
document.addEventListener('securitypolicyviolation', e => {
  window.__zbViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || ''));
});
"""


def visit(browser, url: str, interact=None) -> tuple[list, list]:
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(WATCH)
    problems, violations = [], []
    def console(message):
        if message.type == "error" or "Content Security Policy" in message.text:
            problems.append(f"console.{message.type}: {message.text}")

    page.on("console", console)
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.goto(url, wait_until="load")
    if interact:
        interact(page)
    page.wait_for_timeout(300)
    violations = page.evaluate("window.__zbViolations")
    context.close()
    return problems, violations


def _use_quiz_and_search(page):
    form = page.locator("form.zb-quiz").first
    if form.count():
        form.locator("input").first.check()
        buttons = form.locator("button")
        if buttons.count():
            buttons.first.click()
    opener = page.locator(".zb-search-open")
    box = page.locator(".md-search__input")
    if opener.count() and opener.first.is_visible():
        opener.first.click()
    if box.count() and box.first.is_visible():
        box.first.fill("law")
        page.wait_for_timeout(1500)


@pytest.mark.parametrize("kind, lang", [(kind, lang) for kind in KINDS for lang in LANGS
                                        if kind != "404" or lang == LANGS[0]])  # one 404 page for the site
def test_no_csp_violation_or_console_error(built_site, http_server, browser, lang, kind):
    rel = page_for(built_site, lang, kind)
    assert rel is not None, f"the site has no {kind} page in {lang}"
    problems, violations = visit(browser, http_server + rel,
                                 _use_quiz_and_search if kind in ("lesson", "home") else None)
    assert not violations, f"/{rel}: CSP violations: {violations}"
    assert not problems, f"/{rel}: {problems}"


def test_the_policy_blocks_an_injected_script(built_site, http_server, browser):
    """The watch above works: a page with an inline script and an onerror handler that the
    build did not hash reports violations and runs neither."""
    rel = _quiz_lesson(built_site, "en")
    html = (built_site / rel / "index.html").read_text(encoding="utf-8")
    evil = ('<script>window.__zbRan = 1</script><img src="data:," onerror="window.__zbRan = 2" alt="">'
            '<a id="zb-js" href="javascript:window.__zbRan=3">x</a>')
    html = html.replace("</article>", evil + "</article>", 1)
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(WATCH)
    page.route("**/evil/", lambda route: route.fulfill(status=200, content_type="text/html", body=html))
    page.goto(http_server + rel + "evil/")
    page.click("#zb-js")
    page.wait_for_timeout(300)
    ran = page.evaluate("window.__zbRan")
    violations = page.evaluate("window.__zbViolations")
    context.close()
    assert ran is None
    assert len([v for v in violations if v.startswith("script-src")]) >= 3, violations
