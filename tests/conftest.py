"""Shared fixtures: the real site built once per test session, a local HTTP
server, and Debian's Chromium driven by Playwright."""
from __future__ import annotations

import contextlib
import fcntl
import functools
import hashlib
import http.server
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hooks.site import engine  # noqa: E402

CHROMIUM = os.environ.get("ZB_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def mkdocs_build(dest: Path, config: Path | None = None, strict: bool = True,
                 cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run the real `mkdocs build` (as an editor would) and return the process."""
    cmd = engine.command("build", "-d", str(dest))
    if config is not None:
        cmd += ["-f", str(config)]
    if strict:
        cmd.append("--strict")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


SOURCES = ("docs", "hooks", "overrides", "mkdocs.yml")


def source_fingerprint(root: Path = ROOT) -> str:
    """SHA-256 of what a build reads (docs/, hooks/, overrides/, mkdocs.yml) and of the last
    commit's date (the build date): equal fingerprints, equal inputs."""
    from hooks.site import reproducible

    digest = hashlib.sha256(reproducible.commit_epoch(root).encode())
    for name in SOURCES:
        top = root / name
        for path in sorted([top] if top.is_file() else top.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def shared_tmp(tmp_path_factory) -> Path:
    """The run's temporary folder; under pytest-xdist the folder all workers share (each
    worker's own is below it)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextlib.contextmanager
def locked(path: Path):
    """Hold an exclusive lock on ``path`` (another process of this run waits for it)."""
    with open(path, "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once (strict) for the whole run, also when pytest-xdist runs the
    tests in several processes: the first to need it builds it, the others wait and read it.
    ``built_site.parent / "fingerprint"`` holds the source_fingerprint it was built from."""
    folder = shared_tmp(tmp_path_factory) / "built-site"
    folder.mkdir(exist_ok=True)
    dest, failed, fingerprint = folder / "site", folder / "failed.txt", folder / "fingerprint"
    with locked(folder / "lock"):
        if not fingerprint.is_file() and not failed.is_file():
            before = source_fingerprint()
            proc = mkdocs_build(dest)
            if proc.returncode != 0:
                failed.write_text(proc.stdout[-3000:] + proc.stderr[-6000:], encoding="utf-8")
            else:
                fingerprint.write_text(before, encoding="utf-8")
    if failed.is_file():
        pytest.fail("site build failed:\n" + failed.read_text(encoding="utf-8"))
    return dest


def serve(directory: Path, headers: dict | None = None):
    """A quiet HTTP server on 127.0.0.1 (a free port) for ``directory``, adding ``headers``."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def end_headers(self):
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            super().end_headers()

        def log_message(self, *args):
            pass

    handler = functools.partial(Handler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


@pytest.fixture(scope="session")
def http_server(built_site):
    """Base URL (http://127.0.0.1:PORT/) serving the built site."""
    server = serve(built_site)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def built_fixture_site(tmp: Path, files: dict[str, str], what: str) -> Path:
    """``fixture_site`` built (not strict) into ``tmp/site``; returns that folder. A failed build
    fails the test with the build's output, naming ``what`` the site is for."""
    proc = mkdocs_build(tmp / "site", config=fixture_site(tmp, files), strict=False)
    if proc.returncode != 0:
        pytest.fail(f"{what} fixture site failed to build:\n" + proc.stdout[-3000:] + proc.stderr[-6000:])
    return tmp / "site"


def fixture_site(tmp: Path, files: dict[str, str]) -> Path:
    """A small site in ``tmp`` using the real theme overrides and hooks.

    ``files`` maps paths below docs/ to their text. Returns the mkdocs.yml path.
    """
    import yaml

    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(tmp / "docs")
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["hooks"] = [str(ROOT / h) for h in config.get("hooks", [])]
    for rel, text in files.items():
        path = tmp / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    cfg = tmp / "mkdocs.yml"
    cfg.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return cfg


def lesson_md(lesson_id="sample", course="fraud", title="Сынақ сабақ", order=1, extra="", body=None,
              reviewed="2026-11-20") -> str:
    """A valid lesson file; ``extra`` adds front-matter lines, ``body`` replaces the text."""
    body = body if body is not None else "## Кіріспе\n\nБұл сынақ мәтіні.\n"
    return (
        "---\n"
        f"id: {lesson_id}\n"
        f"title: {title}\n"
        "summary: Қысқа сипаттама.\n"
        f"course: {course}\n"
        f"order: {order}\n"
        "audience: adults\n"
        "duration: 30\n"
        "objectives:\n  - Бір мақсат\n"
        "sources:\n  - title: Қылмыстық кодекс\n    url: https://adilet.zan.kz/kaz/docs/K1400000226\n"
        f"reviewed:\n  date: {reviewed}\n  by: Test Editor\n"
        f"{extra}"
        "---\n\n"
        f"{body}"
    )


def minimal_pages(langs=("kk", "ru", "en")) -> dict[str, str]:
    """Home, course and reference pages every fixture site needs."""
    files = {}
    for lang in langs:
        files[f"{lang}/index.md"] = "---\ntitle: Home\n---\n\nHome.\n"
        for course in ("law-basics", "safety", "fraud"):
            files[f"{lang}/{course}/index.md"] = f"---\ntitle: {course}\n---\n\nCourse.\n"
        for page in ("help", "accessibility", "editors"):
            files[f"{lang}/{page}.md"] = f"---\ntitle: {page}\n---\n\nText.\n"
    return files


SHARED_FIXTURE = re.compile(r"@pytest\.fixture\(\s*scope=[\"'](?:module|session|package|class)[\"']")


@functools.cache
def has_shared_fixture(module: str) -> bool:
    """Does the test module (a path below the root) define a fixture made once for many tests?"""
    path = ROOT / module
    return path.is_file() and bool(SHARED_FIXTURE.search(path.read_text(encoding="utf-8")))


def pytest_xdist_make_scheduler(config, log):
    """``tools/test`` runs ``-n 2 --dist loadgroup`` (pytest-xdist): every test goes to whichever
    process is free, except that the tests of a module defining a module- or session-scoped
    fixture (a small site built for them, the mutants' verdicts) stay together in one process, in
    their order, so the fixture is made once. The real site is shared through built_site's lock.
    (xdist's own xdist_group marks do not work with pytest 9: the test ids they rename are gone.)"""
    if config.getoption("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class ModuleFixtureScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            module = nodeid.split("::", 1)[0]
            return module if has_shared_fixture(module) else nodeid

    return ModuleFixtureScheduling(config, log)
