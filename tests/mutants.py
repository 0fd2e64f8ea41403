"""Mistakes an editor can make, applied to real lessons of docs/ (used by tests/test_mutants.py).

``small_docs(dest)`` copies a small but real site: every page, every course page, and one
lesson per course (with its easy-read editions) in each language. ``mutants()`` yields
``Mutant``s deterministically: each names one file of that small site and its new bytes
(dates, types, indentation, encodings, missing keys, wrong languages, broken quiz YAML,
broken links and anchors, front-matter fences, YAML tricks, truncation ...).
"""
from __future__ import annotations

import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
LANGS = ("kk", "ru", "en")
# One lesson per course: enough for every kind of page, small enough to build in seconds.
KEEP = ("fraud/droppers", "law-basics/what-is-law", "safety/online-safety")


@dataclass(frozen=True)
class Mutant:
    name: str        # what was done, e.g. "kk/fraud/droppers.md: date 2026-25-11"
    rel: str         # path below docs/, e.g. kk/fraud/droppers.md
    data: bytes | None  # new content; None deletes the file


def small_docs(dest: Path) -> Path:
    """Copy docs/ without the lessons that are not in KEEP; return ``dest``."""
    def ignore(folder, names):
        folder = Path(folder)
        out = []
        for name in names:
            path = folder / name
            if path.suffix == ".md" and path.parent.parent.parent == DOCS:
                lesson = f"{path.parent.name}/{name.removesuffix('.md').removesuffix('.easy')}"
                if name != "index.md" and lesson not in KEEP:
                    out.append(name)
        return out

    shutil.copytree(DOCS, dest, ignore=ignore)
    return dest


def _files() -> list[str]:
    out = []
    for lesson in KEEP:
        for lang in LANGS:
            for suffix in (".md", ".easy.md"):
                rel = f"{lang}/{lesson}{suffix}"
                if (DOCS / rel).is_file():
                    out.append(rel)
    return out


def _front(text: str) -> tuple[int, int]:
    """Indices (into text.split('\\n')) of the opening and closing front-matter fences."""
    lines = text.split("\n")
    end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    return 0, end


def _sub_field(text: str, key: str, value: str) -> str | None:
    """Replace the whole value (block included) of top-level front-matter ``key``."""
    lines = text.split("\n")
    _, end = _front(text)
    for i in range(1, end):
        if re.match(rf"^{re.escape(key)}:", lines[i]):
            j = i + 1
            while j < end and (lines[j].startswith((" ", "-")) or not lines[j].strip()):
                j += 1
            return "\n".join(lines[:i] + [f"{key}:{value}"] + lines[j:])
    return None


def _drop_field(text: str, key: str) -> str | None:
    lines = text.split("\n")
    _, end = _front(text)
    for i in range(1, end):
        if re.match(rf"^{re.escape(key)}:", lines[i]):
            j = i + 1
            while j < end and lines[j].startswith((" ", "-")):
                j += 1
            return "\n".join(lines[:i] + lines[j:])
    return None


DATES = ["2026-25-11", "2026-02-30", "20-11-2026", "2026/11/20", "tomorrow", "", "2026-11-20T25:00:00",
         "0000-01-01", "9999-12-31", "2026-11", "[2026, 11, 20]", "{year: 2026}", "2026-13-01 10:00",
         "'2026-25-11'", "1e10", "2026-11-20 extra"]
TYPES = [" [1, 2]", " {a: 1}", " 1", " 0", " -3", " 1.5", " true", " null", " ~", " ''", " 1e3",
         " 0x10", " 99999999999999999999", " \"text\"", " .nan", " 2026-11-20"]
FIELDS = ["id", "title", "summary", "course", "order", "audience", "duration", "objectives",
          "sources", "reviewed", "steps", "key_points", "discussion", "source_note"]
YAML_TRICKS = [
    "title: &a x\nsummary: *a", "title: !!python/object:os.system x", "title: !!binary aGVsbG8=",
    "? [a, b]\n: c", "title: [unclosed", "title: \"unclosed", "title: {a: [}", "title: x\ntitle: y",
    "\tid: tab", "title: a: b: c", "title: |\n no indent", "- a list\n- not a mapping",
    "title: \u2028x", "title: x\x85y", "<<: {a: 1}", "title: @at", "title: `back`", "%YAML 1.1",
    "title: \x07bell", "order: !!int x", "order: !!float x", "reviewed: !!timestamp 2026-25-11",
    "title: !!str", "!!map {a: 1}: b",
]


def _quiz_bounds(text: str) -> tuple[int, int] | None:
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.strip().startswith("```quiz"):
            for j in range(i + 1, len(lines)):
                if lines[j].strip() == "```":
                    return i, j
    return None


def _quiz_mutants(text: str, rng: random.Random):
    bounds = _quiz_bounds(text)
    if bounds is None:
        return
    lines = text.split("\n")
    start, stop = bounds
    inner = list(range(start + 1, stop))

    def edit(fn):
        copy = list(lines)
        fn(copy)
        return "\n".join(copy)

    def replace(pattern, repl, count=1):
        body = "\n".join(lines[start:stop])
        new = re.sub(pattern, repl, body, count=count, flags=re.M)
        return "\n".join(lines[:start]) + "\n" + new + "\n" + "\n".join(lines[stop:])

    yield "quiz: closing fence removed", edit(lambda c: c.__delitem__(stop))
    yield "quiz: fence indented 4 spaces", edit(lambda c: c.__setitem__(start, "    " + c[start]))
    yield "quiz: empty block", "\n".join(lines[:start + 1] + lines[stop:])
    yield "quiz: questions is a number", replace(r"^questions:.*$", "questions: 5")
    yield "quiz: not a mapping", replace(r"^questions:.*$", "- questions")
    for k in rng.sample(inner, 3):
        yield f"quiz: line {k + 1} indented by one", edit(lambda c, k=k: c.__setitem__(k, " " + c[k]))
        yield f"quiz: line {k + 1} dedented", edit(lambda c, k=k: c.__setitem__(k, c[k].lstrip()))
        yield f"quiz: line {k + 1} deleted", edit(lambda c, k=k: c.__delitem__(k))
        yield f"quiz: tab on line {k + 1}", edit(lambda c, k=k: c.__setitem__(k, "\t" + c[k]))
    yield "quiz: unknown type", replace(r"type: \w+", "type: essay")
    yield "quiz: type is a list", replace(r"type: \w+", "type: [single]")
    yield "quiz: correct is text", replace(r"correct: true", "correct: maybe")
    yield "quiz: no correct option", replace(r"^\s*correct: true\n", "", count=0)
    yield "quiz: answer is text", replace(r"answer: (true|false)", "answer: 'yes'")
    yield "quiz: answer missing", replace(r"^\s*answer: (true|false)\n", "", count=0)
    yield "quiz: options is text", replace(r"options:\s*$", "options: none")
    yield "quiz: options empty", replace(r"options:\s*$", "options: []")
    yield "quiz: duplicate question id", replace(r"- id: ([\w-]+)", r"- id: same", count=2)
    yield "quiz: id with spaces", replace(r"- id: ([\w-]+)", r"- id: Bad Id")
    yield "quiz: id missing", replace(r"- id: [\w-]+\n(\s+)", r"- \1", count=1)
    yield "quiz: text missing", replace(r"^\s*text: .*\n", "", count=1)
    yield "quiz: option is a number", replace(r"- text: .*$", "- 42")
    yield "quiz: alias in quiz", replace(r"^questions:", "x: &a 1\ny: *a\nquestions:")
    yield "quiz: raw html in question", replace(r"text: ", "text: <img src=x onerror=alert(1)> ")
    yield "quiz: javascript link in explanation", replace(r"explain: ", "explain: [x](javascript:alert(1)) ")


def _link_mutants(text: str, rel: str):
    links = list(re.finditer(r"\]\(([^)\s]+)\)", text))
    if not links:
        # Add one, so every lesson gets link and anchor mutants.
        text = text.rstrip("\n") + "\n\nSee [help](../help.md).\n"
        links = list(re.finditer(r"\]\(([^)\s]+)\)", text))
    m = links[0]
    url = m.group(1)

    def put(new):
        return text[:m.start(1)] + new + text[m.end(1):]

    base = url.split("#")[0]
    yield "link: target misspelt", put(base.replace(".", "x.", 1) if "." in base else base + "x")
    yield "link: missing anchor", put(base + "#no-such-heading")
    yield "link: anchor on this page that is not there", put("#nowhere")
    yield "link: URL-style link to a page", put("../help/")
    yield "link: URL-style link to a missing page", put("../helpp/")
    yield "link: site-absolute link", put("/kk/help/")
    yield "link: javascript", put("javascript:alert(1)")
    yield "link: data URL", put("data:text/html,<b>x</b>")
    yield "link: empty target", put("<>")
    yield "link: outside docs", put("../../../mkdocs.yml")
    yield "link: folder instead of file", put("../fraud/")
    yield "link: uppercase file name", put(base.upper())
    yield "link: ok anchor replaced by bad one", put("../help.md#" + "x" * 3)
    # Anchors: a heading of this page or of another page, a quiz question (#q-<id>) — all fine;
    # this same file by name with an anchor (MkDocs writes ./#id) is refused.
    from hooks.content import markup

    lang, name = rel.split("/", 1)[0], rel.rsplit("/", 1)[-1]
    here = sorted(markup.scan(markup.blank_code(text.split("\n---\n", 1)[-1]))["ids"])
    there = sorted(markup.scan(markup.blank_code((DOCS / lang / "help.md").read_text(encoding="utf-8")
                                                 .split("\n---\n", 1)[-1]))["ids"])
    if here:
        yield "link: a heading of this page", text + f"\n\n[up](#{here[-1]})\n"
        yield "link: this file by name with an anchor", text + f"\n\n[up]({name}#{here[-1]})\n"
    if there:
        yield "link: a heading of another page", text + f"\n\n[help](../help.md#{there[-1]})\n"
    question = re.search(r"^\s*- id: ([\w-]+)", text.split("```quiz", 1)[-1], re.M) if "```quiz" in text else None
    if question:
        yield "link: a quiz question of this page", text + f"\n\n[quiz](#q-{question.group(1)})\n"
    yield "image: missing picture", text + "\n![A picture](images/missing.png)\n"
    yield "image: no alt text", text + "\n![](images/missing.png)\n"
    yield "link: reference link undefined", text + "\nSee [help][nowhere].\n"
    yield "link: raw html link", text + "\n<a href=\"../help.md\">help</a>\n"
    yield "link: attribute list onclick", text + "\n[help](../help.md){ onclick=alert(1) }\n"


def _encoding_mutants(text: str):
    yield "encoding: cp1251", text.encode("cp1251", errors="replace")
    yield "encoding: utf-16", text.encode("utf-16")
    yield "encoding: latin-1 (lossy)", text.encode("latin-1", errors="replace")
    yield "encoding: BOM and CRLF", ("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8")
    yield "encoding: CR only", text.replace("\n", "\r").encode("utf-8")
    raw = text.encode("utf-8")
    yield "encoding: invalid byte in the body", raw[: len(raw) // 2] + b"\xff\xfe" + raw[len(raw) // 2:]
    yield "encoding: NUL byte", raw[:200] + b"\x00" + raw[200:]
    yield "encoding: cut in a multibyte letter", raw[: raw.index("\u0430".encode()) + 1] if "\u0430" in text else raw[:-1] + b"\xd0"
    yield "encoding: empty file", b""


def mutants(seed: int = 12) -> list[Mutant]:
    rng = random.Random(seed)
    out: list[Mutant] = []

    def add(rel, name, data, delete=False):
        if data is None and not delete:
            return  # the field or pattern is not in this file
        if isinstance(data, str):
            data = data.encode("utf-8")
        out.append(Mutant(f"{rel}: {name}", rel, data))

    for rel in _files():
        text = (DOCS / rel).read_text(encoding="utf-8")
        easy = rel.endswith(".easy.md")
        lesson_rel = rel.replace(".easy.md", ".md")
        # Dates.
        for date in (DATES if rel.startswith("kk/") else DATES[:4]):
            new = re.sub(r"^(  date:) .*$", rf"\1 {date}", text, count=1, flags=re.M)
            add(rel, f"reviewed date {date!r}", new)
        # Types and missing keys.
        fields = [f for f in FIELDS if re.search(rf"^{f}:", text, re.M)]
        for name in fields:
            dropped = _drop_field(text, name)
            if dropped is not None:
                add(rel, f"field {name} missing", dropped)
        for name in (fields if rel.startswith("kk/") else rng.sample(fields, min(3, len(fields)))):
            for value in rng.sample(TYPES, 3 if not easy else 2):
                add(rel, f"{name}:{value}", _sub_field(text, name, value))
        # Indentation inside the front matter.
        lines = text.split("\n")
        _, end = _front(text)
        for k in rng.sample(range(1, end), min(4, end - 1)):
            copy = list(lines)
            copy[k] = ("  " + copy[k]) if not copy[k].startswith(" ") else copy[k].lstrip()
            add(rel, f"front matter line {k + 1} re-indented", "\n".join(copy))
        # Front-matter fences.
        add(rel, "front matter not closed", "\n".join(lines[:end] + lines[end + 1:]))
        add(rel, "front matter not opened", "\n".join(lines[1:]))
        add(rel, "front matter fence indented", "\n".join([" ---"] + lines[1:]))
        add(rel, "front matter empty", "---\n---\n" + "\n".join(lines[end + 1:]))
        add(rel, "front matter only", "\n".join(lines[:end + 1]))
        # YAML tricks (inserted after the opening fence or replacing the title).
        for trick in (YAML_TRICKS if rel.startswith("kk/") else rng.sample(YAML_TRICKS, 4)):
            body = re.sub(r"^title:.*$", lambda _m: trick, text, count=1, flags=re.M)
            add(rel, f"yaml {trick!r}", body)
        # Wrong languages.
        for other in LANGS:
            if other != rel[:2] and (DOCS / other / rel[3:]).is_file():
                add(rel, f"the {other} file copied here", (DOCS / other / rel[3:]).read_bytes())
                break
        add(rel, "a lang attribute that is not a language", text + "\n\nТекст.{ lang=xx_YY }\n")
        if not easy:
            add(rel, "course of another folder", _sub_field(text, "course", " safety" if "fraud" not in rel else " law-basics"))
            add(rel, "id of another lesson", _sub_field(text, "id", " phone-scams"))
        # Quizzes and links.
        if rel.startswith("kk/") or not easy:
            for name, new in _quiz_mutants(text, rng):
                add(rel, name, new)
        for name, new in _link_mutants(text, rel):
            add(rel, name, new)
        # Encodings and truncation.
        for name, data in _encoding_mutants(text):
            add(rel, name, data)
        raw = text.encode("utf-8")
        for cut in sorted(rng.sample(range(1, len(raw)), 3)):
            add(rel, f"truncated at byte {cut}", raw[:cut])
        # Deleted files (the standard lesson beside an easy edition, a translation).
        add(rel, "file deleted", None, delete=True)
        if easy:
            add(lesson_rel, f"standard lesson broken beside {rel}", "---\ntitle: [\n---\n")
    # None values (a field name that did not exist) are skipped: every mutant changes a file.
    return [m for m in out if m.data is None or m.data != (DOCS / m.rel).read_bytes()]


def apply(docs: Path, mutant: Mutant) -> None:
    path = docs / mutant.rel
    if mutant.data is None:
        path.unlink(missing_ok=True)
    else:
        path.write_bytes(mutant.data)


def pick_for_build(all_mutants: list[Mutant], count: int = 24) -> list[Mutant]:
    """A spread of kinds for the full builds: one per kind of mistake, deterministic."""
    seen, out = set(), []
    for m in all_mutants:
        kind = m.name.split(": ", 1)[1].split(" ")[0].split(":")[0]
        if kind not in seen:
            seen.add(kind)
            out.append(m)
    return out[:count]
