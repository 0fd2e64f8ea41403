"""The build date, taken from the content's history, never from the wall clock.

Two builds of the same commit must be byte-identical, so "today" (for review
notices) is SOURCE_DATE_EPOCH when set, else the date of the last git commit,
else the real date (for a tree that is not a git checkout).
"""
from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path


def build_date(root: Path) -> dt.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
    try:
        out = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%cs"],
            capture_output=True, text=True, timeout=10, check=True,
        ).stdout.strip()
        if out:
            return dt.date.fromisoformat(out)
    except (OSError, subprocess.SubprocessError, ValueError):
        pass
    return dt.date.today()
