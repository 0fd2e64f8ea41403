"""The registry of legal acts (hooks/data/acts.yml) and how lessons cite them.

Plain Python, no MkDocs. ``load()`` reads and validates the registry (every error names
file:line); ``resolve()`` turns one ``sources:`` item of a lesson into what a reader sees —
the act's title in the reader's language, the article, the link to the act in that language
(or to the Russian text, marked as such, where the registry says so); ``changes_since()``
gives the rows of the "Changes in the laws our lessons cite" page.

A citation in front matter::

    sources:
      - act: criminal-code      # an id of hooks/data/acts.yml
        article: "232-1"        # or a list: ["18", "30"]; optional
        part: 1                 # optional, needs article
        historical: true        # optional: the lesson cites a superseded act as history
        note: why it is cited   # optional
      - title: A news page      # any other source: title, url (a page, not a site root)
        url: https://...
        published: 2026-01-08   # date published (required for a statistic)
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from hooks.content import yamlsrc
from hooks.content.yamlsrc import ContentError, as_date

DATA = Path(__file__).resolve().parents[1] / "data"
REGISTRY_FILE = DATA / "acts.yml"
SHOWN = "hooks/data/acts.yml"
LANGS = ("kk", "ru", "en")
KINDS = ("constitution", "code", "constitutional-law", "law", "presidential-decree",
         "government-resolution", "order")
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ARTICLE_PATTERN = re.compile(r"^\d+(-\d+)?$")
OFFICIAL_HOST = "adilet.zan.kz"
ADILET_LANG = {"kk": "kaz", "ru": "rus", "en": "eng"}


@dataclass
class Change:
    date: dt.date
    what: dict            # lang -> text
    articles: list = field(default_factory=list)


@dataclass
class Act:
    id: str
    kind: str
    document: str
    title: dict           # lang -> text
    urls: dict            # lang -> URL
    line: int             # line of the entry in acts.yml
    en_text: str = "en"   # language of the text the English link opens
    number: str = ""
    adopted: dt.date | None = None
    in_force: dt.date | None = None
    edition_checked: dt.date | None = None
    superseded_by: str = ""
    repealed_on: dt.date | None = None
    to_recheck: bool = False
    changes: list = field(default_factory=list)
    source: str = ""

    def text_lang(self, lang: str) -> str:
        """Language of the text behind ``urls[lang]``."""
        return self.en_text if lang == "en" else lang

    @property
    def latest_change(self) -> dt.date | None:
        """The newest date on which the act's text (or its force) changed."""
        dates = [c.date for c in self.changes] + [d for d in (self.in_force, self.repealed_on) if d]
        return max(dates) if dates else None

    def is_current(self, on: dt.date) -> bool:
        return not (self.superseded_by or (self.repealed_on and self.repealed_on <= on))


# ----- URLs ------------------------------------------------------------------
def is_site_root(url: str) -> bool:
    """True for an address that names a whole site (or a section index), not a page.

    ``https://egemen.kz``, ``https://egov.kz/`` and a bare organisation index such as
    ``https://www.gov.kz/memleket/entities/prokuror`` are roots: a reader cannot find the
    cited fact there.
    """
    parts = urlsplit(url.strip())
    path = parts.path.strip("/")
    if not path and not parts.query:
        return True
    segments = path.split("/")
    # gov.kz: /memleket/entities/<agency>[/<lang>] is an agency's home page
    if parts.hostname and parts.hostname.endswith("gov.kz") and segments[:2] == ["memleket", "entities"]:
        return len(segments) <= 3 or (len(segments) == 4 and segments[3] in ("kk", "ru", "en", "about"))
    return False


# ----- loading -----------------------------------------------------------------
def _text_map(value, where: str, at: int, errors: list, key: str) -> dict:
    if not isinstance(value, dict) or any(not isinstance(value.get(l), str) or not value.get(l).strip()
                                          for l in LANGS):
        errors.append(ContentError(where, at, f"'{key}' needs text in kk, ru and en",
                                   f"write {key}: with kk:, ru: and en: lines"))
        return {l: str((value or {}).get(l, "")) if isinstance(value, dict) else "" for l in LANGS}
    return {l: value[l].strip() for l in LANGS}


def parse(text: str, shown: str = SHOWN) -> tuple[dict, list]:
    """(acts by id, errors) from the text of a registry file."""
    doc = yamlsrc.load(text, shown)
    errors: list = []
    data = doc.value if isinstance(doc.value, dict) else {}
    items = data.get("acts")
    if not isinstance(items, list):
        return {}, [ContentError(shown, doc.line(), "the file must have a list 'acts:'",
                                 "start it with 'acts:' and one '- id: ...' entry per act")]
    acts: dict = {}
    known_keys = {"id", "kind", "document", "title", "urls", "en_text", "number", "adopted", "in_force",
                  "edition_checked", "superseded_by", "repealed_on", "to_recheck", "changes", "source"}
    for i, item in enumerate(items):
        at = doc.line("acts", i)

        def line(*key):
            return doc.line("acts", i, *key)

        def err(message, hint="", key=()):
            errors.append(ContentError(shown, line(*key) if key else at, message, hint))

        if not isinstance(item, dict):
            err("each act must be a mapping with id:, kind:, title:, urls:")
            continue
        for key in sorted(set(item) - known_keys):
            err(f"unknown key '{key}'", "the keys are: " + ", ".join(sorted(known_keys)), (key,))
        act_id = item.get("id")
        if not isinstance(act_id, str) or not ID_PATTERN.match(act_id):
            err("'id' must be lowercase letters, digits and hyphens", "e.g. id: criminal-code", ("id",))
            continue
        if act_id in acts:
            err(f"the id '{act_id}' is used twice", "give each act its own id", ("id",))
            continue
        kind = item.get("kind")
        if kind not in KINDS:
            err(f"'kind' must be one of: {', '.join(KINDS)}", key=("kind",))
        document = item.get("document")
        if not isinstance(document, str) or not document.strip():
            err("'document' must be the adilet document id", "e.g. document: K1400000226", ("document",))
            document = ""
        title = _text_map(item.get("title"), shown, line("title"), errors, "title")
        urls = item.get("urls") if isinstance(item.get("urls"), dict) else {}
        en_text = item.get("en_text", "en")
        if en_text not in LANGS:
            err("'en_text' must be kk, ru or en (the language of the text the English link opens)",
                key=("en_text",))
            en_text = "en"
        clean_urls = {}
        for lang in LANGS:
            url = urls.get(lang)
            want = ADILET_LANG[en_text if lang == "en" else lang]
            if not isinstance(url, str) or urlsplit(url).scheme != "https" \
                    or urlsplit(url).hostname != OFFICIAL_HOST:
                err(f"urls.{lang} must be the https://{OFFICIAL_HOST}/ page of the document",
                    f"e.g. https://{OFFICIAL_HOST}/{want}/docs/{document or 'K1400000226'}", ("urls", lang))
                continue
            path = urlsplit(url).path.strip("/").split("/")
            if len(path) < 3 or path[1] != "docs" or (document and path[2] != document):
                err(f"urls.{lang} must open the document {document or '(id)'}",
                    f"write https://{OFFICIAL_HOST}/{want}/docs/{document}", ("urls", lang))
            elif path[0] != want:
                err(f"urls.{lang} opens the '{path[0]}' text but the {lang} text is '{want}'",
                    "link the text in that language, or for English set en_text: ru and link the Russian text",
                    ("urls", lang))
            clean_urls[lang] = url
        dates = {}
        for key in ("adopted", "in_force", "edition_checked", "repealed_on"):
            if item.get(key) is None:
                dates[key] = None
                continue
            dates[key] = as_date(item.get(key))
            if dates[key] is None:
                err(f"'{key}' must be a date like 2026-03-08", key=(key,))
        changes = []
        for j, change in enumerate(item.get("changes") or []):
            date = as_date(change.get("date")) if isinstance(change, dict) else None
            if date is None:
                err("each change needs date: (like 2025-09-16) and what: in kk, ru, en", key=("changes", j))
                continue
            what = _text_map(change.get("what"), shown, line("changes", j, "what"), errors, "what")
            articles = [str(a) for a in change.get("articles") or []]
            changes.append(Change(date, what, articles))
        acts[act_id] = Act(
            id=act_id, kind=str(kind), document=document, title=title, urls=clean_urls, line=at,
            en_text=en_text, number=str(item.get("number") or ""), adopted=dates["adopted"],
            in_force=dates["in_force"], edition_checked=dates["edition_checked"],
            superseded_by=str(item.get("superseded_by") or ""), repealed_on=dates["repealed_on"],
            to_recheck=bool(item.get("to_recheck")), changes=changes, source=str(item.get("source") or ""),
        )
    for act in acts.values():
        if act.superseded_by and act.superseded_by not in acts:
            errors.append(ContentError(shown, act.line, f"'{act.id}' is superseded by an unknown act "
                                       f"'{act.superseded_by}'", "use an id from this file"))
    return acts, errors


def load(path: Path = REGISTRY_FILE) -> dict:
    """The registry, by id; raises the first ContentError if the file is wrong."""
    return yamlsrc.load_registry(path, parse, SHOWN if path == REGISTRY_FILE else str(path))


# ----- citations ---------------------------------------------------------------
def _strings() -> dict:
    import yaml
    with open(DATA / "strings.yml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


STRINGS = _strings()   # the same file hooks/content/strings.py reads; no import of it (no cycle)


def t(key: str, lang: str, **values) -> str:
    text = STRINGS[key][lang]
    return text.format(**values) if values else text


def articles_of(citation: dict) -> list[str]:
    value = citation.get("article")
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value]
    return [str(value).strip()]


def article_label(citation: dict, lang: str) -> str:
    articles = articles_of(citation)
    if not articles:
        return ""
    if len(articles) > 1:
        return t("cite.articles", lang, a=", ".join(articles))
    if citation.get("part") is not None:
        return t("cite.article_part", lang, a=articles[0], p=citation["part"])
    return t("cite.article", lang, a=articles[0])


@dataclass
class Shown:
    """One source as a reader sees it."""

    title: str
    url: str
    article: str = ""     # localized "Article 232-1"
    note: str = ""
    url_lang: str = ""    # set when the linked text is in another language ("in Russian")
    published: str = ""   # ISO date of a non-act source
    act: Act | None = None
    historical: bool = False
    lang: str = ""        # a non-act source a translation took from the original: its language


def resolve(citation: dict, lang: str, registry: dict | None = None) -> Shown:
    """What a reader of ``lang`` sees for one ``sources:`` item (act or other source)."""
    registry = load() if registry is None else registry
    note = str(citation.get("note") or "")
    if "act" in citation:
        act = registry.get(str(citation["act"]))
        if act is None:  # reported by hooks/content/citations.py (unknown act id); show the id meanwhile
            return Shown(title=str(citation["act"]), url="", article=article_label(citation, lang), note=note)
        text_lang = act.text_lang(lang)
        return Shown(
            title=act.title[lang], url=act.urls[lang], article=article_label(citation, lang), note=note,
            url_lang=t(f"lang.{text_lang}", lang) if text_lang != lang else "",
            act=act, historical=bool(citation.get("historical")),
        )
    published = as_date(citation.get("published"))
    return Shown(title=str(citation.get("title", "")), url=str(citation.get("url", "")),
                 article=str(citation.get("article") or ""), note=note,
                 published=published.isoformat() if published else "", lang=str(citation.get("lang") or ""))


# ----- the changes page ----------------------------------------------------------
@dataclass
class ChangeRow:
    date: dt.date
    act: Act
    what: dict            # lang -> text
    lessons: list         # lesson ids that cite the act


def changes_since(registry: dict, today: dt.date, citing: dict, days: int = 365) -> list[ChangeRow]:
    """Acts that came into force, changed or stopped applying in the last ``days`` days.

    ``citing`` maps act id -> lesson ids that cite it. Newest first.
    """
    start = today - dt.timedelta(days=days)
    rows = []
    for act in registry.values():
        events = [(c.date, c.what) for c in act.changes]
        if act.in_force and not any(d == act.in_force for d, _ in events):
            events.append((act.in_force, {l: t("changes.in_force", l) for l in LANGS}))
        if act.repealed_on and not any(d == act.repealed_on for d, _ in events):
            events.append((act.repealed_on, {l: t("changes.repealed", l) for l in LANGS}))
        for date, what in events:
            if start <= date <= today:
                rows.append(ChangeRow(date, act, what, sorted(citing.get(act.id, []))))
    rows.sort(key=lambda r: (r.date, r.act.id), reverse=True)
    return rows
