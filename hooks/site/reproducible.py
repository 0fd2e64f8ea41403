"""Reproducible builds: two builds of the same commit give byte-identical files.

MkDocs takes the sitemap's <lastmod> dates and the gzip header time of sitemap.xml.gz
from SOURCE_DATE_EPOCH when it is set, else from the clock. ``pin_epoch`` sets it from
the last git commit (before MkDocs asks), so nothing in the output depends on when the
build ran. ``hooks/content/clock.py`` reads the same variable for "today" (review notices).
"""
from __future__ import annotations

import os
import subprocess
from pathlib import Path


def commit_epoch(root: Path) -> str:
    """Committer time of the last commit, in seconds since 1970, or "" outside git."""
    try:
        out = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%ct"],
            capture_output=True, text=True, timeout=10, check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""
    return out if out.isdigit() else ""


def pin_epoch(root: Path) -> str:
    """Set SOURCE_DATE_EPOCH from git unless the caller set it; returns the value in force."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if not epoch.isdigit():
        epoch = commit_epoch(root)
        if epoch:
            os.environ["SOURCE_DATE_EPOCH"] = epoch
    return epoch


def sort_json(path: Path) -> None:
    """Rewrite a generated JSON file with sorted keys (same content, stable bytes).

    Pagefind writes pagefind-entry.json with its languages in hash-map order, which changes
    from run to run; readers look the languages up by name, so the order does not matter.
    """
    import json

    path = Path(path)
    if not path.is_file():
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False),
                    encoding="utf-8")
