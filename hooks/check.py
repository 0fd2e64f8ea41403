"""``tools/check``: check the content without building the site.

Runs everything the build checks before it renders a page: front matter, ids, translations
and review dates (hooks/catalog.py), then every checker of hooks/checks.py (quizzes,
Braille, easy-read limits, glossary, raw HTML / unsafe addresses / broken links in Markdown).
Prints one ``ERROR   file:line: message — how to fix`` line per error and one ``NOTICE  ...``
line per notice (a missing translation, a review due: never a failure); exits 1 on any
error, exactly when the build would stop on the same messages.

    .venv/bin/python -m hooks.check [--docs docs] [--quiet]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tools/check", description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", default=str(ROOT / "docs"), help="the docs folder (default: docs)")
    parser.add_argument("--quiet", action="store_true", help="print only errors and notices")
    args = parser.parse_args(argv)

    started = time.monotonic()
    from hooks import checks, clock, reproducible
    from hooks.yamlsrc import ContentError

    reproducible.pin_epoch(ROOT)
    try:
        catalog = checks.run(Path(args.docs), clock.build_date(ROOT))
    except ContentError as exc:  # a checker gave up on a file: still file:line, no traceback
        print(f"ERROR   {exc.format()}")
        return 1
    for error in catalog.errors:
        print(f"ERROR   {error.format()}")
    for notice in catalog.notices:
        print(f"NOTICE  {notice.format()}")
    if not args.quiet and not catalog.errors:
        print(catalog.report())
    seconds = time.monotonic() - started
    files = len(catalog.entries)
    print(f"check: {files} files, {len(catalog.errors)} error(s), {len(catalog.notices)} notice(s) "
          f"in {seconds:.1f} s" + ("" if not catalog.errors else " — fix the errors above"))
    return 1 if catalog.errors else 0


if __name__ == "__main__":
    sys.exit(main())
