"""A published PDF's pages as the same blocks a Word file gives (paragraph lines and tables
with their page), read with pdfplumber: the ruling lines give the cells, the text lines
outside them the paragraphs. Thai text is repaired on the way (thai/pdftext.py).

A cell's lines are one paragraph where the line before reaches the cell's right edge (the
renderer wrapped it there) and a new line where it stops short, as a clerk's Enter does.
A cell covered by the one to its left or above (pdfplumber gives None) is a merge.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from ..thai.pdftext import drop_split_spaces, join_wrapped, repair
from .tables import LIST_LINE
from .wordxml import Block, CellData, Grid, Para, RowData

MAX_PAGES = 1000
_LINE_TOLERANCE = 3.0
_LINE_HEIGHT = 20.0  # points: a line of 15-16 pt Thai text


class ScannedPdf(Exception):
    """No text on any page: pictures of pages (no OCR for now)."""


def _columns(lines: list[tuple[float, float, float, str, bool]], chars: list[dict],
             ) -> list[tuple[float, float, float, str, bool]]:
    """Lines side by side (two signers, each a column of lines) read column by column; a
    line alone under one of the columns (a signer's third position) stays in it."""
    out: list[tuple[float, float, float, str, bool]] = []
    block: list[dict[int, tuple[float, float, float, str, bool]]] = []
    starts: list[float] = []

    def flush() -> None:
        # the block keeps its place on the page: each line takes the top of its first line
        top = min((part[0] for parts in block for part in parts.values()), default=0.0)
        for index in range(len(starts)):
            out.extend((top, *parts[index][1:]) for parts in block if index in parts)
        block.clear()
        starts.clear()

    for line in lines:
        parts = _split_at_gaps(line, chars)
        if len(parts) > 1:
            if not starts:
                starts.extend(part[1] for part in parts)
            block.append({min(range(len(starts)), key=lambda k: abs(starts[k] - part[1])): part
                          for part in parts})
            continue
        near = [k for k, x in enumerate(starts) if abs(x - line[1]) < 30]
        if block and near:
            block.append({near[0]: line})
            continue
        flush()
        out.append(line)
    flush()
    return out


def _split_at_gaps(line, chars: list[dict]) -> list[tuple[float, float, float, str, bool]]:
    top, x0, x1 = line[:3]
    row = sorted((c for c in chars if abs(c["top"] - top) <= _LINE_TOLERANCE
                  and x0 <= c["x0"] <= x1), key=lambda c: c["x0"])
    parts: list[list[dict]] = [[]]
    for ch in row:
        if parts[-1] and ch["x0"] - parts[-1][-1]["x1"] > 4 * float(ch.get("size", 10)):
            parts.append([])
        parts[-1].append(ch)
    if len(parts) < 2:
        return [line]
    return [entry for part in parts for entry in _lines(part)]


def _lines(chars: list[dict]) -> list[tuple[float, float, float, str, bool]]:
    """(top, x0, x1, text, bold) per line of text, top to bottom."""
    rows: list[list[dict]] = []
    for ch in sorted(chars, key=lambda c: (round(c["top"]), c["x0"])):
        if rows and abs(rows[-1][0]["top"] - ch["top"]) <= _LINE_TOLERANCE:
            rows[-1].append(ch)
        else:
            rows.append([ch])
    out = []
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        parts: list[str] = []
        last = None
        for ch in row:
            if last is not None and ch["x0"] - last["x1"] > 0.25 * float(ch.get("size", 10)):
                parts.append(" ")
            parts.append(ch["text"])
            last = ch
        text = drop_split_spaces(repair("".join(parts))).strip()
        if text:
            bold = all("bold" in str(c.get("fontname", "")).lower() for c in row
                       if c["text"].strip())
            out.append((row[0]["top"], row[0]["x0"], max(c["x1"] for c in row), text, bold))
    return out


def _inside(ch: dict, box: tuple[float, float, float, float]) -> bool:
    x = (ch["x0"] + ch["x1"]) / 2
    y = (ch["top"] + ch["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _cell_text(chars: list[dict], box: tuple[float, float, float, float]) -> str:
    lines = _lines([c for c in chars if _inside(c, box)])
    out: list[str] = []
    width = box[2] - box[0]
    previous_end = None
    for _, _, x1, text, _ in lines:
        # the renderer wrapped a line that ends near the cell's right edge; one that stops
        # well short ended where the clerk pressed Enter, as does one before a list item
        wrapped = previous_end is not None and box[2] - previous_end < 0.35 * width
        if wrapped and out and not LIST_LINE.match(text):
            out[-1] = join_wrapped(out[-1], text)
        else:
            out.append(text)
        previous_end = x1
    return "\n".join(out)


def _grid(table, chars: list[dict], page: int, number: int) -> Grid:
    grid = Grid(page=page, number=number)
    rows = table.rows
    columns = max((len(r.cells) for r in rows), default=0)
    grid.columns = columns
    left = [min((r.cells[i][0] for r in rows if i < len(r.cells) and r.cells[i]),
                default=0.0) for i in range(columns)]
    for row in rows:
        cells: list[CellData] = []
        last_box = None
        for index, box in enumerate(row.cells):
            if box is None:
                if last_box is not None and last_box[2] > left[index] + 1:
                    cells[-1].span += 1  # the cell on its left reaches over it
                else:
                    cells.append(CellData("", index, 1, "continue"))  # merged from above
                continue
            cells.append(CellData(_cell_text(chars, box), index))
            last_box = box
        grid.rows.append(RowData(cells))
    return grid


def read_pdf_blocks(data: bytes, progress: Callable[[float], None] | None = None,
                    ) -> list[Block]:
    import pdfplumber

    blocks: list[Block] = []
    tables = 0
    any_text = False
    bottoms: list[tuple[Grid, float]] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = pdf.pages[:MAX_PAGES]
        for number, page in enumerate(pages, 1):
            chars = page.chars
            any_text = any_text or any(c["text"].strip() for c in chars)
            found = sorted(page.find_tables(), key=lambda t: t.bbox[1])
            boxes = [t.bbox for t in found]
            outside = [c for c in chars if not any(_inside(c, b) for b in boxes)]
            items: list[tuple[float, Block]] = [
                (top, Para(text, number, bold=bold))
                for top, _, _, text, bold in _columns(_lines(outside), outside)]
            # sorted by top, stably: a block of columns keeps its column-by-column order
            for table in found:
                tables += 1
                inside = [c for c in chars if _inside(c, table.bbox)]
                grid = _grid(table, inside, number, tables)
                bottoms.append((grid, table.bbox[3]))
                items.append((table.bbox[1], grid))
            blocks.extend(block for _, block in sorted(items, key=lambda item: item[0]))
            page.flush_cache()  # pdfplumber keeps every page's objects otherwise
            if progress:
                progress(number / len(pages))
    if not any_text:
        raise ScannedPdf
    # The foot of the text area is where the fullest page's table stops; a table that
    # stops less than a line above it had its last row cut by the page (a writer that
    # splits rows fills each page to the last line that fits).
    foot = max((bottom for _, bottom in bottoms), default=0.0)
    for grid, bottom in bottoms:
        grid.to_page_foot = bottom >= foot - _LINE_HEIGHT
    return blocks
