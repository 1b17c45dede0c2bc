"""ไฟล์ → ปี ITA → คะแนน ITA ปีที่แล้ว…: the clerk types last year's results per indicator
(the ten, by their Thai names) and per question of each (code, question, score), or reads
them from the NACC's sheet (.xlsx/.csv) and checks them here. The pass mark is shown,
indicators and questions below it are red as they are typed, a number that is not one is
said in plain Thai, and the analysis and the plan's rows are written below as the file
import writes them (the same domain functions). Every change in the dialog is a step of
its own undo history (Ctrl+Z / Ctrl+Y).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QKeyEvent,
    QKeySequence,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.model import Measure, MeasureKind
from ..domain.scoresheet import (
    INDICATORS,
    PASS_MARK,
    QuestionScore,
    ScoreSheet,
    ScoreSheetError,
    analysis_text,
    normal_code,
    points,
    proposed_rows,
    score,
)
from ..thai.digits import parse_int, to_thai_digits
from . import file_dialogs
from .session import LibrarySession, ReportSession
from .table_keys import WordTable, WordTabs

if TYPE_CHECKING:
    from .duplicates import Placed

WEAK = QColor("#fbd5d3")  # below the pass mark
BAD = QColor("#ffd79a")  # not a number the sheet can take
PASSED_TEXT = QColor("#1b6e2a")
WEAK_TEXT = QColor("#a11a12")
SCORE_COLUMN = 1  # of the indicators' table
PASSED, BELOW, NOT_A_NUMBER = "ผ่านเกณฑ์", "ต่ำกว่าเกณฑ์", "ตัวเลขไม่ถูกต้อง"
STATUSES = (PASSED, BELOW, NOT_A_NUMBER)  # an indicator's «ผล»
Q_COLUMNS = ("ข้อ", "ข้อคำถาม", "คะแนน")


@dataclass(frozen=True)
class Typed:
    """What the dialog holds, as typed: a step of its undo history is one of these."""

    fiscal_year: int
    total: str = ""
    scores: dict[int, str] = field(default_factory=dict)  # indicator → its score's text
    questions: dict[int, tuple[tuple[str, str, str], ...]] = field(default_factory=dict)


def typed_from(sheet: ScoreSheet) -> Typed:
    questions: dict[int, list[tuple[str, str, str]]] = {}
    for q in sheet.questions:
        questions.setdefault(q.indicator, []).append((q.code, q.text, points(q.score)))
    return Typed(sheet.fiscal_year, points(sheet.total) if sheet.total is not None else "",
                 {n: points(s) for n, s in sheet.indicators.items()},
                 {n: tuple(rows) for n, rows in questions.items()})


class _Step(QUndoCommand):
    def __init__(self, dialog: ScoreSheetDialog, before: Typed, after: Typed,
                 text: str) -> None:
        super().__init__(text)
        self.dialog, self.before, self.after = dialog, before, after
        self._first = True

    def redo(self) -> None:
        if self._first:  # the tables show it already
            self._first = False
            return
        self.dialog._show(self.after)

    def undo(self) -> None:
        self.dialog._show(self.before)


class ThaiYearBox(QSpinBox):
    def textFromValue(self, value: int) -> str:
        return to_thai_digits(str(value))

    def valueFromText(self, text: str) -> int:
        return parse_int(text) or self.value()

    def validate(self, text: str, pos: int):  # type: ignore[override]
        from PySide6.QtGui import QValidator

        value = parse_int(text)
        ok = value is not None and self.minimum() <= value <= self.maximum()
        return (QValidator.State.Acceptable if ok else QValidator.State.Intermediate), text, pos


class DownOnEnter(WordTabs, QTableWidget):
    """Enter after a score goes down to the next indicator's, as in a spreadsheet; a key
    typed on an indicator's row picked anywhere (its name, its «ผล») starts its score:
    the row is what the clerk picked, and nothing typed is lost."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        row = self.currentRow()
        if (event.text().strip() and self.state() != QAbstractItemView.State.EditingState
                and row >= 0 and self.currentColumn() != SCORE_COLUMN
                and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
                & ~Qt.KeyboardModifier.KeypadModifier):
            self.setCurrentCell(row, SCORE_COLUMN)
        super().keyPressEvent(event)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache \
                and self.currentRow() + 1 < self.rowCount():
            self.setCurrentCell(self.currentRow() + 1, self.currentColumn())


class ScoreSheetDialog(QDialog):
    """`sheet`: the one to correct (kept with the open report, or read from a file);
    `keep_here`: the open report keeps a sheet, so it may take the corrected one."""

    CREATE, KEEP = 1, 2

    def __init__(self, sheet: ScoreSheet | None, fiscal_year: int,
                 parent: QWidget | None = None, *, folder: str = "",
                 keep_here: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle("คะแนน ITA ปีที่แล้ว → แผนพัฒนาปีถัดไป")
        self.folder = folder
        self.source = ""  # the file read, for the plan's origin
        self.choice = 0
        self.undo_stack = QUndoStack(self)
        self._loading = False
        self._typed = typed_from(sheet) if sheet is not None else Typed(fiscal_year)
        self._current = 1

        self.year = ThaiYearBox()
        self.year.setRange(2550, 2700)
        self.year.setValue(self._typed.fiscal_year)
        self.year.valueChanged.connect(lambda v: self._change(
            dataclasses.replace(self._typed, fiscal_year=v), "เปลี่ยนปีที่ประเมิน"))
        self.total = QLineEdit(self._typed.total)
        self.total.setPlaceholderText("ไม่บังคับ")
        self.total.setMaximumWidth(110)
        self.total.editingFinished.connect(lambda: self._change(
            dataclasses.replace(self._typed, total=self.total.text().strip()),
            "แก้คะแนนรวม"))
        self.pass_mark = QLabel(f"เกณฑ์ผ่าน {points(PASS_MARK)} คะแนน: "
                                "ตัวชี้วัดและข้อที่ต่ำกว่าเกณฑ์เป็นสีแดง")
        self.pass_mark.setObjectName("pass_mark")
        self.read_button = QPushButton("อ่านจากไฟล์ .xlsx หรือ .csv…")
        self.read_button.clicked.connect(self._ask_file)
        top = QHBoxLayout()
        # the pass mark's line under the year's, wrapped: in one row they were wider
        # than a laptop's screen at 150 % (910 points)
        self.pass_mark.setWordWrap(True)
        for widget in (QLabel("ผลการประเมินของปีงบประมาณ พ.ศ."), self.year,
                       QLabel("คะแนนรวม"), self.total):
            top.addWidget(widget)
        top.addStretch()
        top.addWidget(self.read_button)

        self.indicators = DownOnEnter(len(INDICATORS), 4)
        self.indicators.setObjectName("indicators")
        self.indicators.setHorizontalHeaderLabels(("ตัวชี้วัด", "คะแนน", "ผล", "ข้อที่กรอก"))
        self.indicators.verticalHeader().hide()
        self.indicators.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # the whole row stands out: it is the indicator whose questions are on the right
        self.indicators.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.indicators.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Widths that do not follow what is typed: a status written in «ผล» as a score is
        # committed by a click on another row moved the score column from under the
        # mouse, and the click and the score typed after it went to «ผล» (lost).
        metrics = self.indicators.fontMetrics()
        for column, widest in ((1, ("คะแนน", "๑๐๐.๐๐", "100.00")),
                               (2, ("ผล", *STATUSES)), (3, ("ข้อที่กรอก",))):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.indicators.setColumnWidth(
                column, max(metrics.horizontalAdvance(t) for t in widest) + 24)
        self.indicators.itemChanged.connect(self._indicator_edited)
        self.indicators.currentCellChanged.connect(lambda row, *_: self._choose(row + 1))

        self.questions_label = QLabel()
        self.questions = WordTable(0, len(Q_COLUMNS))
        self.questions.setObjectName("questions")
        self.questions.setHorizontalHeaderLabels(Q_COLUMNS)
        self.questions.append_row = self._append_question
        qheader = self.questions.horizontalHeader()
        qheader.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.questions.setColumnWidth(0, 70)
        self.questions.itemChanged.connect(self._question_edited)
        self.drop_button = QPushButton("ลบข้อที่เลือก")
        self.drop_button.clicked.connect(self._drop_questions)
        right = QVBoxLayout()
        right.addWidget(self.questions_label)
        right.addWidget(self.questions)
        right.addWidget(self.drop_button, alignment=Qt.AlignmentFlag.AlignLeft)
        middle = QHBoxLayout()
        middle.addWidget(self.indicators, 5)
        middle.addLayout(right, 6)

        self.analysis = QPlainTextEdit()
        self.analysis.setObjectName("analysis")
        self.analysis.setReadOnly(True)
        waiting = "จะเขียนให้เมื่อคะแนนที่กรอกถูกต้องครบ (แก้ช่องสีส้มตามข้อความด้านล่าง)"
        self.analysis.setPlaceholderText(waiting)
        self.rows = QPlainTextEdit()
        self.rows.setObjectName("proposed_rows")
        self.rows.setReadOnly(True)
        self.rows.setPlaceholderText(waiting)
        bottom = QHBoxLayout()
        for title, widget in (("บทวิเคราะห์ที่จะเขียนให้", self.analysis),
                              ("แถวแผนพัฒนาที่จะเสนอ (แก้ไขได้ภายหลัง)", self.rows)):
            column = QVBoxLayout()
            column.addWidget(QLabel(title))
            column.addWidget(widget)
            bottom.addLayout(column)

        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a11a12")
        self.notes = QLabel()
        self.notes.setObjectName("notes")
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("background: #eef3fb; padding: 4px")
        self.notes.hide()
        self.create_button = QPushButton("สร้างแผนพัฒนาปีถัดไป")
        self.create_button.clicked.connect(lambda: self._done(self.CREATE))
        self.keep_button = QPushButton("เก็บคะแนนในรายงานนี้")
        self.keep_button.clicked.connect(lambda: self._done(self.KEEP))
        self.keep_button.setVisible(keep_here)
        cancel = QPushButton("ยกเลิก")
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        for button in (self.read_button, self.drop_button, self.keep_button,
                       self.create_button, cancel):
            button.setAutoDefault(False)  # Enter ends a cell's typing, never the dialog
        for button in (self.keep_button, self.create_button, cancel):
            buttons.addWidget(button)

        for text, keys, slot in (("เลิกทำ", QKeySequence.StandardKey.Undo, self.undo_stack.undo),
                                 ("ทำซ้ำ", QKeySequence.StandardKey.Redo, self.undo_stack.redo)):
            action = QAction(text, self)
            action.setShortcut(keys)
            action.triggered.connect(slot)
            self.addAction(action)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pass_mark)
        layout.addWidget(self.notes)
        layout.addLayout(middle)
        layout.addLayout(bottom, 1)
        layout.addLayout(buttons)
        self.resize(1240, 660)  # with its title bar, above a 1366×768 taskbar
        self._show(self._typed)
        # all ten indicators in sight, the file's note shown or not (1366×768 screens)
        self.indicators.resizeRowsToContents()
        rows = sum(self.indicators.rowHeight(r) for r in range(self.indicators.rowCount()))
        self.indicators.setMinimumHeight(rows + self.indicators.horizontalHeader().height()
                                         + 2 * self.indicators.frameWidth())
        for box in (self.analysis, self.rows):
            box.setMinimumHeight(110)
        self.indicators.setCurrentCell(0, SCORE_COLUMN)

    # ------------------------------------------------------------------ state
    def _change(self, after: Typed, text: str) -> None:
        if after == self._typed:
            return
        before, self._typed = self._typed, after
        self.undo_stack.push(_Step(self, before, after, text))
        self._refresh()

    def _show(self, typed: Typed) -> None:
        """The tables as `typed` says (an undo, a file read, the start)."""
        self._typed = typed
        self._loading = True
        try:
            self.year.setValue(typed.fiscal_year)
            self.total.setText(typed.total)
            for row, indicator in enumerate(INDICATORS):
                name = QTableWidgetItem(f"{indicator.tool} {to_thai_digits(str(indicator.number))}"
                                        f" {indicator.name}")
                name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.indicators.setItem(row, 0, name)
                self.indicators.setItem(row, SCORE_COLUMN,
                                        QTableWidgetItem(typed.scores.get(indicator.number, "")))
                for column in (2, 3):
                    cell = QTableWidgetItem("")
                    cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                    self.indicators.setItem(row, column, cell)
            self._fill_questions()
        finally:
            self._loading = False
        self._refresh()

    def _choose(self, number: int) -> None:
        if 1 <= number <= len(INDICATORS) and number != self._current:
            self._current = number
            self._loading = True
            try:
                self._fill_questions()
            finally:
                self._loading = False
            self._refresh()

    def _fill_questions(self) -> None:
        indicator = INDICATORS[self._current - 1]
        self.questions_label.setText(
            f"ข้อคำถามของตัวชี้วัดที่ {to_thai_digits(str(indicator.number))} {indicator.name}"
            " (รหัสข้อ เช่น i10, e6, O35 · Tab ไปช่องถัดไป)")
        rows = self._typed.questions.get(self._current, ())
        self.questions.setRowCount(len(rows) + 1)  # a blank row to type the next one in
        for r, values in enumerate((*rows, ("", "", ""))):
            for c, value in enumerate(values):
                self.questions.setItem(r, c, QTableWidgetItem(value))

    def _append_question(self) -> bool:
        self.questions.insertRow(self.questions.rowCount())
        return True

    def _indicator_edited(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() != SCORE_COLUMN:
            return
        number = INDICATORS[item.row()].number
        scores = dict(self._typed.scores)
        text = item.text().strip()
        if text:
            scores[number] = text
        else:
            scores.pop(number, None)
        self._change(dataclasses.replace(self._typed, scores=scores),
                     f"แก้คะแนนตัวชี้วัดที่ {to_thai_digits(str(number))}")

    def _table_questions(self) -> tuple[tuple[str, str, str], ...]:
        out = []
        for r in range(self.questions.rowCount()):
            cells = [self.questions.item(r, c) for c in range(len(Q_COLUMNS))]
            values = tuple(c.text().strip() if c is not None else "" for c in cells)
            if any(values):
                out.append(values)
        return tuple(out)  # type: ignore[return-value]

    def _question_edited(self, _item: QTableWidgetItem) -> None:
        if self._loading:
            return
        self._set_questions(self._table_questions(), "แก้ข้อคำถาม")
        last = self.questions.rowCount() - 1
        if last < 0 or any(self.questions.item(last, c) is not None
                           and self.questions.item(last, c).text()
                           for c in range(len(Q_COLUMNS))):
            self._loading = True  # always a blank row below the last one typed
            try:
                self.questions.insertRow(last + 1)
                for c in range(len(Q_COLUMNS)):
                    self.questions.setItem(last + 1, c, QTableWidgetItem(""))
            finally:
                self._loading = False

    def _set_questions(self, rows: tuple[tuple[str, str, str], ...], text: str) -> None:
        questions = dict(self._typed.questions)
        if rows:
            questions[self._current] = rows
        else:
            questions.pop(self._current, None)
        self._change(dataclasses.replace(self._typed, questions=questions), text)

    def _drop_questions(self) -> None:
        chosen = {i.row() for i in self.questions.selectedIndexes()}
        rows = tuple(r for n, r in enumerate(self._typed.questions.get(self._current, ()))
                     if n not in chosen)
        self._set_questions(rows, "ลบข้อคำถาม")
        self._loading = True
        try:
            self._fill_questions()
        finally:
            self._loading = False

    # ------------------------------------------------------------- the sheet
    def problems(self) -> tuple[ScoreSheet | None, list[str]]:
        """The sheet as typed, and what stops it, in plain Thai (the sheet is None then)."""
        typed = self._typed
        problems: list[str] = []
        scores: dict[int, float] = {}
        questions: list[QuestionScore] = []
        for indicator in INDICATORS:
            where = f"ตัวชี้วัดที่ {to_thai_digits(str(indicator.number))}"
            text = typed.scores.get(indicator.number, "")
            if text:
                try:
                    scores[indicator.number] = score(text)
                except ScoreSheetError as exc:
                    problems.append(f"{where}: {exc.message}")
            seen_codes = {q.code for q in questions}
            for n, (code_text, question, value) in enumerate(
                    typed.questions.get(indicator.number, ()), 1):
                at = f"{where} ข้อที่ {to_thai_digits(str(n))}"
                code = normal_code(code_text)
                if not code:
                    what = f"«{code_text}» ไม่ใช่รหัสข้อ" if code_text else "ยังไม่มีรหัสข้อ"
                    problems.append(f"{at}: {what} พิมพ์ i, e หรือ O ตามด้วยเลขข้อ เช่น e6")
                    continue
                if code in seen_codes:
                    problems.append(f"{at}: ข้อ {code} กรอกซ้ำ")
                    continue
                if not value:
                    problems.append(f"{at}: ข้อ {code} ยังไม่มีคะแนน")
                    continue
                try:
                    questions.append(QuestionScore(code, indicator.number, score(value),
                                                   question))
                except ScoreSheetError as exc:
                    problems.append(f"{at}: {exc.message}")
                seen_codes.add(code)
            if typed.questions.get(indicator.number) and indicator.number not in scores \
                    and not text:
                problems.append(f"{where}: มีคะแนนรายข้อแต่ยังไม่มีคะแนนของตัวชี้วัด")
        total = None
        if typed.total:
            try:
                total = score(typed.total)
            except ScoreSheetError as exc:
                problems.append(f"คะแนนรวม: {exc.message}")
        if not scores and not problems:
            problems.append("ยังไม่มีคะแนน พิมพ์คะแนนของตัวชี้วัดในช่อง «คะแนน» "
                            "อย่างน้อยหนึ่งตัวชี้วัด")
        if problems:
            return None, problems
        return ScoreSheet(typed.fiscal_year, scores, tuple(questions), total), []

    def sheet(self) -> ScoreSheet | None:
        return self.problems()[0]

    def _refresh(self) -> None:
        """Colours, the counts, the analysis and the rows, from what is typed now."""
        self._loading = True
        try:
            for row, indicator in enumerate(INDICATORS):
                text = self._typed.scores.get(indicator.number, "")
                status, brush, colour = "", QBrush(), QColor()
                if text:
                    try:
                        below = score(text) < PASS_MARK
                        status = BELOW if below else PASSED
                        brush = QBrush(WEAK) if below else QBrush()
                        colour = WEAK_TEXT if below else PASSED_TEXT
                    except ScoreSheetError:
                        status, brush, colour = NOT_A_NUMBER, QBrush(BAD), WEAK_TEXT
                for column in range(4):
                    self.indicators.item(row, column).setBackground(brush)
                self.indicators.item(row, 2).setText(status)
                self.indicators.item(row, 2).setForeground(colour)
                count = len(self._typed.questions.get(indicator.number, ()))
                self.indicators.item(row, 3).setText(to_thai_digits(str(count)) if count else "")
            for r in range(self.questions.rowCount()):
                cell = self.questions.item(r, 2)
                brush = QBrush()
                if cell is not None and cell.text().strip():
                    try:
                        brush = QBrush(WEAK) if score(cell.text()) < PASS_MARK else QBrush()
                    except ScoreSheetError:
                        brush = QBrush(BAD)
                for c in range(len(Q_COLUMNS)):
                    if self.questions.item(r, c) is not None:
                        self.questions.item(r, c).setBackground(brush)
        finally:
            self._loading = False
        sheet, problems = self.problems()
        self.message.setText("\n".join(problems[:4]) + (
            f"\n(และอีก {to_thai_digits(str(len(problems) - 4))} รายการ)"
            if len(problems) > 4 else ""))
        self.create_button.setEnabled(sheet is not None)
        self.keep_button.setEnabled(sheet is not None)
        if sheet is None:  # nothing stale beside the message
            self.analysis.clear()
            self.rows.clear()
            return
        self.analysis.setPlainText(analysis_text(sheet))
        self.rows.setPlainText("\n".join(
            (m.title if m.kind is MeasureKind.SECTION else f"      • {m.code}  {m.title}")
            for m in proposed_rows(sheet)))

    # ------------------------------------------------------------------ files
    def _ask_file(self) -> None:
        name, _ = file_dialogs.open_file_name(
            self, "คะแนน ITA ปีที่แล้ว (ตามที่ระบบ ITAS แสดง)", self.folder,
            "ตารางคะแนน (*.xlsx *.csv)")
        if name:
            self.read_file(Path(name))

    def read_file(self, path: Path) -> bool:
        """The file's scores in place of what is typed (one step: Ctrl+Z brings back
        what was there); the notes say which columns were taken."""
        from ..exchange.scoresheet_file import read_sheet_noted

        try:
            sheet, notes = read_sheet_noted(path, self._typed.fiscal_year)
        except (ScoreSheetError, OSError) as exc:
            message = exc.message if isinstance(exc, ScoreSheetError) else str(exc)
            where = f" ({exc.where})" if isinstance(exc, ScoreSheetError) and exc.where else ""
            self.notes.setText(f"อ่านไฟล์ «{path.name}» ไม่ได้{where}: {message} "
                               "คะแนนที่กรอกไว้ยังอยู่ครบ")
            self.notes.show()
            return False
        self.folder = str(path.parent)
        self.source = path.name
        before = self._typed
        self._show(typed_from(sheet))
        self.undo_stack.push(_Step(self, before, self._typed, f"อ่านคะแนนจาก {path.name}"))
        self.notes.setText(f"ไฟล์ «{path.name}»: " + "; ".join(notes)
                           + " ตรวจดูคะแนนก่อนสร้างแผน (Ctrl+Z คืนคะแนนที่กรอกไว้ก่อนอ่านไฟล์)")
        self.notes.show()
        return True

    def _done(self, choice: int) -> None:
        if self.sheet() is not None:
            self.choice = choice
            self.accept()


def edit_score_sheet(parent: QWidget, library_session: LibrarySession,
                     session: ReportSession | None, folder: str,
                     fiscal_year: int) -> Placed | None:
    """The dialog, prefilled with the sheet the open report keeps; the plan placed when
    the clerk made one (its report_id: the report to open)."""
    from ..domain.scoresheet import OPTION, PLAN_LAYOUT, sheet_of, sheet_to_dict
    from .year_actions import plan_from_sheet

    kept = sheet_of(session.report.options) if session is not None else None
    # A results report of the year: the scores its plan was written from, to start with
    shown, plan = kept, None
    if session is not None and kept is None:
        report = session.report
        for there in library_session.library.same_reports(report.municipality,
                                                          report.fiscal_year):
            if there.id != session.report_id and there.layout == PLAN_LAYOUT:
                found = sheet_of(library_session.library.load_report(there.id).options)
                if found is not None:
                    shown, plan = found, there
                    break
    dialog = ScoreSheetDialog(shown, shown.fiscal_year if shown else fiscal_year, parent,
                              folder=folder, keep_here=kept is not None)
    if plan is not None:
        dialog.notes.setText(f"คะแนนที่แผนพัฒนาของปีนี้เก็บไว้ (รายงานเลขที่ "
                             f"{to_thai_digits(str(plan.id))}) แก้ได้ที่แผนนั้น หรือใช้สร้างแผนใหม่")
        dialog.notes.show()
    if not dialog.exec() or (sheet := dialog.sheet()) is None:
        return None
    municipality = session.report.municipality if session is not None else ""
    if dialog.choice == ScoreSheetDialog.CREATE or session is None or kept is None:
        return plan_from_sheet(library_session, sheet, municipality, dialog.source, parent)
    report = session.report
    added = missing_rows(session.current_report().measures, sheet)
    with session.one_step("เก็บคะแนน ITA ปีที่แล้ว"):
        session.set_report_field("options", {**report.options, OPTION: sheet_to_dict(sheet)})
        # the analysis the program wrote follows the scores; one the clerk rewrote stays
        if report.opening.strip() in ("", analysis_text(kept)):
            session.set_report_field("opening", analysis_text(sheet))
        for at, rows in added:  # from the last place up: the places above stay right
            session.insert_measures(at, rows, "เพิ่มแถวของข้อที่ต่ำกว่าเกณฑ์")
    if hasattr(parent, "statusBar"):
        count = sum(m.kind is MeasureKind.MEASURE for _at, rows in added for m in rows)
        parent.statusBar().showMessage(
            "เก็บคะแนนแล้ว" + (f" เพิ่มแถวของข้อที่ต่ำกว่าเกณฑ์ {to_thai_digits(str(count))} แถว"
                               " ในหมวดของตัวชี้วัดนั้น" if count else "") + " (Ctrl+Z ย้อนได้)", 10000)
    return None


def missing_rows(measures: Sequence[Measure],
                 sheet: ScoreSheet) -> list[tuple[int, list[Measure]]]:
    """The proposed rows a plan does not have yet (a corrected sheet's new weak questions)
    and where they go, last place first: at the end of their indicator's section, or at
    the end of the table under its heading when the plan lacks that too. Rows the clerk
    already has (by code, or by title for an indicator without questions) stay theirs."""
    have = {m.code for m in measures if m.code} | {m.title for m in measures}
    sections = {m.title: i for i, m in enumerate(measures) if m.kind is MeasureKind.SECTION}

    def end_of(first: int) -> int:
        row = first + 1
        while row < len(measures) and measures[row].kind is not MeasureKind.SECTION:
            row += 1
        return row

    groups: dict[int, list[Measure]] = {}
    heading: Measure | None = None
    for m in proposed_rows(sheet):
        if m.kind is MeasureKind.SECTION:
            heading = m
            continue
        if (m.code or m.title) in have:
            continue
        if heading is not None and heading.title in sections:
            at = end_of(sections[heading.title])
        else:
            at = len(measures)
            if heading is not None and heading.title not in have:
                groups.setdefault(at, []).append(heading)
                have.add(heading.title)
        groups.setdefault(at, []).append(m)
        have.add(m.code or m.title)
    return sorted(groups.items(), reverse=True)
