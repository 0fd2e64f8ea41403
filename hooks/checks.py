"""Every content check, in one place: the build and ``tools/check`` run the same list.

A checker is a callable ``(catalog) -> None`` that appends ``ContentError``s (file, line,
message, hint) to ``catalog.errors`` (ERROR: fails tools/check and the build) or
``catalog.notices`` (NOTICE: printed and listed, never fails). ``hooks/catalog.py`` itself
reads every lesson once into its model and checks front matter, inherited facts, quizzes
(hooks/quizdata.py), placeholders, translations, order and review dates before these run.

To add a check: write ``check_catalog(catalog)`` in your module and append it below
(keep every existing entry). ``hooks/mkdocs_hooks.py`` imports this list; so does
``hooks/check.py`` (``tools/check``), which runs it without building the site.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from hooks import catalog as catalog_module
from hooks import braille_site  # noqa: E402
from hooks import glossary, readability  # noqa: E402
from hooks import markup  # noqa: E402
from hooks import images  # noqa: E402
from hooks import teacher  # noqa: E402
from hooks import citations  # noqa: E402

# Checkers that run over the whole catalogue: (catalog) -> None, appending errors/warnings.
CHECKERS: list = []
CHECKERS.append(braille_site.check_catalog)  # Braille edition of every lesson: hooks/braille_site.py
CHECKERS.append(readability.check_catalog)  # easy-read limits: hooks/readability.py
CHECKERS.append(glossary.check_catalog)  # glossary files and term ids: hooks/glossary.py
CHECKERS.append(markup.check_catalog)  # raw HTML, unsafe URLs and broken links in Markdown: hooks/markup.py
CHECKERS.append(images.check_catalog)  # alt text, missing or remote image files: hooks/images.py
CHECKERS.append(teacher.check_catalog)  # key points for the poster, steps vs duration: hooks/teacher.py
CHECKERS.append(citations.check_catalog)  # acts cited, source addresses, help numbers, law changes: hooks/citations.py


def run(docs_dir: Path, today: dt.date) -> catalog_module.Catalog:
    """Read every file below ``docs_dir`` and run all checks (no MkDocs)."""
    return catalog_module.build(Path(docs_dir), today, checkers=CHECKERS)
