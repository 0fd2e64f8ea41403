"""Shared fixtures: the real site built once per test session, a local HTTP
server, and Debian's Chromium driven by Playwright."""
from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CHROMIUM = os.environ.get("ZB_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def mkdocs_build(dest: Path, config: Path | None = None, strict: bool = True,
                 cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run the real `mkdocs build` (as an editor would) and return the process."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "-d", str(dest)]
    if config is not None:
        cmd += ["-f", str(config)]
    if strict:
        cmd.append("--strict")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once (strict) into a temporary folder."""
    dest = tmp_path_factory.mktemp("site") / "site"
    proc = mkdocs_build(dest)
    if proc.returncode != 0:
        pytest.fail("site build failed:\n" + proc.stdout[-3000:] + proc.stderr[-6000:])
    return dest


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path):
    handler = functools.partial(_QuietHandler, directory=str(directory))
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
