"""Site search with Pagefind, and the last trim of the built site.

* ``indexable(view, rel)``: whether a page's text goes into the search index. The
  template (partials/content.html) puts ``data-pagefind-body`` on the lesson text of
  those pages only; Pagefind then skips every page without it.
* ``post_build(site_dir, plugins)``: runs once, after ALL languages are written
  (hooks/site/mkdocs_hooks.py calls it from the Kazakh build's on_post_build at priority
  -200, after mkdocs-static-i18n has built /ru/ and /en/ inside its own on_post_build).
  It indexes the site with Pagefind (one index per ``<html lang>``: kk, ru, en) and
  deletes what no page uses: source maps, Material's own search worker and lunr
  (Material's search plugin is off), Material's bundle.js and palette.css when no page
  names them (overrides/main.html leaves them out), and Pagefind's ready-made UIs (we
  drive Material's search box with assets/javascripts/search.js instead).

CSP: Pagefind compiles WebAssembly in the browser, so the page policy's script-src must
include 'wasm-unsafe-eval' (hooks/site/csp.py has it); search.js is loaded from the site and imports
pagefind/pagefind.js from the site (script-src 'self'), whose fetches stay on the site.

Plain Python; it knows nothing of MkDocs but the site folder and the plugin names.
"""
from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from hooks.content import memo

log = logging.getLogger("mkdocs.hooks.zansabaq.search")

# The script that drives the header search box (every page has the box).
SCRIPT = "assets/javascripts/search.js"
# Pagefind's output folder below the site root; search.js imports <site>/pagefind/pagefind.js.
BUNDLE = "pagefind"

# Pages whose text is not searched, by source path below the language folder.
NOT_INDEXED_PAGES = {"editors.md"}            # the editors' status tables
NOT_INDEXED_SUFFIXES = (".braille.md",)       # Braille previews: cells, and the lesson text again

# The attribute partials/content.html puts on the text of an indexed page.
MARKER = b"data-pagefind-body"

# Parts of the indexed text that are not worth finding: heading permalinks ("#") and the
# lesson-facts labels (audience, duration; the objectives stay searchable).
EXCLUDE_SELECTORS = (".headerlink", ".zb-facts__title", ".zb-facts__list", ".zb-facts__subtitle")

# Pagefind files the site never requests: its ready-made UIs, the highlight script, and
# the web worker (search.js runs Pagefind with noWorker: the index is small).
UNUSED_PAGEFIND = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js",
                   "pagefind-modular-ui.css", "pagefind-component-ui.js",
                   "pagefind-component-ui.css", "pagefind-highlight.js", "pagefind-worker.js")
# Material's own search (worker + lunr languages): unused while its search plugin is off.
MATERIAL_SEARCH_DIRS = ("assets/javascripts/workers", "assets/javascripts/lunr")
# Material's hashed script and palette files: deleted when no page names them (overrides/main.html
# leaves bundle.js out of every page, and palette.css with our custom colours).
MATERIAL_HASHED = ("assets/javascripts/bundle.*.min.js", "assets/stylesheets/palette.*.min.css")

_MAP_COMMENT = re.compile(rb"\n?(//# sourceMappingURL=\S+\.map\s*|/\*# sourceMappingURL=\S+\.map\s*\*/\s*)$")


class SearchError(RuntimeError):
    pass


def indexable(view, rel: str) -> bool:
    """Index the text of ``view`` (a hooks.site.pages.PageView) at docs/<lang>/<rel>?

    Only text in the page's own language: a page shown in Kazakh under /ru/ or /en/
    (missing translation) is left out, so a Russian search never lists Kazakh text.
    """
    if view.entry is None or view.fallback or view.content_lang != view.lang:
        return False
    if rel in NOT_INDEXED_PAGES or rel.endswith(NOT_INDEXED_SUFFIXES):
        return False
    return True


def material_search_enabled(plugins) -> bool:
    return any(name in plugins for name in ("search", "material/search"))


def post_build(site_dir: Path, plugins=()) -> None:
    """Index the whole built site, then remove files no page requests."""
    site_dir = Path(site_dir)
    run_pagefind(site_dir)
    trim(site_dir, material_search=material_search_enabled(plugins))


def run_pagefind(site_dir: Path) -> None:
    """Index the site into <site>/pagefind/. Pagefind indexes only the pages marked with
    ``data-pagefind-body`` once one page has it, but holds every page it reads in memory (290 MB
    for the 2,300 pages of a 150-lesson site, 160 MB for the 930 marked ones): it reads only the
    marked pages, hard-linked into a folder of their own with the same paths (the index is the
    same). The index depends only on those pages and the options: kept on disk under their hash
    (hooks/content/memo.py) and written back when none changed, without running Pagefind."""
    out = site_dir / BUNDLE
    if out.exists():
        shutil.rmtree(out)
    options = ["--exclude-selectors", ", ".join(EXCLUDE_SELECTORS)]
    pages, digests = [], []
    for path in sorted(p for p in site_dir.rglob("*.html") if p.is_file()):
        data = path.read_bytes()
        if MARKER in data:
            pages.append(path)
            digests.append((path.relative_to(site_dir).as_posix(), hashlib.sha256(data).digest()))
    if not pages:  # nothing marked: Pagefind indexes every page
        pages = sorted(p for p in site_dir.rglob("*.html") if p.is_file())
        digests = [(p.relative_to(site_dir).as_posix(), hashlib.sha256(p.read_bytes()).digest()) for p in pages]
    parts = (options, digests)
    stored = memo.load("pagefind", parts)
    if stored is not memo.MISSING:
        for rel, data in stored.items():
            path = out / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        log.info("search index (Pagefind): unchanged pages, the stored index")
    else:
        with _only(site_dir, pages) as folder:
            _pagefind([sys.executable, "-m", "pagefind", "--site", str(folder), "--output-path", str(out), *options], out)
        memo.store("pagefind", parts, {p.relative_to(out).as_posix(): p.read_bytes()
                                       for p in sorted(out.rglob("*")) if p.is_file()})
    memo.keep_recent("pagefind", [parts])  # the last site's index, not every site's


@contextlib.contextmanager
def _only(site_dir: Path, pages: list):
    """A folder inside the site with ``pages`` at their paths (hard links; copies where the file
    system has none), removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix=".zb-search-", dir=site_dir))
    try:
        for page in pages:
            target = folder / page.relative_to(site_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(page, target)
            except OSError:
                shutil.copyfile(page, target)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _pagefind(cmd: list, out: Path) -> None:
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.SubprocessError) as exc:
        raise SearchError(f"Pagefind could not run ({exc}); is pagefind[bin] from requirements.txt installed?")
    if proc.returncode != 0 or not (out / "pagefind.js").exists():
        raise SearchError("Pagefind failed:\n" + proc.stdout[-2000:] + proc.stderr[-2000:])
    summary = [line.strip() for line in proc.stdout.splitlines() if line.strip().startswith("Indexed")]
    log.info("search index (Pagefind): " + ", ".join(summary))


def trim(site_dir: Path, material_search: bool = False) -> list[str]:
    """Delete source maps (and the comments that point to them), unused search files and
    Material's hashed bundle/palette files that no page names."""
    removed = []
    for path in sorted(site_dir.rglob("*.map")):
        source = path.with_suffix("")  # bundle.x.min.js.map -> bundle.x.min.js
        if source.is_file():
            data = source.read_bytes()
            stripped = _MAP_COMMENT.sub(b"\n", data)
            if stripped != data:
                source.write_bytes(stripped)
        path.unlink()
        removed.append(path.relative_to(site_dir).as_posix())
    for name in UNUSED_PAGEFIND:
        path = site_dir / BUNDLE / name
        if path.exists():
            path.unlink()
            removed.append(path.relative_to(site_dir).as_posix())
    if not material_search:
        for rel in MATERIAL_SEARCH_DIRS:
            path = site_dir / rel
            if path.is_dir():
                shutil.rmtree(path)
                removed.append(rel + "/")
    candidates = [path for pattern in MATERIAL_HASHED for path in sorted(site_dir.glob(pattern))]
    if candidates:
        names = {path.name.encode() for path in candidates}
        for page in site_dir.rglob("*.html"):
            data = page.read_bytes()
            names -= {name for name in names if name in data}
        for path in candidates:
            if path.name.encode() in names:
                path.unlink()
                removed.append(path.relative_to(site_dir).as_posix())
    return removed
