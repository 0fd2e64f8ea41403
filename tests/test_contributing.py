"""Every example in the editor's guide (CONTRIBUTING.md) works when an editor copies it.

A fenced block marked ``file="docs/..."`` is a whole file; ``append="docs/..."`` is added to that
file's body. Together they are put in a small docs folder and must pass every content check
(tools/check's list: front matter, inheritance, quizzes, Braille, images, ...). Every other YAML
block must parse. The guide's `tools/new-lesson` and field count are tested in test_new_lesson.py.
"""
from __future__ import annotations

import datetime as dt
import re
import shutil

import yaml

from conftest import ROOT, minimal_pages
from hooks.content import checks, fences

GUIDE = ROOT / "CONTRIBUTING.md"


def blocks() -> list[dict]:
    """Every fenced block of the guide: info word, attributes, text, line; nested ones too."""
    found = []

    def scan(lines: list[str], offset: int):
        for kind, item in fences.scan(lines):
            if kind != "fence":
                continue
            opening = lines[item.start]
            stop = item.end if item.end is not None else len(lines)
            inner = lines[item.start + 1: stop]
            attrs = dict(re.findall(r'(\w+)="([^"]*)"', opening))
            found.append({"info": item.info, "attrs": attrs, "text": "\n".join(inner),
                          "line": offset + item.start + 1})
            if item.info == "markdown":
                scan(inner, offset + item.start + 1)

    scan(GUIDE.read_text(encoding="utf-8").split("\n"), 0)
    return found


def test_the_guide_has_the_examples_this_test_checks():
    found = blocks()
    files = {b["attrs"]["file"] for b in found if "file" in b["attrs"]}
    assert {"docs/kk/fraud/example.md", "docs/ru/fraud/example.md", "docs/kk/fraud/example.easy.md",
            "docs/kk/scenarios/example.md"} <= files
    assert sum(1 for b in found if b["info"] == "quiz") >= 2


def test_every_yaml_example_parses():
    for block in blocks():
        if block["info"] in ("yaml", "quiz"):
            text = block["text"]
            if text.startswith("---"):
                text = text.strip().strip("-")
            try:
                yaml.safe_load(text)
            except yaml.YAMLError as exc:
                raise AssertionError(f"CONTRIBUTING.md:{block['line']}: {exc}") from None


def test_the_examples_pass_every_check_when_placed_in_lessons(tmp_path):
    docs = tmp_path / "docs"
    for rel, text in minimal_pages().items():
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text(text, encoding="utf-8")
    written = {}
    for block in blocks():
        target = block["attrs"].get("file")
        if target:
            # a lesson example gets a body; a scenario example is a whole file (its steps are its body)
            written[target] = block["text"] + ("\n" if "/scenarios/" in target else "\n\n## Мәтін\n\nМәтін.\n")
    for block in blocks():
        target = block["attrs"].get("append")
        if target:
            assert target in written, f"CONTRIBUTING.md:{block['line']}: {target} is not an example file"
            written[target] += "\n" + block["text"] + "\n"
    for rel, text in written.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    # the picture the image example names
    shutil.copytree(ROOT / "docs/kk/fraud/images", docs / "kk/fraud/images")
    catalog = checks.run(docs, dt.date(2026, 11, 22))
    assert [e.format() for e in catalog.errors] == []
    # the translation took the original's facts and quiz answers
    ru = catalog.get("ru", "fraud/example.md")
    assert ru.meta["order"] == 3 and ru.meta["duration"] == 30 and ru.meta["course"] == "fraud"
    assert [s["minutes"] for s in ru.meta["steps"]] == [10, 20]
    # (options in the course's key order, hooks/content/keyorder.py: the right one by its text)
    assert [(q.id, q.type, [q.options[i].text for i in q.correct] if q.options else q.answer)
            for q in ru.quizzes[0].questions][:2] == [("card-rent", "single", ["Откажусь."]), ("mule-crime", "truefalse", True)]
    # the open question: type and lines from the original, its own model answer
    opened = ru.quizzes[0].questions[2]
    assert (opened.id, opened.type, opened.lines) == ("refuse-reply", "open", 4)
    assert opened.model_answer.startswith("В хорошем ответе есть ясный отказ")
    assert ru.meta["sources"][0]["act"] == "criminal-code"
    # the scenario example: 8 steps, its graph read into the model (hooks/content/scenario.py)
    from hooks.content import scenario
    model = catalog.get("kk", "scenarios/example.md").scenario
    assert len(model.steps) == 8 and model.start.id == "offer"
    assert scenario.paths(model) == (6, 2, 4)
