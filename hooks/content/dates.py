"""Dates in words in the reader's language: "2026 жылғы 20 қараша", "20 ноября 2026 г.",
"20 November 2026". Month names come from CLDR through Babel; the pattern of each language
is a UI string (date.pattern in hooks/data/strings.yml)."""
from __future__ import annotations

import datetime as dt

from babel.dates import format_date

from hooks.content.strings import Translator


def in_words(value, lang: str) -> str:
    """``value`` (a date or an ISO date string) in words; anything else is returned as text."""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        return str(value)
    return format_date(value, Translator(lang).t("date.pattern"), locale=lang)
