"""Lesson cards for posters: one A4 page per lesson and language, as PNG and PDF.

Plain Python, no MkDocs. The card shows the course, the lesson title, its three key points
(``key_points`` in the front matter), a QR code of the lesson's public address and the
"where to get help" numbers 112, 102 and 111.

* Drawn with Pillow at 300 dpi (2480 × 3508 px) with the DejaVu Sans fonts shipped in
  ``overrides/assets/fonts/`` (they have the Kazakh letters), with Pillow's basic text layout,
  so the result does not depend on the fonts or shaping libraries of the machine.
* Deterministic bytes: the PNG has no time chunk; the PDF is written here (one page, the
  PNG's own compressed pixels as a lossless image, the title in its metadata, a link over
  the QR code) with no dates and no random document id.
* Cached by content hash in ``.cache/teacher/`` (the key covers the text, the address,
  the fonts, Pillow's and segno's versions and ``FORMAT``).
"""
from __future__ import annotations

import hashlib
import io
import json
import struct
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

import PIL
from PIL import Image, ImageDraw, ImageFont

from hooks.drawing import BOLD, REGULAR, font, wrap

from hooks import qr

ROOT = Path(__file__).resolve().parent.parent
FORMAT = 1            # bump when the drawing changes

DPI = 300
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


def draw_lines(draw: ImageDraw.ImageDraw, x: int, y: int, lines: list[str], fnt, fill,
               center_width: int = 0) -> int:
    """Draw ``lines`` from the top-left (x, y); returns the y below the last line."""
    step = line_height(fnt)
    for line in lines:
        dx = (center_width - fnt.getlength(line)) / 2 if center_width else 0
        draw.text((x + dx, y), line, font=fnt, fill=fill, anchor="la")
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


def title_image(title: str) -> Image.Image:
    """The title block alone, exactly as the card draws it (tests compare the two)."""
    size, lines = title_layout(title)
    fnt = font(True, size)
    img = Image.new("RGB", (WIDTH - 2 * MARGIN, line_height(fnt) * len(lines)), WHITE)
    draw_lines(ImageDraw.Draw(img), 0, 0, lines, fnt, INK)
    return img


# ----- the card ------------------------------------------------------------------------------
def draw(card: Card) -> Image.Image:
    img = Image.new("RGB", (WIDTH, HEIGHT), WHITE)
    d = ImageDraw.Draw(img)
    inner = WIDTH - 2 * MARGIN

    # Header band: site name and course.
    band = 330
    d.rectangle((0, 0, WIDTH, band), fill=PRIMARY)
    d.text((MARGIN, 70), "Zansabaq", font=font(True, 96), fill=WHITE, anchor="la")
    size = 64
    while size > 36 and font(False, size).getlength(card.course) > inner:
        size -= 4
    d.text((MARGIN, 205), card.course, font=font(False, size), fill=WHITE, anchor="la")

    # Title.
    y = band + 130
    size, lines = title_layout(card.title)
    fnt = font(True, size)
    card.regions["title"] = (MARGIN, y, WIDTH - MARGIN, y + line_height(fnt) * len(lines))
    y = draw_lines(d, MARGIN, y, lines, fnt, INK)
    y += 40
    d.rectangle((MARGIN, y, MARGIN + 320, y + 14), fill=ACCENT)
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
        d.ellipse((MARGIN, y, MARGIN + dot, y + dot), fill=PRIMARY)
        d.text((MARGIN + dot / 2, y + dot / 2), str(n), font=font(True, 84), fill=WHITE, anchor="mm")
        text_top = y + max(0, (dot - line_height(fnt) * len(block)) // 2) + round(fnt.size * 0.1)
        draw_lines(d, text_x, text_top, block, fnt, INK)
        y += height + gap
    card.regions["points"] = (MARGIN, top, WIDTH - MARGIN, y - gap)

    # Bottom left: where to get help.
    y0 = HEIGHT - 1090
    box = (MARGIN, y0, MARGIN + 1300, HEIGHT - 200)
    d.rounded_rectangle(box, radius=36, outline=PRIMARY, width=8)
    x = box[0] + 60
    y = y0 + 50
    y = draw_lines(d, x, y, wrap(card.help_title, font(True, 66), box[2] - box[0] - 120), font(True, 66), PRIMARY)
    y += 30
    number_font = font(True, 118)
    label_x = x + round(number_font.getlength("000")) + 50
    label_width = box[2] - 60 - label_x
    row_height = (box[3] - 40 - y) // max(1, len(card.help))
    for number, label in card.help:
        d.text((x, y + row_height // 2), number, font=number_font, fill=ACCENT, anchor="lm")
        size = 52
        while size > 32 and len(wrap(label, font(False, size), label_width)) * line_height(font(False, size)) > row_height - 10:
            size -= 2
        lfnt = font(False, size)
        llines = wrap(label, lfnt, label_width)
        draw_lines(d, label_x, y + (row_height - line_height(lfnt) * len(llines)) // 2, llines, lfnt, INK)
        y += row_height
    card.regions["help"] = box

    # Bottom right: the QR code, what it is for and the address in words.
    qr_left = box[2] + 110
    qr_size = WIDTH - MARGIN - qr_left
    modules = qr.size(card.url, 1)
    scale = max(1, qr_size // modules)
    code = Image.open(io.BytesIO(qr.png(card.url, scale=scale))).convert("RGB")
    qx = qr_left + (qr_size - code.width) // 2
    img.paste(code, (qx, y0))
    card.regions["qr"] = (qx, y0, qx + code.width, y0 + code.height)
    y = y0 + code.height + 10
    y = draw_lines(d, qr_left, y, wrap(card.scan, font(True, 46), qr_size), font(True, 46), INK, center_width=qr_size)
    draw_lines(d, qr_left, y + 6, wrap(card.url, font(False, 38), qr_size), font(False, 38), GREY, center_width=qr_size)

    # Footer.
    d.text((MARGIN, HEIGHT - 110), card.footer, font=font(False, 40), fill=GREY, anchor="ls")
    return img


def png_bytes(img: Image.Image) -> bytes:
    out = io.BytesIO()
    img.save(out, "PNG", dpi=(DPI, DPI), compress_level=9)
    return out.getvalue()


# ----- PDF -----------------------------------------------------------------------------------
def _png_parts(data: bytes) -> tuple[int, int, bytes]:
    """(width, height, compressed pixels) of an 8-bit RGB, non-interlaced PNG."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat.append(chunk)
        pos += 12 + length
    width, height, depth, colour, _c, _f, interlace = header
    if (depth, colour, interlace) != (8, 2, 0):
        raise ValueError("the PDF writer needs an 8-bit RGB PNG without interlacing")
    return width, height, b"".join(idat)


def _pdf_text(text: str) -> bytes:
    """A PDF text string in UTF-16BE with its byte-order mark, as hex."""
    return b"<" + ("\ufeff" + text).encode("utf-16-be").hex().upper().encode() + b">"


def _num(value: float) -> bytes:
    return f"{value:.2f}".rstrip("0").rstrip(".").encode()


def pdf_bytes(png: bytes, title: str, lang: str, url: str = "", link: tuple | None = None) -> bytes:
    """A one-page PDF of the PNG at 300 dpi (A4). ``link`` is a box in image pixels that
    opens ``url`` when clicked. No dates, no document id: the same input, the same bytes."""
    width, height, pixels = _png_parts(png)
    pw, ph = width * 72 / DPI, height * 72 / DPI
    annots = b""
    if url and link:
        x0, y0, x1, y1 = (v * 72 / DPI for v in link)
        rect = b" ".join(_num(v) for v in (x0, ph - y1, x1, ph - y0))
        uri = url.encode("ascii").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        annots = b" /Annots [<< /Type /Annot /Subtype /Link /Rect [" + rect + b"] /Border [0 0 0] /A << /S /URI /URI (" + uri + b") >> >>]"
    content = b"q " + _num(pw) + b" 0 0 " + _num(ph) + b" 0 0 cm /Im0 Do Q"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Lang (" + lang.encode("ascii") + b") /ViewerPreferences << /DisplayDocTitle true >> >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + _num(pw) + b" " + _num(ph) + b"] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R" + annots + b" >>",
        (b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB /BitsPerComponent 8"
         b" /Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors 3 /BitsPerComponent 8 /Columns %d >>"
         b" /Length %d >>\nstream\n" % (width, height, width, len(pixels))) + pixels + b"\nendstream",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Title " + _pdf_text(title) + b" /Creator (Zansabaq) /Producer (Zansabaq hooks/poster.py, Pillow " + PIL.__version__.encode() + b") >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, len(objects), xref)
    return bytes(out)


def pdf_title(data: bytes) -> str:
    """The /Title of a PDF written by pdf_bytes (for tests and tools)."""
    start = data.index(b"/Title <") + len(b"/Title <")
    raw = bytes.fromhex(data[start:data.index(b">", start)].decode("ascii"))
    return raw.decode("utf-16-be").lstrip("\ufeff")


# ----- cached output -------------------------------------------------------------------------
@lru_cache(maxsize=None)
def _fonts_hash() -> str:
    return hashlib.sha256(REGULAR.read_bytes() + BOLD.read_bytes()).hexdigest()


def key(card: Card) -> str:
    data = {k: v for k, v in asdict(card).items() if k != "regions"}
    stamp = {"format": FORMAT, "pillow": PIL.__version__, "qr": [qr.FORMAT, qr.segno.__version__],
             "fonts": _fonts_hash(), "card": data}
    return hashlib.sha256(json.dumps(stamp, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def render(card: Card) -> tuple[bytes, bytes]:
    """(PNG, PDF) bytes of the card, from the cache when the content is unchanged."""
    k = key(card) + ".poster"
    png = qr.cached(k, "png", lambda: png_bytes(draw(card)))

    def document() -> bytes:
        return pdf_bytes(png, card.title, card.lang, card.url, draw_regions(card).get("qr"))

    return png, qr.cached(k, "pdf", document)


def draw_regions(card: Card) -> dict:
    """Where draw() puts each part (fills card.regions); draws on a throw-away image."""
    if not card.regions:
        draw(card)
    return card.regions
