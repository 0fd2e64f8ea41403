"""The law-basics practice test: a question bank made of the course's lessons' quiz questions.

Generated pages for the build of ``lang`` (none is in the menu):

* ``law-basics/practice-test/``                 the question bank as working quizzes, one form
  per lesson (hooks/editions/quiz.py: works without JavaScript, the answers in a <details> key), and
  the links to the two printable variants;
* ``law-basics/practice-test/variant-<n>/``     variant n as a pupils' worksheet (no answers);
* ``law-basics/practice-test/variant-<n>-key/`` its answer key (hooks/editions/teacher.py renders both).

The questions are the lesson model's (``entry.quizzes``, parsed once by the catalogue). The
split is deterministic: each lesson's questions, in their order, go alternately to variant 1
and 2; a lesson with an odd number gives its extra question to variant 1 and the next such
lesson to variant 2, so each variant gets the same number of questions from every lesson (±1)
and no question is in both.

Open questions (``type: open``) are part of the test, not left out: on the bank page a text
area with the model answer in a <details> (not scored), in a printed variant ruled lines to
write on, in its key the model answer (all rendered by hooks/editions/quiz.py and teacher.py).
"""
from __future__ import annotations

import dataclasses
import html

from hooks.content.catalog import Catalog, Entry
from hooks.content.quizdata import Quiz
from hooks.content.strings import Translator
from hooks.editions import generated, qr, quiz, teacher
from hooks.site.pages import course_title, url_of

COURSE = "law-basics"
FOLDER = f"{COURSE}/practice-test"
PAGE = f"{FOLDER}/index.md"
VARIANTS = (1, 2)


def variant_rel(n: int) -> str:
    return f"{FOLDER}/variant-{n}.md"


def key_rel(n: int) -> str:
    return f"{FOLDER}/variant-{n}-key.md"


def kind_of(rel: str) -> str:
    """bank, worksheet or key ("" for other pages)."""
    if rel == PAGE:
        return "bank"
    for n in VARIANTS:
        if rel == variant_rel(n):
            return "worksheet"
        if rel == key_rel(n):
            return "key"
    return ""


# ----- the question bank and its split ---------------------------------------------------------
def bank(catalog: Catalog, lang: str) -> list[tuple[Entry, list]]:
    """(lesson as read in ``lang``, its questions) for each published lesson of the course with
    a quiz, in course order. A question id used by an earlier lesson gets the lesson's slug in
    front, so that every id (and #q-<id> address) on the page is unique."""
    out, seen = [], set()
    for lesson_id in catalog.lesson_ids(COURSE):
        entry = catalog.best(lesson_id, lang)
        items = []
        for q in teacher.questions(entry):
            if q.id in seen:
                q = dataclasses.replace(q, id=f"{entry.slug}-{q.id}")
            seen.add(q.id)
            items.append(q)
        if items:
            out.append((entry, items))
    return out


def split(lessons: list[tuple[Entry, list]]) -> dict[int, list[tuple[Entry, list]]]:
    """Variant number -> [(lesson, its questions in this variant)], see the module's docstring."""
    out = {n: [] for n in VARIANTS}
    odd = 0
    for entry, items in lessons:
        first, second = items[0::2], items[1::2]
        if len(items) % 2:
            if odd % 2:  # every other lesson with an odd count gives its extra one to variant 2
                first, second = items[1::2], items[0::2]
            odd += 1
        out[1].append((entry, first))
        out[2].append((entry, second))
    return out


# ----- pages -----------------------------------------------------------------------------------
def _e(text) -> str:
    return html.escape(str(text), quote=True)


def _content_lang(lessons, lang: str) -> str:
    langs = {entry.lang for entry, _ in lessons}
    return langs.pop() if len(langs) == 1 else lang


def bank_markdown(catalog: Catalog, lang: str) -> str:
    t = Translator(lang)
    course = course_title(COURSE, lang)
    here = url_of(lang, PAGE)
    lessons = bank(catalog, lang)
    links = []
    for n in VARIANTS:
        links.append(f'<li><a href="{_e(teacher.relative(here, url_of(lang, variant_rel(n))))}">'
                     f'{_e(t.t("practice.variant_worksheet", n=n))}</a></li>')
        links.append(f'<li><a href="{_e(teacher.relative(here, url_of(lang, key_rel(n))))}">'
                     f'{_e(t.t("practice.variant_key", n=n))}</a></li>')
    parts = teacher._front(t.t("practice.title", course=course), t.t("practice.intro", course=course)) + [
        '<div class="zb-practice">',
        f'<p class="zb-practice__intro">{_e(t.t("practice.intro", course=course))}</p>',
        '<section class="zb-practice__print" aria-labelledby="zb-p-print">',
        f'<h2 id="zb-p-print">{_e(t.t("practice.print"))}</h2>',
        f'<p>{_e(t.t("practice.print_intro"))}</p>',
        "<ul>", *links, "</ul>",
        "</section>",
        '<section class="zb-practice__bank" aria-labelledby="zb-p-bank">',
        f'<h2 id="zb-p-bank">{_e(t.t("practice.bank"))}</h2>',
    ]
    for number, (entry, items) in enumerate(lessons, 1):
        text_lang = teacher._lang_attr(entry.lang, lang)
        parts += [
            f'<h3 id="zb-p-{_e(entry.slug)}"{text_lang}>{_e(entry.title)}</h3>',
            f'<p><a href="{_e(teacher.relative(here, url_of(lang, entry.rel)))}">{_e(t.t("practice.lesson_link"))}</a></p>',
            quiz.render_quiz(Quiz(questions=items, line=0), t, number,
                             f"{lang}:{FOLDER}:{entry.id}", entry.lang),
        ]
    parts += ["</section>", "</div>"]
    return teacher._clean(parts)


def variant_markdown(catalog: Catalog, lang: str, n: int) -> str:
    t = Translator(lang)
    course = course_title(COURSE, lang)
    lessons = split(bank(catalog, lang))[n]
    items = [q for _, qs in lessons for q in qs]
    here = url_of(lang, variant_rel(n))
    parts = teacher._front(t.t("practice.variant_title", course=course, n=n), t.t("practice.intro", course=course)) + [
        '<div class="zb-worksheet zb-practice__variant">',
        f'<p>{_e(t.t("practice.intro", course=course))}</p>',
        teacher.worksheet_html(items, t, _content_lang(lessons, lang), "q-"),
        f'<p class="zb-screen-only"><a href="{_e(teacher.relative(here, url_of(lang, PAGE)))}">{_e(t.t("practice.back"))}</a></p>',
        "</div>",
    ]
    return teacher._clean(parts)


def key_markdown(catalog: Catalog, lang: str, n: int, base_url: str) -> str:
    t = Translator(lang)
    course = course_title(COURSE, lang)
    lessons = split(bank(catalog, lang))[n]
    items = [q for _, qs in lessons for q in qs]
    here = url_of(lang, key_rel(n))
    parts = teacher._front(t.t("practice.key_title", course=course, n=n), t.t("practice.intro", course=course)) + [
        '<div class="zb-practice__key">',
        teacher.key_html(items, t, _content_lang(lessons, lang), qr.public_url(base_url, url_of(lang, PAGE))),
        f'<p class="zb-screen-only"><a href="{_e(teacher.relative(here, url_of(lang, PAGE)))}">{_e(t.t("practice.back"))}</a></p>',
        "</div>",
    ]
    return teacher._clean(parts)


def files(catalog: Catalog, lang: str, config) -> list:
    """The generated pages for the build of ``lang`` (none if the course has no quiz)."""
    if not bank(catalog, lang):
        return []
    base = teacher.site_url(config)
    pages = {PAGE: bank_markdown(catalog, lang)}
    for n in VARIANTS:
        pages[variant_rel(n)] = variant_markdown(catalog, lang, n)
        pages[key_rel(n)] = key_markdown(catalog, lang, n, base)
    prefix = "" if lang == "kk" else f"{lang}/"
    out = []
    for rel, content in pages.items():
        out.append(generated.site_file(config, lang, rel, prefix + url_of("kk", rel) + "index.html", content))
    return out


# ----- page views ------------------------------------------------------------------------------
def decorate(view, catalog: Catalog, lang: str, rel: str, page=None, config=None) -> None:
    """The practice-test pages: language switcher, print button, quiz and teacher assets. The
    course page and the teacher hub get a link to the practice test."""
    t = Translator(lang)
    kind = kind_of(rel)
    link = {"url": url_of(lang, PAGE), "label": t.t("practice.link"), "cls": "zb-tools__practice"}
    if not kind:
        if rel in (f"{COURSE}/index.md", "teachers.md") and bank(catalog, lang):
            if not view.teacher:
                public = qr.public_url(teacher.site_url(config), page.url if page is not None else url_of(lang, rel))
                view.teacher = {"url": public, "links": [], "print_button": False, "address": False}
                for asset, bucket in ((teacher.STYLE, view.styles), (teacher.SCRIPT, view.scripts)):
                    if asset not in bucket:
                        bucket.append(asset)
            view.teacher["links"].append(link)
        return
    view.kind = "practice"
    view.switcher = teacher.generated_switcher(catalog, lang, rel, t)
    public = qr.public_url(teacher.site_url(config), page.url if page is not None else url_of(lang, rel))
    view.teacher = {"url": public, "links": [], "print_button": kind != "bank", "address": kind != "worksheet"}
    assets = [(teacher.STYLE, view.styles), (teacher.SCRIPT, view.scripts), (quiz.STYLE, view.styles)]
    if kind == "bank":  # only the question bank is a working quiz; worksheets and keys are print
        assets.append((quiz.SCRIPT, view.scripts))
    for asset, bucket in assets:
        if asset not in bucket:
            bucket.append(asset)
