"""The row of buttons over a page view (the page pane's, the print preview's): each a sign
and a word or two («+ ขยาย»: bare signs told a new clerk little). Where the words do not
fit beside the page and zoom line, the line goes under them; where the words alone do not
fit, the signs stand alone (the pane beside the table may be 300 points wide)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from ..thai.digits import to_thai_digits

# the longest page and zoom line of a report of `pages` pages: its room is kept for it
WIDEST_LINE = "หน้า {pages} จาก {pages} · 400 %"


class PageBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: dict[str, QToolButton] = {}
        self._texts: dict[str, tuple[str, str]] = {}  # key → (sign, sign and words)
        self._widths: dict[str, tuple[int, int]] = {}  # the same, measured
        self._trailing: list[QWidget] = []
        self.pages = 99  # for the room the line takes: its longest
        self.status = QLabel(self)
        self._row = QHBoxLayout()
        self._row.setContentsMargins(0, 0, 0, 0)
        self._below = QHBoxLayout()  # the line, when it has no room beside the buttons
        self._below.setContentsMargins(4, 0, 4, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self._row)
        layout.addLayout(self._below)
        self._row.addWidget(self.status, 1)
        self.words_shown = True
        self.line_below = False

    def add(self, key: str, sign: str, words: str, tip: str, slot: Callable[[], object],
            shortcut: str = "") -> QToolButton:
        """A button: `words` beside the sign («◀ หน้าก่อน», «หน้าถัดไป ▶»)."""
        button = QToolButton(self)
        button.setText(words)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        if shortcut:
            button.setShortcut(QKeySequence(shortcut))
        self._row.insertWidget(len(self.buttons), button)
        self.buttons[key] = button
        self._texts[key] = (sign, words)
        self._measure()
        return button

    def add_trailing(self, widget: QWidget) -> None:
        """A widget after the line, at the row's end («พิมพ์…», «ปิด»)."""
        self._row.addWidget(widget)
        self._trailing.append(widget)

    # ------------------------------------------------------------ fitting
    def _measure(self) -> None:
        for key, button in self.buttons.items():
            shown = button.text()
            widths = []
            for text in self._texts[key]:
                button.setText(text)
                widths.append(button.sizeHint().width())
            button.setText(shown)
            self._widths[key] = (widths[0], widths[1])
            # no narrower than its sign, but not held at its words' width either: the
            # pane could not be made narrower than the words (fit drops them)
            button.setMinimumWidth(widths[0])

    def _needed(self, words: bool, line: bool) -> int:
        spacing = max(self._row.spacing(), 0)
        parts = [self._widths[key][1 if words else 0] for key in self.buttons]
        parts += [w.sizeHint().width() for w in self._trailing]
        if line:
            sample = to_thai_digits(WIDEST_LINE.format(pages=self.pages))
            parts.append(self.status.fontMetrics().horizontalAdvance(sample) + 8)
        return sum(parts) + spacing * (len(parts) - 1)

    def fit(self) -> None:
        """The words and the line in one row where they fit; else the words, the line
        under them; else the signs and the line; else the line under the signs."""
        if not self._widths:
            self._measure()
        room = self.width()
        for words, below in ((True, False), (True, True), (False, False), (False, True)):
            if self._needed(words, not below) <= room:
                break
        if words != self.words_shown:
            self.words_shown = words
            for key, button in self.buttons.items():
                button.setText(self._texts[key][1 if words else 0])
        if below != self.line_below:
            self.line_below = below
            if below:
                self._row.removeWidget(self.status)
                self._below.addWidget(self.status, 1)
            else:
                self._below.removeWidget(self.status)
                self._row.insertWidget(len(self.buttons), self.status, 1)

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.Polish):
            self._widths.clear()  # measured again at the next fit
        result = super().event(event)
        if kind in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.FontChange):
            self.fit()
        return result
