"""tools/check for editors and CI: an impossible date or a broken link is an ERROR with file:line
and a fix (never a traceback); links are judged from the Markdown source as the build's link
check would judge the page; under GitHub Actions every message is also an annotation."""
from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import ROOT, lesson_md, minimal_pages


def check(docs, github: bool = False) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("GITHUB_ACTIONS", None)
    if github:
        env["GITHUB_ACTIONS"] = "true"
    return subprocess.run([sys.executable, "-m", "hooks.content.check", "--docs", str(docs), "--quiet"], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=300)


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if needle in line)


def write(tmp_path, files: dict):
    docs = tmp_path / "docs"
    for rel, text in files.items():
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return docs


def test_impossible_date_and_broken_links_are_errors_with_file_line_and_fix(tmp_path):
    files = minimal_pages()
    files["kk/help.md"] = "---\ntitle: Көмек\n---\n\n## Қайда хабарласу керек\n\nМәтін.\n"
    body = ("## Кіріспе\n\nМәтін.\n\n"
            "[Көмек](../../help/)\n\n"              # a web address (of /help/ seen from /fraud/sample/)
            "[Көмек](../help.md#nowhere)\n\n"      # no such heading
            "[Көмек](../help.md#_1)\n\n"           # fine (the heading's id)
            "[Жоғары](#_1)\n")                     # fine
    dated = files["kk/fraud/dated.md"] = lesson_md("dated", order=2, reviewed="2026-25-11")
    text = files["kk/fraud/sample.md"] = lesson_md(body=body)
    proc = check(write(tmp_path, files))
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "Traceback" not in out
    lines = [line for line in out.splitlines() if line.startswith("ERROR")]
    at = {needle: line_of(text, needle) for needle in ("(../../help/)", "#nowhere")}
    assert any(re.match(rf"ERROR +docs/kk/fraud/dated\.md:{line_of(dated, '2026-25-11')}: '2026-25-11' is not a real date — "
                        "write", x) for x in lines), out
    assert any(re.match(rf"ERROR +docs/kk/fraud/sample\.md:{at['(../../help/)']}: the link '\.\./\.\./help/' is a web "
                        r"address.*write \(\.\./help\.md\)", x) for x in lines), out
    assert any(re.match(rf"ERROR +docs/kk/fraud/sample\.md:{at['#nowhere']}: .*no heading with the id 'nowhere'.*_1",
                        x) for x in lines), out
    assert len(lines) == 3, out

def test_a_yaml_error_in_a_lesson_is_reported_once(tmp_path):
    files = minimal_pages()
    files["kk/fraud/sample.md"] = lesson_md().replace("summary: Қысқа сипаттама.", "summary: Бір: екі: үш")
    files["kk/fraud/sample.easy.md"] = ("---\nid: sample\ntitle: Жеңіл\n---\n\n"
                                        "## Ең маңыздысы\n\nБұл қысқа мәтін.\n")
    proc = check(write(tmp_path, files))
    errors = [line for line in proc.stdout.splitlines() if line.startswith("ERROR")]
    assert proc.returncode == 1
    assert len(errors) == 1 and re.match(r"ERROR +docs/kk/fraud/sample\.md:4: invalid YAML", errors[0]), proc.stdout


def test_messages_are_github_annotations_in_ci(tmp_path):
    files = minimal_pages()
    text = files["kk/fraud/sample.md"] = lesson_md(body="## Кіріспе\n\n[Көмек](/kk/help/)\n")  # no ru/en: notices
    docs = write(tmp_path, files)
    plain, ci = check(docs), check(docs, github=True)
    assert "::error" not in plain.stdout and "::notice" not in plain.stdout
    assert ci.returncode == plain.returncode == 1
    assert re.search(rf"^::error file=docs/kk/fraud/sample\.md,line={line_of(text, '/kk/help/')},"
                     r"title=Zansabaq check::the link '/kk/help/' starts with '/'", ci.stdout, re.M), ci.stdout
    assert re.search(r"^::notice file=docs/kk/fraud/sample\.md,line=\d+,title=Zansabaq notice::", ci.stdout, re.M), \
        ci.stdout
    # Every ERROR / NOTICE line has its annotation right after it.
    lines = ci.stdout.splitlines()
    for i, line in enumerate(lines):
        if line.startswith(("ERROR", "NOTICE")):
            assert lines[i + 1].startswith(("::error file=", "::notice file=")), line


def test_ci_runs_the_check_before_the_tests():
    workflow = (ROOT / ".github/workflows/site.yml").read_text(encoding="utf-8")
    steps = re.findall(r"^\s+run: (tools/\w+)", workflow, re.M)
    assert "tools/check" in steps and steps.index("tools/check") < steps.index("tools/test"), steps
