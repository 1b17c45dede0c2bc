"""Reading a report from a file: our exchange JSON, or last year's Word report.

Most municipalities have last year's report as a .docx. Hostile files (zip bombs, XML
entities, huge files, passwords) are refused here before they are read; wordxml.py reads
the body's paragraphs and tables, recognise.py finds the layout, the measures and the
parts around them, and says in an ImportSummary what it found and what it left out.
"""

from __future__ import annotations

import io
import stat
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from ..domain import LayoutCatalog, MeasureKind, Report, builtin_layouts
from ..errors import ClerkError
from .carried import Carried, apply, docx_reader
from .checking import ExchangeError, parse
from .jsonfile import Exchange, exchange_from_dict
from .summary import ImportSummary

MAX_FILE = 50 * 1024 * 1024  # a report is a few MB at most
MAX_UNPACKED = 200 * 1024 * 1024
MAX_RATIO = 100  # unpacked / packed, for any one part
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a password-protected .docx, or a .doc


class ImportProblem(ClerkError):
    english = "The file could not be imported."


def read_any(path: Path, layouts: LayoutCatalog | None = None) -> Report:
    return read_file(path, layouts)[0].report


def read_with_summary(path: Path, progress: Callable[[float], None] | None = None,
                      layouts: LayoutCatalog | None = None) -> tuple[Report, ImportSummary]:
    """The report in the file, and what was found and left out (told before adding it)."""
    found, summary = read_file(path, layouts, progress)
    return found.report, summary


def read_file(path: Path, layouts: LayoutCatalog | None = None,
              progress: Callable[[float], None] | None = None,
              ) -> tuple[Exchange, ImportSummary]:
    """The report in an exchange file, with the clerk's own layouts it carries, or in a
    Word file, whose tables are matched against `layouts` (by default the shipped ones)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".json", ".docx", ".pdf"):
        raise ImportProblem("นำเข้าได้เฉพาะไฟล์ .itadesk.json ไฟล์ Word (.docx) หรือไฟล์ PDF", path,
                            english="Only .itadesk.json, .docx and .pdf files can be imported.")
    data = _read(path)
    if suffix == ".json":
        try:
            found = exchange_from_dict(parse(data))
            return found, _json_summary(path, found.report)
        except ExchangeError as exc:
            where = f" (ตำแหน่ง {exc.where})" if exc.where else ""
            raise ImportProblem(f"นำเข้าไฟล์ «{path.name}» ไม่ได้: {exc.message}{where}",
                                path, exc.detail, exc.english) from exc
    if suffix == ".pdf":
        from .pdffile import read_pdf

        report, summary = read_pdf(path, data, progress, layouts)
    else:
        report, summary = read_docx(path, data, progress, layouts)
    return Exchange(report), summary


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


def _check_zip(path: Path, data: bytes,
               ) -> tuple[bytes, bytes | None, bytes | None, Callable[[], Carried | None]]:
    """word/document.xml, word/styles.xml and word/numbering.xml (if any) of a Word file
    that passed the checks, and the exchange file our export carries in it (if any)."""
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
            names = set(archive.namelist())
            styles, numbering = (archive.read(f"word/{name}.xml") if f"word/{name}.xml" in names
                                 else None for name in ("styles", "numbering"))
            carried = docx_reader(archive)
    except KeyError as exc:
        raise _not_word(path, exc) from exc
    except zipfile.BadZipFile as exc:
        # not a zip at all, or one whose directory or checksums are broken
        raise (_damaged(path, exc) if data.startswith(b"PK") else _not_word(path, exc)) from exc
    except (zlib.error, EOFError) as exc:
        raise _damaged(path, exc) from exc
    for xml in (document, styles or b"", numbering or b""):
        if b"<!DOCTYPE" in xml[:2000] or b"<!ENTITY" in xml:
            raise ImportProblem(f"ไฟล์ «{path.name}» มีโครงสร้างที่ไม่ปลอดภัย จึงไม่ได้นำเข้า",
                                path, english="DOCTYPE or ENTITY in the document (refused).")
    return document, styles, numbering, carried


def _not_word(path: Path, exc: BaseException) -> ImportProblem:
    return ImportProblem(f"ไฟล์ «{path.name}» ไม่ใช่ไฟล์ Word ที่อ่านได้", path,
                         f"{type(exc).__name__}: {exc}", "Not a Word (.docx) file.")


def read_docx(path: Path, data: bytes | None = None,
              progress: Callable[[float], None] | None = None,
              layouts: LayoutCatalog | None = None) -> tuple[Report, ImportSummary]:
    from lxml.etree import LxmlError

    from .numbering import Numbering
    from .wordxml import read_blocks, read_styles

    path = Path(path)
    data = _read(path) if data is None else data
    document, styles, numbering, carried = _check_zip(path, data)
    try:
        blocks = read_blocks(document, progress, read_styles(styles),
                             Numbering.read(numbering))
    except (LxmlError, ValueError) as exc:
        # XML that is not XML, or not the kind Word writes: the file is not a report
        raise ImportProblem(
            f"ไฟล์ «{path.name}» มีโครงสร้างที่โปรแกรมอ่านไม่ได้ (อาจทำด้วยโปรแกรมอื่นที่ไม่ใช่ Word "
            "หรือถูกแก้ไขเสียหาย) กรุณาเปิดใน Word แล้วบันทึกใหม่", path,
            f"{type(exc).__name__}: {exc}", "The Word file's XML could not be read.") from exc
    report, summary = recognised(path, blocks, layouts)
    return apply(report, summary, carried), summary


def recognised(path: Path, blocks: list, layouts: LayoutCatalog | None,
               ) -> tuple[Report, ImportSummary]:
    """The report in a file's blocks (Word's or a PDF's)."""
    from .recognise import NotAReport, recognise

    try:
        return recognise(blocks, layouts or builtin_layouts(), path.name)
    except NotAReport as exc:
        raise ImportProblem(exc.message, path, english=exc.english) from exc


def _json_summary(path: Path, report: Report) -> ImportSummary:
    summary = ImportSummary(path.name, measures=sum(
        m.kind is MeasureKind.MEASURE for m in report.measures), sections=sum(
        m.kind is MeasureKind.SECTION for m in report.measures), signers=len(report.signers))
    summary.parts = ["ไฟล์แลกเปลี่ยนของ ITA Desk (ทุกช่องข้อมูล)"]
    return summary
