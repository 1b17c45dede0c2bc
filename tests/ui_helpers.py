"""Driving real dialogs and the real window from tests."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget


def when_dialog_opens(action: Callable[[QWidget], None], tries: int = 500,
                      name: str = "") -> None:
    """Run `action` on the next modal dialog as soon as it is shown (given `name`, the
    next one of that object name: one that follows a dialog still open)."""

    def poll(remaining: int) -> None:
        widget = QApplication.activeModalWidget()
        if widget is not None and widget.isVisible() and (
                not name or widget.objectName() == name):
            try:
                action(widget)
            except BaseException:
                # never leave a test hanging on a dialog nobody answers
                if widget.isVisible():
                    widget.close()
                raise
        elif remaining:
            QTimer.singleShot(20, lambda: poll(remaining - 1))

    QTimer.singleShot(0, lambda: poll(tries))


def click_button(text: str, seen: list[str] | None = None) -> Callable[[QWidget], None]:
    """Click the message box's button of that text; `seen` gets what the box said."""

    def action(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox), widget
        if seen is not None:
            seen.append(f"{widget.text()}\n{widget.informativeText()}")
        for button in widget.buttons():
            if button.text() == text:
                button.click()
                return
        raise AssertionError(f"no button {text!r} in {[b.text() for b in widget.buttons()]}")

    return action


def type_text(widget: QWidget, text: str) -> None:
    """Type any Unicode text as key presses (QTest's keyClicks takes only Latin-1).

    Each character arrives as a Thai keyboard layout delivers it: a key press whose key
    code is the character's code point and whose text is the character.
    """
    for ch in text:
        target = widget
        if ch == "\n":
            QTest.keyClick(target, Qt.Key.Key_Return)
            continue
        press = QKeyEvent(QEvent.Type.KeyPress, ord(ch.upper()) if ch.isascii() else ord(ch),
                          Qt.KeyboardModifier.NoModifier, ch)
        release = QKeyEvent(QEvent.Type.KeyRelease, press.key(),
                            Qt.KeyboardModifier.NoModifier, ch)
        QApplication.sendEvent(target, press)
        QApplication.sendEvent(target, release)
