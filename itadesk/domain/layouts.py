"""Layouts as values: what a report looks like, read from data files (layout_files.py).

A layout says which measure fields appear, in which order, under which exact Thai header,
how wide each column is relative to the others, the orientation, margins and sizes,
which column carries the ITA code, the score lines and the extras, and the labels of the
narrative form. The table editor, the checks and the document builder all read it; none
of them hard-codes a column. The shipped layouts are files in resources/layouts/; a
clerk's own ones live in the library and travel in the exchange file.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from ..errors import ClerkError


class Orientation(StrEnum):
    PORTRAIT = "portrait"
    LANDSCAPE = "landscape"


class Form(StrEnum):
    TABLE = "table"
    NARRATIVE = "narrative"


@dataclass(frozen=True)
class Column:
    field: str  # a Measure text field
    header: str  # exact Thai header text of the published reports
    width: float  # relative width
    required: bool = False
    # narrative form: the label before the paragraph; "" = from Narrative.label_format
    label: str = ""


@dataclass(frozen=True)
class Margins:
    top_mm: float
    bottom_mm: float
    left_mm: float
    right_mm: float


@dataclass(frozen=True)
class Extra:
    """A measure field printed as a labelled line in another column's cell."""

    field: str
    label: str  # "งบประมาณที่ใช้:"


# A title that carries its own number ("๑. …", "1) …", "(๒) …"): the narrative heading
# prints it as it is, and the importer keeps that number in the title.
OWN_NUMBER = re.compile(r"^\s*(?:\(([๐-๙0-9]{1,3})\)|([๐-๙0-9]+)\s*([.)]))")


@dataclass(frozen=True)
class Narrative:
    """How the narrative form writes a measure: a numbered heading, labelled paragraphs."""

    heading_format: str = "{number}. {title}"
    label_format: str = "{header}:"
    label_indent_mm: float = 10.0
    text_indent_mm: float = 20.0


@dataclass(frozen=True)
class Layout:
    id: str
    name: str  # shown to the clerk
    form: Form
    orientation: Orientation
    columns: tuple[Column, ...]
    margins_landscape: Margins
    margins_portrait: Margins
    title_pt: float = 18.0
    body_pt: float = 16.0
    table_pt: float = 15.0
    seen_in: str = ""
    order: int = 1000  # place in the lists the clerk chooses from
    sections: bool = False  # rows may be section headings spanning all columns
    code_in: str = ""  # the field whose text starts with the measure's ITA code
    score_lines_in: str = ""  # the field whose text is followed by the ITA score lines
    extras_in: str = ""  # the field whose text is followed by the extras
    extras: tuple[Extra, ...] = ()
    closing_label: str = ""  # a heading over the closing summary ("บทสรุปภาพรวม:")
    narrative: Narrative = Narrative()
    builtin: bool = False  # shipped with the program (not the library's own)

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(c.field for c in self.columns)

    def margins(self, landscape: bool) -> Margins:
        return self.margins_landscape if landscape else self.margins_portrait

    def label(self, column: Column) -> str:
        """The narrative label of a column."""
        return column.label or self.narrative.label_format.replace("{header}", column.header)

    def heading(self, number: str, title: str) -> str:
        """The narrative heading of a measure ("๑. มาตรการ…")."""
        return self.narrative.heading_format.replace("{number}", number).replace(
            "{title}", title)

    def with_columns(self, columns: Iterable[Column]) -> Layout:
        """This layout with other columns; the code, score lines and extras stay in their
        column while it is there and move to the last column when it was dropped."""
        columns = tuple(columns)
        fields = [c.field for c in columns]

        def keep(field: str) -> str:
            if not field or field in fields:
                return field
            return fields[-1] if fields else ""

        return dataclasses.replace(self, columns=columns, code_in=keep(self.code_in),
                                   score_lines_in=keep(self.score_lines_in),
                                   extras_in=keep(self.extras_in))


class Family(StrEnum):
    """What kind of document of the ITA year a layout makes: a report of one kind is no
    duplicate of another kind's of the same municipality and year (next year's plan
    beside next year's results report)."""

    RESULTS = "results"  # what was done: it has a column for the results
    MEASURES_PLAN = "measures-plan"  # the year's measures, planned at its start
    IMPROVEMENT_PLAN = "improvement-plan"  # the plan written from last year's ITA scores


def family(layout: Layout) -> Family:
    """By the layout's columns, so that the clerk's own layouts, made from the shipped
    ones, fall where theirs do: results reported make a results report; a column for
    how the measures are followed up, the start-of-year measures plan."""
    if "result" in layout.fields:
        return Family.RESULTS
    if "monitoring" in layout.fields:
        return Family.MEASURES_PLAN
    return Family.IMPROVEMENT_PLAN


class UnknownLayout(ClerkError, KeyError):
    """A layout id that neither the program nor the library knows."""

    def __init__(self, layout_id: str) -> None:
        self.layout_id = layout_id
        super().__init__(f"ไม่รู้จักรูปแบบรายงาน «{layout_id}» กรุณาเลือกรูปแบบอื่นให้รายงานนี้",
                         english=f"Unknown layout {layout_id!r}.")

    def __str__(self) -> str:
        return self.support_line()


@dataclass(frozen=True)
class LayoutCatalog:
    """The layouts a report may name: the shipped ones, then the library's own."""

    layouts: tuple[Layout, ...] = ()

    def __iter__(self) -> Iterator[Layout]:
        return iter(self.layouts)

    def __len__(self) -> int:
        return len(self.layouts)

    def __contains__(self, layout_id: object) -> bool:
        return any(layout.id == layout_id for layout in self.layouts)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(layout.id for layout in self.layouts)

    def get(self, layout_id: str) -> Layout:
        for layout in self.layouts:
            if layout.id == layout_id:
                return layout
        raise UnknownLayout(layout_id)

    def plus(self, layouts: Iterable[Layout]) -> LayoutCatalog:
        """This catalog with more layouts; one with a known id replaces the one before,
        but never a shipped one."""
        out = {layout.id: layout for layout in self.layouts}
        for layout in layouts:
            if not (layout.id in out and out[layout.id].builtin):
                out[layout.id] = layout
        return LayoutCatalog(tuple(sorted(out.values(),
                                          key=lambda lay: (not lay.builtin, lay.order, lay.id))))

    def family(self, layout_id: str) -> Family | str:
        """The layout's family; a layout id unknown here stands for its own."""
        return family(self.get(layout_id)) if layout_id in self else layout_id

    def free_id(self, stem: str = "own") -> str:
        """An id no layout here has: own-1, own-2 …"""
        number = 1
        while f"{stem}-{number}" in self:
            number += 1
        return f"{stem}-{number}"
