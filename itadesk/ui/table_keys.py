"""Tab in a table as in Word's tables: it goes on to the next cell, from the last column
to the next row's first (adding a row at the end where the table allows it), and never
opens an editor with the text selected, where one key would wipe the cell. Enter (or F2)
on a cell not being edited opens its editor, the cursor after the text, as in Excel; a
letter typed there starts the cell anew, as in Excel (the editor's Ctrl+Z, or Esc, brings
the old text back)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QTableWidget,
    QWidget,
)
from shiboken6 import isValid

from ..thai.digits import to_thai_digits

Move = QAbstractItemView.CursorAction
Hint = QAbstractItemDelegate.EndEditHint
OPEN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2)
_CTRL_MOVES = frozenset((Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_Up, Qt.Key.Key_Down,
                         Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_PageUp,
                         Qt.Key.Key_PageDown))


def next_cell(view: QTableView, action: Move,
              append_row: Callable[[], bool] | None) -> QModelIndex | None:
    """The cell Tab (MoveNext) or Shift+Tab (MovePrevious) goes to; None for Qt's own."""
    model = view.model()
    current = view.currentIndex()
    if model is None or action not in (Move.MoveNext, Move.MovePrevious):
        return None
    if not current.isValid():
        return None
    rows, columns = model.rowCount(), model.columnCount()
    row, column = current.row(), current.column()
    if action == Move.MoveNext:
        column += max(view.columnSpan(row, column), 1)  # over a heading that spans the row
        if column >= columns:
            row, column = row + 1, 0
        if row >= rows and (append_row is None or not append_row()):
            return current
    else:
        column -= 1
        if column < 0:
            row, column = row - 1, columns - 1
        if row < 0:
            return current
        if view.columnSpan(row, 0) > column:
            column = 0
    return model.index(row, column)


def cursor_to_end(editor: QWidget | None) -> None:
    """The cursor after the editor's text, nothing selected (Qt selects all of a line
    editor's text as it opens it: the next key would wipe the cell)."""
    if isinstance(editor, QLineEdit):
        editor.deselect()
        editor.end(False)
    elif isinstance(editor, QPlainTextEdit):
        cursor = editor.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        editor.setTextCursor(cursor)


def select_all(editor: QWidget | None) -> None:
    if isinstance(editor, (QLineEdit, QPlainTextEdit)):
        editor.selectAll()


def types_text(event: object) -> bool:
    """A key that writes a letter (not Ctrl+…, not a control character)."""
    return isinstance(event, QKeyEvent) and bool(event.text()) and event.text().isprintable() \
        and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                     | Qt.KeyboardModifier.AltModifier
                                     | Qt.KeyboardModifier.MetaModifier)


def edit_key(view: QAbstractItemView, event: QKeyEvent) -> bool:
    """Enter or F2 on a cell not being edited: its editor opened, the cursor at the end.
    False when the key is not that, or the cell is not editable (the key goes on)."""
    plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if event.key() not in OPEN_KEYS or plain != Qt.KeyboardModifier.NoModifier or (
            view.state() == QAbstractItemView.State.EditingState):
        return False
    index = view.currentIndex()
    # as F2 does: only where the table lets a key start editing (not the library's list)
    if not index.isValid() or not view.edit(index, QAbstractItemView.EditTrigger.EditKeyPressed,
                                            event):
        return False
    cursor_to_end(view.indexWidget(index))
    return True


class WordTabs:
    """Mixin for a QTableView: Tab as in Word, Enter as F2; `append_row` adds a row at the
    end (or returns False where a table takes no rows from Tab)."""

    append_row: Callable[[], bool] | None = None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        assert isinstance(self, QTableView)
        if edit_key(self, event):
            event.accept()
            return
        QTableView.keyPressEvent(self, event)

    def edit(self, index: QModelIndex, trigger: QAbstractItemView.EditTrigger | None = None,
             event: QEvent | None = None) -> bool:
        assert isinstance(self, QTableView)
        if trigger is None:  # the public slot: Qt calls back here with its trigger
            return QTableView.edit(self, index)  # type: ignore[call-overload]
        if trigger != QAbstractItemView.EditTrigger.AnyKeyPressed or not types_text(event):
            return QTableView.edit(self, index, trigger, event)  # type: ignore[call-overload]
        # Qt hands the key to an editor whose cursor is after the text (the letter added
        # to it): open it, select the text, then give it the key, which takes its place
        # as one step the editor's own undo takes back
        if not QTableView.edit(self, index, trigger, None):  # type: ignore[call-overload]
            return False
        editor = self.indexWidget(index)
        if editor is None:
            return True
        select_all(editor)
        QApplication.sendEvent(editor.focusProxy() or editor, event)
        return True

    def moveCursor(self, action: Move, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        assert isinstance(self, QTableView)
        index = next_cell(self, action, self.append_row)
        if index is None:
            return QTableView.moveCursor(self, action, modifiers)  # type: ignore[arg-type]
        return index

    def selectionCommand(self, index: QModelIndex, event: QEvent | None = None
                         ) -> QItemSelectionModel.SelectionFlag:
        assert isinstance(self, QTableView)
        # Ctrl+Home, Ctrl+End, Ctrl+arrows: the cell gone to is the one selected, as in
        # Excel (with Shift, the selection stretched to it). Qt kept the selection (a block
        # an undo had selected) and moved only the frame, and Delete then emptied the
        # block, not the cell the clerk was on.
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress and (
                event.modifiers() & Qt.KeyboardModifier.ControlModifier
                and event.key() in _CTRL_MOVES):
            flags = QItemSelectionModel.SelectionFlag
            flag = (flags.SelectCurrent
                    if event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                    else flags.ClearAndSelect)
            if self.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows:
                flag |= flags.Rows
            return flag
        return QTableView.selectionCommand(self, index, event)  # type: ignore[arg-type]

    def closeEditor(self, editor: object, hint: Hint) -> None:
        assert isinstance(self, QTableView)
        if hint not in (Hint.EditNextItem, Hint.EditPreviousItem):
            QTableView.closeEditor(self, editor, hint)  # type: ignore[arg-type]
            return
        # Qt would open the next cell's editor with its text selected: move there only
        QTableView.closeEditor(self, editor, Hint.NoHint)  # type: ignore[arg-type]
        action = Move.MoveNext if hint == Hint.EditNextItem else Move.MovePrevious
        index = self.moveCursor(action, Qt.KeyboardModifier.NoModifier)
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)


class WordTable(WordTabs, QTableWidget):
    """A QTableWidget whose Tab behaves as in Word's tables, its rows numbered in Thai
    digits (the signers, the ITA scores, the memo's endorsements)."""

    def __init__(self, rows: int, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(rows, columns, parent)
        thai_row_numbers(self)


class _RowNumbers(QObject):
    """Kept as the table's child: its connections end with the table."""

    def __init__(self, table: QTableWidget) -> None:
        super().__init__(table)
        self.table = table
        model = table.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(self.number)
        self.number()

    def number(self, *_args: object) -> None:
        if not isValid(self.table):
            return  # the table's model empties itself while the table is torn down
        self.table.setVerticalHeaderLabels([to_thai_digits(str(i + 1))
                                            for i in range(self.table.rowCount())])


def thai_row_numbers(table: QTableWidget) -> None:
    """Number the rows ๑, ๒, ๓ … as rows come and go (Qt numbers them 1, 2, 3)."""
    _RowNumbers(table)
