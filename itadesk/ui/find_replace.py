"""Find and replace (Ctrl+F, Ctrl+H) over the measure table and every field of the report:
its own fields, the signers and the memo. Each match is shown where it is (the cell made
current, the field focused); replacing all is one undo step."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)
from shiboken6 import isValid

from ..domain.memo import MEMO_TEXT_FIELDS
from ..thai.digits import to_thai_digits
from ..thai.search import find_all, replace_all, replace_at
from .find_place import cell_rect, place_clear_of, visible_rect
from .report_form import LINE_FIELDS, TEXT_FIELDS
from .thai_edit import ThaiTextEdit

if TYPE_CHECKING:
    from ..domain import Report
    from .report_page import ReportPage

# The box's own Ctrl+Z and Ctrl+Y: the window's keys are not heard while it is active.
UNDO_KEYS = (QKeySequence("Ctrl+Z"),)
REDO_KEYS = (QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z"))

# The measure's fields beside the table's columns (shown in the detail pane).
DETAIL_FIELDS = ("budget", "problems", "suggestions")
SIGNER_PARTS = ("name", "positions", "role")


@dataclass(frozen=True)
class Place:
    """Where a text lives: ("cell", row, field, column), ("report", name),
    ("signer", index, part) or ("memo", name)."""

    kind: str
    key: tuple[Any, ...]


@dataclass(frozen=True)
class Match:
    place: Place
    span: tuple[int, int]


def _signer_text(signer: Any, part: str) -> str:
    value = getattr(signer, part)
    return "\n".join(value) if part == "positions" else value


def places(page: ReportPage) -> list[tuple[Place, str]]:
    """Every text the clerk can search, in the order they come in the window."""
    model = page.session.model
    report: Report = page.session.report
    out: list[tuple[Place, str]] = []
    for row in range(model.rowCount()):
        measure = model.measure(row)
        if model.is_section(row):
            out.append((Place("cell", (row, "title", 0)), measure.title))
            continue
        fields = [(model.field(c), c) for c in range(model.columnCount())]
        shown = {name for name, _c in fields}
        fields += [(name, 0) for name in DETAIL_FIELDS if name not in shown]
        for name, column in fields:
            out.append((Place("cell", (row, name, column)), measure.get(name)))
    for name, _label in (*LINE_FIELDS, *TEXT_FIELDS):
        out.append((Place("report", (name,)), getattr(report, name)))
    for index, signer in enumerate(report.signers):
        for part in SIGNER_PARTS:
            out.append((Place("signer", (index, part)), _signer_text(signer, part)))
    if report.memo is not None:
        for name, _label in MEMO_TEXT_FIELDS:
            out.append((Place("memo", (name,)), report.memo.get(name)))
    return out


def find_matches(page: ReportPage, needle: str) -> list[Match]:
    return [Match(place, span) for place, text in places(page)
            for span in find_all(needle, text)]


def apply_texts(page: ReportPage, new_texts: dict[Place, str], text: str) -> None:
    """Put the new texts in, as one undo step (cells, report fields, signers, memo)."""
    session = page.session
    report = session.report
    cells = [(p.key[0], p.key[1], t) for p, t in new_texts.items() if p.kind == "cell"]
    fields = {p.key[0]: t for p, t in new_texts.items() if p.kind == "report"}
    signers = list(report.signers)
    for place, value in new_texts.items():
        if place.kind == "signer":
            index, part = place.key
            new: Any = tuple(value.split("\n")) if part == "positions" else value
            signers[index] = dataclasses.replace(signers[index], **{part: new})
    memo = report.memo
    for place, value in new_texts.items():
        if place.kind == "memo" and memo is not None:
            memo = memo.with_field(place.key[0], value)
    with session.one_step(text):
        if cells:
            session.set_cells(cells, text)
        for name, value in fields.items():
            session.set_report_field(name, value, text)
        if tuple(signers) != report.signers:
            session.set_report_field("signers", tuple(signers), text)
        if memo is not report.memo:
            session.set_report_field("memo", memo, text)


class FindReplaceDialog(QDialog):
    """Not modal: the clerk reads and edits the report while it is open."""

    def __init__(self, page: ReportPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self._marked: ThaiTextEdit | None = None  # the field whose word is on yellow
        self.setWindowTitle("ค้นหาและแทนที่")
        self.find_edit = QLineEdit(self)
        self.find_edit.setPlaceholderText("ข้อความที่ต้องการค้นหา")
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setPlaceholderText("แทนที่ด้วย (เว้นว่างเพื่อลบข้อความที่พบ)")
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.replace_label = QLabel("แทนที่ด้วย", self)
        self.previous_button = QPushButton("ก่อนหน้า", self)
        self.previous_button.setToolTip("ไปยังที่พบก่อนหน้า (Shift+F3)")
        self.next_button = QPushButton("ค้นหาถัดไป", self)
        self.next_button.setToolTip("ไปยังที่พบถัดไป (Enter หรือ F3)")
        self.next_button.setDefault(True)
        self.replace_button = QPushButton("แทนที่", self)
        self.replace_button.setToolTip("แทนที่ที่พบตรงนี้ แล้วไปที่ถัดไป")
        self.replace_all_button = QPushButton("แทนที่ทั้งหมด", self)
        self.replace_all_button.setToolTip("แทนที่ทุกแห่งในครั้งเดียว (Ctrl+Z เพื่อย้อนกลับ)")
        close = QPushButton("ปิด", self)
        self.previous_button.clicked.connect(lambda: self.go(-1))
        self.next_button.clicked.connect(lambda: self.go(1))
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_everywhere)
        close.clicked.connect(self.close)
        QShortcut(QKeySequence("F3"), self, lambda: self.go(1))
        QShortcut(QKeySequence("Shift+F3"), self, lambda: self.go(-1))
        # Compact, the buttons beside the fields: at 100 % the box of three rows stood
        # over the row toolbar, the tabs and the column headers.
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        grid.addWidget(QLabel("ค้นหา", self), 0, 0)
        grid.addWidget(self.find_edit, 0, 1)
        grid.addWidget(self.previous_button, 0, 2)
        grid.addWidget(self.next_button, 0, 3)
        grid.addWidget(close, 0, 4)
        grid.addWidget(self.replace_label, 1, 0)
        grid.addWidget(self.replace_edit, 1, 1)
        grid.addWidget(self.replace_button, 1, 2)
        grid.addWidget(self.replace_all_button, 1, 3, 1, 2)
        grid.addWidget(self.status, 2, 0, 1, 5)
        grid.setColumnStretch(1, 1)
        self.find_edit.setMinimumWidth(180)
        self.find_edit.textChanged.connect(self._needle_changed)
        # Ctrl+Z in a field is the report's right after a step the box took (the message
        # says so); once the clerk has typed in it, the field's own typing first
        self._took_step = False
        for edit in (self.find_edit, self.replace_edit):
            edit.textEdited.connect(self._typed)
            edit.installEventFilter(self)
        page.session.stepped.connect(self._stepped)
        self.matches: list[Match] = []
        self.position = -1
        self._placed = False
        self._found: Callable[[], QRect] = lambda: QRect()  # what it found, on the screen
        self._replacing: bool | None = None  # as last opened

    # ------------------------------------------------------------ showing
    def open_for(self, replace: bool) -> None:
        for widget in (self.replace_label, self.replace_edit, self.replace_button,
                       self.replace_all_button):
            widget.setVisible(replace)
        self.setWindowTitle("ค้นหาและแทนที่" if replace else "ค้นหา")
        first = not self._placed
        if first or replace != self._replacing:
            self.adjustSize()  # a row more or less
        self._placed, self._replacing = True, replace
        self.show()
        if first:  # clear of the current cell, and of the panes where it can be
            table = self.page.table
            current = table.currentIndex()
            self._found = (lambda: cell_rect(table, current.row(), current.column())
                           ) if current.isValid() else (lambda: QRect())
            self._keep_clear(always=True)
        self.raise_()
        self.activateWindow()
        self.find_edit.setFocus()
        self.find_edit.selectAll()
        # the word of last time counted again in the report as it is now: the line said
        # what happened last time («แทนที่แล้ว ๔ แห่ง…») when the box came back
        self.position = -1
        self._took_step = False
        self._search()

    def _needle_changed(self) -> None:
        self.position = -1
        self._search()
        if self.matches:
            self.go(1)

    def _search(self) -> None:
        self.matches = find_matches(self.page, self.find_edit.text())
        self._tell()

    def _tell(self, extra: str = "") -> None:
        needle = self.find_edit.text()
        if not needle:
            text = ""
        elif not self.matches:
            text = f"ไม่พบ \u201c{needle}\u201d ในรายงานนี้"
        elif self.position >= 0:
            text = f"แห่งที่ {self.position + 1} จาก {len(self.matches)} แห่ง"
        else:
            text = f"พบ {len(self.matches)} แห่ง"
        self.status.setText(to_thai_digits(" · ".join(filter(None, [extra, text]))))

    # ------------------------------------------------------------ moving
    def go(self, step: int) -> None:
        self._search()
        if not self.matches:
            self._unmark()  # no yellow left over a word that is no longer there
            return
        self.position = (self.position + step) % len(self.matches)
        self._tell()
        self.show_match(self.matches[self.position])

    def show_match(self, match: Match) -> None:
        page, place = self.page, match.place
        self._unmark()
        if place.kind == "cell":
            row, _field, column = place.key
            page.tabs.setCurrentIndex(0)
            # the word itself on yellow and in sight: a cell of five lines hid where it was
            table = page.table
            table.found = (row, column, *match.span)
            table.show_found()
            self._found = lambda: cell_rect(table, row, column)
        elif place.kind == "signer":
            page.tabs.setCurrentWidget(page.form)
            index, part = place.key
            signers = page.form.signers
            signers.setCurrentCell(index, SIGNER_PARTS.index(part))
            page.form.ensureWidgetVisible(signers)
            self._found = lambda: cell_rect(signers, index, SIGNER_PARTS.index(part))
        else:
            form = page.form if place.kind == "report" else page.memo
            page.tabs.setCurrentWidget(form)
            widget = form.lines.get(place.key[0]) or form.texts.get(place.key[0])
            if widget is not None:
                form.ensureWidgetVisible(widget)
                self._found = lambda: visible_rect(widget)
                start, end = match.span
                if isinstance(widget, QLineEdit):
                    widget.setSelection(start, end - start)
                elif isinstance(widget, ThaiTextEdit):
                    widget.mark(start, end)
                    self._marked = widget
        # the dialog keeps the keyboard: Enter again goes to the next one
        self.activateWindow()
        # off what it found, once the table has scrolled to it (after its own timer)
        QTimer.singleShot(0, self, self._keep_clear)

    def _keep_clear(self, always: bool = False) -> None:
        window = self.page.window()
        panes = [visible_rect(dock) for dock in window.findChildren(QDockWidget)
                 if dock.isVisible() and not dock.isFloating()]
        top = self.page.mapToGlobal(QPoint(0, 0)).y()  # under the menu and toolbars
        place_clear_of(self, self._found(), panes, top, always)

    def _unmark(self) -> None:
        table = self.page.table
        if table.found is not None:
            table.found = None
            table.viewport().update()
        if self._marked is not None and isValid(self._marked):
            self._marked.setExtraSelections([])
        self._marked = None

    def hideEvent(self, event: Any) -> None:
        self._unmark()  # the yellow goes with the dialog
        super().hideEvent(event)

    # ------------------------------------------------------------ replacing
    def _text_at(self, place: Place) -> str:
        return next(text for p, text in places(self.page) if p == place)

    def replace_current(self) -> None:
        self.page.commit_pending()
        self._search()
        if not self.matches:
            return
        if not 0 <= self.position < len(self.matches):
            self.go(1)
            return
        match = self.matches[self.position]
        replacement = self.replace_edit.text()
        new = replace_at(self._text_at(match.place), match.span, replacement)
        apply_texts(self.page, {match.place: new}, "แทนที่ข้อความ")
        self._took_step = True
        # on to the first match after what was put in, as Word does: a replacement that
        # holds the word (ทุกส่วน by ทุกส่วนราชการ) was found again and marked in part
        self._search()
        self.position = self._index_after(match.place, match.span[0] + len(replacement)) - 1
        self.go(1)

    def _index_after(self, place: Place, at: int) -> int:
        """The first match at or after `at` in `place`'s text, in window order (the
        first of all once past the last)."""
        order = {p: i for i, (p, _text) in enumerate(places(self.page))}
        where = (order[place], at)
        return next((i for i, m in enumerate(self.matches)
                     if (order[m.place], m.span[0]) >= where), 0)

    def replace_everywhere(self) -> int:
        self.page.commit_pending()
        needle, replacement = self.find_edit.text(), self.replace_edit.text()
        new_texts: dict[Place, str] = {}
        count = 0
        for place, text in places(self.page):
            new, n = replace_all(text, needle, replacement)
            if n:
                new_texts[place] = new
                count += n
        if new_texts:
            apply_texts(self.page, new_texts, to_thai_digits(f"แทนที่ทั้งหมด {count} แห่ง"))
        self._took_step = bool(new_texts)
        self._unmark()  # its word is gone: the yellow stood over the start of the new one
        self.position = -1
        self._search()
        self._tell(f"แทนที่แล้ว {count} แห่ง (Ctrl+Z เพื่อย้อนกลับ)" if count else "")
        return count

    # ------------------------------------------------------------ undoing
    def _typed(self, _text: str) -> None:
        self._took_step = False

    def _undo_key(self, event: QKeyEvent, edit: QLineEdit | None) -> bool:
        """Ctrl+Z, Ctrl+Y or Ctrl+Shift+Z pressed in the box: right after a replace (or a
        step taken from here) the report's step taken back or done again, as the box
        says; otherwise a field's own typing only (False: the field does it). A clerk's
        Ctrl+Z in the find field once it was empty took back an edit on another tab."""
        keys = QKeySequence(event.keyCombination())
        undo = keys in UNDO_KEYS
        if not undo and keys not in REDO_KEYS:
            return False
        if not self._took_step:
            if edit is not None:
                return False
            self._tell("Ctrl+Z ในกล่องนี้ย้อนได้เฉพาะการแทนที่ที่เพิ่งทำ "
                       "(ปิดกล่องนี้ก่อน แล้วกด Ctrl+Z เพื่อเลิกทำในรายงาน)")
            return True
        self.step(undo)
        return True

    def step(self, undo: bool) -> None:
        """The report's last step taken back (or done again), from the box."""
        session = self.page.session
        stack = session.undo_stack
        if not (stack.canUndo() if undo else stack.canRedo()):
            self._tell("ไม่มีขั้นตอนให้เลิกทำ" if undo else "ไม่มีขั้นตอนให้ทำซ้ำ")
            return
        self.page.commit_pending()
        session.step(undo)  # `stepped` then says it in the box (_stepped)
        self._took_step = True
        self.activateWindow()  # the window went to what changed; the keys stay here

    def _stepped(self, _spots: object, said: str) -> None:
        """A step taken back or done again (here or in the window): what the box found
        is found again, and it says what was done."""
        if not self.isVisible():
            return
        self._unmark()
        self.position = -1
        self._search()
        self._tell(said)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, QLineEdit) and (
                isinstance(event, QKeyEvent) and self._undo_key(event, watched)):
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        if self._undo_key(event, None):  # from a button, which does not take these keys
            return
        super().keyPressEvent(event)
