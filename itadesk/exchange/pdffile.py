"""Last year's published PDF as a report: refused in Thai when it is not a PDF, is
locked with a password, is damaged, or holds pictures of pages only (a scan); else read
by pdfread.py into blocks and recognised as a Word file's are."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from ..domain import LayoutCatalog, Report
from .carried import apply, from_pdf
from .importing import ImportProblem, recognised
from .summary import ImportSummary


def read_pdf(path: Path, data: bytes, progress: Callable[[float], None] | None = None,
             layouts: LayoutCatalog | None = None) -> tuple[Report, ImportSummary]:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    from ..domain import builtin_layouts
    from ..domain.layouts import Form
    from .pdfread import ScannedPdf, read_pdf_blocks
    from .tables import own_lines

    if not data[:1024].lstrip().startswith(b"%PDF"):
        raise ImportProblem(f"ไฟล์ «{path.name}» ไม่ใช่ไฟล์ PDF ที่อ่านได้", path,
                            english="Not a PDF file (no %PDF header).")
    try:
        known = list(layouts or builtin_layouts())
        content = read_pdf_blocks(data, progress, own_lines(known),
                                  [lay for lay in known if lay.form is Form.TABLE])
    except ScannedPdf as exc:
        raise ImportProblem(
            f"ไฟล์ «{path.name}» เป็นภาพสแกนของหน้ากระดาษ ไม่มีตัวอักษรให้อ่าน โปรแกรมจึงนำเข้าไม่ได้ "
            "กรุณาใช้ไฟล์ Word หรือ PDF ที่ส่งออกจากโปรแกรมพิมพ์เอกสาร (ถ้ามี) หรือพิมพ์รายงานใหม่",
            path, english="The PDF has no text (scanned pages; no OCR).") from exc
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise ImportProblem(
            f"ไฟล์ «{path.name}» ตั้งรหัสผ่านไว้ จึงอ่านไม่ได้ กรุณาขอไฟล์ที่ไม่มีรหัสผ่าน", path,
            f"{type(exc).__name__}: {exc}", "Password-protected PDF.") from exc
    except (PdfminerException, PDFSyntaxError, ValueError, KeyError, TypeError,
            AttributeError, IndexError, RecursionError) as exc:
        # pdfminer meets a broken file with whatever its parser was doing
        raise ImportProblem(
            f"ไฟล์ «{path.name}» เสียหาย (ข้อมูลในไฟล์ถูกตัดหรือผิดรูป) จึงไม่ได้นำเข้า", path,
            f"{type(exc).__name__}: {exc}", "The PDF is damaged.") from exc
    report, summary = recognised(path, content.blocks, layouts)
    if content.continuation_word:
        report = dataclasses.replace(
            report, options={**report.options, "continuation_word": True})
        summary.parts.append("คำต่อหน้า")
    return apply(report, summary, lambda: from_pdf(data)), summary
