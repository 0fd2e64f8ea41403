"""Every content check, in one place: the build and ``tools/check`` run the same list.

A checker is a callable ``(catalog) -> None`` that appends ``ContentError``s (file, line,
message, hint) to ``catalog.errors`` (ERROR: fails tools/check and the build) or
``catalog.notices`` (NOTICE: printed and listed, never fails). ``hooks/content/catalog.py`` itself
reads every lesson once into its model and checks front matter, inherited facts, quizzes
(hooks/content/quizdata.py), placeholders, translations, order and review dates before these run.

To add a check: write ``check_catalog(catalog)`` in your module and append it below
(keep every existing entry). ``hooks/site/mkdocs_hooks.py`` imports this list; so does
``hooks/content/check.py`` (``tools/check``), which runs it without building the site.
"""
from __future__ import annotations

import datetime as dt
from functools import cached_property
from pathlib import Path

from hooks.content import catalog as catalog_module
from hooks.editions import braille_site  # noqa: E402
from hooks.content import glossary, readability  # noqa: E402
from hooks.content import markup  # noqa: E402
from hooks.editions import images  # noqa: E402
from hooks.editions import teacher  # noqa: E402
from hooks.content import citations  # noqa: E402
from hooks.content import wording  # noqa: E402
from hooks.content.yamlsrc import ContentError
from hooks.editions import actnow  # noqa: E402
from hooks.editions import easyread  # noqa: E402
from hooks.content import schoolplan  # noqa: E402
from hooks.content import scenario  # noqa: E402
from hooks.editions import scenario_print  # noqa: E402

# Checkers that run over the whole catalogue: (catalog) -> None, appending errors/warnings.
CHECKERS: list = []
CHECKERS.append(braille_site.check_catalog)  # Braille edition of every lesson: hooks/editions/braille_site.py
CHECKERS.append(readability.check_catalog)  # easy-read limits: hooks/content/readability.py
CHECKERS.append(glossary.check_catalog)  # glossary files and term ids: hooks/content/glossary.py
CHECKERS.append(markup.check_catalog)  # raw HTML, unsafe URLs and broken links in Markdown: hooks/content/markup.py
CHECKERS.append(images.check_catalog)  # alt text, missing or remote image files: hooks/editions/images.py
CHECKERS.append(teacher.check_catalog)  # key points for the poster, steps vs duration: hooks/editions/teacher.py
CHECKERS.append(citations.check_catalog)  # acts cited, fact lists, source addresses, help numbers, law changes: hooks/content/citations.py
CHECKERS.append(wording.check_catalog)  # Kazakh wrong -> right forms (notices): hooks/content/wording.py
CHECKERS.append(actnow.check_catalog)  # act-now steps and their help numbers: hooks/editions/actnow.py
CHECKERS.append(easyread.check_catalog)  # pictograms named in easy-read files: hooks/editions/easyread.py
CHECKERS.append(schoolplan.check_catalog)  # school lessons: 45/90 minutes and an activity: hooks/content/schoolplan.py
CHECKERS.append(scenario.check_catalog)  # "path of a hero" scenarios: steps, choices, graph, translations: hooks/content/scenario.py
CHECKERS.append(scenario_print.check_catalog)  # a scenario's Braille gamebook: hooks/editions/scenario_print.py


def _culprit(tb, catalog):
    """The catalogue entry a crashed checker was working on (innermost frame that holds one)."""
    entries = {id(e): key for key, e in catalog.entries.items()}
    found = None
    while tb is not None:
        for value in tb.tb_frame.f_locals.values():
            if id(value) in entries:
                found = entries[id(value)]
        tb = tb.tb_next
    return found


def _forget_lookups(catalog) -> None:
    for name, attr in vars(type(catalog)).items():
        if isinstance(attr, cached_property):
            catalog.__dict__.pop(name, None)


def guarded(checker):
    """``checker`` that never lets a malformed file end in a traceback.

    The checks expect what the front-matter check accepted; a file it refused (a date that
    is a list, objectives that are a number ...) can make a checker fail. Then the checker
    runs again without that file: its own error (file:line) is already reported; a file with
    no error gets one naming it, so the editor still learns which file stopped the check.
    """
    def run(catalog) -> None:
        order = list(catalog.entries)
        skipped: dict = {}
        try:
            while True:
                errors, warnings = len(catalog.errors), len(catalog.warnings)
                try:
                    checker(catalog)
                    return
                except Exception as exc:  # noqa: BLE001 — turned into a file:line message below
                    if type(exc).__module__.startswith("mkdocs"):
                        raise  # setup problems (e.g. Braille tables) abort the build as before
                    del catalog.errors[errors:], catalog.warnings[warnings:]
                    key = _culprit(exc.__traceback__, catalog)
                    if isinstance(exc, ContentError):  # a checker gave up on a file: its message
                        catalog.errors.append(exc)
                        key = key or next((k for k, e in catalog.entries.items() if e.path == exc.path), None)
                    if key is None:
                        raise
                    entry = skipped[key] = catalog.entries.pop(key)
                    _forget_lookups(catalog)
                    if not any(e.path == entry.path for e in catalog.errors):
                        catalog.errors.append(ContentError(
                            entry.path, 1, f"this file could not be checked ({type(exc).__name__}: "
                            f"{' '.join(str(exc).split())[:120]})",
                            "check its front matter against CONTRIBUTING.md; if it looks right, "
                            "report this message to the developers"))
        finally:
            if skipped:
                everything = {**catalog.entries, **skipped}
                catalog.entries.clear()
                catalog.entries.update((key, everything[key]) for key in order if key in everything)
                _forget_lookups(catalog)

    run.__name__ = getattr(checker, "__name__", "checker")
    run.__wrapped__ = checker
    return run


def run(docs_dir: Path, today: dt.date) -> catalog_module.Catalog:
    """Read every file below ``docs_dir`` and run all checks (no MkDocs): the build
    (hooks/site/mkdocs_hooks.py) and tools/check (hooks/content/check.py) both call this."""
    return catalog_module.build(Path(docs_dir), today, checkers=[guarded(c) for c in CHECKERS])
