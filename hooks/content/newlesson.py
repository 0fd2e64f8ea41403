"""``tools/new-lesson COURSE SLUG``: a new lesson in every language, ready to fill in.

Copies the template folder tools/lesson-template/ (the same files an editor copies by hand
in the GitHub web editor) to::

    docs/kk/<course>/<slug>.md   docs/kk/<course>/<slug>.easy.md   (the Kazakh original)
    docs/ru/<course>/<slug>.md   docs/ru/<course>/<slug>.easy.md   (text only)
    docs/en/<course>/<slug>.md   docs/en/<course>/<slug>.easy.md   (text only)

with ``order`` set to the next free number of the course. Every ``TODO:`` left in them is an
ERROR in tools/check and in the build (hooks/content/placeholders.py), so the lesson cannot be
published half-written.

    .venv/bin/python -m hooks.content.newlesson COURSE SLUG [--docs docs]
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hooks.content import sources  # noqa: E402
from hooks.content.rules import COURSE_IDS, COURSES, LANGS, ORIGINAL, RULES  # noqa: E402
from hooks.content.yamlsrc import ContentError  # noqa: E402

TEMPLATE = ROOT / "tools" / "lesson-template"
EDITIONS = (("lesson.md", ".md"), ("lesson.easy.md", ".easy.md"))
# A course with `fact_list: required` (hooks/data/courses.yml) needs `claims:` (CONTRIBUTING.md,
# "The fact list"): the Kazakh original states each fact's act and article, translations its text.
CLAIMS = {
    "kk": ('claims:\n'
           '  - says: "TODO: сабақ заң туралы не айтады — бір қысқа тұжырым"\n'
           '    act: criminal-code  # TODO: заңның id-і hooks/data/acts.yml тізімінен\n'
           '    article: "TODO: 232-1"\n'),
    "ru": 'claims:\n  - says: "TODO: что урок говорит о законе — одно короткое утверждение"\n',
    "en": 'claims:\n  - says: "TODO: what the lesson says about the law, in one short statement"\n',
}


def needs_fact_list(course: str) -> bool:
    return any(c.get("id") == course and c.get("fact_list") == "required" for c in COURSES)


def next_order(docs: Path, course: str) -> int:
    """One more than the highest ``order`` of the course's Kazakh lessons."""
    highest = 0
    for path in sorted((docs / ORIGINAL / course).glob("*.md")):
        if path.name == "index.md" or path.name.endswith(".easy.md"):
            continue
        try:
            order = sources.read(path, str(path)).meta.value.get("order")
        except ContentError:
            continue
        if isinstance(order, int) and not isinstance(order, bool):
            highest = max(highest, order)
    return highest + 1


def create(docs: Path, course: str, slug: str) -> list[Path]:
    """Write the six files; raise ValueError (with what to do) when it cannot."""
    if course not in COURSE_IDS:
        raise ValueError(f"unknown course '{course}': use one of {', '.join(COURSE_IDS)} "
                         "(a new course is added in hooks/data/courses.yml)")
    if not re.match(RULES["slug_pattern"], slug):
        raise ValueError(f"'{slug}' cannot be a file name: use lowercase ASCII letters, digits and hyphens, "
                         "e.g. financial-pyramids")
    targets = [(TEMPLATE / lang / name, docs / lang / course / (slug + suffix))
               for lang in LANGS for name, suffix in EDITIONS]
    taken = [str(target) for _src, target in targets if target.exists()]
    if taken:
        raise ValueError("these files exist already: " + ", ".join(taken) + " — choose another name")
    order = next_order(docs, course)
    written = []
    for template, target in targets:
        text = template.read_text(encoding="utf-8")
        text = re.sub(r"(?m)^order: .*$", f"order: {order}", text, count=1)
        lang = template.parent.name
        if template.name == "lesson.md" and needs_fact_list(course):
            text = text.replace("\n---\n", "\n" + CLAIMS[lang] + "---\n", 1)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tools/new-lesson", description=__doc__.split("\n\n")[0])
    parser.add_argument("course", help="the course folder: " + ", ".join(COURSE_IDS))
    parser.add_argument("slug", help="the lesson's file name without .md, e.g. financial-pyramids")
    parser.add_argument("--docs", default=str(ROOT / "docs"), help="the docs folder (default: docs)")
    args = parser.parse_args(argv)
    try:
        written = create(Path(args.docs), args.course, args.slug)
    except ValueError as exc:
        print(f"new-lesson: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(f"created {path}")
    print(f"Next: replace every {RULES['placeholder']} in these files with the lesson's text, then run tools/check "
          "(it names each placeholder still left, with file and line).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
