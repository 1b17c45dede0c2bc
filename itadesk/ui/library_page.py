"""The clerk's library: every report, newest change first."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

# QtCore.Qt, not Qt: Qt's namespace is made at its first use, after the window's first
# paint (ui/app.py)
from PySide6 import QtCore
from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QKeySequence, QMouseEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..thai.digits import to_thai_digits
from .fonts import ui_font

if TYPE_CHECKING:
    from ..domain import LayoutCatalog, ReportSummary

HEADERS = ("หน่วยงาน", "ปีงบประมาณ (พ.ศ.)", "รูปแบบรายงาน", "จำนวนมาตรการ", "แก้ไขล่าสุด",
           "ที่มา")
# The columns that give up room when the list is narrower than its text (at 150 % on a
# laptop «แก้ไขล่าสุด» and «ที่มา» were off the right edge), the first first: «ที่มา»,
# then «รูปแบบรายงาน», then «หน่วยงาน». Their text then ends in "…", whole in its
# tooltip; the short ones (year, count, when) are always whole.
GIVE_WAY = (5, 2, 0)


def share_widths(natural: list[int], least: list[int], room: int) -> list[int]:
    """Each column's width in `room`: its text's width where all fit, the room left to the
    last one; else the GIVE_WAY columns narrowed in turn, none below its `least`."""
    widths = list(natural)
    over = sum(widths) - room
    if over <= 0:
        widths[-1] += -over
        return widths
    for column in GIVE_WAY:
        take = min(over, widths[column] - least[column])
        if take > 0:
            widths[column] -= take
            over -= take
    return widths


class _ReportList(QTableWidget):
    """The list of reports; a click on the empty space below the rows selects nothing
    (Qt's single selection keeps the last row, and «ลบรายงาน…» then acted on a report the
    clerk thought she had let go). Its columns share its width (share_widths): no
    horizontal scroll bar at any width a clerk's screen has."""

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not self.indexAt(event.position().toPoint()).isValid():
            self.clearSelection()
            self.setCurrentIndex(QtCore.QModelIndex())
            return
        super().mousePressEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:  # the window, or the vertical scroll bar
            self.fit_columns()
        return super().viewportEvent(event)

    def fit_columns(self) -> None:
        header = self.horizontalHeader()
        # a column as narrow as its title (whole), or as a town's name begun, if wider
        begun = self.fontMetrics().horizontalAdvance("เทศบาลตำบล…")
        natural, least = [], []
        for column in range(self.columnCount()):
            title = header.sectionSizeHint(column)
            natural.append(max(title, self.sizeHintForColumn(column)))
            least.append(min(natural[-1], max(title, begun)))
        for column, width in enumerate(share_widths(natural, least, self.viewport().width())):
            if self.columnWidth(column) != width:
                self.setColumnWidth(column, width)


def origin_text(summary: ReportSummary) -> str:
    """Where the report came from and when: "นำเข้าจาก ชัยนาท.docx · ๑ ธันวาคม ๒๕๖๙ …"."""
    came = summary.origin.text()
    when = when_text(summary.created) if summary.created else ""
    return " · ".join(p for p in (came, when) if p)


def when_text(stamp: str) -> str:
    from ..thai.dates import thai_date  # with the first list, not before the first paint

    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    return f"{thai_date(moment.date())} {to_thai_digits(moment.strftime('%H:%M'))} น."


class LibraryPage(QWidget):
    open_requested = Signal(int)
    new_requested = Signal()
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # the places it may wrap marked by hand (U+200B): the segmenter is not loaded
        # before the window shows
        title = QLabel("คลังรายงาน\u200bผลการดำเนินการ\u200bเพื่อส่งเสริม\u200bคุณธรรม"
                       "\u200bและ\u200bความโปร่งใส")
        title.setFont(ui_font(20, bold=True))
        # which library this is: this PC's, or the office's on a server (main_window says)
        self.where = QLabel("")
        self.where.setObjectName("library_where")
        self.where.setWordWrap(True)
        self.where.setFont(ui_font(bold=True))
        hint = QLabel("ดับเบิลคลิกรายงาน (หรือเลือกแล้วกด Enter) เพื่อเปิดแก้ไข "
                      "ทุกการแก้ไขบันทึกทันที ไม่ต้องกดบันทึก · กด F1 เพื่อดูวิธีใช้")
        for label in (title, hint):
            # wrapped between words: on one line the title alone made the window wider
            # than a 1366-pixel screen at 150 % (the page is in the window's stack)
            label.setWordWrap(True)
        self.table = _ReportList(0, len(HEADERS))
        self.table.setObjectName("library_table")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        # Each column as wide as its text, «ที่มา» (the long one, "ปีถัดไปของ … · วันที่")
        # the room that is left, cut with "…" and whole in its tooltip: it took the room
        # of «รูปแบบรายงาน», which tells two reports of one town apart. The widths are
        # the list's own (_ReportList.fit_columns); the clerk may still drag them.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.table.setWordWrap(False)
        self.table.doubleClicked.connect(lambda _i: self._open())
        self._enter_opens: list[QShortcut] = []  # with the first list of reports

        self.new_button = QPushButton("สร้างรายงานใหม่…")
        self.new_button.clicked.connect(self.new_requested)
        self.open_button = QPushButton("เปิดรายงาน")
        self.open_button.clicked.connect(self._open)
        self.delete_button = QPushButton("ลบรายงาน…")
        self.delete_button.clicked.connect(self._delete)
        # open and delete act on the selected report: with none they are greyed out
        self.table.itemSelectionChanged.connect(self._selection_changed)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.open_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.where)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        # a new office library starts empty (the demo reports go only into a new file)
        self.empty = QLabel("คลังรายงานนี้ยังไม่มีรายงาน กด «สร้างรายงานใหม่…» (Ctrl+N) "
                            "หรือนำเข้ารายงานปีก่อนที่เมนู ไฟล์ › นำเข้ารายงาน (Ctrl+Shift+O)")
        self.empty.setObjectName("library_empty")
        self.empty.setWordWrap(True)
        self.empty.hide()
        layout.addWidget(self.empty)
        # a new clerk took the demo reports for real ones of real towns
        self.samples_hint = QLabel("รายงานที่มี «ตัวอย่าง» นำหน้า เป็นตัวอย่างที่มากับโปรแกรม "
                                   "ไม่ใช่รายงานของหน่วยงานคุณ ใช้ดูเป็นแนวทางได้ "
                                   "และลบได้ด้วยปุ่ม «ลบรายงาน…» เมื่อไม่ใช้")
        self.samples_hint.setObjectName("library_samples_hint")
        self.samples_hint.setWordWrap(True)
        self.samples_hint.hide()
        layout.addWidget(self.samples_hint)
        layout.addWidget(self.table)

    def show_reports(self, reports: list[ReportSummary], layouts: LayoutCatalog) -> None:
        from ..domain.model import SAMPLE

        if not self._enter_opens:
            for key in ("Return", "Enter"):  # as in a file manager
                enter = QShortcut(QKeySequence(key), self.table)
                enter.setContext(QtCore.Qt.ShortcutContext.WidgetShortcut)
                enter.activated.connect(self._open)
                self._enter_opens.append(enter)
        self.table.setRowCount(len(reports))
        for row, r in enumerate(reports):
            layout_name = layouts.get(r.layout).name if r.layout in layouts else r.layout
            name = (f"{SAMPLE} " if r.origin.sample else "") + r.origin.with_copy(
                r.municipality or "(ยังไม่ระบุหน่วยงาน)")
            values = (name, to_thai_digits(str(r.fiscal_year)), layout_name,
                      to_thai_digits(str(r.measure_count)), when_text(r.updated),
                      origin_text(r))
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                item.setData(QtCore.Qt.ItemDataRole.UserRole, r.id)
                self.table.setItem(row, col, item)
        self.table.fit_columns()
        if reports:
            self.table.selectRow(0)
        self.empty.setVisible(not reports)
        self.samples_hint.setVisible(any(r.origin.sample for r in reports))
        self._selection_changed()

    def _selection_changed(self) -> None:
        chosen = self.selected_id() is not None
        self.open_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def take_keys(self) -> None:
        """The list takes the keys, a row current and selected: the page's "เลือกแล้วกด
        Enter" works at once (after Ctrl+L the focus was left on a toolbar button)."""
        if self.table.rowCount():
            row = max(self.table.currentRow(), 0)
            self.table.setCurrentCell(row, 0)
            self.table.selectRow(row)
        self.table.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)

    def select(self, report_id: int | None) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(QtCore.Qt.ItemDataRole.UserRole) == report_id:
                self.table.selectRow(row)
                return

    def selected_id(self) -> int | None:
        items = self.table.selectedItems()
        return items[0].data(QtCore.Qt.ItemDataRole.UserRole) if items else None

    def _open(self) -> None:
        report_id = self.selected_id()
        if report_id is not None:
            self.open_requested.emit(report_id)

    def _delete(self) -> None:
        report_id = self.selected_id()
        if report_id is not None:
            self.delete_requested.emit(report_id)
