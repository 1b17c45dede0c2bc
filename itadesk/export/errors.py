"""Export failures, with the Thai sentence a clerk reads and the English line for support.

Every message says the old file is still whole: the writers never touch it until the new
one is complete (files.write_atomically)."""

from __future__ import annotations

from pathlib import Path

from ..errors import ClerkError

OLD_FILE_KEPT = "ไฟล์เดิมยังอยู่ครบ"


class ExportError(ClerkError):
    """Something about the file being exported."""

    english = "Export failed."


def target_locked(path: Path, detail: str = "") -> ExportError:
    return ExportError(
        f"บันทึกไฟล์ «{path.name}» ไม่ได้ เพราะไฟล์นี้เปิดอยู่ในโปรแกรมอื่น (เช่น Word) "
        f"หรือเป็นไฟล์อ่านอย่างเดียว {OLD_FILE_KEPT} กรุณาปิดไฟล์นั้นแล้วลองอีกครั้ง "
        "หรือบันทึกเป็นชื่ออื่น",
        path, detail, "The target file is read-only or open in another program.",
    )


def folder_not_writable(path: Path, detail: str = "") -> ExportError:
    return ExportError(
        f"บันทึกลงโฟลเดอร์ «{path.parent}» ไม่ได้ เพราะไม่มีสิทธิ์เขียนหรือไม่มีโฟลเดอร์นี้ "
        "กรุณาเลือกโฟลเดอร์อื่น",
        path, detail, "The folder is missing or not writable.",
    )


def target_is_folder(path: Path, detail: str = "") -> ExportError:
    return ExportError(
        f"«{path.name}» เป็นโฟลเดอร์ ไม่ใช่ไฟล์ จึงบันทึกทับไม่ได้ {OLD_FILE_KEPT} "
        "กรุณาพิมพ์ชื่อไฟล์ต่อท้าย เช่น รายงาน.pdf",
        path, detail, "The target is a folder, not a file.",
    )


def name_too_long(path: Path, detail: str = "") -> ExportError:
    return ExportError(
        f"ชื่อไฟล์ยาวเกินกว่าที่ระบบจะบันทึกได้ ({len(path.name)} ตัวอักษร) {OLD_FILE_KEPT} "
        "กรุณาตั้งชื่อให้สั้นลง",
        path, detail, "The file name is too long for the file system.",
    )


def disk_full(path: Path, detail: str = "") -> ExportError:
    return ExportError(
        f"บันทึกไฟล์ «{path.name}» ไม่ได้ เพราะพื้นที่ในดิสก์หรือแฟลชไดรฟ์เต็ม {OLD_FILE_KEPT} "
        "กรุณาลบไฟล์ที่ไม่ใช้ หรือบันทึกลงที่อื่น แล้วลองอีกครั้ง",
        path, detail, "The disk is full.",
    )


def disk_write_protected(path: Path, detail: str = "") -> ExportError:
    return ExportError(
        f"บันทึกไฟล์ «{path.name}» ไม่ได้ เพราะดิสก์หรือแฟลชไดรฟ์นี้ป้องกันการเขียนไว้ "
        f"{OLD_FILE_KEPT} กรุณาบันทึกลงที่อื่น",
        path, detail, "The disk is write-protected (read-only file system).",
    )


def device_failed(path: Path, detail: str = "") -> ExportError:
    return ExportError(
        f"บันทึกไฟล์ «{path.name}» ไม่สำเร็จ เพราะอ่านเขียนดิสก์ไม่ได้ (อาจถอดแฟลชไดรฟ์ออก "
        f"หรือการเชื่อมต่อเครือข่ายหลุด) {OLD_FILE_KEPT} กรุณาตรวจสอบแล้วลองอีกครั้ง",
        path, detail, "Input/output error on the disk.",
    )
