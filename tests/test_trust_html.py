"""Every built page is valid HTML: the Nu HTML Checker (vnu-jar, pinned in package.json)
over the whole built site in one Java process. Zero errors; warnings are listed in the
test output (pytest's warnings summary)."""
from __future__ import annotations

import collections
import json
import shutil
import subprocess
import warnings
from pathlib import Path

import pytest

from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Not about the pages: the checker reads them as file: URLs, where the policy's 'self'
# cannot match and hash sources are not evaluated, so it reports every stylesheet, script
# and image as a Content-Security-Policy violation. The real policy is tested in Chromium
# (tests/test_trust_csp.py), which reports none.
FILE_URL_CSP = ("Resource violates Content Security Policy (meta tag)",
                "Inline script violates Content Security Policy (meta tag)")


def run_vnu(site: Path) -> list[dict]:
    java = shutil.which("java")
    if java is None or not VNU.is_file():
        pytest.fail("the Nu HTML Checker needs java and node_modules/vnu-jar: run tools/setup")
    proc = subprocess.run(
        [java, "-Xss8m", "-jar", str(VNU), "--skip-non-html", "--format", "json", str(site)],
        capture_output=True, text=True, timeout=600,
    )
    try:
        return json.loads(proc.stderr)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"vnu did not report JSON (exit {proc.returncode}):\n{proc.stderr[-3000:]}")


def where(message: dict, site: Path) -> str:
    url = message.get("url", "")
    rel = url.removeprefix("file:").removeprefix(str(site)).lstrip("/")
    return f"{rel}:{message.get('lastLine', '?')}"


@pytest.fixture(scope="module")
def vnu_messages(built_site):
    return run_vnu(built_site)


def test_the_checker_reads_every_page(built_site, vnu_messages):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) >= 50
    fatal = [m for m in vnu_messages if m.get("type") == "non-document-error"]
    assert not fatal, fatal


def test_every_page_is_valid_html(built_site, vnu_messages):
    errors, notes = [], collections.defaultdict(list)
    for m in vnu_messages:
        text = m.get("message", "")
        if text.startswith(FILE_URL_CSP):
            continue
        if m.get("type") == "error":
            extract = " ".join((m.get("extract") or "").split())[:120]
            errors.append(f"{where(m, built_site)}: {text}\n    {extract}")
        else:
            notes[text].append(where(m, built_site))
    for text, places in sorted(notes.items()):
        warnings.warn(UserWarning(f"vnu: {text} ({len(places)}×, e.g. {places[0]})"))
    assert not errors, f"{len(errors)} HTML error(s):\n" + "\n".join(errors[:60])


def test_our_base_html_is_materials_without_autocomplete_on_checkboxes():
    """overrides/base.html is a copy of Material's (the toggles are outside any block): the same
    file but for the attribute the checker rejects, so a Material upgrade that changes base.html
    fails here until the copy is renewed."""
    import material

    theirs = (Path(material.__file__).parent / "templates" / "base.html").read_text(encoding="utf-8")
    ours = (ROOT / "overrides" / "base.html").read_text(encoding="utf-8")
    ours = ours.split("-#}", 1)[1].lstrip("\n")            # without our leading comment
    assert 'type="checkbox"' in ours and 'autocomplete="off"' not in ours
    assert ours == theirs.replace(' autocomplete="off">', ">")
