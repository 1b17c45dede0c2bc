"""One export job: report → neutral document → writer → file, with progress and cancel.

Qt-free: the command line runs it, and the window runs the command line in a process of
its own (ui/jobs.py says why not a thread).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..document import ExportOptions, build_document
from ..domain import Report
from .errors import ExportError

Progress = Callable[[float], None]  # 0.0 … 1.0; may raise Cancelled to stop the job


class Cancelled(Exception):
    """The clerk cancelled: no file is written, the old one stays."""


FORMATS = ("docx", "pdf")


def format_of(path: Path) -> str:
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ExportError("ชื่อไฟล์ต้องลงท้ายด้วย .docx หรือ .pdf", path,
                          english="The file name must end in .docx or .pdf.")
    return fmt


def export_report(report: Report, path: Path, options: ExportOptions | None = None,
                  progress: Progress | None = None) -> Path:
    options = options or ExportOptions.from_report(report)
    document = build_document(report, options)
    if progress:
        progress(0.05)
    if format_of(path) == "docx":
        from .docx import write_docx

        write_docx(document, path, embed=options.embed_fonts, progress=progress)
    else:
        from .pdf import write_pdf

        write_pdf(document, path, progress=progress)
    if progress:
        progress(1.0)
    return path


def export_bytes(report: Report, fmt: str, options: ExportOptions | None = None,
                 progress: Progress | None = None) -> bytes:
    """The file's bytes without writing it (the preview)."""
    options = options or ExportOptions.from_report(report)
    document = build_document(report, options)
    if fmt == "docx":
        from .docx import docx_bytes

        return docx_bytes(document, embed=options.embed_fonts, progress=progress)
    from .pdf import pdf_bytes

    return pdf_bytes(document, progress=progress)
