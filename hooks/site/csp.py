"""Content-Security-Policy for every page, as a <meta http-equiv> tag.

The site is static (no server headers we control), so the policy travels in the page.
Scripts: only files from the site itself, plus any inline <script> block of the theme,
allowed by its sha256 hash (today there is none: overrides/main.html and
overrides/partials/javascripts/ leave out Material's bundle.js and its inline helpers). The hashes are computed from each rendered page
(``on_post_page``/``on_post_template``), so a Material upgrade that changes those blocks
cannot silently break the site, and editors' content can never add a script: an inline
script or ``onclick=`` that slipped through would not run. ``<script type="application/json">``
(Material's configuration) is data and is not executed.

``'wasm-unsafe-eval'`` lets the site search (Pagefind, hooks/site/search.py) compile its
WebAssembly module, which is a file of this site; it does not allow eval() or new Function().

Styles: stylesheets from the site only (``style-src 'self'``); ``style-src-attr
'unsafe-inline'`` allows style *attributes* only (Markdown tables align columns with
style="text-align: ...", Material's scripts position elements), never <style> blocks.
"""
from __future__ import annotations

import base64
import hashlib
import re

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_SRC = re.compile(r"""\bsrc\s*=""", re.IGNORECASE)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_CHARSET = re.compile(r"<meta\s+charset=[\"']?utf-8[\"']?\s*/?>", re.IGNORECASE)
JS_TYPES = {"", "text/javascript", "application/javascript", "module"}

FIXED = {
    "default-src": ["'self'"],
    "style-src": ["'self'"],
    "style-src-attr": ["'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
ORDER = ["default-src", "script-src", "style-src", "style-src-attr", "img-src", "object-src",
         "base-uri", "form-action"]


def inline_script_hashes(page: str) -> list[str]:
    """CSP source expressions ('sha256-...') for every executable inline <script>."""
    hashes = []
    for attrs, body in _SCRIPT.findall(page):
        if _SRC.search(attrs):
            continue
        m = _TYPE.search(attrs)
        if m and m.group(1).lower() not in JS_TYPES:
            continue  # data blocks such as <script id="__config" type="application/json">
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        source = f"'sha256-{digest}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy(page: str) -> str:
    directives = dict(FIXED)
    directives["script-src"] = ["'self'", "'wasm-unsafe-eval'"] + inline_script_hashes(page)
    return "; ".join(f"{name} {' '.join(directives[name])}" for name in ORDER)


def add_meta(page: str) -> str:
    """The page with its policy as the first element after <meta charset>."""
    m = _CHARSET.search(page)
    if m is None:
        raise ValueError("no <meta charset=\"utf-8\"> to put the Content-Security-Policy after")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(page)}">'
    return page[: m.end()] + "\n  " + meta + page[m.end():]
