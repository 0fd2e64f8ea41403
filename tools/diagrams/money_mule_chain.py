"""Draws docs/<lang>/fraud/images/money-mule-chain.png (the diagram in the
"Being a money mule is punishable" lesson) in kk, ru and en with Pillow.

The PNGs are the committed sources; run this only to change the drawing:
    .venv/bin/python tools/diagrams/money_mule_chain.py
"""
from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[2]
FONTS = ROOT / "overrides" / "assets" / "fonts"
W = 1200
BLUE, BLUE_LIGHT = (11, 79, 108), (230, 241, 246)
BROWN, BROWN_LIGHT = (138, 59, 0), (251, 238, 228)
INK, GREY = (26, 26, 26), (70, 70, 70)

TEXT = {
    "kk": {
        "title": "Ұрланған ақша дропперлер арқылы қалай өтеді",
        "steps": [("Жәбірленуші", "алаяқтарға ақша аударады"),
                  ("Дроппер 1", "сіздің картаңыз"),
                  ("Дроппер 2", "басқа адамның картасы"),
                  ("Қолма-қол ақша", "алаяқ ақшаны шешіп алады")],
        "note": "Ақшаның ізі жоғалады, ал жауапқа карта иесі тартылады.",
    },
    "ru": {
        "title": "Как украденные деньги проходят через дропперов",
        "steps": [("Пострадавший", "переводит деньги мошенникам"),
                  ("Дроппер 1", "ваша карта"),
                  ("Дроппер 2", "карта другого человека"),
                  ("Наличные", "мошенник снимает деньги")],
        "note": "След денег теряется, а отвечает владелец карты.",
    },
    "en": {
        "title": "How stolen money passes through money mules",
        "steps": [("Victim", "sends money to the scammers"),
                  ("Money mule 1", "your card"),
                  ("Money mule 2", "another person's card"),
                  ("Cash", "the scammer withdraws the money")],
        "note": "The money trail is lost, and the card owner is held responsible.",
    },
}


def font(bold: bool, size: int):
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(FONTS / name), size, layout_engine=ImageFont.Layout.BASIC)


def wrap(text, fnt, width):
    lines, line = [], ""
    for word in text.split():
        test = f"{line} {word}".strip()
        if fnt.getlength(test) <= width or not line:
            line = test
        else:
            lines.append(line)
            line = word
    return lines + [line]


def draw(lang: str) -> Image.Image:
    t = TEXT[lang]
    title_font, head_font, sub_font, note_font = font(True, 50), font(True, 48), font(False, 40), font(False, 40)
    title_lines = wrap(t["title"], title_font, W - 120)
    note_lines = wrap(t["note"], note_font, W - 120)
    box_h, gap, top = 150, 80, 60 + 64 * len(title_lines) + 30
    height = top + 4 * box_h + 3 * gap + 40 + 52 * len(note_lines) + 50
    image = Image.new("RGB", (W, height), (255, 255, 255))
    d = ImageDraw.Draw(image)
    for i, line in enumerate(title_lines):
        d.text((60, 60 + 64 * i), line, font=title_font, fill=INK)
    for i, (head, sub) in enumerate(t["steps"]):
        y = top + i * (box_h + gap)
        yours = i == 1
        edge, fill = (BROWN, BROWN_LIGHT) if yours else (BLUE, BLUE_LIGHT)
        d.rounded_rectangle([60, y, W - 60, y + box_h], radius=24, fill=fill, outline=edge, width=5)
        d.ellipse([95, y + 35, 175, y + 115], fill=edge)
        num = str(i + 1)
        d.text((135 - head_font.getlength(num) / 2, y + 46), num, font=head_font, fill=(255, 255, 255))
        d.text((210, y + 20), head, font=head_font, fill=INK)
        d.text((210, y + 84), sub, font=sub_font, fill=GREY)
        if i < 3:  # arrow down to the next box
            ax, ay = W // 2, y + box_h + 8
            d.rectangle([ax - 7, ay, ax + 7, ay + gap - 40], fill=INK)
            d.polygon([(ax - 26, ay + gap - 44), (ax + 26, ay + gap - 44), (ax, ay + gap - 16)], fill=INK)
    y = top + 4 * box_h + 3 * gap + 40
    for i, line in enumerate(note_lines):
        d.text((60, y + 52 * i), line, font=note_font, fill=BROWN)
    return image


if __name__ == "__main__":
    for lang in TEXT:
        out = ROOT / "docs" / lang / "fraud" / "images" / "money-mule-chain.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        draw(lang).save(out, format="PNG", optimize=True)
        print(out.relative_to(ROOT))
