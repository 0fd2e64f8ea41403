"""Act now: short steps with tap-to-call buttons, shown first on a lesson (and its easy-read
edition) or a page such as help, above everything else.

Front matter of the Kazakh original (or of a page in any language)::

    act_now:
      title: Картаңызды беріп қойсаңыз
      steps:
        - text: Банкке бірден қоңырау шалып, картаны бұғаттатыңыз.
        - call: "102"                  # a number of hooks/data/helplines.yml
          text: Полицияға хабарласыңыз.  # without text: the help line's "when to call"

A translated lesson writes the title and the step texts only, in the same order; the numbers
come from the original (a stated number must agree). Every number must be in the help-line
registry. Errors name the file and line (tools/check and the build)."""
from __future__ import annotations

from hooks.content import helplines
from hooks.content.catalog import ORIGINAL, Catalog, Entry
from hooks.content.yamlsrc import ContentError

FIELD = "act_now"
EXAMPLE = ('act_now:\n  title: If you already gave your card\n  steps:\n'
           '    - text: Call your bank at once and block the card.\n    - call: "102"')


def _raw(entry: Entry | None):
    return entry.raw.get(FIELD) if entry is not None else None


def _problems(entry: Entry, value, original_steps: list | None) -> list[str]:
    if not isinstance(value, dict):
        return ["must have a title and a list of steps"]
    out = []
    if not isinstance(value.get("title"), str) or not value["title"].strip():
        out.append("needs a title (the box's heading)")
    steps = value.get("steps")
    if not isinstance(steps, list) or not steps:
        return out + ["needs steps: a list of at least one step"]
    registry = helplines.load()
    for n, step in enumerate(steps, 1):
        if not isinstance(step, dict):
            out.append(f"step {n} must have text or call")
            continue
        call = step.get("call")
        if call is not None and str(call) not in registry:
            out.append(f"step {n} calls {call}, which is not in hooks/data/helplines.yml")
        if original_steps is not None and n <= len(original_steps):
            first = original_steps[n - 1] if isinstance(original_steps[n - 1], dict) else {}
            if call is not None and str(call) != str(first.get("call")):
                out.append(f"step {n} calls {call} but the Kazakh original calls {first.get('call')}")
        has_call = call is not None or (original_steps is not None and n <= len(original_steps)
                                        and isinstance(original_steps[n - 1], dict)
                                        and original_steps[n - 1].get("call") is not None)
        if not (isinstance(step.get("text"), str) and step["text"].strip()) and not has_call:
            out.append(f"step {n} needs text (or a call: number whose 'when to call' is shown)")
    if original_steps is not None and len(steps) != len(original_steps):
        out.append(f"has {len(steps)} steps but the Kazakh original has {len(original_steps)}")
    return out


def check_catalog(catalog: Catalog) -> None:
    for entry in catalog.entries.values():
        value = _raw(entry)
        if value is None:
            continue
        original_steps = None
        if entry.kind == "lesson" and entry.translation:
            original = _raw(catalog.get(ORIGINAL, entry.rel))
            if original is None:
                catalog.errors.append(ContentError(entry.path, entry.line(FIELD),
                                      "'act_now' is here but not in the Kazakh original",
                                      "write the steps in the Kazakh original first"))
                continue
            original_steps = original.get("steps") if isinstance(original, dict) else None
        for problem in _problems(entry, value, original_steps):
            catalog.errors.append(ContentError(entry.path, entry.line(FIELD), f"'act_now' {problem}",
                                               f"write it like:\n{EXAMPLE}"))


def box(catalog: Catalog, lang: str, rel: str) -> dict | None:
    """The act-now box of docs/<lang>/<rel> in ``lang``: {title, lang, steps: [{text, call}]}."""
    if rel.endswith(".easy.md"):
        rel = rel.replace(".easy.md", ".md")  # an easy-read edition shows its lesson's steps
    entry = catalog.get(lang, rel) or catalog.get(ORIGINAL, rel)
    value = _raw(entry)
    if not isinstance(value, dict):
        return None
    original = value
    if entry.kind == "lesson" and entry.translation:
        original = _raw(catalog.get(ORIGINAL, rel)) or value
    registry = helplines.load()
    steps = []
    for n, step in enumerate(value.get("steps") or []):
        first = (original.get("steps") or [])[n] if n < len(original.get("steps") or []) else {}
        call = step.get("call", first.get("call") if isinstance(first, dict) else None)
        line = registry.get(str(call)) if call is not None else None
        text = step.get("text") or (line.when[lang] if line else "")
        text_lang = entry.lang if step.get("text") else lang
        steps.append({"text": text, "lang": text_lang,
                      "call": {"number": line.number, "label": helplines._t("tel.call", lang, name=line.name[lang],
                                                                              number=line.number)} if line else None})
    # The box's numbers once each, right under its title: on a phone they are inside the first
    # screen however long the steps are (the steps keep their own buttons).
    calls = list({step["call"]["number"]: step["call"] for step in steps if step["call"]}.values())
    return {"title": value.get("title", ""), "lang": entry.lang, "steps": steps, "calls": calls}
