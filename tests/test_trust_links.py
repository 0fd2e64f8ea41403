"""No broken internal link or anchor anywhere in the built site (hooks/site/linkcheck.py):
navigation, language switcher, standard / easy / Braille switcher, teacher pages,
downloads (BRF, TXT, zip, cards), canonical and sitemap URLs. External links are listed
(pytest's warnings summary and a report file), never fetched."""
from __future__ import annotations

import warnings

import pytest

from conftest import ROOT, fixture_site, lesson_md, minimal_pages, mkdocs_build
from hooks.site import linkcheck

SITE_URL = "https://zansabaq.kz/"


@pytest.fixture(scope="module")
def result(built_site):
    return linkcheck.check_site(built_site, SITE_URL)


def test_no_broken_internal_links_or_anchors(built_site, result, tmp_path_factory):
    report = tmp_path_factory.mktemp("links") / "external-links.txt"
    report.write_text(result.report() + "\n", encoding="utf-8")
    warnings.warn(UserWarning(f"{result.report()}\n(report: {report})"))
    assert result.pages >= 50 and result.checked > 1000
    assert not result.errors, f"{len(result.errors)} broken link(s):\n" + "\n".join(result.errors[:80])


def _targets(result, where_prefix=""):
    return [(page, where, path) for page, where, path in result.seen if where.startswith(where_prefix)]


def test_the_check_covers_every_kind_of_link(result):
    paths = [path for _, _, path in result.seen]
    # Language switcher targets in every language, from a lesson page.
    assert any(p.startswith("/ru/") for p in paths) and any(p.startswith("/en/") for p in paths)
    # Standard / easy / Braille variants and the Braille downloads.
    assert any(p.endswith(".easy/") for p in paths)
    assert any(p.endswith(".braille/") for p in paths)
    assert any(p.endswith(".brf") for p in paths)
    assert any(p.endswith(".txt") for p in paths)
    # Stylesheets, scripts and images of every page.
    assert any(p.endswith(".css") for p in paths) and any(p.endswith(".js") for p in paths)
    # Anchors were checked too: same-page and cross-page fragments.
    assert any(w == "a[href]" for _, w, _ in result.seen)


def test_teacher_pages_and_downloads_are_checked_if_present(built_site, result):
    paths = {path for _, _, path in result.seen}
    for pattern, kind in (("*.teacher/index.html", "teacher page"), ("*.zip", "zip"),
                          ("**/cards/*.png", "card")):
        files = list(built_site.rglob(pattern))
        if not files:
            continue
        linked = [f for f in files if "/" + f.relative_to(built_site).as_posix().removesuffix("index.html") in paths]
        assert linked, f"no page links to any {kind} ({files[0].relative_to(built_site)})"


def test_the_checker_finds_broken_links_and_anchors(tmp_path):
    """The checker itself: a fixture site with a broken page link, a broken anchor and a
    javascript: URL written straight into a page's HTML."""
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text(
        '<a href="a/">ok</a><a href="a/#here">ok</a><a href="a/#nowhere">bad anchor</a>'
        '<a href="missing/">bad page</a><a href="javascript:alert(1)">bad</a>'
        '<a href="https://example.org/x">external</a><img src="a/pic.png" alt="">'
        '<a href="https://zansabaq.kz/a/">canonical-style</a>', encoding="utf-8")
    (site / "a" / "index.html").write_text('<h2 id="here">Here</h2><a href="../#top">top</a>', encoding="utf-8")
    out = linkcheck.check_site(site, SITE_URL)
    text = "\n".join(out.errors)
    assert "no id=\"nowhere\"" in text
    assert "'missing/'" in text
    assert "script URL" in text
    assert "a/pic.png" in text
    assert "no id=\"top\"" in text
    assert list(out.external) == ["https://example.org/x"]
    assert len(out.errors) == 5
