"""Every user-visible string exists in kk, ru and en; Kazakh is really Kazakh."""
from __future__ import annotations

import re
from pathlib import Path

import material

from hooks.content import strings

ROOT = Path(__file__).resolve().parent.parent
KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")


def material_keys(path: Path) -> dict[str, str]:
    return dict(re.findall(r'^\s*"([a-z.]+)": "(.*)",?$', path.read_text(encoding="utf-8"), re.M))


def test_every_zansabaq_string_has_three_languages():
    assert strings.missing_translations() == []


# Words that are the same in Kazakh and Russian by nature (proper names).
SAME_BY_NATURE = {"variant.braille"}


def test_kazakh_strings_are_not_copies_of_russian_or_english():
    def words(text):
        return re.sub(r"\{[a-z_]+\}", "", text)

    same = [key for key, texts in strings.STRINGS.items()
            if key not in SAME_BY_NATURE and texts["kk"] in (texts["ru"], texts["en"])
            and re.search(r"[a-zA-Zа-яА-Я]{4}", words(texts["kk"]))]
    assert same == []
    with_letters = [t["kk"] for t in strings.STRINGS.values() if KAZAKH_LETTERS & set(t["kk"])]
    assert len(with_letters) > len(strings.STRINGS) / 3


def test_material_kazakh_partial_has_every_key_of_the_english_one():
    english = material_keys(Path(material.__file__).parent / "templates/partials/languages/en.html")
    kazakh = material_keys(ROOT / "overrides/partials/languages/kk.html")
    assert sorted(set(english) - set(kazakh)) == []
    russian = material_keys(Path(material.__file__).parent / "templates/partials/languages/ru.html")
    copied = [k for k, v in kazakh.items() if k not in ("language", "direction", "search.config.lang",
              "search.config.pipeline", "search.config.separator") and v in (english.get(k), russian.get(k))]
    assert copied == []
    assert sum(1 for v in kazakh.values() if KAZAKH_LETTERS & set(v)) >= 20


def test_a_date_ending_in_a_period_ends_the_sentence_once(built_site):
    """Russian dates end in "г." ("2 декабря 2026 г."): a string that ends with the date gets one
    full stop, on the page the reader sees."""
    assert strings.Translator("ru").t("sources.reviewed_on", date="2 декабря 2026 г.") == \
        "Последняя проверка: 2 декабря 2026 г."
    pages = list((built_site / "ru").rglob("index.html"))
    reviewed = [p for p in pages if "zb-reviewed" in p.read_text(encoding="utf-8")]
    assert reviewed, "no Russian page shows its review date"
    doubled = [p.relative_to(built_site).as_posix() for p in pages if "г.." in p.read_text(encoding="utf-8")]
    assert doubled == []
