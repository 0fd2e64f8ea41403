"""Hostile and broken content. Editors' files are untrusted: every case is either rejected
with a message naming the file and the line (and no Python traceback), or rendered
harmless — proven in Chromium with the Content-Security-Policy switched off, so that the
escaping alone keeps every script from running and every dialog from opening."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from conftest import ROOT, fixture_site, lesson_md, minimal_pages, mkdocs_build, serve
from hooks.content import checks, glossary, markup

TODAY = dt.date(2026, 11, 22)
PAYLOAD = "window.__zbPwned=1;alert(1)"
SCRIPT = f"<script>{PAYLOAD}</script>"


def write_docs(tmp: Path, files: dict) -> Path:
    docs = tmp / "docs"
    for rel, text in files.items():
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return docs


def errors_for(tmp: Path, files: dict) -> list[str]:
    docs = write_docs(tmp, {**minimal_pages(), **files})
    catalog = checks.run(docs, TODAY)
    return [e.format() for e in catalog.errors]


def assert_rejected(errors: list[str], path: str, line: int | None, *words: str):
    hits = [e for e in errors if e.startswith(f"docs/{path}:")]
    assert hits, f"no error for {path}; errors: {errors}"
    if line is not None:
        assert any(e.startswith(f"docs/{path}:{line}:") for e in hits), hits
    for word in words:
        assert any(word in e for e in hits), (word, hits)


# ----- rejected, with file:line ---------------------------------------------------------
BODY_CASES = {
    "script": ("## Кіріспе\n\nМәтін.\n\n" + SCRIPT + "\n", 5, "raw HTML"),
    "event-handler": ("## Кіріспе\n\nСурет <img src=x onerror=alert(1)> осында.\n", 3, "raw HTML"),
    "heading-html": ("## Кіріспе <b onmouseover=alert(1)>x</b>\n\nМәтін.\n", 1, "raw HTML"),
    "javascript-link": ("## Кіріспе\n\n[басыңыз](javascript:alert(1))\n", 3, "javascript"),
    "javascript-entity": ("## Кіріспе\n\n[басыңыз](&#106;avascript:alert(1))\n", 3, "not allowed"),
    "javascript-reference": ("## Кіріспе\n\n[басыңыз][x]\n\n[x]: JaVaScRiPt:alert(1)\n", 5, "not allowed"),
    "data-image": ("## Кіріспе\n\n![сурет](data:image/svg+xml,%3Csvg%20onload=alert(1)%3E)\n", 3, "data"),
    "attr-onclick": ("## Кіріспе\n\n[сілтеме](https://example.org){ onclick=\"alert(1)\" }\n", 3, "onclick"),
    "attr-style": ("## Кіріспе { style=\"display:none\" }\n\nМәтін.\n", 1, "style"),
    "duplicate-ids": ("## Бір {#same}\n\nА.\n\n## Екі {#same}\n\nБ.\n", 5, "used twice"),
    "reserved-id": ("## Бір {#zb-main}\n\nА.\n", 1, "reserved"),
    "missing-image": ("## Кіріспе\n\n![Ақша сызбасы](images/missing.png)\n", 3, "does not exist"),
    "missing-page": ("## Кіріспе\n\n[Көмек](../no-such-page.md)\n", 3, "does not exist"),
    "comment-breakout": ("## Кіріспе\n\n<!-- a --><script>alert(1)</script><!-- b -->\n", 3, "raw HTML"),
    "iframe": ("## Кіріспе\n\n<iframe src=\"https://example.org\"></iframe>\n", 3, "raw HTML"),
}


@pytest.mark.parametrize("case", sorted(BODY_CASES))
def test_hostile_markdown_is_rejected_with_file_and_line(tmp_path, case):
    body, body_line, word = BODY_CASES[case]
    text = lesson_md(body=body)
    first_body_line = text.split("\n").index("---", 1) + 2  # the line after the closing ---
    errors = errors_for(tmp_path, {"kk/fraud/sample.md": text})
    # The body starts after the blank line that follows the front matter.
    assert_rejected(errors, "kk/fraud/sample.md", first_body_line + body_line, word)


FRONT_MATTER_CASES = {
    "title": ("title: '<script>alert(1)</script>'", "title", 2),
    "summary": (None, "summary", 3),
    "objective": (None, "objectives.0", 9),
    "source-title": (None, "sources.0.title", 11),
}


def test_html_in_front_matter_is_rejected_with_file_and_line(tmp_path):
    text = lesson_md(title="'<script>alert(1)</script>'")
    text = text.replace("summary: Қысқа сипаттама.", "summary: '<img src=x onerror=alert(1)>'")
    text = text.replace("  - Бір мақсат", "  - '<svg onload=alert(1)>'")
    text = text.replace("  - title: Қылмыстық кодекс", "  - title: '</a><script>alert(1)</script>'")
    lines = text.split("\n")
    errors = errors_for(tmp_path, {"kk/fraud/sample.md": text})
    for needle, field in (("title: '<script>", "'title'"), ("summary:", "'summary'"),
                          ("<svg onload", "'objectives.0'"), ("</a><script>", "'sources.0.title'")):
        line = next(i for i, ln in enumerate(lines, 1) if needle in ln)
        assert_rejected(errors, "kk/fraud/sample.md", line, field)


def test_javascript_source_url_is_rejected(tmp_path):
    text = lesson_md().replace("url: https://adilet.zan.kz/kaz/docs/K1400000226", "url: javascript:alert(1)")
    line = text.split("\n").index("    url: javascript:alert(1)") + 1
    assert_rejected(errors_for(tmp_path, {"kk/fraud/sample.md": text}), "kk/fraud/sample.md", line, "https://")


def test_yaml_alias_bomb_is_rejected(tmp_path):
    bomb = "".join(f"l{i}: &l{i} [" + ",".join([f"*l{i - 1}"] * 9) + "]\n" for i in range(1, 9))
    text = lesson_md(extra="l0: &l0 lol\n" + bomb)
    line = text.split("\n").index("l0: &l0 lol") + 2  # the first alias is on the next line
    assert_rejected(errors_for(tmp_path, {"kk/fraud/sample.md": text}), "kk/fraud/sample.md", line, "aliases")


def test_a_5_mb_lesson_is_rejected(tmp_path):
    text = lesson_md(body="## Кіріспе\n\n" + ("Өте ұзын мәтін. " * 20 + "\n\n") * 16_000)
    assert len(text.encode("utf-8")) > 5_000_000
    assert_rejected(errors_for(tmp_path, {"kk/fraud/sample.md": text}), "kk/fraud/sample.md", 1, "KB")


def test_a_non_utf8_file_is_rejected(tmp_path):
    good = lesson_md(body="## Кіріспе\n\nМәтін.\n").encode("utf-8")
    text = good + "Слово\n".encode("cp1251")
    line = good.count(b"\n") + 1
    assert_rejected(errors_for(tmp_path, {"kk/fraud/sample.md": text}), "kk/fraud/sample.md", line, "UTF-8")


def test_a_lesson_id_in_two_courses_is_rejected(tmp_path):
    errors = errors_for(tmp_path, {
        "kk/fraud/sample.md": lesson_md(),
        "kk/safety/sample.md": lesson_md(course="safety"),
    })
    assert any("already used" in e for e in errors), errors
    assert any(re.match(r"docs/kk/(fraud|safety)/sample\.md:2:", e) for e in errors), errors


def test_html_javascript_and_scripted_svg_files_are_rejected(tmp_path):
    errors = errors_for(tmp_path, {
        "kk/fraud/sample.md": lesson_md(),
        "kk/fraud/evil.html": SCRIPT,
        "kk/fraud/evil.js": PAYLOAD,
        "kk/fraud/images/pic.svg": '<svg xmlns="http://www.w3.org/2000/svg">\n<circle r="4" onload="alert(1)"/></svg>',
    })
    assert_rejected(errors, "kk/fraud/evil.html", 1, "not published")
    assert_rejected(errors, "kk/fraud/evil.js", 1, "not published")
    assert_rejected(errors, "kk/fraud/images/pic.svg", 2, "script")


def test_a_damaged_picture_is_rejected(tmp_path):
    errors = errors_for(tmp_path, {
        "kk/fraud/sample.md": lesson_md(body="## Кіріспе\n\n![Сызба](images/chart.png)\n"),
        "kk/fraud/images/chart.png": png()[:60],
    })
    assert_rejected(errors, "kk/fraud/images/chart.png", 1, "cannot be read")


def test_many_bad_files_at_once_fail_the_build_with_file_and_line_and_no_traceback(tmp_path):
    """The real `mkdocs build`: every problem is listed, each with file:line, no traceback."""
    files = minimal_pages()
    files["kk/fraud/sample.md"] = lesson_md(body="## Кіріспе\n\n" + SCRIPT + "\n")
    files["kk/fraud/bomb.md"] = lesson_md("bomb", extra="a: &a [x]\nb: [*a, *a]\n")
    files["kk/fraud/big.md"] = lesson_md("big", body="x" * 5_200_000)
    files["kk/fraud/latin1.md"] = lesson_md("latin1").encode("utf-8") + "é\n".encode("latin-1")
    files["kk/safety/sample.md"] = lesson_md(course="safety", body="[x](javascript:alert(1))\n")
    files["kk/help.md"] = "---\ntitle: '<img src=x onerror=alert(1)>'\n---\n\nText.\n"
    config = fixture_site(tmp_path, files)
    proc = mkdocs_build(tmp_path / "site", config)
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "Traceback" not in output, output[-4000:]
    for expected in (r"docs/kk/fraud/sample\.md:\d+: raw HTML", r"docs/kk/fraud/bomb\.md:\d+: YAML aliases",
                     r"docs/kk/fraud/big\.md:1: the file is", r"docs/kk/fraud/latin1\.md:\d+: the file is not UTF-8",
                     r"docs/kk/safety/sample\.md:\d+: .*javascript", r"docs/kk/help\.md:2: 'title' contains HTML"):
        assert re.search(expected, output), (expected, output[-4000:])
    assert not (tmp_path / "site" / "fraud" / "sample" / "index.html").exists()


# ----- rendered harmless ----------------------------------------------------------------
QUIZ = """
```quiz
questions:
  - id: q1
    type: single
    text: "<script>window.__zbPwned=1;alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3))"
    options:
      - text: "<b onmouseover=alert(4)>A</b>"
        correct: true
      - text: "B ![x](javascript:alert(5))"
        explain: "<iframe src=javascript:alert(6)></iframe>"
    explain: "</form><script>alert(7)</script>"
    source: "<a href=javascript:alert(8)>law</a>"
  - id: q2
    type: truefalse
    text: "\\"><svg onload=alert(9)>"
    answer: true
```
"""

HARMLESS_BODY = (
    "## Кіріспе &lt;script&gt;alert(1)&lt;/script&gt;\n\n"
    "Мәтін: 5 < 6 & 7 > 3, \"тырнақша\" және 'апостроф'. `<script>alert(1)</script>` код ретінде.\n\n"
    "<!-- <script>alert(1)</script> редактор ескертпесі -->\n\n"
    "![Сурет\" onerror=\"alert(1)](images/pic.png)\n\n"
    "[Қауіпсіз сілтеме](https://example.org/?q=\"><script>alert(1)</script>)\n"
    + QUIZ
)

def png(size=(40, 20)) -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


PNG = png()


@pytest.fixture(scope="module")
def harmless_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("harmless")
    files = minimal_pages()
    files["kk/fraud/sample.md"] = lesson_md(
        title="'\"Алаяқ\" & <5 — it''s &lt;b&gt;'",
        body=HARMLESS_BODY,
    ).replace("summary: Қысқа сипаттама.", "summary: '\" onmouseover=\"alert(1)\" x=\" & 5 < 6'")
    files["kk/fraud/images/pic.png"] = PNG
    # Windows editor: BOM and CRLF line ends; must build like any other lesson.
    files["kk/fraud/windows.md"] = ("\ufeff" + lesson_md("windows", title="Windows сабағы", order=2)).replace(
        "\n", "\r\n").encode("utf-8")
    config = fixture_site(tmp, files)
    proc = mkdocs_build(tmp / "site", config)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output[-5000:]
    assert "Traceback" not in output
    return tmp / "site"


def test_bom_and_crlf_lesson_builds_normally(harmless_site):
    html = (harmless_site / "fraud" / "windows" / "index.html").read_text(encoding="utf-8")
    assert "<title>Windows сабағы - Zansabaq</title>" in html
    assert "\ufeff" not in html and "\r" not in html
    assert "id: windows" not in html  # the front matter was read, not shown


def active_parts(html: str) -> list[str]:
    """Scripts, event handlers and script URLs in a page, besides Material's own scripts."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    found = []
    for el in soup.find_all(True):
        for name, value in el.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on"):
                found.append(f"<{el.name} {name}>")
            if re.sub(r"\s", "", text).lower().startswith(("javascript:", "vbscript:", "data:text/html")):
                found.append(f"<{el.name} {name}={text[:40]}>")
        if el.name in ("iframe", "object", "embed", "base", "frame", "applet"):
            found.append(f"<{el.name}>")
        if el.name == "script" and not el.get("src") and el.get("type") != "application/json":
            if "__md_" not in el.text and "location.hash" not in el.text and "palette" not in el.text:
                found.append(f"<script>{el.text[:40]}")
    return found


def test_hostile_text_is_escaped_in_the_html(harmless_site):
    html = (harmless_site / "fraud" / "sample" / "index.html").read_text(encoding="utf-8")
    assert "&#34;Алаяқ&#34; &amp; &lt;5" in html or "&quot;Алаяқ&quot; &amp; &lt;5" in html
    assert 'class="zb-quiz' in html and "&lt;script&gt;" in html  # the hostile quiz is on the page, as text
    assert active_parts(html) == []
    without_comments = re.sub(r"<!--.*?-->", "", html, flags=re.S)
    assert "<script>alert" not in without_comments and f"<script>{PAYLOAD}" not in without_comments


@pytest.fixture(scope="module")
def harmless_server(harmless_site):
    server = serve(harmless_site)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def run_page(browser, url: str, act=None) -> dict:
    """Open ``url`` with the CSP switched off: only the escaping protects the page."""
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    dialogs, errors = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url, wait_until="load")
    if act:
        act(page)
    page.wait_for_timeout(400)
    pwned = page.evaluate("window.__zbPwned")
    context.close()
    return {"dialogs": dialogs, "errors": errors, "pwned": pwned}


def _poke(page):
    """Hover, click and answer everything a reader could touch."""
    for selector in ("h2", "img", "b", "a[href^='http']", ".zb-quiz input", ".zb-quiz button", "summary"):
        items = page.locator(selector)
        for i in range(min(items.count(), 6)):
            item = items.nth(i)
            if not item.is_visible():
                continue
            try:
                item.hover(timeout=500)
                if selector in (".zb-quiz input", ".zb-quiz button", "summary"):
                    item.click(timeout=500)
            except Exception:  # noqa: BLE001 — covered or moving elements: nothing to poke
                pass


@pytest.mark.parametrize("rel", ["fraud/sample/", "ru/fraud/sample/", "en/fraud/sample/", "fraud/",
                                 "fraud/sample.braille/", "fraud/sample.teacher/",
                                 "fraud/sample.teacher/worksheet/", "fraud/print/"])
def test_no_script_runs_and_no_dialog_opens(harmless_site, harmless_server, browser, rel):
    if not (harmless_site / rel / "index.html").is_file():
        pytest.skip(f"{rel} not built")
    result = run_page(browser, harmless_server + rel, _poke)
    assert result == {"dialogs": [], "errors": [], "pwned": None}, result


HOSTILE_GLOSSARY = """terms:
  - id: fraud
    term: "алаяқтық<script>window.__zbPwned=1;alert(1)</script>"
    explanation: "<img src=x onerror=alert(2)> \\"quote\\" & [link](javascript:alert(3))"
    law: "</a><svg onload=alert(4)>"
    url: https://adilet.zan.kz/kaz/docs/K1400000226
    match: [алаяқтық*]
"""


def test_hostile_glossary_entries_are_harmless(tmp_path, browser, monkeypatch):
    """A glossary file is data; its text reaches the glossary page and lessons escaped."""
    import markdown as md_lib

    from hooks.content.strings import Translator

    (tmp_path / "kk.yml").write_text(HOSTILE_GLOSSARY, encoding="utf-8")
    gloss = glossary.read("kk", tmp_path)
    assert not gloss.errors, gloss.errors
    monkeypatch.setattr(glossary, "get", lambda lang: gloss)
    names, configs = markup.site_extensions()
    page_md = glossary.page_markdown("kk", Translator("kk"))
    page_html = md_lib.markdown(page_md, extensions=names, extension_configs=configs)
    lesson_html, used = glossary.mark_terms("<p>Бұл алаяқтық туралы.</p>", gloss, Translator("kk"), "../glossary/")
    assert used == ["fraud"]
    doc = f"<!doctype html><html><body>{page_html}<hr>{lesson_html}</body></html>"
    assert active_parts(doc) == []
    path = tmp_path / "glossary.html"
    path.write_text(doc, encoding="utf-8")
    server = serve(tmp_path)
    try:
        result = run_page(browser, f"http://127.0.0.1:{server.server_address[1]}/glossary.html", _poke)
    finally:
        server.shutdown()
    assert result == {"dialogs": [], "errors": [], "pwned": None}, result
