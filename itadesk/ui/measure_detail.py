"""The measure detail pane beside the table: what a row holds that its cells do not show
(the ITA question code, whether it is a section heading, the score lines, the budget, the
problems and suggestions). Each change is one undoable step through the session.

The score lines are shown as the export will print them (Thai digits when the report
uses them, the years from the fiscal year, เพิ่มขึ้น / ลดลง / เท่าเดิม computed), and
they follow what is being typed in a score cell before it is committed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain import Measure, MeasureKind, Score
from ..domain.changes import Changes
from ..thai.digits import parse_decimal_text, to_thai_digits
from .session import ReportSession
from .table_keys import WordTable
from .thai_edit import ThaiTextEdit

SCORE_FIELDS = ("topic", "previous", "current")
TEXT_EXTRAS = (("problems", "ปัญหา/อุปสรรค"), ("suggestions", "ข้อเสนอแนะ"))


def printed_score_lines(scores: tuple[Score, ...], fiscal_year: int,
                        thai_digits: bool) -> list[str]:
    """The score lines exactly as the document builder writes them."""
    from ..document.scores import score_lines

    lines = [line for score in scores for line in score_lines(score, fiscal_year)]
    return [to_thai_digits(line) for line in lines] if thai_digits else lines


class _LiveDelegate(QStyledItemDelegate):
    """Tells the pane each keystroke in a score cell, so the sentence follows the typing."""

    typing = Signal(int, int, str)  # row, column, text so far

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            row, column = index.row(), index.column()
            editor.textEdited.connect(lambda text: self.typing.emit(row, column, text))
        return editor


def _wrapping_form() -> QFormLayout:
    """Labels beside their fields where there is room, above them where there is not."""
    form = QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


class MeasureDetail(QWidget):
    def __init__(self, session: ReportSession, parent: QWidget | None = None,
                 current_row: Callable[[], int | None] | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.current_row = current_row  # the table's current row, read after a row step
        self.row: int | None = None
        self._loading = False
        # Narrow beside the table and the preview (1366 pixels): its rows wrap, its
        # labels go above their fields, and it scrolls down, never sideways (buttons and
        # a label were cut off on the right).
        self.setMinimumWidth(300)
        # the row's number and title stay in sight above the fields, however scrolled
        self.heading = QLabel()
        self.heading.setObjectName("detail_heading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold; padding: 4px;")
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # under the table on a short screen it may be a strip: the table needs the height
        self.area.setMinimumHeight(40)
        self.body = body = QWidget()
        self.area.setWidget(body)
        frame = QVBoxLayout(self)
        frame.setContentsMargins(0, 0, 0, 0)
        frame.addWidget(self.heading)
        frame.addWidget(self.area, 1)
        outer = QVBoxLayout(body)

        form = _wrapping_form()
        self.code = QLineEdit()
        self.code.setObjectName("detail_code")
        self.code.setPlaceholderText("เช่น O35, i10, e6")
        self.code.setMaximumWidth(160)
        self.code.editingFinished.connect(lambda: self._text_done("code", self.code.text()))
        form.addRow("รหัสข้อคำถาม ITA", self.code)
        self.section = QCheckBox("เป็นหัวข้อหมวด")
        self.section.setToolTip("แถวหัวข้อหมวดพาดเต็มความกว้างตาราง")
        self.section.setObjectName("detail_section")
        self.section.toggled.connect(self._section_toggled)
        form.addRow("", self.section)
        outer.addLayout(form)

        scores_box = QGroupBox("คะแนน ITA")
        box = QVBoxLayout(scores_box)
        self.scores = WordTable(0, 3)
        self.scores.setObjectName("detail_scores")
        self.scores.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            # room for "ปี ๒๕๖๘" and a score, before anything is typed
            self.scores.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.Fixed)
            self.scores.setColumnWidth(column, 78)
        self.scores.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.scores.verticalHeader().setVisible(False)
        self.scores.setMinimumHeight(90)
        self.scores.setMaximumHeight(150)
        self.delegate = _LiveDelegate(self.scores)
        self.delegate.typing.connect(self._typing)
        self.scores.setItemDelegate(self.delegate)
        self.scores.itemChanged.connect(self._score_edited)
        box.addWidget(self.scores)
        buttons = QGridLayout()  # two by two: four in a row did not fit beside the preview
        for at, (name, text, slot) in enumerate((
                ("add", "เพิ่มคะแนน", self._add_score),
                ("remove", "ลบคะแนน", self._remove_score),
                ("up", "เลื่อนขึ้น", lambda: self._move_score(-1)),
                ("down", "เลื่อนลง", lambda: self._move_score(1)))):
            button = QPushButton(text)
            button.setObjectName(f"score_{name}")
            button.clicked.connect(slot)
            buttons.addWidget(button, at % 2, at // 2)
        buttons.setColumnStretch(2, 1)
        box.addLayout(buttons)
        box.addWidget(QLabel("จะพิมพ์ว่า:"))
        self.printed = QLabel()
        self.printed.setObjectName("detail_printed")
        self.printed.setWordWrap(True)
        self.printed.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.printed.setStyleSheet("background: #f6f6f0; border: 1px solid #ccc; padding: 6px;")
        box.addWidget(self.printed)
        outer.addWidget(scores_box)

        extras = _wrapping_form()
        self.budget = QLineEdit()
        self.budget.setObjectName("detail_budget")
        self.budget.setPlaceholderText("เช่น ๕,๐๐๐ บาท หรือ ไม่ใช้งบประมาณ")
        self.budget.editingFinished.connect(lambda: self._text_done("budget", self.budget.text()))
        extras.addRow("งบประมาณที่ใช้", self.budget)
        self.texts: dict[str, ThaiTextEdit] = {}
        for name, label in TEXT_EXTRAS:
            edit = ThaiTextEdit()
            edit.setObjectName(f"detail_{name}")
            edit.setMinimumHeight(70)
            edit.setMaximumHeight(120)
            edit.focus_lost.connect(lambda n=name: self._text_done(n, self.texts[n].text()))
            edit.done.connect(lambda n=name: self._text_done(n, self.texts[n].text()))
            self.texts[name] = edit
            extras.addRow(label, edit)
        outer.addLayout(extras)
        outer.addStretch(1)
        session.changed.connect(self._changed)
        self.show_row(None)

    # ---------------------------------------------------------------- display
    def measure(self) -> Measure | None:
        if self.row is None or not 0 <= self.row < self.session.model.rowCount():
            return None
        return self.session.model.measure(self.row)

    def show_row(self, row: int | None) -> None:
        self.commit_pending()
        self.row = row
        self.refresh()

    def refresh(self) -> None:
        measure = self.measure()
        self.body.setEnabled(measure is not None)
        self._loading = True
        try:
            if measure is None:
                self.heading.setText("เลือกแถวในตารางเพื่อดูและแก้ไขรายละเอียด")
                measure = Measure()
            else:
                assert self.row is not None
                title = measure.title.strip().split("\n")[0][:80] or "(ยังไม่มีชื่อ)"
                self.heading.setText(f"แถวที่ {to_thai_digits(str(self.row + 1))}: {title}")
            if self.code.text() != measure.code:
                self.code.setText(measure.code)
            self.section.setChecked(measure.kind is MeasureKind.SECTION)
            if self.budget.text() != measure.budget:
                self.budget.setText(measure.budget)
            for name, edit in self.texts.items():
                if edit.text() != measure.get(name):
                    edit.set_text(measure.get(name))
            self._fill_scores(measure.scores)
        finally:
            self._loading = False
        self._show_printed(measure.scores)

    def _fill_scores(self, scores: tuple[Score, ...]) -> None:
        year = self.session.report.fiscal_year
        self.scores.setHorizontalHeaderLabels([
            "หัวข้อ ITA", f"ปี {to_thai_digits(str(year - 1))}",
            f"ปี {to_thai_digits(str(year))}"])
        # Items are changed in place, never made anew: the cell being typed in next (the
        # committed cell's Tab has moved there) keeps its editor.
        self.scores.blockSignals(True)
        try:
            self.scores.setRowCount(len(scores))
            for row, score in enumerate(scores):
                for column, name in enumerate(SCORE_FIELDS):
                    shown = self._shown(getattr(score, name)) if column else getattr(
                        score, name)
                    item = self.scores.item(row, column)
                    if item is None:
                        self.scores.setItem(row, column, QTableWidgetItem(shown))
                    elif item.text() != shown:
                        item.setText(shown)
        finally:
            self.scores.blockSignals(False)

    def _thai(self) -> bool:
        from ..document import ExportOptions

        return ExportOptions.from_report(self.session.report).thai_digits

    def _shown(self, number: str) -> str:
        """A score as the grid shows it: in the digits the report prints."""
        return to_thai_digits(number) if self._thai() else number

    def _show_printed(self, scores: tuple[Score, ...]) -> None:
        from ..document import ExportOptions

        report = self.session.report
        options = ExportOptions.from_report(report)
        lines = printed_score_lines(scores, report.fiscal_year, options.thai_digits)
        text = "\n".join(lines) if lines else "(ไม่มีคะแนน)"
        if lines and not options.score_lines:
            text += "\n(ตัวเลือกการส่งออกปิดการพิมพ์บรรทัดคะแนนอยู่)"
        self.printed.setText(text)

    def _changed(self, changes: Changes) -> None:
        measure = self.measure()
        if changes.rows and self.current_row is not None:
            # rows added, removed or moved above: the row number is the table's again
            self.row = self.current_row()
        if changes.rows or changes.report_fields or (
                measure is not None and measure.id in changes.measures):
            self.refresh()

    # ---------------------------------------------------------------- editing
    def commit_pending(self) -> None:
        if self.measure() is None:
            return
        self._text_done("code", self.code.text())
        self._text_done("budget", self.budget.text())
        for name, edit in self.texts.items():
            self._text_done(name, edit.text())

    def _text_done(self, name: str, text: str) -> None:
        if self._loading or self.measure() is None:
            return
        assert self.row is not None
        self.session.set_cells([(self.row, name, text.strip())], "แก้ไขรายละเอียดมาตรการ")

    def _section_toggled(self, on: bool) -> None:
        if not self._loading and self.row is not None and self.measure() is not None:
            self.session.set_kind(self.row, MeasureKind.SECTION if on else MeasureKind.MEASURE)

    def _scores_from_table(self, typing: tuple[int, int, str] | None = None) -> tuple[Score, ...]:
        out = []
        for row in range(self.scores.rowCount()):
            values = []
            for column in range(3):
                item = self.scores.item(row, column)
                text = item.text() if item is not None else ""
                if typing is not None and typing[:2] == (row, column):
                    text = typing[2]
                text = text.strip()
                if column:  # a number is kept in Arabic digits, however it was typed
                    text = parse_decimal_text(text) or text
                values.append(text)
            out.append(Score(*values))
        return tuple(out)

    def _typing(self, row: int, column: int, text: str) -> None:
        self._show_printed(self._scores_from_table((row, column, text)))

    def _score_edited(self, _item: Any) -> None:
        if not self._loading and self.row is not None:
            self.session.set_scores(self.row, self._scores_from_table())

    def _add_score(self) -> None:
        measure = self.measure()
        if measure is not None and self.row is not None:
            self.session.set_scores(self.row, (*measure.scores, Score()), "เพิ่มคะแนน ITA")
            last = self.scores.rowCount() - 1
            self.scores.setCurrentCell(last, 0)
            self.scores.editItem(self.scores.item(last, 0))

    def _selected_score(self) -> int | None:
        rows = sorted({i.row() for i in self.scores.selectedIndexes()})
        return rows[0] if rows else None

    def _remove_score(self) -> None:
        measure, chosen = self.measure(), self._selected_score()
        if measure is not None and chosen is not None and self.row is not None:
            keep = tuple(s for i, s in enumerate(measure.scores) if i != chosen)
            self.session.set_scores(self.row, keep, "ลบคะแนน ITA")

    def _move_score(self, step: int) -> None:
        measure, chosen = self.measure(), self._selected_score()
        if measure is None or chosen is None or self.row is None:
            return
        to = chosen + step
        if 0 <= to < len(measure.scores):
            scores = list(measure.scores)
            scores[chosen], scores[to] = scores[to], scores[chosen]
            self.session.set_scores(self.row, tuple(scores), "ย้ายคะแนน ITA")
            self.scores.selectRow(to)
