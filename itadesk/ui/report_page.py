"""One open report: the measure table and the report form, with the row actions."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ..domain import Measure, MeasureKind
from ..domain.changes import Changes, Spot
from ..domain.model import SAMPLE, Origin
from ..domain.text import clean_cell_text
from ..thai.digits import to_thai_digits
from .digits_note import DigitsNote
from .drafts import Place, put_text, saved_text, watch_field
from .measure_detail import MeasureDetail
from .measure_table import MeasureTable
from .memo_form import MemoForm
from .report_form import ReportForm
from .session import ReportSession
from .step_view import show_step
from .tips import explain
from .toolbars import EscClosesOverflow
from .widgets import ElidedLabel

# What names the open report in its heading (the window's title bar may not be seen).
HEADING_FIELDS = frozenset({"municipality", "fiscal_year", "layout"})


def report_heading(municipality: str, fiscal_year: int, layout_name: str,
                   origin: Origin | None = None) -> str:
    """"เทศบาลตำบลหนองบัว · ปีงบประมาณ ๒๕๖๙ · แผนปรับปรุง ๕ ช่อง …": which report it is
    (a plan and a results report of one town and year differ in their layout); a sample
    report that came with the program says so first; a second copy kept beside the first
    says which copy it is ("(ฉบับที่ ๒)"), as the library list does."""
    origin = origin or Origin()
    name = origin.with_copy(municipality.strip() or "รายงานใหม่")
    return (f"{SAMPLE + ' ' if origin.sample else ''}{name} · "
            f"ปีงบประมาณ {to_thai_digits(str(fiscal_year))} · {layout_name}")


class TableAndDetail(QSplitter):
    """The table with the measure's detail beside it, or under it where the room is
    narrow (a laptop at 150 % with the page pane open left the table a few hundred
    points): there the table has the whole width."""

    # points: beside it, the table keeps about 500 and the detail its 300. One width
    # for both ways (with a margin against flipping at it): a width between two had
    # one report's detail beside the table and the next one's under it
    BESIDE_FROM = 810
    UNDER_BELOW = 790

    def __init__(self, table: QWidget, detail: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.addWidget(table)
        self.addWidget(detail)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 1)
        self.setChildrenCollapsible(False)
        # The detail may be dragged away (and back from the edge), the table not: beside
        # it at 150 % it took a third of the width from a clerk who never used it.
        self.setCollapsible(1, True)

    def resizeEvent(self, event: QResizeEvent) -> None:
        width = event.size().width()
        horizontal = self.orientation() == Qt.Orientation.Horizontal
        if horizontal and width < self.UNDER_BELOW:
            self.setOrientation(Qt.Orientation.Vertical)
            # the table first: at 150 % on a laptop with the page pane open the two had
            # 314 points, and the table's rows got 82 of them. Under it the detail may be
            # dragged away altogether (and back).
            height = event.size().height()
            self.setSizes([height - height // 4, height // 4])
        elif not horizontal and width > self.BESIDE_FROM:
            self.setOrientation(Qt.Orientation.Horizontal)
            self.setSizes([width * 3 // 4, width - width * 3 // 4])
        super().resizeEvent(event)


class ReportPage(QWidget):
    notice = Signal(str)
    options_requested = Signal()  # the export options (from the digits note)

    def __init__(self, session: ReportSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.table = MeasureTable(self)
        self.table.setObjectName("measure_table")
        self.table.setModel(session.model)
        self.detail = MeasureDetail(session, self, current_row=self._current_row)
        self.detail.setObjectName("measure_detail")
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.detail.show_row(
                current.row() if current.isValid() else None))
        self.splitter = TableAndDetail(self.table, self.detail, self)
        self.form = ReportForm(session, self)
        self.memo = MemoForm(session, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.splitter, "ตารางมาตรการ")
        self.tabs.addTab(self.form, "ข้อมูลรายงานและผู้ลงนาม")
        self.tabs.addTab(self.memo, "บันทึกข้อความนำเรียน")
        # Which report is open, beside the tabs (no room taken from the table); the
        # window's title says it too, but a title bar is not always seen.
        # the room the tabs leave: a corner widget gets its size hint, taken from them
        self.heading = ElidedLabel(self, room=lambda: self.tabs.width()
                                   - self.tabs.tabBar().sizeHint().width() - 12)
        self.heading.setObjectName("report_heading")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.heading.setStyleSheet("font-weight: bold; padding: 0 8px")
        self.tabs.setCornerWidget(self.heading, Qt.Corner.TopRightCorner)

        self.actions_by_name: dict[str, QAction] = {}
        toolbar = QToolBar("แถว", self)
        EscClosesOverflow(toolbar)
        for name, text, shortcut, slot in (
            ("add", "เพิ่มแถวท้ายตาราง", "Ctrl+Shift+N", self.add_row),
            ("insert", "แทรกแถวเหนือแถวนี้", "Ctrl+I", self.insert_row),
            ("duplicate", "ทำสำเนาแถว", "Ctrl+D", self.duplicate_rows),
            ("delete", "ลบแถว", "Ctrl+Shift+Delete", self.delete_rows),
            ("up", "เลื่อนขึ้น", "Alt+Up", lambda: self.move_rows(-1)),
            ("down", "เลื่อนลง", "Alt+Down", lambda: self.move_rows(1)),
            ("section", "เพิ่มหัวข้อหมวด", "Ctrl+Shift+H", self.add_section),
        ):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            toolbar.addAction(action)
            self.addAction(action)
            self.actions_by_name[name] = action

        # which digits the files and the printout use, on the row buttons' right
        self.digits_note = DigitsNote(self)
        self.digits_note.clicked.connect(self.options_requested)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(toolbar)
        top.addWidget(self.digits_note, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        # the row buttons belong to the table: hidden on the report's and memo's tabs, their
        # place kept (else the tab row jumped down under the mouse when the table's tab was
        # clicked, and the next click hit «แทรกแถวเหนือแถวนี้»)
        policy = toolbar.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        toolbar.setSizePolicy(policy)
        self.tabs.currentChanged.connect(lambda index: toolbar.setVisible(index == 0))
        layout.addWidget(self.tabs)

        self.table.row_actions = list(self.actions_by_name.values())
        explain(self.table.row_actions)
        self.table.append_row = self._append_from_tab
        self.table.cells_edited.connect(self._cells_edited)
        self.table.drafts = session.drafts
        self.table.thrown_away.connect(self._thrown_away)
        self._watch_fields()
        self.table.paste_requested.connect(self._paste)
        self.table.notice.connect(self.notice)
        session.changed.connect(self._changed)
        # Ctrl+Z, Ctrl+Y: to what the step changed, as in Word and Excel
        session.stepped.connect(self._stepped)
        session.adopted.connect(lambda _text: self._show_heading())  # the sample mark goes
        self._show_layout()

    def commit_pending(self) -> None:
        """Save what is still being typed (an open cell, a form field) before leaving."""
        self.table.commit_open_editor()
        self.detail.commit_pending()
        self.form.commit_pending()
        self.memo.commit_pending()
        self.session.drafts.settle(lambda place: saved_text(self.session, place))

    def _watch_fields(self) -> None:
        """The forms' fields that are saved when left (not at each key) keep drafts too."""
        session = self.session

        def detail_place(name: str) -> Place | None:
            measure = self.detail.measure()
            return (measure.id, name) if measure is not None and measure.id else None

        for name, widget in (("code", self.detail.code), ("budget", self.detail.budget),
                             *self.detail.texts.items()):
            watch_field(session, widget, lambda n=name: detail_place(n))
        for part, form in (("report", self.form), ("memo", self.memo)):
            for name, widget in (*form.lines.items(), *form.texts.items()):
                watch_field(session, widget, lambda p=f"{part}.{name}": (0, p))
        for name, widget in (("signer_name", self.memo.signer_name),
                             ("signer_positions", self.memo.signer_positions)):
            watch_field(session, widget, lambda p=f"memo.{name}": (0, p))

    def _thrown_away(self, measure_id: int, name: str, base: str, typed: str) -> None:
        self.session.throw_away(lambda text: put_text(self.session, (measure_id, name), text),
                                base, typed, "ยกเลิกข้อความที่พิมพ์")
        self.notice.emit("ยกเลิกข้อความที่พิมพ์แล้ว (กด Ctrl+Z เพื่อนำข้อความกลับมา)")

    def _current_row(self) -> int | None:
        current = self.table.currentIndex()
        return current.row() if current.isValid() else None

    def _stepped(self, spots: list[Spot], said: str) -> None:
        show_step(self, spots)
        # what came back, said: the notice of the step itself (วางข้อมูล ๒ แถวแล้ว) stayed
        self.notice.emit(said)

    def show_table(self) -> None:
        self.tabs.setCurrentWidget(self.splitter)

    def _changed(self, changes: Changes) -> None:
        if "layout" in changes.report_fields:
            self._show_layout()
        elif HEADING_FIELDS & changes.report_fields:
            self._show_heading()
        if "options" in changes.report_fields:
            self.digits_note.show_for(self.session.report)

    def _show_layout(self) -> None:
        self.actions_by_name["section"].setVisible(self.session.model.layout.sections)
        self._show_heading()
        self.digits_note.show_for(self.session.report)

    def _show_heading(self) -> None:
        report = self.session.report
        self.heading.setText(report_heading(report.municipality, report.fiscal_year,
                                            self.session.layout.name, report.origin))

    # ----------------------------------------------------------------- rows
    def _selected_rows(self) -> list[int]:
        current = self.table.currentIndex()
        selected = self.table.selectedIndexes()
        if current.isValid() and current not in selected:
            return [current.row()]  # the cell the clerk is on wins over a stale selection
        return sorted({i.row() for i in selected})

    def _focus(self, row: int, column: int = 0) -> None:
        model = self.session.model
        if 0 <= row < model.rowCount():
            index = model.index(row, column)
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)
            # what is typed next goes into the row (the focus may be in the preview, whose
            # view takes keys and shows nothing of them)
            self.table.setFocus()

    def add_row(self) -> None:
        row = self.session.model.rowCount()
        self.session.insert_measures(row, [Measure()], "เพิ่มแถว")
        self._focus(row)

    def _append_from_tab(self) -> bool:
        """Tab in the last cell adds a row, as in Word's tables."""
        self.session.insert_measures(self.session.model.rowCount(), [Measure()], "เพิ่มแถว")
        return True

    def insert_row(self) -> None:
        rows = self._selected_rows()
        row = rows[0] if rows else 0
        self.session.insert_measures(row, [Measure()], "แทรกแถว")
        self._focus(row)

    def add_section(self) -> None:
        rows = self._selected_rows()
        row = rows[0] if rows else self.session.model.rowCount()
        self.session.insert_measures(
            row, [Measure(kind=MeasureKind.SECTION, title="หัวข้อหมวด")], "เพิ่มหัวข้อหมวด")
        self._focus(row)
        self.table.edit(self.session.model.index(row, 0))

    def duplicate_rows(self) -> None:
        rows = self._selected_rows()
        if rows:
            copies = [dataclasses.replace(self.session.model.measure(r), id=None) for r in rows]
            self.session.insert_measures(rows[-1] + 1, copies, "ทำสำเนาแถว")
            self._focus(rows[-1] + 1)

    def delete_rows(self) -> None:
        rows = self._selected_rows()
        if rows:
            self.session.delete_rows(rows)
            self.notice.emit(to_thai_digits(f"ลบ {len(rows)} แถวแล้ว") + " (กด Ctrl+Z เพื่อเรียกคืน)")
            self._focus(min(rows[0], self.session.model.rowCount() - 1))

    def move_rows(self, step: int) -> None:
        rows = self._selected_rows()
        if not rows or rows != list(range(rows[0], rows[-1] + 1)):
            if rows:
                self.notice.emit("เลือกแถวที่ติดกันเพื่อเลื่อน")
            return
        column = max(self.table.currentIndex().column(), 0)
        first, count = rows[0], len(rows)
        to = first + step
        if 0 <= to <= self.session.model.rowCount() - count:
            self.session.move_rows(first, count, to)
            selection = self.table.selectionModel()
            self._focus(to, column)
            for r in range(to, to + count):
                selection.select(self.session.model.index(r, column),
                                 selection.SelectionFlag.Select)

    # ----------------------------------------------------------------- cells
    def _cells_edited(self, edits: list[tuple[int, int, str]]) -> None:
        model = self.session.model
        changes = []
        notes = []
        for row, column, text in edits:
            if model.is_section(row) and column > 0:
                continue
            cleaned, cut = clean_cell_text(text)
            if cut:
                notes.append("ข้อความยาวเกินไป จึงตัดส่วนท้ายออก")
            changes.append((row, model.cell_field(row, column), cleaned))
        self.session.set_cells(changes)
        if notes:
            self.notice.emit(notes[0])

    def _paste(self, row: int, column: int, rows: list[list[str]]) -> None:
        self.notice.emit(self.session.paste(row, column, rows))
