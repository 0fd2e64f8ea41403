"""Markdown the build writes into pages from the legal data: the help-number table
(``[[helplines]]``), the "Changes in the laws our lessons cite" page (``[[law-changes]]``),
and on the editors' page the review queue and the withdrawn lessons.

Plain Python, no MkDocs: ``expand(markdown, catalog, lang)`` replaces the block tokens and the
``[[tel:N]]`` tokens (hooks/content/helplines.py). Editors' text that goes into the Markdown is escaped.
"""
from __future__ import annotations

import datetime as dt
import html
import re

from hooks.content import acts, citations, helplines
from hooks.content.strings import Translator

BLOCK = re.compile(r"(?m)^\[\[(helplines|law-changes|review-queue|withdrawn)\]\][ \t]*$")


def _md(text: str) -> str:
    """Plain text that Markdown shows as written (HTML escaped, Markdown punctuation kept inert)."""
    return re.sub(r"([\\`*_\[\]|<>#])", r"\\\1", html.unescape(str(text))).replace("\n", " ")


def helplines_table(lang: str) -> str:
    t = Translator(lang)
    rows = [f"| {t.t('helplines.number')} | {t.t('helplines.service')} | {t.t('helplines.when')} |",
            "| --- | --- | --- |"]
    for line in helplines.ordered():
        extra = []
        if line.hours == "24/7" and line.free:
            extra.append(t.t("helplines.hours_free"))
        elif line.hours == "24/7":
            extra.append(t.t("helplines.hours"))
        elif line.free:
            extra.append(t.t("helplines.free"))
        when = _md(line.when[lang]) + (f" ({', '.join(extra)})" if extra else "")
        link = f'<a class="zb-tel" href="tel:{line.number}">{line.number}</a>'
        rows.append(f"| {link} | {_md(line.name[lang])} | {when} |")
    return "\n".join(rows)


def _lesson_link(catalog, lesson_id: str, lang: str) -> str:
    entry = catalog.best(lesson_id, lang)
    return f"[{_md(entry.title)}]({entry.rel})" if entry is not None else _md(lesson_id)


def changes_markdown(catalog, lang: str) -> str:
    t = Translator(lang)
    registry = acts.load()
    rows = acts.changes_since(registry, catalog.today, citations.citing(catalog))
    start = catalog.today - dt.timedelta(days=365)
    out = [t.t("changes.intro", start=start.isoformat(), end=catalog.today.isoformat()), ""]
    if not rows:
        return "\n".join(out + [t.t("changes.none")])
    for row in rows:
        act = row.act
        shown = acts.resolve({"act": act.id}, lang, registry)
        lang_note = f" ({shown.url_lang})" if shown.url_lang else ""
        out.append(f"- **{row.date.isoformat()}** — [{_md(shown.title)}]({shown.url}){lang_note}: {_md(row.what[lang])}")
        details = []
        if act.edition_checked:
            details.append(t.t("changes.edition", date=act.edition_checked.isoformat()))
        if act.to_recheck:
            details.append(t.t("changes.recheck").capitalize() + ".")
        if details:
            out.append(f"  {' '.join(details)}")
        if row.lessons:
            out.append(f"  {t.t('changes.cited_by')} "
                       + ", ".join(_lesson_link(catalog, lid, lang) for lid in row.lessons) + ".")
        else:
            out.append(f"  {t.t('changes.not_cited')}")
    return "\n".join(out)


def review_queue_markdown(catalog, lang: str) -> str:
    t = Translator(lang)
    queue = citations.queue_for(catalog)
    out = [f"## {t.t('editors.queue_heading')}", ""]
    if not queue:
        return "\n".join(out + [t.t("editors.queue_empty")])
    out += [t.t("editors.queue_intro"), ""]
    for due in queue:
        title = acts.resolve({"act": due.act.id}, lang).title
        out.append(f"1. `{due.path}` — " + _md(t.t(
            "editors.queue_row", act=title, changed=due.changed.isoformat(), reviewed=due.reviewed.isoformat())))
    return "\n".join(out)


def withdrawn_markdown(catalog, lang: str) -> str:
    t = Translator(lang)
    out = [f"## {t.t('editors.withdrawn_heading')}", ""]
    withdrawn = catalog.withdrawn()
    if not withdrawn:
        return "\n".join(out + [t.t("editors.withdrawn_none")])
    out += [t.t("editors.withdrawn_intro"), ""]
    for entry in withdrawn:
        out.append(f"- `{entry.path}` — <span lang=\"{entry.lang}\">{html.escape(str(entry.meta['withdrawn']))}</span>")
    return "\n".join(out)


def expand(markdown: str, catalog, lang: str, path: str = "", first_line: int = 1) -> str:
    """Block tokens on a line of their own, then the ``[[tel:N]]`` tokens."""
    def block(match):
        name = match.group(1)
        if name == "helplines":
            return helplines_table(lang)
        if name == "law-changes":
            return changes_markdown(catalog, lang)
        if name == "review-queue":
            return review_queue_markdown(catalog, lang)
        return withdrawn_markdown(catalog, lang)

    if "[[" not in markdown:
        return markdown
    # tokens first (their lines are counted in the editor's file), then the generated blocks
    markdown = helplines.expand(markdown, lang, path, first_line)
    return BLOCK.sub(block, markdown)


def law_banner(catalog, entry, lang: str) -> str:
    """The reader's banner when an act the page cites changed after its review, else ""."""
    if entry is None or entry.kind not in ("lesson", "easy"):
        return ""
    page = citations.page_of(entry)
    if entry.kind == "easy":  # an easy-read edition relies on its lesson's sources
        standard = catalog.get(entry.lang, entry.rel.replace(".easy.md", ".md"))
        if standard is not None:
            page.meta = dict(page.meta, sources=citations.page_of(standard).meta.get("sources"))
    found = citations.law_changed(page, catalog.today)
    if not found:
        return ""
    act, changed = max(found, key=lambda pair: pair[1])
    t = Translator(lang)
    return t.t("review.law_changed", act=acts.resolve({"act": act.id}, lang).title,
               changed=changed.isoformat(), reviewed=citations.reviewed_on(page).isoformat())
