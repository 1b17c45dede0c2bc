"""One export job: report → neutral document → writer → file, with progress and cancel.

Qt-free: the command line runs it, and the window runs the command line in a process of
its own (ui/jobs.py says why not a thread).
"""

from __future__ import annotations

from pathlib import Path

from ..document import ExportOptions, build_document
from ..domain import Layout, Report
from .errors import ExportError
from .files import write_atomically
from .writers import FORMATS, WRITERS, Progress

__all__ = ["FORMATS", "Cancelled", "Progress", "export_bytes", "export_report", "format_of"]


class Cancelled(Exception):
    """The clerk cancelled: no file is written, the old one stays."""


def format_of(path: Path) -> str:
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        endings = " หรือ ".join(f".{f}" for f in FORMATS)
        raise ExportError(f"ชื่อไฟล์ต้องลงท้ายด้วย {endings}", path,
                          english=f"The file name must end in {' or '.join(FORMATS)}.")
    return fmt


def export_report(report: Report, path: Path, options: ExportOptions | None = None,
                  progress: Progress | None = None, layout: Layout | None = None) -> Path:
    """Write the report to `path`, in the format its name ends in (whole, or not at all)."""
    data = export_bytes(report, format_of(Path(path)), options, progress, layout)
    write_atomically(Path(path), lambda fh: fh.write(data))
    if progress:
        progress(1.0)
    return path


def export_bytes(report: Report, fmt: str, options: ExportOptions | None = None,
                 progress: Progress | None = None, layout: Layout | None = None) -> bytes:
    """The file's bytes without writing it (the preview). `layout`: the report's, when it
    is not one of the shipped ones."""
    options = options or ExportOptions.from_report(report)
    document = build_document(report, options, layout)
    if progress:
        progress(0.05)
    return WRITERS[fmt].render(document, options, progress)
