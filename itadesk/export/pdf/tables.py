"""Tables on PDF pages: the header row repeated on every page; a row that fits on a page is
never broken (it goes whole to the next page, as Word does with a row that cannot split),
only a row taller than a page runs on, cut between its lines; fills, padding and borders
from the document."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

from reportlab.lib.colors import HexColor, black
from reportlab.lib.rl_accel import fp_str

from ...document.model import PageSetup, Paragraph, Row, Table, VAlign
from .fonts import LINE
from .lines import Line, draw_line, layout_paragraph, mm
from .pages import Pages


@dataclass
class _CellLines:
    lines: list[Line]

    def height(self, start: int = 0, end: int | None = None) -> float:
        return sum(line.height for line in self.lines[start:end])


@dataclass(frozen=True)
class _Look:
    """The table's look in points."""

    table: Table

    @property
    def pad_x(self) -> float:
        return mm(self.table.padding.left_mm + self.table.padding.right_mm)

    @property
    def pad_y(self) -> float:
        return mm(self.table.padding.top_mm + self.table.padding.bottom_mm)

    @property
    def pad_top(self) -> float:
        return mm(self.table.padding.top_mm)

    @property
    def pad_left(self) -> float:
        return mm(self.table.padding.left_mm)

    # The operators ReportLab's setFillColor, setLineWidth, setStrokeColor and rect write
    # (the same bytes), made once per table: a cell's fill and border each time through
    # the canvas were a tenth of a 100-measure layout, most of it formatting numbers.
    @cached_property
    def fill_ops(self) -> tuple[str, str]:
        """(the header's fill colour, black again)."""
        fill = HexColor(f"#{self.table.header_fill}")
        return (f"{fp_str(fill.red, fill.green, fill.blue)} rg",
                f"{fp_str(black.red, black.green, black.blue)} rg")

    @cached_property
    def border_ops(self) -> str:
        border = self.table.border
        color = HexColor(f"#{border.color}")
        return f"{fp_str(border.width_pt)} w\n{fp_str(color.red, color.green, color.blue)} RG"


@lru_cache(maxsize=4096)
def _number(value: float) -> str:
    return fp_str(value)


def _rect(x: float, y: float, width: float, height: float, paint: str) -> str:
    """What ``canvas.rect`` writes (``paint``: "S" stroke, "f*" fill, our even-odd)."""
    return f"n {_number(x)} {_number(y)} {_number(width)} {_number(height)} re {paint}"


def _cell_lines(paragraphs: tuple[Paragraph, ...], width: float, look: _Look) -> _CellLines:
    lines: list[Line] = []
    for p in paragraphs:
        lines.extend(layout_paragraph(p, width - look.pad_x))
    return _CellLines(lines)


def _row_cells(row: Row, widths: list[float], look: _Look
               ) -> tuple[list[_CellLines], list[float]]:
    if row.spans_all:
        return [_cell_lines(row.cells[0].paragraphs, sum(widths), look)], [sum(widths)]
    return ([_cell_lines(c.paragraphs, w, look) for c, w in zip(row.cells, widths, strict=True)],
            widths)


def _draw_row(pages: Pages, cells: list[_CellLines], widths: list[float],
              spans: list[tuple[int, int]], look: _Look, header: bool = False) -> float:
    """Draw lines [start, end) of each cell as one row at the cursor; returns its height."""
    table = look.table
    height = max(c.height(s, e) for c, (s, e) in zip(cells, spans, strict=True)) + look.pad_y
    fill = table.header_fill if header else None
    valign = table.header_valign if header else table.body_valign
    canvas = pages.canvas
    # As ReportLab's colour setters do with an opaque colour: nothing on the page, but the
    # file says PDF 1.4 (transparency), as it always did
    canvas.setStrokeAlpha(1)
    if fill:
        canvas.setFillAlpha(1)
    x = pages.left
    top = pages.y
    for cell, w, (start, end) in zip(cells, widths, spans, strict=True):
        if fill:
            colour, back = look.fill_ops
            canvas.addLiteral(colour)
            canvas.addLiteral(_rect(x, top - height, w, height, "f*"))
            canvas.addLiteral(back)
        y = top - look.pad_top
        room = height - look.pad_y - cell.height(start, end)
        if valign is VAlign.CENTER:
            y -= room / 2
        elif valign is VAlign.BOTTOM:
            y -= room
        for line in cell.lines[start:end]:
            draw_line(pages, line, x + look.pad_left, y)
            y -= line.height
        canvas.addLiteral(look.border_ops)
        canvas.addLiteral(_rect(x, top - height, w, height, "S"))
        x += w
    pages.y -= height
    return height


def _header_height(header: list[_CellLines], look: _Look) -> float:
    return max(c.height() for c in header) + look.pad_y


def _room_under_header(page: PageSetup, header_height: float) -> float:
    """The room for rows on a page of the table's own, under its header."""
    return mm(page.page_height_mm - page.top_mm - page.bottom_mm) - header_height


def rows_fitting_a_page(table: Table, page: PageSetup, share: float = 1.0) -> list[bool]:
    """For each body row: whether it fits whole within `share` of a page under the header,
    laid out as in our PDF (the Word file marks those rows as not to be split: Word and
    LibreOffice cut off the text of such a row taller than a page)."""
    look = _Look(table)
    widths = [mm(w) for w in table.widths_mm]
    header, _ = _row_cells(table.header, widths, look)
    room = _room_under_header(page, _header_height(header, look)) * share
    out = []
    for row in table.rows:
        cells, _ = _row_cells(row, widths, look)
        out.append(max(c.height() for c in cells) + look.pad_y <= room)
    return out


def _kept_with(table: Table, row: Row, index: int, widths: list[float], look: _Look,
               whole_page: float, min_line: float, after: float) -> float:
    """For a row kept with the next (a section heading: its paragraphs keep with next),
    the height the next row needs on the same page: all of it if it fits on a page (it
    is never broken), else its first line; for the last row kept (before the
    signatures), `after`, what follows the table needs; 0 for any other row."""
    paragraphs = [p for cell in row.cells for p in cell.paragraphs]
    kept = bool(paragraphs) and all(p.keep_with_next for p in paragraphs)
    if not kept:
        return 0.0
    if index + 1 >= len(table.rows):
        return after
    cells, _ = _row_cells(table.rows[index + 1], widths, look)
    height = max(c.height() for c in cells) + look.pad_y
    return height if height <= whole_page else min_line + look.pad_y


def draw_table(pages: Pages, table: Table, after: float = 0.0) -> None:
    """`after`: the height that what follows needs beside the last row, if that row keeps
    with the next."""
    look = _Look(table)
    widths = [mm(w) for w in table.widths_mm]
    header, _ = _row_cells(table.header, widths, look)
    header_spans = [(0, len(c.lines)) for c in header]
    header_height = _header_height(header, look)
    min_line = table.body_size_pt * LINE

    def draw_header() -> None:
        # The first header belongs to the page's text; a repeated one does not.
        pages.drawing_header = bool(pages.first_words[-1]) or repeated
        _draw_row(pages, header, widths, header_spans, look, header=True)
        pages.drawing_header = False

    def new_page_with_header() -> None:
        nonlocal repeated
        pages.new_page()
        repeated = True
        draw_header()

    repeated = False
    whole_page = _room_under_header(pages.setup, header_height)
    if pages.room() < header_height + min_line + look.pad_y:
        pages.new_page()
    draw_header()
    for index, row in enumerate(table.rows):
        pages.step()
        cells, cell_widths = _row_cells(row, widths, look)
        position = [0] * len(cells)
        moved = False  # to a page of its own: it runs on from there if it must
        below = _kept_with(table, row, index, widths, look, whole_page, min_line,
                           after)
        if below and pages.room() < whole_page - 0.01:
            full = max(c.height() for c in cells) + look.pad_y
            if full + below > pages.room() and full + below <= whole_page:
                new_page_with_header()  # a heading row is not left at the foot of a page
                moved = True
        last_kept = bool(below) and index == len(table.rows) - 1
        while True:
            remaining = [(p, len(c.lines)) for p, c in zip(position, cells, strict=True)]
            full = max(c.height(s, e) for c, (s, e) in zip(cells, remaining, strict=True))
            if full + look.pad_y <= pages.room():
                if last_kept and full + look.pad_y + below > pages.room():
                    # What follows (the signatures) does not fit under the last row:
                    # the row's last lines go over with it, so it never stands alone.
                    spans = _carried_over(cells, position, full)
                    carried = max(c.height(e, len(c.lines))
                                  for c, (_s, e) in zip(cells, spans, strict=True))
                    if carried + look.pad_y + below <= whole_page:
                        if any(s != e for s, e in spans):
                            pages.row_starts(row.measure_index)
                            _draw_row(pages, cells, cell_widths, spans, look)
                            position = [e for _s, e in spans]
                        new_page_with_header()
                        last_kept = False
                        continue
                pages.row_starts(row.measure_index)
                _draw_row(pages, cells, cell_widths, remaining, look)
                break
            if not moved and not any(position) and full + look.pad_y <= whole_page:
                # An official document breaks no row that fits on a page.
                new_page_with_header()
                moved = True
                continue
            if pages.room() < min_line + look.pad_y:
                new_page_with_header()
                continue
            # The row runs on to the next page: as many lines of each cell as fit here.
            spans = _spans(cells, position, pages.room() - look.pad_y)
            if all(s == e for s, e in spans):
                new_page_with_header()
                continue
            pages.row_starts(row.measure_index)
            _draw_row(pages, cells, cell_widths, spans, look)
            position = [e for _s, e in spans]
            new_page_with_header()


def _spans(cells: list[_CellLines], position: list[int], room: float, slack: float = 0.0
           ) -> list[tuple[int, int]]:
    """From each cell's `position`, the lines that fit in `room` (give or take `slack`):
    [start, end) per cell."""
    spans = []
    for cell, start in zip(cells, position, strict=True):
        end, used = start, 0.0
        while end < len(cell.lines) and used + cell.lines[end].height <= room + slack:
            used += cell.lines[end].height
            end += 1
        spans.append((start, end))
    return spans


# The lines of a row that go over to the next page with what the row keeps with: two,
# as a paragraph's widow control leaves.
CARRIED_LINES = 2


def _carried_over(cells: list[_CellLines], position: list[int], full: float
                  ) -> list[tuple[int, int]]:
    """The lines of the rest of a row (`full` tall) that stay on this page when its
    tallest cell's last lines go to the next one: [start, end) per cell."""
    tallest = max(zip(cells, position, strict=True), key=lambda c: c[0].height(c[1]))
    cell, start = tallest
    tail = cell.height(max(start, len(cell.lines) - CARRIED_LINES))
    return _spans(cells, position, full - tail, slack=0.01)  # the same sums, added anew
