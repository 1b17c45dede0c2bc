"""The window on the office's server library: other clerks' edits shown within a second,
who else has the report open, a conflict offered with a choice, and a lost connection
said in a banner while the window stays readable and the clerk's edits are kept here.

Nothing of it runs for a library file (one PC, one clerk).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QWidget,
)

from ..store import LibraryError
from ..store.versions import REPORT_ROW, Conflict
from ..thai.digits import to_thai_digits

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .session import ReportSession
    from .shared_cells import Replaced

POLL_MS = 200  # how often the server's notices are looked at (nothing waits on them)
PRESENCE_S = 2.0  # how often "who else has it open" is asked again
RETRY_S = 2.0  # how often a lost server is tried again
LOST = ("ติดต่อเครื่องแม่ข่ายของคลังรายงานไม่ได้ (เครือข่ายหรือเครื่องแม่ข่ายขัดข้อง) "
        "ยังอ่านรายงานได้ตามปกติ ข้อความที่แก้ไขเก็บไว้ในเครื่องนี้แล้ว "
        "และจะส่งให้เองเมื่อติดต่อได้อีกครั้ง ไม่ต้องพิมพ์ใหม่")


def _short(text: str, most: int = 40) -> str:
    line = " ".join(text.split())
    return line if len(line) <= most else line[:most].rstrip() + "…"


class OfficeBanner(QFrame):
    """The red "server lost" words, laid over the foot of the window's middle, never in
    its layout: there it pushed everything down ~64 px the moment it came, and the clerk's
    next click landed in the row above the one aimed at. Over the foot, nothing moves."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("office_banner")
        self.setStyleSheet("#office_banner { background: #fde7e9; border-top: 1px solid "
                           "#d08080; }")
        self.text = QLabel(LOST)
        self.text.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.text, 1)
        self.hide()
        parent.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def showEvent(self, event: QShowEvent) -> None:
        self._place()
        self.raise_()
        super().showEvent(event)

    def _place(self) -> None:
        parent = self.parentWidget()
        width = parent.width()
        height = self.heightForWidth(width)
        if height <= 0:
            height = self.sizeHint().height()
        self.setGeometry(0, parent.height() - height, width, height)


class OfficeDesk(QObject):
    """Attached to the window when its library is on a server (`attach`)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.library = window.library
        self.session: ReportSession | None = None
        self.banner = OfficeBanner(window.centralWidget())
        self.others_label = QLabel("")
        window.statusBar().addPermanentWidget(self.others_label)
        self.watcher: Any = None
        self._next_presence = 0.0
        self._next_retry = 0.0
        try:
            self.watcher = self.library.watcher()
        except LibraryError:
            self._lost()
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    @classmethod
    def attach(cls, window: MainWindow) -> OfficeDesk | None:
        return cls(window) if window.library.dialect.server else None

    # ----------------------------------------------------------------- follow
    def follow(self, session: ReportSession | None) -> None:
        """The report the window shows now (None: the library list)."""
        self.session = session
        self.others_label.setText("")
        self._next_presence = 0.0
        try:
            self.library.show_report(None if session is None else session.report_id)
        except LibraryError:
            self._lost()
        if session is None:
            return
        session.conflicted.connect(self.offer_conflicts)
        session.replaced.connect(self.tell_replaced)
        session.offline.connect(lambda _message: self._lost())
        session.online.connect(self._back)
        if session.shared is not None and session.shared.offline:
            self._lost()

    # ------------------------------------------------------------------- poll
    def poll(self) -> None:
        now = time.monotonic()
        if self.banner.isVisible():
            if now >= self._next_retry:
                self._next_retry = now + RETRY_S
                self._try_again()
            return
        if self.watcher is None:
            return
        try:
            changed = self.watcher.poll()
        except LibraryError:
            self._lost()
            return
        if changed:
            self.refresh(changed)
        if self.session is not None and now >= self._next_presence:
            self._next_presence = now + PRESENCE_S
            self._show_others()

    def refresh(self, changed: set[int]) -> None:
        session = self.session
        if session is not None and session.shared is not None and session.report_id in changed:
            self._refresh_shared()
        if session is None:
            self.window.refresh_library()

    def _refresh_shared(self) -> None:
        shared = self.session.shared if self.session is not None else None
        if shared is None:
            return
        shared.editing = self._editing()
        page = self.window.report_page
        shared.typing = set() if page is None else page.form.typing() | page.memo.typing()
        shared.refresh()

    def _editing(self) -> tuple[int, str] | None:
        page = self.window.report_page
        if page is None or page.table.state() != QAbstractItemView.State.EditingState:
            return None
        index = page.table.currentIndex()
        model = page.session.model
        if not index.isValid():
            return None
        measure = model.measure(index.row())
        return int(measure.id or 0), model.cell_field(index.row(), index.column())

    def _show_others(self) -> None:
        assert self.session is not None
        try:
            others = self.library.others_on(self.session.report_id)
        except LibraryError:
            self._lost()
            return
        self.others_label.setText(
            f"เปิดรายงานนี้อยู่ด้วย: {', '.join(others)}" if others else "")

    # ------------------------------------------------------------ lost, back
    def _lost(self) -> None:
        # who else has it open is not known while the server is away (what it said last
        # may be wrong by now): said again once it is back
        self.others_label.setText("")
        if not self.banner.isVisible():
            self.banner.show()
            self._next_retry = time.monotonic() + RETRY_S

    def _try_again(self) -> None:
        try:
            if self.watcher is None:
                self.watcher = self.library.watcher()
            else:
                self.watcher.connect()
            self.library.show_report(None if self.session is None else self.session.report_id)
        except LibraryError:
            return
        session = self.session
        if session is not None and session.shared is not None:
            if not session.shared.send_held():
                return  # the server went again
            self._refresh_shared()  # what others saved meanwhile was not heard
        else:
            self.window.refresh_library()
        self._back()

    def _back(self) -> None:
        self.banner.hide()
        self._next_presence = 0.0  # who else is there: asked again at once

    # --------------------------------------------------------------- replaced
    def tell_replaced(self, replaced: list[Replaced]) -> None:
        """Another clerk's text over a cell this clerk typed (their choice of their own
        text in a conflict, or a later edit): said, and Ctrl+Z puts this clerk's back."""
        from .cell_place import cell_place  # with the measure table's words: not at start

        session = self.session
        if session is None or not replaced:
            return
        who = [self._who(r) for r in replaced]
        for r, by in zip(replaced, who, strict=True):
            session.throw_away(lambda text, r=r: session.apply_cells([(r.measure_id, r.field,
                                                                        text)]),
                               r.theirs, r.mine, f"ข้อความที่ {by} แทนที่")
        first = replaced[0]
        more = (to_thai_digits(f" และอีก {len(replaced) - 1} ช่อง")
                if len(replaced) > 1 else "")
        self.window.statusBar().showMessage(
            # what to do comes before the texts: a narrow window's status bar ends in "…"
            f"{who[0]} แก้{cell_place(session.model, first.measure_id, first.field)}"
            f" ที่คุณพิมพ์ไว้{more} · กด Ctrl+Z เพื่อใช้ข้อความของคุณ «{_short(first.mine)}» "
            f"อีกครั้ง · ข้อความตอนนี้ «{_short(first.theirs)}»", 60000)

    def _who(self, r: Replaced) -> str:
        """Whom the change log names for that text of that cell."""
        assert self.session is not None
        try:
            log = self.library.changes(self.session.report_id)
        except LibraryError:
            return "ผู้ใช้อื่น"
        return next((c.who for c in reversed(log) if (c.measure_id, c.field, c.new)
                     == (r.measure_id, r.field, r.theirs)), "") or "ผู้ใช้อื่น"

    # -------------------------------------------------------------- conflicts
    def offer_conflicts(self, conflicts: list[Conflict]) -> None:
        # asked once the edit that met them is done (not inside the editor's commit)
        QTimer.singleShot(0, lambda: self._offer(conflicts))

    def _offer(self, conflicts: list[Conflict]) -> None:
        for conflict in conflicts:
            if self.ask(conflict) and self.session is not None and self.session.shared:
                self.session.shared.keep_mine(conflict)

    def ask(self, conflict: Conflict) -> bool:
        """True: keep mine (sent again over theirs); False: take theirs (shown already)."""
        from .part_text import readable, where

        who, edit = conflict.who or "ผู้ใช้อื่น", conflict.edit
        theirs, mine = conflict.theirs, edit.text
        shown = "ตารางแสดง"
        if edit.measure_id == REPORT_ROW:  # a part of the report itself: said as such
            place, shown = where(edit.field), "หน้าต่างแสดง"
            theirs, mine = readable(edit.field, theirs), readable(edit.field, mine)
        elif self.session is not None:  # the row and the column, by its header
            from .cell_place import cell_place

            place = cell_place(self.session.model, edit.measure_id, edit.field)
        else:
            place = "ตารางมาตรการ"
        box = QMessageBox(QMessageBox.Icon.Question, "มีผู้แก้ไขช่องเดียวกัน",
                          f"{who} แก้ช่องนี้ ({place}) และบันทึกไว้ก่อนแล้ว\n\n"
                          f"ข้อความของ {who}:\n«{theirs}»\n\n"
                          f"ข้อความของคุณ:\n«{mine}»\n\n"
                          f"จะใช้ข้อความใด (ตอนนี้{shown}ข้อความของ "
                          f"{who} ข้อความของคุณยังไม่ได้บันทึก)", parent=self.window)
        keep = box.addButton("ใช้ข้อความของฉัน", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(f"ใช้ข้อความของ {who}", QMessageBox.ButtonRole.RejectRole)
        box.setObjectName("conflict_box")
        box.exec()
        return box.clickedButton() is keep

    def stop(self) -> None:
        self.timer.stop()
        self.banner.hide()
        self.banner.deleteLater()
        self.window.statusBar().removeWidget(self.others_label)
        self.others_label.deleteLater()
        if self.watcher is not None:
            self.watcher.close()
            self.watcher = None
