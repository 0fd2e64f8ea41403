"""Reading an editor's Markdown file: encoding, line ends, front matter.

Plain Python, no MkDocs: used by the build hooks and by ``tools/check``.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hooks.content import yamlsrc
from hooks.content.yamlsrc import ContentError

# A lesson is a few pages of text; anything bigger is a mistake (or an attack).
MAX_BYTES = 1_000_000


@dataclass
class SourceFile:
    path: str             # as shown to editors, e.g. docs/kk/fraud/droppers.md
    meta: yamlsrc.Located  # front matter with line numbers
    body: str             # Markdown after the front matter, "\n" line ends
    body_line: int        # file line on which ``body`` starts
    text: str = ""        # the whole file, "\n" line ends (for checks that read every line)


def read_text(path: Path, shown: str) -> str:
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        raise ContentError(
            shown, 1, f"the file is {len(raw) // 1024} KB, more than {MAX_BYTES // 1000} KB",
            "split it into several lessons",
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContentError(
            shown, line, "the file is not UTF-8 text",
            "save it as UTF-8 in your editor (File → Save with encoding → UTF-8)",
        ) from None
    text = text.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def front_matter_end(lines: list[str]) -> int | None:
    """Index of the line that closes the front matter opened on the first line; None when the
    file does not start with front matter or never closes it."""
    if not lines or lines[0].strip() != "---":
        return None
    return next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)


def split_front_matter(text: str, shown: str) -> SourceFile:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise ContentError(
            shown, 1, "the file does not start with front matter",
            "put a line '---', the fields (title: ...), and another '---' at the top",
        )
    end = front_matter_end(lines)
    if end is None:
        raise ContentError(shown, 1, "the front matter is not closed", "add a line '---' after the last field")
    meta = yamlsrc.load("\n".join(lines[1:end]), shown, first_line=2)
    if meta.value is None:
        meta.value = {}
    if not isinstance(meta.value, dict):
        raise ContentError(shown, 2, "the front matter must be 'field: value' lines")
    body = "\n".join(lines[end + 1:])
    return SourceFile(shown, meta, body, end + 2, text)


def read(path: Path, shown: str) -> SourceFile:
    return split_front_matter(read_text(path, shown), shown)
