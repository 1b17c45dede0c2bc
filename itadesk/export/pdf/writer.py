"""The neutral document → PDF, laid out here and drawn straight onto ReportLab's canvas.

Paragraphs become lines in lines.py (Thai line breaking, shaping, justification,
underline), tables are drawn in tables.py, pages counted and numbered in pages.py; this
module walks the document. Every size, fill and position comes from the document.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from ...document.build import ExportOptions
from ...document.model import (
    Align,
    Block,
    Document,
    Image,
    Paragraph,
    Section,
    Table,
)
from ..carried import add_to_pdf
from ..files import write_atomically
from . import fonts
from .fonts import LINE, face_name
from .lines import Line, draw_line, layout_paragraph, mm
from .pages import Pages
from .tables import draw_table

Progress = Callable[[float], None]


def write_pdf(document: Document, path: Path, progress: Progress | None = None) -> None:
    data = pdf_bytes(document, progress)
    write_atomically(Path(path), lambda fh: fh.write(data))


def render(document: Document, options: ExportOptions,
           progress: Callable[[float], None] | None = None) -> bytes:
    """The registry's entry (export/writers.py)."""
    return pdf_bytes(document, progress=progress)


def pdf_bytes(document: Document, progress: Progress | None = None) -> bytes:
    return laid_out(document, progress).data


@dataclass(frozen=True)
class LaidOut:
    """A PDF, and where its table rows landed (the preview shows a measure's page)."""

    data: bytes
    measure_pages: dict[int, int]  # measure index → page (from 0) where its row starts
    page_labels: tuple[str, ...] = ()  # each page's printed number, "" where none is


def laid_out(document: Document, progress: Progress | None = None, *,
             compress: bool = True, reuse: bool = False) -> LaidOut:
    """``compress=False`` for the preview: its file never leaves the machine, and
    deflating the pages was a tenth of each refresh. ``reuse`` for the preview's process
    too: the lines drawn are kept for the next version of the report (glyphs.py); its
    fonts then hold every Thai glyph, whether used or not."""
    fonts.register()
    next_words = None
    if document.continuation_word:
        # คำต่อหน้า needs each page's first word before the page before it is closed.
        next_words = _render(document, None, _part(progress, 0.0, 0.45), compress,
                             reuse).first_words
        progress = _part(progress, 0.45, 0.95)
    pages = _render(document, next_words, progress, compress, reuse)
    return LaidOut(pages.data, pages.measure_pages, tuple(pages.labels))


def _part(progress: Progress | None, start: float, end: float) -> Progress | None:
    if progress is None:
        return None
    return lambda share: progress(start + (end - start) * share)


def _render(document: Document, next_words: list[str] | None,
            progress: Progress | None = None, compress: bool = True, reuse: bool = False
            ) -> Pages:
    out = io.BytesIO()
    # The canvas starts in our face, so no Helvetica is declared in the file. Not invariant:
    # that dates every file 1 January 2000; ReportLab takes SOURCE_DATE_EPOCH, when set, for
    # the dates and the document id (reproducible files), else the time now.
    canvas = Canvas(out, pageCompression=int(compress), invariant=0, initialFontName=face_name(),
                    initialFontSize=16)
    canvas.setTitle(document.title)
    canvas.setAuthor(document.metadata.get("municipality", "") or "ITA Desk")
    canvas.setSubject("รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน")
    canvas.setCreator("ITA Desk")
    canvas.setKeywords(["ITA", "OIT", document.metadata.get("fiscal_year", "")])
    if document.carried:
        add_to_pdf(canvas, document.carried, document.thai_digits)
    pages = Pages(canvas, document, reuse)
    pages.next_words = next_words
    pages.progress = progress
    pages.total_steps = sum(
        len(b.rows) if isinstance(b, Table) else 1
        for s in document.sections for b in s.blocks) or 1
    for section in document.sections:
        _section(pages, section)
    pages.finish()
    if not compress:
        _pages_as_bytes(canvas)
    canvas.save()
    pages.data = out.getvalue()
    return pages


def _pages_as_bytes(canvas: Canvas) -> None:
    """Uncompressed, ReportLab encodes each page's text to bytes through its PDFDocEncoding
    codec, a character at a time (a tenth of a preview refresh); our pages are ASCII (glyph
    codes and /ActualText are hex), whose bytes are the same either way."""
    for page in canvas._doc.Pages.pages:
        if isinstance(page.stream, str) and page.stream.isascii():
            page.stream = page.stream.encode("ascii")


def _section(pages: Pages, section: Section) -> None:
    pages.start_section(section.page)
    blocks = section.blocks
    for index, block in enumerate(blocks):
        if not isinstance(block, Table):
            pages.step()
        if isinstance(block, Paragraph):
            _paragraph(pages, block, blocks[index + 1:])
        elif isinstance(block, Table):
            draw_table(pages, block, _kept_with(pages, blocks[index + 1:]))
        elif isinstance(block, Image):
            _image(pages, block)


# Word's widow and orphan control: a paragraph broken over two pages leaves two lines at
# least on each.
LEFT_AT_LEAST = 2


def _paragraph(pages: Pages, p: Paragraph, following: Sequence[Block]) -> None:
    lines = layout_paragraph(p, pages.width)
    before, after = p.space_before_pt, p.space_after_pt
    needed = before + sum(line.height for line in lines)
    if p.keep_with_next:
        needed += after + _kept_with(pages, following)
    # The line the page breaks before, if it must break inside a paragraph kept with the
    # next one (the closing before the signatures): none by default.
    break_at = len(lines)
    if needed > pages.room() and not pages.at_top():
        if needed <= _usable(pages) / 2:
            # A paragraph of less than half a page stays whole, and a heading with what
            # follows it.
            pages.new_page()
        elif p.keep_with_next:
            break_at = _break_before(lines, pages.room() - before, needed - before,
                                     _usable(pages))
            if break_at == 0:
                pages.new_page()
    if not pages.at_top():
        pages.y -= before
    for number, line in enumerate(lines):
        if (number and number == break_at) or (
                line.height > pages.room() and not pages.at_top()):
            pages.new_page()
        if not number:
            pages.row_starts(p.measure_index)  # a narrative measure: its heading's page
        draw_line(pages, line, pages.left, pages.y)
        pages.y -= line.height
    pages.y -= after


def _break_before(lines: Sequence[Line], room: float, needed: float, usable: float) -> int:
    """Where a paragraph kept with the next breaks when it and what it keeps with do not
    fit in `room`: before its last lines (two at least), so that they and what follows
    go to the next page together, as Word does; 0: all of it goes; len(lines): nothing
    can be kept, what follows fits on no page even with the paragraph's last two lines."""
    heights = [line.height for line in lines]
    count = len(lines)
    best = None
    for at in range(count - min(LEFT_AT_LEAST, count), -1, -1):
        if at and at < LEFT_AT_LEAST:
            continue
        if sum(heights[:at]) <= room:
            best = at
            break
    if best is None or needed - sum(heights[:best]) > usable:
        return count
    return best


def _kept_with(pages: Pages, following: Sequence[Block]) -> float:
    """The height a keep-with-next paragraph needs below it: the whole chain of the
    keep-with-next paragraphs after it (a heading, then a label) and the first line of
    the text they lead to, as Word and LibreOffice follow the chain. A kept paragraph
    long enough to break (the closing before the signatures) ends the chain with its
    first two lines."""
    needed = 0.0
    for block in following:
        if isinstance(block, Table):
            return needed + block.header_size_pt * LINE * 3
        if not isinstance(block, Paragraph):
            return needed
        lines = layout_paragraph(block, pages.width)
        whole = sum(line.height for line in lines)
        if block.keep_with_next and len(lines) >= 2 * LEFT_AT_LEAST and (
                block.space_before_pt + whole > _usable(pages) / 2):
            return needed + block.space_before_pt + sum(
                line.height for line in lines[:LEFT_AT_LEAST])
        if not block.keep_with_next:
            # As much of it as _paragraph will put on the page at once.
            start = whole if block.space_before_pt + whole <= _usable(pages) / 2 else (
                lines[0].height if lines else 0.0)
            return needed + block.space_before_pt + start
        needed += block.space_before_pt + whole + block.space_after_pt
    return needed


def _usable(pages: Pages) -> float:
    return mm(pages.setup.page_height_mm - pages.setup.top_mm - pages.setup.bottom_mm)


def _image(pages: Pages, image: Image) -> None:
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
