"""Share cards: the 1200×630 PNG that social networks and messengers show for a
page (Open Graph / Twitter), and the meta tags that point to it.

Plain Python and Pillow only (no Cairo, no network). The font is the vendored
DejaVu Sans in ``overrides/assets/fonts/`` (it has the Kazakh letters
ә ғ қ ң ө ұ ү һ і). Text is laid out with Pillow's BASIC layout engine, so the
bytes do not depend on whether libraqm is installed. A card is cached in
``.cache/cards/`` under the SHA-256 of everything that goes into it (text,
font files, Pillow and FreeType versions, renderer version): the same page
gives the same bytes, and an unchanged page is not drawn again.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from hooks.editions.drawing import BOLD, REGULAR, font, wrap

ROOT = Path(__file__).resolve().parents[2]
CACHE_DIR = ROOT / ".cache" / "cards"

WIDTH, HEIGHT = 1200, 630
MARGIN = 80
RENDERER_VERSION = "1"  # change when the drawing below changes: old cache entries are then ignored

# Colours of the site (overrides/assets/stylesheets/zansabaq.css).
BG = (11, 79, 108)          # --md-primary-fg-color
BG_DARK = (7, 51, 70)       # --md-primary-fg-color--dark
FG = (255, 255, 255)
MUTED = (214, 232, 240)
ACCENT = (255, 208, 160)    # light version of the accent #8a3b00, readable on the blue

LOCALES = {"kk": "kk_KZ", "ru": "ru_RU", "en": "en_US"}


@dataclass(frozen=True)
class Card:
    """What one card shows. All text is already in the right language."""

    site_name: str     # "Zansabaq"
    title: str         # the page title, wrapped on the card
    course: str        # course name, or the site's tagline for pages outside a course
    label: str = ""    # e.g. "Easy read" for an easy-read edition; "" for none
    footer: str = ""   # e.g. "zansabaq.kz"
    lang_name: str = ""  # e.g. "Қазақша"


# ----- drawing ---------------------------------------------------------------
def fit_title(title: str, width: int, max_height: int, sizes=range(76, 39, -4), max_lines: int = 4):
    """The largest font size at which the title fits; at the smallest, the end gets '…'."""
    for size in sizes:
        title_font = font(True, size)
        lines = wrap(title, title_font, width)
        line_height = round(size * 1.22)
        if len(lines) <= max_lines and len(lines) * line_height <= max_height:
            return title_font, lines, line_height
    lines = lines[:max_lines]
    last = lines[-1]
    while last and title_font.getlength(last + "…") > width:
        last = last[:-1].rstrip()
    lines[-1] = last + "…"
    return title_font, lines, line_height


def _logo(draw, x: int, y: int, size: int, colour) -> None:
    """The site's logo (a building with columns, overrides/assets/images/logo.svg) in a 24-unit grid."""
    s = size / 24

    def box(x0, y0, x1, y1):
        draw.rectangle([x + x0 * s, y + y0 * s, x + x1 * s - 1, y + y1 * s - 1], fill=colour)

    draw.polygon([(x + 12 * s, y + 2 * s), (x + 3 * s, y + 6 * s), (x + 3 * s, y + 8 * s),
                  (x + 21 * s, y + 8 * s), (x + 21 * s, y + 6 * s)], fill=colour)
    box(5, 10, 8, 17)
    box(10.5, 10, 13.5, 17)
    box(16, 10, 19, 17)
    box(3, 19, 21, 22)


def render(card: Card) -> bytes:
    """Draw the card; the PNG bytes depend only on ``card`` and the fonts."""
    from PIL import Image

    image = draw(card)
    # A card is a few flat colours plus anti-aliased text: mapped onto a fixed palette (each text
    # colour blended into each background it is drawn on, 13 steps) it looks the same (PSNR in
    # tests/test_sharing.py) at less than half the bytes of the RGB PNG, and the mapping plus
    # zlib level 6 on 8-bit pixels takes a tenth of zlib level 9 on RGB.
    paletted = image.quantize(palette=_palette(), dither=Image.Dither.NONE)
    out = io.BytesIO()
    paletted.save(out, format="PNG", compress_level=6)
    return out.getvalue()


# (text colour, background) pairs drawn on a card
BLENDS = ((FG, BG), (ACCENT, BG), (FG, BG_DARK), (MUTED, BG_DARK), (ACCENT, BG_DARK))
BLEND_STEPS = 12


@lru_cache(maxsize=None)
def _palette():
    from PIL import Image

    colours = []
    for fg, bg in BLENDS:
        for i in range(BLEND_STEPS + 1):
            colour = tuple(round(b + (f - b) * i / BLEND_STEPS) for f, b in zip(fg, bg))
            if colour not in colours:
                colours.append(colour)
    palette = Image.new("P", (1, 1))
    palette.putpalette([v for colour in colours for v in colour])
    return palette


def draw(card: Card):
    """The card as a full-colour Pillow image."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (WIDTH, HEIGHT), BG)
    draw = ImageDraw.Draw(image)
    # bottom band
    band_top = HEIGHT - 96
    draw.rectangle([0, band_top, WIDTH, HEIGHT], fill=BG_DARK)
    draw.rectangle([0, 0, 16, band_top], fill=ACCENT)

    # site name with the logo
    name_font = font(True, 44)
    _logo(draw, MARGIN, 54, 52, FG)
    draw.text((MARGIN + 68, 56), card.site_name, font=name_font, fill=FG)

    # course (and label), one line, shortened if needed
    course_font = font(False, 32)
    course = card.course + (f" · {card.label}" if card.label else "")
    course_lines = wrap(course, course_font, WIDTH - 2 * MARGIN)
    course_line = course_lines[0] if course_lines else ""
    if len(course_lines) > 1:
        while course_line and course_font.getlength(course_line + "…") > WIDTH - 2 * MARGIN:
            course_line = course_line[:-1].rstrip()
        course_line += "…"
    draw.text((MARGIN, 150), course_line, font=course_font, fill=ACCENT)

    # title, as large as fits
    top, bottom = 212, band_top - 30
    title_font, lines, line_height = fit_title(card.title, WIDTH - 2 * MARGIN, bottom - top)
    for i, line in enumerate(lines):
        draw.text((MARGIN, top + i * line_height), line, font=title_font, fill=FG)

    # footer: address left, language right
    foot_font = font(False, 30)
    foot_y = band_top + (96 - 36) // 2
    if card.footer:
        draw.text((MARGIN, foot_y), card.footer, font=foot_font, fill=MUTED)
    if card.lang_name:
        draw.text((WIDTH - MARGIN - foot_font.getlength(card.lang_name), foot_y), card.lang_name,
                  font=foot_font, fill=MUTED)
    return image


# ----- cache -------------------------------------------------------------------
def _tool_fingerprint() -> str:
    import PIL
    from PIL import features

    digest = hashlib.sha256()
    for path in (REGULAR, BOLD):
        digest.update(path.read_bytes())
    digest.update(f"{RENDERER_VERSION}|{PIL.__version__}|{features.version('freetype2')}".encode())
    return digest.hexdigest()


_FINGERPRINT: list = []


def content_hash(card: Card) -> str:
    if not _FINGERPRINT:
        _FINGERPRINT.append(_tool_fingerprint())
    payload = json.dumps([_FINGERPRINT[0], asdict(card)], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def card_png(card: Card, cache_dir: Path | None = CACHE_DIR) -> bytes:
    """The card's PNG, from the cache when the same card was drawn before."""
    if cache_dir is None:
        return render(card)
    cached = Path(cache_dir) / f"{content_hash(card)}.png"
    if cached.is_file():
        return cached.read_bytes()
    data = render(card)
    write_atomic(cached, data)
    return data


def write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file and rename, so parallel builds never see half a file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)  # like any other file of the site (mkstemp makes 0600)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


# ----- where the card goes, and the meta tags -----------------------------------
def card_path(lang: str, rel: str) -> str:
    """Site path of the card of docs/<lang>/<rel>: assets/cards/<lang>/<rel>.png."""
    return f"assets/cards/{lang}/{rel.removesuffix('.md')}.png"


def absolute(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def host_of(site_url: str) -> str:
    return urlsplit(site_url).netloc or site_url


def meta_tags(*, title: str, description: str, url: str, image_url: str, image_alt: str, site_name: str,
              og_type: str, locale_lang: str, alternate_langs: list[str]) -> list[dict]:
    """Open Graph and Twitter meta tags, as {"attr", "name", "content"} in page order."""
    tags = [
        ("property", "og:type", og_type),
        ("property", "og:site_name", site_name),
        ("property", "og:title", title),
        ("property", "og:description", description),
        ("property", "og:url", url),
        ("property", "og:locale", LOCALES[locale_lang]),
    ]
    tags += [("property", "og:locale:alternate", LOCALES[lang])
             for lang in alternate_langs if lang != locale_lang and lang in LOCALES]
    tags += [
        ("property", "og:image", image_url),
        ("property", "og:image:type", "image/png"),
        ("property", "og:image:width", str(WIDTH)),
        ("property", "og:image:height", str(HEIGHT)),
        ("property", "og:image:alt", image_alt),
        ("name", "twitter:card", "summary_large_image"),
        ("name", "twitter:title", title),
        ("name", "twitter:description", description),
        ("name", "twitter:image", image_url),
        ("name", "twitter:image:alt", image_alt),
    ]
    return [{"attr": attr, "name": name, "content": content} for attr, name, content in tags if content]


# ----- one page of the site ------------------------------------------------------
def for_page(view, rel: str, *, title: str, description: str, canonical_url: str,
             site_name: str, site_url: str) -> tuple[Card, str, list[dict]]:
    """The card, its site path and the meta tags of docs/<lang>/<rel> as built for ``view.lang``.

    ``view`` is the page's hooks.site.pages.PageView. og:locale is the language the text is
    really in; og:locale:alternate lists the other languages that have this page.
    """
    from hooks.site.pages import LANG_NAMES, course_title

    t = view.t
    braille = rel.endswith(".braille.md")
    course_id = rel.split("/")[0] if "/" in rel else ""
    in_course = course_id and view.kind != "course" and course_title(course_id, view.lang) != course_id
    label = t.t("variant.braille") if braille else t.t("variant.easy") if view.kind == "easy" else ""
    card = Card(
        site_name=site_name,
        title=title or site_name,
        course=course_title(course_id, view.lang) if in_course else t.t("share.tagline"),
        label=label,
        footer=host_of(site_url),
        lang_name=LANG_NAMES.get(view.lang, view.lang),
    )
    path = card_path(view.lang, rel)
    alternates = [item["lang"] for item in view.switcher if item.get("exists")]
    tags = meta_tags(
        title=title or site_name,
        description=description,
        url=canonical_url,
        image_url=absolute(site_url, path),
        image_alt=f"{card.title} — {card.course}" + (f" · {label}" if label else ""),
        site_name=site_name,
        og_type="article" if view.kind in ("lesson", "easy") or braille else "website",
        locale_lang=view.content_lang,
        alternate_langs=alternates,
    )
    return card, path, tags
