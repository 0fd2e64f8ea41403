"""The "page not found" pages: the root 404.html, which most static hosts serve for every
missing address (GitHub Pages does), speaks Kazakh, Russian and English; ru/404.html and
en/404.html put their own language first, for hosts that serve the nearest 404 page.

Each language part links home, to help and to search (the home page opens its search box
for the address ending in #search: assets/javascripts/search.js). Every URL is absolute,
below the path of site_url (as MkDocs makes the theme's own links on an error page), so the
links work at any depth of a missing address.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from hooks.content.catalog import LANGS, ORIGINAL
from hooks.site.pages import LANG_NAMES, PageView, url_of
from hooks.content.strings import Translator

TEMPLATE = "404.html"


def path_of(lang: str) -> str:
    """Where the 404 page of ``lang`` is written, below the site folder."""
    return TEMPLATE if lang == ORIGINAL else f"{lang}/{TEMPLATE}"


def base_path(site_url: str | None) -> str:
    """The path the site lives below: "/" or e.g. "/zansabaq/"."""
    path = urlsplit(site_url or "/").path or "/"
    return path if path.endswith("/") else path + "/"


def part(lang: str, base: str = "/") -> dict:
    """One language's text and links (absolute paths below ``base``)."""
    t = Translator(lang)
    home = base + url_of(lang, "index.md")
    return {
        "lang": lang,
        "title": t.t("notfound.title"),
        "text": t.t("notfound.text"),
        "links": [
            {"label": t.t("notfound.home"), "url": home},
            {"label": t.t("notfound.help"), "url": base + url_of(lang, "help.md")},
            {"label": t.t("notfound.search"), "url": home + "#search"},
        ],
    }


@dataclass
class NotFoundView(PageView):
    parts: list = None  # the language parts, the page's own language first

    @property
    def hreflang(self) -> list:
        return []  # not a page search engines should list


def view(lang: str, site_url: str | None = None) -> NotFoundView:
    order = [lang] + [other for other in LANGS if other != lang]
    switcher = [{"lang": other, "name": LANG_NAMES[other], "word": LANG_NAMES[other],
                 "link": path_of(other), "exists": True} for other in LANGS]
    return NotFoundView(lang=lang, content_lang=lang, kind="404", t=Translator(lang), entry=None,
                        switcher=switcher, parts=[part(other, base_path(site_url)) for other in order])
