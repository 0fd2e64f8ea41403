"""A scenario on paper, in Braille and for the teacher: generated pages, one set per scenario and language.

For the build of ``lang`` (``files``), per scenario ``scenarios/<slug>``:

* ``scenarios/<slug>.gamebook/``  the printable gamebook: sections numbered 1..n in the file's
  order (the start is 1), each choice "turn to 7" instead of a link;
* ``scenarios/<slug>.braille/``   the Braille edition of that gamebook through the lessons'
  pipeline (hooks/editions/braille_site.py: preview page, ``<slug>.<lang>.brf`` and ``.txt``);
* ``scenarios/<slug>.teacher/``   the teacher's page: audience, duration, a plan for playing it
  as a class (vote at each choice, then discuss the endings) and the key: every choice with
  where it leads and what it means.

``check_catalog`` (hooks/content/checks.py) makes the Braille edition of every scenario file, so
a character Braille cannot write stops tools/check and the build with its file and line.
All editors' text is escaped or stays Markdown that the site's checks already accepted.
"""
from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from types import SimpleNamespace

from hooks.content import helplines
from hooks.content import scenario as scenario_model
from hooks.content.rules import ORIGINAL, url_of
from hooks.content.strings import Translator

GAMEBOOK = ".gamebook"
BRAILLE = ".braille"
TEACHER = ".teacher"


def gamebook_rel(rel: str) -> str:
    return rel.removesuffix(".md") + GAMEBOOK + ".md"


def braille_rel(rel: str) -> str:
    return rel.removesuffix(".md") + BRAILLE + ".md"


def teacher_rel(rel: str) -> str:
    return rel.removesuffix(".md") + TEACHER + ".md"


def scenario_rel(rel: str) -> str:
    """The scenario behind one of the pages made here: scenarios/<slug>.md."""
    base = rel.removesuffix(".md")
    for suffix in (GAMEBOOK, BRAILLE, TEACHER):
        base = base.removesuffix(suffix)
    return base + ".md"


def kind_of(rel: str) -> str:
    """gamebook, teacher or "" for a page path (the Braille preview is braille_site's kind)."""
    if not rel.startswith("scenarios/"):
        return ""
    if rel.endswith(GAMEBOOK + ".md"):
        return "gamebook"
    if rel.endswith(TEACHER + ".md"):
        return "teacher"
    return ""


def _e(text) -> str:
    return html.escape(str(text), quote=True)


def _front(title: str, description: str = "") -> list[str]:
    out = ["---", "title: " + json.dumps(title, ensure_ascii=False)]
    if description:
        out.append("description: " + json.dumps(description, ensure_ascii=False))
    return out + ["---", ""]


# ----- the gamebook ------------------------------------------------------------------------------
def gamebook_body(entry, lang: str) -> str:
    """The numbered sections as Markdown (no HTML): the web page and the Braille edition share it."""
    t = Translator(lang)
    model = scenario_model.of(entry)
    out = [t.t("scenario.gamebook_how"), "", model.intro, ""]
    for step in model.steps:
        n = model.number(step.id)
        label = f" ({t.t('scenario.' + step.kind)})" if step.ending else ""
        out += [f"## {n}. {step.title}{label}", ""]
        if step.text:
            out += [step.text, ""]
        for choice in step.choices:
            target = model.step(choice.target)
            number = model.number(target.id) if target is not None else "?"
            out.append(f"- {choice.text}: {t.t('scenario.turn_to', n=number)}")
        if step.choices:
            out.append("")
        if step.kind == "good":
            out += [f"{t.t('scenario.the_end')} {t.t('scenario.again')}: {t.t('scenario.turn_to', n=1)}", ""]
    return "\n".join(out)


def gamebook_markdown(entry, lang: str) -> str:
    t = Translator(lang)
    body = helplines.expand(gamebook_body(entry, lang), entry.lang)  # [[tel:N]] as in lessons
    return "\n".join(_front(t.t("scenario.gamebook_title", title=entry.title))) + "\n" + body + "\n"


# ----- Braille -----------------------------------------------------------------------------------
@dataclass
class _Printed:
    """What the Braille pipeline reads of a lesson, for a scenario's gamebook."""

    lang: str
    rel: str
    path: str
    meta: dict
    title: str
    course: str
    src: object
    quizzes: list = field(default_factory=list)


def printed(entry, lang: str | None = None) -> _Printed:
    lang = lang or entry.lang
    body = gamebook_body(entry, entry.lang)
    src = SimpleNamespace(body=body, body_line=entry.src.body_line, text=entry.src.text)
    return _Printed(entry.lang, entry.rel, entry.path, entry.meta, entry.title, entry.course, src)


def braille_edition(catalog, entry, errors: list):
    from hooks.editions import braille_site
    return braille_site.make_edition(printed(entry), catalog.docs_dir, errors)


def check_catalog(catalog) -> None:
    """The Braille edition of every scenario file (errors: the file and the line of the character)."""
    from hooks.editions.braille import BrailleSetupError
    try:
        for entry in scenario_model.scenarios(catalog):
            if entry.scenario is None or not entry.scenario.steps:
                continue
            braille_edition(catalog, entry, catalog.errors)
    except BrailleSetupError as exc:
        from mkdocs.exceptions import Abort
        raise Abort(str(exc)) from None


# ----- the teacher's page ---------------------------------------------------------------------------
def teacher_markdown(entry, lang: str) -> str:
    t = Translator(lang)
    model = scenario_model.of(entry)
    meta = entry.meta
    text_lang = f' lang="{_e(entry.lang)}"' if entry.lang != lang else ""
    duration = meta.get("duration") or ""
    parts = _front(t.t("teacher.title", title=entry.title), str(meta.get("summary") or "")) + [
        '<div class="zb-teacher">',
        f'<p class="zb-teacher__intro">{_e(t.t("scenario.teacher_intro"))} '
        f'<a href="../{_e(entry.slug)}/"{text_lang}>{_e(entry.title)}</a></p>',
        '<dl class="zb-facts__list">',
        f'<div><dt>{_e(t.t("lesson.audience"))}</dt><dd>{_e(t.audience(meta.get("audience", "")))}</dd></div>',
        f'<div><dt>{_e(t.t("lesson.duration"))}</dt><dd>{_e(t.minutes(duration))}</dd></div>',
        "</dl>",
        '<section aria-labelledby="zb-s-plan">',
        f'<h2 id="zb-s-plan">{_e(t.t("scenario.plan"))}</h2>',
        "<ol>",
    ]
    parts += [f"<li>{_e(t.t(key))}</li>" for key in
              ("scenario.plan_start", "scenario.plan_vote", "scenario.plan_bad", "scenario.plan_discuss")]
    parts += ["</ol>", f"<p>{_e(t.t('teacher.total', n=duration))}</p>",
              f'<p><a href="../{_e(entry.slug)}{GAMEBOOK}/">{_e(t.t("scenario.gamebook_link"))}</a></p>',
              "</section>",
              '<section aria-labelledby="zb-s-key">',
              f'<h2 id="zb-s-key">{_e(t.t("scenario.key"))}</h2>']
    for step in model.steps:
        n = model.number(step.id)
        label = f" ({_e(t.t('scenario.' + step.kind))})" if step.ending else ""
        parts.append(f'<h3 id="key-{_e(step.id)}"{text_lang}>{n}. {_e(step.title)}{label}</h3>')
        if step.choices:
            parts.append(f"<ul{text_lang}>")
            for choice in step.choices:
                target = model.step(choice.target)
                number = model.number(target.id) if target is not None else "?"
                parts.append(f"<li><strong>{_e(choice.text)}</strong> ({_e(t.t('scenario.leads_to', n=number))}): "
                             f"{_e(choice.meaning)}</li>")
            parts.append("</ul>")
    parts += ["</section>", "</div>", ""]
    return "\n".join(parts)


# ----- MkDocs files ----------------------------------------------------------------------------------
def files(catalog, lang: str, config) -> list:
    """Generated files for the build of ``lang``: per scenario the gamebook, its Braille edition
    (preview, BRF, TXT) and the teacher's page; none in the menu."""
    from hooks.editions import braille_site, generated

    prefix = "" if lang == ORIGINAL else f"{lang}/"
    out = []

    def add(rel: str, dest: str, content, page: bool, text_lang: str = lang):
        out.append(generated.site_file(config, lang, rel, prefix + dest, content, page, text_lang))

    for original in scenario_model.scenarios(catalog, ORIGINAL):
        entry = catalog.get(lang, original.rel) or original
        if not scenario_model.of(entry).steps:
            continue
        folder = entry.rel.removesuffix(".md")
        add(gamebook_rel(entry.rel), f"{folder}{GAMEBOOK}/index.html", gamebook_markdown(entry, lang), True)
        add(teacher_rel(entry.rel), f"{folder}{TEACHER}/index.html", teacher_markdown(entry, lang), True)
        edition = braille_edition(catalog, entry, [])
        if edition is None:
            continue
        brf, txt = edition.brf(), edition.txt()
        add(braille_rel(entry.rel), f"{folder}{BRAILLE}/index.html",
            braille_site.preview_markdown(edition, lang, len(brf), len(txt)), True, edition.lang)
        for name, data in ((edition.file_name("brf"), brf), (edition.file_name("txt"), txt)):
            add(f"{folder}{BRAILLE}/{name}", f"{folder}{BRAILLE}/{name}", data, False, edition.lang)
    return out


def links(entry, lang: str) -> list[tuple[str, str]]:
    """(label, link from the scenario page) of its other editions."""
    t = Translator(lang)
    slug = entry.slug
    return [(t.t("scenario.gamebook_link"), f"../{slug}{GAMEBOOK}/"),
            (t.t("variant.braille"), f"../{slug}{BRAILLE}/"),
            (t.t("teacher.link"), f"../{slug}{TEACHER}/")]


def decorate(view, catalog, lang: str, rel: str, page=None, config=None) -> None:
    """The gamebook page: its kind, a switcher to the gamebook in the other languages, and the
    print button and copy-link field of the teacher's pages (hooks/editions/teacher.py)."""
    if kind_of(rel) != "gamebook":
        return
    from hooks.editions import qr, teacher
    view.kind = "gamebook"
    view.switcher = teacher.generated_switcher(catalog, lang, rel, view.t)
    public = qr.public_url(teacher.site_url(config), page.url if page is not None else url_of(lang, rel))
    view.teacher = {"url": public, "links": [], "print_button": True, "address": True}
    for asset, bucket in ((teacher.STYLE, view.styles), (teacher.SCRIPT, view.scripts)):
        if asset not in bucket:
            bucket.append(asset)
