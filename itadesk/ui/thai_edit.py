"""A plain-text editor that wraps Thai between words on every platform.

Qt breaks Thai lines between words only where it can load libthai (Linux); on Windows it
breaks only at spaces. So the editor shows the text with U+200B between Thai words (from
our segmenter), keeps those marks up to date in the paragraph being typed, steps over them
with the arrow keys, and never lets them out: `text()` and copying strip them.

Its undo history is of the clean text (the document's own would record the hint edits
as steps of their own), grouped as a word processor groups typing.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QKeyEvent,
    QKeySequence,
    QTextBlock,
    QTextCursor,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from ..thai.linebreak import ZWSP, strip_break_hints, with_break_hints


def _logical(text: str, pos: int) -> int:
    return pos - text.count(ZWSP, 0, pos)


def _physical(text: str, logical: int) -> int:
    count = 0
    for i, ch in enumerate(text):
        if count == logical and ch != ZWSP:
            return i
        if ch != ZWSP:
            count += 1
    return len(text)


class ThaiTextEdit(QPlainTextEdit):
    """Enter = new line; Ctrl+Enter (or Tab, in the table) = done."""

    done = Signal()
    focus_lost = Signal()
    edited = Signal()  # the clerk changed the text (typing, a paste, an undo): not set_text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._rehinting = False
        self._dirty_blocks: set[int] = set()
        # Hints are brought up to date just after a change, not inside it: an undo replays
        # several document changes in a row, and editing between them would break it.
        self._rehint_timer = QTimer(self)
        self._rehint_timer.setSingleShot(True)
        self._rehint_timer.setInterval(0)
        self._rehint_timer.timeout.connect(self._rehint_dirty)
        self.document().contentsChange.connect(self._on_contents_change)
        self.document().setUndoRedoEnabled(False)
        self._undo: list[tuple[str, int]] = []
        self._redo: list[tuple[str, int]] = []
        self._last: tuple[str, int] = ("", 0)
        self._last_change = 0.0
        self._last_end = -1

    # ----------------------------------------------------------------- text
    def text(self) -> str:
        return strip_break_hints(self.toPlainText())

    def set_text(self, text: str) -> None:
        self._show(text, len(text))
        self._undo.clear()
        self._redo.clear()

    def _show(self, text: str, logical_cursor: int) -> None:
        hinted = "\n".join(with_break_hints(p) for p in text.split("\n"))
        self._rehinting = True
        try:
            self.setPlainText(hinted)
        finally:
            self._rehinting = False
        cursor = self.textCursor()
        cursor.setPosition(_physical(hinted, logical_cursor))
        self.setTextCursor(cursor)
        self._last = (text, logical_cursor)

    def mark(self, start: int, end: int, colour: str = "#ffe98a") -> None:
        """Highlight text()[start:end] and bring its start in sight."""
        self.flush_hints()
        shown = self.toPlainText()
        cursor = QTextCursor(self.document())
        cursor.setPosition(_physical(shown, start))
        cursor.setPosition(_physical(shown, end), QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor  # type: ignore[attr-defined]
        selection.format.setBackground(QColor(colour))  # type: ignore[attr-defined]
        self.setExtraSelections([selection])
        for position in (cursor.position(), cursor.anchor()):
            place = QTextCursor(self.document())
            place.setPosition(position)
            self.setTextCursor(place)
            self.ensureCursorVisible()

    def _logical_cursor(self) -> int:
        return _logical(self.toPlainText(), self.textCursor().position())

    def _record(self, position: int, added: int, removed: int) -> None:
        """Keep the state before this change, unless it continues the same run of typing
        (one key after another at the same place, within a second)."""
        now = time.monotonic()
        single_key = added + removed <= 2
        in_place = position in (self._last_end, self._last_end - removed)
        if not (single_key and in_place and now - self._last_change <= 1.0):
            self._undo.append(self._last)
        self._redo.clear()
        # a key typed over a selection starts a run the next keys go on with: the cell
        # typed anew comes back whole with one undo, as in a word processor
        self._last_change = now if added <= 2 else 0.0
        self._last_end = position + added

    def undo(self) -> None:
        self._step(self._undo, self._redo)

    def redo(self) -> None:
        self._step(self._redo, self._undo)

    def _step(self, source: list[tuple[str, int]], target: list[tuple[str, int]]) -> None:
        self._rehint_dirty()
        if not source:
            return
        target.append((self.text(), self._logical_cursor()))
        text, cursor = source.pop()
        self._show(text, cursor)
        self._last_change = 0.0
        self.edited.emit()

    def _on_contents_change(self, position: int, removed: int, added: int) -> None:
        if self._rehinting:
            return
        self._record(position, added, removed)
        self._last = (self.text(), self._logical_cursor())
        self.edited.emit()
        doc = self.document()
        first = doc.findBlock(position).blockNumber()
        last = doc.findBlock(position + added).blockNumber()
        if first < 0:
            return
        self._dirty_blocks.update(range(first, max(first, last) + 1))
        self._rehint_timer.start()

    def _rehint_dirty(self) -> None:
        doc = self.document()
        for number in sorted(self._dirty_blocks):
            block = doc.findBlockByNumber(number)
            if block.isValid():
                self._rehint_block(block)
        self._dirty_blocks.clear()

    def flush_hints(self) -> None:
        """Bring the hints up to date now (the display does it by itself a moment later)."""
        if self._rehint_timer.isActive():
            self._rehint_timer.stop()
            self._rehint_dirty()

    def _rehint_block(self, block: QTextBlock) -> None:
        current = block.text()
        wanted = with_break_hints(strip_break_hints(current))
        if wanted == current:
            return
        cursor = self.textCursor()
        in_block = block.position() <= cursor.position() <= block.position() + block.length() - 1
        logical = _logical(current, cursor.position() - block.position()) if in_block else None
        self._rehinting = True
        try:
            edit = QTextCursor(block)
            edit.movePosition(QTextCursor.MoveOperation.EndOfBlock,
                              QTextCursor.MoveMode.KeepAnchor)
            edit.insertText(wanted)
        finally:
            self._rehinting = False
        if logical is not None:
            cursor = self.textCursor()
            cursor.setPosition(block.position() + _physical(wanted, logical))
            self.setTextCursor(cursor)
            self._last_end = cursor.position()
        self._last = (self.text(), self._logical_cursor())

    def createMimeDataFromSelection(self) -> QMimeData:
        mime = QMimeData()
        mime.setText(strip_break_hints(self.textCursor().selectedText()
                                       .replace("\u2029", "\n")))
        return mime

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_lost.emit()

    # ----------------------------------------------------------------- keys
    def _is_redo(self, event: QKeyEvent) -> bool:
        ctrl = Qt.KeyboardModifier.ControlModifier
        return event.matches(QKeySequence.StandardKey.Redo) or (
            event.key() == Qt.Key.Key_Y and event.modifiers() == ctrl)

    def event(self, event: QEvent) -> bool:
        # Ctrl+Z with nothing typed here to take back is the window's: its last step
        # (a text thrown away, a field saved) comes back, as the clerk expects
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and (
                (event.matches(QKeySequence.StandardKey.Undo) and not self._undo)
                or (self._is_redo(event) and not self._redo)):
            event.ignore()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
            return
        if self._is_redo(event):
            self.redo()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            mods & Qt.KeyboardModifier.ControlModifier
        ):
            self.done.emit()
            return
        if key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) and (
            not self.textCursor().hasSelection()
        ):
            # Jump the mark first, so the key removes a letter the clerk can see.
            self._skip_hint(backward=key == Qt.Key.Key_Backspace, keep_anchor=False)
        super().keyPressEvent(event)
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self._skip_hint(backward=key == Qt.Key.Key_Left,
                            keep_anchor=bool(mods & Qt.KeyboardModifier.ShiftModifier))

    def _skip_hint(self, backward: bool, keep_anchor: bool) -> None:
        """Step over a U+200B so that it never costs the clerk a key press."""
        cursor = self.textCursor()
        text = cursor.block().text()
        pos = cursor.positionInBlock()
        mode = QTextCursor.MoveMode.KeepAnchor if keep_anchor else QTextCursor.MoveMode.MoveAnchor
        if backward and pos > 0 and text[pos - 1] == ZWSP:
            cursor.movePosition(QTextCursor.MoveOperation.Left, mode)
        elif not backward and pos < len(text) and text[pos] == ZWSP:
            cursor.movePosition(QTextCursor.MoveOperation.Right, mode)
        else:
            return
        self.setTextCursor(cursor)
