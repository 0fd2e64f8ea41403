"""Lesson cards for posters: one A4 page per lesson and language, as a vector PDF.

Plain Python, no MkDocs. The card shows the course, the lesson title, its three key points
(``key_points`` in the front matter), a QR code of the lesson's public address and the
"where to get help" numbers 112, 102 and 111.

* A vector PDF written with fpdf2: real text (selectable, searchable, sharp at any size) in
  the DejaVu Sans fonts shipped in ``overrides/assets/fonts/`` (they have the Kazakh letters),
  embedded as subsets; rectangles and the QR code's modules as filled paths; a link over the
  QR code. About 15 KB and 0.15 s per card (the 2480 × 3508 PNG it replaces: ~450 KB, 0.5 s).
* Laid out on a 300 dpi grid (2480 × 3508 units = A4) with the same line breaks Pillow would
  give (hooks/editions/drawing.py measures the text), so the fonts or shaping libraries of the
  machine do not matter.
* Deterministic bytes: no creation date, no document id; the title and language in its
  metadata.
* Cached by content hash in ``.cache/teacher/`` (the key covers the text, the address,
  the fonts, fpdf2's and segno's versions and ``FORMAT``).
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

import fpdf
from PIL import ImageFont

from hooks.editions.drawing import BOLD, REGULAR, font, wrap

from hooks.editions import qr

FORMAT = 4            # bump when the drawing changes (4: the cut fonts keep DejaVu's own dates)

DPI = 300
UNIT = 72 / DPI                     # PDF points per layout unit: the layout is in 300 dpi pixels
WIDTH, HEIGHT = 2480, 3508          # A4 at 300 dpi
MARGIN = 170
PRIMARY = (11, 79, 108)             # #0b4f6c, the site's primary colour
ACCENT = (138, 59, 0)               # #8a3b00
INK = (17, 17, 17)
GREY = (63, 72, 80)
WHITE = (255, 255, 255)
HELP_NUMBERS = ("112", "102", "111")  # which lines the card prints; names: hooks/data/helplines.yml


@dataclass
class Card:
    """Everything printed on a card, already in the card's language."""

    lang: str                  # language of the text
    title: str
    course: str                # course title
    points: list               # three key points
    url: str                   # the lesson's public address (in the QR code)
    help_title: str            # "Where to get help"
    help: list                 # [(number, what it is for)] for 112, 102, 111
    scan: str                  # "Scan to read the lesson"
    footer: str = "zansabaq.kz · CC BY 4.0"
    regions: dict = field(default_factory=dict, compare=False)   # filled by draw(): name -> box


# ----- text ----------------------------------------------------------------------------------
def line_height(fnt: ImageFont.FreeTypeFont) -> int:
    return round(fnt.size * 1.22)


# The characters a card can print with the pre-cut fonts: Latin, Latin-1 and Latin Extended-A,
# Cyrillic with its supplement (the Kazakh letters), general punctuation, currency signs, №.
SUBSET_UNICODES = frozenset([*range(0x20, 0x7F), *range(0xA0, 0x180), *range(0x400, 0x530),
                             *range(0x2000, 0x2070), *range(0x20A0, 0x20C0), 0x2116, 0x2122])
FONT_CACHE = qr.CACHE.parent / "fonts"


@lru_cache(maxsize=None)
def _subset_font(source: Path) -> tuple[Path, frozenset]:
    """(path, characters) of ``source`` cut down to SUBSET_UNICODES, made once and cached in
    .cache/fonts/ by the font's hash. fpdf2 parses the whole font file for every document it
    embeds it in: 0.06 s for the cut font, 0.23 s for DejaVu Sans' 740 KB."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    data = source.read_bytes()
    key = hashlib.sha256(data + repr(sorted(SUBSET_UNICODES)).encode() + fontTools_version().encode()
                         + b"source dates").hexdigest()
    path = FONT_CACHE / f"{source.stem}-{key[:24]}.ttf"
    if not path.is_file():
        # keep the font's own 'head' dates: by default fontTools stamps the cut font with the time
        # (or SOURCE_DATE_EPOCH, the commit) it was cut, so a cache made at another commit gave
        # other poster bytes than a fresh build
        font = TTFont(source, recalcTimestamp=False)
        options = subset.Options()
        options.layout_features = []       # fpdf2 places glyphs one by one (no shaping)
        options.name_IDs = ["*"]
        options.notdef_outline = True
        options.drop_tables = [*options.drop_tables, "FFTM"]   # FontForge's timestamps
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=sorted(SUBSET_UNICODES))
        subsetter.subset(font)
        out = io.BytesIO()
        font.save(out)
        FONT_CACHE.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(out.getvalue())
        tmp.replace(path)
    cmap = TTFont(path, lazy=True).getBestCmap()
    return path, frozenset(cmap)


def fontTools_version() -> str:
    import fontTools

    return fontTools.version


def _font_files(card: Card) -> dict:
    """{"": regular, "B": bold} font files for ``card``: the cut ones when they have every
    character of its text (they do for Kazakh, Russian and English), else the full fonts."""
    text = "".join([card.title, card.course, *card.points, card.url, card.help_title, card.scan, card.footer,
                    *(f"{n}{label}" for n, label in card.help), "Zansabaq0123456789"])
    files = {}
    for style, source in (("", REGULAR), ("B", BOLD)):
        path, chars = _subset_font(source)
        files[style] = path if all(ord(c) in chars for c in text if not c.isspace()) else source
    return files


class _Page:
    """An fpdf2 page addressed in 300 dpi units, with Pillow-style text anchors."""

    def __init__(self, card: Card):
        pdf = fpdf.FPDF(unit=UNIT, format="A4")
        pdf.file_id = lambda: None          # no /ID: the same input gives the same bytes
        pdf.set_margin(0)
        pdf.set_auto_page_break(False)
        for style, path in _font_files(card).items():
            pdf.add_font("DejaVu", style, str(path))
        pdf.add_page()
        pdf.set_title(card.title)
        pdf.set_lang(card.lang)
        pdf.set_creator("Zansabaq")
        pdf.set_producer(f"Zansabaq hooks/editions/poster.py, fpdf2 {fpdf.__version__}")
        pdf.viewer_preferences = fpdf.ViewerPreferences(display_doc_title=True)
        self.pdf = pdf

    def text(self, xy, line: str, fnt: ImageFont.FreeTypeFont, fill, anchor: str = "la") -> None:
        """Like ImageDraw.text: anchor l/m (x: left, middle), a/m/s (y: top, middle, baseline)."""
        x, y = xy
        ascent, descent = fnt.getmetrics()
        if anchor[0] == "m":
            x -= fnt.getlength(line) / 2
        baseline = {"a": y + ascent, "m": y + (ascent - descent) / 2, "s": y}[anchor[1]]
        self.pdf.set_font("DejaVu", "B" if fnt.path == str(BOLD) else "", fnt.size * UNIT)
        self.pdf.set_text_color(*fill)
        self.pdf.text(x, baseline, line)

    def rect(self, box, fill) -> None:
        self.pdf.set_fill_color(*fill)
        self.pdf.rect(box[0], box[1], box[2] - box[0], box[3] - box[1], style="F")


def draw_lines(page: _Page, x: int, y: int, lines: list[str], fnt, fill, center_width: int = 0) -> int:
    """Draw ``lines`` from the top-left (x, y); returns the y below the last line."""
    step = line_height(fnt)
    for line in lines:
        dx = (center_width - fnt.getlength(line)) / 2 if center_width else 0
        page.text((x + dx, y), line, fnt, fill)
        y += step
    return y


def title_layout(title: str) -> tuple[int, list[str]]:
    """(font size, lines) of the title: as large as fits in four lines."""
    width = WIDTH - 2 * MARGIN
    for size in range(150, 83, -6):
        lines = wrap(title, font(True, size), width)
        if len(lines) <= 4:
            return size, lines
    return 84, wrap(title, font(True, 84), width)


# ----- the card ------------------------------------------------------------------------------
def draw(card: Card) -> _Page:
    page = _Page(card)
    pdf = page.pdf
    inner = WIDTH - 2 * MARGIN

    # Header band: site name and course.
    band = 330
    page.rect((0, 0, WIDTH, band), PRIMARY)
    page.text((MARGIN, 70), "Zansabaq", font(True, 96), WHITE)
    size = 64
    while size > 36 and font(False, size).getlength(card.course) > inner:
        size -= 4
    page.text((MARGIN, 205), card.course, font(False, size), WHITE)

    # Title.
    y = band + 130
    size, lines = title_layout(card.title)
    fnt = font(True, size)
    card.regions["title"] = (MARGIN, y, WIDTH - MARGIN, y + line_height(fnt) * len(lines))
    y = draw_lines(page, MARGIN, y, lines, fnt, INK)
    y += 40
    page.rect((MARGIN, y, MARGIN + 320, y + 14), ACCENT)
    y += 14 + 110

    # Three key points, numbered, as large as fits above the bottom part.
    bottom = HEIGHT - 1180
    dot = 140
    text_x = MARGIN + dot + 70
    gap = 80
    for size in range(84, 47, -4):
        fnt = font(False, size)
        blocks = [wrap(p, fnt, WIDTH - MARGIN - text_x) for p in card.points]
        total = sum(max(dot, line_height(fnt) * len(b)) for b in blocks) + gap * (len(blocks) - 1)
        if y + total <= bottom:
            break
    top = y
    for n, block in enumerate(blocks, 1):
        height = max(dot, line_height(fnt) * len(block))
        pdf.set_fill_color(*PRIMARY)
        pdf.ellipse(MARGIN, y, dot, dot, style="F")
        page.text((MARGIN + dot / 2, y + dot / 2), str(n), font(True, 84), WHITE, anchor="mm")
        text_top = y + max(0, (dot - line_height(fnt) * len(block)) // 2) + round(fnt.size * 0.1)
        draw_lines(page, text_x, text_top, block, fnt, INK)
        y += height + gap
    card.regions["points"] = (MARGIN, top, WIDTH - MARGIN, y - gap)

    # Bottom left: where to get help.
    y0 = HEIGHT - 1090
    box = (MARGIN, y0, MARGIN + 1300, HEIGHT - 200)
    pdf.set_draw_color(*PRIMARY)
    pdf.set_line_width(8)
    pdf.rect(box[0] + 4, box[1] + 4, box[2] - box[0] - 8, box[3] - box[1] - 8, style="D",
             round_corners=True, corner_radius=32)
    x = box[0] + 60
    y = y0 + 50
    y = draw_lines(page, x, y, wrap(card.help_title, font(True, 66), box[2] - box[0] - 120), font(True, 66), PRIMARY)
    y += 30
    number_font = font(True, 118)
    label_x = x + round(number_font.getlength("000")) + 50
    label_width = box[2] - 60 - label_x
    row_height = (box[3] - 40 - y) // max(1, len(card.help))
    for number, label in card.help:
        page.text((x, y + row_height // 2), number, number_font, ACCENT, anchor="lm")
        size = 52
        while size > 32 and len(wrap(label, font(False, size), label_width)) * line_height(font(False, size)) > row_height - 10:
            size -= 2
        lfnt = font(False, size)
        llines = wrap(label, lfnt, label_width)
        draw_lines(page, label_x, y + (row_height - line_height(lfnt) * len(llines)) // 2, llines, lfnt, INK)
        y += row_height
    card.regions["help"] = box

    # Bottom right: the QR code (one filled square per dark module, quiet zone included),
    # what it is for and the address in words; the code is also a link.
    qr_left = box[2] + 110
    qr_size = WIDTH - MARGIN - qr_left
    modules = qr.size(card.url, 1)
    scale = max(1, qr_size // modules)
    side = modules * scale
    qx = qr_left + (qr_size - side) // 2
    pdf.set_fill_color(0, 0, 0)
    for row, cells in enumerate(qr.make(card.url).matrix_iter(scale=1, border=qr.BORDER)):
        for match in re.finditer(r"1+", "".join("1" if c else "0" for c in cells)):
            pdf.rect(qx + match.start() * scale, y0 + row * scale, (match.end() - match.start()) * scale,
                     scale, style="F")
    card.regions["qr"] = (qx, y0, qx + side, y0 + side)
    pdf.link(qx, y0, side, side, card.url)
    y = y0 + side + 10
    y = draw_lines(page, qr_left, y, wrap(card.scan, font(True, 46), qr_size), font(True, 46), INK, center_width=qr_size)
    draw_lines(page, qr_left, y + 6, wrap(card.url, font(False, 38), qr_size), font(False, 38), GREY, center_width=qr_size)

    # Footer.
    page.text((MARGIN, HEIGHT - 110), card.footer, font(False, 40), GREY, anchor="ls")
    return page


_CREATION_DATE = re.compile(rb"/CreationDate \(D:[0-9]{14}Z\)")


def pdf_bytes(card: Card) -> bytes:
    """The card as a one-page PDF. fpdf2 always writes a creation date: it is blanked out with
    spaces of the same length (the cross-reference offsets stay right), so the same input
    gives the same bytes."""
    data = bytes(draw(card).pdf.output())
    found = _CREATION_DATE.findall(data)
    if len(found) != 1:
        raise RuntimeError(f"poster: expected one creation date in fpdf2's output, found {len(found)}")
    return data.replace(found[0], b" " * len(found[0]))


def pdf_title(data: bytes) -> str:
    """The /Title of a PDF written by fpdf2 (for tests and tools): a UTF-16BE hex string, or a
    literal string when the title is plain ASCII."""
    match = re.search(rb"/Title (?:<([0-9a-fA-F]+)>|\(((?:[^\\()]|\\.)*)\))", data)
    if match is None:
        raise ValueError("no /Title in this PDF")
    if match.group(1) is not None:
        return bytes.fromhex(match.group(1).decode("ascii")).decode("utf-16-be").lstrip("\ufeff")
    return re.sub(rb"\\(.)", rb"\1", match.group(2)).decode("latin-1")


# ----- cached output -------------------------------------------------------------------------
@lru_cache(maxsize=None)
def _fonts_hash() -> str:
    return hashlib.sha256(REGULAR.read_bytes() + BOLD.read_bytes()).hexdigest()


def key(card: Card) -> str:
    data = {k: v for k, v in asdict(card).items() if k != "regions"}
    stamp = {"format": FORMAT, "fpdf2": fpdf.__version__, "fonttools": fontTools_version(), "qr": [qr.FORMAT, qr.segno.__version__],
             "fonts": _fonts_hash(), "card": data}
    return hashlib.sha256(json.dumps(stamp, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def render(card: Card) -> bytes:
    """The card's PDF bytes, from the cache when the content is unchanged."""
    return qr.cached(key(card) + ".poster", "pdf", lambda: pdf_bytes(card))


def prepare(cards: list) -> None:
    """Render the cards not in the cache yet side by side (hooks/content/workers.py), so that
    ``render`` then reads each from the cache (the same bytes as one by one)."""
    from hooks.content import workers

    missing = [c for c in cards if not (qr.CACHE / f"{key(c)}.poster.pdf").is_file()]
    if len(missing) > 1 and workers.count(len(missing)) > 1:
        workers.each(_render_quietly, missing)


def _render_quietly(card: Card) -> None:
    try:
        render(card)
    except Exception:  # noqa: BLE001 — the build renders it again and reports the problem
        pass


def draw_regions(card: Card) -> dict:
    """Where draw() puts each part (fills card.regions)."""
    if not card.regions:
        draw(card)
    return card.regions
