"""The neutral document: frozen dataclasses, in millimetres and points.

Every decision about what a report says and in which order is made when this is built,
and so is every decision about its look: fills, cell padding, borders, alignment, where
page numbers go and how big. The defaults below are the one place those constants live;
the Word and PDF writers read them from the document and only lay it out. It dumps to
JSON for the golden files.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Align(StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"
    # Lines but the last fill the width: the extra space goes between words (Thai words
    # too, which have no spaces) and at spaces, never inside a letter and its marks.
    JUSTIFY = "justify"


class VAlign(StrEnum):
    TOP = "top"
    CENTER = "center"
    BOTTOM = "bottom"


Color = str  # RGB in hex, as Word writes it: "F2F2F2"


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    underline: bool = False
    # Dotted leader: the writer fills the rest of the line with dots (memo form fields).
    dotted_fill: bool = False


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]
    size_pt: float = 16.0
    align: Align = Align.LEFT
    first_line_mm: float = 0.0  # first-line indent
    left_mm: float = 0.0  # left indent of every line
    hanging_mm: float = 0.0  # lines after the first start this much further in
    space_before_pt: float = 0.0
    space_after_pt: float = 0.0
    keep_with_next: bool = False
    role: str = "body"  # what it is (title, heading, cell, list, signature …), for tests
    # the measure whose heading it is (narrative form), for preview links as Row's
    measure_index: int | None = None

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True)
class Image:
    """A picture from a file (the Garuda of the memo form)."""

    path: str
    height_mm: float
    align: Align = Align.LEFT


@dataclass(frozen=True)
class Cell:
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    # A section heading row: one cell spanning all columns (improvement plan).
    spans_all: bool = False
    measure_index: int | None = None  # which measure it shows, for preview links


@dataclass(frozen=True)
class Padding:
    """Space between a cell's border and its text."""

    top_mm: float = 0.8
    right_mm: float = 1.5
    bottom_mm: float = 0.8
    left_mm: float = 1.5


@dataclass(frozen=True)
class Border:
    """The lines around and between the cells."""

    width_pt: float = 0.5
    color: Color = "000000"


@dataclass(frozen=True)
class Table:
    widths_mm: tuple[float, ...]
    header: Row  # repeated at the top of every page the table runs on to
    rows: tuple[Row, ...]
    header_size_pt: float = 16.0
    body_size_pt: float = 15.0
    header_fill: Color | None = "F2F2F2"  # light grey, as the published reports have it
    header_valign: VAlign = VAlign.CENTER
    body_valign: VAlign = VAlign.TOP
    padding: Padding = Padding()
    border: Border = Border()


Block = Paragraph | Table | Image  # a new page is a new Section


@dataclass(frozen=True)
class PageSetup:
    width_mm: float = 210.0
    height_mm: float = 297.0
    landscape: bool = False
    top_mm: float = 20.0
    bottom_mm: float = 20.0
    left_mm: float = 20.0
    right_mm: float = 20.0
    page_numbers: bool = True
    # The first page of the section carries no number (Thai documents number from page 2).
    first_page_unnumbered: bool = False
    restart_numbering: bool = False  # count this section's pages from 1

    @property
    def page_width_mm(self) -> float:
        return max(self.width_mm, self.height_mm) if self.landscape else min(
            self.width_mm, self.height_mm)

    @property
    def page_height_mm(self) -> float:
        return min(self.width_mm, self.height_mm) if self.landscape else max(
            self.width_mm, self.height_mm)

    @property
    def text_width_mm(self) -> float:
        return self.page_width_mm - self.left_mm - self.right_mm


@dataclass(frozen=True)
class Section:
    """A run of pages with one page set-up; a new section starts a new page."""

    page: PageSetup
    blocks: tuple[Block, ...]
    name: str = ""  # cover, memo, report …


@dataclass(frozen=True)
class PageNumbers:
    """Where the page numbers of numbered sections go, and how they look."""

    format: str = "- {} -"  # {} is the number
    size_pt: float = 16.0
    at_top: bool = True  # top of the page (Thai official documents), else the bottom
    align: Align = Align.CENTER  # across the text width, as Word aligns a header
    edge_mm: float = 10.0  # from the page's edge to the number's line


@dataclass(frozen=True)
class ContinuationWord:
    """คำต่อหน้า: the next page's first word at the bottom right of each page (PDF only:
    Word lays out its own pages), half-way down the bottom margin."""

    format: str = "/{}..."  # {} is the word
    size_pt: float = 14.0


@dataclass(frozen=True)
class Document:
    title: str
    sections: tuple[Section, ...]
    thai_digits: bool = True
    page_numbers: PageNumbers = PageNumbers()
    continuation_word: ContinuationWord | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    # The report's exchange file (its JSON text), which the writers carry unseen in the file
    # (a custom XML part, an embedded file): what the printed text cannot say, such as
    # the digits as typed where the file shows Thai ones, comes back from it on import.
    carried: str = ""

    def paragraphs(self) -> list[Paragraph]:
        """Every paragraph in reading order, cells included (for tests and checks)."""
        out: list[Paragraph] = []
        for section in self.sections:
            for block in section.blocks:
                if isinstance(block, Paragraph):
                    out.append(block)
                elif isinstance(block, Table):
                    for row in (block.header, *block.rows):
                        for cell in row.cells:
                            out.extend(cell.paragraphs)
        return out

    def to_json(self) -> dict[str, Any]:
        def encode(value: Any) -> Any:
            if dataclasses.is_dataclass(value) and not isinstance(value, type):
                data = {f.name: encode(getattr(value, f.name))
                        for f in dataclasses.fields(value)}
                data["type"] = type(value).__name__
                return data
            if isinstance(value, tuple | list):
                return [encode(v) for v in value]
            if isinstance(value, dict):
                return {k: encode(v) for k, v in value.items()}
            return value

        # The golden files keep what a reader sees; the carried copy is the exchange file,
        # whose own tests and the round trip check it.
        return {k: v for k, v in encode(self).items() if k != "carried"}
