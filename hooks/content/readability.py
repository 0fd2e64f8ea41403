"""Readability of lessons and easy-read editions, in Kazakh, Russian and English.

Plain Python, no network, no third-party text libraries. The rules (vowels,
abbreviations, limits) are data in ``hooks/data/readability.yml``.

What it measures, from the Markdown body of a file:

* sentences — split at . ! ? … except after known abbreviations (ru "т.е.", kk "т.б.",
  en "e.g."); every heading, list item and table cell is a sentence of its own;
  ```quiz blocks, code and HTML tags are skipped; each sentence keeps its file line;
* words, and syllables by vowels (Kazakh: у/и right after a vowel are glides, so
  тау = 1, ауыл = 2; English: vowel groups with a silent-e rule);
* mean and max words per sentence, the share of long words, Flesch reading ease
  for Russian (Oborneva: 206.835 − 1.3·ASL − 60.1·ASW), the Flesch–Kincaid grade
  for English, and all-caps abbreviations that the text never explains.

Easy-read editions (``<slug>.easy.md``) must stay within the limits: ``check_catalog``
(registered in the build's CHECKERS) turns each breach into a ContentError naming the
sentences with file:line. Standard lessons are measured and reported only.

Editors can check one file::

    .venv/bin/python -m hooks.content.readability docs/ru/fraud/droppers.easy.md

It prints every sentence with its numbers and exits with 1 when a limit is passed.
"""
from __future__ import annotations

import html
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from hooks.content import memo
from hooks.content.yamlsrc import ContentError

DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "readability.yml"


def _load_rules() -> dict:
    with open(DATA_FILE, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


RULES = _load_rules()
LANG_RULES: dict = RULES["languages"]

_MASK = "\ue000"  # stands in for the full stop of an abbreviation (same length as ".")
_CYRILLIC = re.compile(r"[а-яёәғқңөұүһі]", re.IGNORECASE)
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)
_WORD = re.compile(
    r"(?<!\d)\d{1,3}(?:[ \u00a0\u202f,]\d{3})+(?![\d])(?:[.,]\d+)?(?:-[^\W\d_]+)?"  # 31 433, 222,000
    r"|[^\W_]+(?:[-'’.,@/][^\W_]+)*")
_BOUNDARY = re.compile(r"[.!?…]+[»\"”’')\]]*(?=\s|$)")
_CAPS = re.compile(r"(?<!\w)[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,6}(?!\w)")
_ROMAN = re.compile(r"^[IVXLCDM]+$")


# ----- words and syllables ----------------------------------------------------
def words(text: str) -> list[str]:
    """Words of a sentence: runs of letters or digits; SMS-пен, 102-ге, adilet.zan.kz are one word."""
    return _WORD.findall(text)


def _is_name_like(word: str) -> bool:
    """Web addresses and e-mail addresses: one word, one syllable, never long."""
    return any(sep in word for sep in "./@")


# Vowel pairs spoken as two syllables (hiatus): i-de-a, cre-ate, be-ing, me-di-a, ac-tu-al,
# vi-o-lent, flu-ent, re-al. The rules below are the exceptions to "one vowel group, one syllable".
_EN_HIATUS = [
    re.compile(r"[^aeiouy]ia(?!n?$)|^ia"),        # me-di-a, pi-a-no, di-a-ry
    re.compile(r"ia$|ian$"),                       # me-di-a, guard-i-an
    re.compile(r"(?<!ll)(?<!in)io"),               # vi-o-lent, ra-di-o, se-ri-ous (not mil-lion, o-pin-ion)
    re.compile(r"[^qg]ua"),                        # ac-tu-al, u-su-al (not quad, lan-guage, guard)
    re.compile(r"[^qg]ue(?=nt|nce|l)"),            # flu-ent, cru-el
    re.compile(r"[^gq]ui(?=n|d$|tion|ty)"),        # ru-in, flu-id, in-tu-i-tion
    re.compile(r"eo"),                             # vid-e-o, ge-ol-o-gy, the-o-ry
    re.compile(r"ea$|ea(?=l$|ls$|ct|te|ting|ted|tion|tive|tor)"),  # i-de-a, re-al, re-act, cre-ate
    re.compile(r"^rei"),                           # re-in-force
    re.compile(r"[aeiou]ing$|[aeiou]ings$"),       # be-ing, do-ing, go-ing
    re.compile(r"iu|ii"),                          # me-di-um
    re.compile(r"uo"),                             # flu-o-ride, du-o
    re.compile(r"(?:[^aeiouy]|qu)iet"),            # qui-et, so-ci-e-ty, di-et
    re.compile(r"(?<![aeiouycst])(?<!fr)ien"),     # cli-ent, ex-pe-ri-ence (not pa-tient, an-cient, friend)
    re.compile(r"oe(?!s?$)"),                      # po-em, po-et (not toe, does)
]
# the i of -cial, -tial, -sion, -tion, -cious, -geous is no syllable of its own
_EN_GLIDE = re.compile(r"(?<=[ctsxg])i(?=a[ln]|ou|on)")
_EN_NOT_HIATUS = re.compile(r"peo|geon$|eou|ueue")
# a silent e before a suffix: safe-ty, late-ly, state-ment, hope-ful, home-less
_EN_SILENT_E = re.compile(r"[aeiouy][^aeiouy]e(?=ly$|ment|ful|less|ness|ty$)")


def _english_syllables(word: str) -> int:
    w = word.lower()
    w = re.sub(r"[^a-z]", "", w)
    if not w:
        return 0
    exceptions = LANG_RULES["en"].get("syllable_exceptions") or {}
    if w in exceptions:
        return exceptions[w]
    count = len(re.findall(r"[aeiouy]+", re.sub(r"^y(?=[aeiou])", "", w)))
    if count > 1 or len(w) > 3:
        # silent final e: make, police, crime (but not table, people, free)
        if w.endswith("e") and not w.endswith(("ee", "ye", "oe", "ie")) and count > 1 and not (
            w.endswith("le") and len(w) > 2 and w[-3] not in "aeiouy"
        ):
            count -= 1
        # -es after a consonant that leaves it silent: makes, crimes (but places, boxes, changes)
        elif w.endswith("es") and len(w) > 3 and w[-3] not in "aeiouyscxzg" and count > 1 \
                and not w.endswith(("ches", "shes")) and not (w.endswith("les") and w[-4] not in "aeiouy"):
            count -= 1
        # -ed after a consonant other than t/d is not a syllable: asked, used (but wanted, agreed)
        elif w.endswith("ed") and len(w) > 3 and w[-3] not in "aeiouytd" and count > 1:
            count -= 1
    count -= len(_EN_SILENT_E.findall(w))
    # hiatus: one vowel group, two syllables
    if not _EN_NOT_HIATUS.search(w):
        glide_free = _EN_GLIDE.sub("", w)
        for pattern in _EN_HIATUS:
            count += len(pattern.findall(glide_free))
    # a vowel + y + vowel is two groups (say-ing, pay-ment is one: y before a consonant)
    count += len(re.findall(r"[aeiou]y[aeiou]", w))
    return max(1, count)


def syllables(word: str, lang: str) -> int:
    """Syllables of one word; at least 1 (numbers and SMS count as one)."""
    if _is_name_like(word):
        return 1
    low = word.lower()
    if lang == "en" or (not _CYRILLIC.search(low) and _LATIN.search(low)):
        return max(1, _english_syllables(low))
    rules = LANG_RULES[lang]
    vowels = rules["vowels"]
    glides = rules.get("glides_after_vowel", "")
    initial = rules.get("glides_before_vowel_at_start", "")
    count = 0
    prev = ""
    for i, ch in enumerate(low):
        nxt = low[i + 1: i + 2]
        glide = (ch in glides and prev and prev in vowels) or (
            i == 0 and ch in initial and nxt and nxt in vowels)
        if ch in vowels and not glide:
            count += 1
        prev = ch
    return max(1, count)


def is_long(word: str, lang: str) -> bool:
    return not _is_name_like(word) and syllables(word, lang) >= LANG_RULES[lang]["long_word_syllables"]


# ----- Markdown to sentences --------------------------------------------------
@dataclass
class Sentence:
    line: int
    text: str
    words: list
    syllables: list
    long_words: list
    running: bool = True       # running text: a paragraph, or a list item written as a sentence
    paragraph: int = 0         # index of its text unit
    hard_words: list = field(default_factory=list)   # long or glossary words not explained

    @property
    def n_words(self) -> int:
        return len(self.words)


_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")
_DEFINITION = re.compile(r"^\s*:\s+(.*)$")
_ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+[\w-]+)*\s*(?:\"(.*)\")?\s*$")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_SKIP_LINE = re.compile(r"^\s*(\{:.*\}|\[[^\]]+\]:\s+\S+.*|\*\[[^\]]+\]:.*|[=-]{3,}|\*{3,}|_{3,})\s*$")


def _inline(text: str) -> str:
    """Markdown/HTML inline markup to plain text."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)                 # images
    text = re.sub(r"\[\[picture:[^\]]*\]\]", " ", text)                  # easy-read pictograms (hooks/editions/easyread.py)
    text = re.sub(r"\[\^[^\]]+\]", "", text)                           # footnote refs
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)               # links
    text = re.sub(r"\[([^\]]*)\]\[[^\]]*\]", r"\1", text)              # reference links
    text = re.sub(r"<(https?://[^>\s]+)>", r"\1", text)                # autolinks
    text = re.sub(r"<br\s*/?>", " ", text, flags=re.IGNORECASE)
    text = re.sub(r"<[^>]+>", "", text)                                # HTML tags
    text = re.sub(r"\{[:#.][^}]*\}", "", text)                         # attribute lists
    text = text.replace("`", "")
    text = re.sub(r"(\*\*|__|~~|\*|(?<![^\W_])_|_(?![^\W_]))", "", text)  # emphasis markers
    text = re.sub(r"^\[[ xX]\]\s+", "", text)                          # task list boxes
    return html.unescape(text).strip()


class Unit(list):
    """Lines [(line, text), ...] of one text unit, and its kind: "paragraph", "item",
    "heading", "cell" (table), "definition" or "title" (admonition)."""

    def __init__(self, lines=(), kind: str = "paragraph"):
        super().__init__(lines)
        self.kind = kind


def units(body: str, first_line: int = 1) -> list[Unit]:
    """Text units of a Markdown body, each a Unit ([(line, text), ...] with its kind).

    Headings, list items, table cells, definitions and admonition titles are units of
    their own; consecutive lines of a paragraph (or of one list item) form one unit.
    """
    out: list = []
    current: Unit | None = None
    fence = ""
    in_comment = False

    def close():
        nonlocal current
        if current:
            out.append(current)
        current = None

    for offset, raw in enumerate(body.split("\n")):
        lineno = first_line + offset
        line = raw
        if fence:
            if re.match(r"^\s*" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}\s*$", line):
                fence = ""
            continue
        if in_comment:
            if "-->" in line:
                in_comment = False
                line = line.split("-->", 1)[1]
            else:
                continue
        while "<!--" in line:
            before, after = line.split("<!--", 1)
            if "-->" in after:
                line = before + after.split("-->", 1)[1]
            else:
                line = before
                in_comment = True
        m = _FENCE.match(line)
        if m:
            close()
            fence = m.group(1)
            continue
        line = re.sub(r"^(\s*>\s?)+", "", line)  # blockquotes
        if not line.strip() or _SKIP_LINE.match(line) or _TABLE_SEP.match(line):
            close()
            continue
        m = _HEADING.match(line)
        if m:
            close()
            out.append(Unit([(lineno, m.group(1))], "heading"))
            continue
        m = _ADMONITION.match(line)
        if m:
            close()
            if m.group(1):
                out.append(Unit([(lineno, m.group(1))], "title"))
            continue
        if line.strip().startswith("|"):
            close()
            for cell in line.strip().strip("|").split("|"):
                if cell.strip():
                    out.append(Unit([(lineno, cell)], "cell"))
            continue
        m = _ITEM.match(line)
        if m:
            close()
            current = Unit([(lineno, m.group(1))], "item")
            continue
        m = _DEFINITION.match(line)
        if m:
            close()
            current = Unit([(lineno, m.group(1))], "definition")
            continue
        if current is None:
            current = Unit()
        current.append((lineno, line.strip()))
    close()
    return out


def _abbreviation_pattern(items: list[str], before_number: bool) -> re.Pattern | None:
    if not items:
        return None
    parts = []
    for abbr in sorted(items, key=len, reverse=True):
        pieces = [re.escape(p) + r"\." for p in abbr.rstrip(".").split(".")]
        parts.append(r"\s?".join(pieces))
    tail = r"(?=\s*\d)" if before_number else ""
    return re.compile(r"(?<![^\W_])(?:" + "|".join(parts) + ")" + tail, re.IGNORECASE)


_ABBR_RE: dict = {}


def _abbr_patterns(lang: str) -> list:
    if lang not in _ABBR_RE:
        rules = LANG_RULES[lang]
        _ABBR_RE[lang] = [p for p in (
            _abbreviation_pattern(rules.get("abbreviations", []), False),
            _abbreviation_pattern(rules.get("abbreviations_before_number", []), True),
            # initials: "Б. Асылов", "A. Smith"
            re.compile(r"(?<![^\W_])[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.(?=\s*[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][^\W\d_])"),
        ) if p is not None]
    return _ABBR_RE[lang]


def split_sentences(text: str, lang: str) -> list[tuple[int, str]]:
    """Sentences of one text unit as (start offset, sentence)."""
    masked = text
    for pattern in _abbr_patterns(lang):
        masked = pattern.sub(lambda m: m.group(0).replace(".", _MASK), masked)
    out = []
    start = 0
    for m in _BOUNDARY.finditer(masked):
        following = masked[m.end():].lstrip()[:1]
        if following.islower():
            continue  # «Тәртіпті өзіңнен баста!» акциясы: a quoted "!" inside a sentence
        out.append((start, masked[start:m.end()]))
        start = m.end()
    if start < len(masked):
        out.append((start, masked[start:]))
    result = []
    for pos, piece in out:
        stripped = piece.strip()
        if not stripped:
            continue
        pos += len(piece) - len(piece.lstrip())
        result.append((pos, stripped.replace(_MASK, ".")))
    return result


_GLOSSARY_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]*glossary[^)\s]*)\)", re.IGNORECASE)
_END = re.compile(r"[.!?…][»\"”’')\]]*$")


def _is_running(unit: Unit, text: str) -> bool:
    """Running text: paragraphs and definitions; list items only when written as sentences
    (ending with . ! ? …). Headings, admonition titles, table cells and list labels are not."""
    if unit.kind in ("paragraph", "definition"):
        return True
    return unit.kind == "item" and bool(_END.search(text.strip()))


def sentences(body: str, lang: str, first_line: int = 1) -> list[Sentence]:
    """Every sentence of a Markdown body, with its file line; ``running`` tells running text
    from headings, labels and table cells; ``hard_words`` are filled in (see ``hard_words``)."""
    result = []
    linked: set = set()
    for index, unit in enumerate(units(body, first_line)):
        joined = ""
        starts = []  # (offset in joined, line)
        for lineno, text in unit:
            for m in _GLOSSARY_LINK.finditer(text):
                linked.update(w.lower() for w in words(_inline(m.group(1))))
            clean = _inline(text)
            if not clean:
                continue
            if joined:
                joined += " "
            starts.append((len(joined), lineno))
            joined += clean
        for pos, text in split_sentences(joined, lang):
            ws = words(text)
            if not ws:
                continue
            line = [ln for off, ln in starts if off <= pos][-1]
            syl = [syllables(w, lang) for w in ws]
            long_words = [w for w in ws if is_long(w, lang)]
            result.append(Sentence(line, text, ws, syl, long_words, _is_running(unit, joined), index))
    mark_hard_words(result, lang, linked)
    return result


# ----- hard words: long or glossary words that nothing explains ------------------------
def _glossary_terms(lang: str):
    """The glossary's matcher for ``lang`` (hooks/data/glossary/<lang>.yml), or None."""
    try:
        from hooks.content import glossary
        found = glossary.get(lang)
    except Exception:  # a broken glossary is reported by its own checker
        return None
    return glossary.matcher(found) if found.terms else None


def _explained(word: str, sentence: str, following: str, lang: str) -> bool:
    """Whether ``word`` is explained in its sentence (word — ..., word (...), word: ...,
    word means ...) or in the next sentence (This means ..., Это значит ..., яғни ...)."""
    rules = LANG_RULES[lang]
    w = re.escape(word)
    by = "|".join(map(re.escape, rules.get("explained_by") or []))
    pattern = rf"(?<!\w){w}\s*(?:[—–:(]|\s-\s" + (rf"|\s+(?:{by})(?!\w)" if by else "") + ")"
    if re.search(pattern, sentence, re.IGNORECASE):
        return True
    if re.search(rf"\([^)]*(?<!\w){w}(?!\w)[^)]*\)", sentence, re.IGNORECASE):
        return True   # "a short word (the long word)": the long word is the explained one
    return any(phrase.lower() in following.lower() for phrase in rules.get("explained_next") or [])


def mark_hard_words(found: list[Sentence], lang: str, linked: set = frozenset()) -> None:
    """Fill ``hard_words`` of each sentence: words that are long or glossary terms, with no
    glossary link and no explanation in the same or the next sentence."""
    terms = _glossary_terms(lang)
    introduced: set = set()      # glossary terms already met (explained or not) earlier in the file
    for i, sentence in enumerate(found):
        following = found[i + 1].text if i + 1 < len(found) else ""
        candidates: list[str] = []
        covered: set = set()
        if terms is not None:
            for m in terms.finditer(sentence.text):
                term = next(name for name, value in m.groupdict().items() if value)
                term = term.split("_")[0]
                # the build links a term's first use in running text to its definition
                # (hooks/content/glossary.py: mark_terms); a term met before has been introduced
                auto_linked = sentence.running and term not in introduced
                if m.group(0).lower() not in linked and term not in introduced and not auto_linked:
                    candidates.append(m.group(0))
                introduced.add(term)
                covered.update(w.lower() for w in words(m.group(0)))
        least = LANG_RULES[lang].get("hard_word_syllables", LANG_RULES[lang]["long_word_syllables"])
        candidates += [w for w, n in zip(sentence.words, sentence.syllables)
                       if n >= least and not _is_name_like(w) and w.lower() not in covered and w.lower() not in linked]
        sentence.hard_words = [w for w in candidates if not _explained(w, sentence.text, following, lang)]


# ----- measures ---------------------------------------------------------------
class Scores:
    """The figures of a text, from its counts: ``Measure`` counts its sentences, ``Figures``
    keeps only the counts (what the report and the editors' page show, for the whole build)."""
    lang: str

    @property
    def mean_words(self) -> float:
        return self.n_words / self.n_sentences if self.n_sentences else 0.0

    @property
    def long_percent(self) -> float:
        return 100.0 * self.n_long / self.n_words if self.n_words else 0.0

    @property
    def asl(self) -> float:
        return self.mean_words

    @property
    def asw(self) -> float:
        return self.n_syllables / self.n_words if self.n_words else 0.0

    @property
    def flesch_ru(self) -> float:
        """Flesch reading ease with Oborneva's coefficients for Russian (higher = easier)."""
        return 206.835 - 1.3 * self.asl - 60.1 * self.asw

    @property
    def fk_grade(self) -> float:
        """Flesch–Kincaid grade level for English (school grade needed)."""
        return 0.39 * self.asl + 11.8 * self.asw - 15.59

    @property
    def flesch_en(self) -> float:
        """Flesch reading ease for English: 206.835 − 1.015·ASL − 84.6·ASW (higher = easier)."""
        return 206.835 - 1.015 * self.asl - 84.6 * self.asw

    def _formula(self, kind: str) -> tuple[str, float] | None:
        if not self.n_sentences:
            return None
        if kind == "flesch_oborneva":
            return ("Flesch", self.flesch_ru)
        if kind == "flesch_kincaid_grade":
            return ("FK grade", self.fk_grade)
        if kind == "flesch_reading_ease":
            return ("Flesch", self.flesch_en)
        return None

    @property
    def formula(self) -> tuple[str, float] | None:
        return self._formula(LANG_RULES[self.lang].get("formula", "none"))

    @property
    def also(self) -> tuple[str, float] | None:
        """A second formula shown beside the first (English: Flesch reading ease)."""
        return self._formula(LANG_RULES[self.lang].get("also", "none"))

    def limits(self) -> dict:
        return LANG_RULES[self.lang]["easy"]

    def over(self) -> dict:
        """Which easy-read limits this text passes: name -> (value, limit)."""
        lim = self.limits()
        out = {}
        if self.mean_words > lim["mean_words_per_sentence"]:
            out["mean"] = (self.mean_words, lim["mean_words_per_sentence"])
        if self.max_words > lim["max_words_per_sentence"]:
            out["max"] = (self.max_words, lim["max_words_per_sentence"])
        if self.long_percent > lim["long_words_percent"]:
            out["long"] = (self.long_percent, lim["long_words_percent"])
        if self.n_hard:
            out["hard"] = (self.n_hard, lim["hard_words_per_sentence"])
        return out

    def summary(self) -> str:
        """Short figures for reports: 'mean/max words · long % · formula'."""
        if not self.n_all_sentences:
            return "no text"
        text = f"{self.mean_words:4.1f}/{self.max_words:<2} {self.long_percent:3.0f}%"
        for formula in (self.formula, self.also):
            if formula:
                text += f" {formula[0]} {formula[1]:.0f}" if formula[0] == "Flesch" else f" {formula[0]} {formula[1]:.1f}"
        return text


@dataclass
class Measure(Scores):
    path: str
    lang: str
    sentences: list = field(default_factory=list)
    abbreviations: list = field(default_factory=list)  # (abbreviation, line) never explained

    @property
    def text(self) -> list:
        """Sentences of running text: what the figures measure (not headings, labels, cells)."""
        return [s for s in self.sentences if s.running]

    @property
    def n_sentences(self) -> int:
        return len(self.text)

    @property
    def n_all_sentences(self) -> int:
        return len(self.sentences)

    @property
    def n_words(self) -> int:
        return sum(s.n_words for s in self.text)

    @property
    def n_syllables(self) -> int:
        return sum(sum(s.syllables) for s in self.text)

    @property
    def n_long(self) -> int:
        return sum(len(s.long_words) for s in self.text)

    @property
    def max_words(self) -> int:
        return max((s.n_words for s in self.sentences), default=0)

    @property
    def n_hard(self) -> int:
        """Sentences with as many long or unexplained words as the limit allows, or more."""
        least = self.limits()["hard_words_per_sentence"]
        return sum(1 for s in self.sentences if len(s.hard_words) >= least)

    def paragraphs(self) -> list[dict]:
        """Per paragraph of running text: first line, sentences, words, mean words per
        sentence, share of long words."""
        out: dict = {}
        for s in self.text:
            p = out.setdefault(s.paragraph, {"line": s.line, "sentences": 0, "words": 0, "long": 0})
            p["sentences"] += 1
            p["words"] += s.n_words
            p["long"] += len(s.long_words)
        for p in out.values():
            p["mean"] = p["words"] / p["sentences"]
            p["long_percent"] = 100.0 * p["long"] / p["words"] if p["words"] else 0.0
        return list(out.values())

    def figures(self) -> "Figures":
        return Figures(self.path, self.lang, self.n_all_sentences, self.n_sentences, self.n_words,
                       self.n_syllables, self.n_long, self.max_words, self.n_hard)


@dataclass(frozen=True)
class Figures(Scores):
    """A measure's counts without its sentences (a few numbers instead of every word)."""
    path: str
    lang: str
    n_all_sentences: int
    n_sentences: int
    n_words: int
    n_syllables: int
    n_long: int
    max_words: int
    n_hard: int


def unexplained_abbreviations(found: list[Sentence], body_text: str, lang: str) -> list[tuple[str, int]]:
    """All-caps abbreviations (ЖСН, ООН) that the text does not explain anywhere."""
    known = set(RULES.get("known_abbreviations") or [])
    seen: dict = {}
    for sentence in found:
        for m in _CAPS.finditer(sentence.text):
            abbr = m.group(0)
            if abbr in known or _ROMAN.match(abbr) or abbr in seen:
                continue
            seen[abbr] = sentence.line
    out = []
    for abbr, line in seen.items():
        a = re.escape(abbr)
        explained = re.search(
            rf"\(\s*{a}\s*\)|(?<!\w){a}\s*\(|(?<!\w){a}\s*[—–:]|(?<!\w){a}\s+-\s", body_text)
        words_after = LANG_RULES[lang].get("explained_by") or []
        if not explained and words_after:
            explained = re.search(rf"(?<!\w){a}\s+(?:{'|'.join(map(re.escape, words_after))})(?!\w)",
                                  body_text, re.IGNORECASE)
        if not explained:
            out.append((abbr, line))
    return out


def measure_text(body: str, lang: str, path: str = "", first_line: int = 1) -> Measure:
    if lang not in LANG_RULES:
        raise ValueError(f"no readability rules for the language {lang!r}")
    found = sentences(body, lang, first_line)
    plain = " ".join(s.text for s in found)
    return Measure(path, lang, found, unexplained_abbreviations(found, plain, lang))


_CACHE: dict = {}   # entry key -> Figures: kept for the whole build (the report, the editors' page)


def _entry_key(entry) -> tuple:
    return (entry.path, entry.lang, entry.src.body_line, entry.src.body)


def prepare(entries: list) -> None:
    """Measure the entries not in the memo yet side by side (hooks/content/workers.py); the
    checks and the report then read them from it."""
    from hooks.content import workers

    missing = [e for e in entries if e.lang in LANG_RULES and _entry_key(e) not in _CACHE
               and any(memo.load(kind, _entry_key(e)) is memo.MISSING for kind in ("readability", "readability-figures"))]
    if len(missing) > 1 and workers.count(len(missing)) > 1:
        _PREPARING[:] = missing
        try:
            workers.each(_measure_one, range(len(missing)))
        finally:
            _PREPARING.clear()


_PREPARING: list = []


def _measure_one(index: int) -> None:
    try:
        figures_of(_PREPARING[index])  # this process is a fork of the build; both kinds go to the memo
    except Exception:  # noqa: BLE001 — measured again where it is needed, problems reported there
        pass


def measure_entry(entry) -> Measure:
    """Every sentence of a catalogue entry, measured (for the easy-read check; not kept in
    memory: on disk by its inputs, hooks/content/memo.py, so an unchanged text is not measured again)."""
    return memo.get("readability", _entry_key(entry), lambda: measure_text(
        entry.src.body, entry.lang, entry.path, entry.src.body_line))


def figures_of(entry) -> Figures:
    """The counts of a catalogue entry (kept for the build: the report and the editors' page ask
    once per language)."""
    key = _entry_key(entry)
    if key not in _CACHE:
        _CACHE[key] = memo.get("readability-figures", key, lambda: measure_entry(entry).figures())
    return _CACHE[key]


# ----- errors -----------------------------------------------------------------
def _quote(text: str, n: int = 70) -> str:
    return "«" + (text if len(text) <= n else text[: n - 1] + "…") + "»"


def problems(m: Measure) -> tuple[list[ContentError], list[ContentError]]:
    """Easy-read limit breaches (errors) and unexplained abbreviations (by the rules' severity)."""
    errors: list = []
    warnings: list = []
    lim = m.limits()
    lang = m.lang
    first = m.sentences[0].line if m.sentences else 1
    max_words = lim["max_words_per_sentence"]
    for s in m.sentences:
        if s.n_words > max_words:
            errors.append(ContentError(
                m.path, s.line,
                f"easy read: this sentence has {s.n_words} words, the limit for '{lang}' is {max_words}: {_quote(s.text)}",
                "split it into short sentences, one idea each",
            ))
    over = m.over()
    if "mean" in over:
        longest = sorted(m.text, key=lambda s: (-s.n_words, s.line))
        longest = [s for s in longest if s.n_words > lim["mean_words_per_sentence"]][:6]
        errors.append(ContentError(
            m.path, longest[0].line if longest else first,
            f"easy read: {m.mean_words:.1f} words per sentence on average "
            f"({m.n_words} words in {m.n_sentences} sentences), the limit for '{lang}' is {lim['mean_words_per_sentence']}",
            "shorten the longest sentences: " + "; ".join(
                f"{m.path}:{s.line} ({s.n_words} words) {_quote(s.text, 40)}" for s in longest)
            + "; paragraphs over the limit: " + (", ".join(
                f"{m.path}:{p['line']} ({p['mean']:.1f})" for p in m.paragraphs()
                if p["mean"] > lim["mean_words_per_sentence"]) or "none"),
        ))
    if "long" in over:
        worst = sorted((s for s in m.text if s.long_words), key=lambda s: (-len(s.long_words), s.line))[:6]
        syl = LANG_RULES[lang]["long_word_syllables"]
        errors.append(ContentError(
            m.path, worst[0].line if worst else first,
            f"easy read: {_percent(m.long_percent)}% of the words are long ({syl}+ syllables; "
            f"{m.n_long} of {m.n_words}), the limit for '{lang}' is {lim['long_words_percent']}%",
            "use shorter, everyday words in: " + "; ".join(
                f"{m.path}:{s.line} ({', '.join(s.long_words)})" for s in worst),
        ))
    hard_limit = lim["hard_words_per_sentence"]
    for s in m.sentences:
        if len(s.hard_words) >= hard_limit:
            errors.append(ContentError(
                m.path, s.line,
                f"easy read: this sentence has {len(s.hard_words)} long or unexplained words "
                f"({', '.join(s.hard_words)}), the limit for '{lang}' is {hard_limit - 1}: {_quote(s.text)}",
                "use everyday words, or explain each hard word in the same or the next sentence "
                "(\"X — ...\", \"X (...)\") or link it to the glossary",
            ))
    for abbr, line in m.abbreviations:
        problem = ContentError(
            m.path, line, f"easy read: the abbreviation {abbr} is not explained",
            f"write it out once, e.g. \"{abbr} (...)\" or \"... ({abbr})\", or use the full words",
        )
        (errors if RULES.get("unexplained_abbreviation") == "error" else warnings).append(problem)
    return errors, warnings


def _percent(value: float) -> str:
    """A share for a message: never rounded down to the limit (8.5 % stays 8.5, not "8")."""
    return f"{value:.0f}" if round(value, 1) == round(value) else f"{value:.1f}"


def check_catalog(catalog) -> None:
    """Build checker: easy-read editions must keep the limits; standard lessons are only measured."""
    # every lesson and easy-read file is measured for the check or the report: on both cores first
    prepare([e for e in catalog.entries.values() if e.kind in ("lesson", "easy")])
    for entry in catalog.entries.values():
        if entry.kind != "easy" or entry.lang not in LANG_RULES:
            continue
        measure = measure_entry(entry)
        errors, warnings = problems(measure)
        _CACHE.setdefault(_entry_key(entry), measure.figures())
        catalog.errors.extend(errors)
        catalog.warnings.extend(warnings)


# ----- reports ----------------------------------------------------------------
def lesson_scores(catalog, lesson_id: str, lang: str) -> dict:
    """Standard and easy-read measures of one lesson in one language (None if missing)."""
    std = catalog.lesson(lesson_id, lang)
    easy = catalog.easy(lesson_id, lang)
    return {
        "standard": figures_of(std) if std is not None else None,
        "easy": figures_of(easy) if easy is not None else None,
    }


def report(catalog) -> str:
    """Per lesson and language, the standard and easy-read figures side by side."""
    langs = _langs()
    out = [
        "Readability (mean/max words per sentence, % long words, Flesch for ru, "
        "Flesch–Kincaid grade for en; ! = over the easy-read limit, - = missing):",
        f"{'lesson':40} {'lang':4}  {'standard':28} {'easy read'}",
    ]
    for lesson_id in catalog.lesson_ids():
        original = catalog.lesson(lesson_id, catalog_original())
        name = f"{original.course}/{lesson_id}"
        for lang in langs:
            scores = lesson_scores(catalog, lesson_id, lang)
            std = scores["standard"].summary() if scores["standard"] else "-"
            easy = scores["easy"]
            easy_text = "-" if easy is None else easy.summary() + (" !" if easy.over() else "")
            out.append(f"{name:40} {lang:4}  {std:28} {easy_text}".rstrip())
            name = ""
    return "\n".join(out)


def _langs() -> list[str]:
    from hooks.content.catalog import LANGS
    return [lang for lang in LANGS if lang in LANG_RULES]


def catalog_original() -> str:
    from hooks.content.catalog import ORIGINAL
    return ORIGINAL


def status_rows(catalog, t) -> list[dict]:
    """Rows for the editors' page: per lesson, per language, standard vs easy-read figures."""
    rows = []
    for lesson_id in catalog.lesson_ids():
        original = catalog.lesson(lesson_id, catalog_original())
        cells = []
        for lang in _langs():
            scores = lesson_scores(catalog, lesson_id, lang)
            cells.append({
                "lang": lang,
                "standard": _cell(scores["standard"]),
                "easy": _cell(scores["easy"]),
                "has_standard": scores["standard"] is not None,
                "has_easy": scores["easy"] is not None,
            })
        rows.append({"id": lesson_id, "course": original.course, "title": original.title, "cells": cells})
    return rows


def status_view(catalog, t) -> dict:
    """The readability table of the editors' page, with texts in the reader's language ``t``."""
    from hooks.content.rules import course_title

    limits = {f"{lang}_{short}": LANG_RULES[lang]["easy"][name] for lang in LANG_RULES
              for short, name in (("mean", "mean_words_per_sentence"), ("max", "max_words_per_sentence"),
                                  ("long", "long_words_percent"))}

    def text(cell: dict | None) -> str:
        if cell is None:
            return t.t("readability.missing")
        out = t.t("readability.figures", mean=cell["mean"], max=cell["max"], long=cell["long"])
        if cell["formula_name"] == "Flesch":
            out += "; " + t.t("readability.flesch", value=cell["formula"])
        elif cell["formula_name"]:
            out += "; " + t.t("readability.grade", value=cell["formula"])
        if cell.get("also"):
            out += "; " + t.t("readability.flesch", value=cell["also"])
        return out

    rows, missing = [], []
    for row in status_rows(catalog, t):
        cells = []
        for cell in row["cells"]:
            cells.append({
                "lang": cell["lang"],
                "standard": text(cell["standard"]),
                "easy": text(cell["easy"]),
                "easy_over": bool(cell["easy"] and cell["easy"]["over"]),
                "has_easy": cell["has_easy"],
            })
        rows.append({"title": row["title"], "id": row["id"], "course": course_title(row["course"], t.lang),
                     "cells": cells})
        langs = [c["lang"] for c in cells if not c["has_easy"]]
        if langs:
            missing.append({"title": row["title"], "id": row["id"], "langs": ", ".join(langs)})
    return {"intro": t.t("readability.intro", **limits), "rows": rows, "missing": missing}


def _cell(m: Scores | None) -> dict | None:
    if m is None:
        return None
    formula = m.formula
    return {
        "mean": f"{m.mean_words:.1f}",
        "max": m.max_words,
        "long": f"{m.long_percent:.0f}",
        "formula": (f"{formula[1]:.0f}" if formula and formula[0] == "Flesch"
                    else f"{formula[1]:.1f}" if formula else ""),
        "formula_name": formula[0] if formula else "",
        "also": f"{m.also[1]:.0f}" if m.also else "",
        "over": sorted(m.over()),
        "limits": m.limits(),
    }


# ----- command line -------------------------------------------------------------
def lang_of(path: Path) -> str | None:
    for part in reversed(path.parts[:-1]):
        if part in LANG_RULES:
            return part
    return None


def check_file(path: Path, lang: str | None = None, easy: bool | None = None, shown: str | None = None):
    """Measure one file: (Measure, errors, warnings). Limits apply to easy-read files (or easy=True)."""
    from hooks.content import sources

    path = Path(path)
    shown = shown or str(path)
    lang = lang or lang_of(path)
    if lang is None:
        raise ContentError(shown, 1, "cannot tell the language from the path",
                           "put the file under docs/kk, docs/ru or docs/en, or pass --lang")
    src = sources.read(path, shown)
    m = measure_text(src.body, lang, shown, src.body_line)
    if easy is None:
        easy = path.name.endswith(".easy.md")
    if not easy:
        return m, [], []
    errors, warnings = problems(m)
    return m, errors, warnings


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m hooks.content.readability",
        description="Readability of Zansabaq lessons: sentences, words, syllables, long words. "
                    "Easy-read files (*.easy.md) must keep the limits in hooks/data/readability.yml.")
    parser.add_argument("files", nargs="+", type=Path, help="Markdown files, e.g. docs/ru/fraud/droppers.easy.md")
    parser.add_argument("--lang", choices=list(LANG_RULES), help="language, if the path does not say it")
    parser.add_argument("--easy", action="store_true", help="apply the easy-read limits to any file")
    parser.add_argument("-q", "--quiet", action="store_true", help="do not list every sentence")
    args = parser.parse_args(argv)
    failed = False
    for path in args.files:
        try:
            m, errors, warnings = check_file(path, args.lang, True if args.easy else None)
        except (ContentError, OSError) as exc:
            print(exc if isinstance(exc, ContentError) else f"{path}: {exc}", file=sys.stderr)
            failed = True
            continue
        lim = m.limits()
        syl = LANG_RULES[m.lang]["long_word_syllables"]
        print(f"{m.path} ({m.lang})")
        if not args.quiet:
            for s in m.sentences:
                mark = " !" if s.n_words > lim["max_words_per_sentence"] else ""
                longs = f"  long: {', '.join(s.long_words)}" if s.long_words else ""
                hard = f"  hard: {', '.join(s.hard_words)}" if s.hard_words else ""
                kind = "" if s.running else "  (not running text)"
                print(f"  {s.line:4}  {s.n_words:2} words{mark}  {_quote(s.text, 60)}{longs}{hard}{kind}")
        print(f"  sentences of running text {m.n_sentences} (of {len(m.sentences)} with headings, "
              f"labels and cells), words {m.n_words}, syllables {m.n_syllables}")
        print(f"  words per sentence: mean {m.mean_words:.1f} (easy-read limit {lim['mean_words_per_sentence']}), "
              f"max {m.max_words} (limit {lim['max_words_per_sentence']})")
        print(f"  long words ({syl}+ syllables): {m.long_percent:.1f}% (limit {lim['long_words_percent']}%)")
        for formula in (m.formula, m.also):
            if formula:
                print(f"  {formula[0]}: {formula[1]:.1f}")
        if not args.quiet:
            print("  paragraphs (running text only):")
            for p in m.paragraphs():
                print(f"  {p['line']:4}  {p['sentences']:2} sentences, mean {p['mean']:4.1f} words, "
                      f"long {p['long_percent']:4.1f}%")
        for abbr, line in m.abbreviations:
            print(f"  abbreviation not explained: {abbr} (line {line})")
        for problem in errors:
            print("ERROR   " + problem.format())
        for problem in warnings:
            print("WARNING " + problem.format())
        if errors:
            failed = True
        elif path.name.endswith(".easy.md") or args.easy:
            print("  OK: within the easy-read limits")
    return 1 if failed else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # e.g. piped into `head`
        sys.exit(1)
