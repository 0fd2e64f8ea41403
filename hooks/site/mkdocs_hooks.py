"""MkDocs event functions: thin wiring to the plain-Python modules in hooks/.

mkdocs-static-i18n builds the site once per language; every event below runs
in each of those builds. The language being built is ``config.theme.language``.
"""
from __future__ import annotations

import html as html_module
import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import jinja2  # noqa: E402
from mkdocs.exceptions import Abort  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.toc import AnchorLink, TableOfContents  # noqa: E402

from hooks.content import catalog as catalog_module  # noqa: E402
from hooks.content import clock  # noqa: E402
from hooks.content import scenario  # noqa: E402
from hooks.site import navigation, pages
from hooks.editions import quiz  # noqa: E402
from hooks.editions import braille_site  # noqa: E402
from hooks.site import search  # noqa: E402
from hooks.content import glossary, readability  # noqa: E402
from hooks.site import csp, reproducible  # noqa: E402
from hooks.content import markup
from hooks.content import memo  # noqa: E402
from hooks.editions import cards, images, offline  # noqa: E402
from hooks.editions import teacher  # noqa: E402
from hooks.editions import practice  # noqa: E402
from hooks.editions import legal_pages  # noqa: E402
from hooks.site import notfound  # noqa: E402
from hooks.site import preview  # noqa: E402
from hooks.site import publisher  # noqa: E402
from hooks.site import rawhtml  # noqa: E402
from hooks.site import tables  # noqa: E402
from hooks.editions import nextstep  # noqa: E402
from hooks.site import sensitive  # noqa: E402
from hooks.editions import actnow  # noqa: E402
from hooks.site import hubs  # noqa: E402
from hooks.editions import easyread  # noqa: E402
from hooks.editions import scenario_page, scenario_print  # noqa: E402
from hooks.editions import generated  # noqa: E402

log = logging.getLogger("mkdocs.hooks.zansabaq")


def _jinja_cache_dir() -> Path:
    path = ROOT / ".cache" / "jinja"
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:  # a read-only checkout: a throw-away folder
        import tempfile

        path = Path(tempfile.mkdtemp(prefix="zb-jinja-"))
    return path

# Checkers that run over the whole catalogue live in hooks/content/checks.py, so that tools/check
# (hooks/content/check.py) runs exactly the same list without building the site. Add new ones there.
from hooks.content import checks  # noqa: E402
from hooks.content.checks import CHECKERS  # noqa: E402,F401

STATE: dict = {}
JINJA_CACHE = jinja2.FileSystemBytecodeCache(str(_jinja_cache_dir()))
FONTS_FOR_DRAWING = "assets/fonts/"


class ContentAbort(Abort, SystemExit):
    """Content errors stop the build. Also a SystemExit, so that ``mkdocs serve`` prints the
    message (not a traceback) and keeps serving the last good site."""


def load_catalog(docs_dir: Path, report: bool) -> catalog_module.Catalog:
    """Read and check all content; abort the build on any error (file:line each)."""
    catalog = checks.run(docs_dir, clock.build_date(ROOT))
    if catalog.errors and STATE.get("command") == "serve":
        return keep_last_good(catalog, docs_dir)
    if STATE.get("command") == "serve":
        STATE["good"] = catalog
        STATE["good_text"] = {str(Path(docs_dir) / lang / rel): _read(Path(docs_dir) / lang / rel)
                              for lang, rel in catalog.entries}
        STATE["broken"] = {}
    if catalog.errors:
        for error in catalog.errors:
            log.error(error.format())
        for notice in catalog.notices:  # the same list tools/check prints; never a failure
            log.info("NOTICE  " + notice.format())
        raise ContentAbort(f"{len(catalog.errors)} content error(s): fix the files named above and build again.")
    if report:
        # NOTICEs never fail the build: logged at info level, so --strict does not count them.
        for notice in catalog.notices:
            log.info("NOTICE  " + notice.format())
        log.info("\n" + catalog.report())
        for line in scenario.report(catalog):  # paths of each scenario: hooks/content/scenario.py
            log.info(line)
        log.info("\n" + readability.report(catalog))
    return catalog


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def keep_last_good(catalog: catalog_module.Catalog, docs_dir: Path) -> catalog_module.Catalog:
    """mkdocs serve: print the errors, and let each file they name keep its last good version
    (its page, teacher pack, worksheet and Braille edition), so the site stays up while an
    editor types; the other files show their edits. A file never good shows its errors."""
    for error in catalog.errors:
        log.error(error.format())
    log.error(f"{len(catalog.errors)} content error(s): the files named above keep their last good "
              "version until they are fixed (tools/build and tools/check fail on them).")
    for notice in catalog.notices:
        log.info("NOTICE  " + notice.format())
    docs_dir = Path(docs_dir)
    good = STATE.get("good")
    named = {error.path for error in catalog.errors}
    broken: dict = {}
    for lang in catalog_module.LANGS:
        root = docs_dir / lang
        for path in sorted(root.rglob("*.md")) if root.is_dir() else ():
            rel = path.relative_to(root).as_posix()
            if f"{docs_dir.name}/{lang}/{rel}" not in named:
                continue
            old = good.get(lang, rel) if good is not None else None
            text = STATE.get("good_text", {}).get(str(path))
            catalog.entries.pop((lang, rel), None)
            if old is not None and text is not None:
                catalog.entries[(lang, rel)] = old
                broken[str(path)] = text
            else:  # never built: a page that lists its errors
                lines = [e.format() for e in catalog.errors if e.path.endswith(f"/{lang}/{rel}")]
                listing = "\n".join(lines).replace("```", "~~~")
                broken[str(path)] = f"---\ntitle: {rel}\n---\n\n```text\n{listing}\n```\n"
    checks._forget_lookups(catalog)
    catalog.errors = []
    STATE["broken"] = broken
    return catalog


def on_page_read_source(page, config):
    # mkdocs serve: a file with errors is built from its last good text (keep_last_good).
    path = page.file.abs_src_path
    return STATE.get("broken", {}).get(str(path)) if path else None


def on_startup(command, dirty):
    STATE["command"] = command  # "serve" or "build"
    if command == "serve":  # rebuilds read unchanged results from memory: hooks/content/memo.py
        memo.keep_in_process()


def on_config(config):
    # Reproducible output: the sitemap dates and sitemap.xml.gz come from the last commit.
    reproducible.pin_epoch(ROOT)
    # mkdocs-static-i18n runs on_config again for every language build, in the same process
    # and on the same files: read and check the content once per build, in the outer (first
    # language's) build. mkdocs serve keeps this module for the whole process and starts an
    # outer build on every change: the content is read and checked again each time, so every
    # edition shows the edit; on an error the build stops before it touches the served site.
    docs_dir = Path(config.docs_dir)
    i18n = config.plugins.get("i18n")
    if not getattr(i18n, "building", False) or STATE.get("docs_dir") != docs_dir:
        STATE.pop("catalog", None)
        STATE.pop("quiz_pages", None)
        # mkdocs serve: which languages changed since the last build (hooks/site/preview.py)
        STATE["plan"] = preview.plan(docs_dir, config.config_file_path, STATE.get("built"), catalog_module.LANGS,
                                     catalog_module.ORIGINAL) if STATE.get("command") == "serve" else preview.Plan(None)
        STATE["catalog"] = load_catalog(docs_dir, report=True)
        STATE["docs_dir"] = docs_dir
    return config


def _plan() -> preview.Plan:
    return STATE.get("plan") or preview.Plan(None)


def on_pre_build(config):
    # mkdocs serve, only some languages to build: the served folder keeps the others' pages
    if not getattr(config.plugins.get("i18n"), "building", False):
        preview.keep_site() if _plan().partial else preview.release_site()


def on_env(env, config, files):
    # Compiled templates kept in .cache/jinja/ (Jinja checks each template's source checksum):
    # the three language builds, and every later build, skip compiling Material's ~110 templates.
    env.bytecode_cache = JINJA_CACHE
    return env


def _lang(config) -> str:
    return config.theme["language"]


def _rel(page) -> str:
    """Path of the page's source below its language folder."""
    return getattr(page.file, "norm_src_uri", page.file.src_uri)


@event_priority(-150)  # after mkdocs-static-i18n (-100) has made this language's file list
def on_files(files, config):
    # The DejaVu fonts in overrides/assets/fonts/ are for Pillow and fpdf2 (cards, posters),
    # read from the repository; no page uses them: not copied into the site (1.4 MiB).
    if not _plan().builds(_lang(config)):  # mkdocs serve, this language unchanged
        preview.drop_all(files)
        return files
    for file in [f for f in files if f.src_uri.startswith(FONTS_FOR_DRAWING)]:
        files.remove(file)
    # Withdrawn lessons (``withdrawn:`` in the Kazakh original) are not published in any
    # language or edition; the editors' page lists them: hooks/editions/legal_pages.py
    for file in list(files):
        if file.src_uri.endswith(".md") and STATE["catalog"].is_withdrawn(
                _lang(config), getattr(file, "norm_src_uri", file.src_uri)):
            files.remove(file)
    # Braille edition: <course>/<slug>.braille/ preview pages (not in the nav) + BRF and TXT.
    for file in braille_site.files(STATE["catalog"], _lang(config), config):
        files.append(file)
    # Teacher packs: <course>/<slug>.teacher/ (+ worksheet/, QR, poster card), <course>/print/
    for file in teacher.files(STATE["catalog"], _lang(config), config):
        files.append(file)
    # Scenarios: the gamebook, its Braille edition and the teacher's page: hooks/editions/scenario_print.py
    for file in scenario_print.files(STATE["catalog"], _lang(config), config):
        files.append(file)
    # The law-basics practice test and its two printable variants: hooks/editions/practice.py
    for file in practice.files(STATE["catalog"], _lang(config), config):
        files.append(file)
    STATE["generated"] = files  # their content is dropped once used: _release_generated()
    return files


def _release_generated() -> None:
    # after MkDocs has read the generated pages and copied the downloads: hooks/editions/generated.py
    generated.release(STATE.pop("generated", ()))


@event_priority(-200)  # after mkdocs-static-i18n (-100) has picked this language's pages
def on_nav(nav, config, files):
    from mkdocs.structure import nav as mkdocs_nav
    from mkdocs.structure.pages import Page

    items = navigation.arrange(nav.items, STATE["catalog"], _lang(config))
    mkdocs_nav._add_parent_links(items)
    pages_in_order = mkdocs_nav._get_by_type(items, Page)
    for page in nav.pages:
        page.previous_page = page.next_page = None
    mkdocs_nav._add_previous_and_next_links(pages_in_order)
    arranged = mkdocs_nav.Navigation(items, pages_in_order)
    arranged.homepage = next((p for p in pages_in_order if navigation.rel_of(p) == "index.md"), nav.homepage)
    return arranged


def on_page_markdown(markdown, page, config, files):
    markup.escape_title(page)  # titles HTML-safe in every template: hooks/content/markup.py
    entry = STATE["catalog"].get(getattr(page.file, "locale", _lang(config)), _rel(page))
    if entry is not None and entry.meta.get("summary"):
        page.meta["description"] = str(entry.meta["summary"])
    # [[tel:102]] -> a tappable link with the line's name; [[helplines]], [[law-changes]],
    # [[review-queue]], [[withdrawn]] -> tables and lists from hooks/data: hooks/editions/legal_pages.py
    # A scenario: one section per step, choices as #step links: hooks/editions/scenario_page.py
    if entry is not None and entry.kind == "scenario":
        markdown = scenario_page.markdown(entry, _lang(config), STATE["catalog"])
    if entry is not None:
        markdown = legal_pages.expand(markdown, STATE["catalog"], _lang(config), entry.path, entry.src.body_line)
    # ```quiz blocks -> HTML forms; remember the page so it gets quiz.js and quiz.css.
    # (the forms, and generated pages made of one HTML block, are not parsed by Markdown: hooks/site/rawhtml.py)
    markdown, quizzes = quiz.render_page(markdown, entry, _lang(config), _rel(page), hold=rawhtml.hold)
    if quizzes:
        STATE.setdefault("quiz_pages", set()).add((_lang(config), _rel(page)))
    if _rel(page) == "glossary.md":  # the glossary page lists every term: hooks/content/glossary.py
        markdown = glossary.page_markdown_for(markdown, getattr(page.file, "locale", _lang(config)))
    return rawhtml.held_page(markdown) or markdown


def on_page_content(html, page, config, files):
    html, blocks = rawhtml.restore(html)  # the HTML held back from Markdown: hooks/site/rawhtml.py
    if blocks and getattr(page, "present_anchor_ids", None) is not None:
        page.present_anchor_ids |= {i for block in blocks for i in rawhtml.ids(block)}
    # First use of a glossary term in a lesson -> link to its definition: hooks/content/glossary.py
    entry = STATE["catalog"].get(getattr(page.file, "locale", _lang(config)), _rel(page))
    easy = entry is not None and entry.kind == "easy"
    if easy:  # pictograms before the terms, the word list without citations: hooks/editions/easyread.py
        from mkdocs.utils import get_relative_url
        html = easyread.pictures(html, entry.lang, get_relative_url(".", page.url) + "/")
    if entry is not None and entry.kind in ("lesson", "easy"):
        html = glossary.mark_page(html, entry.lang, page.url)
    if easy:
        html = easyread.without_citations(html)
    if entry is not None and entry.kind == "scenario":  # no permalinks on steps: hooks/editions/scenario_page.py
        html = scenario_page.page_html(html)
    # Tables stack into labelled rows on a phone: hooks/site/tables.py
    html = tables.stackable(html)
    # Local images -> <picture> with a resized WebP; the files are written after the site
    # folder is cleaned (on_page_context): hooks/editions/images.py
    sources = {f.dest_uri: f.abs_src_path for f in files if f.abs_src_path}
    html, outputs = images.pictures(html, page.url, sources.get)
    STATE.setdefault("image_files", {}).update(outputs)
    if entry is not None and entry.kind == "lesson":  # for the course print view: hooks/editions/teacher.py
        teacher.remember(_lang(config), _rel(page), html)
    return html


@event_priority(-50)  # after mkdocs-static-i18n has set its alternates
def on_page_context(context, page, config, nav):
    view = pages.page_context(STATE["catalog"], _lang(config), _rel(page))
    context["zb"] = view
    context["zb_site"] = site_context(config, _rel(page))  # who runs the site: hooks/site/publisher.py
    context["zb_next"] = nextstep.for_page(STATE["catalog"], _lang(config), _rel(page))  # hooks/editions/nextstep.py
    context["zb_act"] = actnow.box(STATE["catalog"], _lang(config), _rel(page))  # act now, first: hooks/editions/actnow.py
    context["zb_hub"] = hubs.for_page(STATE["catalog"], _lang(config), _rel(page), view.kind)  # ways in: hooks/site/hubs.py
    # Sensitive lessons store nothing and offer a quick exit: hooks/site/sensitive.py
    context["zb_leave"] = ""
    if sensitive.is_sensitive(STATE["catalog"], _lang(config), _rel(page)):
        context["zb_leave"] = sensitive.LEAVE_URL
        view.scripts.append(sensitive.SCRIPT)
    braille_site.decorate(view, STATE["catalog"], _lang(config), _rel(page))  # Braille previews only
    scenario_print.decorate(view, STATE["catalog"], _lang(config), _rel(page), page, config)  # a scenario's gamebook
    # Teacher links + copy-link field; teacher, worksheet and course print pages: hooks/editions/teacher.py
    teacher.decorate(view, STATE["catalog"], _lang(config), _rel(page), page, config)
    practice.decorate(view, STATE["catalog"], _lang(config), _rel(page), page, config)  # hooks/editions/practice.py
    if (_lang(config), _rel(page)) in STATE.get("quiz_pages", ()):
        view.scripts.append(quiz.SCRIPT)
        view.styles.append(quiz.STYLE)
    if view.kind == "scenario":  # one step at a time, focus and recap: hooks/editions/scenario_page.py
        view.scripts.append(scenario_page.SCRIPT)
        view.styles.append(scenario_page.STYLE)
    if view.kind in ("lesson", "easy"):  # Listen: the device's own voice (partials/zb-listen.html)
        view.scripts.append(LISTEN_SCRIPT)
    # Site search: the header box on every page; the text indexed only if in the page's language.
    view.scripts.append(search.SCRIPT)
    view.searchable = search.indexable(view, _rel(page))
    # The "skip to content" link targets the first TOC entry: make that the page's h1.
    top = AnchorLink(page.title or config.site_name, "zb-main", 1)
    top.children = scenario_page.toc(page.toc) if view.kind == "scenario" else list(page.toc)
    page.toc = TableOfContents([top])
    # Material's header shows the language list when extra.alternate is set: only the languages
    # that really have this page (the head's hreflang links come from zb.hreflang, main.html).
    config.extra["alternate"] = [
        {"name": item["name"], "link": item["link"], "lang": item["lang"]}
        for item in view.switcher if item["exists"]
    ]
    # Share card (1200×630 PNG) and Open Graph / Twitter meta: hooks/editions/cards.py
    card, card_path, context["zb_share"] = cards.for_page(
        view, _rel(page), title=html_module.unescape(str(page.title or "")),
        description=str(page.meta.get("description") or config.site_description or ""),
        canonical_url=page.canonical_url or "", site_name=config.site_name, site_url=config.site_url)
    cards.write_atomic(Path(config.site_dir) / card_path, cards.card_png(card))
    for path, data in STATE.pop("image_files", {}).items():  # resized images: hooks/editions/images.py
        cards.write_atomic(Path(config.site_dir) / path, data)
    return context


def on_post_page(output, page, config):
    # The page is rendered: its Markdown and HTML are not needed again (mkdocs-static-i18n keeps
    # every language's pages until the end; without this the peak memory grows with each language).
    page.markdown = page.content = ""  # (not None: MkDocs then reads the title from them again)
    # Content-Security-Policy meta tag, hashing this page's inline scripts: hooks/site/csp.py
    return csp.add_meta(output)


def site_context(config, rel: str = "") -> dict:
    """What every page shows about the site itself: its operator (extra.operator)."""
    has_about = any(STATE["catalog"].get(lang, ABOUT) is not None for lang in (_lang(config), catalog_module.ORIGINAL))
    return {"operator": publisher.from_extra(config.extra), "is_about": rel == ABOUT,
            "about_url": pages.url_of(_lang(config), ABOUT) if has_about else ""}


ABOUT = "about.md"
LISTEN_SCRIPT = "assets/javascripts/listen.js"  # the "About this site" page: who runs it, how lessons are checked


def on_template_context(context, template_name, config):
    _release_generated()  # MkDocs renders the theme's templates (404, sitemap) before the pages
    # The page-not-found pages, in all three languages: hooks/site/notfound.py
    if template_name == notfound.TEMPLATE:
        view = notfound.view(_lang(config), config.site_url)
        view.scripts.append(search.SCRIPT)
        context["zb"] = view
        context["zb_site"] = site_context(config)
    return context


def on_post_template(output_content, template_name, config):
    # 404.html is rendered as a theme template, not a page: it gets the same policy.
    if template_name.endswith(".html"):
        output_content = csp.add_meta(output_content)
    # Every language build renders 404.html into the same site folder: the Kazakh (outer) build
    # keeps the root one, the others go to <lang>/404.html (an empty result is not written).
    if template_name == notfound.TEMPLATE and notfound.path_of(_lang(config)) != notfound.TEMPLATE:
        cards.write_atomic(Path(config.site_dir) / notfound.path_of(_lang(config)), output_content.encode("utf-8"))
        return ""
    return output_content


@event_priority(-200)  # after mkdocs-static-i18n (-100), which builds /ru/ and /en/ inside its on_post_build
def on_post_build(config):
    # Only in the outer (Kazakh) build, once every language is written: the Pagefind index
    # (one per <html lang>) and removal of files no page uses: hooks/site/search.py. The inner
    # /ru/ and /en/ builds run while i18n.building is True; after them the shared config
    # still says "en", so the language cannot tell the outer build apart.
    i18n = config.plugins.get("i18n")
    if not getattr(i18n, "building", False) and _plan().partial:
        # mkdocs serve after an edit: the search index and offline copies stay as they were
        preview.release_site()
        STATE["built"] = _plan().snapshot
        return
    if not getattr(i18n, "building", False):
        try:
            search.post_build(Path(config.site_dir), config.plugins)
        except search.SearchError as exc:
            raise Abort(str(exc))
        # Pagefind lists its languages in random order: stable bytes (hooks/site/reproducible.py)
        reproducible.sort_json(Path(config.site_dir) / "pagefind" / "pagefind-entry.json")
        # Then (the site is final) one offline ZIP per language, linked from its home page:
        # hooks/editions/offline.py
        offline.build_all(Path(config.site_dir), config.site_url, clock.build_date(ROOT))
        STATE["built"] = _plan().snapshot  # mkdocs serve: the next edit is compared with this
