"""``mkdocs serve`` (tools/serve): after an edit, rebuild only the language that changed.

The first build under serve makes the whole site. On every later rebuild ``plan`` compares the
files under docs/ (and the configuration file) with the last finished build: when only files of
some language folders changed (docs/kk/, docs/ru/, docs/en/), only those languages' pages are
built again; the other languages' pages and the site-wide products nobody previews while
editing (search index, offline ZIPs) stay as the previous build left them, since the served
folder is not emptied (``keep_site``). Any other change (pictures in docs/assets/, a file
outside the language folders, mkdocs.yml) rebuilds everything.

What the preview then does not show until a full rebuild (restart tools/serve; tools/build is
always complete): an edit of a Kazakh original in the pages of a translation that inherits
from it or falls back to it, and a deleted page, which stays served.

Plain Python; MkDocs is touched only in ``keep_site`` / ``release_site``.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Plan:
    langs: frozenset | None          # languages to build; None = every language
    snapshot: dict = field(default_factory=dict)   # what the inputs look like now

    @property
    def partial(self) -> bool:
        return self.langs is not None

    def builds(self, lang: str) -> bool:
        return self.langs is None or lang in self.langs


def snapshot(docs_dir: Path, config_file: str | None) -> dict:
    """path -> (modification time, size) of every file below ``docs_dir`` and the config file."""
    found: dict = {}
    stack = [str(docs_dir)]
    while stack:
        with os.scandir(stack.pop()) as it:
            for item in it:
                if item.is_dir(follow_symlinks=True):
                    stack.append(item.path)
                elif item.is_file(follow_symlinks=True):
                    stat = item.stat()
                    found[os.path.relpath(item.path, docs_dir)] = (stat.st_mtime_ns, stat.st_size)
    if config_file and os.path.isfile(config_file):
        stat = os.stat(config_file)
        found["\0config"] = (stat.st_mtime_ns, stat.st_size)
    return found


def plan(docs_dir: Path, config_file: str | None, last: dict | None, langs) -> Plan:
    """What to build now, given the snapshot of the last finished build (None: everything)."""
    now = snapshot(Path(docs_dir), config_file)
    if not last:
        return Plan(None, now)
    changed = {path for path in now.keys() | last.keys() if now.get(path) != last.get(path)}
    touched = set()
    for path in changed:
        top = path.replace(os.sep, "/").split("/", 1)[0]
        if top not in langs or "/" not in path.replace(os.sep, "/"):
            return Plan(None, now)  # not inside a language folder: everything
        touched.add(top)
    return Plan(frozenset(touched), now)


def drop_all(files) -> None:
    """Leave nothing for this language's build to write (its pages stay as they were)."""
    for file in list(files):
        files.remove(file)


_ORIGINAL_CLEAN: list = []


def keep_site() -> None:
    """Do not empty the served folder at the start of this build (MkDocs would)."""
    from mkdocs import utils

    if not _ORIGINAL_CLEAN:
        _ORIGINAL_CLEAN.append(utils.clean_directory)
    utils.clean_directory = lambda directory: None


def release_site() -> None:
    """The next build empties the folder again, as MkDocs does."""
    from mkdocs import utils

    if _ORIGINAL_CLEAN:
        utils.clean_directory = _ORIGINAL_CLEAN.pop()
