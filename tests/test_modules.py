"""hooks/ stays a set of small modules with one direction of use: no two modules import each
other, directly or around a circle (function-level imports included). The modules are grouped
by stage in hooks/content, hooks/editions and hooks/site; module names stay unique across them."""
from __future__ import annotations

import re

from conftest import ROOT


def imports() -> dict[str, set[str]]:
    graph = {}
    for path in sorted((ROOT / "hooks").glob("*/*.py")):
        if path.stem == "__init__":
            continue
        assert path.stem not in graph, f"two modules named {path.stem} in hooks/"
        text = path.read_text(encoding="utf-8")
        used = set(re.findall(r"^\s*from hooks\.(?:\w+\.)?(\w+) import", text, re.M)) - set(STAGES)
        used |= set(re.findall(r"^\s*import hooks\.(?:\w+\.)?(\w+)", text, re.M))
        for names in re.findall(r"^\s*from hooks(?:\.\w+)? import \(?([\w, ]+)", text, re.M):
            used |= {n.strip().split(" as ")[0] for n in names.split(",") if n.strip()}
        graph[path.stem] = used - {path.stem}
    return graph


STAGES = ("content", "editions", "site")


def test_hooks_is_grouped_by_stage():
    loose = [p.name for p in (ROOT / "hooks").glob("*.py") if p.name != "__init__.py"]
    assert not loose, f"put these modules in hooks/content, hooks/editions or hooks/site: {loose}"
    for stage in STAGES:
        assert (ROOT / "hooks" / stage / "__init__.py").is_file(), stage


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
