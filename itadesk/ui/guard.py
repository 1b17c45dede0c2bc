"""The window's guard: every action ends in a Thai message box, never a traceback.

Three layers, each catching what the one before cannot:
- `guarded` wraps the window's actions (import, export, save, merge, restore …): the
  clerk sees the message, the action returns None, the window goes on;
- every menu and toolbar action's slot runs under `run_guarded` (MainWindow._action);
- `install()` sets sys.excepthook (a slot of any other signal, a timer, an event handler)
  and Qt's message handler, so even those end in a message box, and Qt's own critical
  and fatal messages reach the log file.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QWidget

from ..guard import Told, explain, write_log

APP_TITLE = "ITA Desk"
_showing: list[bool] = []  # a message box is up: a second failure meanwhile is only logged


def tell(parent: QWidget | None, exc: BaseException, context: str = "") -> Told:
    """Show what went wrong: the Thai message, the English line below it for support."""
    from PySide6.QtWidgets import QMessageBox

    told = explain(exc, context)
    if _showing or QApplication.instance() is None:
        return told
    _showing.append(True)
    try:
        # the window's own way of telling (it offers a way out for some errors: a copy of
        # a read-only library to edit)
        show_error = getattr(parent, "show_error", None)
        if show_error is not None:
            show_error(told.thai, told.english)
        else:
            box = QMessageBox(QMessageBox.Icon.Warning, APP_TITLE, told.thai, parent=parent)
            box.setInformativeText(told.english)
            box.exec()
    finally:
        _showing.pop()
    return told


def guarded[F: Callable[..., Any]](method: F) -> F:
    """For a window's action method: any exception is told, and the method gives None."""

    @functools.wraps(method)
    def run(self: QWidget, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except Exception as exc:
            tell(self, exc, f"window: {method.__name__}")
            return None

    return run  # type: ignore[return-value]


def run_guarded(parent: QWidget, slot: Callable[[], object]) -> None:
    try:
        slot()
    except Exception as exc:
        tell(parent, exc, f"window: {getattr(slot, '__name__', slot)}")


def _excepthook(kind: type[BaseException], exc: BaseException, tb: object) -> None:
    if not isinstance(exc, Exception):  # KeyboardInterrupt, SystemExit: as Python does
        sys.__excepthook__(kind, exc, tb)  # type: ignore[arg-type]
        return
    tell(QApplication.activeWindow(), exc, "window: uncaught")


def _qt_message(kind: QtMsgType, context: Any, message: str) -> None:
    if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        # Qt ends the program after a fatal message: at least it is in the log
        write_log(f"Qt {kind.name}: {message} ({context.file}:{context.line})")
    if sys.stderr is not None:  # None in the windowed bundle
        sys.stderr.write(f"{kind.name}: {message}\n")


def install() -> None:
    sys.excepthook = _excepthook
    qInstallMessageHandler(_qt_message)
