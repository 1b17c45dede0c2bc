"""Reading a report from a file: our exchange JSON, or last year's Word report.

Most municipalities have last year's report as a .docx. We find the table whose header
row is one of the five layouts, map its columns to fields, join rows Word split across
pages (a row whose first cell is empty continues the one above), keep paragraphs and
list lines, and read the title block above the table for the municipality and the year.
Hostile files (zip bombs, XML entities, huge files) are refused before they are read.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ..domain import LAYOUTS, Layout, Measure, MeasureKind, Report
from ..errors import ClerkError
from ..thai.dates import parse_be_year
from ..thai.digits import to_arabic_digits
from .jsonfile import ExchangeError, read_report

MAX_FILE = 50 * 1024 * 1024  # a report is a few MB at most
MAX_UNPACKED = 200 * 1024 * 1024
MAX_RATIO = 100  # unpacked / packed, for any one part


class ImportProblem(ClerkError):
    pass


def read_any(path: Path) -> Report:
    path = Path(path)
    if not path.is_file():
        raise ImportProblem(f"ไม่พบไฟล์ «{path}»", path)
    if path.stat().st_size > MAX_FILE:
        raise ImportProblem(f"ไฟล์ «{path.name}» ใหญ่เกินกว่าจะเป็นรายงาน จึงไม่ได้นำเข้า", path)
    suffix = path.suffix.lower()
    if suffix == ".json":
        try:
            return read_report(path)
        except ExchangeError as exc:
            where = f" (ตำแหน่ง {exc.where})" if exc.where else ""
            raise ImportProblem(f"นำเข้าไฟล์ «{path.name}» ไม่ได้: {exc.message}{where}",
                                path, str(exc)) from exc
    if suffix == ".docx":
        return read_docx(path)
    raise ImportProblem("นำเข้าได้เฉพาะไฟล์ .itadesk.json หรือไฟล์ Word (.docx)", path)


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            total = 0
            for info in archive.infolist():
                total += info.file_size
                if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and (
                        info.file_size > 10 * 1024 * 1024):
                    raise ImportProblem(
                        f"ไฟล์ «{path.name}» มีส่วนที่ขยายตัวผิดปกติ (อาจเป็นไฟล์อันตราย) จึงไม่ได้นำเข้า",
                        path, info.filename)
            if total > MAX_UNPACKED:
                raise ImportProblem(f"ไฟล์ «{path.name}» ใหญ่เกินกว่าจะเป็นรายงาน จึงไม่ได้นำเข้า",
                                    path, f"{total} bytes unpacked")
            document = archive.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError) as exc:
        raise ImportProblem(f"ไฟล์ «{path.name}» ไม่ใช่ไฟล์ Word ที่อ่านได้", path,
                            str(exc)) from exc
    if b"<!DOCTYPE" in document[:2000] or b"<!ENTITY" in document:
        raise ImportProblem(f"ไฟล์ «{path.name}» มีโครงสร้างที่ไม่ปลอดภัย จึงไม่ได้นำเข้า", path)


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text).replace("／", "/")


def _match(headers: list[str]) -> tuple[Layout, list[int]] | None:
    """The layout whose headers these are, and which table column holds each field."""
    cells = [_norm(h) for h in headers]
    best: tuple[int, Layout, list[int]] | None = None
    for layout in LAYOUTS:
        wanted = [_norm(c.header) for c in layout.columns]
        positions = []
        for header in wanted:
            positions.append(cells.index(header) if header in cells else -1)
        hits = sum(p >= 0 for p in positions)
        if hits >= len(wanted) - 1 and (best is None or hits > best[0]):
            best = (hits, layout, positions)
    return (best[1], best[2]) if best else None


def _cell_text(cell) -> str:
    return "\n".join(p.text.strip() for p in cell.paragraphs if p.text.strip())


def read_docx(path: Path) -> Report:
    _check_zip(path)
    import docx

    try:
        document = docx.Document(str(path))
    except Exception as exc:
        raise ImportProblem(f"ไฟล์ «{path.name}» ไม่ใช่ไฟล์ Word ที่อ่านได้", path,
                            str(exc)) from exc
    for table in document.tables:
        rows = list(table.rows)
        if not rows:
            continue
        headers = [_cell_text(c) for c in rows[0].cells]
        found = _match(headers)
        if found is None:
            continue
        layout, positions = found
        measures = _rows(layout, positions, headers, rows[1:])
        return _with_title_block(document, layout, measures)
    raise ImportProblem(
        f"ไม่พบตารางมาตรการในไฟล์ «{path.name}» (หัวตารางต้องตรงกับรูปแบบใดรูปแบบหนึ่งของโปรแกรม)",
        path)


def _rows(layout: Layout, positions: list[int], headers: list[str],
          rows: list) -> list[Measure]:
    header_norm = [_norm(h) for h in headers]
    measures: list[Measure] = []
    for row in rows:
        cells = row.cells
        texts = [_cell_text(c) for c in cells]
        if [_norm(t) for t in texts] == header_norm:
            continue  # the header row repeated on a new page
        distinct = {id(c._tc) for c in cells}
        if len(distinct) == 1 and len(cells) > 1:
            if texts[0]:
                measures.append(Measure(kind=MeasureKind.SECTION, title=texts[0]))
            continue
        values = {c.field: (texts[p] if 0 <= p < len(texts) else "")
                  for c, p in zip(layout.columns, positions, strict=True)}
        first = values[layout.columns[0].field]
        if not first and measures and measures[-1].kind is MeasureKind.MEASURE:
            previous = measures[-1]
            for field, text in values.items():
                if text:
                    before = previous.get(field)
                    previous = previous.with_field(field, f"{before}\n{text}" if before else text)
            measures[-1] = previous
            continue
        if any(values.values()):
            measures.append(Measure(**values))
    return measures


def _with_title_block(document, layout: Layout, measures: list[Measure]) -> Report:
    """Municipality, district, province and fiscal year from the text above the table."""
    lines = [p.text.strip() for p in document.paragraphs[:40] if p.text.strip()]
    text = " ".join(lines)
    year = None
    for match in re.finditer(r"ปีงบประมาณ\s*(?:พ\.ศ\.)?\s*([๐-๙\d]{4})", text):
        year = parse_be_year(to_arabic_digits(match.group(1)))
        if year:
            break
    municipality = ""
    match = re.search(r"((?:เทศบาล(?:นคร|เมือง|ตำบล)|องค์การบริหารส่วนตำบล|อบต\.)\S+)", text)
    if match:
        municipality = match.group(1)
    district = re.search(r"อำเภอ(\S+)", text)
    province = re.search(r"จังหวัด(\S+)", text)
    title = next((line for line in lines if line.startswith("รายงานผล")), "")
    report = Report(layout=layout.id, municipality=municipality,
                    district=district.group(1) if district else "",
                    province=province.group(1) if province else "",
                    measures=tuple(measures), options={"title_block": True})
    if title:
        report = report.with_field("title", title)
    if year:
        report = report.with_field("fiscal_year", year)
    return report
