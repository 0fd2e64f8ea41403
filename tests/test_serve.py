"""tools/serve (the real ``mkdocs serve``): an edit to a quiz question reaches every edition on
the next rebuild, and a broken lesson prints file:line and keeps the last good site served."""
from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT
from hooks.site import engine, preview
from mutants import small_docs

LESSON = "kk/fraud/droppers.md"
PAGES = ("fraud/droppers/", "fraud/droppers.teacher/", "fraud/droppers.teacher/worksheet/")


def small_site(dest: Path) -> Path:
    """A copy of the site with one lesson per course: the real mkdocs.yml, hooks and theme."""
    dest.mkdir(parents=True, exist_ok=True)
    small_docs(dest / "docs")
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    for name in ("hooks", "overrides"):
        (dest / name).symlink_to(ROOT / name)
    return dest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(condition, timeout: float, what: str, log: list):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(1)
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}\n" + "".join(log)[-4000:])


@pytest.fixture()
def served(tmp_path):
    site = small_site(tmp_path / "site")
    port = free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        engine.command("serve", "-a", f"127.0.0.1:{port}", "-f", str(site / "mkdocs.yml")),
        cwd=site, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True)
    log: list = []
    reader = threading.Thread(target=lambda: log.extend(iter(proc.stdout.readline, "")), daemon=True)
    reader.start()
    try:
        yield site, f"http://127.0.0.1:{port}/", log, proc
    finally:
        os.killpg(proc.pid, signal.SIGTERM)  # the server we started, and only it
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=20)


def test_an_edited_quiz_question_shows_on_the_lesson_teacher_page_and_worksheet(served):
    site, base, log, proc = served
    urls = [base + page for page in PAGES]
    wait_for(lambda: all(fetch(u) for u in urls), 300, "the first build", log)
    source = site / "docs" / LESSON
    text = source.read_text(encoding="utf-8")
    question = re.search(r"^    text: (.+)$", text.split("```quiz", 1)[1], re.M).group(1)
    assert all(question in fetch(u) for u in urls)  # each edition shows the question today
    edited = "Досыңыз картаңызды бір аптаға сұрады — не істейсіз? (өңделген 4821)"
    source.write_text(text.replace(question, edited, 1), encoding="utf-8")
    wait_for(lambda: all(edited in (fetch(u) or "") for u in urls), 240,
             "the edited question on the lesson, teacher page and worksheet", log)

    # A fact the translations inherit (the review date in the Kazakh front matter) shows on the
    # Russian page too, although only a Kazakh file was saved.
    ru_page = base + "ru/fraud/droppers/"
    assert "30 ноября 2026" not in (fetch(ru_page) or "")
    date = re.search(r"^reviewed:\n  date: (\S+)$", text, re.M).group(1)
    text = text.replace(f"reviewed:\n  date: {date}", "reviewed:\n  date: 2026-11-30", 1)
    source.write_text(text.replace(question, edited, 1), encoding="utf-8")
    wait_for(lambda: "30 ноября 2026" in (fetch(ru_page) or ""), 240,
             "the Kazakh original's new review date on the Russian page", log)

    # A broken lesson: the rebuild prints the file and line, the last good pages stay served.
    log_start = len(log)
    source.write_text(text.replace(question, edited, 1).replace("order: 2", "order: [", 1), encoding="utf-8")
    wait_for(lambda: any(re.search(r"docs/kk/fraud/droppers\.md:\d+: ", line) for line in log[log_start:]), 240,
             "the error message of the broken lesson", log)
    time.sleep(2)
    assert proc.poll() is None, "mkdocs serve stopped"
    assert "Traceback" not in "".join(log), "".join(log)[-4000:]
    for url in urls:
        page = fetch(url)
        assert page is not None and edited in page, url


# ----- which languages a rebuild makes (hooks/site/preview.py plan) ------------------------------
LANGS = ("kk", "ru", "en")
ORIGINAL_TEXT = """---
title: Сабақ
reviewed:
  date: 2026-12-01
---

Бірінші абзац.

```quiz
- id: q1
  text: Сұрақ?
```
"""


def _docs(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    for lang in LANGS:
        (docs / lang / "fraud").mkdir(parents=True)
        (docs / lang / "fraud" / "lesson.md").write_text(ORIGINAL_TEXT, encoding="utf-8")
    (docs / "kk" / "fraud" / "only-kk.md").write_text(ORIGINAL_TEXT, encoding="utf-8")
    return docs


def _replan(docs: Path, rel: str, old: str, new: str) -> frozenset | None:
    last = preview.plan(docs, None, None, LANGS, "kk").snapshot
    path = docs / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1) + "\n", encoding="utf-8")  # new size: seen as changed
    return preview.plan(docs, None, last, LANGS, "kk").langs


@pytest.mark.parametrize("rel, old, new, langs", [
    ("kk/fraud/lesson.md", "Бірінші абзац.", "Өзгерген абзац.", {"kk"}),          # the original's prose
    ("kk/fraud/lesson.md", "2026-12-01", "2026-11-30", {"kk", "ru", "en"}),       # an inherited fact
    ("kk/fraud/lesson.md", "Сұрақ?", "Жаңа сұрақ?", {"kk", "ru", "en"}),          # a quiz the translations follow
    ("kk/fraud/only-kk.md", "Бірінші абзац.", "Өзгерген абзац.", {"kk", "ru", "en"}),  # shown under /ru/, /en/
    ("ru/fraud/lesson.md", "2026-12-01", "2026-11-30", {"ru"}),                   # a translation: itself only
])
def test_a_rebuild_makes_the_languages_that_show_the_edit(tmp_path, rel, old, new, langs):
    assert _replan(_docs(tmp_path), rel, old, new) == frozenset(langs)


def test_a_change_outside_the_language_folders_rebuilds_everything(tmp_path):
    docs = _docs(tmp_path)
    last = preview.plan(docs, None, None, LANGS, "kk").snapshot
    (docs / "assets").mkdir()
    (docs / "assets" / "picture.png").write_bytes(b"png")
    assert preview.plan(docs, None, last, LANGS, "kk").langs is None
