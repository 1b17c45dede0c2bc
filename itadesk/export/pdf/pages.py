"""The canvas with a cursor: new pages, their numbers and คำต่อหน้า, the room left."""

from __future__ import annotations

import re
from collections.abc import Callable

from reportlab.pdfgen.canvas import Canvas

from ...document.model import Document, PageSetup
from ...thai.digits import to_thai_digits
from ...thai.linebreak import pieces
from ...thai.segment import is_thai, words
from .fonts import ASCENT, LINE, face_name, text_width
from .glyphs import GlyphWriter
from .lines import align_offset, draw_text, mm

Progress = Callable[[float], None]


class Pages:
    def __init__(self, canvas: Canvas, document: Document, reuse: bool = False) -> None:
        self.canvas = canvas
        self.glyphs = GlyphWriter(canvas, (face_name(), face_name(True)) if reuse else ())
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
        # measure index → the page (from 0) where its table row starts: the preview
        # scrolls there when the clerk picks the measure
        self.measure_pages: dict[int, int] = {}
        # per page, its number as printed ("๑"), "" where none is (the cover, the memo):
        # the preview tells "หน้า ๓ จาก ๑๐" beside the page's own "- ๑ -"
        self.labels: list[str] = []
        self.data = b""  # the file, once the canvas is saved

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
        self.labels.append("")
        if s.page_numbers and not (self.first_in_section and s.first_page_unnumbered):
            self._page_number()
        self.first_in_section = False
        self.y = mm(s.page_height_mm) - mm(s.top_mm)

    def _page_number(self) -> None:
        """Where the document says: by default "- ๒ -" centred over the text, 10 mm from
        the top edge (where Word puts its header)."""
        numbers = self.document.page_numbers
        label = numbers.format.replace("{}", str(self.number))
        self.labels[-1] = str(self.number)
        if self.document.thai_digits:
            label = to_thai_digits(label)
            self.labels[-1] = to_thai_digits(self.labels[-1])
        face, size = face_name(), numbers.size_pt
        width = text_width(label, face) * size / 1000
        x = self.left + align_offset(numbers.align, self.width, width)
        if numbers.at_top:
            baseline = mm(self.setup.page_height_mm - numbers.edge_mm) - ASCENT * size
        else:
            baseline = mm(numbers.edge_mm) + (LINE - ASCENT) * size
        draw_text(self, label, face, size, x, baseline)

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
        """On the page being closed: the first word of the next page ("/แผน..."), at the
        right margin half-way down the bottom one."""
        style = self.document.continuation_word
        index = len(self.first_words)  # the next page's index
        if style is None or self.next_words is None or index >= len(self.next_words):
            return
        word = self.next_words[index]
        if not word:
            return
        label = style.format.replace("{}", word)
        face = face_name()
        width = text_width(label, face) * style.size_pt / 1000
        s = self.setup
        x = mm(s.page_width_mm - s.right_mm) - width
        draw_text(self, label, face, style.size_pt, x, mm(s.bottom_mm) / 2)

    def finish(self) -> None:
        self._continuation_word()
        self.canvas.showPage()

    def step(self) -> None:
        """One block or table row done: tell the progress (which may cancel the job)."""
        self.steps += 1
        if self.progress is not None:
            self.progress(0.05 + 0.9 * self.steps / self.total_steps)

    def row_starts(self, measure_index: int | None) -> None:
        if measure_index is not None:
            self.measure_pages.setdefault(measure_index, len(self.first_words) - 1)

    def room(self) -> float:
        return self.y - self.bottom

    def at_top(self) -> bool:
        return self.y >= mm(self.setup.page_height_mm) - mm(self.setup.top_mm) - 0.01


def first_word(text: str) -> str:
    """The first word of a line, as a reader would carry it to the foot of the page before:
    not a list marker ("๓.", "(๑)", "-", "•") nor a bare number (a year, an amount), which
    say nothing of what follows; an abbreviation comes with its number ("พ.ศ. ๒๕๖๕").
    Empty when the line holds no word: the next line on the page gives it."""
    for piece in pieces(text.strip()):
        word = piece.strip()
        if not word or _NOT_A_WORD.fullmatch(word):
            continue
        if is_thai(word[0]) and " " not in word:
            return words(word)[0]
        return word
    return ""


# A list marker or a number standing alone.
_NOT_A_WORD = re.compile(r"[-–—•*·]+|\(?[๐-๙0-9]+(?:[.,:/][๐-๙0-9]+)*[.)]?\)?")
