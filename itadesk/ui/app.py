"""Start-up: Qt, fonts, the library (with a Thai answer to every way it can fail)."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from ..store.errors import (
    CorruptLibrary,
    FolderNotWritable,
    LibraryError,
    LibraryInUse,
    LoginFailed,
    NewerLibrary,
    NotALibrary,
    ServerUnreachable,
)
from ..store.location import Location, is_server, local_library_path
from . import guard
from .fonts import load_fonts, ui_font
from .library_name import LOCAL, location_name
from .main_window import APP_TITLE, MainWindow

if TYPE_CHECKING:
    from ..store import Backup, Library

QUIT_WHEN_SHOWN = "ITADESK_QUIT_WHEN_SHOWN"
FILE_FILTER = "คลังรายงาน ITA Desk (*.sqlite);;ทุกไฟล์ (*)"


def make_app(argv: list[str] | None = None) -> QApplication:
    app = start_app(argv)
    before_dialogs(app)
    return app


def before_dialogs(app: QApplication) -> None:
    """Qt's own dialogs in Thai, every dialog inside the screen (after the first paint,
    before the first question)."""
    from .on_screen import keep_windows_on_screen
    from .translation import own_dialogs

    own_dialogs()
    keep_windows_on_screen(app)


def start_app(argv: list[str] | None = None) -> QApplication:
    """The application as its first paint needs it: Thai, its fonts (make_app: all of it)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName(APP_TITLE)
    app.setOrganizationName("ITA Desk")
    if not getattr(app, "_thai", False):
        from .translation import install

        app._thai = install(app)  # type: ignore[attr-defined]
    load_fonts()
    app.setFont(ui_font())
    return app


def open_library(path: Location, parent: QWidget | None = None) -> Library | None:
    """Open, or ask the clerk what to do; None when the clerk gives up."""
    from PySide6.QtWidgets import QMessageBox

    from ..demo import demo_reports
    from ..store.library import Library  # read once the window is painted (run)

    while True:
        try:
            # The start-up backup is taken once the window shows (run), not before it.
            # A first start makes a library file with the demo reports, all or nothing;
            # never the office's server library, which every clerk would then find them in.
            demos = None if is_server(path) else demo_reports
            return Library.open(path, take_backup=False, first_reports=demos)
        except (LibraryInUse, ServerUnreachable, LoginFailed) as exc:
            text, local = exc.message, None
            if is_server(path):  # the office's report is there: said, and a way on offered
                text = (f"{location_name(path)}\n\n{exc.message}\n\nจะเปิด{LOCAL}แทนก็ได้ "
                        "(รายงานของสำนักงานยังอยู่ที่เครื่องแม่ข่าย ครั้งหน้าที่เปิดโปรแกรม"
                        "จะลองติดต่ออีกครั้ง)")
            box = QMessageBox(QMessageBox.Icon.Warning, APP_TITLE, text, parent=parent)
            box.setInformativeText(exc.english)
            retry = box.addButton("ลองอีกครั้ง", QMessageBox.ButtonRole.AcceptRole)
            if is_server(path):
                local = box.addButton(f"เปิด{LOCAL}", QMessageBox.ButtonRole.ActionRole)
            box.addButton("ออก", QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is retry:
                continue
            if local is not None and box.clickedButton() is local:
                path = local_library_path()
                continue
            return None
        except CorruptLibrary as exc:
            if not _offer_backup(path, exc, parent):
                return None
            continue
        except (NotALibrary, NewerLibrary, FolderNotWritable) as exc:
            other = _offer_other_library(path, exc, parent)
            if other is None:
                return None
            path = other
            continue


def _offer_other_library(path: Path, exc: LibraryError, parent: QWidget | None) -> Path | None:
    from PySide6.QtWidgets import QMessageBox

    from . import file_dialogs

    box = QMessageBox(QMessageBox.Icon.Warning, APP_TITLE, exc.message, parent=parent)
    new = box.addButton("สร้างคลังรายงานใหม่…", QMessageBox.ButtonRole.AcceptRole)
    other = box.addButton("เปิดไฟล์อื่น…", QMessageBox.ButtonRole.ActionRole)
    box.addButton("ออก", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    start = str(Path.home() / "ITA Desk.sqlite")
    if box.clickedButton() is new:
        name, _ = file_dialogs.save_file_name(parent, "สร้างคลังรายงานใหม่", start, FILE_FILTER)
        return Path(name) if name else None
    if box.clickedButton() is other:
        name, _ = file_dialogs.open_file_name(parent, "เปิดคลังรายงาน", str(path.parent),
                                              FILE_FILTER)
        return Path(name) if name else None
    return None


def choose_backup(parent: QWidget | None, title: str, text: str,
                  backups: list[Backup]) -> Backup | None:
    """The clerk picks a copy by its date (newest first); None if they cancel."""
    from PySide6.QtWidgets import QInputDialog

    labels = [b.label for b in backups]
    choice, ok = QInputDialog.getItem(parent, title, text, labels, 0, False)
    return backups[labels.index(choice)] if ok else None


def _offer_backup(path: Path, exc: CorruptLibrary, parent: QWidget | None) -> bool:
    """Offer the damaged library's own copies; True once one is put back."""
    from PySide6.QtWidgets import QMessageBox

    if not exc.backups:
        QMessageBox.critical(parent, APP_TITLE, exc.message + "\nแต่ยังไม่มีสำเนาสำรองของคลังนี้")
        return False
    chosen = choose_backup(parent, APP_TITLE, exc.message + "\n\nเลือกสำเนาสำรองที่จะเรียกคืน "
                           "(ไฟล์ที่เสียหายจะเก็บไว้ข้างกัน ไม่ถูกลบ):", exc.backups)
    if chosen is None:
        return False
    from ..store.backup import restore_damaged

    try:
        restore_damaged(path, chosen)
    except LibraryError as failed:  # then the copies are offered again
        QMessageBox.critical(parent, APP_TITLE, failed.message)
    return True


class AfterFirstPaint(QObject):
    """Calls `then` once the widget has been painted (or after a while, if it never is:
    a window started minimised)."""

    def __init__(self, widget: QWidget, then: Callable[[], object],
                 at_latest_ms: int = 3000) -> None:
        super().__init__(widget)
        self._widget = widget
        self._then: Callable[[], object] | None = then
        widget.installEventFilter(self)
        QTimer.singleShot(at_latest_ms, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self._fire)  # after this paint reaches the screen
        return False

    def _fire(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            self._widget.removeEventFilter(self)
            then()


def _tell_reader(line: str) -> None:
    """A line for whoever started the window to measure or check it; one that has read
    enough and gone (`grep -q shown`) leaves the pipe closed, which is no failure."""
    with contextlib.suppress(OSError, ValueError):
        print(line, flush=True)


def run(library_path: Path, argv: list[str] | None = None) -> int:
    """The window first, empty; once it is painted the library is read into it and the
    report open last time reopened; once that is painted, the start-up backup. The clerk
    sees the window at once, and every question about the library comes over it."""
    app = start_app(argv)
    guard.install()
    try:
        window = MainWindow()
        window.show_as_left()
    except Exception as exc:  # no window: the message box is the clerk's only answer
        guard.tell(None, exc, "window: start")
        return 1
    quit_when_shown = bool(os.environ.get(QUIT_WHEN_SHOWN))
    opened: list[Library] = []

    def fill() -> None:
        if quit_when_shown:  # for the start-up benchmark and the bundle's smoke test
            _tell_reader(f"shown (cpu {time.process_time() * 1000:.1f} ms)")
        from ..export.files import cleanup_leftovers

        before_dialogs(app)  # before the first question about the library
        cleanup_leftovers()  # what a killed export left behind goes at the next start
        try:
            library = open_library(library_path, window)
            if library is not None:
                opened.append(library)
                window.attach(library)
        except Exception as exc:  # the library could not be shown: nothing to go on with
            guard.tell(window, exc, "window: start")
            library = None
        if library is None:
            app.exit(1)
            return
        guard.run_guarded(window, window.resumer.resume)
        window.update()  # a paint of the window with its library: then the backup
        AfterFirstPaint(window, filled)

    def filled() -> None:
        if quit_when_shown:
            _tell_reader("filled")
        # The copy of the library waits for the library to be on the screen: a large one,
        # or one on a file server, takes a while to copy.
        window.take_startup_backup()
        if quit_when_shown:
            app.quit()

    AfterFirstPaint(window, fill)
    try:
        return app.exec()
    finally:
        for library in opened:
            library.close()
