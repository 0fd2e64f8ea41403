"""Editors' Markdown is untrusted: what it may contain, checked with file and line.

Plain Python, no MkDocs: a catalogue checker (``hooks/content/checks.py``) for the build and
``tools/check``. MkDocs publishes raw HTML written inside Markdown as it is, and the
``attr_list`` extension lets ``{ onclick=... }`` add any attribute, so the policy is to
**reject** (never silently rewrite) what could run code or break the page:

* raw HTML in the text (``<script>``, ``<img onerror=...>``, ``<div>`` ...): write Markdown.
  HTML comments ``<!-- ... -->`` and character references (``&amp;``) are allowed.
* links and images whose address is not ``https:``, ``http:``, ``mailto:``, ``tel:`` or a
  relative path (``javascript:``, ``data:``, ``vbscript:``, ``file:`` ...).
* ``{ ... }`` attribute lists other than ``#id``, ``.class`` and ``lang=...``; an ``#id``
  used twice on a page or starting with ``zb-`` or ``__`` (the site's own ids).
* a link to a ``.md`` file, or an image, that does not exist (in this language or in the
  Kazakh original that an untranslated page falls back to).
* HTML tags in front-matter text (titles, summaries, objectives, sources ...).

Front matter and quiz text are shown as text by the templates and ``hooks/editions/quiz.py``; the
Content-Security-Policy (``hooks/site/csp.py``) is the second line of defence.
"""
from __future__ import annotations

import functools
import html
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import markdown as _markdown
import yaml

from hooks.content import fences, memo
from hooks.content.catalog import ORIGINAL
from hooks.content.yamlsrc import ContentError

ROOT = Path(__file__).resolve().parents[2]
SAFE_SCHEMES = ("http", "https", "mailto", "tel")
ATTR_KEYS = {"id", "class", "lang"}
LANG_TAG = re.compile(r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$")
RESERVED_ID = re.compile(r"^(zb-|__)")
TAG_LIKE = re.compile(r"<\s*[a-zA-Z/!?]")
IMAGE_EXT = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif")

HINT_HTML = "write Markdown instead of HTML (e.g. **bold**, [text](https://...)); HTML is not published"
HINT_URL = "use an https:// address or a path to another lesson, e.g. ../help.md"


def site_extensions() -> tuple[list, dict]:
    """``markdown_extensions`` of mkdocs.yml, so the check parses like the build."""
    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # !ENV, !!python/...
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as fh:
        config = yaml.load(fh, Loader=_Loader) or {}
    names, configs = [], {}
    for item in config.get("markdown_extensions") or []:
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, dict):
            for name, conf in item.items():
                names.append(name)
                if isinstance(conf, dict):
                    configs[name] = conf
    # md_in_html would parse <div markdown> itself; without it every tag reaches the stash.
    names = [n for n in names if n != "md_in_html"]
    return names, configs


def unsafe_url(url: str) -> str:
    """The scheme of ``url`` if it is not allowed, else ""."""
    plain = re.sub(r"[\x00-\x20\x7f]+", "", html.unescape(html.unescape(unquote(url or "")))).lower()
    m = re.match(r"^([a-z][a-z0-9+.\-]*):", plain)
    if m and m.group(1) not in SAFE_SCHEMES:
        return m.group(1)
    if not m and ":" in plain.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]:
        return plain.split(":", 1)[0] or ":"
    return ""


class _Snapshot(_markdown.treeprocessors.Treeprocessor):
    """Before attr_list: remember every element's attributes."""

    def run(self, root):
        self.md.zb_before = {id(el): dict(el.attrib) for el in root.iter()}


class _Inspect(_markdown.treeprocessors.Treeprocessor):
    """After attr_list: what it added, and every link and image."""

    def run(self, root):
        before = getattr(self.md, "zb_before", {})
        found = self.md.zb_found
        for el in root.iter():
            old = before.get(id(el), {})
            for key, value in el.attrib.items():
                if old.get(key) != value:
                    found["attrs"].append((el.tag, key, value))
            if el.tag == "a" and el.get("href") is not None:
                found["links"].append(("a", el.get("href")))
            if el.tag == "img":
                found["links"].append(("img", el.get("src", "")))


class _Ids(_markdown.treeprocessors.Treeprocessor):
    """After toc (5): every id on the page, headings included — the anchors a link may name."""

    def run(self, root):
        self.md.zb_found["ids"] = {el.get("id") for el in root.iter() if el.get("id")} | \
            {el.get("name") for el in root.iter("a") if el.get("name")}


def _markdown_instance() -> _markdown.Markdown:
    names, configs = site_extensions()
    md = _markdown.Markdown(extensions=names, extension_configs=configs)
    md.treeprocessors.register(_Snapshot(md), "zb_snapshot", 9)   # attr_list is 8
    md.treeprocessors.register(_Inspect(md), "zb_inspect", 7)
    md.treeprocessors.register(_Ids(md), "zb_ids", 1)
    return md


_MD: list = []


def scan(body: str) -> dict:
    """Raw HTML fragments, attributes set by ``{...}`` and link targets of a Markdown text
    (remembered by text: the build, tools/serve and the anchor check ask again)."""
    if body not in _SCANNED:
        if len(_SCANNED) > 512:
            _SCANNED.clear()
        # and on disk by the text (hooks/content/memo.py): an unchanged file is not parsed again
        _SCANNED[body] = memo.get("markup-scan", (body,), lambda: _scan(body))
    found = _SCANNED[body]
    return {"raw": list(found["raw"]), "attrs": list(found["attrs"]), "links": list(found["links"]),
            "ids": set(found["ids"])}


_SCANNED: dict = {}


def _scan(body: str) -> dict:
    if not _MD:
        _MD.append(_markdown_instance())
    md = _MD[0]
    md.reset()
    md.zb_found = {"attrs": [], "links": [], "ids": set()}
    md.zb_before = {}
    md.convert(body)
    raw = []
    for block in md.htmlStash.rawHtmlBlocks:
        text = str(block).strip()
        if not text or re.fullmatch(r"(&[#a-zA-Z0-9]+;\s*)+", text) or _plain_comment(text):
            continue
        raw.append(text)
    return {"raw": raw, **md.zb_found}


def _plain_comment(text: str) -> bool:
    """One well-formed HTML comment, nothing after it (``<!-- a --><script>`` is not)."""
    if not (text.startswith("<!--") and text.endswith("-->")) or len(text) < 7:
        return False
    inner = text[4:-3]
    return "--" not in inner and not inner.startswith((">", "->")) and not inner.endswith("-")


def blank_code(body: str) -> str:
    """The body with fenced blocks (quizzes, examples) blanked, line numbers kept."""
    lines = body.split("\n")
    for kind, item in fences.scan(lines):
        if kind == "fence":
            stop = item.end if item.end is not None else len(lines) - 1
            for k in range(item.start, stop + 1):
                lines[k] = ""
    return "\n".join(lines)


def _line_of(body: str, first_line: int, *needles: str, after: int = 0) -> int:
    """File line of the first body line (after file line ``after``) holding a needle."""
    for needle in needles:
        needle = (needle or "").strip()
        for probe in (needle, needle[:40], needle.split("\n", 1)[0][:40]):
            if not probe:
                continue
            for n, line in enumerate(body.split("\n")):
                if first_line + n > after and probe in line:
                    return first_line + n
    return first_line


def _front_matter_strings(value, path=()):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _front_matter_strings(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _front_matter_strings(item, path + (i,))


def check_entry(entry, docs_dir: Path, errors: list, lookup=None) -> None:
    """Check one catalogue entry's front matter and Markdown body."""
    for key_path, text in _front_matter_strings(entry.meta):
        if TAG_LIKE.search(text):
            errors.append(ContentError(
                entry.path, entry.line(*key_path),
                f"'{'.'.join(str(k) for k in key_path)}' contains HTML ({TAG_LIKE.search(text).group(0)}...)",
                "write plain text; '<' followed by a letter is read as an HTML tag",
            ))
    body = blank_code(entry.src.body)
    first = entry.src.body_line
    found = scan(body)
    for fragment in found["raw"]:
        shown = " ".join(fragment.split())[:60]
        errors.append(ContentError(
            entry.path, _line_of(body, first, fragment), f"raw HTML is not allowed: {shown}", HINT_HTML))
    ids: dict = {}
    for tag, key, value in found["attrs"]:
        at = _line_of(body, first, f"{key}={value}", f"{key}=\"{value}\"", f"#{value}", "{",
                      after=ids.get(value, 0) if key == "id" else 0)
        if key not in ATTR_KEYS:
            errors.append(ContentError(
                entry.path, at, f"the attribute '{key}' is not allowed in {{ ... }}",
                "only #id, .class and lang=xx may be set in curly braces"))
        elif key == "lang" and not LANG_TAG.match(value):
            errors.append(ContentError(entry.path, at, f"'{value}' is not a language code", "e.g. { lang=ru }"))
        elif key == "id":
            if RESERVED_ID.match(value):
                errors.append(ContentError(
                    entry.path, at, f"the id '{value}' is reserved for the site", "choose an id without zb- or __"))
            elif value in ids:
                errors.append(ContentError(
                    entry.path, at, f"the id '{value}' is used twice on this page", "give each heading its own id"))
            ids[value] = at
    for tag, url in found["links"]:
        scheme = unsafe_url(url)
        what = "image" if tag == "img" else "link"
        if scheme:
            errors.append(ContentError(
                entry.path, _line_of(body, first, url, url[:20]),
                f"the {what} address '{url[:60]}' uses '{scheme}:', which is not allowed", HINT_URL))
            continue
        _check_target(entry, docs_dir, body, first, tag, url, errors, found["ids"], lookup)


def anchors(entry) -> set:
    """Ids a link to this file may name after '#': headings (as the toc extension makes
    them) and {#id}s, found by rendering the body with the site's Markdown extensions, and
    the quiz questions' #q-<id>."""
    key = (entry.path, entry.src.body)
    if key not in _ANCHORS:
        _ANCHORS.clear() if len(_ANCHORS) > 256 else None
        _ANCHORS[key] = scan(blank_code(entry.src.body))["ids"]
    # and each quiz question, #q-<id> (hooks/editions/quiz.py), so a teacher can link one
    questions = {f"q-{q.id}" for quiz in (getattr(entry, "quizzes", None) or []) for q in quiz.questions}
    return _ANCHORS[key] | questions


_ANCHORS: dict = {}
HINT_MD_LINK = ("link to the Markdown file, relative to this file (e.g. ../help.md or "
                "../fraud/droppers.md#section): MkDocs checks it and turns it into the page's address")


def _check_target(entry, docs_dir: Path, body: str, first: int, tag: str, url: str, errors: list,
                  own_ids: set = frozenset(), lookup=None) -> None:
    """A relative link must reach a file (in this language or the Kazakh original) and an
    existing heading; a page is linked by its .md file, never by its web address."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return
    at = _line_of(body, first, url)
    target = unquote(parts.path)
    fragment = unquote(parts.fragment)
    if not target:
        own_ids = set(own_ids) | (anchors(entry) if fragment else set())
        if fragment and fragment not in own_ids:
            errors.append(ContentError(
                entry.path, at, f"the link '{url}' names a heading that is not on this page",
                "use the id of a heading of this page (" + (", ".join(sorted(own_ids)[:6]) or "none") +
                "), or give the heading one with {#my-id}"))
        return
    what = "image" if tag == "img" else "link"
    if target.startswith("/"):
        errors.append(ContentError(
            entry.path, at, f"the {what} '{url}' starts with '/': it breaks under another address "
            "or language", HINT_MD_LINK if what == "link" else "use a path relative to this file, e.g. images/card.png"))
        return
    asset = tag == "img" or target.lower().endswith(IMAGE_EXT + (".pdf",))
    if not (target.endswith(".md") or asset):
        here = posixpath.dirname(entry.rel)
        # the browser resolves it against the page's address: fraud/droppers.md is at fraud/droppers/
        page_dir = here if entry.rel.rsplit("/", 1)[-1] == "index.md" else entry.rel.removesuffix(".md")
        resolved = posixpath.normpath(posixpath.join(page_dir, target)).strip("/")
        candidates = ["index.md"] if resolved in (".", "") else [f"{resolved}.md", f"{resolved}/index.md"]
        root = Path(docs_dir)
        found = next((c for c in candidates for lang in (entry.lang, ORIGINAL) if (root / lang / c).is_file()), None)
        hint = HINT_MD_LINK
        if found is not None:
            hint = f"write ({posixpath.relpath(found, here or '.')}" + (f"#{fragment}" if fragment else "") + \
                ") — " + HINT_MD_LINK
        errors.append(ContentError(
            entry.path, at, f"the link '{url}' is a web address, not a file", hint))
        return
    here = posixpath.dirname(entry.rel)
    rel = posixpath.normpath(posixpath.join(here, target))
    root = Path(docs_dir)
    inside = not rel.startswith("../") and rel != ".."
    lang = next((lang for lang in dict.fromkeys((entry.lang, ORIGINAL)) if inside and (root / lang / rel).is_file()), None)
    if lang is None:
        errors.append(ContentError(
            entry.path, at,
            f"the {what} target '{url}' does not exist (looked for docs/{entry.lang}/{rel})",
            "check the file name; paths are relative to this file, e.g. ../help.md or images/card.png",
        ))
        return
    if fragment and rel == entry.rel:
        # MkDocs writes it as ./#id, which the course print view (hooks/editions/teacher.py) cannot follow
        errors.append(ContentError(
            entry.path, at, f"the link '{url}' leads to this same page",
            f"write a link to a heading of this page as (#{fragment})"))
        return
    if fragment and target.endswith(".md"):
        other = lookup(lang, rel) if lookup is not None else None
        if other is None:
            return  # not readable: its own error says why
        ids = anchors(other)
        if fragment not in ids:
            errors.append(ContentError(
                entry.path, at, f"the link '{url}': docs/{lang}/{rel} has no heading with the id '{fragment}'",
                "use one of its ids (" + (", ".join(sorted(ids)[:6]) or "none") +
                "), or give the heading one with {#my-id}"))


# Files besides Markdown that editors may put in docs/ (MkDocs publishes them as they are).
ASSET_EXT = IMAGE_EXT + (".pdf",)
SVG_ACTIVE = re.compile(r"<\s*script|<\s*foreignObject|\son[a-z]+\s*=|javascript:|<\s*iframe|<\s*embed",
                        re.IGNORECASE)


RASTER_EXT = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif")


def _image_ok(path: Path) -> bool:
    """Pillow can decode the whole picture (the build resizes it: hooks/editions/images.py).
    Decoded once per version of the file (size and change time) in a process: a serve rebuild
    or a second check does not decode an unchanged picture again."""
    try:
        stat = path.stat()
    except OSError:
        return False
    return _decodes(str(path), stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=4096)
def _decodes(path: str, _size: int, _mtime_ns: int) -> bool:
    try:
        from PIL import Image

        with Image.open(path) as image:
            image.load()
        return True
    except Exception:  # noqa: BLE001 — any decoder error means a broken file for the editor
        return False


def check_files(docs_dir: Path, errors: list) -> None:
    """Only Markdown and plain images/PDFs in docs/: an .html, .js or scripted SVG file
    would be published as is, outside every check and template."""
    root = Path(docs_dir)
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.suffix == ".md" or path.name.startswith("."):
            continue
        shown = f"{root.name}/{path.relative_to(root).as_posix()}"
        if path.suffix.lower() not in ASSET_EXT:
            errors.append(ContentError(
                shown, 1, f"'{path.suffix or path.name}' files are not published from docs/",
                "lessons are .md files; pictures may be " + ", ".join(ASSET_EXT)))
        elif path.suffix.lower() in RASTER_EXT and not _image_ok(path):
            errors.append(ContentError(
                shown, 1, "this picture cannot be read (damaged, or not really a "
                f"{path.suffix.lstrip('.').upper()} file)",
                "open it in an image editor and save it again as PNG or JPEG"))
        elif path.suffix.lower() == ".svg":
            text = path.read_bytes()[:2_000_000].decode("utf-8", errors="replace")
            m = SVG_ACTIVE.search(text)
            if m:
                errors.append(ContentError(
                    shown, text[: m.start()].count("\n") + 1,
                    f"this SVG picture contains script or links that run code ({m.group(0).strip()})",
                    "export it again as a plain picture, or save it as PNG"))


def check_catalog(catalog) -> None:
    """Build checker: every Markdown file of every language, and the other files in docs/."""
    for entry in catalog.entries.values():
        check_entry(entry, catalog.docs_dir, catalog.errors, catalog.get)
    check_files(catalog.docs_dir, catalog.errors)


def escape_title(page) -> None:
    """Make ``page.meta['title']`` HTML-safe for every template that prints it.

    Material prints titles unescaped (``<title>``, header, navigation, table of contents).
    Tags are rejected by the check above; this escapes what remains (``&``, ``<`` before a
    digit, quotes) once, as ``Markup``, so templates that escape do not escape it twice.
    """
    from markupsafe import Markup

    title = (page.meta or {}).get("title")
    if isinstance(title, str) and not isinstance(title, Markup):
        page.meta["title"] = Markup(html.escape(title, quote=True))
