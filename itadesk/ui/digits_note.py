"""A line beside the row buttons that says which digits the files and the printout use.

The table keeps digits as the clerk typed them (Arabic, mostly), while a file or a
printout writes them in Thai (the export option «ใช้เลขไทย», on unless turned off): a
clerk who saw 2568 in the table and ๒๕๖๘ on paper thought something was wrong. Clicked,
it opens the export options, where it is switched."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..domain import Report
from ..domain.options import SWITCHES, thai_digits
from .widgets import ElidedLabel

# which digits first: where the row buttons leave little room, the rest is cut
THAI = "เลขไทยในไฟล์และที่สั่งพิมพ์ · เปลี่ยน…"
AS_TYPED = "ตัวเลขตามตารางในไฟล์และที่สั่งพิมพ์ · เปลี่ยน…"
SWITCH = next(s.thai for s in SWITCHES if s.name == "thai_digits")


class DigitsNote(ElidedLabel):
    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("digits_note")
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        # the colour of a link: it is one (to the export options)
        self.setForegroundRole(self.palette().ColorRole.Link)
        self.setContentsMargins(8, 0, 8, 0)
        # the room the row buttons leave, no more: it never widens the window nor pushes
        # a button behind »
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def show_for(self, report: Report) -> None:
        on = thai_digits(report.options)
        self.setText(THAI if on else AS_TYPED)
        self.setToolTip(
            ("ตัวเลขที่พิมพ์ในตาราง (เลขอารบิก) เปลี่ยนเป็นเลขไทยให้ในไฟล์ Word และ PDF "
             "และในกระดาษที่สั่งพิมพ์ ยกเว้นเว็บไซต์และอีเมล" if on else
             "ไฟล์ Word และ PDF และกระดาษที่สั่งพิมพ์ใช้ตัวเลขตามที่พิมพ์ในตาราง")
            + f" · คลิกเพื่อเปลี่ยนที่ ไฟล์ › ตัวเลือกการส่งออก › «{SWITCH}»")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
                event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)
