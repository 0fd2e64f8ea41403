"""Images in lessons: checks over the catalogue, and <picture> with a resized WebP.

Check (``check_catalog``): every image in an editor's Markdown needs alt text,
must be stored in the site (no picture from another host), must exist and must be
PNG, JPEG, WebP, GIF or SVG. Each problem names the file and the line.

Render (``pictures``): in a page's HTML, a PNG/JPEG/WebP image becomes::

    <picture><source type="image/webp" srcset="x.800w.webp">
      <img src="x.800w.png" alt="…" width="800" height="450" loading="lazy" decoding="async"></picture>

WebP and fallback are made with Pillow, no wider than ``MAX_WIDTH`` (the fallback is
the original file when resizing would not make it smaller, as with flat drawings). A
drawing (PNG/WebP source) gets the smallest of: lossless WebP, high-quality lossy WebP,
and — when it has few colours, i.e. ``PALETTE_COLORS`` colours reproduce it within
``PALETTE_MIN_PSNR`` dB — a lossless WebP of the palette image (the PNG fallback is then
that palette image too). Flat diagrams with anti-aliased text shrink to a third. They are
cached in ``.cache/images/`` under the SHA-256 of the source bytes and the settings, so
the bytes are the same on every build and a picture is not re-encoded needlessly.
"""
from __future__ import annotations

import hashlib
import html
import io
import posixpath
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from hooks.content import fences
from hooks.editions.cards import write_atomic
from hooks.content.catalog import ORIGINAL, Catalog, Entry
from hooks.content.yamlsrc import ContentError

ROOT = Path(__file__).resolve().parents[2]
CACHE_DIR = ROOT / ".cache" / "images"
MAX_WIDTH = 800
JPEG_QUALITY = 85
WEBP_QUALITY = 80
WEBP_DRAWING_QUALITY = 90
# Drawings with few colours: a palette of this many colours, used only when the picture it
# gives is this close to the full-colour one (PSNR; ~38 dB for the lesson diagrams, ~26 dB
# for a colour gradient, which keeps its full colours). Pillow's MAXCOVERAGE keeps the flat
# colours exact (white stays #ffffff); it has no alpha, so transparent drawings skip this.
PALETTE_COLORS = 32
PALETTE_MIN_PSNR = 36.0
VERSION = "5"  # change when the encoding below changes
# libwebp effort for lossless output. On the money-mule diagram (800 px) method 6 took
# 3.2 s (full colour) + 2.0 s (32 colours) for 0.6-1 % fewer bytes than method 4 (0.5 + 0.06 s).
LOSSLESS_METHOD = 4

ALLOWED = {".png", ".jpg", ".jpeg", ".webp", ".gif", ".svg"}
RESIZABLE = {".png", ".jpg", ".jpeg", ".webp"}
EXAMPLE = "![A bank card passed from hand to hand](images/card.png)"

# ----- finding images in Markdown ----------------------------------------------
_CODE_SPAN = re.compile(r"(`+)(?:.|\n)*?(?<!`)\1(?!`)")
_INLINE = re.compile(
    r"!\[(?P<alt>(?:[^\[\]\\]|\\.|\[[^\[\]]*\])*)\]"
    r"\(\s*(?P<src><[^>\n]*>|[^\s()]+(?:\([^\s()]*\)[^\s()]*)*)"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
)
_REFERENCE = re.compile(r"!\[(?P<alt>(?:[^\[\]\\]|\\.|\[[^\[\]]*\])*)\](?:\[(?P<ref>[^\]]*)\])?")
_DEFINITION = re.compile(r"^ {0,3}\[(?P<ref>[^\]]+)\]:\s*(?P<src><[^>\n]*>|\S+)", re.MULTILINE)
_HTML_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)


@dataclass
class ImageRef:
    alt: str | None   # None: an HTML <img> without an alt attribute
    src: str
    line: int         # line in the file


def _mask_code(body: str) -> str:
    """The body with code (fenced blocks, code spans) blanked out; offsets and lines kept."""
    lines = body.split("\n")
    for kind, item in fences.scan(lines):
        if kind == "fence":
            stop = item.end if item.end is not None else len(lines) - 1
            for k in range(item.start, stop + 1):
                lines[k] = " " * len(lines[k])
    masked = "\n".join(lines)
    return _CODE_SPAN.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), masked)


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def find_images(body: str, first_line: int = 1) -> list[ImageRef]:
    """Every image in a Markdown body: ![alt](src), ![alt][ref], <img …>."""
    text = _mask_code(body)
    refs: list[tuple[int, ImageRef]] = []
    definitions = {m.group("ref").strip().lower(): m.group("src").strip("<>") for m in _DEFINITION.finditer(text)}

    def line_at(pos: int) -> int:
        return first_line + text.count("\n", 0, pos)

    taken = []
    for m in _INLINE.finditer(text):
        taken.append((m.start(), m.end()))
        refs.append((m.start(), ImageRef(_unescape(m.group("alt")), m.group("src").strip("<>"), line_at(m.start()))))
    for m in _REFERENCE.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        ref = (m.group("ref") or m.group("alt")).strip().lower()
        if ref not in definitions:
            continue  # not an image reference: "![" in plain text
        refs.append((m.start(), ImageRef(_unescape(m.group("alt")), definitions[ref], line_at(m.start()))))
    for m in _HTML_IMG.finditer(text):
        attrs = _attrs(m.group(0))
        refs.append((m.start(), ImageRef(attrs.get("alt"), attrs.get("src") or "", line_at(m.start()))))
    return [ref for _, ref in sorted(refs, key=lambda item: item[0])]


class _TagParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.attrs: dict = {}

    def handle_starttag(self, tag, attrs):
        if not self.attrs:
            self.attrs = {name: (value if value is not None else "") for name, value in attrs}

    handle_startendtag = handle_starttag


def _attrs(tag: str) -> dict:
    parser = _TagParser()
    parser.feed(tag)
    parser.close()
    return parser.attrs


def is_remote(src: str) -> bool:
    parts = urlsplit(src)
    return bool(parts.scheme or parts.netloc or src.startswith("//"))


def resolve(docs_dir: Path, lang: str, rel: str, src: str) -> list[Path]:
    """Where the file of ``src`` (as written in docs/<lang>/<rel>) may be, best first.

    A translation may use the Kazakh original's picture (mkdocs-static-i18n falls back to it).
    """
    path = unquote(urlsplit(src).path)
    if path.startswith("/"):
        below = posixpath.normpath(path.lstrip("/"))
    else:
        below = posixpath.normpath(posixpath.join(posixpath.dirname(rel), path))
    places = [Path(docs_dir) / lang / below]
    if lang != ORIGINAL:
        places.append(Path(docs_dir) / ORIGINAL / below)
    if below.startswith("../"):  # outside the language folders, e.g. docs/assets/...
        places = [Path(docs_dir) / posixpath.normpath(posixpath.join(lang, below))]
    return places


def check_entry(entry: Entry, docs_dir: Path, errors: list) -> None:
    for image in find_images(entry.src.body, entry.src.body_line):
        name = image.src or "(no file)"
        if image.alt is None or not image.alt.strip():
            errors.append(ContentError(
                entry.path, image.line, f"the image '{name}' has no alt text",
                "write what the picture shows for readers who cannot see it, e.g. " + EXAMPLE,
            ))
        if not image.src:
            errors.append(ContentError(entry.path, image.line, "the image has no file", "like: " + EXAMPLE))
            continue
        if image.src.startswith("data:") or is_remote(image.src):
            errors.append(ContentError(
                entry.path, image.line, f"the image '{name}' is loaded from another site",
                f"save the picture in docs/{entry.lang}/{entry.course or '<folder>'}/images/ and write like: {EXAMPLE}",
            ))
            continue
        suffix = Path(unquote(urlsplit(image.src).path)).suffix.lower()
        if suffix not in ALLOWED:
            errors.append(ContentError(
                entry.path, image.line, f"the image '{name}' is not a PNG, JPEG, WebP, GIF or SVG file",
                "save it as PNG (drawings, screenshots) or JPEG (photos)",
            ))
            continue
        places = resolve(docs_dir, entry.lang, entry.rel, image.src)
        if not any(place.is_file() for place in places):
            shown = " or ".join(f"{Path(docs_dir).name}/{place.relative_to(docs_dir).as_posix()}"
                                if place.is_relative_to(docs_dir) else str(place) for place in places)
            errors.append(ContentError(
                entry.path, image.line, f"the image file '{name}' does not exist",
                f"looked for {shown}; check the name (capital letters count) and the folder",
            ))


def check_catalog(catalog: Catalog) -> None:
    """Checker for hooks/site/mkdocs_hooks.py CHECKERS: images of every file of every language."""
    for entry in catalog.entries.values():
        check_entry(entry, catalog.docs_dir, catalog.errors)


# ----- resized copies --------------------------------------------------------------
@dataclass
class Variants:
    width: int
    height: int
    webp: bytes
    fallback: bytes | None  # None: the original is the fallback (small enough, or fewer bytes)
    fallback_ext: str       # ".png" or ".jpg"


def _settings() -> str:
    import PIL
    from PIL import features

    return (f"{VERSION}|{LOSSLESS_METHOD}|{MAX_WIDTH}|{JPEG_QUALITY}|{WEBP_QUALITY}|{WEBP_DRAWING_QUALITY}|{PALETTE_COLORS}|"
            f"{PALETTE_MIN_PSNR}|{PIL.__version__}|{features.version('webp')}")


def _palette(image):
    """``image`` (RGB) with ``PALETTE_COLORS`` colours, or None when that changes it visibly."""
    import math

    from PIL import Image, ImageChops, ImageStat

    if image.mode != "RGB":
        return None
    quantized = image.quantize(colors=PALETTE_COLORS, method=Image.Quantize.MAXCOVERAGE,
                               dither=Image.Dither.NONE)
    rms = ImageStat.Stat(ImageChops.difference(image, quantized.convert("RGB"))).rms
    mse = sum(x * x for x in rms) / len(rms)
    if mse and 10 * math.log10(255 ** 2 / mse) < PALETTE_MIN_PSNR:
        return None
    return quantized


def make_variants(source: bytes, suffix: str) -> Variants:
    """WebP (and a resized PNG/JPEG) of one image; the same input gives the same bytes."""
    from PIL import Image, ImageOps

    with Image.open(io.BytesIO(source)) as opened:
        image = ImageOps.exif_transpose(opened)
        image.load()
    photo = suffix in (".jpg", ".jpeg")
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)
    image = image.convert("RGBA" if has_alpha else "RGB")
    width, height = image.size
    resized = width > MAX_WIDTH
    if resized:
        height = max(1, round(height * MAX_WIDTH / width))
        width = MAX_WIDTH
        image = image.resize((width, height), Image.Resampling.LANCZOS)

    webp = io.BytesIO()
    if photo:
        image.save(webp, format="WEBP", quality=WEBP_QUALITY, method=6)
    else:  # drawings, screenshots: the smallest of lossless, high-quality lossy, few-colour lossless
        lossless, lossy = io.BytesIO(), io.BytesIO()
        image.save(lossless, format="WEBP", lossless=True, quality=100, method=LOSSLESS_METHOD)
        image.save(lossy, format="WEBP", quality=WEBP_DRAWING_QUALITY, method=6)
        candidates = [lossless, lossy]
        palette = _palette(image)
        if palette is not None:
            paletted = io.BytesIO()
            palette.save(paletted, format="WEBP", lossless=True, quality=100, method=LOSSLESS_METHOD)
            candidates.append(paletted)
        webp = min(candidates, key=lambda out: len(out.getvalue()))  # the first of equal sizes
        if palette is not None and webp is candidates[-1]:
            image = palette  # the PNG fallback below: the same few colours
    fallback = None
    fallback_ext = ".jpg" if photo else ".png"
    if resized or suffix == ".webp":  # a WebP source needs a PNG fallback for old browsers
        out = io.BytesIO()
        if photo:
            image.convert("RGB").save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)
        else:
            image.save(out, format="PNG", optimize=True)
        fallback = out.getvalue()
        if suffix != ".webp" and len(fallback) >= len(source):
            fallback = None  # resampling made it bigger (drawings): the original is the better fallback
    return Variants(width, height, webp.getvalue(), fallback, fallback_ext)


def cached_variants(path: Path, cache_dir: Path | None = CACHE_DIR) -> Variants:
    source = Path(path).read_bytes()
    suffix = Path(path).suffix.lower()
    if cache_dir is None:
        return make_variants(source, suffix)
    key = hashlib.sha256(source + b"|" + suffix.encode() + b"|" + _settings().encode()).hexdigest()
    base = Path(cache_dir) / key
    meta = base.with_suffix(".txt")
    if meta.is_file():
        width, height, ext, has_fallback = meta.read_text(encoding="ascii").split()
        fallback = base.with_suffix(ext).read_bytes() if has_fallback == "1" else None
        return Variants(int(width), int(height), base.with_suffix(".webp").read_bytes(), fallback, ext)
    variants = make_variants(source, suffix)
    write_atomic(base.with_suffix(".webp"), variants.webp)
    if variants.fallback is not None:
        write_atomic(base.with_suffix(variants.fallback_ext), variants.fallback)
    write_atomic(meta, f"{variants.width} {variants.height} {variants.fallback_ext} "
                       f"{int(variants.fallback is not None)}\n".encode("ascii"))
    return variants


def pictures(html_text: str, page_url: str, source_of, cache_dir: Path | None = CACHE_DIR):
    """Wrap the page's local raster images in <picture>.

    ``source_of(site_path)`` returns the source file of a built file (or None).
    Returns (html, {site_path: bytes}) — the files to write into the site.
    """
    outputs: dict[str, bytes] = {}
    out = []
    last = 0
    for m in _HTML_IMG.finditer(html_text):
        tag = m.group(0)
        attrs = _attrs(tag)
        src = attrs.get("src", "")
        before = html_text[max(0, m.start() - 300):m.start()]
        if (not src or is_remote(src) or src.startswith("data:") or "zb-plain" in attrs.get("class", "")
                or before.rfind("<picture") > before.rfind("</picture>")):
            continue
        url_path = unquote(urlsplit(src).path)
        suffix = posixpath.splitext(url_path)[1].lower()
        site_path = posixpath.normpath(posixpath.join(page_url, url_path))
        source = source_of(site_path) if suffix in RESIZABLE else None
        if source is None:
            if "loading" not in attrs:  # SVG, GIF: lazy loading only
                out.append(html_text[last:m.start()])
                out.append(_img(dict(attrs, loading="lazy")))
                last = m.end()
            continue
        variants = cached_variants(Path(source), cache_dir)
        stem = posixpath.splitext(posixpath.basename(url_path))[0]
        folder_url = posixpath.dirname(urlsplit(src).path)
        folder_site = posixpath.dirname(site_path)
        prefix = f"{folder_url}/" if folder_url else ""
        webp_name = f"{stem}.{variants.width}w.webp"
        outputs[posixpath.join(folder_site, webp_name)] = variants.webp
        img_src = src
        if variants.fallback is not None:
            fallback_name = f"{stem}.{variants.width}w{variants.fallback_ext}"
            outputs[posixpath.join(folder_site, fallback_name)] = variants.fallback
            img_src = prefix + fallback_name
        img = dict(attrs)
        img.update(src=img_src, width=str(variants.width), height=str(variants.height),
                   loading="lazy", decoding="async")
        out.append(html_text[last:m.start()])
        out.append(f'<picture class="zb-picture"><source type="image/webp" srcset="{html.escape(prefix + webp_name)}"'
                   f' width="{variants.width}" height="{variants.height}">{_img(img)}</picture>')
        last = m.end()
    out.append(html_text[last:])
    return "".join(out), outputs


def _img(attrs: dict) -> str:
    order = ["src", "alt", "title", "width", "height", "loading", "decoding"]
    names = [n for n in order if n in attrs] + sorted(n for n in attrs if n not in order)
    return "<img " + " ".join(f'{n}="{html.escape(str(attrs[n]), quote=True)}"' for n in names) + ">"
