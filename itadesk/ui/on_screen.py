"""Every dialog inside the screen as it shows, its buttons in reach. A laptop at 150 % is
910 × 512 points: dialogs made for 1000 × 720 (the print preview) had their «ปิด» off the
screen's edge, and Qt's own place for a dialog, over the middle of its parent, could be a
few points past it. One filter on the application does it for every window, Qt's own
dialogs (printing, files, questions) included."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

# windows that place themselves beside what they belong to (a window's type is a value
# of its own, not a set of bits: Dialog & Popup is Window)
PLACED_BY_QT = (Qt.WindowType.Popup, Qt.WindowType.ToolTip, Qt.WindowType.SplashScreen)


def keep_on_screen(window: QWidget) -> None:
    """Smaller where the screen is smaller (never below what its layout needs), and moved
    inside the screen's free room (the taskbar's place left alone)."""
    room = window.screen().availableGeometry()
    frame, inner = window.frameGeometry(), window.geometry()
    if room.contains(frame):
        return
    # the borders and title bar the window manager adds (nothing without one)
    side, top = frame.width() - inner.width(), frame.height() - inner.height()
    least = window.minimumSizeHint().expandedTo(window.minimumSize())
    width = max(min(inner.width(), room.width() - side), least.width())
    height = max(min(inner.height(), room.height() - top), least.height())
    if (width, height) != (inner.width(), inner.height()):
        window.resize(width, height)
    x = min(max(frame.x(), room.left()), room.left() + room.width() - width - side)
    y = min(max(frame.y(), room.top()), room.top() + room.height() - height - top)
    window.move(max(x, room.left()), max(y, room.top()))


class OnScreen(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and (
                watched.isWindow() and not isinstance(watched, QMainWindow)
                and watched.windowType() not in PLACED_BY_QT):
            watched.event(event)  # its own placing first: a dialog centres itself here
            keep_on_screen(watched)
            return True  # handled: not a second time
        return False


def keep_windows_on_screen(app: QApplication) -> None:
    if getattr(app, "_on_screen", None) is None:
        app._on_screen = OnScreen(app)  # type: ignore[attr-defined]
        app.installEventFilter(app._on_screen)  # type: ignore[attr-defined]
