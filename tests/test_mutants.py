"""Never a traceback for content, and one verdict: real lessons of docs/ with an editor's
mistakes (tests/mutants.py: dates, types, indentation, encodings, missing keys, wrong
languages, broken quiz YAML, broken links and anchors ...) go through

* tools/check's code path (hooks/content/check.py ``main``, as the editor runs it),
* the build's content stage (hooks/site/mkdocs_hooks.py ``load_catalog``: what ``mkdocs build``
  runs before it renders a page), and, for a spread of them,
* the full strict build (hooks/site/build.py: ``mkdocs build --strict`` with our hooks and
  mkdocs.yml, then the link check of the built site) of a small copy of the site.

Each must give no traceback, only ``file:line: message`` lines, and the same verdict; for
errors, the same files and lines.
"""
from __future__ import annotations

import contextlib
import io
import logging
import os
import random
import re
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from conftest import ROOT
import mutants
from test_serve import small_site

CHECK_MUTANTS = 210
BUILD_FAILING = 19
BUILD_PASSING = 5
MESSAGE = re.compile(r"^(?P<where>[^\s:][^:]*\.(?:md|yml|png|jpg|svg|webp|pdf|gif|jpeg)|docs/[a-z]+):(?P<line>\d+): \S")


def selection(count: int = CHECK_MUTANTS) -> list:
    """``count`` mutants, round-robin over the mistakes (each on a seeded choice of files)."""
    groups = defaultdict(list)
    for m in mutants.mutants():
        groups[re.sub(r"\d+", "N", m.name.split(": ", 1)[1])].append(m)  # one group per mistake
    rng = random.Random(12)
    for items in groups.values():
        rng.shuffle(items)
    out, kinds = [], sorted(groups)
    while len(out) < count and any(groups.values()):
        for kind in kinds:
            if groups[kind] and len(out) < count:
                out.append(groups[kind].pop())
    return out


def run_check(docs: Path) -> tuple[bool, set, str]:
    """tools/check in-process: (failed, {file:line of errors and warnings}, output)."""
    from hooks.content import check

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = check.main(["--docs", str(docs), "--quiet"])
    text = out.getvalue()
    places = set()
    for line in text.splitlines():
        m = re.match(r"^(ERROR|NOTICE) +(.*)$", line)
        if m:
            found = MESSAGE.match(m.group(2))
            assert found, f"a check message without file:line: {line}"
            if m.group(1) == "ERROR":
                places.add(f"{found['where']}:{found['line']}")
    return code != 0, places, text


class _Records(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records: list = []

    def emit(self, record):
        self.records.append(record)


def run_content_stage(docs: Path) -> tuple[bool, set, str]:
    """The build's content stage in-process: load_catalog aborts on errors; a warning would
    fail the strict build (mkdocs counts warnings and aborts); notices are info and never
    fail. (failed, {file:line}, messages)."""
    from mkdocs.exceptions import Abort

    from hooks.site import mkdocs_hooks

    handler = _Records()
    logger = logging.getLogger("mkdocs.hooks.zansabaq")
    logger.addHandler(handler)
    aborted = False
    try:
        mkdocs_hooks.load_catalog(docs, report=True)
    except Abort:
        aborted = True
    finally:
        logger.removeHandler(handler)
    places = set()
    failing = [r for r in handler.records if r.levelno >= logging.WARNING]
    for record in failing:
        found = MESSAGE.match(record.getMessage())
        assert found, f"a build message without file:line: {record.getMessage()}"
        places.add(f"{found['where']}:{found['line']}")
    for record in handler.records:  # notices (info level) name their place too
        if record.getMessage().startswith("NOTICE"):
            assert MESSAGE.match(record.getMessage().split(None, 1)[1]), record.getMessage()
    return aborted or bool(failing), places, "\n".join(r.getMessage() for r in handler.records)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    site = small_site(tmp_path_factory.mktemp("mutants") / "site")
    failed, places, out = run_check(site / "docs")
    assert not failed, "the small copy of the site must pass before it is mutated:\n" + out
    return site


@contextlib.contextmanager
def mutated(docs: Path, mutant):
    path = docs / mutant.rel
    before = path.read_bytes() if path.exists() else None
    mutants.apply(docs, mutant)
    try:
        yield
    finally:
        if before is None:
            path.unlink(missing_ok=True)
        else:
            path.write_bytes(before)


VERDICTS: dict = {}  # mutant name -> (failed, places) of the check, for the full builds


def test_mutants_through_the_check_and_the_content_stage(site):
    chosen = selection()
    assert len(chosen) >= 200
    started = time.monotonic()
    docs = site / "docs"
    disagree, crashed = [], []
    for mutant in chosen:
        with mutated(docs, mutant):
            try:
                check = run_check(docs)
                stage = run_content_stage(docs)
            except AssertionError:
                raise
            except BaseException as exc:  # noqa: BLE001 — a traceback is what this test looks for
                crashed.append(f"{mutant.name}: {type(exc).__name__}: {exc}")
                continue
        assert "Traceback" not in check[2] + stage[2], mutant.name
        VERDICTS[mutant.name] = check[:2]
        if check[:2] != stage[:2]:
            disagree.append(f"{mutant.name}: check {check[:2]} / build {stage[:2]}")
    seconds = time.monotonic() - started
    print(f"\n{len(chosen)} mutants through the check and the content stage in {seconds:.0f} s; "
          f"{sum(v[0] for v in VERDICTS.values())} refused")
    assert not crashed, "\n".join(crashed)
    assert not disagree, "\n".join(disagree)
    # The mistakes are real: most mutants are refused, each with a place to fix.
    assert sum(v[0] for v in VERDICTS.values()) > len(chosen) * 0.7


def _build(site: Path, out: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "hooks.site.build", "-f", str(site / "mkdocs.yml"), "-d", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


def build_selection(verdicts: dict) -> list:
    """A spread of kinds for the full builds: refused mutants and accepted ones."""
    chosen, kinds = [], set()
    by_name = {m.name: m for m in selection()}
    for name, (failed, _) in verdicts.items():
        kind = name.split(": ", 1)[1].split(" ")[0]
        if failed and kind not in kinds and sum(verdicts[c.name][0] for c in chosen) < BUILD_FAILING:
            kinds.add(kind)
            chosen.append(by_name[name])
    accepted = [by_name[n] for n, (failed, _) in verdicts.items() if not failed]
    # accepted links and anchors first (the build's link check is the strictest judge of them)
    accepted.sort(key=lambda m: not m.name.split(": ", 1)[1].startswith("link:"))
    chosen += accepted[:BUILD_PASSING]
    return chosen


def test_mutants_through_the_full_strict_build(site, tmp_path):
    if not VERDICTS:
        pytest.skip("runs after test_mutants_through_the_check_and_the_content_stage")
    chosen = build_selection(VERDICTS)
    assert len(chosen) >= 20
    started = time.monotonic()

    def judge(n: int, mutant) -> str | None:
        """Build a mutated copy of the small site (its own folder: two builds run at once)."""
        copy = tmp_path / f"site{n}"
        shutil.copytree(site, copy, symlinks=True)
        mutants.apply(copy / "docs", mutant)
        out = tmp_path / f"out{n}"
        proc = _build(copy, out)
        text = proc.stdout + proc.stderr
        failed, places = VERDICTS[mutant.name]
        shutil.rmtree(out, ignore_errors=True)
        if "Traceback" in text:
            return f"{mutant.name}: traceback\n{text[-2000:]}"
        if (proc.returncode != 0) != failed:
            return (f"{mutant.name}: check {'failed' if failed else 'passed'}, build exit "
                    f"{proc.returncode}\n{text[-2000:]}")
        if failed:
            shown = {f"{m['where']}:{m['line']}" for m in (  # the ERROR lines of MkDocs' log
                MESSAGE.match(line.split("-", 1)[1].strip()) for line in text.splitlines()
                if re.match(r"^ERROR +- ", line)) if m}
            if shown != places:
                return f"{mutant.name}: check {sorted(places)} / build {sorted(shown)}"
        return None

    # the accepted mutants (whole builds) first, so both cores stay busy to the end
    order = sorted(enumerate(chosen), key=lambda item: VERDICTS[item[1].name][0])
    with ThreadPoolExecutor(max(1, min(2, os.cpu_count() or 1))) as pool:
        problems = [p for p in pool.map(lambda item: judge(*item), order) if p]
    seconds = time.monotonic() - started
    print(f"\n{len(chosen)} mutants through the full strict build in {seconds:.0f} s")
    assert not problems, "\n\n".join(problems)
