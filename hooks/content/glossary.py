"""Glossary of legal words: data, checks, the glossary page and in-lesson definitions.

One file per language, ``hooks/data/glossary/<lang>.yml`` (data, not published as is):
a list of terms with an ASCII ``id`` shared by the three languages, the ``term``, a plain
``explanation``, an optional source — ``act`` (+ ``article``) from the registry of acts
(hooks/content/acts.py), or ``law``/``url`` — and the word forms to ``match`` in lessons.

* ``check_catalog`` (a build checker) reports a broken glossary file as errors and a term
  id that one language has and another lacks as a warning, each with file:line.
* ``page_markdown`` writes the glossary page (docs/<lang>/glossary.md): every term as a
  heading with its id as anchor (``glossary/#fraud`` in every language), in alphabetical order.
* ``mark_terms`` works on a lesson's HTML: the first time a term appears in running text
  (never in headings, links, code or the quiz) the word becomes a link to its definition in
  a "Words in this lesson" list at the end of the text, footnote style. The link carries
  ``aria-describedby`` so a screen reader reads the definition with the word; keyboard and
  touch users follow the link and come back with "Back to the text". No hover, no script.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from hooks.content.yamlsrc import ContentError, load as load_yaml

GLOSSARY_DIR = Path(__file__).resolve().parents[1] / "data" / "glossary"
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
FIELDS = {"id", "term", "explanation", "law", "url", "act", "article", "match"}

# Alphabetical order of the terms on the glossary page.
ALPHABETS = {
    "kk": "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "en": "abcdefghijklmnopqrstuvwxyz",
}


@dataclass
class Term:
    id: str
    term: str
    explanation: str
    law: str = ""
    url: str = ""
    match: list = field(default_factory=list)
    line: int = 1


@dataclass
class Glossary:
    lang: str
    path: str                      # as shown to editors
    terms: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    def by_id(self) -> dict:
        return {term.id: term for term in self.terms}


def shown_path(lang: str) -> str:
    return f"hooks/data/glossary/{lang}.yml"


def read(lang: str, directory: Path = GLOSSARY_DIR) -> Glossary:
    """Read and check one language's glossary; problems go to ``errors`` (never raised)."""
    path = Path(directory) / f"{lang}.yml"
    shown = shown_path(lang) if Path(directory) == GLOSSARY_DIR else str(path)
    glossary = Glossary(lang, shown)
    if not path.is_file():
        glossary.errors.append(ContentError(shown, 1, "the glossary file is missing",
                                            "copy hooks/data/glossary/kk.yml and translate it"))
        return glossary
    try:
        data = load_yaml(path.read_text(encoding="utf-8"), shown)
    except ContentError as exc:
        glossary.errors.append(exc)
        return glossary
    value = data.value if isinstance(data.value, dict) else {}
    items = value.get("terms")
    if not isinstance(items, list):
        glossary.errors.append(ContentError(shown, data.line(), "the glossary must have 'terms:' with a list of terms"))
        return glossary
    seen: dict = {}
    for i, item in enumerate(items):
        at = data.line("terms", i)
        if not isinstance(item, dict):
            glossary.errors.append(ContentError(shown, at, "each term needs id:, term: and explanation:"))
            continue
        unknown = set(item) - FIELDS
        if unknown:
            glossary.errors.append(ContentError(
                shown, at, f"unknown field(s): {', '.join(sorted(unknown))}",
                "the fields are: " + ", ".join(sorted(FIELDS))))
        term_id = item.get("id")
        if not isinstance(term_id, str) or not ID_PATTERN.match(term_id):
            glossary.errors.append(ContentError(
                shown, data.line("terms", i, "id"), "'id' must be lowercase ASCII letters, digits and hyphens",
                "write it like: id: personal-data (the same in every language)"))
            continue
        if term_id in seen:
            glossary.errors.append(ContentError(
                shown, data.line("terms", i, "id"), f"the term id '{term_id}' is used twice (also on line {seen[term_id]})",
                "keep one entry per term"))
            continue
        seen[term_id] = at
        ok = True
        for name in ("term", "explanation"):
            if not isinstance(item.get(name), str) or not item[name].strip():
                glossary.errors.append(ContentError(
                    shown, data.line("terms", i, name), f"'{name}' of '{term_id}' must be non-empty text"))
                ok = False
        for name in ("law", "url"):
            if name in item and not isinstance(item[name], str):
                glossary.errors.append(ContentError(shown, data.line("terms", i, name), f"'{name}' must be text"))
                ok = False
        url = item.get("url") or ""
        if url and isinstance(url, str) and not re.match(r"^https://[^\s<>\"']+$", url):
            glossary.errors.append(ContentError(
                shown, data.line("terms", i, "url"), "'url' must start with https://",
                "e.g. https://adilet.zan.kz/kaz/docs/K1400000226"))
            ok = False
        law, url = str(item.get("law") or "").strip(), str(url).strip()
        if "act" in item:
            from hooks.content import acts
            registry = acts.load()
            act = registry.get(str(item.get("act")))
            if act is None:
                glossary.errors.append(ContentError(
                    shown, data.line("terms", i, "act"), f"unknown act id '{item.get('act')}'",
                    "use an id from hooks/data/acts.yml: " + ", ".join(sorted(registry))))
                ok = False
            elif act.superseded_by or act.repealed_on:
                glossary.errors.append(ContentError(
                    shown, data.line("terms", i, "act"), f"'{act.id}' no longer applies",
                    f"cite the act in force ({act.superseded_by or 'see hooks/data/acts.yml'})"))
                ok = False
            else:
                shown_source = acts.resolve({"act": act.id, "article": item.get("article")}
                                            if item.get("article") is not None else {"act": act.id}, lang)
                law = shown_source.title + (", " + shown_source.article if shown_source.article else "")
                if shown_source.url_lang:
                    law += f" ({shown_source.url_lang})"
                url = shown_source.url
        match = item.get("match", [item.get("term")])
        if not isinstance(match, list) or not all(isinstance(m, str) and m.strip() for m in match):
            glossary.errors.append(ContentError(
                shown, data.line("terms", i, "match"), "'match' must be a list of word forms",
                "e.g. match: [алаяқтық*, алаяқ]"))
            ok = False
        if ok:
            glossary.terms.append(Term(term_id, item["term"].strip(), item["explanation"].strip(), law, url,
                                       [m.strip() for m in match], at))
    return glossary


_CACHE: dict = {}


def get(lang: str) -> Glossary:
    """The glossary of a language, read once per file version."""
    path = GLOSSARY_DIR / f"{lang}.yml"
    stamp = path.stat().st_mtime_ns if path.is_file() else None
    key = (lang, stamp)
    if key not in _CACHE:
        _CACHE[key] = read(lang)
    return _CACHE[key]


def check(glossaries: dict) -> tuple[list, list]:
    """Errors of each file, and warnings for term ids missing in another language."""
    errors, warnings = [], []
    for glossary in glossaries.values():
        errors.extend(glossary.errors)
    all_ids: dict = {}
    for lang, glossary in glossaries.items():
        for term in glossary.terms:
            all_ids.setdefault(term.id, []).append((lang, term))
    for term_id, found in all_ids.items():
        have = {lang for lang, _ in found}
        for lang, glossary in glossaries.items():
            if lang in have:
                continue
            other_lang, other = found[0]
            warnings.append(ContentError(
                glossary.path, 1,
                f"the term '{term_id}' ({other.term}) is in {glossaries[other_lang].path}:{other.line} "
                f"but missing in the '{lang}' glossary",
                f"add a term with id: {term_id} here, translated",
            ))
    return errors, warnings


def check_catalog(catalog) -> None:
    """Build checker: glossary files are valid and have the same term ids in every language."""
    from hooks.content.rules import LANGS

    errors, warnings = check({lang: get(lang) for lang in LANGS})
    catalog.errors.extend(errors)
    catalog.warnings.extend(warnings)


# ----- the glossary page ----------------------------------------------------------
def sort_key(lang: str):
    alphabet = ALPHABETS.get(lang, "")

    def key(term: Term):
        return [alphabet.index(ch) if ch in alphabet else 1000 + ord(ch) for ch in term.term.lower()]
    return key


def page_markdown(lang: str, t) -> str:
    """Markdown for the list on docs/<lang>/glossary.md (appended after the editor's intro)."""
    glossary = get(lang)
    out = []
    for term in sorted(glossary.terms, key=sort_key(lang)):
        out.append(f"## {_md_text(term.term)} {{#{term.id}}}\n")
        out.append(_md_text(term.explanation) + "\n")
        if term.law:
            law = _md_text(term.law)
            if term.url:
                law = f"[{law}]({term.url})"
            out.append(f"{t.t('glossary.law')}: {law}\n")
    return "\n".join(out)


def _md_text(text: str) -> str:
    """Editor's text as literal Markdown: no HTML, no accidental emphasis or links."""
    text = html.escape(text, quote=False)
    return re.sub(r"([\\`*_\[\]{}#|])", r"\\\1", text)


# ----- definitions in lessons -----------------------------------------------------
def _pattern(form: str) -> str:
    parts = []
    for word in form.split():
        if word.endswith("*"):
            parts.append(re.escape(word[:-1]) + r"\w*")
        else:
            parts.append(re.escape(word))
    return r"\s+".join(parts)


_MATCHERS: dict = {}


def matcher(glossary: Glossary):
    """One regex for all word forms of a language, longest forms first; group name -> term."""
    key = (glossary.lang, id(glossary))
    if key not in _MATCHERS:
        forms = []
        for index, term in enumerate(glossary.terms):
            for form in term.match:
                forms.append((len(form.replace("*", "")), form, index))
        forms.sort(key=lambda item: -item[0])
        alternatives = [f"(?P<t{index}_{n}>{_pattern(form)})" for n, (_, form, index) in enumerate(forms)]
        regex = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE) if forms else None
        _MATCHERS[key] = regex
    return _MATCHERS[key]


# Where a definition link must never go.
SKIP_TAGS = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "kbd", "samp", "script", "style",
             "textarea", "button", "select", "option", "label", "legend", "summary", "dfn", "abbr",
             "svg", "math", "figcaption", "template", "noscript", "form", "fieldset", "nav", "sup"}
SKIP_CLASSES = re.compile(r"quiz|zb-terms|admonition-title|headerlink|zb-noterms|footnote")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_TOKENS = re.compile(r"(<!--.*?-->|<script\b.*?</script>|<style\b.*?</style>|<[^>]+>)", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<\s*(/)?\s*([a-zA-Z][a-zA-Z0-9-]*)([^>]*?)(/)?\s*>", re.DOTALL)


def mark_terms(content: str, glossary: Glossary, t, glossary_url: str) -> tuple[str, list]:
    """Link the first use of each term to a definition list appended to ``content``.

    ``t`` is a Translator in the language of the text; ``glossary_url`` is the relative
    URL of the glossary page. Returns the new HTML and the ids of the terms found.
    """
    regex = matcher(glossary)
    if regex is None or not content:
        return content, []
    terms = glossary.terms
    used: list = []
    stack: list = []      # open elements: (name, skip)
    out = []
    for token in _TOKENS.split(content):
        if not token:
            continue
        if token.startswith("<"):
            out.append(token)
            m = _TAG.match(token)
            if not m or token.startswith("<!"):
                continue
            closing, name, attrs, selfclose = m.group(1), m.group(2).lower(), m.group(3), m.group(4)
            if closing:
                for depth in range(len(stack) - 1, -1, -1):
                    if stack[depth][0] == name:
                        del stack[depth:]
                        break
            elif name not in VOID and not selfclose:
                klass = re.search(r"""class\s*=\s*["']([^"']*)["']""", attrs)
                skip = name in SKIP_TAGS or bool(klass and SKIP_CLASSES.search(klass.group(1))) \
                    or "data-zb-noterms" in attrs
                stack.append((name, skip))
            continue
        if not stack or any(skip for _, skip in stack) or not token.strip():
            out.append(token)
            continue

        def link(m):
            index = int(next(name for name, value in m.groupdict().items() if value is not None)[1:].split("_")[0])
            term = terms[index]
            if term.id in used:
                return m.group(0)
            used.append(term.id)
            return (f'<a class="zb-term" href="#zb-def-{term.id}" id="zb-ref-{term.id}" '
                    f'aria-describedby="zb-def-{term.id}-text">{m.group(0)}</a>')

        out.append(regex.sub(link, token))
    if not used:
        return content, []
    by_id = glossary.by_id()
    items = []
    for term_id in used:
        term = by_id[term_id]
        law = ""
        if term.law:
            law_text = html.escape(term.law)
            if term.url:
                law_text = f'<a href="{html.escape(term.url)}">{law_text}</a>'
            law = f'<p class="zb-terms__law">{html.escape(t.t("glossary.law"))}: {law_text}</p>'
        back = html.escape(t.t("glossary.back"))
        items.append(
            f'<dt id="zb-def-{term.id}"><dfn>{html.escape(term.term)}</dfn></dt>\n'
            f'<dd><p id="zb-def-{term.id}-text">{html.escape(term.explanation)}</p>{law}'
            f'<p class="zb-terms__links"><a href="#zb-ref-{term.id}" '
            f'aria-label="{back}: {html.escape(term.term)}">{back}</a> · '
            f'<a href="{html.escape(glossary_url)}#{term.id}">{html.escape(t.t("glossary.in_glossary"))}</a></p></dd>'
        )
    section = (
        '\n<section class="zb-terms" aria-labelledby="zb-terms-title">\n'
        f'<h2 id="zb-terms-title">{html.escape(t.t("glossary.section"))}</h2>\n'
        '<dl class="zb-terms__list">\n' + "\n".join(items) + "\n</dl>\n</section>\n"
    )
    return "".join(out) + section, used


# ----- helpers for the build hooks --------------------------------------------------
def page_markdown_for(markdown: str, lang: str) -> str:
    """on_page_markdown of docs/<lang>/glossary.md: the editor's intro, then every term."""
    from hooks.content.strings import Translator

    return markdown.rstrip() + "\n\n" + page_markdown(lang, Translator(lang)) + "\n"


def mark_page(content: str, lang: str, page_url: str) -> str:
    """on_page_content of a lesson or easy-read page whose text is in ``lang``."""
    from mkdocs.utils import get_relative_url

    from hooks.content.rules import url_of
    from hooks.content.strings import Translator

    from hooks.content import memo

    glossary_url = get_relative_url(url_of(lang, "glossary.md"), page_url)
    # kept on disk by the page's HTML and address (hooks/content/memo.py; the glossary is data)
    return memo.get("glossary-page", (content, lang, glossary_url),
                    lambda: mark_terms(content, get(lang), Translator(lang), glossary_url)[0])
