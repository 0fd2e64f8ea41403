"""hooks/ stays a set of small modules with one direction of use: no two modules import each
other, directly or around a circle (function-level imports included)."""
from __future__ import annotations

import re

from conftest import ROOT


def imports() -> dict[str, set[str]]:
    graph = {}
    for path in sorted((ROOT / "hooks").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        used = set(re.findall(r"^\s*from hooks\.(\w+) import", text, re.M))
        used |= set(re.findall(r"^\s*import hooks\.(\w+)", text, re.M))
        for names in re.findall(r"^\s*from hooks import \(?([\w, ]+)", text, re.M):
            used |= {n.strip().split(" as ")[0] for n in names.split(",") if n.strip()}
        graph[path.stem] = used - {path.stem}
    return graph


def test_no_module_of_hooks_imports_itself_around_a_circle():
    graph = imports()
    assert {"catalog", "inherit", "quizdata", "rules"} <= graph.keys()
    for start in graph:
        seen, todo = set(), [start]
        while todo:
            for nxt in graph.get(todo.pop(), ()):
                assert nxt != start, f"hooks/{start}.py is imported back by hooks/{nxt}.py (directly or via others)"
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)


def test_the_lesson_model_modules_import_no_catalogue():
    graph = imports()
    for name in ("inherit", "quizdata", "audience", "placeholders", "rules"):
        assert "catalog" not in graph[name], name
