"""Phone screenshots of a built site for the README (run by tools/screenshots)."""
from __future__ import annotations

import functools
import http.server
import io
import os
import sys
import threading
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

PHONE = {"width": 390, "height": 844}
SHOTS = {"phone-home.png": "", "phone-lesson.png": "fraud/droppers/"}
CHROMIUM = os.environ.get("ZB_CHROMIUM", "/usr/bin/chromium")


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main(site: Path, out: Path, lang_path: str) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/{lang_path}"
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        page = browser.new_page(viewport=PHONE, device_scale_factor=1)
        for name, path in SHOTS.items():
            page.goto(base + path)
            page.wait_for_load_state("load")
            png = page.screenshot()
            # 64 colours keep the text sharp and the file small
            image = Image.open(io.BytesIO(png)).convert("RGB").quantize(64, dither=Image.Dither.NONE)
            image.save(out / name, optimize=True)
            print(f"{out / name}: {base + path}")
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else "ru/")
