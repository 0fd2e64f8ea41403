"""A scenario's web page (<lang>/scenarios/<slug>/): every step a section with its own anchor.

Plain Python. ``markdown(entry, lang)`` turns the scenario model (hooks/content/scenario.py) into
the page's Markdown: the introduction, then ``<div class="zb-path">`` holding one
``<section class="zb-step" id="<step>">`` per step, its heading focusable (``tabindex=-1``), its
text as the editor wrote it (rendered by MkDocs through ``md_in_html``, so lesson links and
[[tel:N]] work as in lessons) and its choices as real links ``#<step>``: the story works
without JavaScript, offline and with a screen reader. A choice's meaning is in ``data-meaning``
only (the recap of the script and the teacher page show it, the step does not). A good ending
gets "play again" and the lessons it draws on; every ending has an (empty, hidden) recap box.

``STYLE`` (overrides/assets/stylesheets/scenario.css) shows one step at a time with ``:target``
inside ``:has()`` rules, so a browser without ``:has`` shows the whole story. ``SCRIPT``
(overrides/assets/javascripts/scenario.js) is optional: focus, path taken, recap.
Editors' text is escaped: titles, choice texts and meanings go in as text.
"""
from __future__ import annotations

import html
import re

from hooks.content import scenario as scenario_model
from hooks.content.rules import ORIGINAL
from hooks.content.strings import Translator

SCRIPT = "assets/javascripts/scenario.js"
STYLE = "assets/stylesheets/scenario.css"


def heading_id(step_id: str) -> str:
    """The id of a step's heading (a step id has no "--": hooks/content/scenario.py STEP_ID)."""
    return f"{step_id}--title"


def _attr(text) -> str:
    return html.escape(str(text), quote=True)


def lesson_links(catalog, entry, lang: str) -> list[tuple[str, str, str]]:
    """(title, link from the scenario file, language of the title) of the lessons it draws on,
    in the reader's language (or the Kazakh original)."""
    out = []
    for link in entry.meta.get("lessons") or []:
        rel = scenario_model.lesson_rel(entry.rel, str(link))
        lesson = catalog.get(lang, rel) or catalog.get(ORIGINAL, rel)
        if lesson is not None and lesson.kind == "lesson":
            out.append((lesson.title, str(link), lesson.lang))
    return out


def markdown(entry, lang: str, catalog) -> str:
    """The page's Markdown for one scenario entry (the reader's language ``lang``)."""
    t = Translator(lang)
    model = scenario_model.of(entry)
    start = model.start.id if model.start else ""
    lessons = lesson_links(catalog, entry, lang)
    out = [model.intro, "",
           f'<div class="zb-path" data-start="{_attr(start)}" data-recap="{_attr(t.t("scenario.recap"))}" '
           f'data-meaning-label="{_attr(t.t("scenario.meaning"))}" markdown>', ""]
    for n, step in enumerate(model.steps):
        kind = f" zb-step--{step.kind}" if step.ending else ""
        out += [f'<section class="zb-step{kind}" id="{_attr(step.id)}" data-kind="{step.kind}" '
                f'aria-labelledby="{_attr(heading_id(step.id))}" markdown>', ""]
        label = ""
        if step.ending:
            label = f'<span class="zb-step__kind">{html.escape(t.t("scenario." + step.kind))}: </span>'
        out += [f'<h2 id="{_attr(heading_id(step.id))}" tabindex="-1">{label}{html.escape(step.title)}</h2>', ""]
        if step.text:
            out += [step.text, ""]
        if step.choices:
            back = " zb-choices--back" if step.kind == "bad" else ""
            out.append(f'<ul class="zb-choices{back}" aria-label="{_attr(t.t("scenario.choices"))}">')
            for choice in step.choices:
                out.append(f'<li><a href="#{_attr(choice.target)}" data-meaning="{_attr(choice.meaning)}">'
                           f"{html.escape(choice.text)}</a></li>")
            out += ["</ul>", ""]
        if step.ending:
            out += [f'<div class="zb-recap" hidden><p class="zb-recap__title"><strong>{html.escape(t.t("scenario.recap"))}'
                    '</strong></p><ol></ol></div>', ""]
        if step.kind == "good":
            out += [f'<p class="zb-again"><a href="#{_attr(start)}">{html.escape(t.t("scenario.again"))}</a></p>', ""]
            if lessons:
                out += [f'<p class="zb-step__lessons">{html.escape(t.t("scenario.lessons"))}</p>', ""]
                out += [f"- [{_md_text(title)}]({link})" + (f"{{lang={title_lang}}}" if title_lang != lang else "")
                        for title, link, title_lang in lessons] + [""]
        out += ["</section>", ""]
    out += ["</div>", ""]
    # the other editions: printable gamebook, Braille, teacher's page (hooks/editions/scenario_print.py)
    from hooks.editions import scenario_print
    out += [f'<nav class="zb-scenario-editions" aria-label="{_attr(t.t("scenario.editions"))}">', "<ul>"]
    out += [f'<li><a href="{_attr(link)}">{html.escape(label)}</a></li>' for label, link in scenario_print.links(entry, lang)]
    out += ["</ul>", "</nav>", ""]
    return "\n".join(out)


HEADERLINK = re.compile(r'<a class="headerlink" href="#[a-z0-9-]+--title"[^>]*>.*?</a>')


def page_html(html_text: str) -> str:
    """The rendered page without the "#" permalinks the toc extension adds to step headings
    (a step is reached by playing; its address is the step's own #id)."""
    return HEADERLINK.sub("", html_text)


def toc(items) -> list:
    """The page's table of contents without the steps (it would list every ending)."""
    return [item for item in items if not str(getattr(item, "id", "")).endswith("--title")]


def _md_text(text: str) -> str:
    """A title as Markdown link text: escaped so that it stays text."""
    escaped = html.escape(str(text), quote=False)
    for char in "\\[]*_`":
        escaped = escaped.replace(char, "\\" + char)
    return escaped
