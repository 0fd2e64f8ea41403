"""Tables that a phone can read: every data cell gets its column's heading as ``data-label``,
and the table is marked ``data-zb-stack``; at phone width the stylesheet (zb-public.css)
shows each row as a stacked block, each cell under its heading, so no column is squeezed and
no word is broken. Only the plain tables Markdown writes (``<table>`` with a ``<thead>``)."""
from __future__ import annotations

import html
import re

TABLE = re.compile(r"<table>(.*?)</table>", re.S)
THEAD = re.compile(r"<thead>(.*?)</thead>", re.S)
TH = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
TBODY = re.compile(r"<tbody>(.*?)</tbody>", re.S)
ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
TD = re.compile(r"<td\b")
TAG = re.compile(r"<[^>]+>")


def _label(cell_html: str) -> str:
    text = " ".join(html.unescape(TAG.sub("", cell_html)).split())
    return html.escape(text, quote=True)


def _row(match: re.Match, labels: list[str]) -> str:
    cells = iter(labels)

    def cell(_m):
        label = next(cells, "")
        return f'<td data-label="{label}"' if label else "<td"

    return "<tr>" + TD.sub(cell, match.group(1)) + "</tr>"


def _table(match: re.Match) -> str:
    inner = match.group(1)
    head = THEAD.search(inner)
    if not head:
        return match.group(0)
    labels = [_label(th) for th in TH.findall(head.group(1))]
    if not any(labels):
        return match.group(0)
    inner = TBODY.sub(lambda body: "<tbody>" + ROW.sub(lambda r: _row(r, labels), body.group(1)) + "</tbody>", inner)
    return "<table data-zb-stack>" + inner + "</table>"


def stackable(page_html: str) -> str:
    return TABLE.sub(_table, page_html)
