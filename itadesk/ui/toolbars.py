"""Esc closes a toolbar's overflow row (the buttons behind »), as it closes a menu.

Qt opens the overflow as a second row over the window and leaves it open until » is
clicked again: the clerk pressed Esc, then clicked where the row of the page had been
and hit a button of the overflow instead.
"""

from __future__ import annotations

from PySide6 import QtCore  # QtCore.Qt when a key comes: not made at import (ui/app.py)
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QToolBar, QToolButton

EXTENSION = "qt_toolbar_ext_button"


class EscClosesOverflow(QObject):
    """Watches the application's keys only while the toolbar's overflow is open."""

    def __init__(self, toolbar: QToolBar) -> None:
        super().__init__(toolbar)
        self.button = toolbar.findChild(QToolButton, EXTENSION)
        if self.button is not None:
            self.button.toggled.connect(self._opened)

    def _opened(self, open_: bool) -> None:
        app = QApplication.instance()
        if app is None:
            return
        if open_:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # ShortcutOverride first: an editor that takes Esc itself never sees this one
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and (
                isinstance(event, QKeyEvent) and event.key() == QtCore.Qt.Key.Key_Escape
                and self.button is not None and self.button.isChecked()):
            if event.type() == QEvent.Type.KeyPress:
                self.button.click()  # as a second click on » does
            event.accept()
            return True
        return False
