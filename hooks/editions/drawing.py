"""Text drawing shared by the share cards (hooks/editions/cards.py) and poster cards (hooks/editions/poster.py).

The DejaVu Sans fonts ship in ``overrides/assets/fonts/`` (they have the Kazakh letters
ә ғ қ ң ө ұ ү һ і) and Pillow's basic layout is used, so the pixels do not depend on the
fonts or shaping libraries of the machine that builds the site.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

FONT_DIR = Path(__file__).resolve().parents[2] / "overrides" / "assets" / "fonts"
REGULAR = FONT_DIR / "DejaVuSans.ttf"
BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"


@lru_cache(maxsize=None)
def font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(BOLD if bold else REGULAR), size, layout_engine=ImageFont.Layout.BASIC)


def wrap(text: str, fnt: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Lines of ``text`` no wider than ``width`` px; a word longer than a line (an address)
    is broken after a slash or, failing that, anywhere."""
    lines: list[str] = []
    line = ""
    for word in " ".join(str(text).split()).split(" "):
        candidate = f"{line} {word}" if line else word
        if fnt.getlength(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        while fnt.getlength(word) > width:
            cut = len(word)
            while cut > 1 and fnt.getlength(word[:cut]) > width:
                cut -= 1
            slash = word.rfind("/", 0, cut)
            if slash > 0:
                cut = slash + 1
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    if line:
        lines.append(line)
    return lines
