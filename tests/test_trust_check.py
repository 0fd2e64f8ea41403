"""tools/check (hooks/content/check.py): every content check without the site build, in seconds,
file:line messages, exit 1 on errors; the build runs exactly the same checkers."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, lesson_md, minimal_pages
from hooks.content import checks


def run_check(*args: str) -> subprocess.CompletedProcess:
    # No time limit is asserted: a test on a shared machine never times anything.
    return subprocess.run([sys.executable, "-m", "hooks.content.check", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))


def test_the_build_and_tools_check_share_one_list_of_checkers():
    from hooks.site import mkdocs_hooks

    assert mkdocs_hooks.CHECKERS is checks.CHECKERS
    names = {f"{c.__module__}.{c.__name__}" for c in checks.CHECKERS}
    # quizzes are parsed and checked by the catalogue itself (hooks/content/catalog.py, which both run)
    for expected in ("hooks.content.readability.check_catalog",
                     "hooks.content.glossary.check_catalog", "hooks.content.markup.check_catalog"):
        assert expected in names, names


def test_the_real_content_passes():
    proc = run_check()
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert re.search(r"check: \d+ files, 0 error\(s\)", proc.stdout)
    assert "Translations" in proc.stdout  # the lesson × language table


def test_every_kind_of_problem_is_reported_with_file_and_line(tmp_path):
    files = minimal_pages()
    # Front matter: a wrong field type.
    files["kk/fraud/sample.md"] = lesson_md(extra="").replace("duration: 30", "duration: long")
    # Quiz: a single-choice question without a right answer.
    files["kk/fraud/quiz.md"] = lesson_md("quiz", order=2, body=(
        "## Тест\n\n```quiz\nquestions:\n  - id: q1\n    type: single\n    text: Сұрақ?\n"
        "    options:\n      - text: А\n      - text: Б\n```\n"))
    # Translation: a Russian lesson without its Kazakh original.
    files["ru/fraud/orphan.md"] = lesson_md("orphan", order=3)
    # Easy read: one very long sentence.
    files["kk/fraud/quiz.easy.md"] = ("---\nid: quiz\ntitle: Жеңіл\nreviewed:\n  date: 2026-11-20\n  by: T\n---\n\n"
                                      + " ".join(["сөз"] * 40) + ".\n")
    # Markdown: a link to a page that does not exist, and raw HTML.
    files["kk/help.md"] = "---\ntitle: Көмек\n---\n\n[Сабақ](fraud/nowhere.md)\n\n<b>Қалың</b>\n"
    docs = tmp_path / "docs"
    for rel, text in files.items():
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    proc = run_check("--docs", str(docs))
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "Traceback" not in out
    for pattern in (r"docs/kk/fraud/sample\.md:\d+: 'duration'",
                    r"docs/kk/fraud/quiz\.md:\d+: .*",
                    r"docs/ru/fraud/orphan\.md:1: there is no Kazakh original",
                    r"docs/kk/fraud/quiz\.easy\.md:\d+: ",
                    r"docs/kk/help\.md:5: the link target 'fraud/nowhere\.md' does not exist",
                    r"docs/kk/help\.md:7: raw HTML"):
        assert re.search(r"^ERROR   " + pattern, out, re.M), (pattern, out)
    assert re.search(r"check: \d+ files, [1-9]\d* error\(s\)", out)
