"""A published PDF's pages as the same blocks a Word file gives (paragraphs and tables
with their page), read with pdfplumber: the ruling lines give the cells, the text outside
them the paragraphs (pdflines.py makes paragraphs of the lines). Thai text is repaired on
the way (thai/pdftext.py).

A cell covered by the one to its left or above (pdfplumber gives None) is a merge. A row
cut by the foot of a page goes on in the first row of the next page's table, under the
header repeated there: that row's text is the rest of the row above when every cell it
fills was filled to the foot of the page before (a renderer moves on to the next page
only the lines that did not fit), and the first column's text, if any, goes on with the
title there.

A table in a cell drawn with lines of its own is taken out of the outer grid (pdfgrid.py);
a table drawn without any is found from its header (pdfunruled.py).
"""

from __future__ import annotations

import dataclasses
import io
import itertools
import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field

from .pdfgrid import outer_tables, within
from .pdflines import (
    LINE_TOLERANCE,
    Line,
    Reading,
    join,
    lines_of,
    paragraphs,
    rows_of,
    wrapped,
)
from .pdfunruled import PAD, Unruled, unruled_tables
from .wordxml import Block, CellData, Grid, Para, RowData

MAX_PAGES = 1000
# คำต่อหน้า: the next page's first word at the foot of a page ("/แผน...")
_CONTINUATION = re.compile(r"^/\S.*\.\.\.$")


class ScannedPdf(Exception):
    """No text on any page: pictures of pages (no OCR for now)."""


@dataclass
class PdfContent:
    blocks: list[Block]
    continuation_word: bool = False  # the pages end in the next page's first word


Box = tuple[float, float, float, float]


@dataclass
class _Cell:
    """What a cell's text looked like: its lines and where they may reach."""

    box: Box
    lines: list[Line]
    left: float = 0.0
    right: float = 0.0
    # a table inside the cell: the cell's text as boxes read one after the other (its
    # cells row by row, and the lines above and below it)
    parts: list[tuple[Box, list[Line]]] = field(default_factory=list)

    def full(self, pitch: float) -> bool:
        """Its text reaches the foot of the row (the row was as tall as this cell)."""
        if not self.lines:
            return False
        last = self.lines[-1]
        return self.box[3] - (last.top + pitch * last.size) < 0.6 * pitch * last.size


@dataclass
class _Table:
    grid: Grid
    box: Box
    cells: list[list[_Cell | None]]  # per row, per column (None: covered by a merge)
    ruled: bool = True  # drawn with ruling lines (else pdfunruled.py placed its cells)


@dataclass
class _Page:
    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)  # outside the tables
    tables: list[_Table] = field(default_factory=list)


def _inside(ch: dict, box: Box) -> bool:
    x = (ch["x0"] + ch["x1"]) / 2
    y = (ch["top"] + ch["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _table(table, chars: list[dict], page, number: int, spaces: bool,
           pitch_steps: list[float], nested: list[Box]) -> _Table:
    rows = table.rows
    columns = max((len(r.cells) for r in rows), default=0)
    lefts = [min((r.cells[i][0] for r in rows if i < len(r.cells) and r.cells[i]),
                 default=0.0) for i in range(columns)]
    found: list[list[_Cell | None]] = []
    for row in rows:
        cells: list[_Cell | None] = []
        for box in row.cells:
            if box is None:
                cells.append(None)
                continue
            inside = [c for c in chars if _inside(c, box)]
            lines = lines_of(inside, spaces)
            held = [n for n in nested if within(n, box)]
            parts = (_nested(box, inside, held, spaces) if held
                     else _side_by_side(box, inside, lines, spaces))
            cells.append(_Cell(box, lines, parts=parts))
        found.append(cells)
    _steps([cell.lines for row in found for cell in row if cell], pitch_steps)
    return _Table(Grid(page=page.page_number, number=number, columns=columns), table.bbox,
                  found), lefts


def _unruled(found: Unruled, page, number: int, pitch_steps: list[float]) -> _Table:
    """A table without ruling lines (pdfunruled.py) as a ruled one's cells."""
    rows: list[list[_Cell | None]] = [
        [None if cell is None else _Cell(cell[0], cell[1], cell[0][0] + PAD, cell[0][2] - PAD)
         for cell in row] for row in found.rows]
    _steps([cell.lines for row in rows for cell in row if cell], pitch_steps)
    return _Table(Grid(page=page.page_number, number=number, columns=len(found.starts)),
                  found.box, rows, ruled=False)


def _nested(box: Box, chars: list[dict], cells: list[Box], spaces: bool,
            ) -> list[tuple[Box, list[Line]]]:
    """A cell holding a ruled table (pdfgrid.py): the lines outside the table as they
    are, each of its cells' lines a part of their own, top to bottom and each row left
    to right, as the Word reader gives a nested table's cells."""
    cells = sorted(set(cells), key=lambda c: (c[1], c[0]))
    free = [c for c in chars if not any(_inside(c, n) for n in cells)]
    items = [(line.top, 0.0, box, [line]) for line in lines_of(free, spaces)]
    items += [(n[1], n[0], n, lines_of([c for c in chars if _inside(c, n)], spaces))
              for n in cells]
    parts: list[tuple[Box, list[Line]]] = []
    for _, _, where, lines in sorted(items, key=lambda item: (item[0], item[1])):
        if where is box and parts and parts[-1][0] is box:
            parts[-1][1].extend(lines)  # the cell's own lines: one run of paragraphs
        elif lines:
            parts.append((where, lines))
    return parts


def _side_by_side(box: Box, chars: list[dict], lines: list[Line], spaces: bool,
                  ) -> list[tuple[Box, list[Line]]]:
    """A table inside the cell, drawn without ruling lines (Word's and LibreOffice's PDF
    of a table in a cell): two lines or more one under the other, each cut into as many
    pieces by gaps of a letter's size or more, the pieces starting at the same places. Its
    pieces are read one by one, row by row, as the Word file gives its cells' lines; the
    cell's other lines as they are. [] when there is none."""
    if len(lines) < 2:
        return []
    pieces = lines_of(chars, spaces, apart=True, gap=1.0)
    if len(pieces) == len(lines):
        return []  # no line is cut
    rows = rows_of(pieces)

    def starts(row: list[Line]) -> list[float]:
        return [line.x0 for line in row]

    aligned = [len(a) > 1 and len(a) == len(b) and all(
        abs(x - y) < 2 for x, y in zip(starts(a), starts(b), strict=True))
        for a, b in itertools.pairwise(rows)]
    if not any(aligned):
        return []
    grid = set()
    for index, together in enumerate(aligned):
        if together:
            grid.update((index, index + 1))
    parts: list[tuple[Box, list[Line]]] = []
    for index, row in enumerate(rows):
        if index in grid:
            parts.extend(((line.x0, box[1], box[2], box[3]), [line]) for line in row)
            continue
        whole = [line for line in lines if abs(line.top - row[0].top) <= LINE_TOLERANCE]
        if parts and index - 1 not in grid:
            parts[-1][1].extend(whole)
        else:
            parts.append((box, whole))
    return parts


def _pad(tables: list[_Table]) -> None:
    """Where each cell's text may run: inside the cells' padding, the same in every cell
    of the file (a writer's, or Word's default margins): the least room between a border
    and the line nearest to it (centred text stands further in), averaged over the cells
    that have it (positions are rounded)."""
    tables = [table for table in tables if table.ruled]
    rooms = [min(line.x0 for line in cell.lines) - cell.box[0] for table in tables
             for row in table.cells for cell in row if cell and cell.lines]
    rooms = [room for room in rooms if room >= 0]
    pad = 2.0
    if rooms:
        least = min(rooms)
        near = [room for room in rooms if room - least < 0.05]
        pad = sum(near) / len(near)
    for table in tables:
        for row in table.cells:
            for cell in row:
                if cell is not None:
                    cell.left, cell.right = cell.box[0] + pad, cell.box[2] - pad


def _steps(groups: list[list[Line]], out: list[float]) -> None:
    """The distance from one line to the next, per point of size, in each group."""
    for lines in groups:
        for first, second in itertools.pairwise(lines):
            if abs(first.size - second.size) < 0.5 and first.size:
                ratio = (second.top - first.top) / first.size
                if 1.0 < ratio < 2.0:
                    out.append(round(ratio, 2))


def _fill(table: _Table, lefts: list[float], reading: Reading) -> None:
    """The grid's rows: each cell's lines as its paragraphs, one a line."""
    for row in table.cells:
        cells: list[CellData] = []
        last_box = None
        for index, cell in enumerate(row):
            if cell is None:
                if last_box is not None and last_box[2] > lefts[index] + 1:
                    cells[-1].span += 1  # the cell on its left reaches over it
                else:
                    cells.append(CellData("", index, 1, "continue"))  # merged from above
                continue
            pad = cell.left - cell.box[0]
            texts = [text for box, lines in cell.parts or [(cell.box, cell.lines)]
                     for _, text, _ in paragraphs(lines, box[0] + pad, box[2] - pad, reading)]
            cells.append(CellData("\n".join(texts), index))
            last_box = cell.box
        table.grid.rows.append(RowData(cells))


def _columns(lines: list[Line]) -> list[tuple[float | None, list[Line]]]:
    """Runs of lines to read in order: lines side by side (two signers, each a column of
    lines) are read column by column, each column at the height of the block (None: each
    paragraph at its own); a line alone under one of the columns (a signer's third
    position) stays in it."""
    rows = rows_of(lines)
    out: list[tuple[float | None, list[Line]]] = []
    block: list[list[Line]] = []  # per column
    starts: list[float] = []

    def flush() -> None:
        top = min((line.top for column in block for line in column), default=0.0)
        out.extend((top, column) for column in block if column)
        block.clear()
        starts.clear()

    for row in rows:
        if len(row) > 1:
            if not starts:
                starts.extend(line.x0 for line in row)
                block.extend([] for _ in row)
            for line in row:
                block[min(range(len(starts)), key=lambda k: abs(starts[k] - line.x0))].append(
                    line)
            continue
        near = [k for k, x in enumerate(starts) if abs(x - row[0].x0) < 30]
        if block and near:
            block[near[0]].append(row[0])
            continue
        flush()
        if out and out[-1][0] is None:
            out[-1][1].append(row[0])
        else:
            out.append((None, [row[0]]))
    flush()
    return out


def read_pdf_blocks(data: bytes, progress: Callable[[float], None] | None = None,
                    own_lines: re.Pattern[str] | None = None, layouts=()) -> PdfContent:
    """The blocks of the PDF; `own_lines`: the lines our writer starts anew (tables.py);
    `layouts`: the table layouts whose header finds a table drawn without lines."""
    import pdfplumber

    pages: list[_Page] = []
    tables = 0
    any_text = False
    spaces = False
    steps: list[float] = []
    reading = Reading(own_lines=own_lines)
    pending: list[tuple[_Table, list[float]]] = []
    continuation = False
    going_on: Unruled | None = None
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        # our own PDF: its lines were broken by our line breaker (pdflines.wrapped)
        reading.our_breaks = str(pdf.metadata.get("Creator", "")) == "ITA Desk"
        chosen = pdf.pages[:MAX_PAGES]
        for number, page in enumerate(chosen, 1):
            chars = page.chars
            any_text = any_text or any(c["text"].strip() for c in chars)
            reading.metrics.add(chars)
            # ours, Word's and LibreOffice's PDFs draw typed spaces; trust them once seen
            spaces = spaces or any(c["text"] == " " for c in chars)
            found, plains, outside = _tables_of(page, chars, spaces, layouts, reading,
                                                going_on)
            read = _Page(number, float(page.width), float(page.height),
                         lines_of(outside, spaces, apart=True))
            for table, nested in found:
                tables += 1
                inside = [c for c in chars if _inside(c, table.bbox)]
                item, lefts = _table(table, inside, page, tables, spaces, steps, nested)
                read.tables.append(item)
                pending.append((item, lefts))
            for plain in plains:
                tables += 1
                read.lines = [line for line in read.lines if not plain.holds(line)]
                read.tables.append(_unruled(plain, page, tables, steps))
                pending.append((read.tables[-1], [start - PAD for start in plain.starts]))
            read.tables.sort(key=lambda t: t.box[1])
            # a table without lines at the foot of the page may go on on the next
            going_on = plains[-1] if plains and plains[-1].to_foot and (
                read.tables[-1].box == plains[-1].box) else None
            last = max(read.lines, key=lambda line: line.top, default=None)
            if last is not None and _CONTINUATION.match(last.text) and all(
                    t.box[3] < last.top for t in read.tables):
                read.lines.remove(last)
                continuation = True
            _steps([read.lines], steps)
            pages.append(read)
            page.flush_cache()  # pdfplumber keeps every page's objects otherwise
            if progress:
                progress(number / len(chosen))
    if not any_text:
        raise ScannedPdf
    reading.spaces = spaces
    if steps:
        reading.pitch = statistics.mode(steps)
    _pad([item for item, _ in pending])
    _cut_rows(pages, reading)
    for item, lefts in pending:
        _fill(item, lefts, reading)
    return PdfContent(_blocks(pages, reading), continuation)


def _tables_of(page, chars: list[dict], spaces: bool, layouts, reading: Reading,
               going_on: Unruled | None):
    """The page's ruled tables (each with its nested tables' cells), its tables without
    lines, and the characters outside the ruled ones. A ruled table standing inside a
    table without lines is a table in one of its cells: its text is that cell's."""
    finder = page.debug_tablefinder()  # its tables, and the lines they are made of
    found = sorted(outer_tables(page, finder.tables, finder.edges), key=lambda t: t[0].bbox[1])
    while True:
        outside = [c for c in chars if not any(_inside(c, t.bbox) for t, _ in found)]
        plains = unruled_tables(outside, spaces, layouts, float(page.width), reading,
                                going_on)
        inner = [(t, n) for t, n in found if any(
            p.box[0] <= t.bbox[0] and t.bbox[2] <= p.box[2]
            and p.box[1] <= t.bbox[1] <= p.last_top for p in plains)]
        if not inner:
            return found, plains, outside
        found = [item for item in found if item not in inner]


def _blocks(pages: list[_Page], reading: Reading) -> list[Block]:
    """Each page's paragraphs and tables, top to bottom."""
    edges: dict[float, tuple[float, float]] = {}  # page width → where text runs
    for page in pages:
        xs = [(line.x0, line.x1) for line in page.lines] + [
            (t.box[0], t.box[2]) for t in page.tables]
        if xs:
            left, right = edges.get(round(page.width), (page.width, 0.0))
            edges[round(page.width)] = (min(left, min(x for x, _ in xs)),
                                        max(right, max(x for _, x in xs)))
    # a signature block's lines are each a paragraph of its own, however long the line
    # of dots before the name
    starts = [r"\s*\(?\s*ลงชื่อ", r"\s*\(\s*[^()0-9๐-๙]{2,80}\)\s*$"]
    if reading.own_lines is not None:
        starts.append(reading.own_lines.pattern)
    reading = dataclasses.replace(reading, own_lines=re.compile("|".join(
        f"(?:{start})" for start in starts)))
    blocks: list[Block] = []
    open_end: tuple[Para, tuple[Line, str, Line]] | None = None  # goes on on the next page
    for page in pages:
        left, right = edges.get(round(page.width), (0.0, page.width))
        items: list[tuple[float, Block, tuple[Line, str, Line] | None]] = []
        for top, run in _columns(page.lines):
            for found in paragraphs(run, left, right, reading):
                first = found[0]
                centered = first.x0 > left + 5 and abs(first.center - (left + right) / 2) < 3
                items.append((first.top if top is None else top,
                              Para(found[1], page.number, centered, first.bold), found))
        items.extend((t.box[1], t.grid, None) for t in page.tables)
        items.sort(key=lambda item: item[0])
        typed = [item for item in items if not (item[2] and _noise(item[1].text)
                                                 and item[2][2].ends is None)]
        if open_end is not None and typed and typed[0][2] is not None:
            # our paragraph cut by the foot of the page goes on at the top of this one
            para, found = open_end
            _, _, (first, text, end) = typed[0]
            para.text = join(found, first, reading)[1] + text[len(first.text):]
            items.remove(typed[0])
            typed[0] = (0.0, para, (found[0], para.text, end))
        blocks.extend(block for _, block, _ in items)
        last = typed[-1] if typed else None
        open_end = None
        if last is not None and last[2] is not None and reading.goes_on(last[2][2]):
            open_end = (last[1], (last[2][0], last[1].text, last[2][2]))
    return blocks


def _cut_rows(pages: list[_Page], reading: Reading) -> None:
    """A row cut by the foot of a page and going on in the first row of the next page's
    table (under the header repeated there): that row's lines go into the row above, the
    lines of each cell after those on the page before, and the row is dropped."""
    feet: dict[float, float] = {}
    for page in pages:
        for table in page.tables:
            feet[round(page.height)] = max(feet.get(round(page.height), 0.0), table.box[3])
    # a row cut twice: the part on the page before, and the row its lines went into
    parts: dict[int, tuple[list[_Cell | None], list[_Cell | None]]] = {}
    for before, after in itertools.pairwise(pages):
        if not before.tables or not after.tables:
            continue
        above, below = before.tables[-1], after.tables[0]
        if any(line.top > above.box[3] for line in before.lines) or any(
                line.top < below.box[1] and not _noise(line.text) for line in after.lines):
            continue  # text after the table, or before the next: the table ended there
        if not above.cells or above.box[3] < feet[round(before.height)] - 2 * reading.pitch * 16:
            continue
        header = 1 if len(below.cells) > 1 and _texts(below, 0) == _texts(above, 0) else 0
        if len(below.cells) <= header:
            continue
        seen, into = parts.get(id(above), (above.cells[-1], above.cells[-1]))
        rest = below.cells[header]
        if not _is_cut(seen, rest, reading):
            continue
        _merge(into, rest, reading)
        del below.cells[header]
        if header == len(below.cells):  # it was the page's last row: it may go on again
            parts[id(below)] = (rest, into)


def _noise(text: str) -> bool:
    from .parts import is_noise

    return is_noise(text)


def _is_cut(top: list[_Cell | None], rest: list[_Cell | None], reading: Reading) -> bool:
    """Whether `rest` is the rest of the row `top`: the same columns; every cell it fills
    was filled to the foot of the page before (a renderer moves on only the lines that
    did not fit); and a title it has goes on with the title above."""
    if len(top) != len(rest) or any((a is None) != (b is None) or (
            a is not None and b is not None and abs(a.box[0] - b.box[0]) > 1.5)
            for a, b in zip(top, rest, strict=True)):
        return False
    pairs = [(a, b) for a, b in zip(top, rest, strict=True) if a is not None and b is not None]
    if not pairs or any(b.lines and not a.full(reading.pitch) for a, b in pairs):
        return False
    title_above, title = pairs[0]
    return not (title.lines and title_above.lines) or wrapped(
        title_above.lines[-1], title.lines[0], title_above.right - title_above.lines[-1].x0,
        reading, title.lines[1:3])


def _merge(into: list[_Cell | None], rest: list[_Cell | None], reading: Reading) -> None:
    """The lines of `rest` after those of `into`, cell by cell, as if the page went on."""
    for a, b in zip(into, rest, strict=True):
        if a is None or b is None or not b.lines:
            continue
        if a.lines:
            last = a.lines[-1]
            shift = last.top + reading.pitch * last.size - b.lines[0].top
            a.lines = a.lines + [dataclasses.replace(line, top=line.top + shift)
                                 for line in b.lines]
        else:
            a.lines = list(b.lines)


def _texts(table: _Table, row: int) -> list[str]:
    return [" ".join(line.text for line in cell.lines) if cell else ""
            for cell in table.cells[row]]
