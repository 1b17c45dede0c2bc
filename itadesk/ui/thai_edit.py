"""A plain-text editor that wraps Thai between words on every platform.

Qt breaks Thai lines between words only where it can load libthai (Linux); on Windows it
breaks only at spaces. So the editor shows the text with U+200B between Thai words (from
our segmenter), keeps those marks up to date in the paragraph being typed, steps over them
with the arrow keys, and never lets them out: `text()` and copying strip them.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QTextBlock, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from ..thai.segment import ZWSP, strip_break_hints, with_break_hints


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

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._rehinting = False
        self.document().contentsChange.connect(self._on_contents_change)

    # ----------------------------------------------------------------- text
    def text(self) -> str:
        return strip_break_hints(self.toPlainText())

    def set_text(self, text: str) -> None:
        self._rehinting = True
        try:
            self.setPlainText("\n".join(with_break_hints(p) for p in text.split("\n")))
        finally:
            self._rehinting = False
        self.moveCursor(QTextCursor.MoveOperation.End)

    def _on_contents_change(self, position: int, _removed: int, added: int) -> None:
        if self._rehinting:
            return
        doc = self.document()
        first = doc.findBlock(position)
        last = doc.findBlock(position + added)
        block = first
        while block.isValid():
            self._rehint_block(block)
            if block == last:
                break
            block = block.next()

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
            # One undo step with the keystroke that caused it.
            edit.joinPreviousEditBlock()
            edit.movePosition(QTextCursor.MoveOperation.EndOfBlock,
                              QTextCursor.MoveMode.KeepAnchor)
            edit.insertText(wanted)
            edit.endEditBlock()
        finally:
            self._rehinting = False
        if logical is not None:
            cursor = self.textCursor()
            cursor.setPosition(block.position() + _physical(wanted, logical))
            self.setTextCursor(cursor)

    def createMimeDataFromSelection(self) -> QMimeData:
        mime = QMimeData()
        mime.setText(strip_break_hints(self.textCursor().selectedText()
                                       .replace("\u2029", "\n")))
        return mime

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_lost.emit()

    # ----------------------------------------------------------------- keys
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
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
