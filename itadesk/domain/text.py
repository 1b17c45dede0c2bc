"""Text that comes into a cell: typed, pasted, or read from a file (no Qt)."""

from __future__ import annotations

import csv
import io
import re

from ..thai.linebreak import WORD_JOINER, ZWSP

# Characters XML (and so Word) cannot hold, and that no clerk means to type.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
MAX_CELL_CHARS = 20_000
_LINE_END = re.compile(r"\r\n?")


def clean_cell_text(text: str) -> tuple[str, bool]:
    """(cleaned text, whether anything had to be cut). Line ends become \\n."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace(ZWSP, "").replace(WORD_JOINER, "")
    text = _CONTROL.sub("", text)
    cut = len(text) > MAX_CELL_CHARS
    if cut:
        text = text[:MAX_CELL_CHARS]
    return text, cut


_TRAILING_EMPTY_LINES = re.compile(r"(?:\n[ \t\u00a0]*)+\Z")


def finished_cell_text(text: str) -> str:
    """A cell's text as the clerk leaves it: the empty lines at its end dropped (an Enter
    pressed to "confirm" made one); the empty lines inside it are the clerk's own."""
    return _TRAILING_EMPTY_LINES.sub("", text)


def parse_tsv(text: str) -> list[list[str]]:
    """Tab-separated cells as Excel, LibreOffice and Word put them on the clipboard.

    A spreadsheet quotes a cell holding a line break, a tab or a quote ("…", with ""
    for a quote). Text from elsewhere (Word, a web page) is not quoted, and a cell may
    just start with a quote («"ITA" คืออะไร»): read leniently, those quotes would vanish,
    so text that is not quoted throughout as a spreadsheet does it is taken as it stands.
    """
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), dialect="excel-tab", strict=True))
    except csv.Error:
        rows = list(csv.reader(io.StringIO(text, newline=""), dialect="excel-tab",
                               quoting=csv.QUOTE_NONE))
    # A line with nothing on it is one empty cell; line ends inside cells become \n.
    return [[_LINE_END.sub("\n", cell) for cell in row] or [""] for row in rows] or [[""]]


def to_tsv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, dialect="excel-tab", lineterminator="\n").writerows(rows)
    return out.getvalue()
