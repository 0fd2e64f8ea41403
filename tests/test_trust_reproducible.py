"""Reproducible builds: a second clean build of the same tree is byte-identical to the
first (pages, sitemap.xml and .gz, Braille, QR codes, cards, images, zips, search index)."""
from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import os
import re
import subprocess
from pathlib import Path

from conftest import ROOT, mkdocs_build, source_fingerprint
from hooks.site import reproducible


def digests(root: Path) -> dict:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_clean_builds_are_byte_identical(built_site, tmp_path):
    """A second build into a fresh folder equals the session's built_site byte for byte. The
    content-keyed caches (.cache/) are warm now: on a fresh clone built_site made them, so this
    also shows that cached and freshly made files are the same."""
    first_from = (built_site.parent / "fingerprint").read_text(encoding="utf-8")
    proc = mkdocs_build(tmp_path / "again")
    assert proc.returncode == 0, proc.stderr[-3000:]
    if source_fingerprint() != first_from:
        # someone saved a file (or committed) since built_site was made: compare two builds of now
        proc = mkdocs_build(tmp_path / "first")
        assert proc.returncode == 0, proc.stderr[-3000:]
        first = digests(tmp_path / "first")
    else:
        first = digests(built_site)
    again = digests(tmp_path / "again")
    assert sorted(first) == sorted(again), (set(first) ^ set(again))
    differ = [name for name in first if first[name] != again[name]]
    assert not differ, f"{len(differ)} file(s) differ between two builds: {differ[:30]}"


def test_dates_come_from_the_last_commit_not_the_clock(built_site):
    epoch = reproducible.commit_epoch(ROOT)
    if not epoch:
        return  # not a git checkout: nothing to compare with
    day = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%cd", "--date=format-local:%Y-%m-%d"],
                         capture_output=True, text=True, env=dict(os.environ, TZ="UTC")).stdout.strip()
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    dates = set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap))
    assert dates == {day}, dates
    with open(built_site / "sitemap.xml.gz", "rb") as fh:
        header = fh.read(10)
    # gzip MTIME: MkDocs uses the newest page date (midnight UTC of the commit's day).
    midnight = int(dt.datetime.fromisoformat(day).replace(tzinfo=dt.timezone.utc).timestamp())
    assert int.from_bytes(header[4:8], "little") == midnight
    assert gzip.decompress((built_site / "sitemap.xml.gz").read_bytes()).decode("utf-8") == sitemap


def test_an_explicit_source_date_epoch_wins(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert reproducible.pin_epoch(ROOT) == "1700000000"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    value = reproducible.pin_epoch(ROOT)
    assert value == reproducible.commit_epoch(ROOT)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def test_sorted_json_keeps_the_content(tmp_path):
    path = tmp_path / "entry.json"
    path.write_text('{"languages": {"ru": {"a": 1}, "en": {"b": 2}}, "version": "1"}', encoding="utf-8")
    reproducible.sort_json(path)
    assert path.read_text(encoding="utf-8") == '{"languages":{"en":{"b":2},"ru":{"a":1}},"version":"1"}'
