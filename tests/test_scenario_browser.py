""""Path of a hero" scenarios in Debian's Chromium (issue 19): played by keyboard alone with and
without JavaScript, axe on every step at phone size, the script's size and CSP.

A small site with the fixture scenario (tests/fixtures/scenario/, kk/ru/en) is built once with
the real hooks and theme and served with Content-Security-Policy script-src 'self'.
"""
from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from conftest import ROOT, built_fixture_site, serve
from test_browser import AXE, axe_violations
from test_scenario import docs_files

CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:"
PHONE = {"width": 390, "height": 844}
PAGE = "en/scenarios/sample/"
SCRIPT = ROOT / "overrides" / "assets" / "javascripts" / "scenario.js"


@pytest.fixture(scope="session")
def scenario_site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("scenario-site")
    return built_fixture_site(tmp, docs_files(), "scenario")


@pytest.fixture(scope="session")
def scenario_url(scenario_site):
    server = serve(scenario_site, {"Content-Security-Policy": CSP})
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def active(page) -> str:
    return page.evaluate("""() => { const e = document.activeElement;
        return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ':' + (e.textContent || '').trim(); }""")


def tab_to(page, text: str, limit: int = 60) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == text:
            return
    raise AssertionError(f"focus never reached {text!r}; it is on {active(page)}")


def wait_focus(page, element_id: str, tries: int = 50) -> None:
    """Wait until focus is on ``element_id`` (polled with evaluate: the page's CSP forbids the
    string evaluation of wait_for_function)."""
    for _ in range(tries):
        if page.evaluate("document.activeElement.id") == element_id:
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"focus is on {active(page)}, not #{element_id}")


def shown_steps(page) -> list[str]:
    return page.evaluate("""() => [...document.querySelectorAll('.zb-step')]
        .filter(s => s.getClientRects().length > 0).map(s => s.id)""")


def play_to_good_ending(page, url: str) -> None:
    """Start -> "I ask my parents" -> "I report the account" (a good ending), by Tab and Enter."""
    page.goto(url + PAGE)
    assert shown_steps(page) == ["offer"]                       # only the start before any choice
    tab_to(page, "I ask my parents")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile("#ask-parent$"))
    assert shown_steps(page) == ["ask-parent"]


@pytest.fixture()
def js_page(browser):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    yield page
    context.close()


def test_played_by_keyboard_with_javascript(js_page, scenario_url):
    page = js_page
    play_to_good_ending(page, scenario_url)
    # the script moved focus to the new step's heading
    wait_focus(page, "ask-parent--title")
    # the meaning of a choice is not shown on the step
    assert "an adult will help" not in page.locator("#offer").inner_text()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert active(page) == "a:I report the account"
    page.keyboard.press("Enter")
    wait_focus(page, "reported--title")
    assert shown_steps(page) == ["reported"]
    recap = page.locator("#reported .zb-recap")
    assert recap.is_visible()
    text = recap.inner_text()
    assert "Your choices" in text
    assert text.index("I ask my parents") < text.index("Right: an adult will help.") < text.index(
        "I report the account") < text.index("Right: a report protects others too.")
    # play again: back to the start, the path forgotten
    tab_to(page, "Play again")
    page.keyboard.press("Enter")
    wait_focus(page, "offer--title")
    assert shown_steps(page) == ["offer"]
    assert page.evaluate("JSON.parse(sessionStorage.getItem('zansabaq-path:' + location.pathname))") == []
    assert page.errors == []


def test_played_by_keyboard_without_javascript(browser, scenario_url):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    play_to_good_ending(page, scenario_url)
    # without the script the browser's own fragment move: the next Tab is the step's first choice
    page.keyboard.press("Tab")
    assert active(page) == "a:I agree in secret anyway"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile("#reported$"))
    assert shown_steps(page) == ["reported"]
    assert not page.locator("#reported .zb-recap").is_visible()   # the recap needs the script
    assert page.locator("#reported a[href='#offer']").inner_text() == "Play again"
    assert page.locator("#reported a[href='tel:102']").is_visible()   # [[tel:102]] is tap-to-call
    context.close()


def test_every_step_passes_axe_at_phone_size(browser, scenario_site, scenario_url):
    context = browser.new_context(viewport=PHONE, bypass_csp=True)
    context.add_init_script(AXE)
    page = context.new_page()
    failures = {}
    pages = sorted(p.parent.relative_to(scenario_site).as_posix() + "/"
                   for p in scenario_site.glob("**/scenarios/*/index.html") if "." not in p.parent.name)
    assert pages == ["en/scenarios/sample/", "ru/scenarios/sample/", "scenarios/sample/"]
    for path in pages:
        html = (scenario_site / path / "index.html").read_text(encoding="utf-8")
        steps = re.findall(r'<section[^>]*\bclass="zb-step[^"]*"[^>]*\bid="([a-z0-9-]+)"', html)
        assert len(steps) == 9, path
        for step in [""] + steps:
            violations = axe_violations(page, scenario_url + path + (f"#{step}" if step else ""))
            if violations:
                failures[path + "#" + step] = violations
    # the pages made beside it, and the pages that list it
    for path in ("scenarios/sample.gamebook/", "en/scenarios/sample.teacher/", "ru/scenarios/sample.braille/",
                 "en/scenarios/", "en/", "en/fraud/", "fraud/droppers/", "en/teachers/"):
        violations = axe_violations(page, scenario_url + path)
        if violations:
            failures[path] = violations
    context.close()
    assert failures == {}


REAL = "card-for-money"  # a real scenario of docs/


def test_real_scenario_every_step_passes_axe_and_has_its_editions(browser, built_site, http_server):
    assert (ROOT / "docs" / "kk" / "scenarios" / f"{REAL}.md").is_file()
    context = browser.new_context(viewport=PHONE, bypass_csp=True)
    context.add_init_script(AXE)
    page = context.new_page()
    failures = {}
    for prefix, lang in (("", "kk"), ("ru/", "ru"), ("en/", "en")):
        folder = built_site / f"{prefix}scenarios"
        html = (folder / REAL / "index.html").read_text(encoding="utf-8")
        steps = re.findall(r'<section[^>]*\bclass="zb-step[^"]*"[^>]*\bid="([a-z0-9-]+)"', html)
        assert 8 <= len(steps) <= 20
        for step in [""] + steps:
            violations = axe_violations(page, f"{http_server}{prefix}scenarios/{REAL}/" + (f"#{step}" if step else ""))
            if violations:
                failures[f"{prefix}{REAL}#{step}"] = violations
        gamebook = (folder / f"{REAL}.gamebook" / "index.html").read_text(encoding="utf-8")
        assert all(f">{n}. " in gamebook for n in range(1, len(steps) + 1))
        assert (folder / f"{REAL}.teacher" / "index.html").is_file()
        braille = folder / f"{REAL}.braille"
        assert list(braille.glob(f"{REAL}.*.brf")) and list(braille.glob(f"{REAL}.*.txt"))
    context.close()
    assert failures == {}


def test_script_is_small_and_has_no_eval():
    source = SCRIPT.read_text(encoding="utf-8")
    assert len(gzip.compress(source.encode("utf-8"), 9)) <= 3 * 1024
    assert not re.search(r"\beval\s*\(|new\s+Function|innerHTML|setTimeout\s*\(\s*['\"]", source)


def test_page_loads_the_script_from_a_file_under_the_csp(scenario_site):
    html = (scenario_site / PAGE / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<script src="[./]*assets/javascripts/scenario\.js" defer></script>', html)
    assert re.search(r'<link rel="stylesheet" href="[./]*assets/stylesheets/scenario\.css">', html)
    assert "script-src 'self'" in html and not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", html)


# ----- the built editions and the ways in ----------------------------------------------------------
def text_of(site: Path, path: str) -> str:
    import html as html_module
    page = (site / path / "index.html").read_text(encoding="utf-8")
    body = page[page.index('<h1 id="zb-main"'):page.index("</article>")]
    return html_module.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)))


def test_gamebook_is_numbered_with_turn_to_instead_of_links(scenario_site):
    page = (scenario_site / "en/scenarios/sample.gamebook/index.html").read_text(encoding="utf-8")
    text = text_of(scenario_site, "en/scenarios/sample.gamebook")
    titles = ["A message from a stranger", "They explain", "What your friend says", "What your parents say",
              "You blocked them", "A teacher helped", "You reported them", "You gave your card", "You agreed in secret"]
    positions = [text.index(f"{n}. {title}") for n, title in enumerate(titles, 1)]
    assert positions == sorted(positions)                                 # sections 1..n, start = 1
    assert "I ask my parents: turn to 4." in text and "I send my card details: turn to 8." in text
    assert "Decide differently: turn to 1." in text and "The end. Play again: turn to 1." in text
    assert not re.search(r'href="#(offer|details|friend|ask-parent|gave-card)"', page)  # no story links
    assert 'href="tel:102"' in page                                       # help numbers as in lessons
    kk = text_of(scenario_site, "scenarios/sample.gamebook")
    assert "1. Бейтаныс адамнан хабарлама" in kk and "Ата-анамнан сұраймын: 4-бөлімге өту." in kk


def test_braille_edition_holds_the_numbered_sections(scenario_site):
    from hooks.editions import braille
    for lang, folder, first_words in (("en", "en/", ["A", "They", "What", "What", "You", "A", "You", "You", "You"]),
                                      ("ru", "ru/", ["Сообщение", "Он", "Что", "Что", "Ты", "Учитель", "Ты", "Ты", "Ты"])):
        out = scenario_site / f"{folder}scenarios/sample.braille"
        assert (out / "index.html").is_file()
        brf = (out / f"sample.{lang}.brf").read_bytes()
        txt = (out / f"sample.{lang}.txt").read_text(encoding="utf-8-sig")
        assert brf and brf.isascii()
        cells = txt.replace("\u2800", " ")
        tables = braille.tables_for(lang)
        for n, word in enumerate(first_words, 1):
            heading = braille.translate(f"{n}. {word}", tables).replace("\u2800", " ")
            assert heading in cells, (lang, n, word)


def test_teacher_page_has_the_class_plan_and_the_key(scenario_site):
    text = text_of(scenario_site, "en/scenarios/sample.teacher")
    assert "Playing it as a class" in text and "the class votes" in text and "discuss all the endings" in text
    assert "Duration 20 min" in text and "Total: 20 min" in text                  # duration from front matter
    assert "I ask my parents (section 4): Right: an adult will help." in text     # the meanings as the key
    assert "Gamebook to print" in text
    hub = text_of(scenario_site, "en/teachers")
    assert "Path of a hero A test scenario Grades 9–11 and adults · 20 min · the scenario" in hub
    assert 'href="../scenarios/sample.teacher/"' in (scenario_site / "en/teachers/index.html").read_text(encoding="utf-8")


def test_scenario_is_linked_from_home_hub_course_and_its_lessons(scenario_site):
    for path, heading in (("en", "Try it: path of a hero"), ("en/scenarios", "All scenarios"),
                          ("en/fraud", "Scenarios of this course"), ("fraud/droppers", "Осы сабақты сценарийде байқап көр")):
        page = (scenario_site / path / "index.html").read_text(encoding="utf-8")
        assert heading in text_of(scenario_site, path), path
        assert re.search(r'<a href="(\.\./)*(scenarios/)?sample/">', page), path
    page = text_of(scenario_site, "en/scenarios/sample")
    assert "Gamebook to print" in page and "Braille" in page and "For teachers" in page
