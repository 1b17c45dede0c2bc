"""A table drawn without ruling lines (a clerk's table with its borders removed, "ไม่มี
เส้นขอบ"), found from its header: a row of pieces of text side by side (apart by more than
half a letter: a cell's padding on both sides) whose texts are a known layout's headers.
Its columns start where the header's pieces start, or further left where the text under
them starts (a centred header stands in from its column's left edge). The table ends at
the first line that runs over a column's start (a paragraph after the table) unless it is
a heading ("ตัวชี้วัดที่ …": a section row across the columns). A row starts where the first
column's text starts a paragraph; every line down to the next row is its cells'.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from .parts import is_noise
from .pdflines import (
    LINE_PITCH,
    LINE_TOLERANCE,
    Line,
    Reading,
    continues,
    lines_of,
    rows_of,
)
from .tables import HEADING, match_header
from .wordxml import CellData, RowData

Box = tuple[float, float, float, float]
PAD = 5.5  # points: a cell's padding on each side, as Word's and LibreOffice's PDFs place
# the first letter from a ruled cell's border (0.19 cm, 5.4 pt, and their rounding)
_GAP = 0.6  # letters: text this far apart is in two cells (the padding of both is more)
_HEADER_LINES = 6


@dataclass
class Unruled:
    box: Box
    starts: list[float]  # where each column's text starts
    rows: list[list[tuple[Box, list[Line]] | None]]  # None: covered by the cell on its left
    last_top: float = 0.0  # the top of its last line
    spaced: bool = False  # its rows stand apart by more than a line
    end: int = 0  # the row of the page's lines after it
    to_foot: bool = False  # nothing after it on its page: it may go on on the next

    def holds(self, line: Line) -> bool:
        return self.box[1] - LINE_TOLERANCE <= line.top <= self.last_top + LINE_TOLERANCE


def _column(x0: float, starts: list[float]) -> int:
    return max((k for k, start in enumerate(starts) if start <= x0 + 2), default=0)


def _gap(above: list[Line], below: list[Line]) -> bool:
    """More room between two lines than between the lines of a paragraph."""
    return below[0].top - above[0].top > 1.15 * LINE_PITCH * above[0].size


def _header(rows: list[list[Line]], at: int, layouts):
    """The best header of a layout whose first line is row `at`: (mapping, lines it
    takes, starts of its pieces' columns)."""
    first = rows[at]
    starts = [line.x0 for line in first]
    best = None
    texts = [""] * len(first)
    for taken in range(1, min(_HEADER_LINES, len(rows) - at) + 1):
        row = rows[at + taken - 1]
        if taken > 1 and _gap(rows[at + taken - 2], row):
            break  # the header's lines are one block
        for line in row:
            k = _column(line.x0, starts)
            texts[k] += line.text
        found = match_header(RowData([CellData(t, k) for k, t in enumerate(texts)]), layouts)
        if found is not None and (best is None or found.score >= best[0].score):
            best = (found, taken)
    return None if best is None else (*best, starts)


def unruled_tables(chars: list[dict], spaces: bool, layouts, page_width: float,
                   reading: Reading, going_on: Unruled | None = None) -> list[Unruled]:
    """The tables without ruling lines among the page's characters (outside its ruled
    tables); `going_on`: the table that ran to the foot of the page before, whose rows
    go on at the top of this one when its lines stand in its columns (Word repeats a
    header only when told to)."""
    if not layouts or not chars:
        return []
    pieces = lines_of(chars, spaces, apart=True, gap=_GAP)
    rows = rows_of(sorted(pieces, key=lambda line: line.top))
    out: list[Unruled] = []
    at = 0
    if going_on is not None:
        while at < len(rows) and len(rows[at]) == 1 and is_noise(rows[at][0].text):
            at += 1  # the page's number over the text
        if at < len(rows) and not _over(rows[at], going_on.starts):
            table, at = _table(rows, at, 0, going_on.starts, page_width, reading,
                               going_on)
            out.append(table)
    while at < len(rows):
        found = _header(rows, at, layouts) if len(rows[at]) >= 2 else None
        if found is None:
            at += 1
            continue
        _, taken, header_starts = found
        table, at = _table(rows, at, taken, header_starts, page_width, reading)
        out.append(table)
    if out and out[-1].end == len(rows):
        out[-1].to_foot = True
    return out


def _spaced(lines: list[Line]) -> list[Line]:
    """A cell's pieces of one line as one where the first ends in the spaces the clerk
    typed (a double space parts them as a cell's padding would); pieces after no space
    stay apart (a ruled table's cells in the cell)."""
    out: list[Line] = []
    for line in lines:
        last = out[-1] if out else None
        if last is not None and last.trailing and abs(last.top - line.top) <= LINE_TOLERANCE:
            out[-1] = dataclasses.replace(
                last, x1=line.x1, text=last.text + last.trailing + line.text,
                trailing=line.trailing, bold=last.bold and line.bold,
                any_bold=last.any_bold or line.any_bold, leader=line.leader, ends=line.ends)
        else:
            out.append(line)
    return out


def _over(row: list[Line], starts: list[float]) -> bool:
    """A line runs over a column's start: no line of the table."""
    return any(line.x0 < start - 2 < start + 2 < line.x1 for line in row for start in starts[1:])


def _section(row: list[Line]) -> bool:
    return len(row) == 1 and bool(HEADING.match(row[0].text))


def _starts(rows: list[list[Line]], header: list[float], page_width: float) -> list[float]:
    """Where each column's text starts, from the rows under the header down to the first
    paragraph: where most of the lines under its header start (they start at the
    column's left edge in every row; a centred header stands further in, a piece a
    double space cut off stands alone), the leftmost of as many."""
    centers = [(a + b) / 2 for a, b in zip(header, [*header[1:], page_width], strict=True)]
    pieces: list[Line] = []
    for row in rows:
        if not _section(row) and any(
                sum(line.x0 < c < line.x1 for c in centers) >= 2 for line in row):
            break  # a line over two columns' middles: a paragraph after the table
        pieces.extend(row)
    starts = []
    for k, own in enumerate(header):
        after = centers[k - 1] if k else float("-inf")
        found = sorted([own] + [line.x0 for line in pieces if after < line.x0 <= own + 2])
        groups: list[list[float]] = []
        for x in found:
            if groups and x - groups[-1][-1] <= 1.0:
                groups[-1].append(x)
            else:
                groups.append([x])
        starts.append(max(groups, key=len)[0])  # max() keeps the first (leftmost) of ties
    return starts


def _table(rows: list[list[Line]], at: int, taken: int, header: list[float],
           page_width: float, reading: Reading, going_on: Unruled | None = None,
           ) -> tuple[Unruled, int]:
    """The table whose header takes rows `at`… (`taken` of them; none when the table
    `going_on` goes on there), and the row after it."""
    body = at + taken
    starts = going_on.starts if going_on else _starts(rows[body:], header, page_width)
    lefts = [start - PAD for start in starts]
    rights = [start - PAD for start in starts[1:]] + [page_width - starts[0] + 2 * PAD]
    table_rows: list[list[Line]] = [[line for row in rows[at:body] for line in row]]
    table_rows = [lines for lines in table_rows if lines]  # the header, if any
    first_lines: list[Line] = []
    # a row starts where the first column's text does not go on, and, when the rows
    # stand apart (a paragraph's spacing after the header's last line), after such a gap
    spaced = going_on.spaced if going_on else (
        body < len(rows) and _gap(rows[body - 1], rows[body]))
    end = body
    fresh = True  # the next line starts a row (the first under the header, or a section's)
    for index in range(body, len(rows)):
        row = rows[index]
        if len(row) == 1 and is_noise(row[0].text):
            end = index + 1  # a page number ("- ๒ -") under the table
            continue
        if _over(row, starts):
            if not _section(row):
                break
            table_rows.append(list(row))  # a section row across the columns
            first_lines, fresh = [], True
        else:
            title = [line for line in row if _column(line.x0, starts) == 0]
            if fresh or (title and ((spaced and _gap(rows[index - 1], row)) or not (
                    first_lines and continues(first_lines[-1], title[0], starts[0],
                                              rights[0] - PAD, reading)))):
                table_rows.append([])
            table_rows[-1].extend(row)
            first_lines.extend(title[:1])
            fresh = False
        end = index + 1
    cells_rows: list[list[tuple[Box, list[Line]] | None]] = []
    for lines in table_rows:
        top = min(line.top for line in lines)
        bottom = max(line.top + LINE_PITCH * line.size for line in lines)
        if len(lines) == 1 and _over(lines, starts):
            cells_rows.append([((lefts[0], top, rights[-1], bottom), lines)]
                              + [None] * (len(starts) - 1))
            continue
        cells_rows.append([((lefts[k], top, rights[k], bottom),
                            _spaced([line for line in lines if _column(line.x0, starts) == k]))
                           for k in range(len(starts))])
    boxes = [cell[0] for row in cells_rows for cell in row if cell]
    box = (lefts[0], min(b[1] for b in boxes), rights[-1], max(b[3] for b in boxes))
    last = max(line.top for lines in table_rows for line in lines)
    return Unruled(box, starts, cells_rows, last, spaced, end), end
