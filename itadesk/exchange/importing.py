"""Reading a report from a file: our exchange JSON, or last year's Word report.

Most municipalities have last year's report as a .docx. We find the table whose header
row is one of the five layouts, map its columns to fields, join rows Word split across
pages (a row whose first cell is empty continues the one above), keep paragraphs and
list lines, and read the title block above the table for the municipality and the year.
Hostile files (zip bombs, XML entities, huge files) are refused before they are read.
"""

from __future__ import annotations

import io
import re
import stat
import zipfile
import zlib
from pathlib import Path

from ..domain import Layout, Measure, MeasureKind, Report, builtin_layouts
from ..errors import ClerkError
from ..thai.dates import parse_be_year
from ..thai.digits import to_arabic_digits
from .checking import ExchangeError, parse
from .jsonfile import report_from_dict

MAX_FILE = 50 * 1024 * 1024  # a report is a few MB at most
MAX_UNPACKED = 200 * 1024 * 1024
MAX_RATIO = 100  # unpacked / packed, for any one part
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a password-protected .docx, or a .doc


class ImportProblem(ClerkError):
    english = "The file could not be imported."


def read_any(path: Path) -> Report:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".json", ".docx"):
        raise ImportProblem("นำเข้าได้เฉพาะไฟล์ .itadesk.json หรือไฟล์ Word (.docx)", path,
                            english="Only .itadesk.json and .docx files can be imported.")
    data = _read(path)
    if suffix == ".json":
        try:
            return report_from_dict(parse(data))
        except ExchangeError as exc:
            where = f" (ตำแหน่ง {exc.where})" if exc.where else ""
            raise ImportProblem(f"นำเข้าไฟล์ «{path.name}» ไม่ได้: {exc.message}{where}",
                                path, exc.detail, exc.english) from exc
    return read_docx(path, data)


def _read(path: Path) -> bytes:
    """The whole file, read once (a file that changes or goes away meanwhile cannot give
    two different answers), and at most MAX_FILE bytes of it."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a folder, a pipe, a device
            raise ImportProblem(f"«{path.name}» ไม่ใช่ไฟล์รายงาน กรุณาเลือกไฟล์", path,
                                english="Not a regular file.")
        if path.stat().st_size > MAX_FILE:
            raise _too_big(path)
        with path.open("rb") as fh:
            data = fh.read(MAX_FILE + 1)
    except FileNotFoundError as exc:
        raise ImportProblem(f"ไม่พบไฟล์ «{path}» (อาจถูกย้ายหรือลบไปแล้ว)", path, str(exc),
                            "The file does not exist (any more).") from exc
    except PermissionError as exc:
        raise ImportProblem(
            f"ไม่มีสิทธิ์อ่านไฟล์ «{path.name}» กรุณาคัดลอกไฟล์มาไว้ในเครื่องแล้วลองอีกครั้ง",
            path, str(exc), "No permission to read the file.") from exc
    except OSError as exc:
        raise ImportProblem(
            f"อ่านไฟล์ «{path.name}» ไม่สำเร็จ (อาจถอดแฟลชไดรฟ์ออกหรือเครือข่ายหลุดระหว่างอ่าน) "
            "กรุณาลองอีกครั้ง", path, str(exc), "Reading the file failed.") from exc
    if len(data) > MAX_FILE:  # it grew after it was looked at
        raise _too_big(path)
    return data


def _too_big(path: Path) -> ImportProblem:
    return ImportProblem(f"ไฟล์ «{path.name}» ใหญ่เกินกว่าจะเป็นรายงาน จึงไม่ได้นำเข้า", path,
                         english=f"The file is larger than {MAX_FILE} bytes.")


def _damaged(path: Path, exc: BaseException) -> ImportProblem:
    return ImportProblem(
        f"ไฟล์ «{path.name}» เสียหาย (ข้อมูลในไฟล์ถูกตัดหรือผิดรูป) จึงไม่ได้นำเข้า "
        "กรุณาเปิดไฟล์ใน Word แล้วบันทึกใหม่ หรือขอไฟล์ใหม่จากผู้ส่ง", path,
        f"{type(exc).__name__}: {exc}", "The Word file is damaged.")


def _check_zip(path: Path, data: bytes) -> None:
    if data.startswith(OLE_MAGIC):
        raise ImportProblem(
            f"ไฟล์ «{path.name}» ตั้งรหัสผ่านไว้ หรือเป็นไฟล์ Word รุ่นเก่า (.doc) จึงอ่านไม่ได้ "
            "กรุณาเปิดใน Word เอารหัสผ่านออก แล้วบันทึกเป็น .docx", path,
            english="Password-protected Word file, or an old .doc (OLE) file.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            total = 0
            for info in archive.infolist():
                if info.flag_bits & 0x1:
                    raise ImportProblem(
                        f"ไฟล์ «{path.name}» ตั้งรหัสผ่านไว้ จึงอ่านไม่ได้ กรุณาเปิดไฟล์ด้วยรหัสผ่าน "
                        "แล้วบันทึกเป็นไฟล์ใหม่ที่ไม่มีรหัสผ่าน", path, info.filename,
                        "Encrypted zip entry (password).")
                if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                    raise ImportProblem(
                        f"ไฟล์ «{path.name}» บีบอัดด้วยวิธีที่โปรแกรมนี้อ่านไม่ได้ กรุณาเปิดใน Word "
                        "แล้วบันทึกใหม่เป็น .docx", path,
                        f"{info.filename}: method {info.compress_type}",
                        "Unsupported zip compression method.")
                total += info.file_size
                if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and (
                        info.file_size > 10 * 1024 * 1024):
                    raise ImportProblem(
                        f"ไฟล์ «{path.name}» มีส่วนที่ขยายตัวผิดปกติ (อาจเป็นไฟล์อันตราย) จึงไม่ได้นำเข้า",
                        path, info.filename, "A part expands suspiciously (zip bomb?).")
            if total > MAX_UNPACKED:
                raise ImportProblem(f"ไฟล์ «{path.name}» ใหญ่เกินกว่าจะเป็นรายงาน จึงไม่ได้นำเข้า",
                                    path, f"{total} bytes unpacked", "Too large unpacked.")
            document = archive.read("word/document.xml")
    except KeyError as exc:
        raise _not_word(path, exc) from exc
    except zipfile.BadZipFile as exc:
        # not a zip at all, or one whose directory or checksums are broken
        raise (_damaged(path, exc) if data.startswith(b"PK") else _not_word(path, exc)) from exc
    except (zlib.error, EOFError) as exc:
        raise _damaged(path, exc) from exc
    if b"<!DOCTYPE" in document[:2000] or b"<!ENTITY" in document:
        raise ImportProblem(f"ไฟล์ «{path.name}» มีโครงสร้างที่ไม่ปลอดภัย จึงไม่ได้นำเข้า", path,
                            english="DOCTYPE or ENTITY in the document (refused).")


def _not_word(path: Path, exc: BaseException) -> ImportProblem:
    return ImportProblem(f"ไฟล์ «{path.name}» ไม่ใช่ไฟล์ Word ที่อ่านได้", path,
                         f"{type(exc).__name__}: {exc}", "Not a Word (.docx) file.")


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text).replace("／", "/")


def _match(headers: list[str]) -> tuple[Layout, list[int]] | None:
    """The layout whose headers these are, and which table column holds each field."""
    cells = [_norm(h) for h in headers]
    best: tuple[int, Layout, list[int]] | None = None
    for layout in builtin_layouts():
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


def read_docx(path: Path, data: bytes | None = None) -> Report:
    data = _read(Path(path)) if data is None else data
    _check_zip(path, data)
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.oxml.exceptions import InvalidXmlError
    from lxml.etree import LxmlError

    try:
        document = docx.Document(io.BytesIO(data))
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
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise _damaged(path, exc) from exc
    except (ValueError, KeyError, IndexError, InvalidXmlError, PackageNotFoundError,
            LxmlError) as exc:
        # XML that python-docx cannot take (gridSpan="abc", a missing part): the file
        # is not the kind of Word file a report is
        raise ImportProblem(
            f"ไฟล์ «{path.name}» มีโครงสร้างที่โปรแกรมอ่านไม่ได้ (อาจทำด้วยโปรแกรมอื่นที่ไม่ใช่ Word "
            "หรือถูกแก้ไขเสียหาย) กรุณาเปิดใน Word แล้วบันทึกใหม่", path,
            f"{type(exc).__name__}: {exc}", "The Word file's XML could not be read.") from exc
    raise ImportProblem(
        f"ไม่พบตารางมาตรการในไฟล์ «{path.name}» (หัวตารางต้องตรงกับรูปแบบใดรูปแบบหนึ่งของโปรแกรม)",
        path, english="No table with a known layout's headers.")


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
