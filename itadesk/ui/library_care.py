"""What the window tells about the library itself: read-only, on a network drive, a backup
that failed; and the questions for restoring a copy or saving an editable one. The store
decides (itadesk.store); this only asks and shows."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

if TYPE_CHECKING:
    from ..store import Library

SAVE_COPY = "บันทึกเป็นสำเนาเพื่อแก้ไข"
NETWORK_NOTICE = (
    "คลังรายงานนี้อยู่บนไดรฟ์เครือข่าย โปรแกรมจึงบันทึกแบบที่ปลอดภัยบนเครือข่าย (ช้ากว่าเล็กน้อย) "
    "ถ้าเครือข่ายหลุด การแก้ไขขณะนั้นจะบันทึกไม่ได้ แนะนำให้เก็บคลังรายงานไว้ในเครื่องนี้")
LIBRARY_FILTER = "คลังรายงาน ITA Desk (*.sqlite)"


class ReadOnlyBanner(QFrame):
    """A strip above the page: the library cannot be changed, and the way to a copy that can."""

    save_copy_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("read_only_banner")
        self.setStyleSheet("#read_only_banner { background: #fff4ce; border-bottom: 1px solid "
                           "#e0c060; }")
        self.text = QLabel("")
        self.text.setWordWrap(True)
        self.button = QPushButton(SAVE_COPY + "…")
        self.button.clicked.connect(self.save_copy_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self.hide()

    def show_for(self, library: Library) -> None:
        self.text.setText(
            f"คลังรายงาน «{library.path.name}» เปิดแบบอ่านอย่างเดียว (ไฟล์ โฟลเดอร์ หรือแผ่นดิสก์"
            "ห้ามเขียน) อ่าน ตรวจ ส่งออก ดูหน้ากระดาษ และพิมพ์ได้ตามปกติ แต่แก้ไขไม่ได้")
        self.setVisible(library.read_only)


def ask_copy_path(parent: QWidget, library: Library, start_folder: str) -> Path | None:
    """Where the editable copy goes (the Documents folder first: the original's own folder
    is the one that takes no writes)."""
    from . import file_dialogs

    suggested = Path(start_folder) / f"{library.path.stem} (แก้ไขได้).sqlite"
    name, _ = file_dialogs.save_file_name(parent, SAVE_COPY, str(suggested), LIBRARY_FILTER)
    return Path(name) if name else None
