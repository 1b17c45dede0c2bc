"""Export failures, with the Thai sentence a clerk reads."""

from __future__ import annotations

from pathlib import Path

from ..errors import ClerkError


class ExportError(ClerkError):
    """Something about the file being exported."""


def target_locked(path: Path, detail: str = "") -> ExportError:
    return ExportError(
        f"บันทึกไฟล์ «{path.name}» ไม่ได้ เพราะไฟล์นี้เปิดอยู่ในโปรแกรมอื่น (เช่น Word) "
        "หรือเป็นไฟล์อ่านอย่างเดียว ไฟล์เดิมยังอยู่ครบ กรุณาปิดไฟล์นั้นแล้วลองอีกครั้ง "
        "หรือบันทึกเป็นชื่ออื่น",
        path, detail,
    )


def folder_not_writable(path: Path, detail: str = "") -> ExportError:
    return ExportError(
        f"บันทึกลงโฟลเดอร์ «{path.parent}» ไม่ได้ เพราะไม่มีสิทธิ์เขียนหรือไม่มีโฟลเดอร์นี้ "
        "กรุณาเลือกโฟลเดอร์อื่น",
        path, detail,
    )
