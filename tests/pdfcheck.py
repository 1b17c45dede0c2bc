"""Reading a PDF back as a clerk's reader would: text per table column, in order."""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

_PAGE = re.compile(r"<page [^>]*>(.*?)</page>", re.S)
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                   r"(.*?)</word>", re.S)
PT_PER_MM = 72 / 25.4


def words(pdf: Path) -> list[list[tuple[float, float, str]]]:
    """Per page: (x centre, y top, text) of every word."""
    out = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    pages = []
    for page in _PAGE.findall(out):
        pages.append([((float(a) + float(c)) / 2, float(b), html.unescape(t))
                      for a, b, c, _d, t in _WORD.findall(page)])
    return pages


def column_text(pdf: Path, left_mm: float, widths_mm: tuple[float, ...]) -> list[str]:
    """The text inside each column's x-range, page after page, top to bottom."""
    edges = [left_mm * PT_PER_MM]
    for w in widths_mm:
        edges.append(edges[-1] + w * PT_PER_MM)
    columns = [[] for _ in widths_mm]
    for page in words(pdf):
        for x, _y, text in sorted(page, key=lambda w: (round(w[1]), w[0])):
            for i in range(len(widths_mm)):
                if edges[i] <= x < edges[i + 1]:
                    columns[i].append(text)
                    break
    return ["".join(c) for c in columns]


def in_order_ratio(expected: str, actual: str, window: int = 400) -> float:
    """Share of the expected characters found in the actual text, in the same order.

    A greedy walk: each expected character is looked for a little way ahead of the last
    one found, so that text the reader adds (a header repeated on a new page, a page
    number) is stepped over, and a missing character costs only itself.
    """
    expected = re.sub(r"\s+", "", expected)
    actual = re.sub(r"\s+", "", actual)
    position = matched = 0
    for ch in expected:
        found = actual.find(ch, position, position + window)
        if found >= 0:
            matched += 1
            position = found + 1
    return matched / max(len(expected), 1)
