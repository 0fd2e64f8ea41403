"""Browser tests in Debian's Chromium: accessibility (axe-core) on every page,
keyboard use, the phone menu (on a long course: tests/test_browser_menu.py), and no request to
another host."""
from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

import pytest

from conftest import CHROMIUM, CHROMIUM_ARGS, ROOT, serve
from hooks.content.catalog import SCENARIOS
from hooks.editions import practice

AXE = (ROOT / "node_modules/axe-core/axe.min.js").read_text(encoding="utf-8")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


def all_pages(site) -> list[str]:
    return sorted(p.relative_to(site).as_posix().removesuffix("index.html")
                  for p in site.rglob("*.html"))


# Chromium processes an axe pass runs at once: one per core (two on CI and on a developer's machine).
AXE_BROWSERS = max(1, min(2, os.cpu_count() or 1))


def axe_violations(page, url: str) -> list[str]:
    page.goto(url)
    # only the violations are collected (axe then skips gathering every passing node)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
                           " resultTypes: ['violations']})", AXE_TAGS)
    return [f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(n["target"][0] if isinstance(n["target"][0], str)
            else str(n["target"]) for n in v["nodes"][:3]) for v in result["violations"]]


def page_kind(path: str) -> tuple[str, str]:
    """(language, kind) of a built page path: home, course, lesson, easy, braille, teacher,
    worksheet, print, or the page's own name (glossary, help, 404, ...)."""
    parts = [p for p in path.split("/") if p]
    lang = parts.pop(0) if parts and parts[0] in ("ru", "en") else "kk"
    if not parts:
        return lang, "home"
    if "/".join(parts).startswith(practice.FOLDER):  # the question bank, its worksheets, their keys
        return lang, "practice" + (" key" if parts[-1].endswith("-key") else " variant" if len(parts) > 2 else "")
    # a "path of a hero" scenario and its editions are kinds of their own, not lessons
    if parts == [SCENARIOS]:
        return lang, "scenarios"
    scenario = "scenario " if parts[0] == SCENARIOS else ""
    last = parts[-1]
    for suffix in (".easy", ".braille", ".teacher", ".gamebook"):
        if last.endswith(suffix):
            return lang, scenario + suffix[1:]
    if scenario:
        return lang, "scenario"
    if last == "worksheet":
        return lang, "worksheet"
    if last == "print":
        return lang, "print"
    if len(parts) == 1 and (ROOT / "docs" / "kk" / parts[0]).is_dir():
        return lang, "course"
    if len(parts) == 2:
        return lang, "lesson"
    return lang, last.removesuffix(".html")


def one_of_each_kind(paths: list[str]) -> list[str]:
    chosen: dict = {}
    for path in paths:
        chosen.setdefault(page_kind(path), path)
    return sorted(chosen.values())


def test_one_of_each_kind_covers_every_kind_in_every_language(built_site):
    kinds = {page_kind(p) for p in one_of_each_kind(all_pages(built_site))}
    for lang in ("kk", "ru", "en"):
        for kind in ("home", "course", "lesson", "easy", "braille", "teacher", "worksheet", "print",
                     "practice", "practice variant", "practice key", "scenario", "scenario gamebook"):
            assert (lang, kind) in kinds, (lang, kind)


def axe_pass(base_url: str, paths: list[str], viewport: str, browsers: int = AXE_BROWSERS) -> dict:
    """axe-core (WCAG A/AA rules) over every path: {path: violations} of the pages that have any.
    The paths are shared out over ``browsers`` Chromium processes working at once, each loading
    its pages one after the other in one tab."""
    from playwright.sync_api import sync_playwright

    def one_browser(share: list[str]) -> dict:
        found = {}
        with sync_playwright() as pw:  # Playwright wants one instance per thread
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            context = browser.new_context(viewport=VIEWPORTS[viewport], bypass_csp=True)
            context.add_init_script(AXE)  # axe-core in every page before it loads
            page = context.new_page()
            for path in share:
                violations = axe_violations(page, base_url + path)
                if violations:
                    found[path] = violations
            browser.close()
        return found

    shares = [paths[n::browsers] for n in range(browsers)]
    failures: dict = {}
    with ThreadPoolExecutor(browsers) as pool:
        for found in pool.map(one_browser, [s for s in shares if s]):
            failures.update(found)
    return failures


def test_the_axe_pass_reports_a_violation(built_site, tmp_path):
    """The pass below sees what it is for: a page with an unlabelled field and an image
    without alt text, served beside a real page, is reported; the real page is not."""
    page = (built_site / "help" / "index.html").read_text(encoding="utf-8")
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "index.html").write_text(page, encoding="utf-8")
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "index.html").write_text(
        page.replace("</main>", '<input type="text"><img src="x.png"></main>', 1), encoding="utf-8")
    (tmp_path / "assets").symlink_to(built_site / "assets")
    server = serve(tmp_path)
    try:
        found = axe_pass(f"http://127.0.0.1:{server.server_address[1]}/", ["ok/", "bad/"], "phone")
    finally:
        server.shutdown()
    assert list(found) == ["bad/"], found
    assert any(v.startswith("image-alt") for v in found["bad/"]) and any(v.startswith("label") for v in found["bad/"])


# Every page at phone size (the layout most readers get); at desktop size one page of each kind
# per language (the same templates; a page's own content is already checked at phone size).
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_every_page_passes_axe_wcag_aa(built_site, http_server, viewport):
    paths = all_pages(built_site)
    assert axe_pass(http_server, paths if viewport == "phone" else one_of_each_kind(paths), viewport) == {}


def lesson_paths(site) -> list[str]:
    """The built Kazakh lesson pages (one per lesson Markdown file, not course or print pages)."""
    paths = sorted(f"{md.parent.name}/{md.stem}/" for md in (ROOT / "docs/kk").glob("*/*.md")
                   if md.stem != "index" and "." not in md.stem)
    paths = [p for p in paths if (site / p / "index.html").is_file()]
    assert paths, "no lesson pages built"
    return paths


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_skip_link_reaches_the_lesson_within_three_tabs(browser, built_site, http_server, viewport):
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    page = context.new_page()
    page.goto(http_server + lesson_paths(built_site)[0])
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#zb-main"
    page.keyboard.press("Tab")
    inside = page.evaluate("!!document.activeElement.closest('.md-content')")
    assert inside, page.evaluate("document.activeElement.outerHTML")
    context.close()


def test_closed_phone_menu_links_are_not_focusable(browser, built_site, http_server):
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    page = context.new_page()
    page.goto(http_server + lesson_paths(built_site)[0])
    assert page.locator(".md-sidebar--primary a").count() > 0
    seen_in_menu = []
    for _ in range(150):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"):
            seen_in_menu.append(page.evaluate("document.activeElement.outerHTML")[:120])
        if page.evaluate("document.activeElement === document.body"):
            break
    context.close()
    assert seen_in_menu == []


def test_menu_without_javascript_keeps_materials_label(browser, built_site, http_server):
    context = browser.new_context(viewport=VIEWPORTS["phone"], java_script_enabled=False)
    page = context.new_page()
    page.goto(http_server + lesson_paths(built_site)[0])
    assert not page.is_visible(".zb-menu-open")
    page.click("label.md-header__button[for=__drawer]")
    page.wait_for_timeout(300)
    assert page.is_visible(".md-sidebar--primary a[href]")
    context.close()


def test_no_request_leaves_this_machine(browser, built_site, http_server):
    context = browser.new_context()
    page = context.new_page()
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(http_server) else None)
    failed = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    kinds = ["", "ru/", "en/fraud/", lesson_paths(built_site)[0], "ru/" + lesson_paths(built_site)[-1],
             "en/help/", "accessibility/", "ru/editors/"]
    for path in kinds:
        page.goto(http_server + path)
        page.wait_for_load_state("networkidle")
    context.close()
    assert outside == [] and failed == []
