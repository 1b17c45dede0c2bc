"""Where the find box stands: clear of the cell or field it found, and of the window's
panes where it can be, inside the screen. A new clerk's find box, at the window's bottom
right, hid the page pane and, as often as not, the very cell it had jumped to."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractItemView, QWidget

GAP = 16  # from the window's edge and from what was found


def visible_rect(widget: QWidget) -> QRect:
    """The part of `widget` in sight, in global coordinates (its scroll area's view)."""
    rect = widget.visibleRegion().boundingRect()
    return QRect(widget.mapToGlobal(rect.topLeft()), rect.size())


def cell_rect(table: QAbstractItemView, row: int, column: int) -> QRect:
    """The cell's part in sight in the table, in global coordinates."""
    viewport = table.viewport()
    rect = table.visualRect(table.model().index(row, column)).intersected(viewport.rect())
    return QRect(viewport.mapToGlobal(rect.topLeft()), rect.size())


def _area(a: QRect, b: QRect) -> int:
    both = a.intersected(b)
    return both.width() * both.height() if both.isValid() else 0


def place_clear_of(dialog: QWidget, found: QRect, panes: list[QRect], top: int,
                   always: bool = False) -> None:
    """Move `dialog` off `found` (where it is, it stays unless it covers it, or `always`):
    to the window's corners (its top at `top`, under the menu and toolbars), beside what
    was found or beside the window, whichever hides least of what was found, then of
    `panes`."""
    frame = dialog.frameGeometry()
    if not always and not frame.intersects(found):
        return
    parent = dialog.parentWidget()
    screen = dialog.screen().availableGeometry()
    window = parent.window().frameGeometry() if parent is not None else screen
    w, h = frame.width(), frame.height()
    right, bottom = window.right() - w - GAP, window.bottom() - h - GAP
    left = window.left() + GAP
    spots = [(right, bottom), (right, top), (left, bottom), (left, top),
             (right, found.top() - h - GAP), (right, found.bottom() + GAP),
             (left, found.top() - h - GAP), (left, found.bottom() + GAP),
             (found.right() + GAP, found.top()), (found.left() - w - GAP, found.top()),
             (window.right() + GAP, top), (left, window.bottom() + GAP)]

    def inside(x: int, y: int) -> QRect:
        x = min(max(x, screen.left()), screen.right() - w + 1)
        y = min(max(y, screen.top()), screen.bottom() - h + 1)
        return QRect(x, y, w, h)

    def cost(rect: QRect) -> tuple[int, int]:
        return _area(rect, found), sum(_area(rect, pane) for pane in panes)

    best = min((inside(x, y) for x, y in spots), key=cost)  # the first of the least
    if best.topLeft() != frame.topLeft():
        dialog.move(best.topLeft())  # a window's place is its frame's
