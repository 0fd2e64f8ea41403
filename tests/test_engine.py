"""The engine switch (hooks/site/engine.py, tools/engine.sh): the build commands of the tests, tools/build
and tools/bench run the engine ZB_ENGINE names, MkDocs by default or ProperDocs."""
from __future__ import annotations

import os
import subprocess

from conftest import ROOT
from hooks.site import engine


def test_the_build_command_runs_the_chosen_engine():
    chosen = os.environ.get("ZB_ENGINE") or "mkdocs"
    assert engine.name() == chosen
    proc = subprocess.run(engine.command("--version"), cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert proc.returncode == 0, proc.stderr
    # "python -m mkdocs, version 1.6.1 from .../site-packages/mkdocs (Python 3.11)"
    words = proc.stdout.replace(",", " ").split()
    assert words[2] == chosen and f"site-packages/{chosen} " in proc.stdout, proc.stdout


def test_both_engines_have_a_lock_file_with_the_same_other_versions():
    def pins(name: str) -> set:
        return {line.split(" ")[0] for line in (ROOT / name).read_text(encoding="utf-8").splitlines()
                if "==" in line and not line.startswith((" ", "#"))}

    mkdocs, properdocs = pins("requirements.txt"), pins("requirements-properdocs.txt")
    assert "mkdocs==1.6.1" in mkdocs and "properdocs==1.6.7" in properdocs
    assert properdocs - mkdocs == {"properdocs==1.6.7"} and mkdocs <= properdocs
