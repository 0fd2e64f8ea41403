"""Kazakh wording: forms that say something else than a legal lesson means (hooks/data/kk_wording.yml).

``check_text(text, path)`` returns a NOTICE (``ContentError``) for every wrong form in a Kazakh
file, with its line and the right form; ``check_catalog`` runs it over every Kazakh file of the
site (front matter, text and quizzes alike). Notices never fail the check or the build.
Plain Python, no MkDocs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from hooks.content.rules import ORIGINAL, load_data
from hooks.content.yamlsrc import ContentError

DATA_FILE = "kk_wording.yml"
_LETTER = "A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі"


@dataclass(frozen=True)
class Form:
    wrong: tuple
    right: str
    why: str
    unless_after: str
    pattern: re.Pattern


def _pattern(forms, unless_after: str) -> re.Pattern:
    alts = []
    for form in forms:
        stem = re.escape(str(form).rstrip("*")).replace(r"\ ", r"\s+")
        alts.append(stem + (f"[{_LETTER}]*" if str(form).endswith("*") else ""))
    guard = rf"(?<!{re.escape(unless_after)}\s)" if unless_after else ""
    return re.compile(rf"(?<![{_LETTER}]){guard}(?:{'|'.join(alts)})(?![{_LETTER}])", re.IGNORECASE)


@lru_cache(maxsize=1)
def load() -> tuple:
    data = load_data(DATA_FILE) or {}
    out = []
    for i, item in enumerate(data.get("forms") or []):
        wrong = item.get("wrong") if isinstance(item, dict) else None
        if not isinstance(wrong, list) or not wrong or not item.get("right"):
            raise ContentError(f"hooks/data/{DATA_FILE}", 1, f"item {i + 1} needs wrong: [forms] and right:",
                               "write it like the other items of the file")
        after = str(item.get("unless_after") or "")
        out.append(Form(tuple(str(w) for w in wrong), str(item["right"]), str(item.get("why") or ""),
                        after, _pattern(wrong, after)))
    return tuple(out)


def check_text(text: str, path: str, first_line: int = 1, forms: tuple | None = None) -> list:
    """A notice for every wrong form in ``text`` (a Kazakh file), naming its line."""
    forms = load() if forms is None else forms
    found = []
    for i, line in enumerate(text.split("\n")):
        taken: list = []  # one notice per place: a longer wrong form hides a shorter one inside it
        for form in forms:
            for match in form.pattern.finditer(line):
                if any(a < match.end() and match.start() < b for a, b in taken):
                    continue
                taken.append(match.span())
                found.append(ContentError(
                    path, first_line + i, f"Kazakh wording: «{match.group(0)}» — write «{form.right}»",
                    form.why or f"write {form.right}"))
    return found


def check_catalog(catalog) -> None:
    """Every Kazakh file of the site (published or not: a withdrawn lesson is being rewritten)."""
    try:
        forms = load()
    except ContentError as exc:
        catalog.errors.append(exc)
        return
    for entry in catalog.entries.values():
        if entry.lang == ORIGINAL and not catalog.is_withdrawn(entry.lang, entry.rel):
            text = entry.src.text or entry.src.body
            first = 1 if entry.src.text else entry.src.body_line
            catalog.notices.extend(check_text(text, entry.path, first, forms))
