"""A draft left by a crash, offered back when its report is opened: the clerk sees the text
in its place and keeps it or throws it away; either answer is one undoable step, and
closing the question leaves the draft for the next time."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain import Draft
from .drafts import Place, focus_place, put_text, saved_text, take_text, where_text
from .thai_edit import ThaiTextEdit

if TYPE_CHECKING:
    from .report_page import ReportPage

TAKE_TEXT = "ใช้ข้อความที่พิมพ์ไว้"
THROW_TEXT = "ทิ้งข้อความนี้"
COPY_TEXT = "คัดลอกข้อความแล้วปิด"


class Answer(StrEnum):
    TAKE = "take"
    THROW = "throw"
    LATER = "later"  # the question closed unanswered: the draft stays


def _when(saved: str) -> str:
    from .library_page import when_text

    return when_text(saved) if saved else ""


def changed_part(saved: str, typed: str) -> tuple[int, int]:
    """Where `typed` differs from `saved`: (start, end) in `typed`, past their common
    beginning and before their common end."""
    start = 0
    while start < min(len(saved), len(typed)) and saved[start] == typed[start]:
        start += 1
    suffix = 0
    while (suffix < min(len(saved), len(typed)) - start
           and saved[-1 - suffix] == typed[-1 - suffix]):
        suffix += 1
    return start, len(typed) - suffix


def beside(dialog: QWidget, cell: QRect, window: QRect) -> QPoint:
    """Where the question goes so that it leaves the cell in sight (global coordinates):
    the other half of the window, level with the cell where there is room."""
    size = dialog.sizeHint()
    if cell.center().x() < window.center().x():
        x = min(cell.right() + 24, window.right() - size.width())
    else:
        x = max(cell.left() - 24 - size.width(), window.left())
    y = min(max(cell.top() - 40, window.top()), window.bottom() - size.height())
    return QPoint(x, max(y, window.top()))


class DraftOffer(QDialog):
    def __init__(self, parent: QWidget | None, draft: Draft, where: str,
                 saved: str | None) -> None:
        super().__init__(parent)
        self.setObjectName("draft_offer")
        self.setWindowTitle("ข้อความที่พิมพ์ค้างไว้")
        self.answer = Answer.LATER
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        head = QLabel("พบข้อความที่พิมพ์ไว้แต่ยังไม่ได้บันทึก เพราะโปรแกรมปิดไปก่อนพิมพ์เสร็จ")
        head.setStyleSheet("font-weight: bold;")
        head.setWordWrap(True)
        layout.addWidget(head)
        place = QLabel(f"ที่: {where}" + (f"\nพิมพ์ไว้เมื่อ {_when(draft.saved)}"
                                            if draft.saved else ""))
        place.setObjectName("draft_where")
        place.setWordWrap(True)
        layout.addWidget(place)
        layout.addWidget(QLabel("ข้อความที่พิมพ์ไว้:"))
        self.text = ThaiTextEdit()
        self.text.setObjectName("draft_text")
        self.text.set_text(draft.text)
        self.text.setReadOnly(True)
        self.text.setMinimumHeight(90)
        self.text.setMaximumHeight(180)
        layout.addWidget(self.text)
        start, end = changed_part(saved or "", draft.text)
        self._changed = (start, end) if saved and end > start else None
        if self._changed:
            layout.addWidget(QLabel("(สีเหลือง = ส่วนที่พิมพ์ไว้ต่างจากที่บันทึกไว้)"))
        if saved:
            layout.addWidget(QLabel("ข้อความที่บันทึกไว้ก่อนหน้า:"))
            before = ThaiTextEdit()
            before.setObjectName("draft_saved")
            before.set_text(saved)
            before.setReadOnly(True)
            before.setMaximumHeight(90)
            before.setStyleSheet("color: #555;")
            layout.addWidget(before)
        if saved is None:
            note = ("แถวนี้ถูกลบไปแล้ว จึงใส่ข้อความกลับไม่ได้ "
                    "กด «คัดลอกข้อความแล้วปิด» แล้ววางในช่องที่ต้องการ")
        else:
            note = ("• ใช้ข้อความที่พิมพ์ไว้: ใส่ข้อความนี้ในช่องเดิมและบันทึกทันที\n"
                    "• ทิ้งข้อความนี้: ช่องคงเป็นข้อความที่บันทึกไว้ก่อนหน้า\n"
                    "เลือกอย่างใดก็กด Ctrl+Z เพื่อย้อนกลับได้")
        hint = QLabel(note)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        english = QLabel("Support: unsaved text typed before the program closed was found "
                         "(a draft); keep or discard it, either can be undone with Ctrl+Z.")
        english.setWordWrap(True)
        english.setStyleSheet("color: #666; font-size: 9pt;")
        layout.addWidget(english)
        buttons = QDialogButtonBox()
        self.take = QPushButton(COPY_TEXT if saved is None else TAKE_TEXT)
        self.take.setObjectName("draft_take")
        self.take.setDefault(True)
        self.take.clicked.connect(lambda: self._answered(Answer.TAKE))
        buttons.addButton(self.take, QDialogButtonBox.ButtonRole.AcceptRole)
        if saved is not None:
            throw = QPushButton(THROW_TEXT)
            throw.setObjectName("draft_throw")
            throw.clicked.connect(lambda: self._answered(Answer.THROW))
            buttons.addButton(throw, QDialogButtonBox.ButtonRole.DestructiveRole)
        layout.addWidget(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._changed:
            # what the clerk typed, in sight (once laid out): the text before it may be
            # long and the same as the saved one
            QTimer.singleShot(0, lambda: self.text.mark(*self._changed))

    def _answered(self, answer: Answer) -> None:
        self.answer = answer
        self.accept()


def _cell_rect(page: ReportPage, place: Place) -> QRect | None:
    """The cell of a measure's draft on screen, when it is a column of the table."""
    if not place[0] or page.tabs.currentWidget() is not page.splitter:
        return None
    index = page.table.currentIndex()
    if not index.isValid():
        return None
    rect = page.table.visualRect(index)
    viewport = page.table.viewport()
    return QRect(viewport.mapToGlobal(rect.topLeft()), rect.size())


def offer_drafts(page: ReportPage, parent: QWidget | None = None) -> list[Answer]:
    """Offer back each draft of the page's report, in its place; the answers given."""
    session = page.session
    keeper = session.drafts
    answers: list[Answer] = []
    if session.library.read_only:
        return answers  # nothing can be put back or dropped; a copy to edit has them
    for draft in session.library.drafts(session.report_id):
        place: Place = (draft.measure_id, draft.field)
        saved = saved_text(session, place)
        if saved is not None and draft.text.strip() == saved.strip():
            keeper.forget(place)  # saved after all (the drop was what failed)
            continue
        focus_place(page, place)
        dialog = DraftOffer(parent or page, draft, where_text(session, place), saved)
        cell = _cell_rect(page, place)
        if cell is not None:
            window = page.window()
            # the window's part on the screen: a window larger than the screen put the
            # question past its edge
            bounds = window.frameGeometry().intersected(window.screen().availableGeometry())
            dialog.move(beside(dialog, cell, bounds))
        dialog.exec()
        answer = dialog.answer
        answers.append(answer)
        if answer is Answer.TAKE:
            if saved is None:
                QApplication.clipboard().setText(draft.text)
            else:
                take_text(session, place, draft.text, "ใช้ข้อความที่พิมพ์ค้างไว้")
                focus_place(page, place)
            keeper.forget(place)
        elif answer is Answer.THROW and saved is not None:
            session.throw_away(lambda text, p=place: put_text(session, p, text), saved,
                               draft.text, "ทิ้งข้อความที่พิมพ์ค้างไว้")
            keeper.forget(place)
        dialog.deleteLater()
        # the keys (Ctrl+Z, as the question promised) go to the window again
        page.window().activateWindow()
        focus_place(page, place)
    return answers
