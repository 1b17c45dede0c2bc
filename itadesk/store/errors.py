"""What can go wrong with a library file, each with the Thai sentence a clerk reads."""

from __future__ import annotations

from pathlib import Path

from ..errors import ClerkError


class LibraryError(ClerkError):
    """Something about the library file."""


class NotALibrary(LibraryError):
    def __init__(self, path: Path, detail: str = "") -> None:
        super().__init__(
            f"ไฟล์ «{path.name}» ไม่ใช่คลังรายงานของ ITA Desk จึงไม่ได้เปิดและไม่ได้แก้ไขไฟล์นี้ "
            "กรุณาเลือกไฟล์อื่น หรือสร้างคลังรายงานใหม่",
            path, detail,
        )


class NewerLibrary(LibraryError):
    def __init__(self, path: Path, version: int, supported: int) -> None:
        super().__init__(
            f"คลังรายงาน «{path.name}» สร้างโดย ITA Desk รุ่นที่ใหม่กว่า (รูปแบบ {version} "
            f"แต่โปรแกรมนี้รู้จักถึงรูปแบบ {supported}) จึงไม่ได้เปิดเพื่อไม่ให้ข้อมูลเสียหาย "
            "กรุณาปรับรุ่นโปรแกรม หรือสร้างคลังรายงานใหม่",
            path, f"user_version={version}",
        )
        self.version = version


class CorruptLibrary(LibraryError):
    def __init__(self, path: Path, detail: str = "") -> None:
        super().__init__(
            f"คลังรายงาน «{path.name}» เสียหาย อ่านไม่ได้ทั้งหมด ไม่ได้แก้ไขไฟล์นี้ "
            "กรุณาเรียกคืนจากสำเนาสำรองล่าสุด",
            path, detail,
        )


class LibraryInUse(LibraryError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"คลังรายงาน «{path.name}» เปิดอยู่ในโปรแกรม ITA Desk อีกหน้าต่างหนึ่ง "
            "กรุณาใช้หน้าต่างนั้น หรือปิดหน้าต่างนั้นก่อนแล้วเปิดใหม่ "
            "(เปิดสองที่พร้อมกันไม่ได้ เพื่อไม่ให้ข้อมูลทับกัน)",
            path,
        )


class FolderNotWritable(LibraryError):
    def __init__(self, folder: Path, detail: str = "") -> None:
        super().__init__(
            f"บันทึกลงโฟลเดอร์ «{folder}» ไม่ได้ เพราะไม่มีสิทธิ์เขียนหรือไม่มีโฟลเดอร์นี้ "
            "กรุณาเลือกโฟลเดอร์อื่น หรือขอสิทธิ์จากผู้ดูแลเครื่อง",
            folder, detail,
        )


class WriteFailed(LibraryError):
    def __init__(self, path: Path, detail: str = "") -> None:
        full = "full" in detail.lower()
        reason = "พื้นที่ดิสก์เต็ม" if full else "เขียนไฟล์ไม่สำเร็จ"
        super().__init__(
            f"บันทึกการแก้ไขล่าสุดไม่สำเร็จ ({reason}) ข้อมูลก่อนหน้านี้ยังอยู่ครบ "
            "กรุณาเพิ่มพื้นที่ดิสก์หรือตรวจสอบไฟล์ แล้วลองแก้ไขอีกครั้ง",
            path, detail,
        )
