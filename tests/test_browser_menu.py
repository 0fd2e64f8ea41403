"""The phone menu with the keyboard on a long course, in Debian's Chromium: a small real site
(one real lesson per course) plus generated lessons, built once for this module."""
from __future__ import annotations

import re

import pytest

from conftest import fixture_site, lesson_md, mkdocs_build, serve
from mutants import small_docs
from test_browser import VIEWPORTS


FOCUSED_AND_SEEN = """() => {
  const e = document.activeElement, r = e.getBoundingClientRect();
  const x = r.left + Math.min(r.width / 2, 20), y = r.top + r.height / 2;
  const shown = r.width > 0 && r.height > 0 && y >= 0 && y <= innerHeight && x >= 0 && x <= innerWidth;
  const hit = shown ? document.elementFromPoint(x, y) : null;
  return {inMenu: !!e.closest('.md-sidebar--primary'), text: e.textContent.trim().slice(0, 40),
          seen: !!hit && (hit === e || e.contains(hit) || hit.contains(e))};
}"""


LONG_COURSE = 12  # lessons in the fraud course of the keyboard test's site
EXTRA_TEXT = {"ru": ("Дополнительный урок", "Краткое описание.", "Одна цель", "Текст урока.", "Уголовный кодекс"),
              "en": ("Extra lesson", "A short summary.", "One goal", "The lesson text.", "Criminal Code")}


@pytest.fixture(scope="module")
def long_course_server(tmp_path_factory):
    """The small real site (every page, one real lesson per course: tests/mutants.py) plus
    generated lessons: a fraud course of LONG_COURSE lessons in every language, built strict with
    the real hooks and theme, served on 127.0.0.1. Yields (base URL, the real fraud lessons)."""
    tmp = tmp_path_factory.mktemp("long-course")
    small_docs(tmp / "docs")
    existing = [p for p in (tmp / "docs/kk/fraud").glob("*.md") if p.name != "index.md"
                and not p.name.endswith(".easy.md")]
    last = max(int(re.search(r"(?m)^order: (\d+)$", p.read_text(encoding="utf-8")).group(1)) for p in existing)
    files = {}
    for n in range(len(existing) + 1, LONG_COURSE + 1):  # translations carry the text only
        files[f"kk/fraud/extra-{n}.md"] = lesson_md(f"extra-{n}", title=f"Қосымша сабақ {n}", order=last + n)
        for lang, (title, summary, goal, text, act) in EXTRA_TEXT.items():
            files[f"{lang}/fraud/extra-{n}.md"] = (
                f"---\ntitle: {title} {n}\nsummary: {summary}\nobjectives:\n  - {goal}\n"
                f"sources:\n  - title: {act}\n---\n\n## {title}\n\n{text}\n")
    config = fixture_site(tmp, files)
    dest = tmp / "site"
    proc = mkdocs_build(dest, config)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    server = serve(dest)
    yield f"http://127.0.0.1:{server.server_address[1]}/", existing
    server.shutdown()


@pytest.mark.parametrize("lang", ["", "ru/", "en/"])
def test_phone_menu_works_with_the_keyboard(browser, long_course_server, lang):
    """On a phone (or a zoomed-in desktop) the menu opens from a button in the tab order, names
    itself in the page's language, puts focus in the menu, shows every entry that takes focus,
    and Escape closes it and gives focus back to the button."""
    base_url, real = long_course_server
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    page = context.new_page()
    page.goto(base_url + lang + "fraud/droppers/")
    page.keyboard.press("Tab")  # the skip link
    languages = page.locator("nav.zb-langs a")  # the languages, as words above the header
    assert languages.count() == 3
    for n in range(languages.count()):
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.closest('nav.zb-langs') !== null"), n
    page.keyboard.press("Tab")
    button = page.evaluate("[document.activeElement.tagName, document.activeElement.getAttribute('aria-label'),"
                           " document.activeElement.getAttribute('aria-expanded')]")
    assert button == ["BUTTON", {"": "Мәзір", "ru/": "Меню", "en/": "Menu"}[lang], "false"]
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)  # the drawer slides in
    assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") is None
    assert page.get_attribute(".zb-menu-open", "aria-expanded") == "true"
    entries = []
    for _ in range(60):
        now = page.evaluate(FOCUSED_AND_SEEN)
        if not now["inMenu"]:
            break
        entries.append(now)
        page.keyboard.press("Tab")
    texts = [e["text"] for e in entries]
    assert len(entries) > LONG_COURSE + 8, texts  # home, courses, the open course's lessons, contents, ...
    # every generated lesson of the open course is in the menu (the course has a real one too)
    assert real
    assert sum(1 for t in texts if t.startswith(("Қосымша сабақ", "Дополнительный урок", "Extra lesson"))) \
        == LONG_COURSE - len(real), texts
    assert [e["text"] for e in entries if not e["seen"]] == []
    # Tabbing out of the menu closes it.
    assert not page.evaluate("document.getElementById('__drawer').checked")
    page.click(".zb-menu-open")
    page.wait_for_timeout(300)
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.classList.contains('zb-menu-open')")
    assert page.get_attribute(".zb-menu-open", "aria-expanded") == "false"
    context.close()
