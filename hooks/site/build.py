"""``tools/build``: build the site without ever leaving a half-written one.

    .venv/bin/python -m hooks.site.build [-f mkdocs.yml] [-d site] [--no-links]

MkDocs writes into a fresh temporary folder beside the output (``.site.build-XXXX``), in
strict mode. Only when the build succeeds, and the offline link check (hooks/site/linkcheck.py)
finds no broken internal link, is the new folder swapped with the old output in one step
(Linux renameat2 RENAME_EXCHANGE; two renames elsewhere). A failing build leaves the
previous site exactly as it was, and the temporary folder is always removed.
"""
from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hooks.site import engine  # noqa: E402

RENAME_EXCHANGE = 2
AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux); False if the system cannot."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    ok = fn(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0
    return ok


def replace_dir(new: Path, out: Path, scratch: Path) -> None:
    """Put ``new`` at ``out``; the old output (if any) ends up inside ``scratch``."""
    if out.exists() or out.is_symlink():
        if _exchange(new, out):
            return  # ``new`` now holds the old output, removed with ``scratch``
        old = scratch / "previous"
        os.rename(out, old)
    os.rename(new, out)


def site_dir_of(config: Path) -> Path:
    text = config.read_text(encoding="utf-8")
    m = re.search(r"^site_dir:\s*['\"]?([^'\"\s#]+)", text, re.M)
    return (config.parent / (m.group(1) if m else "site")).resolve()


def site_url_of(config: Path) -> str:
    m = re.search(r"^site_url:\s*['\"]?([^'\"\s#]+)", config.read_text(encoding="utf-8"), re.M)
    return m.group(1) if m else ""


def build(config: Path, out: Path, check_links: bool = True) -> int:
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{out.name}.build-", dir=out.parent))
    try:
        fresh = scratch / out.name
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        cmd = engine.command("build", "--strict", "-f", str(config), "-d", str(fresh))
        proc = subprocess.run(cmd, cwd=ROOT, env=env)
        if proc.returncode != 0 or not (fresh / "index.html").is_file():
            print(f"build: failed — {out} was not changed.", file=sys.stderr)
            return proc.returncode or 1
        if check_links:
            from hooks.site import linkcheck

            result = linkcheck.check_site(fresh, site_url_of(config))
            for error in result.errors:
                print(f"BROKEN  {error}", file=sys.stderr)
            if result.errors:
                print(f"build: {len(result.errors)} broken link(s) — {out} was not changed.", file=sys.stderr)
                return 1
            print(f"build: links ok ({result.checked} internal, {len(result.external)} external not fetched)")
        replace_dir(fresh, out, scratch)
        print(f"build: the site is in {out}")
        return 0
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tools/build", description=__doc__.split("\n\n")[0])
    parser.add_argument("-f", "--config-file", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("-d", "--site-dir", type=Path, help="output folder (default: site_dir of mkdocs.yml)")
    parser.add_argument("--no-links", action="store_true", help="skip the link check of the new site")
    args = parser.parse_args(argv)
    config = args.config_file.resolve()
    out = args.site_dir or site_dir_of(config)
    try:
        return build(config, Path(out), check_links=not args.no_links)
    except KeyboardInterrupt:
        print("build: interrupted — the previous site was not changed.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
