"""Forms that take the shape of the width they have: at 150 % on a 1366 × 768 laptop (910
points, less with the page pane open) the report's form and the memo needed a horizontal
scroll bar. Where a form's fields would be left too little room beside their labels, the
labels go above the fields; boxes side by side go one under the other."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QBoxLayout, QFormLayout, QWidget

# How much room a field needs beside its label, in lines of the form's font (a line edit
# of about thirty Thai letters)
FIELD_ROOM = 14


def label_width(form: QFormLayout) -> int:
    """The width of the form's widest label."""
    widest = 0
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        if item is not None and item.widget() is not None:
            widest = max(widest, item.widget().sizeHint().width())
    return widest


class Reflow(QObject):
    """Watches the widths of the widgets given and reshapes what they hold:
    `form(layout, within)`: `layout`'s labels beside its fields while `within` leaves a
    field FIELD_ROOM lines (or `room` of them), above them where not;
    `boxes(layout, within, lines)`: side by side while `within` is `lines` lines wide,
    one under the other where not."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._forms: list[tuple[QFormLayout, QWidget, float]] = []
        self._boxes: list[tuple[QBoxLayout, QWidget, float]] = []
        self._line = parent.fontMetrics().height()

    def form(self, layout: QFormLayout, within: QWidget, room: float = FIELD_ROOM) -> None:
        self._forms.append((layout, within, room))
        self._watch(within)

    def boxes(self, layout: QBoxLayout, within: QWidget, lines: float) -> None:
        self._boxes.append((layout, within, lines))
        self._watch(within)

    def _watch(self, widget: QWidget) -> None:
        widget.installEventFilter(self)
        self.apply()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.apply()
        return False

    def apply(self) -> None:
        # the boxes first: the forms inside them are as wide as the boxes leave them
        for box, within, lines in self._boxes:
            direction = (QBoxLayout.Direction.LeftToRight
                         if within.width() >= lines * self._line
                         else QBoxLayout.Direction.TopToBottom)
            if box.direction() != direction:
                box.setDirection(direction)
        for form, within, room in self._forms:
            margins = form.contentsMargins()
            spare = (within.width() - margins.left() - margins.right() - label_width(form)
                     - max(form.horizontalSpacing(), 0))
            policy = (QFormLayout.RowWrapPolicy.DontWrapRows if spare >= room * self._line
                      else QFormLayout.RowWrapPolicy.WrapAllRows)
            if form.rowWrapPolicy() != policy:
                form.setRowWrapPolicy(policy)
