""""Path of a hero" scenarios: a branching story in Markdown, read once into one model and checked.

A scenario is ``docs/<lang>/scenarios/<slug>.md`` (hooks/content/catalog.py gives it the kind
"scenario"; its front matter is checked against ``scenario_fields`` of hooks/data/lesson_rules.yml
and a translation inherits its facts, hooks/content/inherit.py). Its body::

    Introduction: who you are, where you are.

    ## A stranger writes {#offer}
    Text of the step.
    - [I agree](#gave-card "Meaning of this choice: shown in the recap and to the teacher.")
    - [I block them](#blocked "...")

    ## You blocked them {#blocked .good}      <- a good ending: no choices
    ## You gave your card {#gave-card .bad}   <- a bad ending: 1-2 choices back to an earlier step

``parse`` reads a body into a ``Scenario`` (steps with line numbers, choices with their meaning);
``check_catalog`` (registered in hooks/content/checks.py, so tools/check and the build run it)
reports every problem as an ERROR with file:line and what to do; ``report`` gives the info line
``tools/check`` prints for each scenario (number of paths, shortest and longest). The editions
(hooks/editions/scenario_page.py ...) read the model from ``entry.scenario``.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field

from hooks.content import fences
from hooks.content.rules import ORIGINAL
from hooks.content.yamlsrc import ContentError

STEP_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
HEADING = re.compile(r"^##(?!#)\s+(?P<title>.*?)\s*(?:\{(?P<attrs>[^{}]*)\})?\s*$")
ITEM = re.compile(r"^[-*+]\s+")
CHOICE = re.compile(
    r"""^[-*+]\s+\[(?P<text>[^\[\]]+)\]\(\#(?P<target>[^\s()"']*)(?:\s+(?:"(?P<m1>[^"]*)"|'(?P<m2>[^']*)'))?\)\s*$""")
LINK = re.compile(r"\]\((?P<url>[^)\s]+)(?:\s+[\"'][^)]*)?\)")
TEL = re.compile(r"\[\[tel:[^\]\s]+\]\]")
KINDS = ("good", "bad")
MIN_STEPS, MAX_STEPS = 8, 20
MIN_CHOICES, MAX_CHOICES = 2, 4
MAX_BACK = 2
MIN_ENDINGS = 2

FORMAT = "CONTRIBUTING.md, \"Path-of-a-hero scenarios\""


@dataclass
class Choice:
    text: str
    target: str
    meaning: str
    line: int


@dataclass
class Step:
    id: str
    title: str
    kind: str            # "step", "good" or "bad"
    line: int            # the heading's line in the file
    text: str            # the step's Markdown between its heading and its choices
    text_line: int
    choices: list = field(default_factory=list)

    @property
    def ending(self) -> bool:
        return self.kind in KINDS


@dataclass
class Scenario:
    path: str
    intro: str
    intro_line: int
    steps: list = field(default_factory=list)

    @property
    def start(self) -> Step | None:
        return self.steps[0] if self.steps else None

    def step(self, step_id: str) -> Step | None:
        return self.by_id.get(step_id)

    @property
    def by_id(self) -> dict:
        found: dict = {}
        for step in self.steps:
            found.setdefault(step.id, step)
        return found

    def number(self, step_id: str) -> int:
        """The gamebook's section number of a step: 1 for the start, in the file's order."""
        return [s.id for s in self.steps].index(step_id) + 1

    def forward(self) -> dict:
        """step id -> targets, without the back links of bad endings (the graph that must be acyclic)."""
        return {s.id: [c.target for c in s.choices] for s in self.steps if s.kind != "bad"}


# ----- reading ---------------------------------------------------------------------------------
def parse(body: str, path: str, first_line: int, errors: list) -> Scenario:
    """The scenario in ``body`` (which starts on line ``first_line`` of ``path``); format problems
    of single lines are appended to ``errors``."""
    lines = body.split("\n")
    in_fence = set()
    for kind, item in fences.scan(lines):
        if kind == "fence":
            in_fence.update(range(item.start, (item.end if item.end is not None else len(lines) - 1) + 1))
    heads = [i for i, line in enumerate(lines) if i not in in_fence and HEADING.match(line)]
    intro_end = heads[0] if heads else len(lines)
    scenario = Scenario(path, "\n".join(lines[:intro_end]).strip("\n"), first_line)
    for n, i in enumerate(heads):
        end = heads[n + 1] if n + 1 < len(heads) else len(lines)
        scenario.steps.append(_step(lines, i, end, path, first_line, errors))
    return scenario


def _step(lines: list, i: int, end: int, path: str, first: int, errors: list) -> Step:
    match = HEADING.match(lines[i])
    at = first + i
    step_id, kind = "", "step"
    for token in (match.group("attrs") or "").split():
        if token.startswith("#"):
            step_id = token[1:]
        elif token in (".good", ".bad"):
            kind = token[1:]
        elif token.startswith("."):
            errors.append(ContentError(path, at, f"unknown class '{token}' on a step",
                                       "an ending has {#id .good} or {#id .bad}; other steps only {#id}"))
    if not step_id:
        errors.append(ContentError(path, at, "this step has no id",
                                   "end its heading with an id, like: ## A stranger writes {#offer}"))
    body = lines[i + 1:end]
    while body and not body[-1].strip():
        body.pop()
    # the choices: the bullet list that ends the step (items, their indented continuations, blank lines)
    k = len(body)
    while k > 0 and (not body[k - 1].strip() or ITEM.match(body[k - 1]) or body[k - 1][:1] in (" ", "\t")):
        k -= 1
    while k < len(body) and not ITEM.match(body[k]):
        k += 1
    # a list of the text just before the choices (e.g. what to do now), apart from them by a blank
    # line and with no link to a step, stays text
    groups, start = [], k
    for j in range(k, len(body) + 1):
        if j == len(body) or (not body[j].strip() and j + 1 < len(body) and ITEM.match(body[j + 1])):
            groups.append((start, j))
            start = j + 1
    for first_line, last_line in groups:
        if any("](#" in line for line in body[first_line:last_line]):
            break
        k = last_line + 1
    k = min(k, len(body))
    while k < len(body) and not ITEM.match(body[k]):
        k += 1
    block = body[k:]
    choices: list = []
    if any("](#" in line for line in block):
        items: list = []
        for j, line in enumerate(block):
            if ITEM.match(line):
                items.append([first + i + 1 + k + j, line.strip()])
            elif line.strip() and items:
                items[-1][1] += " " + line.strip()
        for line_no, text in items:
            m = CHOICE.match(text)
            if not m:
                errors.append(ContentError(
                    path, line_no, "a choice must be exactly one link to a step of this scenario",
                    'write it like: - [What you do](#step-id "What this choice means")'))
                continue
            meaning = (m.group("m1") if m.group("m1") is not None else m.group("m2") or "").strip()
            choices.append(Choice(m.group("text").strip(), m.group("target"), meaning, line_no))
        body = body[:k]
    else:
        k = len(body)
    while body and not body[-1].strip():
        body.pop()
    start = 0
    while start < len(body) and not body[start].strip():
        start += 1
    return Step(step_id, match.group("title").strip(), kind, at, "\n".join(body[start:]),
                first + i + 1 + start, choices)


def of(entry) -> Scenario:
    """The parsed scenario of a catalogue entry (parsed once; problems go to check_catalog)."""
    if entry.scenario is None:
        entry.scenario = parse(entry.src.body, entry.path, entry.src.body_line, [])
    return entry.scenario


def scenarios(catalog, lang: str | None = None) -> list:
    """Scenario entries (of one language, or all), ordered by path."""
    return sorted((e for e in catalog.entries.values() if e.kind == "scenario" and (lang is None or e.lang == lang)),
                  key=lambda e: (e.rel, e.lang))


def lesson_rel(scenario_rel: str, link: str) -> str:
    """The docs path (below docs/<lang>/) of a link written in a scenario, e.g. ../fraud/droppers.md."""
    target = link.split("#", 1)[0]
    return posixpath.normpath(posixpath.join(posixpath.dirname(scenario_rel), target))


# ----- checks ------------------------------------------------------------------------------------
def check_catalog(catalog) -> None:
    """Every scenario: its format, its graph, its links; a translation against the Kazakh original."""
    for entry in scenarios(catalog):
        problems: list = []
        entry.scenario = parse(entry.src.body, entry.path, entry.src.body_line, problems)
        catalog.errors.extend(problems)
    for entry in scenarios(catalog):
        errors: list = []
        model = entry.scenario
        check_steps(model, errors)
        check_endings(model, catalog, entry, errors)
        if entry.translation:
            original = catalog.get(ORIGINAL, entry.rel)
            if original is not None and original.kind == "scenario":
                check_translation(model, original.scenario, errors)
        else:
            check_graph(model, errors)
            check_lessons(entry, catalog, errors)
            check_missing(entry, catalog)
        catalog.errors.extend(errors)


def check_steps(model: Scenario, errors: list) -> None:
    """Ids, number of choices, every choice's meaning; what an ending may have."""
    seen: dict = {}
    for step in model.steps:
        if step.id and not STEP_ID.match(step.id):
            errors.append(ContentError(model.path, step.line, f"the step id '{step.id}' is not valid",
                                       "use lowercase ASCII letters, digits and hyphens, like {#ask-parent}"))
        elif step.id in seen:
            errors.append(ContentError(model.path, step.line,
                                       f"the step id '{step.id}' is already used on line {seen[step.id].line}",
                                       "give every step its own id"))
        elif step.id:
            seen[step.id] = step
        for choice in step.choices:
            if not choice.meaning:
                errors.append(ContentError(
                    model.path, choice.line, f"the choice '{choice.text}' has no meaning",
                    f'add what it means in quotes after the target: [{choice.text}](#{choice.target} '
                    '"One short sentence: what this choice means") — shown in the recap and to the teacher'))
        n = len(step.choices)
        if step.kind == "good" and n:
            errors.append(ContentError(model.path, step.choices[0].line,
                                       f"the good ending '{step.id}' has choices",
                                       "take them out: the page adds \"play again\" to a good ending"))
        elif step.kind == "bad" and not n:
            errors.append(ContentError(model.path, step.line, f"the bad ending '{step.id}' has no way back",
                                       'end it with one or two choices back to an earlier step, like: '
                                       '- [Decide differently](#offer "...")'))
        elif step.kind == "bad" and n > MAX_BACK:
            errors.append(ContentError(model.path, step.choices[MAX_BACK].line,
                                       f"the bad ending '{step.id}' has {n} choices",
                                       f"give it one or two choices back to an earlier step (at most {MAX_BACK})"))
        elif step.kind == "step" and not MIN_CHOICES <= n <= MAX_CHOICES:
            errors.append(ContentError(
                model.path, step.line, f"the step '{step.id}' has {n} choice(s)",
                f"give it {MIN_CHOICES} to {MAX_CHOICES} choices (a list of links at its end), or make it an "
                "ending: {#id .good} or {#id .bad}"))


def _links(step: Step) -> list:
    return [m.group("url") for m in LINK.finditer(step.text)]


def check_endings(model: Scenario, catalog, entry, errors: list) -> None:
    """Every ending says what to do now: a help number, the help page or a lesson it draws on."""
    for step in model.steps:
        if not step.ending:
            continue
        helps = bool(TEL.search(step.text))
        for url in _links(step):
            if "://" in url or url.startswith(("#", "mailto:", "tel:")):
                continue
            rel = lesson_rel(entry.rel, url)
            target = catalog.get(entry.lang, rel) or catalog.get(ORIGINAL, rel)
            if rel == "help.md" or (target is not None and target.kind in ("lesson", "easy")):
                helps = True
        if not helps:
            errors.append(ContentError(
                model.path, step.line, f"the ending '{step.id}' does not say where to get help",
                "add a help number like [[tel:102]], a link to ../help.md, or a link to a lesson it draws on, "
                "like [Being a dropper is a crime](../fraud/droppers.md)"))


def check_graph(model: Scenario, errors: list) -> None:
    """Size, endings, targets, reachability, cycles (the Kazakh original; translations must match it)."""
    path = model.path
    first = model.steps[0].line if model.steps else model.intro_line
    if not MIN_STEPS <= len(model.steps) <= MAX_STEPS:
        errors.append(ContentError(path, first, f"the scenario has {len(model.steps)} step(s)",
                                   f"a scenario has {MIN_STEPS} to {MAX_STEPS} steps, endings included"))
    for kind, word in (("good", "good"), ("bad", "bad")):
        count = sum(1 for s in model.steps if s.kind == kind)
        if count < MIN_ENDINGS:
            errors.append(ContentError(path, first, f"the scenario has {count} {word} ending(s)",
                                       f"write at least {MIN_ENDINGS} {word} endings ({{#id .{kind}}} on the heading)"))
    ids = model.by_id
    order = {s.id: n for n, s in enumerate(model.steps)}
    known = True
    for step in model.steps:
        for choice in step.choices:
            if choice.target not in ids:
                known = False
                errors.append(ContentError(path, choice.line, f"the choice '{choice.text}' leads to #{choice.target}, "
                                           "which is not a step of this scenario",
                                           "use the id of a step heading: " + ", ".join(f"#{i}" for i in ids)))
            elif step.kind == "bad" and order[choice.target] >= order[step.id]:
                errors.append(ContentError(path, choice.line, f"the bad ending '{step.id}' leads forward to "
                                           f"#{choice.target}", "a bad ending's choices go back to an earlier step"))
    if not model.steps or not known:
        return
    everything = {s.id: [c.target for c in s.choices] for s in model.steps}
    reached = _reach(model.start.id, everything)
    for step in model.steps:
        if step.id not in reached:
            errors.append(ContentError(path, step.line, f"no choice leads to the step '{step.id}'",
                                       "link to it from a choice of another step, or take it out"))
    backwards: dict = {}
    for source, targets in everything.items():
        for target in targets:
            backwards.setdefault(target, []).append(source)
    ending_ids = [s.id for s in model.steps if s.ending]
    can_end: set = set()
    for ending in ending_ids:
        can_end |= _reach(ending, backwards)
    for step in model.steps:
        if step.id not in can_end:
            errors.append(ContentError(path, step.line, f"no ending can be reached from the step '{step.id}'",
                                       "give it a choice that leads on towards an ending"))
    loop = _cycle(model)
    if loop is not None:
        step, choice, chain = loop
        errors.append(ContentError(
            path, choice.line, f"the choice '{choice.text}' makes a loop: " + " → ".join(f"#{i}" for i in chain),
            "only a bad ending may lead back; let this choice go on to a later step"))


def _reach(start: str, graph: dict) -> set:
    seen, todo = {start}, [start]
    while todo:
        for nxt in graph.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def _cycle(model: Scenario):
    """(step, choice, chain) of the first choice that closes a loop (bad endings' back links aside)."""
    state: dict = {}
    stack: list = []

    def visit(step: Step):
        state[step.id] = 1
        stack.append(step.id)
        if step.kind != "bad":
            for choice in step.choices:
                nxt = model.step(choice.target)
                if nxt is None:
                    continue
                if state.get(nxt.id) == 1:
                    return step, choice, stack[stack.index(nxt.id):] + [nxt.id]
                if nxt.id not in state:
                    found = visit(nxt)
                    if found:
                        return found
        stack.pop()
        state[step.id] = 2
        return None

    for step in model.steps:
        if step.id not in state:
            found = visit(step)
            if found:
                return found
    return None


def check_translation(mine: Scenario, theirs: Scenario, errors: list) -> None:
    """The same steps in the same order with the same ids, choices and ending kinds as the original."""
    how = f"a translation has the steps, choices and endings of the Kazakh original {theirs.path}, in its order"
    for n, (step, orig) in enumerate(zip(mine.steps, theirs.steps)):
        if step.id != orig.id:
            errors.append(ContentError(mine.path, step.line, f"step {n + 1} is '{step.id}' here but "
                                       f"'{orig.id}' in the Kazakh original", how))
            return
        if step.kind != orig.kind:
            errors.append(ContentError(mine.path, step.line, f"the step '{step.id}' is {_kind(step.kind)} here but "
                                       f"{_kind(orig.kind)} in the Kazakh original", how))
            return
        got, want = [c.target for c in step.choices], [c.target for c in orig.choices]
        if got != want:
            at = next((c.line for c, t in zip(step.choices, want) if c.target != t),
                      step.choices[len(want)].line if len(got) > len(want) else step.line)
            errors.append(ContentError(mine.path, at, f"the choices of '{step.id}' lead to "
                                       f"{_targets(got)} here but to {_targets(want)} in the Kazakh original", how))
            return
    if len(mine.steps) != len(theirs.steps):
        at = mine.steps[len(theirs.steps)].line if len(mine.steps) > len(theirs.steps) else \
            (mine.steps[-1].line if mine.steps else mine.intro_line)
        errors.append(ContentError(mine.path, at, f"the scenario has {len(mine.steps)} step(s) here but "
                                   f"{len(theirs.steps)} in the Kazakh original", how))


def _kind(kind: str) -> str:
    return {"good": "a good ending", "bad": "a bad ending"}.get(kind, "not an ending")


def _targets(targets: list) -> str:
    return ", ".join(f"#{t}" for t in targets) or "nothing"


def check_lessons(entry, catalog, errors: list) -> None:
    """Every ``lessons:`` entry is a lesson file (the path from the scenario, like ../fraud/droppers.md)."""
    value = entry.raw.get("lessons")
    if not isinstance(value, list):
        return
    for i, link in enumerate(value):
        rel = lesson_rel(entry.rel, str(link))
        target = catalog.get(ORIGINAL, rel)
        if target is None or target.kind != "lesson":
            errors.append(ContentError(
                entry.path, entry.line("lessons", i), f"'lessons' item {i + 1} ({link}) is not a lesson file",
                "write the path of a lesson from this file, like ../fraud/droppers.md"))


def check_missing(entry, catalog) -> None:
    root = catalog.docs_dir.name
    from hooks.content.rules import LANGS
    for lang in LANGS:
        if lang != ORIGINAL and catalog.get(lang, entry.rel) is None and (lang, entry.rel) not in catalog.unreadable:
            catalog.notices.append(ContentError(
                entry.path, 1, f"no {lang} translation of this scenario yet: {root}/{lang}/{entry.rel} should exist",
                "readers see the Kazakh text until it does"))


# ----- the info line of tools/check ---------------------------------------------------------------
def paths(model: Scenario) -> tuple[int, int, int] | None:
    """(number of paths from the start to an ending, shortest, longest — in steps, both ends counted),
    on the graph without the bad endings' back links; None if it has a loop or no step."""
    if not model.steps or _cycle(model) is not None:
        return None
    memo: dict = {}

    def walk(step_id: str):
        if step_id in memo:
            return memo[step_id]
        step = model.step(step_id)
        if step is None:
            return (0, 0, 0)
        if step.ending:
            memo[step_id] = (1, 1, 1)
            return memo[step_id]
        count, low, high = 0, None, 0
        for choice in step.choices:
            n, lo, hi = walk(choice.target)
            if n:
                count += n
                low = lo + 1 if low is None else min(low, lo + 1)
                high = max(high, hi + 1)
        memo[step_id] = (count, low or 0, high)
        return memo[step_id]

    return walk(model.start.id)


def report(catalog) -> list[str]:
    """One info line per scenario of the Kazakh original (its translations have the same graph)."""
    out = []
    for entry in scenarios(catalog, ORIGINAL):
        model = entry.scenario if entry.scenario is not None else of(entry)
        found = paths(model)
        if found is None:
            continue
        count, low, high = found
        good = sum(1 for s in model.steps if s.kind == "good")
        bad = sum(1 for s in model.steps if s.kind == "bad")
        out.append(f"{entry.path}: {len(model.steps)} steps, {good} good and {bad} bad endings; "
                   f"{count} paths from the start to an ending, shortest {low} steps, longest {high} steps")
    return out
