"""The neutral document → PDF, laid out here and drawn straight onto ReportLab's canvas.

Lines come from our Thai line breaker (ReportLab would cut Thai words anywhere); each
line is shaped by HarfBuzz (ReportLab's shapeStr) so marks sit right; tables repeat their
header row on every page and let long rows run on to the next page, as in the published
reports; page numbers top centre.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.colors import Color, black
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from ...document.model import (
    Align,
    Document,
    Image,
    PageSetup,
    Paragraph,
    Row,
    Section,
    Table,
)
from ...thai.digits import to_thai_digits
from ...thai.linebreak import break_lines
from ...thai.segment import is_thai, words
from ..files import write_atomically
from . import fonts
from .fonts import ASCENT, LINE, face_name, text_width
from .glyphs import GlyphWriter

PT_PER_MM = 72 / 25.4
CELL_PAD_X = 1.5 * PT_PER_MM
CELL_PAD_Y = 0.8 * PT_PER_MM
HEADER_FILL = Color(0.949, 0.949, 0.949)


def mm(value: float) -> float:
    return value * PT_PER_MM


@dataclass
class Line:
    """One laid-out line: spans of (text, face, size), where it starts, how wide."""

    spans: list[tuple[str, str, float]]
    x: float  # offset from the left edge of the paragraph's box
    width: float  # the box width available
    size: float
    align: Align
    fill_dots: bool = False

    @property
    def height(self) -> float:
        return self.size * LINE

    def text_width(self) -> float:
        total = 0.0
        for i, (text, face, size) in enumerate(self.spans):
            t = text.rstrip() if i == len(self.spans) - 1 else text
            total += text_width(t, face) * size / 1000
        return total


def layout_paragraph(p: Paragraph, width: float) -> list[Line]:
    """Lines of a paragraph in a box `width` points wide."""
    size = p.size_pt
    first_x = mm(p.left_mm + (p.first_line_mm if not p.hanging_mm else 0.0))
    rest_x = mm(p.left_mm + p.hanging_mm)
    runs = [r for r in p.runs if r.text]
    fill = any(r.dotted_fill for r in p.runs)
    if not runs:
        return [Line([], first_x, width - first_x, size, p.align, fill)]
    # One face measures the whole paragraph: the boldest its runs use (conservative).
    measure_face = face_name(any(r.bold for r in runs))
    text = "".join(r.text for r in runs)
    # Each run's face, by character, to cut the broken lines back into spans.
    faces: list[str] = []
    for r in runs:
        faces.extend([face_name(r.bold)] * len(r.text))

    def measure(s: str) -> float:
        return text_width(s, measure_face) * size / 1000

    out: list[Line] = []
    position = 0
    for i, raw in enumerate(_break_varying(text, width - first_x, width - rest_x, measure)):
        spans: list[tuple[str, str, float]] = []
        start = position
        for j in range(len(raw) + 1):
            at = position + j
            if j == len(raw) or (at > start and faces[at] != faces[at - 1]):
                if at > start:
                    spans.append((text[start:at], faces[start], size))
                start = at
        position += len(raw)
        out.append(Line(spans, first_x if i == 0 else rest_x,
                        width - (first_x if i == 0 else rest_x), size, p.align, False))
    if fill:
        out[-1].fill_dots = True
    return out


def _break_varying(text: str, first_width: float, rest_width: float,
                   measure: Callable[[str], float]) -> list[str]:
    """Break with a first line of another width than the rest (indents)."""
    if first_width == rest_width:
        return break_lines(text, rest_width, measure)
    head = break_lines(text, first_width, measure)[0]
    if len(head) >= len(text):
        return [head]
    return [head, *break_lines(text[len(head):], rest_width, measure)]


class _Pages:
    """The canvas with a cursor: new pages, page numbers, room left."""

    def __init__(self, canvas: Canvas, document: Document) -> None:
        self.canvas = canvas
        self.glyphs = GlyphWriter(canvas)
        self.document = document
        self.setup = PageSetup()
        self.number = 0
        self.first_in_section = True
        self.y = 0.0
        self.started = False
        self.drawing_header = False  # a repeated table header is not a page's first word
        self.progress: Progress | None = None
        self.total_steps = 1
        self.steps = 0
        self.first_words: list[str] = []  # per page, for คำต่อหน้า
        self.next_words: list[str] | None = None  # from a first pass, when wanted

    def start_section(self, setup: PageSetup) -> None:
        self.setup = setup
        if setup.restart_numbering:
            self.number = 0
        self.first_in_section = True
        self.new_page()

    def new_page(self) -> None:
        if self.started:
            self._continuation_word()
            self.canvas.showPage()
        self.started = True
        self.first_words.append("")
        s = self.setup
        self.canvas.setPageSize((mm(s.page_width_mm), mm(s.page_height_mm)))
        self.number += 1
        if s.page_numbers and not (self.first_in_section and s.first_page_unnumbered):
            label = self.document.page_number_format.format(self.number)
            if self.document.thai_digits:
                label = to_thai_digits(label)
            draw_text(self, label, face_name(), 16.0,
                      mm(s.page_width_mm) / 2 - text_width(label, face_name()) * 16 / 2000,
                      mm(s.page_height_mm) - mm(10) - ASCENT * 16)
        self.first_in_section = False
        self.y = mm(s.page_height_mm) - mm(s.top_mm)

    @property
    def left(self) -> float:
        return mm(self.setup.left_mm)

    @property
    def bottom(self) -> float:
        return mm(self.setup.bottom_mm)

    @property
    def width(self) -> float:
        return mm(self.setup.text_width_mm)

    def saw_text(self, text: str) -> None:
        if not self.first_words[-1] and not self.drawing_header and text.strip():
            self.first_words[-1] = first_word(text)

    def _continuation_word(self) -> None:
        """On the page being closed: "/" + the first word of the next page + "..."."""
        index = len(self.first_words)  # the next page's index
        if self.next_words is None or index >= len(self.next_words):
            return
        word = self.next_words[index]
        if not word:
            return
        label = f"/{word}..."
        size = 14.0
        face = face_name()
        width = text_width(label, face) * size / 1000
        s = self.setup
        x = mm(s.page_width_mm - s.right_mm) - width
        draw_text(self, label, face, size, x, mm(s.bottom_mm) / 2)

    def finish(self) -> None:
        self._continuation_word()
        self.canvas.showPage()

    def step(self) -> None:
        """One block or table row done: tell the progress (which may cancel the job)."""
        self.steps += 1
        if self.progress is not None:
            self.progress(0.05 + 0.9 * self.steps / self.total_steps)

    def room(self) -> float:
        return self.y - self.bottom

    def at_top(self) -> bool:
        return self.y >= mm(self.setup.page_height_mm) - mm(self.setup.top_mm) - 0.01


def first_word(text: str) -> str:
    """The first word of a line, as a reader would carry it to the foot of the page before."""
    stripped = text.strip()
    if not stripped:
        return ""
    token = stripped.split()[0]
    if is_thai(token[0]):
        token = words(token)[0]
    return token


def draw_text(pages: _Pages, text: str, face: str, size: float, x: float, baseline: float
              ) -> None:
    if text:
        with _actual_text(pages.canvas, text):
            pages.canvas.addLiteral(pages.glyphs.line(x, baseline, [(text, face, size)]))


# Shaping splits SARA AM (ำ) into two glyphs, NIKHAHIT and SARA AA, which a reader would
# copy as "ํา": not the letter, so searching the PDF for "ดำเนินการ" would find nothing; and
# one ligature glyph stands for ฤา and ฤๅ alike. Such lines carry their text as /ActualText.
_NEEDS_ACTUAL_TEXT = re.compile("\u0e33|[\u0e24\u0e26][\u0e32\u0e45]")


@contextmanager
def _actual_text(canvas: Canvas, text: str) -> Iterator[None]:
    if not _NEEDS_ACTUAL_TEXT.search(text):
        yield
        return
    utf16 = ("\ufeff" + text).encode("utf-16-be").hex().upper()
    canvas.addLiteral(f"/Span <</ActualText <{utf16}>>> BDC")
    yield
    canvas.addLiteral("EMC")


def draw_line(pages: _Pages, line: Line, box_left: float, top: float) -> None:
    baseline = top - ASCENT * line.size
    used = line.text_width()
    x = box_left + line.x
    if line.align is Align.CENTER:
        x += max(line.width - used, 0) / 2
    elif line.align is Align.RIGHT:
        x += max(line.width - used, 0)
    if line.spans:
        actual = "".join(text for text, _f, _s in line.spans)
        pages.saw_text(actual)
        with _actual_text(pages.canvas, actual):
            pages.canvas.addLiteral(pages.glyphs.line(x, baseline, line.spans))
    if line.fill_dots:
        face = face_name()
        dot = text_width(".", face) * line.size / 1000
        start = x + used + dot
        count = int((box_left + line.x + line.width - start) / dot)
        if count > 0:
            draw_text(pages, "." * count, face, line.size, start, baseline)


Progress = Callable[[float], None]


def write_pdf(document: Document, path: Path, progress: Progress | None = None) -> None:
    data = pdf_bytes(document, progress)
    write_atomically(Path(path), lambda fh: fh.write(data))


def pdf_bytes(document: Document, progress: Progress | None = None) -> bytes:
    fonts.register()
    next_words = None
    if document.continuation_word:
        # คำต่อหน้า needs each page's first word before the page before it is closed.
        next_words = _render(document, None, _part(progress, 0.0, 0.45))[1]
        progress = _part(progress, 0.45, 0.95)
    return _render(document, next_words, progress)[0]


def _part(progress: Progress | None, start: float, end: float) -> Progress | None:
    if progress is None:
        return None
    return lambda share: progress(start + (end - start) * share)


def _render(document: Document, next_words: list[str] | None,
            progress: Progress | None = None) -> tuple[bytes, list[str]]:
    out = io.BytesIO()
    # The canvas starts in our face, so no Helvetica is declared in the file. Not invariant:
    # that dates every file 1 January 2000; ReportLab takes SOURCE_DATE_EPOCH, when set, for
    # the dates and the document id (reproducible files), else the time now.
    canvas = Canvas(out, pageCompression=1, invariant=0, initialFontName=face_name(),
                    initialFontSize=16)
    canvas.setTitle(document.title)
    canvas.setAuthor(document.metadata.get("municipality", "") or "ITA Desk")
    canvas.setSubject("รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน")
    canvas.setCreator("ITA Desk")
    canvas.setKeywords(["ITA", "OIT", document.metadata.get("fiscal_year", "")])
    pages = _Pages(canvas, document)
    pages.next_words = next_words
    pages.progress = progress
    pages.total_steps = sum(
        len(b.rows) if isinstance(b, Table) else 1
        for s in document.sections for b in s.blocks) or 1
    for section in document.sections:
        _section(pages, section)
    pages.finish()
    canvas.save()
    return out.getvalue(), pages.first_words


def _section(pages: _Pages, section: Section) -> None:
    pages.start_section(section.page)
    blocks = section.blocks
    for index, block in enumerate(blocks):
        if not isinstance(block, Table):
            pages.step()
        if isinstance(block, Paragraph):
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            _paragraph(pages, block, following)
        elif isinstance(block, Table):
            _table(pages, block)
        elif isinstance(block, Image):
            _image(pages, block)


def _paragraph(pages: _Pages, p: Paragraph, following: object) -> None:
    lines = layout_paragraph(p, pages.width)
    before, after = p.space_before_pt, p.space_after_pt
    needed = before + sum(line.height for line in lines)
    if p.keep_with_next and isinstance(following, Paragraph):
        needed += following.space_before_pt + following.size_pt * LINE
    elif p.keep_with_next and isinstance(following, Table):
        needed += following.header_size_pt * LINE * 3
    # Keep a heading with what follows it, unless it could not fit on any page anyway.
    usable = mm(pages.setup.page_height_mm - pages.setup.top_mm - pages.setup.bottom_mm)
    if needed > pages.room() and not pages.at_top() and needed <= usable / 2:
        pages.new_page()
    if not pages.at_top():
        pages.y -= before
    for line in lines:
        if line.height > pages.room() and not pages.at_top():
            pages.new_page()
        draw_line(pages, line, pages.left, pages.y)
        pages.y -= line.height
    pages.y -= after


# ------------------------------------------------------------------- tables
@dataclass
class _CellLines:
    lines: list[Line]

    def height(self, start: int = 0, end: int | None = None) -> float:
        return sum(line.height for line in self.lines[start:end])


def _cell_lines(paragraphs: tuple[Paragraph, ...], width: float) -> _CellLines:
    lines: list[Line] = []
    for p in paragraphs:
        lines.extend(layout_paragraph(p, width - 2 * CELL_PAD_X))
    return _CellLines(lines)


def _row_cells(row: Row, widths: list[float]) -> tuple[list[_CellLines], list[float]]:
    if row.spans_all:
        return [_cell_lines(row.cells[0].paragraphs, sum(widths))], [sum(widths)]
    return [_cell_lines(c.paragraphs, w) for c, w in zip(row.cells, widths, strict=True)], widths


def _draw_row(pages: _Pages, cells: list[_CellLines], widths: list[float],
              spans: list[tuple[int, int]], header: bool = False) -> float:
    """Draw lines [start, end) of each cell as one row at the cursor; returns its height."""
    height = max(c.height(s, e) for c, (s, e) in zip(cells, spans, strict=True)) + 2 * CELL_PAD_Y
    canvas = pages.canvas
    x = pages.left
    top = pages.y
    for cell, w, (start, end) in zip(cells, widths, spans, strict=True):
        if header:
            canvas.setFillColor(HEADER_FILL)
            canvas.rect(x, top - height, w, height, stroke=0, fill=1)
            canvas.setFillColor(black)
        y = top - CELL_PAD_Y
        if header:  # header text centred vertically
            y -= (height - 2 * CELL_PAD_Y - cell.height(start, end)) / 2
        for line in cell.lines[start:end]:
            draw_line(pages, line, x + CELL_PAD_X, y)
            y -= line.height
        canvas.setLineWidth(0.5)
        canvas.rect(x, top - height, w, height, stroke=1, fill=0)
        x += w
    pages.y -= height
    return height


def _table(pages: _Pages, table: Table) -> None:
    widths = [mm(w) for w in table.widths_mm]
    header, _ = _row_cells(table.header, widths)
    header_spans = [(0, len(c.lines)) for c in header]
    header_height = max(c.height() for c in header) + 2 * CELL_PAD_Y
    min_line = table.body_size_pt * LINE

    def draw_header() -> None:
        # The first header belongs to the page's text; a repeated one does not.
        pages.drawing_header = bool(pages.first_words[-1]) or repeated
        _draw_row(pages, header, widths, header_spans, header=True)
        pages.drawing_header = False

    def new_page_with_header() -> None:
        nonlocal repeated
        pages.new_page()
        repeated = True
        draw_header()

    repeated = False
    if pages.room() < header_height + min_line + 2 * CELL_PAD_Y:
        pages.new_page()
    draw_header()
    for row in table.rows:
        pages.step()
        cells, cell_widths = _row_cells(row, widths)
        position = [0] * len(cells)
        while True:
            remaining = [(p, len(c.lines)) for p, c in zip(position, cells, strict=True)]
            full = max(c.height(s, e) for c, (s, e) in zip(cells, remaining, strict=True))
            if full + 2 * CELL_PAD_Y <= pages.room():
                _draw_row(pages, cells, cell_widths, remaining)
                break
            if pages.room() < min_line + 2 * CELL_PAD_Y:
                new_page_with_header()
                continue
            # The row runs on to the next page: as many lines of each cell as fit here.
            room = pages.room() - 2 * CELL_PAD_Y
            spans = []
            for cell, start in zip(cells, position, strict=True):
                end, used = start, 0.0
                while end < len(cell.lines) and used + cell.lines[end].height <= room:
                    used += cell.lines[end].height
                    end += 1
                spans.append((start, end))
            if all(s == e for s, e in spans):
                new_page_with_header()
                continue
            _draw_row(pages, cells, cell_widths, spans)
            position = [e for _s, e in spans]
            new_page_with_header()


def _image(pages: _Pages, image: Image) -> None:
    reader = ImageReader(image.path)
    w, h = reader.getSize()
    height = mm(image.height_mm)
    width = height * w / h
    if height > pages.room() and not pages.at_top():
        pages.new_page()
    x = pages.left
    if image.align is Align.CENTER:
        x += (pages.width - width) / 2
    elif image.align is Align.RIGHT:
        x += pages.width - width
    pages.canvas.drawImage(reader, x, pages.y - height, width=width, height=height,
                           mask="auto")
    pages.y -= height
