"""Report + layout + export options → the neutral document.

All choices of content and order live here: which parts appear, in which order, what
the title lines and score lines say, which lines are list items, the widths of the
columns in millimetres, where page numbers go. What differs from one layout to another
(columns, margins, sizes, labels, where the code, score lines and extras go) comes from
the layout's data. The writers add nothing.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from ..domain import Layout, Measure, MeasureKind, Memo, Report, Signer, layout_by_id
from ..domain.layouts import OWN_NUMBER, Form, Margins, Orientation
from ..domain.oit import item_of, report_item_code, shipped_year
from ..exchange.jsonfile import report_to_dict
from ..export.carried import json_text
from ..thai.digits import to_thai_digits
from .model import (
    Align,
    Block,
    Cell,
    ContinuationWord,
    Document,
    Image,
    PageSetup,
    Paragraph,
    Row,
    Run,
    Section,
    Table,
)
from .scores import score_lines

# "-", "•", "๑." / "1.", "(๑)" / "(1)", "๑)" at the start of a line: a list item.
LIST_ITEM = re.compile(r"^\s*(?:[-•–]|\(?[๐-๙0-9]{1,3}[.)]|\([๐-๙0-9]{1,3}\))")
HANGING_MM = 4.5
SIGN_DOTS = "." * 45
# The government memo form (ระเบียบงานสารบรรณ): left 3 cm, right 2 cm.
MEMO_MARGINS = Margins(top_mm=15, bottom_mm=20, left_mm=30, right_mm=20)
_SIZES = frozenset({"body_pt", "table_pt", "title_pt"})
MIN_PT, MAX_PT = 6.0, 72.0


@dataclass(frozen=True)
class ExportOptions:
    """What a clerk can switch per report (kept in the report's options)."""

    orientation: str = "auto"  # auto (the layout's), portrait, landscape
    thai_digits: bool = True
    cover: bool = False
    title_block: bool = True
    opening: bool = True
    closing: bool = True
    memo: bool = False
    signatures: bool = True
    score_lines: bool = True
    page_numbers: bool = True
    continuation_word: bool = False  # คำต่อหน้า (PDF only: Word lays out its own pages)
    embed_fonts: bool = True  # Word only
    garuda_image: str = ""  # a picture for the memo in place of the memo's own
    oit_code: str = "none"  # where the title block shows the OIT item's code (OIT_CODE_PLACES)
    # Sizes in points; None: the layout's.
    body_pt: float | None = None
    table_pt: float | None = None
    title_pt: float | None = None

    @classmethod
    def from_report(cls, report: Report, **overrides: Any) -> ExportOptions:
        """Options stored with the report; unknown or ill-typed entries are ignored."""
        known = {f.name: f for f in fields(cls)}
        values: dict[str, Any] = {}
        for name, value in {**report.options, **overrides}.items():
            f = known.get(name)
            if f is None or value is None:
                continue
            default = getattr(cls, name)
            if name in _SIZES:
                if isinstance(value, int | float) and not isinstance(value, bool) and (
                        MIN_PT <= value <= MAX_PT):
                    values[name] = float(value)
            elif isinstance(default, bool):
                if isinstance(value, bool):
                    values[name] = value
            elif isinstance(value, str):
                values[name] = value
        return cls(**values)


class _Builder:
    def __init__(self, report: Report, options: ExportOptions, layout: Layout) -> None:
        self.report = report
        self.options = options
        self.layout = layout
        self.body_pt = options.body_pt or layout.body_pt
        self.table_pt = options.table_pt or layout.table_pt
        self.title_pt = options.title_pt or layout.title_pt

    # ------------------------------------------------------------ text helpers
    def t(self, text: str) -> str:
        return to_thai_digits(text) if self.options.thai_digits else text

    def para(self, text: str, *, bold: bool = False, size: float | None = None,
             align: Align = Align.LEFT, role: str = "body", **kw: Any) -> Paragraph:
        return Paragraph(runs=(Run(self.t(text), bold=bold),),
                         size_pt=size or self.body_pt, align=align, role=role, **kw)

    def lines(self, text: str, size: float, role: str = "cell",
              bold: bool = False) -> tuple[Paragraph, ...]:
        """One paragraph per line; list lines get a hanging indent."""
        out = []
        for line in text.split("\n"):
            line = line.rstrip()
            if not line.strip():
                continue
            is_item = bool(LIST_ITEM.match(line))
            out.append(Paragraph(
                runs=(Run(self.t(line.strip()), bold=bold),), size_pt=size,
                hanging_mm=HANGING_MM if is_item else 0.0,
                role="list" if is_item else role,
            ))
        return tuple(out)

    def place(self) -> str:
        r = self.report
        parts = [r.municipality.strip()]
        if r.district.strip():
            d = r.district.strip()
            parts.append(d if d.startswith(("อำเภอ", "เขต")) else f"อำเภอ{d}")
        if r.province.strip():
            p = r.province.strip()
            parts.append(p if p.startswith("จังหวัด") else f"จังหวัด{p}")
        return " ".join(p for p in parts if p)

    # ---------------------------------------------------------------- pages
    def page(self, landscape: bool, **kw: Any) -> PageSetup:
        kw.setdefault("page_numbers", self.options.page_numbers)
        return _page(self.layout.margins(landscape), landscape=landscape, **kw)

    def report_landscape(self) -> bool:
        o = self.options.orientation
        if o in ("portrait", "landscape"):
            return o == "landscape"
        return self.layout.orientation is Orientation.LANDSCAPE

    # ---------------------------------------------------------------- parts
    def build(self) -> Document:
        sections: list[Section] = []
        memo = self.report.memo
        if self.options.memo and memo is not None:
            sections.append(Section(_page(MEMO_MARGINS, landscape=False, page_numbers=False),
                                    tuple(self.memo(memo)), name="memo"))
        if self.options.cover:
            sections.append(Section(self.page(False, page_numbers=False),
                                    tuple(self.cover()), name="cover"))
        body: list[Block] = []
        if self.options.title_block:
            body.extend(self.title_block())
        if self.options.opening and self.report.opening.strip():
            body.extend(self.body_text(self.report.opening))
        if self.layout.form is Form.NARRATIVE:
            body.extend(self.narrative())
        else:
            body.append(self.table())
        if self.options.closing and self.report.closing.strip():
            label = self.layout.closing_label
            if label:
                body.append(self.para(label, bold=True, space_before_pt=8, keep_with_next=True,
                                      role="heading"))
            body.extend(self.body_text(self.report.closing))
        if self.options.signatures and self.report.signers:
            if body:
                body[-1] = _kept_with_next(body[-1])
            body.extend(self.signatures(self.report.signers))
        first_in_document = not sections
        sections.append(Section(
            self.page(self.report_landscape(),
                      first_page_unnumbered=first_in_document,
                      restart_numbering=bool(sections)),
            tuple(body), name="report"))
        return Document(
            title=f"{self.report.title} {self.report.municipality} "
                  f"ปีงบประมาณ {self.report.fiscal_year}".strip(),
            sections=tuple(sections),
            thai_digits=self.options.thai_digits,
            continuation_word=ContinuationWord() if self.options.continuation_word else None,
            metadata={"municipality": self.report.municipality,
                      "fiscal_year": str(self.report.fiscal_year),
                      "layout": self.layout.id},
        )

    def body_text(self, text: str) -> list[Paragraph]:
        out = []
        for line in text.split("\n"):
            if line.strip():
                is_item = bool(LIST_ITEM.match(line))
                out.append(self.para(
                    line.strip(), role="list" if is_item else "body",
                    first_line_mm=0.0 if is_item else 25.0,
                    left_mm=25.0 if is_item else 0.0,
                    hanging_mm=HANGING_MM if is_item else 0.0,
                    space_after_pt=4, align=Align.JUSTIFY if not is_item else Align.LEFT))
        return out

    def oit_code(self) -> str:
        """The code of the OIT item the report answers, as the NACC writes it (O26: a
        code, so its digits stay Arabic)."""
        item = item_of(self.report, shipped_year(self.report.fiscal_year))
        return item.code if item is not None else report_item_code(self.report.options)

    def title_block(self) -> list[Paragraph]:
        r = self.report
        size = self.title_pt
        place = self.options.oit_code
        code = self.oit_code() if place in ("above", "before") else ""
        out: list[Paragraph] = []
        if code and place == "above":
            out.append(Paragraph(runs=(Run(code, bold=True),), size_pt=size, align=Align.RIGHT,
                                 role="oit-code", keep_with_next=True))
        title = self.para(r.title.strip() or "รายงานผลการดำเนินการ", bold=True, size=size,
                          align=Align.CENTER, role="title", keep_with_next=True)
        if code and place == "before":
            title = dataclasses.replace(title, runs=(Run(f"{code} ", bold=True), *title.runs))
        out += [title,
               self.para(f"ประจำปีงบประมาณ พ.ศ. {r.fiscal_year}", bold=True, size=size,
                         align=Align.CENTER, role="title", keep_with_next=True)]
        if r.period.strip():
            out.append(self.para(r.period.strip(), bold=True, size=size, align=Align.CENTER,
                                 role="title", keep_with_next=True))
        if self.place():
            out.append(self.para(self.place(), bold=True, size=size, align=Align.CENTER,
                                 role="title", keep_with_next=True, space_after_pt=10))
        return out

    def cover(self) -> list[Block]:
        r = self.report
        out: list[Block] = [self.para("", size=28, space_before_pt=120, role="space")]
        for text, size in ((r.title.strip(), 28), (f"ประจำปีงบประมาณ พ.ศ. {r.fiscal_year}", 26),
                           (r.period.strip(), 22)):
            if text:
                out.append(self.para(text, bold=True, size=size, align=Align.CENTER,
                                     role="cover", space_after_pt=12))
        out.append(self.para("", size=24, space_before_pt=80, role="space"))
        for text in (r.municipality.strip(), " ".join(self.place().split(" ")[1:])):
            if text:
                out.append(self.para(text, bold=True, size=24, align=Align.CENTER,
                                     role="cover", space_after_pt=6))
        if r.prepared_by.strip():
            out.append(self.para(f"จัดทำโดย {r.prepared_by.strip()}", bold=True, size=20,
                                 align=Align.CENTER, role="cover", space_before_pt=60))
        return out

    # ----------------------------------------------------------------- table
    def cell_text(self, measure: Measure, field: str) -> str:
        text = measure.get(field)
        extra: list[str] = []
        if field == self.layout.score_lines_in and self.options.score_lines:
            for score in measure.scores:
                extra.extend(score_lines(score, self.report.fiscal_year))
        if field == self.layout.extras_in:
            for item in self.layout.extras:
                value = measure.get(item.field).strip()
                if value:
                    extra.append(f"{item.label} {value}".strip())
        return "\n".join([p for p in (text.strip(), *extra) if p])

    def table(self) -> Table:
        page = self.page(self.report_landscape())
        total = sum(c.width for c in self.layout.columns)
        widths = tuple(round(page.text_width_mm * c.width / total, 2)
                       for c in self.layout.columns)
        size = self.table_pt
        header = Row(tuple(
            Cell((Paragraph((Run(self.t(c.header), bold=True),), size_pt=size,
                            align=Align.CENTER, role="header"),))
            for c in self.layout.columns))
        rows = []
        for index, measure in enumerate(self.report.measures):
            if measure.kind is MeasureKind.SECTION:
                # a heading row goes with the first row under it (Word: keepNext)
                heading = tuple(dataclasses.replace(p, keep_with_next=True) for p in
                                self.lines(measure.title, size, "section", bold=True))
                rows.append(Row((Cell(heading),), spans_all=True, measure_index=index))
                continue
            cells = []
            for column in self.layout.columns:
                code = measure.code.strip() if column.field == self.layout.code_in else ""
                text = self.cell_text(measure, column.field)
                if code:
                    text = f"{code} {text}"
                cells.append(Cell(self.lines(text, size)))
            rows.append(Row(tuple(cells), measure_index=index))
        return Table(widths_mm=widths, header=header, rows=tuple(rows),
                     header_size_pt=size, body_size_pt=size)

    # ------------------------------------------------------------- narrative
    def narrative(self) -> list[Block]:
        out: list[Block] = []
        number = 0
        style = self.layout.narrative
        for index, measure in enumerate(self.report.measures):
            if measure.kind is MeasureKind.SECTION:
                out.append(self.para(measure.title, bold=True, space_before_pt=10,
                                     keep_with_next=True, role="section", measure_index=index))
                continue
            number += 1
            title = measure.title.strip()
            heading = (title if OWN_NUMBER.match(title)
                       else self.layout.heading(str(number), title))
            out.append(self.para(heading, bold=True, space_before_pt=10, keep_with_next=True,
                                 role="heading", measure_index=index))
            for column in self.layout.columns[1:]:
                text = self.cell_text(measure, column.field)
                if not text:
                    continue
                out.append(self.para(self.layout.label(column), bold=True,
                                     left_mm=style.label_indent_mm, keep_with_next=True,
                                     role="label"))
                for p in self.lines(text, self.body_pt, role="body"):
                    out.append(Paragraph(runs=p.runs, size_pt=p.size_pt,
                                         left_mm=style.text_indent_mm + (p.hanging_mm or 0),
                                         first_line_mm=-(p.hanging_mm or 0), role=p.role))
        return out

    # ------------------------------------------------------------ signatures
    def signature(self, signer: Signer, *, left_mm: float, with_line: bool = True) -> list[
            Paragraph]:
        out = []
        if with_line:
            role = f" {signer.role.strip()}" if signer.role.strip() else ""
            out.append(self.para(f"(ลงชื่อ){SIGN_DOTS}{role}", align=Align.CENTER,
                                 left_mm=left_mm, space_before_pt=24, keep_with_next=True,
                                 role="signature"))
        if signer.name.strip():
            # Without a "(ลงชื่อ)" line, room is left above the name for the hand signature.
            out.append(self.para(f"({signer.name.strip()})", align=Align.CENTER,
                                 left_mm=left_mm, keep_with_next=True, role="signature",
                                 space_before_pt=0 if with_line else 36))
        for position in signer.positions:
            out.append(self.para(position, align=Align.CENTER, left_mm=left_mm,
                                 keep_with_next=True, role="signature"))
        return out

    def signatures(self, signers: tuple[Signer, ...]) -> list[Block]:
        page = self.page(self.report_landscape())
        left = page.text_width_mm / 2
        out: list[Block] = []
        for signer in signers:
            out.extend(self.signature(signer, left_mm=left))
        return out

    # ------------------------------------------------------------------ memo
    def memo(self, memo: Memo) -> list[Block]:
        """The government memo form (บันทึกข้อความ), from the memo's fields."""
        out: list[Block] = []
        garuda = self.options.garuda_image or memo.garuda_image
        if garuda and Path(garuda).is_file():
            out.append(Image(garuda, height_mm=15.0))
        out.append(self.para("บันทึกข้อความ", bold=True, size=29, align=Align.CENTER,
                             role="memo-title", space_after_pt=6))

        def field(*pairs: tuple[str, str], size: float = 16.0) -> Paragraph:
            runs: list[Run] = []
            for label, value in pairs:
                runs += [Run(self.t(label), bold=True), Run(" " + self.t(value))]
            return Paragraph(runs=(*runs, Run("", dotted_fill=True)), size_pt=size,
                             role="memo-field", space_after_pt=2)

        out.append(field(("ส่วนราชการ", memo.agency), size=20))
        out.append(field(("ที่", memo.number + "   "), ("วันที่", memo.date), size=16))
        out.append(field(("เรื่อง", memo.subject)))
        out.append(self.para(f"เรียน {memo.to}", role="memo-to", space_before_pt=6,
                             space_after_pt=6))
        for text, heading in ((memo.background, "เรื่องเดิม"), (memo.facts, "ข้อเท็จจริง"),
                              (memo.proposal, "ข้อพิจารณาและเสนอแนะ")):
            if text.strip():
                out.append(self.para(heading, bold=True, role="memo-heading",
                                     keep_with_next=True, space_before_pt=4))
                out.extend(self.body_text(text))
        if memo.closing.strip():
            out.append(self.para(memo.closing.strip(), first_line_mm=25, role="body",
                                 space_before_pt=6))
        page_width = _page(MEMO_MARGINS, landscape=False).text_width_mm
        if memo.signer.name.strip() or memo.signer.positions:
            # As the report's: the signer's name never alone at the top of a page.
            out[-1] = _kept_with_next(out[-1])
            out.extend(self.signature(memo.signer, left_mm=page_width / 2, with_line=False))
        for endorsement in memo.endorsements:
            for line in endorsement.text.split("\n"):
                out.append(self.para(line, role="memo-endorsement", space_before_pt=6))
            out[-1] = _kept_with_next(out[-1])
            out.extend(self.signature(Signer(endorsement.name, endorsement.positions),
                                      left_mm=0, with_line=False))
        return out


def _kept_with_next(block: Block) -> Block:
    """What stands before the signatures goes with them: signatures alone on a page are
    bad in an official document. A paragraph (the closing) keeps with the next, a table
    its last row (Word and LibreOffice keep such a row with what follows it)."""
    if isinstance(block, Paragraph):
        return dataclasses.replace(block, keep_with_next=True)
    if isinstance(block, Table) and block.rows:
        last = block.rows[-1]
        cells = tuple(Cell(tuple(dataclasses.replace(p, keep_with_next=True)
                                 for p in cell.paragraphs)) for cell in last.cells)
        return dataclasses.replace(block, rows=(*block.rows[:-1],
                                                dataclasses.replace(last, cells=cells)))
    return block


def _page(margins: Margins, **kw: Any) -> PageSetup:
    return PageSetup(top_mm=margins.top_mm, bottom_mm=margins.bottom_mm,
                     left_mm=margins.left_mm, right_mm=margins.right_mm, **kw)


def _carried(report: Report, layout: Layout) -> str:
    """The report's exchange file, for the writers to carry; none for a document whose
    layout is not the report's (a preview of another layout)."""
    if layout.id != report.layout:
        return ""
    own = None if layout.builtin else layout
    return json_text(report_to_dict(report, own))


def build_document(report: Report, options: ExportOptions | None = None,
                   layout: Layout | None = None, *, carry: bool = True) -> Document:
    """The document of `report` in `layout` (default: the shipped layout it names);
    `carry=False` leaves the exchange file out (the preview: its file is only looked at,
    and carrying would cost every refresh)."""
    layout = layout or layout_by_id(report.layout)
    document = _Builder(report, options or ExportOptions.from_report(report), layout).build()
    return dataclasses.replace(document, carried=_carried(report, layout)) if carry else (
        document)
