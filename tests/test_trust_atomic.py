"""tools/build is atomic (hooks/site/build.py): the new site replaces the old one only when the
build and its link check succeed; a failing build leaves the previous site untouched and
no temporary folder behind."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, fixture_site, lesson_md, minimal_pages


def tools_build(config: Path, out: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "hooks.site.build", "-f", str(config), "-d", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)


def digests(root: Path) -> dict:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_a_failing_build_leaves_the_previous_site_untouched(tmp_path):
    files = minimal_pages()
    files["kk/fraud/sample.md"] = lesson_md(title="Бірінші нұсқа")
    config = fixture_site(tmp_path / "src", files)
    out = tmp_path / "public" / "site"

    good = tools_build(config, out)
    assert good.returncode == 0, good.stdout[-2000:] + good.stderr[-4000:]
    before = digests(out)
    assert "Бірінші нұсқа" in (out / "fraud" / "sample" / "index.html").read_text(encoding="utf-8")

    # The editor breaks the lesson: the build must fail with file:line and change nothing.
    lesson = tmp_path / "src" / "docs" / "kk" / "fraud" / "sample.md"
    lesson.write_text(lesson_md(title="Екінші нұсқа", extra="order: [unclosed\n"), encoding="utf-8")
    bad = tools_build(config, out)
    output = bad.stdout + bad.stderr
    assert bad.returncode != 0
    assert "docs/kk/fraud/sample.md:" in output
    assert "Traceback" not in output
    assert "was not changed" in output
    assert digests(out) == before
    assert sorted(p.name for p in out.parent.iterdir()) == ["site"], "temporary folder left behind"

    # Fixed again: the new site replaces the old one in one step.
    lesson.write_text(lesson_md(title="Үшінші нұсқа"), encoding="utf-8")
    fixed = tools_build(config, out)
    assert fixed.returncode == 0, fixed.stderr[-4000:]
    assert "Үшінші нұсқа" in (out / "fraud" / "sample" / "index.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in out.parent.iterdir()) == ["site"]


def test_the_swap_keeps_nothing_of_the_old_site(tmp_path):
    from hooks.site.build import replace_dir

    out, new, scratch = tmp_path / "site", tmp_path / "new", tmp_path / "scratch"
    for folder, name in ((out, "old.html"), (new, "new.html")):
        folder.mkdir()
        (folder / name).write_text(name, encoding="utf-8")
    scratch.mkdir()
    os.rename(new, scratch / "site")
    replace_dir(scratch / "site", out, scratch)
    assert [p.name for p in out.iterdir()] == ["new.html"]
