"""Safe YAML loading that remembers the source line of every value.

Editors' files are untrusted: aliases (``*name``) are refused so that a
"billion laughs" document cannot expand, tags are refused, and only plain
mappings, lists and scalars come back. Every error is a ``ContentError``
carrying the file and the line, so no traceback reaches an editor.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

import yaml


class ContentError(Exception):
    """A problem in an editor's file, with the place and the fix."""

    def __init__(self, path: str, line: int, message: str, hint: str = ""):
        self.path = str(path)
        self.line = int(line)
        self.message = message
        self.hint = hint
        super().__init__(self.format())

    def format(self) -> str:
        text = f"{self.path}:{self.line}: {self.message}"
        if self.hint:
            text += f" — {self.hint}"
        return text


@dataclass
class Located:
    """A parsed YAML value plus a map from key paths to 1-based file lines."""

    value: object
    lines: dict

    def line(self, *path, default: int = 1) -> int:
        """Line of the value at ``path`` (or of its closest known parent)."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), default)


# libyaml's parser (PyYAML's C extension) when it is there: ~20x faster than the pure-Python
# one on a lesson, and its events and nodes carry the same line marks.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _scalar(node: yaml.ScalarNode, constructor: yaml.constructor.SafeConstructor | None = None):
    # Resolve scalars with the safe constructor but never build arbitrary objects.
    return (constructor or yaml.constructor.SafeConstructor()).construct_object(node, deep=True)


def load(text: str, path: str, first_line: int = 1) -> Located:
    """Parse ``text`` (which starts at ``first_line`` of ``path``). A text parsed before is
    read from the memo (hooks/content/memo.py; a text with an error is parsed again)."""
    from hooks.content import memo

    return memo.get("yaml", (text, path, first_line), lambda: _load(text, path, first_line))


def _load(text: str, path: str, first_line: int = 1) -> Located:

    def place(mark) -> int:
        return first_line + mark.line

    try:
        for event in yaml.parse(text, Loader=Loader):
            if isinstance(event, yaml.AliasEvent):
                raise ContentError(
                    path,
                    place(event.start_mark),
                    "YAML aliases (*name) are not allowed",
                    "write the value out in full",
                )
        node = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = min(place(mark), first_line + text.count("\n")) if mark else first_line
        problem = exc.problem or exc.context or "invalid YAML"
        raise ContentError(
            path, line, f"invalid YAML: {problem}",
            "check the indentation and put quotes around text that contains ': ' or '#'",
        ) from None
    except yaml.reader.ReaderError as exc:  # a control character or a non-Unicode letter
        line = first_line + text[: exc.position].count("\n")
        raise ContentError(
            path, line, f"a character YAML does not allow: U+{_code(exc.character):04X}",
            "delete it (it is invisible in most editors: retype the line)",
        ) from None
    except yaml.YAMLError as exc:
        raise ContentError(path, first_line, f"invalid YAML: {' '.join(str(exc).split())}",
                           "check the indentation and the quotes") from None

    lines: dict = {}
    constructor = yaml.constructor.SafeConstructor()

    def scalar(node):
        if not (node.tag.startswith("tag:yaml.org,2002:") or node.tag == "!"):
            raise ContentError(path, place(node.start_mark), f"YAML tags such as {node.tag} are not allowed",
                               "delete the tag (the word starting with !)")
        if node.tag.endswith(":merge"):
            raise ContentError(path, place(node.start_mark), "the YAML merge key '<<' is not allowed",
                               "write every field out in full")
        try:
            return _scalar(node, constructor)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
            # e.g. 2026-25-11: YAML reads it as a date and the calendar refuses it
            shown = str(node.value)[:40]
            if node.tag.endswith(":timestamp"):
                raise ContentError(
                    path, place(node.start_mark), f"'{shown}' is not a real date",
                    "write year-month-day with a real month and day, like 2026-11-20",
                ) from None
            problem = " ".join(str(getattr(exc, "problem", None) or exc).split())
            raise ContentError(path, place(node.start_mark), f"invalid value '{shown}': {problem}",
                               "write it as plain text, or put it in quotes") from None

    def build(node, key_path):
        lines[key_path] = place(node.start_mark)
        if isinstance(node, yaml.MappingNode):
            result = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise ContentError(path, place(key_node.start_mark), "a key must be plain text",
                                       "write field names as plain words, like title:")
                key = str(scalar(key_node))
                if key in result:
                    raise ContentError(
                        path, place(key_node.start_mark), f"the key '{key}' is written twice",
                        "keep one of them",
                    )
                result[key] = build(value_node, key_path + (key,))
                lines[key_path + (key,)] = place(key_node.start_mark)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [build(item, key_path + (i,)) for i, item in enumerate(node.value)]
        return scalar(node)

    value = build(node, ()) if node is not None else None
    return Located(value, lines)


def _code(character) -> int:
    return character if isinstance(character, int) else ord(str(character)[:1] or "\0")


def as_date(value) -> _dt.date | None:
    """A YAML date or an ISO date string, else None."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


_PARSED: dict = {}


def load_registry(path, parse, shown: str):
    """A data file (hooks/data/*.yml) read by ``parse(text, shown) -> (value, errors)``, once per
    change of the file; raises its first ContentError (file and line) if it is wrong."""
    key = (str(path), path.stat().st_mtime_ns)
    if key not in _PARSED:
        value, errors = parse(path.read_text(encoding="utf-8"), shown)
        if errors:
            raise errors[0]
        for old in [k for k in _PARSED if k[0] == key[0]]:
            del _PARSED[old]
        _PARSED[key] = value
    return _PARSED[key]
