"""Text that comes into a cell: typed, pasted, or read from a file (no Qt)."""

from __future__ import annotations

import re

from ..thai.segment import ZWSP

# Characters XML (and so Word) cannot hold, and that no clerk means to type.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
MAX_CELL_CHARS = 20_000


def clean_cell_text(text: str) -> tuple[str, bool]:
    """(cleaned text, whether anything had to be cut). Line ends become \\n."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace(ZWSP, "")
    text = _CONTROL.sub("", text)
    cut = len(text) > MAX_CELL_CHARS
    if cut:
        text = text[:MAX_CELL_CHARS]
    return text, cut


def parse_tsv(text: str) -> list[list[str]]:
    """Tab-separated cells as Excel, LibreOffice and Word put them on the clipboard.

    A cell holding a line break or a tab comes quoted ("…"), with "" for a quote.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    rows: list[list[str]] = []
    row: list[str] = []
    i, n = 0, len(text)

    def plain_cell(start: int) -> int:
        """Take the cell from `start` up to the next separator; returns where it ends."""
        end = start
        while end < n and text[end] not in "\t\n":
            end += 1
        row.append(text[start:end])
        return end

    while i <= n:
        if i < n and text[i] == '"':
            # quoted cell
            j = i + 1
            buf = []
            while j < n:
                if text[j] == '"':
                    if j + 1 < n and text[j + 1] == '"':
                        buf.append('"')
                        j += 2
                        continue
                    break
                buf.append(text[j])
                j += 1
            if j < n and (j + 1 == n or text[j + 1] in "\t\n"):
                row.append("".join(buf))
                i = j + 1
            else:
                i = plain_cell(i)  # not a well-formed quoted cell: taken literally
        else:
            i = plain_cell(i)
        if i >= n:
            rows.append(row)
            break
        if text[i] == "\n":
            rows.append(row)
            row = []
        i += 1
    return rows


def to_tsv(rows: list[list[str]]) -> str:
    def cell(value: str) -> str:
        if any(c in value for c in '\t\n"'):
            return '"' + value.replace('"', '""') + '"'
        return value

    return "".join("\t".join(cell(v) for v in row) + "\n" for row in rows)
