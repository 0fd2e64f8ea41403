"""Which engine builds the site: MkDocs (default) or ProperDocs, its maintained fork
(``ZB_ENGINE=properdocs``; README "Platform"). tools/engine.sh picks the matching venv.

The hooks import ``mkdocs.*`` either way: ProperDocs redirects those imports to itself.
"""
from __future__ import annotations

import os
import sys

ENGINES = ("mkdocs", "properdocs")


def name() -> str:
    engine = os.environ.get("ZB_ENGINE") or "mkdocs"
    if engine not in ENGINES:
        raise SystemExit(f"ZB_ENGINE must be one of {', '.join(ENGINES)}, not {engine!r}")
    return engine


def command(*args: str) -> list[str]:
    """``python -m <engine> <args>`` with this interpreter (the engine's venv)."""
    return [sys.executable, "-m", name(), *args]
