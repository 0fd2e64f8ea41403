"""Browser tests in Debian's Chromium: accessibility (axe-core) on every page,
keyboard use, the phone menu, and no request to another host."""
from __future__ import annotations

import pytest

from conftest import ROOT

AXE = (ROOT / "node_modules/axe-core/axe.min.js").read_text(encoding="utf-8")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


def all_pages(site) -> list[str]:
    return sorted(p.relative_to(site).as_posix().removesuffix("index.html")
                  for p in site.rglob("*.html"))


def axe_violations(page, url: str) -> list[str]:
    page.goto(url)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return [f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(n["target"][0] if isinstance(n["target"][0], str)
            else str(n["target"]) for n in v["nodes"][:3]) for v in result["violations"]]


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_every_page_passes_axe_wcag_aa(browser, built_site, http_server, viewport):
    context = browser.new_context(viewport=VIEWPORTS[viewport], bypass_csp=True)
    context.add_init_script(AXE)  # axe-core in every page before it loads
    page = context.new_page()
    failures = {}
    for path in all_pages(built_site):
        violations = axe_violations(page, http_server + path)
        if violations:
            failures[path] = violations
    context.close()
    assert failures == {}


def lesson_paths(site) -> list[str]:
    paths = [p for p in all_pages(site) if p.count("/") == 2 and "." not in p.split("/")[-2]
             and not p.startswith(("ru/", "en/")) and p.split("/")[0] in ("law-basics", "safety", "fraud")]
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
