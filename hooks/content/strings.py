"""UI strings of Zansabaq's own templates, from hooks/data/strings.yml."""
from __future__ import annotations

from hooks.content.rules import LANGS, load_data

STRINGS: dict = load_data("strings.yml")


class Translator:
    """``t("key", name=value)`` in one language; an unknown key is a programming error."""

    def __init__(self, lang: str):
        if lang not in LANGS:
            raise ValueError(f"unknown language {lang!r}")
        self.lang = lang

    def t(self, key: str, **values) -> str:
        text = STRINGS[key][self.lang]
        if not values:
            return text
        out = text.format(**values)
        # A value that ends a sentence with its own period ("2 декабря 2026 г.") takes the
        # string's period: one full stop, not "г..".
        for value in values.values():
            if isinstance(value, str) and value.endswith(".") and not value.endswith(".."):
                out = out.replace(value + ".", value)
        return out

    def audience(self, value) -> str:
        """One label for a lesson's ``audience`` (hooks/content/audience.py), e.g. "Grades 9–11 and adults"."""
        from hooks.content import audience

        return audience.label(value, self)

    def minutes(self, n) -> str:
        return self.t("lesson.minutes", n=n)


def missing_translations() -> list[str]:
    """Keys that lack a language (for tests and tools/check)."""
    return [f"{key}: {lang}" for key, texts in STRINGS.items() for lang in LANGS
            if not isinstance(texts, dict) or not str(texts.get(lang) or "").strip()]
