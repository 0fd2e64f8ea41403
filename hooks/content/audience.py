"""Who a lesson is for: ``audience`` in the Kazakh original, one label in every language.

Written as one group or a list of groups (hooks/data/lesson_rules.yml, ``audience``)::

    audience: adults
    audience: grades 9-11
    audience: [grades 9-11, adults]

``parse`` gives a normal form, e.g. ``(("grades", 9, 11), ("adults",))``, or None when the
value is not valid; ``label`` turns it into one label (strings ``audience.*`` in
hooks/data/strings.yml). Plain Python; the translator is passed in.
"""
from __future__ import annotations

import re

from hooks.content.rules import RULES

LIMITS = RULES["audience"]
_GRADES = re.compile(r"^grades?[ -]?(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?$")


def _group(item) -> tuple | None:
    text = str(item).strip().lower() if isinstance(item, str) else ""
    if text == "adults":
        return ("adults",)
    m = _GRADES.match(text)
    if not m:
        return None
    low, high = int(m.group(1)), int(m.group(2) or m.group(1))
    if not LIMITS["min_grade"] <= low <= high <= LIMITS["max_grade"]:
        return None
    return ("grades", low, high)


def parse(value) -> tuple | None:
    """The normal form of an ``audience`` value, or None if it is not valid."""
    items = value if isinstance(value, list) else [value]
    if not items:
        return None
    groups = [_group(item) for item in items]
    if any(g is None for g in groups) or len(set(groups)) != len(groups):
        return None
    return tuple(sorted(groups, key=lambda g: (g[0] == "adults", g[1:])))


def label(value, t) -> str:
    """One label in ``t``'s language, e.g. "Grades 9–11 and adults"."""
    groups = parse(value)
    if not groups:
        return str(value or "")
    parts = []
    for group in groups:
        if group[0] == "adults":
            parts.append(None)
        elif group[1] == group[2]:
            parts.append(t.t("audience.grade", n=group[1]))
        else:
            parts.append(t.t("audience.grades", low=group[1], high=group[2]))
    grades = [p for p in parts if p is not None]
    if None not in parts:
        return ", ".join(grades)
    if not grades:
        return t.t("audience.adults")
    return t.t("audience.with_adults", grades=", ".join(grades))
