"""A report from a file's blocks (paragraph lines and tables, each with its page): the
measures from the tables (tables.py) or from the narrative form's headings and labels,
and the parts around them (parts.py). Word and PDF readers both end here.
"""

from __future__ import annotations

import re

from ..domain import Layout, Measure, MeasureKind, Report, Signer
from ..domain.layouts import Form
from ..domain.memo import from_form
from ..errors import ClerkError
from . import parts
from .narrative import find_narrative
from .summary import ImportSummary
from .tables import HEADING, TableReader, find_header, norm, unpack
from .wordxml import Block, Grid, Para

_URL = re.compile(r"(?i)(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


class NotAReport(ClerkError):
    english = "No table with a known layout's headers, and no narrative measures."


def recognise(blocks: list[Block], layouts, source: str) -> tuple[Report, ImportSummary]:
    summary = ImportSummary(source)
    table_layouts = [lay for lay in layouts if lay.form is Form.TABLE]
    # a table with (nearly) all of a layout's headers; else one with some of them, its
    # other columns told as left out (a clerk's four columns of their own came in as
    # one narrative measure with every cell's text in ผู้รับผิดชอบ, and "nothing left out")
    first = None
    for loose in (False, True):
        first = next(((i, found) for i, b in enumerate(blocks) if isinstance(b, Grid)
                      for found in [find_header(b, table_layouts, loose)] if found), None)
        if first is not None:
            break
    if first is not None:
        index, (mapping, header_row) = first
        grid = blocks[index]
        assert isinstance(grid, Grid)
        layout = mapping.layout
        before = _lines(blocks[:index], summary) + [
            Para(line, grid.page) for row in grid.rows[:header_row] for c in row.cells
            for line in c.text.split("\n")]
        reader = TableReader(mapping)
        reader.add_rows(grid.rows[header_row + 1:], grid.columns)
        after = _continued(blocks[index + 1:], reader, grid, summary)
        summary.columns = [(mapping.headers[c.field], c.header) for c in layout.columns
                           if c.field in mapping.headers]
        _columns_left_out(grid, header_row, mapping, summary)
        body_page = grid.page
        finish = reader.finish
    else:
        found = find_narrative(blocks, [lay for lay in layouts if lay.form is Form.NARRATIVE])
        if found is None:
            raise NotAReport(
                f"ไม่พบตารางมาตรการในไฟล์ «{source}» (หัวตารางต้องตรงกับรูปแบบใดรูปแบบหนึ่งของ"
                "โปรแกรม หรือเป็นแบบบรรยายที่มีหัวข้อ ๑. มาตรการ… และหัวเรื่องย่อหน้า)",
                english="No table with a known layout's headers, and no narrative measures.")
        layout, lines, start, stop, measures = found
        before, after = lines[:start], lines[stop:]
        body_page = lines[start].page if start < len(lines) else 1

        def finish(fiscal_year: int) -> list[Measure]:
            return [unpack(m, layout, fiscal_year) if m.kind is MeasureKind.MEASURE else m
                    for m in measures]

    report, options = _around(before, after, layout, body_page, summary)
    measures = finish(report.fiscal_year)
    options.update(_digits(report, measures))
    report = Report(**{**report.__dict__, "measures": tuple(measures), "options": options})
    summary.layout_name = layout.name
    summary.measures = sum(m.kind is MeasureKind.MEASURE for m in measures)
    summary.sections = sum(m.kind is MeasureKind.SECTION for m in measures)
    summary.signers = len(report.signers)
    summary.pages = max((b.page for b in blocks), default=0)
    return report, summary


def _columns_left_out(grid: Grid, header_row: int, mapping, summary: ImportSummary) -> None:
    """A column of the file's table that no field of the layout takes: told, with its text."""
    taken = set(mapping.columns.values())
    for cell in grid.rows[header_row].cells:
        if cell.column in taken or not cell.text.strip():
            continue
        texts = [c.text.strip() for row in grid.rows[header_row + 1:] for c in row.cells
                 if c.column == cell.column and c.text.strip()]
        summary.leave_out(f"คอลัมน์ «{cell.text.strip()}» (ไม่มีช่องนี้ในรูปแบบ "
                          f"{mapping.layout.name}): " + " · ".join(texts or ["(ว่าง)"]),
                          grid.page, grid.number)


def _lines(blocks: list[Block], summary: ImportSummary) -> list[Para]:
    """Paragraph lines; a table that is not the measures' gives its lines when it holds
    signatures, and is left out (and told) when not."""
    out: list[Para] = []
    for block in blocks:
        if isinstance(block, Para):
            out.append(block)
        elif any(parts.is_signature_start(line) for line in block.lines()):
            out.extend(Para(line, block.page) for line in block.lines())
        else:
            summary.leave_out(" ".join(block.lines()), block.page, block.number)
    return out


def _continued(blocks: list[Block], reader: TableReader, first: Grid,
               summary: ImportSummary) -> list[Para]:
    """The tables after the first that continue it (the header repeated, or a table of
    as many columns that starts on a new page); headings between them become section
    rows. What is left after the last of them is returned."""
    pending: list[Block] = []
    layout = reader.mapping.layout
    for block in blocks:
        if isinstance(block, Para):
            pending.append(block)
            continue
        found = find_header(block, [layout])
        typed = [p for p in pending if isinstance(p, Para) and not parts.is_noise(p.text)]
        same_shape = block.columns == first.columns and not any(
            parts.is_signature_start(line) for line in block.lines())
        if found is None and not (same_shape and all(HEADING.match(p.text) for p in typed)
                                  and not any(isinstance(p, Grid) for p in pending)):
            pending.append(block)
            continue
        for item in pending:
            if isinstance(item, Grid):
                summary.leave_out(" ".join(item.lines()), item.page, item.number)
            elif HEADING.match(item.text):
                reader.add_section(item.text.strip())
            elif not parts.is_noise(item.text):
                summary.leave_out(item.text, item.page)
        pending = []
        rows = block.rows[found[1] + 1:] if found else block.rows
        reader.add_rows(rows, block.columns)
    return _lines(pending, summary)


def _around(before: list[Para], after: list[Para], layout: Layout, body_page: int,
            summary: ImportSummary) -> tuple[Report, dict]:
    """Memo, cover, title block and opening before the measures; closing and signers
    after them."""
    options: dict = {}
    memo_at = next((i for i, p in enumerate(before) if parts.is_memo_title(p.text)), None)
    memo_signer: Signer | None = None
    memo_form: dict | None = None
    if memo_at is not None:
        end = memo_at + 1
        memo_page = before[memo_at].page
        while end < len(before) and not (before[end].page > memo_page and _starts_report(
                before[end].text)):
            end += 1
        memo_form, memo_signer = parts.read_memo([p.text for p in before[memo_at:end]])
        options["memo"] = True
        summary.parts.append("บันทึกข้อความ")
        before = before[:memo_at] + before[end:]
    cover = None
    pages = sorted({p.page for p in before if not parts.is_noise(p.text)})
    if len(pages) > 1 or (pages and pages[0] < body_page):
        first_page = [p.text for p in before if p.page == pages[0]]
        rest = [p.text for p in before if p.page != pages[0]]
        typed = [t for t in first_page if not parts.is_noise(t)]
        if len(typed) <= 12 and all(len(t) < 150 for t in typed) and any(
                "ปีงบประมาณ" in t for t in typed):
            cover = parts.read_heading(first_page, cover=True)
            before = [p for p in before if p.page != pages[0]]
            options["cover"] = True
            summary.parts.append("หน้าปก")
            if not rest:
                cover.opening, cover.found = "", cover.found
    heading = parts.read_heading([p.text for p in before])
    options["title_block"] = bool(heading.title or heading.fiscal_year)
    if cover is not None:
        for name in ("title", "period", "municipality", "district", "province",
                     "prepared_by"):
            if not getattr(heading, name):
                setattr(heading, name, getattr(cover, name))
        heading.fiscal_year = heading.fiscal_year or cover.fiscal_year
        heading.found = list(dict.fromkeys(heading.found + cover.found))
    summary.parts.extend(heading.found)
    if heading.opening:
        summary.parts.append("ย่อหน้าเปิด")
        options["opening"] = True
    texts = [p.text.strip() for p in after if not parts.is_noise(p.text)]
    sign_at = next((i for i, t in enumerate(texts) if parts.is_signature_start(t)), len(texts))
    closing = texts[:sign_at]
    if closing and layout.closing_label and norm(closing[0]) == norm(layout.closing_label):
        closing = closing[1:]
    signers = parts.read_signers(texts[sign_at:])
    if signers:
        summary.parts.append("ผู้ลงนาม")
        options["signatures"] = True
    elif memo_signer is not None:
        signers = [memo_signer]
    if closing:
        summary.parts.append("บทสรุป")
        options["closing"] = True
    fields = {"layout": layout.id, "opening": heading.opening, "closing": "\n".join(closing),
              "signers": tuple(signers)}
    for name in ("title", "period", "municipality", "district", "province", "prepared_by"):
        if getattr(heading, name):
            fields[name] = getattr(heading, name)
    if heading.fiscal_year:
        fields["fiscal_year"] = heading.fiscal_year
    if memo_form is not None:
        # the memo's signer as the report's signer of that name, role and all
        same = [s for s in signers if memo_signer is not None
                and (s.name, s.positions) == (memo_signer.name, memo_signer.positions)]
        fields["memo"] = from_form(memo_form, same[0] if same else (
            memo_signer or (signers[0] if signers else None)))
    return Report(**fields), options


def _starts_report(text: str) -> bool:
    return bool(re.match(r"^\s*(?:รายงาน|แบบ|แผน|มาตรการ)", text)) or "ปีงบประมาณ" in text


def _digits(report: Report, measures: list[Measure]) -> dict:
    """thai_digits as the file shows it: Thai digits outside web and e-mail addresses."""
    texts = [report.opening, report.closing, report.period,
             *(m.get(f) for m in measures for f in ("title", "steps", "timing", "result",
                                                     "outcome"))]
    # an address keeps its Arabic digits whatever the choice (digits.py)
    text = " ".join(_URL.sub("", t) if ("@" in t or "www" in t or "://" in t) else t
                    for t in texts)
    thai = sum(text.count(d) for d in "๐๑๒๓๔๕๖๗๘๙")
    arabic = sum(text.count(d) for d in "0123456789")
    if not thai and not arabic:
        return {}
    return {"thai_digits": thai > 0 and arabic == 0}
