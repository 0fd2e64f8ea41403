"""QR codes for teachers: the public address of a page as SVG and PNG, made with segno.

Plain Python, no MkDocs. Output is cached by content in ``.cache/teacher/`` (the key is the
address, the format and segno's version), so an unchanged address is not encoded again,
and the same input always gives the same bytes (segno writes no timestamps).
"""
from __future__ import annotations

import functools
import hashlib
import io
import json
import logging
import os
from pathlib import Path

import segno

log = logging.getLogger("mkdocs.hooks.zansabaq.qr")

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path(os.environ.get("ZB_TEACHER_CACHE", ROOT / ".cache" / "teacher"))
FORMAT = 1          # bump when the output for the same address changes
ERROR = "m"         # error correction: survives a crease or a smudge on paper
BORDER = 4          # the quiet zone the standard asks for, in modules
SVG_SCALE = 10      # px per module in the SVG's width/height (it scales without loss)
PNG_SCALE = 12      # px per module in the PNG: about 4 cm wide at 300 dpi for a short address


def public_url(site_url: str, url: str) -> str:
    """``https://zansabaq.kz/`` + ``ru/fraud/droppers/``."""
    return site_url.rstrip("/") + "/" + url.lstrip("/")


@functools.lru_cache(maxsize=4096)  # the SVG, the PNG, the poster and their sizes: encoded once
def make(url: str) -> segno.QRCode:
    return segno.make(url, error=ERROR, micro=False, boost_error=False)


def _key(url: str, kind: str, **params) -> str:
    stamp = {"format": FORMAT, "segno": segno.__version__, "url": url, "kind": kind,
             "error": ERROR, "border": BORDER, **params}
    return hashlib.sha256(json.dumps(stamp, sort_keys=True).encode()).hexdigest()


def cached(key: str, ext: str, produce) -> bytes:
    """The bytes stored under ``key`` in the cache, or ``produce()`` (then stored)."""
    path = CACHE / f"{key}.{ext}"
    try:
        return path.read_bytes()
    except OSError:
        pass
    data = produce()
    try:
        CACHE.mkdir(parents=True, exist_ok=True)
        tmp = CACHE / f"{key}.{os.getpid()}.tmp"
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError as exc:  # a read-only checkout still builds, just without the cache
        log.debug("teacher cache not written: %s", exc)
    return data


def svg(url: str, title: str = "") -> bytes:
    """An SVG QR code of ``url``; ``title`` becomes the SVG's <title> (its text alternative)."""
    def produce() -> bytes:
        out = io.BytesIO()
        make(url).save(out, kind="svg", scale=SVG_SCALE, border=BORDER, xmldecl=False,
                       title=title or url, dark="#000", light="#fff", svgclass="zb-qr", lineclass=None)
        # width/height for programs that need a size, viewBox so that it scales in <img>
        side = size(url, SVG_SCALE)
        return out.getvalue().replace(b"<svg ", f'<svg viewBox="0 0 {side} {side}" '.encode(), 1)
    return cached(_key(url, "svg", scale=SVG_SCALE, title=title), "svg", produce)


def png(url: str, scale: int = PNG_SCALE) -> bytes:
    """A black-on-white PNG QR code of ``url`` (300 dpi in its metadata)."""
    def produce() -> bytes:
        out = io.BytesIO()
        make(url).save(out, kind="png", scale=scale, border=BORDER, dark="#000", light="#fff", dpi=300)
        return out.getvalue()
    return cached(_key(url, "png", scale=scale), "png", produce)


def size(url: str, scale: int) -> int:
    """Width (= height) in px of the code of ``url`` with its quiet zone."""
    return make(url).symbol_size(scale=scale, border=BORDER)[0]
