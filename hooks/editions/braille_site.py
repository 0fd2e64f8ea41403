"""The Braille edition in the site: one per lesson and language.

* ``check_catalog(catalog)`` (a catalogue checker) makes the edition of every lesson
  file, so an untranslatable character stops the build with its file and line;
* ``files(catalog, lang, config)`` gives the build of ``lang`` its preview pages
  ``<course>/<slug>.braille/`` and the downloads beside them
  (``<slug>.<text-lang>.brf`` for embossers, ``<slug>.<text-lang>.txt`` in Unicode braille);
* ``decorate(view, ...)`` fills the page view of a preview (variant links, switcher, CSS).

Editions are cached by content hash in ``.cache/braille/<sha256>.json``: an unchanged
lesson is not translated again.
"""
from __future__ import annotations

import hashlib
import html
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from hooks.editions import braille, braille_doc, generated
from hooks.content import helplines, memo, workers
from hooks.editions.braille import BrailleSetupError
from hooks.content.catalog import ORIGINAL, Catalog, Entry
from hooks.site.pages import course_title, switcher, url_of, variants
from hooks.content.strings import Translator
from hooks.content.yamlsrc import ContentError

log = logging.getLogger("mkdocs.hooks.zansabaq.braille")

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path(os.environ.get("ZB_BRAILLE_CACHE", ROOT / ".cache" / "braille"))
# Bump when the output for the same input changes (layout, document structure).
FORMAT = 5
STYLE = "assets/stylesheets/braille.css"
SUFFIX = ".braille.md"

_EDITIONS: dict = {}          # content hash -> Edition, only those the cache could not keep
_BY_FILE: dict = {}           # (text lang, rel) -> content hash of its edition in the last check


@dataclass
class Edition:
    lang: str                 # language of the text (and of the tables)
    rel: str                  # the lesson, e.g. fraud/droppers.md
    title: str
    table: str
    louis_version: str
    title_page: list          # lines of Unicode braille (blank cell = space)
    pages: list               # numbered pages, each a list of lines
    notes: dict = field(default_factory=dict)   # symbol rules applied: "₸ → теңге" -> count
    key: str = ""             # content hash: the file name in the cache

    @property
    def slug(self) -> str:
        return self.rel.rsplit("/", 1)[-1].removesuffix(".md")

    @property
    def course(self) -> str:
        return self.rel.split("/")[0]

    def brf(self) -> bytes:
        # kept on disk by the cells (hooks/content/memo.py): the BRF mapping is per character
        return memo.get("braille-brf", (self.title_page, self.pages),
                        lambda: braille.brf_document(self.title_page, self.pages).encode("ascii"))

    def txt(self) -> bytes:
        # With a byte order mark: browsers and Windows editors then read it as UTF-8 for sure.
        return braille.unicode_document(self.title_page, self.pages).encode("utf-8-sig")

    def file_name(self, ext: str) -> str:
        return f"{self.slug}.{self.lang}.{ext}"


# ----- making an edition ------------------------------------------------------------------
def _line_of(entry: Entry, docs_dir: Path, char: str) -> int:
    """The first file line with ``char`` (front matter included), else the body's first line."""
    text = entry.src.text  # read once by the catalogue
    index = text.find(char)
    if index < 0:
        return entry.src.body_line
    return text.count("\n", 0, index) + 1


def _key(title_blocks, body_blocks, lang: str) -> str:
    tables = braille.tables_for(lang)
    stamp = {
        "format": FORMAT,
        "liblouis": braille.version(),
        "tables": tables,
        "project_tables": [hashlib.sha256(Path(t).read_bytes()).hexdigest() for t in tables if "/" in t],
        "page": [braille.CELLS, braille.LINES],
        "rules": braille.CONFIG.get("symbols"),
        "layout": [braille.CONFIG.get(k) for k in ("division", "kazakh_words", "emphasis", "code_names", "contents")],
        "title": [vars(b) for b in title_blocks],
        "body": [vars(b) for b in body_blocks],
    }
    return hashlib.sha256(json.dumps(stamp, ensure_ascii=False, sort_keys=True, default=str).encode()).hexdigest()


def _cells(block: braille_doc.Block, tables: list, rules: braille.Rules, notes: dict,
           problems: list, lang: str = "", found: dict | None = None) -> braille.Cells:
    forms = braille.typeforms(block.text, block.emphasis, lang)
    text, forms = rules.apply_forms(block.text, forms, notes)
    missing = braille.undefined_chars(text, tables)
    if missing:
        problems.append(("undefined", missing))
        forms = [f for c, f in zip(text, forms) if c not in missing]
        text = "".join(c for c in text if c not in missing)
    out, positions = braille.translate_positions(text, tables, forms if any(forms) else None)
    bad = braille.bad_output(out)
    if bad:
        problems.append(("output", bad))
    out, positions, marked = braille.mark_kazakh_words(out, positions, text, lang)
    if found is not None and marked:
        found["kazakh_words"] = found.get("kazakh_words", 0) + marked
    words = braille.braille_words(out, positions, text, lang)
    if block.symbol:
        words.insert(0, braille.Word(braille.cells_of(block.symbol)))
    return braille.Cells(words, **braille_doc.layout(block))


def layout_pages(body: list, notes: list, contents_heading, tables: list) -> tuple[list, list]:
    """The numbered pages: the contents page (headings with their braille page numbers), the
    transcriber's notes, then the lesson. The front pages are laid out until their count is
    stable, since the body's page numbers follow them."""
    def number(n: int) -> str:
        return braille.translate(str(n), tables).replace(braille.BLANK, " ")

    front_count = 0
    for _ in range(4):
        found: list = []
        pages = braille.paginate(body, number, first_number=front_count + 1, headings=found)
        entries = [(body[i].words, number(page)) for i, page in found]
        contents = [contents_heading] + [
            braille.Cells([], fixed=lines) for lines in braille.contents_lines(entries)]
        front = braille.paginate(contents + notes, number)
        if len(front) == front_count:
            break
        front_count = len(front)
    return front, pages


def make_edition(entry: Entry, docs_dir: Path, errors: list) -> Edition | None:
    """The Braille edition of a lesson file; problems go to ``errors`` (then None)."""
    lang = entry.lang
    meta = entry.meta
    problems_before = len(errors)
    # The document blocks and their key depend only on the file, its inherited fields and
    # quizzes: kept on disk by those (hooks/content/memo.py), the Markdown is not parsed again.
    quiz_problems, body, title, key = memo.get("braille-blocks", (braille.version(), *memo_parts(entry)),
                                                   lambda: _blocks(entry))
    known = {e.format() for e in errors}
    errors.extend(p for p in quiz_problems if p.format() not in known)
    course = course_title(entry.course, lang)
    found = _EDITIONS.get(key) or _load(key)  # not kept in memory: read from the cache when asked
    if found is not None:
        return found

    tables = braille.tables_for(lang)
    rules = braille.Rules.for_lang(lang)
    notes: dict = {}
    problems: list = []
    found: dict = {}
    cells = [_cells(b, tables, rules, notes, problems, lang, found) for b in body]
    front = [_cells(b, tables, rules, notes, problems, lang)
             for b in braille_doc.note_blocks(lang, bool(found.get("kazakh_words")))]
    front_pages, body_pages = layout_pages(
        cells, front, _cells(braille_doc.contents_heading(lang), tables, rules, notes, problems, lang), tables)
    pages = front_pages + body_pages
    title = braille_doc.title_blocks(meta, lang, course, len(pages))
    title_cells = [_cells(b, tables, rules, notes, problems, lang) for b in title]
    title_page = braille.flow(title_cells)[: braille.LINES]

    table = braille.table_name(lang)
    for kind, found in problems:
        if kind == "undefined":
            for char in found:
                errors.append(ContentError(
                    entry.path, _line_of(entry, docs_dir, char),
                    f"'{char}' ({braille.describe(char)}) has no braille form in the table {table}",
                    "write it as a word, or add a rule for it to hooks/data/braille.yml "
                    "(symbols: replace or drop)",
                ))
        else:
            for problem in found:
                char = problem.split("'")[1] if "'" in problem else ""
                errors.append(ContentError(
                    entry.path, _line_of(entry, docs_dir, char) if char else entry.src.body_line,
                    f"{problem} is left in the braille made with {table}",
                    "report it to the developers (hooks/editions/braille.py); "
                    "meanwhile write the word another way",
                ))
    if len(errors) > problems_before:
        return None
    edition = Edition(lang, entry.rel, entry.title, table, braille.version(), title_page, pages, notes, key)
    if not _save(key, edition):  # a read-only checkout: kept in this process instead
        _EDITIONS[key] = edition
    return edition


def memo_parts(entry: Entry) -> tuple:
    """Everything of a lesson file its editions are made from: path, language, text, and the
    fields and quizzes after inheritance from the original."""
    return (entry.path, entry.lang, entry.rel, entry.src.text, entry.src.body, entry.src.body_line,
            repr(entry.meta), repr(entry.quizzes))


def _blocks(entry: Entry) -> tuple:
    """(quiz problems, body blocks, title blocks, edition key) of a lesson file."""
    lang = entry.lang
    quiz_problems: list = []
    # [[tel:102]] -> "102 (police)", [[helplines]] -> the list of help numbers: hooks/content/helplines.py
    text = helplines.plain(entry.src.body, lang)
    body = braille_doc.lesson_blocks(entry.meta, text, entry.path, entry.src.body_line, lang, quiz_problems,
                                     quizzes=entry.quizzes or [])
    title = braille_doc.title_blocks(entry.meta, lang, course_title(entry.course, lang), None)
    return quiz_problems, body, title, _key(title, body, lang)


def _load(key: str) -> Edition | None:
    path = CACHE / f"{key}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Edition(**{**data, "key": key})
    except (OSError, ValueError, TypeError):
        return None


def _save(key: str, edition: Edition) -> bool:
    try:
        CACHE.mkdir(parents=True, exist_ok=True)
        tmp = CACHE / f"{key}.{os.getpid()}.tmp"
        tmp.write_text(json.dumps(vars(edition), ensure_ascii=False), encoding="utf-8")
        tmp.replace(CACHE / f"{key}.json")
        return True
    except OSError as exc:  # a read-only checkout still builds, just without the cache
        log.debug("braille cache not written: %s", exc)
        return False


# ----- the catalogue checker ----------------------------------------------------------------
def check_catalog(catalog: Catalog) -> None:
    """Make the Braille edition of every lesson file; errors name the file and line."""
    try:
        prepare(catalog)
        for entry in catalog.entries.values():
            if entry.kind != "lesson":
                continue
            edition = make_edition(entry, catalog.docs_dir, catalog.errors)
            if edition is not None:
                _BY_FILE[(entry.lang, entry.rel)] = edition.key
                if edition.notes and (entry.lang, entry.rel, tuple(edition.notes)) not in _REPORTED:
                    _REPORTED.add((entry.lang, entry.rel, tuple(edition.notes)))
                    log.info("Braille %s: %s", entry.path,
                             "; ".join(f"{k} ×{n}" for k, n in sorted(edition.notes.items())))
    except BrailleSetupError as exc:
        from mkdocs.exceptions import Abort
        raise Abort(str(exc)) from None


_REPORTED: set = set()
_PREPARING: list = []


def prepare(catalog: Catalog) -> None:
    """Editions not in the cache yet are made side by side into it first (hooks/content/workers.py);
    ``check_catalog`` then reads them in order, as if it had made them (same bytes)."""
    missing = [key for key, entry in catalog.entries.items() if entry.kind == "lesson" and not _is_cached(entry)]
    if len(missing) > 1 and workers.count(len(missing)) > 1:
        _PREPARING[:] = [catalog]
        try:
            workers.each(_prepare_one, missing)
        finally:
            _PREPARING.clear()


def _is_cached(entry: Entry) -> bool:
    found = memo.load("braille-blocks", (braille.version(), *memo_parts(entry)))
    return found is not memo.MISSING and (found[3] in _EDITIONS or (CACHE / f"{found[3]}.json").is_file())


def _prepare_one(key) -> None:
    catalog = _PREPARING[0]  # this process is a fork of the build: the catalogue is here
    try:
        make_edition(catalog.entries[key], catalog.docs_dir, [])
    except Exception:  # noqa: BLE001 — check_catalog makes it again and reports the problem
        pass


def edition_of(catalog: Catalog, entry: Entry) -> Edition | None:
    key = _BY_FILE.get((entry.lang, entry.rel))
    edition = (_EDITIONS.get(key) or _load(key)) if key else None
    if edition is None:
        errors: list = []
        edition = make_edition(entry, catalog.docs_dir, errors)
    return edition


# ----- MkDocs files ----------------------------------------------------------------------------
def braille_rel(lesson_rel: str) -> str:
    return lesson_rel.removesuffix(".md") + SUFFIX


def files(catalog: Catalog, lang: str, config) -> list:
    """Generated files for the build of ``lang``: per lesson, the preview page (not in
    the nav) and its BRF and TXT downloads."""
    prefix = "" if lang == ORIGINAL else f"{lang}/"
    out = []
    for lesson_id in catalog.lesson_ids():
        entry = catalog.best(lesson_id, lang)
        if entry is None:
            continue
        edition = edition_of(catalog, entry)
        if edition is None:
            continue
        rel = braille_rel(entry.rel)
        folder = rel.removesuffix(".md")
        brf, txt = edition.brf(), edition.txt()
        out.append(generated.site_file(config, lang, rel, f"{prefix}{folder}/index.html",
                                       preview_markdown(edition, lang, len(brf), len(txt)),
                                       text_lang=edition.lang))
        for name, data in ((edition.file_name("brf"), brf), (edition.file_name("txt"), txt)):
            out.append(generated.site_file(config, lang, f"{folder}/{name}", f"{prefix}{folder}/{name}",
                                           data, page=False, text_lang=edition.lang))
    return out


# ----- the preview page ------------------------------------------------------------------------
def _size(n: int, t: Translator) -> str:
    value = f"{max(n / 1024, 0.1):.1f}"
    if t.lang != "en":
        value = value.replace(".", ",")
    return t.t("braille.size_kb", n=value)


def preview_markdown(edition: Edition, lang: str, brf_size: int, txt_size: int) -> str:
    """The preview page's source: front matter and HTML (everything escaped)."""
    t = Translator(lang)
    e = html.escape
    title = edition.title
    parts = [
        "---",
        "title: " + json.dumps(t.t("braille.title", title=title), ensure_ascii=False),
        "---",
        "",
        '<div class="zb-braille">',
        f"<p>{e(t.t('braille.intro', title=title))}</p>",
    ]
    if edition.lang != lang:
        parts.append(f'<p class="zb-braille__fallback">{e(t.t("braille.fallback", shown=t.t("lang." + edition.lang)))}</p>')
    parts += [
        f"<p>{e(t.t('braille.format', table=edition.table, version=edition.louis_version, pages=len(edition.pages), lines=braille.LINES, cells=braille.CELLS))}</p>",
        f'<h2 id="zb-braille-downloads">{e(t.t("braille.downloads"))}</h2>',
        '<ul class="zb-braille__downloads">',
        f'<li><a href="{e(edition.file_name("brf"))}" download type="application/x-brf" '
        f'hreflang="{e(edition.lang)}">{e(t.t("braille.brf"))}</a> '
        f'<span class="zb-braille__size">({e(edition.file_name("brf"))}, {e(_size(brf_size, t))})</span></li>',
        f'<li><a href="{e(edition.file_name("txt"))}" download type="text/plain" '
        f'hreflang="{e(edition.lang)}">{e(t.t("braille.txt"))}</a> '
        f'<span class="zb-braille__size">({e(edition.file_name("txt"))}, {e(_size(txt_size, t))})</span></li>',
        "</ul>",
        '<details class="zb-braille__preview">',
        f"<summary>{e(t.t('braille.show', pages=len(edition.pages) + 1))}</summary>",
        f'<p>{e(t.t("braille.show_note"))}</p>',
        f'<div class="zb-braille__cells" aria-hidden="true" lang="{e(edition.lang)}" data-pagefind-ignore="all">',
    ]
    all_pages = [(t.t("braille.title_page"), edition.title_page)]
    all_pages += [(t.t("braille.page_label", n=n), page) for n, page in enumerate(edition.pages, 1)]
    for label, page in all_pages:
        lines = "\n".join(e(line.replace(" ", braille.BLANK)) or braille.BLANK for line in page)
        parts.append(f'<figure class="zb-braille__page"><figcaption>{e(label)}</figcaption>'
                     f"<pre>{lines}</pre></figure>")
    parts += ["</div>", "</details>", "</div>", ""]
    return "\n".join(parts)


# ----- page view --------------------------------------------------------------------------------
def decorate(view, catalog: Catalog, lang: str, rel: str) -> None:
    """For a preview page: the lesson's variant links (Braille current), the language
    switcher to the other previews, the preview CSS."""
    if not rel.endswith(SUFFIX):
        return
    lesson = rel.removesuffix(SUFFIX) + ".md"
    t = Translator(lang)
    view.kind = "braille"
    view.variants = variants(catalog, lang, rel, t)
    items = switcher(catalog, lang, lesson, t)
    for item in items:
        item["link"] = url_of(item["lang"], rel)
    view.switcher = items
    if STYLE not in view.styles:
        view.styles.append(STYLE)

