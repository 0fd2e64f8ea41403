"""Content rules and course list, read once from hooks/data/ (no other hooks module imported).

``RULES`` is hooks/data/lesson_rules.yml (fields, which facts translations inherit,
audience groups, placeholders); ``COURSES`` is hooks/data/courses.yml.
"""
from __future__ import annotations

from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parents[1] / "data"


def load_data(name: str):
    with open(DATA / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


RULES = load_data("lesson_rules.yml")
COURSES = load_data("courses.yml")
COURSE_IDS = [c["id"] for c in COURSES]
LANGS = RULES["languages"]
ORIGINAL = RULES["original_language"]


def course_title(course_id: str, lang: str) -> str:
    """A course's title in ``lang`` (hooks/data/courses.yml), or its id if it is not listed."""
    for course in COURSES:
        if course["id"] == course_id:
            return course["title"][lang]
    return course_id


def url_of(lang: str, rel: str) -> str:
    """Site-root-relative URL of a docs file (directory URLs), e.g. ru/fraud/droppers/."""
    prefix = "" if lang == ORIGINAL else f"{lang}/"
    path = rel.removesuffix(".md")
    if path == "index":
        path = ""
    elif path.endswith("/index"):
        path = path[: -len("index")]
    else:
        path += "/"
    return prefix + path
