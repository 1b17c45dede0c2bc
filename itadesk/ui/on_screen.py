"""Every dialog inside the screen as it shows, its buttons in reach. A laptop at 150 % is
910 × 512 points: dialogs made for 1000 × 720 (the print preview) had their «ปิด» off the
screen's edge, and Qt's own place for a dialog, over the middle of its parent, could be a
few points past it. One filter on the application does it for every window, Qt's own
dialogs (printing, files, questions) included.

What must fit is the window with its frame (title bar, borders). On X11 a window manager
adds the frame only after the window is mapped, so as it shows Qt knows no frame: fitted
then, a dialog's buttons touched the screen's bottom under openbox and the print preview
ran off it by its title bar. The frame is guessed from a window that has one (the main
window), and the dialog is fitted again once its own frame is known."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QMargins, QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

# windows that place themselves beside what they belong to (a window's type is a value
# of its own, not a set of bits: Dialog & Popup is Window)
PLACED_BY_QT = (Qt.WindowType.Popup, Qt.WindowType.ToolTip, Qt.WindowType.SplashScreen)
MARGIN = 4  # points left between a frame and the screen's edge: an edge is not a button's
# a title bar and borders where no window shows one yet (openbox at 150 %: 13 and 1 points)
GUESSED_FRAME = QMargins(4, 30, 4, 4)
REFIT_SECONDS = 2.0  # the window manager's frame comes within this of the show


def fitted(room: QRect, inner: QRect, frame: QMargins, least: QSize,
           margin: int = MARGIN) -> QRect:
    """Where a window's inside (inner) goes so that it and its frame are inside room, a
    margin from its edges: as large as it was or as the room allows, never below least
    (what its layout needs), moved no further than it must."""
    free = room.adjusted(margin, margin, -margin, -margin)
    side, top = frame.left() + frame.right(), frame.top() + frame.bottom()
    width = max(min(inner.width(), free.width() - side), least.width())
    height = max(min(inner.height(), free.height() - top), least.height())
    # the frame's top left, kept where it was if it can be
    x = min(max(inner.x() - frame.left(), free.left()), free.left() + free.width() - width - side)
    y = min(max(inner.y() - frame.top(), free.top()), free.top() + free.height() - height - top)
    x, y = max(x, free.left()), max(y, free.top())
    return QRect(x + frame.left(), y + frame.top(), width, height)


def frame_of(window: QWidget) -> QMargins:
    """The window's frame: its own once the window manager has put it on, else another
    top-level window's (the main window's), else a title bar's worth where there is a
    window manager to add one."""
    own = _margins(window)
    if own is not None:
        return own
    for other in QApplication.topLevelWidgets():
        if other is not window and other.isVisible():
            known = _margins(other)
            if known is not None:
                return QMargins(max(known.left(), 1), known.top(), max(known.right(), 1),
                                max(known.bottom(), 1))
    if QGuiApplication.platformName() in ("offscreen", "minimal", "windows", "cocoa"):
        return QMargins()  # none, or Qt knows it before the window shows
    return QMargins(GUESSED_FRAME)


def _margins(window: QWidget) -> QMargins | None:
    frame, inner = window.frameGeometry(), window.geometry()
    if frame == inner:
        return None
    return QMargins(inner.left() - frame.left(), inner.top() - frame.top(),
                    frame.right() - inner.right(), frame.bottom() - inner.bottom())


def keep_on_screen(window: QWidget) -> None:
    """Smaller where the screen is smaller (never below what its layout needs), and moved
    inside the screen's free room (the taskbar's place left alone)."""
    room = window.screen().availableGeometry()
    frame = frame_of(window)
    inner = window.geometry()
    if room.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN).contains(inner.marginsAdded(frame)):
        return
    least = window.minimumSizeHint().expandedTo(window.minimumSize())
    place = fitted(room, inner, frame, least)
    if place.size() != inner.size():
        window.resize(place.size())
    # move() places the frame's corner (the window manager's, once it has one)
    window.move(place.x() - frame.left(), place.y() - frame.top())


class OnScreen(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._shown: dict[int, float] = {}  # id of a window just shown: until when to refit
        self._fitting = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Show and _fits(watched):
            watched.event(event)  # its own placing first: a dialog centres itself here
            keep_on_screen(watched)  # type: ignore[arg-type]
            self._shown[id(watched)] = time.monotonic() + REFIT_SECONDS
            return True  # handled: not a second time
        if kind in (QEvent.Type.Move, QEvent.Type.Resize) and id(watched) in self._shown:
            # the window manager's frame came (it moves the window): fitted with it, once;
            # later moves are the clerk's own
            if time.monotonic() > self._shown[id(watched)]:
                del self._shown[id(watched)]
            elif _margins(watched) is not None:  # type: ignore[arg-type]
                del self._shown[id(watched)]
                keep_on_screen(watched)  # type: ignore[arg-type]
        elif kind == QEvent.Type.Resize and not self._fitting and _fits(watched) and (
                watched.isVisible()):  # type: ignore[attr-defined]
            # grown while open (Qt's print dialog's «ตัวเลือก >>» ran off the screen's
            # bottom at 150 %, its buttons with it): back inside
            self._fitting = True
            try:
                keep_on_screen(watched)  # type: ignore[arg-type]
            finally:
                self._fitting = False
        elif kind == QEvent.Type.Hide:
            self._shown.pop(id(watched), None)
        return False


def _fits(watched: QObject) -> bool:
    return isinstance(watched, QWidget) and watched.isWindow() and not isinstance(
        watched, QMainWindow) and watched.windowType() not in PLACED_BY_QT


def keep_windows_on_screen(app: QApplication) -> None:
    if getattr(app, "_on_screen", None) is None:
        app._on_screen = OnScreen(app)  # type: ignore[attr-defined]
        app.installEventFilter(app._on_screen)  # type: ignore[attr-defined]
