"""``tools/check``: check the content without building the site.

Runs everything the build checks before it renders a page: front matter, ids, translations
and review dates (hooks/content/catalog.py), then every checker of hooks/content/checks.py (quizzes,
Braille, easy-read limits, glossary, raw HTML / unsafe addresses / broken links in Markdown).
Prints one ``ERROR   file:line: message — how to fix`` line per error and one ``NOTICE  ...``
line per notice (a missing translation, a review due: never a failure); exits 1 on any
error, exactly when the build would stop on the same messages.
Under GitHub Actions (GITHUB_ACTIONS=true) each message is also printed as a workflow
annotation (``::error file=...,line=...::...`` / ``::notice ...``), so a pull request shows
it on the line.

    .venv/bin/python -m hooks.content.check [--docs docs] [--quiet]
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tools/check", description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", default=str(ROOT / "docs"), help="the docs folder (default: docs)")
    parser.add_argument("--quiet", action="store_true", help="print only errors and notices")
    args = parser.parse_args(argv)

    started = time.monotonic()
    from hooks.content import checks, clock
    from hooks.site import reproducible
    from hooks.content.yamlsrc import ContentError

    reproducible.pin_epoch(ROOT)
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    try:
        catalog = checks.run(Path(args.docs), clock.build_date(ROOT))
    except ContentError as exc:  # a checker gave up on a file: still file:line, no traceback
        print(f"ERROR   {exc.format()}")
        if annotate:
            print(annotation("error", exc))
        return 1
    for level, label, messages in (("error", "ERROR  ", catalog.errors), ("notice", "NOTICE ", catalog.notices)):
        for message in messages:
            print(f"{label} {message.format()}")
            if annotate:
                print(annotation(level, message))
    if not args.quiet:  # each scenario's paths from the start to an ending: hooks/content/scenario.py
        from hooks.content import scenario
        for line in scenario.report(catalog):
            print(f"INFO    {line}")
    if not args.quiet and not catalog.errors:
        print(catalog.report())
    seconds = time.monotonic() - started
    files = len(catalog.entries)
    print(f"check: {files} files, {len(catalog.errors)} error(s), {len(catalog.notices)} notice(s) "
          f"in {seconds:.1f} s" + ("" if not catalog.errors else " — fix the errors above"))
    return 1 if catalog.errors else 0


def _escape(text: str, properties: bool = False) -> str:
    text = str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if properties else text


def annotation(level: str, message) -> str:
    """A GitHub Actions workflow command: the message shows on the file and line of the PR."""
    title = "Zansabaq check" if level != "notice" else "Zansabaq notice"
    text = message.message + (f" — {message.hint}" if message.hint else "")
    return (f"::{level} file={_escape(message.path, True)},line={int(message.line)},"
            f"title={_escape(title, True)}::{_escape(text)}")

if __name__ == "__main__":
    sys.exit(main())
