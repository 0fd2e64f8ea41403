"""Facts written once: a translation inherits the Kazakh original's facts and carries only text.

``link(catalog, check_field)`` gives every lesson and easy-read edition its ``facts`` (the
front matter the editions show) and a translation's quizzes the original's structure:

* a translated lesson: ``RULES["inherited_fields"]`` (course, order, audience, duration,
  sources, ...) from the Kazakh lesson at the same path; its own text fields over them;
  ``steps`` texts paired with the original's minutes;
* a translated scenario (hooks/content/scenario.py): ``RULES["scenario_inherited_fields"]`` (id,
  course, audience, duration, lessons, sources, claims, reviewed) from the Kazakh scenario;
* an easy-read edition: ``RULES["easy_inherited_fields"]`` (id, reviewed) from the standard
  lesson in its language (else the Kazakh one);
* a translation's quizzes: the original's ids, types, answers, option order and the lines of an
  open question (its model answer is the translation's own)
  (hooks/content/quizdata.py, ``merge``).

Where a translation still states a fact, it must agree: an ERROR with file:line otherwise.
Plain Python; it reads entries (duck-typed) and imports no catalogue.
"""
from __future__ import annotations

from hooks.content import audience, quizdata
from hooks.content.rules import ORIGINAL, RULES
from hooks.content.yamlsrc import ContentError

# Facts a translation may repeat, compared with the original as: (name, how to compare)
_SAME = {
    "order": lambda a, b: a == b,
    "id": lambda a, b: a == b,
    "course": lambda a, b: a == b,
    "lessons": lambda a, b: a == b,
    "duration": lambda a, b: a == b,
    "audience": lambda a, b: audience.parse(a) is not None and audience.parse(a) == audience.parse(b),
    "sources": lambda a, b: isinstance(a, list) and isinstance(b, list) and len(a) == len(b),
    "claims": lambda a, b: isinstance(a, list) and isinstance(b, list) and len(a) == len(b),
}
_HOW = {
    "sources": "list the same sources in the same order (translate the titles), or leave 'sources:' out",
    "claims": "translate each fact of the original, in the same order (only says:), or leave 'claims:' out",
}


def link(catalog, check_field=None) -> None:
    entries = list(catalog.entries.values())
    for entry in entries:
        if entry.kind == "lesson" and not entry.translation:
            entry.facts = dict(entry.raw, id=entry.slug, course=entry.course)
    for entry in entries:
        if entry.kind == "lesson" and entry.translation:
            original = catalog.get(ORIGINAL, entry.rel)
            entry.facts = _translated(entry, original, catalog.errors)
            entry.original = original
    # a scenario (hooks/content/scenario.py): its translations inherit the scenario's facts
    for entry in entries:
        if entry.kind == "scenario" and not entry.translation:
            entry.facts = dict(entry.raw, id=entry.slug)
    for entry in entries:
        if entry.kind == "scenario" and entry.translation:
            original = catalog.get(ORIGINAL, entry.rel)
            entry.facts = _translated(entry, original, catalog.errors, RULES["scenario_inherited_fields"])
            entry.original = original
    for entry in entries:
        if entry.kind == "easy":
            standard_rel = entry.rel.replace(".easy.md", ".md")
            standard = catalog.get(entry.lang, standard_rel) or catalog.get(ORIGINAL, standard_rel)
            facts = dict(entry.raw, id=entry.slug)
            if standard is not None:
                for name in RULES["easy_inherited_fields"]:
                    if name not in entry.raw and name in standard.meta:
                        facts[name] = standard.meta[name]
            entry.facts = facts
    for entry in entries:
        original = catalog.get(ORIGINAL, entry.rel)
        if not entry.translation or original is None or entry.quizzes is None:
            continue
        if original.quizzes is None:
            entry.quizzes = None  # the original's quiz has errors, reported there
            continue
        merged, problems = quizdata.merge(entry.path, entry.quizzes, original.path, original.quizzes)
        catalog.errors.extend(problems)
        entry.quizzes = None if problems else merged


def _translated(entry, original, errors: list, fields=None) -> dict:
    raw = entry.raw
    scenario = entry.kind == "scenario"
    if original is None:
        return dict(raw, id=entry.slug) if scenario else dict(raw, id=entry.slug, course=entry.course)
    fields = RULES["inherited_fields"] if fields is None else fields
    facts = {name: original.meta[name] for name in fields if name in original.meta}
    if isinstance(facts.get("sources"), list):
        # an inherited source is in the original's language (its ``lang``, for lang= and Braille)
        facts["sources"] = [dict(s, lang=original.lang) if isinstance(s, dict) else s for s in facts["sources"]]
    if isinstance(facts.get("reviewed"), dict):
        # the date is a fact; the reviewer's name stays with the text it was written for
        facts["reviewed"] = {"date": facts["reviewed"].get("date")}
    for name, value in raw.items():
        same = _SAME.get(name)
        if same is not None and name in original.meta and not same(value, original.meta[name]):
            errors.append(ContentError(
                entry.path, entry.line(name),
                f"'{name}' is {_show(value)} here but {_show(original.meta[name])} in the Kazakh original "
                f"{original.path}",
                _HOW.get(name, f"leave '{name}:' out: the translation takes it from the Kazakh original"),
            ))
            continue
        if name == "steps":
            facts[name] = _steps(entry, value, original, errors)
            continue
        if name == "claims" and isinstance(value, list) and isinstance(original.meta.get(name), list):
            # a translated fact gives only its says: text; the act, article and address are the original's
            facts[name] = [dict(orig, **mine) if isinstance(mine, dict) and isinstance(orig, dict) else mine
                           for mine, orig in zip(value, original.meta[name])]
            continue
        if name == "sources" and isinstance(value, list) and isinstance(original.meta.get(name), list):
            # a translated source may give only its title (and article): the rest is the original's
            facts[name] = [_source(mine, orig, entry.lang, original.lang)
                           for mine, orig in zip(value, original.meta[name])]
            continue
        facts[name] = value
    facts["id"] = entry.slug
    if not scenario:  # a lesson's course is its folder; a scenario's is inherited
        facts["course"] = entry.course
    return facts


def _source(mine, orig, lang: str, original_lang: str):
    """A translated source: its own text (title, article, note) over the original's url."""
    if not isinstance(mine, dict) or not isinstance(orig, dict):
        return mine
    if "title" not in mine:
        return dict(orig, **mine, lang=original_lang)
    own = dict(orig, **mine, lang=lang)
    for key in ("article", "note"):  # text in another language is not mixed into this one
        if key not in mine:
            own.pop(key, None)
    return own


def _steps(entry, mine, original, errors: list):
    theirs = original.meta.get("steps")
    if not isinstance(mine, list) or not isinstance(theirs, list):
        return mine
    if len(mine) != len(theirs):
        errors.append(ContentError(
            entry.path, entry.line("steps"),
            f"'steps' has {len(mine)} step(s) here but {len(theirs)} in the Kazakh original {original.path}",
            "translate each step of the original, in the same order (only text:, the minutes come from it)",
        ))
        return mine
    out = []
    for i, (step, orig) in enumerate(zip(mine, theirs)):
        if not isinstance(step, dict) or not isinstance(orig, dict):
            out.append(step)
            continue
        if "minutes" in step and step["minutes"] != orig.get("minutes"):
            errors.append(ContentError(
                entry.path, entry.line("steps", i, "minutes"),
                f"step {i + 1} takes {step['minutes']} minutes here but {orig.get('minutes')} in the Kazakh "
                f"original {original.path}",
                "leave 'minutes:' out: the translation takes it from the Kazakh original",
            ))
        merged = {"minutes": orig.get("minutes"), "text": step.get("text")}
        if isinstance(step.get("activity"), dict):  # the activity's goal, materials, instructions in this language
            merged["activity"] = step["activity"]
        out.append(merged)
    return out


def _show(value) -> str:
    if isinstance(value, list):
        return f"a list of {len(value)}"
    return repr(value)
