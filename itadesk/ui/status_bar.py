"""The window's status bar: a message too long for its room ends at a space with "…" (the
whole of it in the tooltip), clear of the labels on the right. Qt's own cut it mid-word
right against them, and the two read as one text ("…หรือเครื่เปิดรายงานนี้อยู่ด้วย: somying")."""

from __future__ import annotations

# QtCore.Qt, not Qt: Qt's namespace is made at its first use, not before the window's
# first paint (ui/app.py)
from PySide6 import QtCore
from PySide6.QtCore import QRect
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QStatusBar, QWidget

ELLIPSIS = "…"
GAP = 24  # pixels between the message and the first label on the right


class ClerkStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._right: list[QWidget] = []
        self._fit: tuple[str, int, str] = ("", 0, "")  # (message, room, what is drawn)
        self.messageChanged.connect(self.setToolTip)

    def addPermanentWidget(self, widget: QWidget, stretch: int = 0) -> None:
        self._right.append(widget)
        super().addPermanentWidget(widget, stretch)

    def removeWidget(self, widget: QWidget) -> None:
        if widget in self._right:
            self._right.remove(widget)
        super().removeWidget(widget)

    def room(self) -> int:
        """The message's width: up to the first label on the right, less a gap."""
        right = self.width() - 12
        for widget in self._right:
            if widget.isVisible() and widget.width() > 0:
                right = min(right, widget.x())
        return max(right - 6 - GAP, 40)

    def shown_message(self) -> str:
        """The message as it is drawn (currentMessage() is the whole of it)."""
        message, room = self.currentMessage(), self.room()
        if self._fit[:2] != (message, room):
            self._fit = (message, room, self._fitted(message, room))
        return self._fit[2]

    def _fitted(self, message: str, room: int) -> str:
        metrics = self.fontMetrics()
        line = " ".join(message.split())
        if metrics.horizontalAdvance(line) <= room:
            return line
        # at the last space that leaves room for "…" (a Thai message spaces its phrases;
        # the word segmenter is not loaded for this), else wherever it must
        room -= metrics.horizontalAdvance(ELLIPSIS)
        cut = line.rfind(" ")
        while cut > 0 and metrics.horizontalAdvance(line[:cut]) > room:
            cut = line.rfind(" ", 0, cut)
        if cut > 0:
            return line[:cut] + ELLIPSIS
        return metrics.elidedText(line, QtCore.Qt.TextElideMode.ElideRight,
                                  room + metrics.horizontalAdvance(ELLIPSIS))

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.currentMessage():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.drawText(QRect(6, 0, self.room(), self.height()),
                         QtCore.Qt.AlignmentFlag.AlignLeading | QtCore.Qt.AlignmentFlag.AlignVCenter
                         | QtCore.Qt.TextFlag.TextSingleLine, self.shown_message())
