"""Teacher packs and print: generated pages and files, one set per lesson and language.

For the build of ``lang`` (``files``), per lesson ``<course>/<slug>``:

* ``<course>/<slug>.teacher/``            the teacher's page: audience, duration, objectives,
  lesson steps with minutes, key points, discussion questions, the pupils' link and its QR code,
  the worksheet and the answer key with explanations;
* ``<course>/<slug>.teacher/worksheet/``  the worksheet alone, for pupils: the quiz without answers;
* ``<course>/<slug>.teacher/<slug>.<lang>.qr.svg|.qr.png``  QR code of the lesson's public address;
* ``<course>/<slug>.teacher/<slug>.<lang>.poster.pdf``  A4 lesson card, vector (hooks/editions/poster.py);

and per course ``<course>/print/``: every lesson of the course on one page, in order, each
starting on a new sheet when printed.

None of them is in the menu. ``decorate`` gives lesson, easy-read, Braille and course pages
their "for teachers" / "print the course" link and every page here a "copy link" field (the
address in a read-only field; ``share.js`` adds the copy and print buttons).

Stable addresses a teacher can paste into a class chat: the pages above, the lesson variants,
``#q-<id>`` for each quiz question (on the lesson and on the worksheet), ``#key-<id>`` for its
answer on the teacher's page and ``<course>/print/#<slug>`` for a lesson in the course view.
"""
from __future__ import annotations

import html
import json
import posixpath
import re
import zlib
from pathlib import Path

from hooks.editions import generated, poster, qr, quiz
from hooks.content.catalog import COURSE_IDS, LANGS, ORIGINAL, Catalog, Entry
from hooks.site.pages import course_title, switcher, url_of
from hooks.content.strings import Translator
from hooks.content.yamlsrc import ContentError

SCRIPT = "assets/javascripts/share.js"
STYLE = "assets/stylesheets/teacher.css"
SUFFIX = ".teacher"
PRINT = "print"                         # <course>/print/: the course print view
DEFAULT_SITE_URL = "https://zansabaq.kz/"
LETTERS = "ABCDEFGHIJ"

_RENDERED: dict = {}                    # (build lang, lesson rel) -> the lesson's HTML, zlib-compressed


# ----- paths -----------------------------------------------------------------------------------
def lesson_rel(rel: str) -> str:
    """The lesson behind a variant, teacher or worksheet path: fraud/droppers.md."""
    base = rel.removesuffix(".md")
    base = base.split(SUFFIX + "/", 1)[0]
    for suffix in (SUFFIX, ".easy", ".braille"):
        base = base.removesuffix(suffix)
    return base + ".md"


def teacher_rel(lesson: str) -> str:
    return lesson.removesuffix(".md") + SUFFIX + ".md"


def worksheet_rel(lesson: str) -> str:
    return lesson.removesuffix(".md") + SUFFIX + "/worksheet.md"


def print_rel(course: str) -> str:
    return f"{course}/{PRINT}.md"


def folder_url(lang: str, lesson: str) -> str:
    """The teacher's page URL, which is also the folder of its downloads."""
    return url_of(lang, teacher_rel(lesson))


def download_name(lesson: str, lang: str, what: str) -> str:
    slug = lesson.rsplit("/", 1)[-1].removesuffix(".md")
    return f"{slug}.{lang}.{what}"


def relative(from_url: str, to: str) -> str:
    """A link from the page at ``from_url`` to ``to`` (both site-root-relative)."""
    base = from_url if from_url.endswith("/") else posixpath.dirname(from_url) + "/"
    link = posixpath.relpath("/" + to, "/" + base)
    if to.endswith("/") and not link.endswith("/"):
        link += "/"
    return link


def site_url(config) -> str:
    """The public address for QR codes, posters and the addresses printed for pupils. Under
    ``mkdocs serve`` MkDocs replaces ``site_url`` by the local server's; the codes keep the
    address of the configuration file (a printed code must open the real site, and the
    content-keyed cache of codes and posters stays valid between serve and build)."""
    if config is None:
        return DEFAULT_SITE_URL
    path = getattr(config, "config_file_path", None) or (config.get("config_file_path") if isinstance(config, dict) else None)
    if path and Path(path).is_file():
        from hooks.site.build import site_url_of

        public = site_url_of(Path(path))
        if public.startswith(("https://", "http://")):
            return public
    return config.get("site_url") or DEFAULT_SITE_URL


# ----- the catalogue checker --------------------------------------------------------------------
def check_catalog(catalog: Catalog) -> None:
    """Teacher-facing fields: three key points for the card; steps that add up to the duration;
    no lesson named like the course print view."""
    for entry in catalog.entries.values():
        if entry.kind != "lesson":
            continue
        meta = entry.meta
        if entry.id == PRINT:
            catalog.errors.append(ContentError(
                entry.path, entry.line("id"), f"the lesson id '{PRINT}' is taken by the course print view "
                f"<course>/{PRINT}/", "give the lesson another id and file name"))
        points = meta.get("key_points")
        if isinstance(points, list) and len(points) != 3:
            catalog.errors.append(ContentError(
                entry.path, entry.line("key_points"),
                f"'key_points' has {len(points)} item(s); the poster card prints exactly three",
                "write three short points, the most important first"))
        steps = meta.get("steps")
        duration = meta.get("duration")
        if entry.translation:
            continue  # the minutes and the duration are the original's: reported there once
        if isinstance(steps, list) and isinstance(duration, int) and all(
                isinstance(s, dict) and isinstance(s.get("minutes"), int) for s in steps):
            total = sum(s["minutes"] for s in steps)
            if steps and total != duration:
                catalog.notices.append(ContentError(
                    entry.path, entry.line("steps"),
                    f"the steps add up to {total} minutes but 'duration' is {duration}",
                    "make the minutes of the steps add up to the lesson's duration"))


# ----- content of one lesson ---------------------------------------------------------------------
def questions(entry: Entry) -> list:
    """The quiz questions of a lesson, in order (all quiz blocks), from the lesson model."""
    return [q for one in entry.quizzes or [] for q in one.questions]


def _e(text) -> str:
    return html.escape(str(text), quote=True)


def _lang_attr(content_lang: str, lang: str) -> str:
    return f' lang="{content_lang}"' if content_lang != lang else ""


def _choices(q, t: Translator) -> list[str]:
    """HTML label of each choice (true/false in the reader's language)."""
    if q.type == "truefalse":
        return [_e(t.t("quiz.true")), _e(t.t("quiz.false"))]
    return [quiz.inline(o.text) for o in q.options]


def worksheet_html(items: list, t: Translator, content_lang: str, prefix: str) -> str:
    """The quiz as a worksheet: numbered questions, lettered choices with empty boxes, no answers.
    Question ids are ``<prefix><id>``."""
    text_lang = _lang_attr(content_lang, t.lang)
    blank = '<span class="zb-ws__blank" aria-hidden="true"></span>'
    out = [
        '<div class="zb-ws">',
        '<p class="zb-ws__fields">'
        f'<span class="zb-ws__field">{_e(t.t("teacher.name"))}: {blank}</span> '
        f'<span class="zb-ws__field zb-ws__field--short">{_e(t.t("teacher.class"))}: {blank}</span> '
        f'<span class="zb-ws__field zb-ws__field--short">{_e(t.t("teacher.date"))}: {blank}</span></p>',
    ]
    if not items:
        out += [f'<p>{_e(t.t("teacher.no_quiz"))}</p>', "</div>"]
        return "\n".join(out)
    out.append(f'<p class="zb-ws__intro">{_e(t.t("teacher.worksheet_intro"))}</p>')
    out.append('<ol class="zb-ws__questions">')
    for q in items:
        hint = {"multiple": "quiz.multiple_hint", "open": "quiz.open_print"}.get(q.type)
        hint = f' <span class="zb-ws__hint">{_e(t.t(hint))}</span>' if hint else ""
        out.append(f'<li class="zb-ws__q" id="{_e(prefix + q.id)}">')
        out.append(f'<p class="zb-ws__text"><span{text_lang}>{quiz.inline(q.text)}</span>{hint}</p>')
        if q.type == "open":  # ruled lines to write on, no options
            out.append(quiz.ruled_lines(q.lines, "zb-ws__lines") + "</li>")
            continue
        out.append('<ul class="zb-ws__options">')
        for i, label in enumerate(_choices(q, t)):
            lang_attr = text_lang if q.type != "truefalse" else ""
            box = "zb-ws__box zb-ws__box--round" if q.type != "multiple" else "zb-ws__box"
            out.append(f'<li><span class="{box}" aria-hidden="true"></span>'
                       f'<span class="zb-ws__letter">{LETTERS[i]}.</span> <span{lang_attr}>{label}</span></li>')
        out.append("</ul></li>")
    out.append("</ol></div>")
    return "\n".join(out)


def key_html(items: list, t: Translator, content_lang: str, question_url: str) -> str:
    """The answer key with explanations; entries have id="key-<id>" and the pupils' link
    to the question (``question_url`` + ``#q-<id>``)."""
    if not items:
        return f'<p>{_e(t.t("teacher.no_quiz"))}</p>'
    text_lang = _lang_attr(content_lang, t.lang)
    out = ['<ol class="zb-key">']
    for q in items:
        labels = _choices(q, t)
        right = [f'{LETTERS[i]}. {labels[i]}' for i in q.correct]
        label = t.t("quiz.right_answers") if len(right) > 1 else t.t("quiz.right_answer")
        answer_lang = "" if q.type == "truefalse" else text_lang
        link = f"{question_url}#q-{q.id}"
        out.append(f'<li class="zb-key__item" id="key-{_e(q.id)}">')
        out.append(f'<p class="zb-key__q"{text_lang}>{quiz.inline(q.text)}</p>')
        if q.type == "open":  # what a good written answer contains
            out.append(f'<div class="zb-key__answer zb-key__model"><p><strong>{_e(t.t("quiz.model_answer"))}</strong></p>'
                       f'<div{text_lang}>{quiz.block(q.model_answer)}</div></div>')
        else:
            out.append(f'<p class="zb-key__answer"><strong>{_e(label)}</strong> '
                       f'<span{answer_lang}>{"; ".join(right)}</span></p>')
        notes = [(i, o) for i, o in enumerate(q.options) if o.explain]
        if notes:
            out.append(f'<ul class="zb-key__notes"{text_lang}>')
            for i, option in notes:
                out.append(f'<li><strong>{LETTERS[i]}.</strong> {quiz.inline(option.explain)}</li>')
            out.append("</ul>")
        if q.explain:
            out.append(f'<div class="zb-key__explain"{text_lang}>{quiz.block(q.explain)}</div>')
        if q.source:
            out.append(f'<p class="zb-key__source"><strong>{_e(t.t("quiz.source"))}</strong> '
                       f'<span{text_lang}>{quiz.inline(q.source)}</span></p>')
        out.append(f'<p class="zb-key__link">{_e(t.t("teacher.question_link"))}: '
                   f'<a href="{_e(link)}" class="zb-url">{_e(link)}</a></p>')
        out.append("</li>")
    out.append("</ol>")
    return "\n".join(out)


def _list(items, tag: str, lang_attr: str, cls: str = "", tel: str = "") -> str:
    """A list of plain-text items; with ``tel`` (the text's language) help numbers become
    tappable links with their names (hooks/content/helplines.py)."""
    cls_attr = f' class="{cls}"' if cls else ""
    if tel:
        from hooks.content import helplines
        cells = "".join(f"<li>{helplines.linkify(i, tel)}</li>" for i in items)
    else:
        cells = "".join(f"<li>{_e(i)}</li>" for i in items)
    return f"<{tag}{cls_attr}{lang_attr}>" + cells + f"</{tag}>"


def _front(title: str, description: str) -> list[str]:
    return ["---", "title: " + json.dumps(title, ensure_ascii=False),
            "description: " + json.dumps(description, ensure_ascii=False), "---", ""]


def _clean(parts: list[str]) -> str:
    """A raw HTML block must stand alone: no blank line inside."""
    return re.sub(r"\n[ \t]*(?=\n)", "", "\n".join(parts)) + "\n"


def teacher_markdown(entry: Entry, lang: str, base_url: str, sizes: dict) -> str:
    """The teacher's page of ``entry`` as read in ``lang`` (front matter + one HTML block)."""
    t = Translator(lang)
    meta = entry.meta
    lesson = entry.rel
    here = folder_url(lang, lesson)
    pupil = url_of(lang, lesson)
    pupil_public = qr.public_url(base_url, pupil)
    text_lang = _lang_attr(entry.lang, lang)
    title = entry.title
    items = questions(entry)
    svg_name = download_name(lesson, lang, "qr.svg")
    png_name = download_name(lesson, lang, "qr.png")
    poster_pdf = download_name(lesson, lang, "poster.pdf")
    steps = [s for s in meta.get("steps") or [] if isinstance(s, dict)]
    parts = _front(t.t("teacher.title", title=title), t.t("teacher.description", title=title)) + [
        '<div class="zb-teacher">',
        f'<p class="zb-teacher__intro">{_e(t.t("teacher.intro"))} '
        f'<a href="{_e(relative(here, pupil))}"{text_lang}>{_e(title)}</a></p>',
    ]
    if entry.lang != lang:
        parts.append(f'<p class="zb-teacher__fallback">{_e(t.t("untranslated.notice", shown=t.t("lang." + entry.lang)))}</p>')
    # The pupils' page: link, address in words, QR code and its files.
    parts += [
        '<section class="zb-teacher__pupils" aria-labelledby="zb-t-pupils">',
        f'<h2 id="zb-t-pupils">{_e(t.t("teacher.pupils"))}</h2>',
        '<div class="zb-teacher__qr">',
        f'<img src="{_e(svg_name)}" width="180" height="180" alt="{_e(t.t("teacher.qr_alt", url=pupil_public))}">',
        '<div class="zb-teacher__qrtext">',
        f'<p><a href="{_e(relative(here, pupil))}" class="zb-url">{_e(pupil_public)}</a></p>',
        f'<p>{_e(t.t("teacher.qr_note"))}</p>',
        '<ul class="zb-teacher__files">',
        f'<li><a href="{_e(svg_name)}" download type="image/svg+xml">{_e(t.t("teacher.qr_svg"))}</a></li>',
        f'<li><a href="{_e(png_name)}" download type="image/png">{_e(t.t("teacher.qr_png"))}</a></li>',
        "</ul></div></div></section>",
    ]
    # To print.
    parts += [
        '<section class="zb-teacher__print" aria-labelledby="zb-t-print">',
        f'<h2 id="zb-t-print">{_e(t.t("teacher.print"))}</h2>',
        "<ul>",
        f'<li><a href="worksheet/">{_e(t.t("teacher.worksheet_link"))}</a></li>',
        f'<li><a href="{_e(poster_pdf)}" download type="application/pdf">{_e(t.t("teacher.poster_pdf"))}</a> '
        f'<span class="zb-teacher__size">({_e(poster_pdf)}, {_e(_size(sizes.get("pdf", 0), t))})</span></li>',
        f'<li><a href="{_e(relative(here, url_of(lang, print_rel(entry.course))))}#{_e(entry.slug)}">'
        f'{_e(t.t("teacher.course_print", course=course_title(entry.course, lang)))}</a></li>',
        "</ul>",
        f'<p>{_e(t.t("teacher.print_note"))}</p>',
        "</section>",
    ]
    # The plan.
    parts += [
        '<section class="zb-teacher__plan" aria-labelledby="zb-t-plan">',
        f'<h2 id="zb-t-plan">{_e(t.t("teacher.plan"))}</h2>',
        '<dl class="zb-facts__list">',
        f'<div><dt>{_e(t.t("lesson.audience"))}</dt><dd>{_e(t.audience(meta.get("audience", "")))}</dd></div>',
        f'<div><dt>{_e(t.t("lesson.duration"))}</dt><dd>{_e(t.minutes(meta.get("duration", "")))}</dd></div>',
        "</dl>",
        f'<h3 id="zb-t-objectives">{_e(t.t("lesson.objectives"))}</h3>',
        _list(meta.get("objectives") or [], "ul", text_lang, tel=entry.lang),
    ]
    if steps:
        parts += [f'<h3 id="zb-t-steps">{_e(t.t("teacher.steps"))}</h3>', '<ol class="zb-steps">']
        start = 0
        from hooks.content import schoolplan

        for index, step in enumerate(steps):
            end = start + int(step.get("minutes") or 0)
            # hands-on step: goal, materials, instructions (translated, or the Kazakh original's)
            activity, source_lang = schoolplan.activity_of(entry, index)
            extra = ""
            if activity:
                rows = "".join(f'<dt>{_e(t.t("teacher.activity_" + f))}</dt><dd lang="{source_lang}">{_tel(activity[f], source_lang)}</dd>'
                               for f in schoolplan.ACTIVITY_FIELDS)
                extra = f'<p class="zb-steps__activity"><strong>{_e(t.t("teacher.activity"))}</strong></p><dl class="zb-activity">{rows}</dl>'
            parts.append(f'<li><span class="zb-steps__time">{_e(t.t("teacher.step_time", start=start, end=end, n=end - start))}</span> '
                         f'<span{text_lang}>{_tel(step.get("text", ""), entry.lang)}</span>{extra}</li>')
            start = end
        parts += ["</ol>", f'<p class="zb-steps__total">{_e(t.t("teacher.total", n=start))}</p>']
    if meta.get("key_points"):
        parts += [f'<h3 id="zb-t-points">{_e(t.t("teacher.key_points"))}</h3>',
                  _list(meta["key_points"], "ul", text_lang, tel=entry.lang)]
    if meta.get("discussion"):
        parts += [f'<h3 id="zb-t-discussion">{_e(t.t("teacher.discussion"))}</h3>',
                  _list(meta["discussion"], "ol", text_lang, tel=entry.lang)]
    parts.append("</section>")
    parts += claims_html(meta, t, text_lang, lang, entry.lang)
    # Worksheet and key: each begins a new sheet when the teacher prints this page.
    parts += [
        '<section class="zb-teacher__worksheet" aria-labelledby="zb-t-worksheet">',
        f'<h2 id="zb-t-worksheet">{_e(t.t("teacher.worksheet_title", title=title))}</h2>',
        worksheet_html(items, t, entry.lang, "ws-"),
        "</section>",
        '<section class="zb-teacher__key" aria-labelledby="zb-t-key">',
        f'<h2 id="zb-t-key">{_e(t.t("teacher.key"))}</h2>',
        key_html(items, t, entry.lang, pupil_public),
        "</section>",
        "</div>",
    ]
    return _clean(parts)


def claims_html(meta: dict, t: Translator, text_lang: str, lang: str, content_lang: str) -> list[str]:
    """The fact list (``claims:``): "What this lesson says, and where it comes from"."""
    from hooks.content import acts
    claims = [c for c in meta.get("claims") or [] if isinstance(c, dict)]
    if not claims:
        return []
    out = ['<section class="zb-teacher__claims" aria-labelledby="zb-t-claims">',
           f'<h2 id="zb-t-claims">{_e(t.t("teacher.claims"))}</h2>',
           f'<p>{_e(t.t("teacher.claims_intro"))}</p>', '<ol class="zb-claims">']
    for claim in claims:
        shown = acts.resolve(claim, lang)
        where = [f'<a href="{_e(shown.url)}" rel="noopener">{_e(shown.title)}</a>'
                 + (f" ({_e(shown.url_lang)})" if shown.url_lang else "")]
        if shown.article:
            where.append(_e(shown.article))
        if shown.act is not None and shown.act.edition_checked:
            where.append(_e(t.t("teacher.claims_edition", date=shown.act.edition_checked.isoformat())))
        if shown.published:
            where.append(_e(t.t("teacher.claims_published", date=shown.published)))
        if shown.act is not None and shown.act.to_recheck and shown.article:
            where.append(_e(t.t("teacher.claims_recheck")))
        out.append(f'<li><span{text_lang}>{_tel(claim.get("says", ""), content_lang)}</span>'
                   f'<br><span class="zb-claims__source">{", ".join(where)}</span></li>')
    out += ["</ol>", "</section>"]
    return out


def worksheet_markdown(entry: Entry, lang: str, base_url: str) -> str:
    """The pupils' worksheet: the quiz without any answer, the lesson's QR code and address."""
    t = Translator(lang)
    lesson = entry.rel
    here = url_of(lang, worksheet_rel(lesson))
    pupil_public = qr.public_url(base_url, url_of(lang, lesson))
    svg = relative(here, folder_url(lang, lesson) + download_name(lesson, lang, "qr.svg"))
    parts = _front(t.t("teacher.worksheet_title", title=entry.title), t.t("teacher.worksheet_link")) + [
        '<div class="zb-worksheet">',
        worksheet_html(questions(entry), t, entry.lang, "q-"),
        '<div class="zb-worksheet__lesson">',
        f'<img src="{_e(svg)}" width="110" height="110" alt="{_e(t.t("teacher.qr_alt", url=pupil_public))}">',
        f'<p>{_e(t.t("teacher.worksheet_online"))} '
        f'<a href="{_e(relative(here, url_of(lang, lesson)))}" class="zb-url">{_e(pupil_public)}</a></p>',
        "</div>",
        f'<p class="zb-screen-only"><a href="{_e(relative(here, folder_url(lang, lesson)))}">{_e(t.t("teacher.back"))}</a></p>',
        "</div>",
    ]
    return _clean(parts)


def print_markdown(course: str, lang: str) -> str:
    """The course print view's source; its lessons are put in by ``decorate`` (from the
    lessons' rendered HTML, which exists only once the lesson pages are rendered)."""
    t = Translator(lang)
    title = t.t("print.title", course=course_title(course, lang))
    parts = _front(title, t.t("print.intro")) + [
        '<div class="zb-course-print">',
        f'<p class="zb-screen-only">{_e(t.t("print.intro"))}</p>',
        "<!-- zb-course-print-lessons -->",
        "</div>",
    ]
    return _clean(parts)


def _size(n: int, t: Translator) -> str:
    if n < 1024 * 1024:
        return t.t("teacher.size_kb", n=max(1, round(n / 1024)))
    value = f"{n / 1024 / 1024:.1f}"
    return t.t("teacher.size_mb", n=value if t.lang == "en" else value.replace(".", ","))


# ----- poster card and QR code ---------------------------------------------------------------------
def card(entry: Entry, url: str) -> poster.Card:
    """The poster card of ``entry``, all in the language of its text."""
    t = Translator(entry.lang)
    points = list(entry.meta.get("key_points") or entry.meta.get("objectives") or [])[:3]
    return poster.Card(
        lang=entry.lang, title=entry.title, course=course_title(entry.course, entry.lang),
        points=[str(p) for p in points], url=url, help_title=t.t("poster.help"),
        help=[(n, _help_label(n, t.lang)) for n in poster.HELP_NUMBERS], scan=t.t("poster.scan"),
    )


# ----- MkDocs files ------------------------------------------------------------------------------
def files(catalog: Catalog, lang: str, config) -> list:
    """Generated files for the build of ``lang``: per lesson the teacher's page, the worksheet,
    the QR code (SVG, PNG) and the poster card (PDF); per course the print view."""
    base = site_url(config)
    prefix = "" if lang == ORIGINAL else f"{lang}/"
    out = []
    if lang == ORIGINAL:  # the first language built: every language's posters, on both cores
        poster.prepare([card(entry, qr.public_url(base, url_of(other, entry.rel)))
                        for other in LANGS for lesson_id in catalog.lesson_ids()
                        for entry in [catalog.best(lesson_id, other)] if entry is not None])

    def add(rel: str, dest: str, content, page: bool) -> None:
        out.append(generated.site_file(config, lang, rel, prefix + dest, content, page))

    for lesson_id in catalog.lesson_ids():
        entry = catalog.best(lesson_id, lang)
        if entry is None:
            continue
        lesson = entry.rel
        folder = folder_url(lang, lesson).removeprefix(prefix)
        public = qr.public_url(base, url_of(lang, lesson))
        t = Translator(lang)
        pdf = poster.render(card(entry, public))
        downloads = {
            "qr.svg": qr.svg(public, t.t("teacher.qr_alt", url=public)),
            "qr.png": qr.png(public),
            "poster.pdf": pdf,
        }
        add(teacher_rel(lesson), folder + "index.html",
            teacher_markdown(entry, lang, base, {"pdf": len(pdf)}), page=True)
        add(worksheet_rel(lesson), folder + "worksheet/index.html", worksheet_markdown(entry, lang, base), page=True)
        for what, data in downloads.items():
            name = download_name(lesson, lang, what)
            add(folder + name, folder + name, data, page=False)
    for course in COURSE_IDS:
        if catalog.lesson_ids(course):
            add(print_rel(course), f"{course}/{PRINT}/index.html", print_markdown(course, lang), page=True)
    return out


# ----- the course print view --------------------------------------------------------------------
def remember(lang: str, rel: str, content: str) -> None:
    """on_page_content: keep each lesson's HTML for the course print view (compressed: a course
    of 150 lessons is 15 MB of text, 2 MB at zlib level 1, for 0.1 s)."""
    if any(key[0] != lang for key in _RENDERED):  # a new language's build: the last one's are done
        _RENDERED.clear()
    _RENDERED[(lang, rel)] = zlib.compress(content.encode("utf-8"), 1)


_ID_ATTRS = re.compile(r'(\s(?:id|for|aria-labelledby|aria-describedby|aria-controls|headers)=")([^"]*)(")')
_HREF = re.compile(r'(\shref="#)([^"]*)(")')
_HEADING = re.compile(r"<(/?)h([1-5])(?=[\s>])")


def embed(content: str, prefix: str) -> str:
    """A lesson's HTML inside the course view: ids (and links to them) prefixed so that
    they stay unique on the page, headings one level down."""
    content = _ID_ATTRS.sub(lambda m: m.group(1) + " ".join(prefix + v for v in m.group(2).split()) + m.group(3), content)
    content = _HREF.sub(lambda m: m.group(1) + (prefix + m.group(2) if m.group(2) else "") + m.group(3), content)
    return _HEADING.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", content)


def course_print_html(catalog: Catalog, lang: str, course: str, base_url: str) -> str:
    t = Translator(lang)
    here = url_of(lang, print_rel(course))
    out = []
    for n, lesson_id in enumerate(catalog.lesson_ids(course), 1):
        entry = catalog.best(lesson_id, lang)
        meta = entry.meta
        text_lang = _lang_attr(entry.lang, lang)
        url = url_of(lang, entry.rel)
        public = qr.public_url(base_url, url)
        slug = entry.slug
        stored = _RENDERED.get((lang, entry.rel))
        content = zlib.decompress(stored).decode("utf-8") if stored is not None else ""
        out += [
            f'<section class="zb-print__lesson" id="{_e(slug)}" aria-labelledby="{_e(slug)}--title">',
            f'<p class="zb-print__n">{_e(t.t("print.lesson_n", n=n))}</p>',
            f'<h2 id="{_e(slug)}--title"{text_lang}>{_e(entry.title)}</h2>',
            f'<p class="zb-print__url">{_e(t.t("share.online"))}: <a href="{_e(relative(here, url))}" class="zb-url">{_e(public)}</a></p>',
            f'<dl class="zb-facts__list"><div><dt>{_e(t.t("lesson.audience"))}</dt><dd>{_e(t.audience(meta.get("audience", "")))}</dd></div>'
            f'<div><dt>{_e(t.t("lesson.duration"))}</dt><dd>{_e(t.minutes(meta.get("duration", "")))}</dd></div></dl>',
            f'<p class="zb-print__objectives-title"><strong>{_e(t.t("lesson.objectives"))}</strong></p>',
            _list(meta.get("objectives") or [], "ul", text_lang, tel=entry.lang),
            f'<div class="zb-print__text"{text_lang}>',
            embed(content, f"{slug}--"),
            "</div>",
        ]
        sources = [s for s in meta.get("sources") or [] if isinstance(s, dict)]
        if sources:
            out += [f'<h3 id="{_e(slug)}--sources">{_e(t.t("sources.heading"))}</h3>', f'<ul class="zb-print__sources"{text_lang}>']
            from hooks.content import acts
            for s in sources:
                shown = acts.resolve(s, lang)  # an act: its title in the reader's language (hooks/content/acts.py)
                article = f", {_e(shown.article)}" if shown.article else ""
                marker = f" ({_e(shown.url_lang)})" if shown.url_lang else ""
                # another source a translation took from the original: marked with its language
                own = f' lang="{_e(shown.lang)}"' if shown.lang and shown.lang != entry.lang else ""
                out.append(f'<li{own}><a href="{_e(shown.url)}" rel="noopener">{_e(shown.title)}</a>{marker}{article}</li>')
            out.append("</ul>")
        out.append("</section>")
    return "\n".join(out)


def _tel(text, lang: str) -> str:
    from hooks.content import helplines
    return helplines.linkify(str(text), lang)


def _help_label(number: str, lang: str) -> str:
    """A help line's name from hooks/data/helplines.yml, as a label on the poster card."""
    from hooks.content import helplines
    name = helplines.load()[number].name[lang]
    return name[:1].upper() + name[1:]


# ----- page views ----------------------------------------------------------------------------------
def kind_of(rel: str) -> str:
    """teacher, worksheet, print or "" (not a page of this module)."""
    if rel.endswith(SUFFIX + ".md"):
        return "teacher"
    if SUFFIX + "/" in rel and rel.endswith("/worksheet.md"):
        return "worksheet"
    parts = rel.split("/")
    if len(parts) == 2 and parts[0] in COURSE_IDS and parts[1] == PRINT + ".md":
        return "print"
    return ""


def generated_switcher(catalog: Catalog, lang: str, rel: str, t: Translator) -> list:
    """The language switcher of a page the build makes in every language (teacher pack,
    worksheet, print view, practice test): each language links the same page, which exists."""
    items = switcher(catalog, lang, rel, t)
    for item in items:
        item["link"] = url_of(item["lang"], rel)
        item["exists"] = True
        item["name"] = item["name"].split(" (")[0]
    return items


def decorate(view, catalog: Catalog, lang: str, rel: str, page=None, config=None) -> None:
    """Teacher links and the "copy link" field on lessons, their variants and course pages;
    page kind, language switcher and assets on the pages made here. For the course print
    view it also puts the lessons into ``page.content``."""
    t = Translator(lang)
    kind = kind_of(rel)
    public = qr.public_url(site_url(config), page.url if page is not None else url_of(lang, rel))
    links = []
    if kind:
        view.kind = kind
        view.switcher = generated_switcher(catalog, lang, rel, t)
        if kind == "print":
            course = rel.split("/")[0]
            if page is not None:
                page.content = page.content.replace(
                    "<!-- zb-course-print-lessons -->", course_print_html(catalog, lang, course, site_url(config)))
            if quiz.STYLE not in view.styles:
                view.styles.append(quiz.STYLE)
    elif view.kind in ("lesson", "easy", "braille") and getattr(catalog.get(ORIGINAL, lesson_rel(rel)), "kind", "") == "lesson":
        links.append({"url": folder_url(lang, lesson_rel(rel)), "label": t.t("teacher.link"), "cls": "zb-tools__teacher"})
    elif view.kind == "course" and rel.endswith("/index.md") and catalog.lesson_ids(rel.split("/")[0]):
        links.append({"url": url_of(lang, print_rel(rel.split("/")[0])), "label": t.t("teacher.course_print_link"),
                      "cls": "zb-tools__print"})
    else:
        return
    view.teacher = {"url": public, "links": links, "print_button": kind in ("teacher", "worksheet", "print"),
                    "address": kind != "worksheet"}  # a printed worksheet shows the lesson's address
    for asset, bucket in ((STYLE, view.styles), (SCRIPT, view.scripts)):
        if asset not in bucket:
            bucket.append(asset)
