"""School lesson plans: a lesson for school grades lasts one or two school lessons
(``school_lesson_minutes`` in hooks/data/lesson_rules.yml, 45 or 90) and has a hands-on
``activity`` step; its steps add up to the duration (hooks/editions/teacher.py checks the sum).
Adult-only lessons need no school plan.

An activity step, in the Kazakh original (translations list the step texts only; the activity
comes from the original)::

    steps:
      - minutes: 15
        text: Pair work — spot the scam
        activity:
          goal: Pupils recognise three signs of a scam message.
          materials: Printed cards with five messages.
          instructions: In pairs, sort the cards into "scam" and "safe", then explain one choice.

Missing duration 45/90 or activity is a NOTICE (the course issues write the content); an
activity without goal, materials or instructions is an ERROR with file and line."""
from __future__ import annotations

from hooks.content import audience
from hooks.content.catalog import Catalog, Entry
from hooks.content.rules import RULES
from hooks.content.yamlsrc import ContentError

ACTIVITY_FIELDS = ("goal", "materials", "instructions")
MINUTES = tuple(RULES.get("school_lesson_minutes", (45, 90)))


def is_school(meta: dict) -> bool:
    parsed = audience.parse(meta.get("audience"))
    return bool(parsed) and any(group[0] == "grades" for group in parsed)


def activity_of(entry: Entry, index: int) -> tuple[dict | None, str]:
    """The activity of step ``index`` and the language of its text: the translation's own
    (goal, materials and instructions translated), else the Kazakh original's."""
    original = getattr(entry, "original", None)
    for source in (entry, original) if original is not None else (entry,):
        steps = source.meta.get("steps") or []
        if index < len(steps) and isinstance(steps[index], dict) and isinstance(steps[index].get("activity"), dict):
            activity = steps[index]["activity"]
            if all(str(activity.get(f) or "").strip() for f in ACTIVITY_FIELDS):
                return activity, source.lang
    return None, entry.lang


def check_catalog(catalog: Catalog) -> None:
    for entry in catalog.entries.values():
        if entry.kind == "lesson" and entry.translation and not entry.meta.get("withdrawn"):
            _check_translated_activities(entry, catalog)
        if entry.kind != "lesson" or entry.translation or entry.meta.get("withdrawn"):
            continue
        meta = entry.meta
        steps = [s for s in meta.get("steps") or [] if isinstance(s, dict)]
        for i, step in enumerate(steps):
            activity = step.get("activity")
            if activity is None:
                continue
            missing = [f for f in ACTIVITY_FIELDS if not (isinstance(activity, dict)
                                                          and str(activity.get(f) or "").strip())]
            if missing:
                catalog.errors.append(ContentError(
                    entry.path, entry.line("steps", i),
                    f"the activity of step {i + 1} needs {', '.join(missing)}",
                    "write activity: with goal:, materials: and instructions: (the step has minutes: and text:)"))
        if not is_school(meta):
            continue
        if meta.get("duration") not in MINUTES:
            catalog.notices.append(ContentError(
                entry.path, entry.line("duration"),
                f"a school lesson lasts {' or '.join(map(str, MINUTES))} minutes, not {meta.get('duration')}",
                "plan one or two school lessons"))
        if not any(isinstance(s.get("activity"), dict) for s in steps):
            catalog.notices.append(ContentError(
                entry.path, entry.line("steps") if "steps" in entry.raw else 1,
                "a school lesson has no activity step",
                "add a step with activity: (goal, materials, instructions) and its minutes"))


def _check_translated_activities(entry: Entry, catalog: Catalog) -> None:
    """A translation whose step leaves the original's activity untranslated: a NOTICE (the
    teacher page then shows the Kazakh text, marked as Kazakh)."""
    original = getattr(entry, "original", None)
    if original is None or not isinstance(entry.raw.get("steps"), list):
        return
    for i, step in enumerate(original.meta.get("steps") or []):
        if not (isinstance(step, dict) and isinstance(step.get("activity"), dict)):
            continue
        mine = entry.raw["steps"][i] if i < len(entry.raw["steps"]) else None
        if isinstance(mine, dict) and "activity" not in mine:
            catalog.notices.append(ContentError(
                entry.path, entry.line("steps", i),
                f"the activity of step {i + 1} is not translated: the teacher page shows it in Kazakh",
                "add activity: with goal:, materials: and instructions: in this language under the step"))
