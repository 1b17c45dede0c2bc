"""What can go wrong with a library file, each with the Thai sentence a clerk reads."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ClerkError

if TYPE_CHECKING:
    from .backup import Backup


def disk_full(detail: str) -> bool:
    """SQLite's "database or disk is full", or the OS's ENOSPC."""
    return "full" in detail.lower() or "no space" in detail.lower()


class LibraryError(ClerkError):
    """Something about the library file."""

    english = "Library problem."


class NotALibrary(LibraryError):
    english = "Not an ITA Desk library (left untouched)."

    def __init__(self, path: Path, detail: str = "") -> None:
        super().__init__(
            f"ไฟล์ «{path.name}» ไม่ใช่คลังรายงานของ ITA Desk จึงไม่ได้เปิดและไม่ได้แก้ไขไฟล์นี้ "
            "กรุณาเลือกไฟล์อื่น หรือสร้างคลังรายงานใหม่",
            path, detail,
        )


class NewerLibrary(LibraryError):
    english = "The library was made by a newer ITA Desk."

    def __init__(self, path: Path, version: int, supported: int) -> None:
        super().__init__(
            f"คลังรายงาน «{path.name}» สร้างโดย ITA Desk รุ่นที่ใหม่กว่า (รูปแบบ {version} "
            f"แต่โปรแกรมนี้รู้จักถึงรูปแบบ {supported}) จึงไม่ได้เปิดเพื่อไม่ให้ข้อมูลเสียหาย "
            "กรุณาปรับรุ่นโปรแกรม หรือสร้างคลังรายงานใหม่",
            path, f"user_version={version}",
        )
        self.version = version


class CorruptLibrary(LibraryError):
    english = "The library is damaged; restore a backup."

    def __init__(self, path: Path, detail: str = "", backups: Sequence[Backup] = ()) -> None:
        super().__init__(
            f"คลังรายงาน «{path.name}» เสียหาย อ่านไม่ได้ทั้งหมด ไม่ได้แก้ไขไฟล์นี้ "
            "กรุณาเรียกคืนจากสำเนาสำรองล่าสุด",
            path, detail,
        )
        self.backups: list[Backup] = list(backups)  # its copies, newest first


class LibraryInUse(LibraryError):
    english = "The library is open in another ITA Desk window or process."

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"คลังรายงาน «{path.name}» เปิดอยู่ในโปรแกรม ITA Desk อีกหน้าต่างหนึ่ง "
            "กรุณาใช้หน้าต่างนั้น หรือปิดหน้าต่างนั้นก่อนแล้วเปิดใหม่ "
            "(เปิดสองที่พร้อมกันไม่ได้ เพื่อไม่ให้ข้อมูลทับกัน)",
            path,
        )


class FolderNotWritable(LibraryError):
    english = "The library's folder is missing or not writable."

    def __init__(self, folder: Path, detail: str = "") -> None:
        super().__init__(
            f"บันทึกลงโฟลเดอร์ «{folder}» ไม่ได้ เพราะไม่มีสิทธิ์เขียนหรือไม่มีโฟลเดอร์นี้ "
            "กรุณาเลือกโฟลเดอร์อื่น หรือขอสิทธิ์จากผู้ดูแลเครื่อง",
            folder, detail,
        )


class WriteFailed(LibraryError):
    english = "Saving to the library failed (earlier edits are kept)."

    def __init__(self, path: Path, detail: str = "") -> None:
        reason = "พื้นที่ดิสก์เต็ม" if disk_full(detail) else "เขียนไฟล์ไม่สำเร็จ"
        super().__init__(
            f"บันทึกการแก้ไขล่าสุดไม่สำเร็จ ({reason}) ข้อมูลก่อนหน้านี้ยังอยู่ครบ "
            "กรุณาเพิ่มพื้นที่ดิสก์หรือตรวจสอบไฟล์ แล้วลองแก้ไขอีกครั้ง",
            path, detail,
        )


class NotAFile(NotALibrary):
    """A folder, a pipe, a device: nothing SQLite should ever be pointed at."""
    english = "The library path is a folder or a special file, not a library file."

    def __init__(self, path: Path, folder: bool) -> None:
        if folder:
            message = (f"«{path.name}» เป็นโฟลเดอร์ ไม่ใช่ไฟล์คลังรายงาน "
                       "กรุณาเลือกไฟล์คลังรายงาน (.sqlite) ที่อยู่ในโฟลเดอร์นั้น หรือสร้างคลังรายงานใหม่")
            detail = "is a folder"
        else:
            message = (f"«{path.name}» ไม่ใช่ไฟล์ธรรมดา (เป็นท่อส่งข้อมูลหรืออุปกรณ์) จึงไม่ได้เปิด "
                       "กรุณาเลือกไฟล์คลังรายงานอื่น หรือสร้างคลังรายงานใหม่")
            detail = "not a regular file"
        ClerkError.__init__(self, message, path, detail)
        self.folder = folder


class LibraryMissing(LibraryError):
    english = "No library at this path (a command that only reads never makes one)."

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"ไม่พบคลังรายงาน «{path}» กรุณาตรวจชื่อและที่อยู่ของไฟล์ "
            "(คำสั่งนี้อ่านอย่างเดียว จึงไม่ได้สร้างคลังใหม่)",
            path, "no such library",
        )


class LibraryReadOnly(LibraryError):
    english = "The library is read-only (file, folder or medium); save a copy to edit."

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"คลังรายงาน «{path.name}» เปิดแบบอ่านอย่างเดียว (ไฟล์หรือที่เก็บห้ามเขียน) จึงแก้ไขไม่ได้ "
            "อ่าน ตรวจ ส่งออก และพิมพ์ได้ตามปกติ ถ้าจะแก้ไข กรุณาเลือก «บันทึกเป็นสำเนาเพื่อแก้ไข»",
            path, "read-only library",
        )


class BackupMismatch(LibraryError):
    english = "This backup belongs to another library; nothing was restored."

    def __init__(self, path: Path, detail: str = "") -> None:
        super().__init__(
            "สำเนาสำรองนี้เป็นของคลังรายงานอื่น (หรือไม่ใช่สำเนาของ ITA Desk) จึงไม่ได้เรียกคืน "
            "ข้อมูลในคลังนี้ไม่เปลี่ยน กรุณาเลือกสำเนาอื่น",
            path, detail,
        )


class BackupFailed(LibraryError):
    english = "The backup copy could not be written; the library itself is intact."

    def __init__(self, path: Path, detail: str = "") -> None:
        reason = "พื้นที่ดิสก์เต็ม" if disk_full(detail) else "เขียนไฟล์สำเนาไม่ได้"
        super().__init__(
            f"ทำสำเนาสำรองของคลังรายงานไม่สำเร็จ ({reason}) ข้อมูลในคลังยังอยู่ครบและแก้ไขต่อได้ "
            "กรุณาเพิ่มพื้นที่ดิสก์หรือตรวจสอบโฟลเดอร์สำเนาสำรอง โปรแกรมจะทำสำเนาใหม่เมื่อเปิดครั้งหน้า",
            path, detail,
        )


class CopyFailed(LibraryError):
    english = "The copy of the library could not be written; the library is unchanged."

    def __init__(self, target: Path, detail: str = "") -> None:
        reason = "พื้นที่ดิสก์เต็ม" if disk_full(detail) else "เขียนที่นั่นไม่ได้"
        super().__init__(
            f"บันทึกสำเนาคลังรายงานเป็น «{target.name}» ไม่สำเร็จ ({reason}) คลังเดิมไม่เปลี่ยน "
            "กรุณาเลือกโฟลเดอร์อื่น เช่น โฟลเดอร์เอกสารในเครื่องนี้",
            target, detail,
        )


class RestoreFailed(LibraryError):
    english = "The backup could not be put back; the library is as it was."

    def __init__(self, path: Path, detail: str = "") -> None:
        reason = "พื้นที่ดิสก์เต็ม" if disk_full(detail) else "อ่านหรือเขียนไฟล์ไม่ได้"
        super().__init__(
            f"เรียกคืนจากสำเนาสำรองไม่สำเร็จ ({reason}) คลังรายงานยังเป็นอย่างเดิม "
            "กรุณาเลือกสำเนาอื่น หรือเพิ่มพื้นที่ดิสก์แล้วลองอีกครั้ง",
            path, detail,
        )


class ServerUnreachable(LibraryError):
    english = "The library server cannot be reached; nothing was changed."

    def __init__(self, path: Path, detail: str = "") -> None:
        super().__init__(
            f"ติดต่อเครื่องแม่ข่ายของคลังรายงาน «{path.name}» ไม่ได้ (เครือข่ายหรือเครื่องแม่ข่ายขัดข้อง) "
            "ข้อมูลที่บันทึกไว้แล้วยังอยู่ครบ กรุณาตรวจสายเครือข่าย หรือแจ้งผู้ดูแลเครื่องแม่ข่าย แล้วลองอีกครั้ง",
            path, detail,
        )


class LoginFailed(LibraryError):
    english = "The library server refused the login (role or password)."

    def __init__(self, path: Path, detail: str = "") -> None:
        super().__init__(
            f"เข้าคลังรายงาน «{path.name}» บนเครื่องแม่ข่ายไม่ได้ เพราะชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง "
            "กรุณาตรวจชื่อผู้ใช้ และรหัสผ่านในไฟล์รหัสผ่านของเครื่องนี้ (.pgpass) หรือขอจากผู้ดูแลเครื่องแม่ข่าย",
            path, detail,
        )


class NotOnServer(LibraryError):
    english = "A server library is backed up by the server's administrator, not here."

    def __init__(self, path: Path, detail: str = "") -> None:
        super().__init__(
            f"คลังรายงาน «{path.name}» อยู่บนเครื่องแม่ข่าย การสำรองและเรียกคืนทำที่เครื่องแม่ข่าย "
            "โดยผู้ดูแลเครื่องแม่ข่าย กรุณาแจ้งผู้ดูแล (ข้อมูลในคลังไม่เปลี่ยน)",
            path, detail,
        )
