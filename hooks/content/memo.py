"""Content-keyed memo on disk: work that depends only on its inputs is done once.

``memo.get(kind, parts, produce)`` returns the value stored under the SHA-256 of ``kind``,
the code stamp and ``parts`` in ``.cache/memo/<stamp>/<kind>/``, or calls ``produce()`` and stores
its result. ``parts`` must name every input of ``produce`` that is not code or data of this
project (the text of a lesson, its path, its language, ...). The code stamp covers every
module and data file under hooks/, mkdocs.yml, the Python version and the versions of the libraries
whose output a result may hold, so a change of code, rules or data starts afresh.

The cache is this checkout's own (git-ignored ``.cache/``, restored by CI like the other
caches). A value that cannot be read back (another Python, a half-written file) is made
again. ``ZB_MEMO=0`` turns the memo off (every value is made). Plain Python, no MkDocs.
"""
from __future__ import annotations

import hashlib
import logging
import os
import pickle
import shutil
import sys
import time
from functools import lru_cache
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.zansabaq.memo")

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path(os.environ.get("ZB_MEMO_CACHE", ROOT / ".cache" / "memo"))
# Libraries whose behaviour shows in memoised results (Markdown parsing, YAML, liblouis).
LIBRARIES = ("markdown", "pyyaml", "mkdocs", "properdocs", "mkdocs-material", "mkdocs-static-i18n", "pymdown-extensions",
             "pagefind", "pagefind-bin", "jinja2", "markupsafe")


def enabled() -> bool:
    return os.environ.get("ZB_MEMO", "1") != "0"


@lru_cache(maxsize=1)
def code_stamp() -> str:
    """SHA-256 over hooks/ (code and data, paths and bytes), mkdocs.yml, Python's and the libraries'
    versions. Made once per build: ``forget()`` (on every build's start) reads the files again."""
    from importlib import metadata

    digest = hashlib.sha256()
    digest.update(sys.version.encode())
    for name in LIBRARIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"\0{name}={version}".encode())
    hooks = ROOT / "hooks"
    files = [ROOT / "mkdocs.yml"] + sorted(p for p in hooks.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                                           and p.suffix not in (".pyc", ".pyo"))
    for path in files:
        digest.update(b"\0" + path.relative_to(ROOT).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest() if path.is_file() else b"-")
    return digest.hexdigest()


def forget() -> None:
    code_stamp.cache_clear()
    _PRUNED.clear()


def key(kind: str, *parts) -> str:
    """The hash of ``kind``, the code stamp and ``parts`` (str, bytes, numbers, None, tuples and
    lists of them: each part is framed by its type and length, so no two inputs share a key)."""
    digest = hashlib.sha256(kind.encode() + b"\0" + code_stamp().encode())
    _feed(digest, parts)
    return digest.hexdigest()


def _feed(digest, value) -> None:
    if isinstance(value, bytes):
        digest.update(b"b%d:" % len(value) + value)
    elif isinstance(value, str):
        data = value.encode("utf-8", "surrogatepass")
        digest.update(b"s%d:" % len(data) + data)
    elif isinstance(value, (tuple, list)):
        digest.update(b"l%d:" % len(value))
        for item in value:
            _feed(digest, item)
    elif value is None or isinstance(value, (bool, int, float)):
        digest.update(f"v{value!r};".encode())
    else:
        raise TypeError(f"memo key part of type {type(value).__name__}: pass str, bytes or numbers")


MISSING = object()


def get(kind: str, parts: tuple, produce):
    """The stored value for (kind, parts), else ``produce()`` stored for the next build."""
    if not enabled():
        return produce()
    value = load(kind, parts)
    if value is MISSING:
        value = produce()
        store(kind, parts, value)
    return value


def _path(kind: str, parts: tuple, ext: str = "pickle") -> Path:
    return folder() / kind / f"{key(kind, *parts)}.{ext}"


def file_for(kind: str, parts: tuple, ext: str) -> Path | None:
    """Where a result that is a file (megabytes: kept as it is, never read into memory) is
    stored for (kind, parts); None when the memo is off. The caller copies it out when it
    exists, else writes it there with ``put_file``."""
    return _path(kind, parts, ext) if enabled() else None


def put_file(path: Path | None, data: bytes) -> None:
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError as exc:
        log.debug("memo not written: %s", exc)


# ----- size: results of old code and old site-wide products are deleted --------------------
KEEP_STAMPS = 2            # folders of earlier code stamps kept besides the current one
_PRUNED: list = []


def folder() -> Path:
    """.cache/memo/<code stamp>/: a change of code starts a new folder; at the first use in a
    process, folders of older code beyond the ``KEEP_STAMPS`` most recent are deleted."""
    here = CACHE / code_stamp()[:16]
    if not _PRUNED:
        _PRUNED.append(True)
        try:
            here.mkdir(parents=True, exist_ok=True)
            os.utime(here)
            others = sorted((p for p in CACHE.iterdir() if p.is_dir() and p != here),
                            key=lambda p: p.stat().st_mtime, reverse=True)
            for old in others[KEEP_STAMPS:]:
                shutil.rmtree(old, ignore_errors=True)
        except OSError:
            pass
    return here


def keep_recent(kind: str, used: list, seconds: float = 3600, ext: str = "pickle") -> None:
    """For site-wide products (one per site, megabytes each): the entries ``used`` (parts) are
    marked used now, and those of ``kind`` not used in the last ``seconds`` are deleted, so that
    the cache holds the last site's, not every site's since the code changed."""
    if not enabled():
        return
    now = time.time()
    keep = {_path(kind, parts, ext) for parts in used}
    for path in keep:
        try:
            os.utime(path)
        except OSError:
            pass
    try:
        for path in (folder() / kind).iterdir():
            if path not in keep and path.stat().st_mtime < now - seconds:
                path.unlink()
    except OSError:
        pass


# Under mkdocs serve small values also stay in the process, pickled (every caller gets its own
# copy): a rebuild reads the unchanged files' results without opening a file. Off for a build
# (one pass: it would only add to the peak memory); ``keep_in_process`` turns it on.
_RECENT: dict = {}
RECENT_VALUE_BYTES = 256 * 1024
RECENT_TOTAL_BYTES = [0]
_recent_bytes = [0]


def keep_in_process(total_bytes: int = 64 * 1024 * 1024) -> None:
    RECENT_TOTAL_BYTES[0] = total_bytes


def load(kind: str, parts: tuple):
    """The stored value for (kind, parts), or ``MISSING``."""
    if not enabled():
        return MISSING
    path = _path(kind, parts)
    data = _RECENT.get(path)
    try:
        if data is None:
            with open(path, "rb") as fh:
                data = fh.read()
            _remember(path, data)
        return pickle.loads(data)
    except FileNotFoundError:
        pass
    except Exception as exc:  # unreadable: made again
        _RECENT.pop(path, None)
        log.debug("memo %s unreadable (%s): made again", path, exc)
    return MISSING


def store(kind: str, parts: tuple, value) -> None:
    if enabled():
        put(_path(kind, parts), value)


def _remember(path: Path, data: bytes) -> None:
    if len(data) > RECENT_VALUE_BYTES or not RECENT_TOTAL_BYTES[0]:
        return
    if _recent_bytes[0] + len(data) > RECENT_TOTAL_BYTES[0]:
        _RECENT.clear()
        _recent_bytes[0] = 0
    _RECENT[path] = data
    _recent_bytes[0] += len(data)


def put(path: Path, value) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    _remember(path, data)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError as exc:  # a read-only checkout still builds, just without the memo
        log.debug("memo not written: %s", exc)
