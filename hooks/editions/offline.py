"""Offline copy: one ZIP per language that works opened from a USB stick (file://).

MkDocs with ``use_directory_urls`` links to folders (``../droppers/``); a browser
opening files from disk shows a folder listing (or nothing) for those, not the
``index.html`` inside. So the ZIP holds its own copy of the built pages of one
language with every link to a page in the copy rewritten to ``…/index.html``;
links to pages that are not in the copy (the other languages) point to the
public site instead. Shared assets (CSS, JS, images) come along; nothing is
loaded from another host. Elements marked ``data-zb-online-only`` (e.g. a search
box that needs a server) are left out of the copy.

The kk ZIP is the root site minus /ru/ and /en/; the ru ZIP is /ru/ plus the
shared /assets/ and a start page ``index.html`` that opens ``ru/index.html``.
ZIPs are deterministic: sorted entries, fixed timestamps (the build date) and
permissions. They are written to ``offline/zansabaq-<lang>.zip``; the home page
of each language links to its ZIP and shows its size (filled in here, after the
ZIP exists: the marker ``<!--zb-offline-size-->…<!--/zb-offline-size-->``).
"""
from __future__ import annotations

import datetime as dt
import html
import io
import os
import posixpath
import re
import shutil
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from hooks.content import memo, workers
from hooks.content.catalog import LANGS, ORIGINAL
from hooks.content.strings import Translator

FOLDER = "offline"
ONLINE_ONLY = "data-zb-online-only"
SIZE_MARK = re.compile(r"<!--zb-offline-size-->.*?<!--/zb-offline-size-->", re.S)
OFFER_MARK = re.compile(r"<!--zb-offline-offer-->.*?<!--/zb-offline-offer-->", re.S)
# Every page's footer (partials/copyright.html) holds an empty stamp; in the copy it says when
# the copy was made and to check the site for updates.
STAMP_MARK = re.compile(r"<!--zb-offline-stamp-->.*?<!--/zb-offline-stamp-->", re.S)

# Never in a copy: the ZIPs themselves, share cards (only for social networks), the search
# index (needs a server), sitemaps, source maps, Material's search worker and lunr, and the
# teachers' print downloads (poster PDF, QR PNG: the teacher page links them online).
EXCLUDE_PREFIXES = (
    f"{FOLDER}/", "assets/cards/", "pagefind/", "search/",
    "assets/javascripts/lunr/", "assets/javascripts/workers/",
)
EXCLUDE_NAMES = {"404.html", "sitemap.xml", "sitemap.xml.gz"}
# Scripts that need the web server: left out of the copy with their <script> tags. The search
# box (hooks/site/search.py SCRIPT) stays hidden without its script, as it does without JavaScript.
ONLINE_ONLY_FILES = ("assets/javascripts/search.js",)
EXCLUDE_SUFFIXES = (".map", ".poster.pdf", ".qr.png")
URL_ATTRS = ("href", "src", "srcset")


def zip_name(lang: str) -> str:
    return f"zansabaq-{lang}.zip"


def zip_path(lang: str) -> str:
    """Site path of the language's ZIP."""
    return f"{FOLDER}/{zip_name(lang)}"


def lang_root(lang: str) -> str:
    """Folder of a language in the built site: '' for the original (site root)."""
    return "" if lang == ORIGINAL else f"{lang}/"


# ----- which files go into a copy ---------------------------------------------------
def site_files(site_dir: Path) -> list[str]:
    return sorted(p.relative_to(site_dir).as_posix() for p in Path(site_dir).rglob("*") if p.is_file())


def _excluded(path: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    return (path.startswith(EXCLUDE_PREFIXES) or name in EXCLUDE_NAMES or name.endswith(EXCLUDE_SUFFIXES)
            or name.startswith(".tmp-") or path in ONLINE_ONLY_FILES)


def files_for(lang: str, all_files: list[str], langs=LANGS) -> list[str]:
    """Site paths that go into the copy of ``lang`` (before unused fonts are dropped)."""
    others = tuple(f"{other}/" for other in langs if other != ORIGINAL)
    chosen = []
    for path in all_files:
        if lang == ORIGINAL:
            keep = not path.startswith(others)
        else:
            keep = path.startswith(f"{lang}/") or (path.startswith("assets/") and "/" in path)
        # a language folder's own assets (e.g. ru/assets/...) would also start with its prefix
        if keep and not _excluded(path.removeprefix(f"{lang}/") if lang != ORIGINAL else path):
            chosen.append(path)
    return chosen


def drop_unused_fonts(paths: list[str], read) -> list[str]:
    """Font files that no stylesheet or page of the copy names are left out (they are for Pillow).
    The pages are read one at a time (a copy is tens of megabytes)."""
    fonts = [p for p in paths if p.lower().endswith((".ttf", ".otf", ".woff", ".woff2"))]
    if not fonts:
        return paths
    unused = {f: f.rsplit("/", 1)[-1].encode() for f in fonts}
    for path in paths:
        if not unused:
            break
        if path.endswith((".css", ".html")):
            text = read(path)
            for font in [f for f, name in unused.items() if name in text]:
                del unused[font]
    return [p for p in paths if p not in unused]


# ----- rewriting the HTML -----------------------------------------------------------
class _Tags:
    """Start and end tags of a document with their character offsets: (begin, end, tag, attrs)
    and (begin, end, tag). Found with regular expressions, as Python's HTML parser finds them on
    these pages (MkDocs' and ours, checked on every page of a 50-lesson site) in a third of the
    time: the parser spent most of an offline copy's time reading them character by character.
    Comments, declarations and the text of <script> and <style> hold no tags, as for the parser.
    ``attrs`` are read for <script> and <link> and for tags marked online-only (all the rewriter
    asks); other tags get {}."""

    def __init__(self, text: str):
        self.text = text
        self.starts: list[tuple[int, int, str, dict]] = []
        self.ends: list[tuple[int, int, str]] = []
        pos = 0
        while True:
            m = _TOKEN.search(text, pos)
            if m is None:
                break
            pos = m.end()
            if m.group("end") is not None:
                self.ends.append((m.start(), m.end(), m.group("end").lower()))
            elif m.group("start") is not None:
                tag = m.group("start").lower()
                attrs = {}
                raw = m.group("attrs")
                # what the rewriter asks of a tag: its src or href (scripts and styles) and
                # whether it is online-only; other tags' attributes are not needed
                if tag in ("script", "link") or ONLINE_ONLY in raw.lower():
                    attrs = _attributes(raw)
                self.starts.append((m.start(), m.end(), tag, attrs))
                if tag in ("script", "style"):  # raw text up to its end tag
                    close = re.compile(rf"</{tag}\s*>", re.I).search(text, pos)
                    if close is not None:
                        pos = close.start()


def _attributes(raw: str) -> dict:
    attrs: dict = {}
    for a in _ATTRIBUTE.finditer(raw):
        value = a.group("value")
        if value is not None:
            if value[:1] in ("'", '"') and value[-1:] == value[:1] and len(value) > 1:
                value = value[1:-1]
            value = html.unescape(value) if "&" in value else value
        attrs.setdefault(a.group("name").lower(), value)
    return attrs


_TOKEN = re.compile(
    r"<!--.*?-->|<![^>]*>|<\?[^>]*>"
    r"|</(?P<end>[a-zA-Z][^\s/>]*)[^>]*>"
    r"|<(?P<start>[a-zA-Z][^\s/>]*)(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.S)
_ATTRIBUTE = re.compile(r"""(?P<name>[^\s/>=][^\s/>=]*)(?:\s*=\s*(?P<value>"[^"]*"|'[^']*'|[^\s>]*))?""")

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Rewriter:
    """Rewrites the links of the pages of one copy."""

    site_url: str
    in_copy: set            # site paths in the copy
    in_site: set            # site paths in the whole built site
    dirs_in_copy: set = field(default_factory=set)
    dirs_in_site: set = field(default_factory=set)

    def __post_init__(self):
        self.dirs_in_copy = {p[: -len("index.html")] for p in self.in_copy if p == "index.html" or p.endswith("/index.html")}
        self.dirs_in_site = {p[: -len("index.html")] for p in self.in_site if p == "index.html" or p.endswith("/index.html")}

    def url(self, value: str, page: str) -> str:
        """The link ``value`` found in the page at site path ``page``, fixed for the copy."""
        raw = html.unescape(value).strip()
        if not raw or raw.startswith(("#", "//")):
            return value
        parts = urlsplit(raw)
        if parts.scheme or parts.netloc:
            return value
        path = unquote(parts.path)
        if not path:  # "?x" or "" : the same page
            return value
        if path.startswith("/"):
            target = posixpath.normpath(path.lstrip("/")) if path.strip("/") else "."
        else:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        if target == ".":
            target = ""
        if target.startswith("../"):
            return value  # above the site: leave it
        tail = (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
        as_dir = "" if target == "" else target + "/"
        if as_dir in self.dirs_in_copy and (path.endswith("/") or target not in self.in_copy):
            relative = self._relative(as_dir + "index.html", page)
        elif target in self.in_copy:
            return value
        elif as_dir in self.dirs_in_site:
            return html.escape(self.site_url.rstrip("/") + "/" + as_dir + tail, quote=True)
        elif target in self.in_site:
            return html.escape(self.site_url.rstrip("/") + "/" + target + tail, quote=True)
        else:
            return value  # not in the site at all (a broken link): leave it as it is
        return html.escape(relative + tail, quote=True)

    @staticmethod
    def _relative(target: str, page: str) -> str:
        return posixpath.relpath(target, posixpath.dirname(page) or ".")

    def page(self, text: str, page: str) -> str:
        """One HTML file of the copy, links rewritten, online-only elements removed."""
        tags = _Tags(text)
        edits: list[tuple[int, int, str]] = []
        skip_until = -1
        for begin, end, tag, attrs in tags.starts:
            if begin < skip_until:
                continue
            if ONLINE_ONLY in attrs or self._online_only_file(tag, attrs, page):
                stop = end if tag in VOID or text[end - 2:end] == "/>" else _matching_end(tags, tag, end)
                edits.append((begin, stop, ""))
                skip_until = stop
                continue
            raw = text[begin:end]
            fixed = _ATTR.sub(lambda m: self._attr(m, page), raw)
            if fixed != raw:
                edits.append((begin, end, fixed))
        out, last = [], 0
        for begin, end, replacement in sorted(edits):
            out.append(text[last:begin])
            out.append(replacement)
            last = end
        out.append(text[last:])
        return "".join(out)

    def _online_only_file(self, tag: str, attrs: dict, page: str) -> bool:
        link = attrs.get("src") if tag == "script" else attrs.get("href") if tag == "link" else None
        if not link or urlsplit(link).scheme or link.startswith(("//", "#")):
            return False
        path = unquote(urlsplit(link).path)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        return target in ONLINE_ONLY_FILES

    def _attr(self, m: re.Match, page: str) -> str:
        name = m.group("name").lower()
        quote = m.group("q") or '"'
        value = m.group("v") if m.group("v") is not None else m.group("bare")
        if name == "srcset":
            items = []
            for item in value.split(","):
                bits = item.strip().split(None, 1)
                if bits:
                    bits[0] = self.url(bits[0], page)
                    items.append(" ".join(bits))
            new = ", ".join(items)
        else:
            new = self.url(value, page)
        return f"{m.group('pre')}{quote}{new}{quote}"


_ATTR = re.compile(r"(?P<pre>\s(?P<name>href|src|srcset)\s*=\s*)(?:(?P<q>[\"'])(?P<v>.*?)(?P=q)|(?P<bare>[^\s\"'>]+))",
                   re.I | re.S)


def _matching_end(tags: _Tags, tag: str, after: int) -> int:
    depth = 1
    events = sorted([(b, 1) for b, _, t, _ in tags.starts if t == tag and b >= after]
                    + [(b, -1, e) for b, e, t in tags.ends if t == tag and b >= after], key=lambda x: x[0])
    for event in events:
        depth += 1 if event[1] == 1 else -1
        if depth == 0:
            return event[2]
    return after


# ----- the ZIP --------------------------------------------------------------------
def write_zip(out, names: list[str], data_of, date: dt.date) -> None:
    """Write to the binary file ``out`` a ZIP of ``names`` in the order given, each entry's bytes
    from ``data_of(name)`` when it is written (one file in memory at a time); fixed time and
    permissions, no extras."""
    stamp = (max(date.year, 1980), date.month, date.day, 0, 0, 0)
    with zipfile.ZipFile(out, "w") as archive:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            archive.writestr(info, data_of(name), compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)


def start_page(lang: str) -> bytes:
    """index.html at the top of a ru/en copy: opens <lang>/index.html (no script)."""
    t = Translator(lang)
    target = f"{lang}/index.html"
    return (
        f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        f'<title>Zansabaq</title>\n<meta http-equiv="refresh" content="0; url={target}">\n</head>\n'
        f'<body>\n<p><a href="{target}">{html.escape(t.t("offline.open"))}</a></p>\n</body>\n</html>\n'
    ).encode("utf-8")


def human_size(n_bytes: int, lang: str) -> str:
    t = Translator(lang)
    if n_bytes < 1024 * 1024:
        number = str(max(1, round(n_bytes / 1024)))
        return t.t("offline.size_kb", n=number)
    number = f"{n_bytes / (1024 * 1024):.1f}"
    if lang in ("kk", "ru"):
        number = number.replace(".", ",")
    return t.t("offline.size_mb", n=number)


def in_copy_note(lang: str, site_url: str) -> str:
    t = Translator(lang)
    url = site_url.rstrip("/") + "/" + lang_root(lang)
    link = f'<a href="{html.escape(url, quote=True)}">{html.escape(url)}</a>'
    return f'<p class="zb-offline__note">{t.t("offline.in_copy", link=link)}</p>'


def stamp_note(lang: str, site_url: str, date: dt.date) -> str:
    from hooks.content.dates import in_words

    t = Translator(lang)
    url = site_url.rstrip("/") + "/" + lang_root(lang)
    link = f'<a href="{html.escape(url, quote=True)}">{html.escape(url)}</a>'
    return (f'<p class="zb-offline__stamp">{html.escape(t.t("offline.stamp", date=in_words(date, lang)))} '
            f'{t.t("offline.check", link=link)}</p>')


def make_copy(site_dir: Path, lang: str, site_url: str, date: dt.date, langs=LANGS,
              all_files: list[str] | None = None) -> bytes:
    """The ZIP bytes of the offline copy of ``lang`` from the built site in ``site_dir``."""
    out = io.BytesIO()
    write_copy(out, site_dir, lang, site_url, date, langs, all_files)
    return out.getvalue()


def write_copy(out, site_dir: Path, lang: str, site_url: str, date: dt.date, langs=LANGS,
               all_files: list[str] | None = None) -> None:
    """Write the offline copy of ``lang`` as a ZIP to the binary file ``out``, one site file in
    memory at a time (a language's copy reads tens of megabytes of pages)."""
    site_dir = Path(site_dir)
    all_files = all_files if all_files is not None else site_files(site_dir)

    def read(path: str) -> bytes:
        return (site_dir / path).read_bytes()

    paths = drop_unused_fonts(files_for(lang, all_files, langs), read)
    rewriter = Rewriter(site_url, set(paths), set(all_files))
    top = f"zansabaq-{lang}/"
    home = f"{lang_root(lang)}index.html"
    sources = {top + path: path for path in paths}
    if lang != ORIGINAL:
        sources[top + "index.html"] = None  # the start page that opens <lang>/index.html

    def data_of(name: str) -> bytes:
        path = sources[name]
        if path is None:
            return start_page(lang)
        data = read(path)
        if path.endswith(".html"):
            text = rewriter.page(data.decode("utf-8"), path)
            if path == home:
                text = OFFER_MARK.sub(lambda m: in_copy_note(lang, site_url), text)
            text = STAMP_MARK.sub(lambda m: stamp_note(lang, site_url, date), text)
            data = text.encode("utf-8")
        return data

    write_zip(out, sorted(sources), data_of, date)


def build_all(site_dir: Path, site_url: str, date: dt.date, langs=LANGS) -> dict[str, int]:
    """Write offline/zansabaq-<lang>.zip for every built language; fill in the sizes on the
    home pages. Returns {lang: size in bytes}. The copies are independent: made side by side
    in forked processes when there are CPUs for it (the same bytes either way)."""
    site_dir = Path(site_dir)
    all_files = site_files(site_dir)
    built = [lang for lang in langs if (site_dir / f"{lang_root(lang)}index.html").is_file()]
    # A copy depends only on the files it holds, the site's file list, the address and the date:
    # kept on disk under their hash (hooks/content/memo.py), made again only when one changed.
    keys = {lang: copy_key(site_dir, lang, site_url, date, langs, all_files) for lang in built}
    stored = {lang: memo.file_for("offline", keys[lang], "zip") for lang in built}
    missing = [lang for lang in built if stored[lang] is None or not stored[lang].is_file()]
    # Each copy is written straight to its file (in the memo, else, or if the memo cannot be
    # written, in the site) by the process that makes it, side by side when there are CPUs for it.
    workers.each(_write_copy, [([p for p in (stored[lang], site_dir / zip_path(lang)) if p is not None],
                                site_dir, lang, site_url, date, langs, all_files) for lang in missing])
    sizes = {}
    for lang in built:
        target = site_dir / zip_path(lang)
        if stored[lang] is not None and stored[lang].is_file():  # the stored copy, file to file
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(stored[lang], target)
        sizes[lang] = target.stat().st_size
        home = site_dir / f"{lang_root(lang)}index.html"
        text = home.read_text(encoding="utf-8")
        shown = human_size(sizes[lang], lang)
        patched = SIZE_MARK.sub(f"<!--zb-offline-size-->{html.escape(shown)}<!--/zb-offline-size-->", text)
        if patched != text:
            home.write_text(patched, encoding="utf-8")
    memo.keep_recent("offline", list(keys.values()), ext="zip")  # the last site's copies, not every site's
    return sizes


def copy_key(site_dir: Path, lang: str, site_url: str, date: dt.date, langs, all_files: list[str]) -> tuple:
    """The inputs of ``make_copy``: every site path (links to pages outside the copy point to the
    public site), the bytes of every file that may go into the copy, the address and the date."""
    import hashlib

    digests = [(path, hashlib.sha256((Path(site_dir) / path).read_bytes()).digest())
               for path in files_for(lang, all_files, langs)]
    return (lang, site_url, date.isoformat(), list(langs), all_files, digests)


def _write_copy(job: tuple) -> None:
    """Write one copy to the first of the paths ``job[0]`` that can be written, through a
    temporary file beside it (never half a ZIP)."""
    paths, *args = job
    for n, path in enumerate(map(Path, paths)):
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(tmp, "wb") as out:
                write_copy(out, *args)
            tmp.replace(path)
            return
        except OSError:
            if n == len(paths) - 1:
                raise
        finally:
            tmp.unlink(missing_ok=True)


def remote_scripts(html_text: str) -> list[str]:
    """<script src> that point to another host (must be none in a copy)."""
    tags = _Tags(html_text)
    found = []
    for _, _, tag, attrs in tags.starts:
        src = attrs.get("src") or ""
        if tag == "script" and (urlsplit(src).scheme or src.startswith("//")):
            found.append(src)
    return found
