"""``mkdocs serve`` (tools/serve): after an edit, rebuild only the language that changed.

The first build under serve makes the whole site. On every later rebuild ``plan`` compares the
files under docs/ (and the configuration file) with the last finished build: when only files of
some language folders changed (docs/kk/, docs/ru/, docs/en/), only those languages' pages are
built again; the other languages' pages and the site-wide products nobody previews while
editing (search index, offline ZIPs) stay as the previous build left them, since the served
folder is not emptied (``keep_site``). Any other change (pictures in docs/assets/, a file
outside the language folders, mkdocs.yml) rebuilds everything.

An edit of a Kazakh original also shows where other languages show it: a language without its
own file at that path (its page falls back to the original) is built again, and so is every
language when the edit touches what translations inherit (the front matter, quiz and other fenced
blocks, headings, links to steps: ``inherited_part``); an edit of the original's prose alone
rebuilds only Kazakh. What the preview does not show until a full rebuild (restart tools/serve;
tools/build is always complete): a deleted page, which stays served.

Plain Python; MkDocs is touched only in ``keep_site`` / ``release_site``.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from hooks.content import fences, sources


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


INHERITED = "\0inherited"   # snapshot key: path of an original .md file -> digest of its inherited part


def plan(docs_dir: Path, config_file: str | None, last: dict | None, langs, original: str | None = None) -> Plan:
    """What to build now, given the snapshot of the last finished build (None: everything).
    ``original``: the language translations inherit from and fall back to."""
    docs_dir = Path(docs_dir)
    now = snapshot(docs_dir, config_file)
    if original:
        now[INHERITED] = _inherited_digests(docs_dir, original, now, last or {})
    if not last:
        return Plan(None, now)
    changed = {path for path in now.keys() | last.keys() if path != INHERITED and now.get(path) != last.get(path)}
    touched = set()
    for path in changed:
        parts = path.replace(os.sep, "/").split("/", 1)
        if parts[0] not in langs or len(parts) == 1:
            return Plan(None, now)  # not inside a language folder: everything
        touched.add(parts[0])
        if parts[0] == original and parts[1].endswith(".md"):
            touched |= _showing(parts[1], path, now, last, langs)
    return Plan(frozenset(touched), now)


def _showing(rel: str, path: str, now: dict, last: dict, langs) -> set:
    """The languages whose pages show an edit of the original file ``path`` (``rel`` below its
    language folder): all when the file is new or gone or its inherited part changed, else those
    without a file of their own at ``rel`` (they show the original)."""
    old, new = (last.get(INHERITED) or {}).get(path), now[INHERITED].get(path)
    if old is None or new is None or old != new:
        return set(langs)
    return {lang for lang in langs if os.path.join(lang, *rel.split("/")) not in now}


def _inherited_digests(docs_dir: Path, original: str, now: dict, last: dict) -> dict:
    """path -> digest of ``inherited_part`` for every .md file of the original language; a file
    unchanged since ``last`` keeps its digest without being read."""
    before = last.get(INHERITED) or {}
    prefix = original + os.sep
    out = {}
    for path, stamp in now.items():
        if not (path.startswith(prefix) and path.endswith(".md")):
            continue
        if path in before and last.get(path) == stamp:
            out[path] = before[path]
            continue
        try:
            text = (docs_dir / path).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        out[path] = hashlib.sha256(inherited_part(text).encode("utf-8", "surrogatepass")).hexdigest()
    return out


def inherited_part(text: str) -> str:
    """The lines of a Markdown file that a translation may inherit or that shape its pages: the
    front matter, fenced blocks (quizzes), headings (scenario steps) and lines linking to an
    anchor (scenario choices). The rest is the original's own prose."""
    lines = text.replace("\r\n", "\n").split("\n")
    end = sources.front_matter_end(lines)
    front, body = (lines[: end + 1], lines[end + 1:]) if end is not None else ([], lines)
    out = list(front)
    for kind, item in fences.scan(body):
        if kind == "fence":
            out += body[item.start: (len(body) if item.end is None else item.end + 1)]
        elif body[item].lstrip().startswith("#") or "](#" in body[item]:
            out.append(body[item])
    return "\n".join(out)


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
