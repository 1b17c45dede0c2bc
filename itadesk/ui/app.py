"""Start-up: Qt, fonts, the library (with a Thai answer to every way it can fail)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox, QWidget

from ..store import (
    CorruptLibrary,
    FolderNotWritable,
    Library,
    LibraryError,
    LibraryInUse,
    NewerLibrary,
    NotALibrary,
)
from ..store.backup import list_backups
from .fonts import load_fonts, ui_font
from .main_window import APP_TITLE, MainWindow

QUIT_WHEN_SHOWN = "ITADESK_QUIT_WHEN_SHOWN"
FILE_FILTER = "คลังรายงาน ITA Desk (*.sqlite);;ทุกไฟล์ (*)"


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName(APP_TITLE)
    app.setOrganizationName("ITA Desk")
    load_fonts()
    app.setFont(ui_font())
    return app


def open_library(path: Path, parent: QWidget | None = None) -> Library | None:
    """Open, or ask the clerk what to do; None when the clerk gives up."""
    while True:
        try:
            # The start-up backup is taken once the window shows (run), not before it.
            library = Library.open(path, take_backup=False)
        except LibraryInUse as exc:
            box = QMessageBox(QMessageBox.Icon.Warning, APP_TITLE, exc.message, parent=parent)
            retry = box.addButton("ลองอีกครั้ง", QMessageBox.ButtonRole.AcceptRole)
            box.addButton("ออก", QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is retry:
                continue
            return None
        except CorruptLibrary as exc:
            restored = _offer_backup(path, exc, parent)
            if restored is None:
                return None
            continue
        except (NotALibrary, NewerLibrary, FolderNotWritable) as exc:
            other = _offer_other_library(path, exc, parent)
            if other is None:
                return None
            path = other
            continue
        if library.created:
            from ..demo import add_demo_reports

            add_demo_reports(library)
        return library


def _offer_other_library(path: Path, exc: LibraryError, parent: QWidget | None) -> Path | None:
    box = QMessageBox(QMessageBox.Icon.Warning, APP_TITLE, exc.message, parent=parent)
    new = box.addButton("สร้างคลังรายงานใหม่…", QMessageBox.ButtonRole.AcceptRole)
    other = box.addButton("เปิดไฟล์อื่น…", QMessageBox.ButtonRole.ActionRole)
    box.addButton("ออก", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    start = str(Path.home() / "ITA Desk.sqlite")
    if box.clickedButton() is new:
        name, _ = QFileDialog.getSaveFileName(parent, "สร้างคลังรายงานใหม่", start, FILE_FILTER)
        return Path(name) if name else None
    if box.clickedButton() is other:
        name, _ = QFileDialog.getOpenFileName(parent, "เปิดคลังรายงาน", str(path.parent),
                                              FILE_FILTER)
        return Path(name) if name else None
    return None


def _offer_backup(path: Path, exc: LibraryError, parent: QWidget | None) -> Path | None:
    backups = list_backups(path)
    if not backups:
        QMessageBox.critical(parent, APP_TITLE, exc.message + "\nแต่ยังไม่มีสำเนาสำรองของคลังนี้")
        return None
    labels = [backup_label(b) for b in backups]
    choice, ok = QInputDialog.getItem(parent, APP_TITLE,
                                      exc.message + "\n\nเลือกสำเนาสำรองที่จะเรียกคืน:",
                                      labels, 0, False)
    if not ok:
        return None
    restore_backup(path, backups[labels.index(choice)])
    return path


def backup_label(backup: Path) -> str:
    stamp = backup.stem.rsplit("-", 3)
    try:
        moment = dt.datetime.strptime("-".join(stamp[-3:-1]), "%Y%m%d-%H%M%S")
    except ValueError:
        return backup.name
    return moment.strftime("%d/%m/") + str(moment.year + 543) + moment.strftime(" %H:%M:%S")


def restore_backup(library: Path, backup: Path, kept_as: str = "damaged") -> Path:
    """Put a backup in the library's place; the file it replaces is kept beside it,
    renamed (library-damaged-….sqlite, or -replaced- for a restore the clerk chose)."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = library.with_name(f"{library.stem}-{kept_as}-{stamp}{library.suffix}")
    tmp = library.with_name(f".{library.name}.restore.tmp")
    shutil.copyfile(backup, tmp)
    if library.exists():
        os.replace(library, kept)
    for suffix in ("-wal", "-shm"):
        side = Path(f"{library}{suffix}")
        if side.exists():
            os.replace(side, Path(f"{kept}{suffix}"))
    os.replace(tmp, library)
    return kept


def run(library_path: Path, argv: list[str] | None = None) -> int:
    app = make_app(argv)
    library = open_library(library_path)
    if library is None:
        return 1
    window = MainWindow(library)
    window.show()
    QTimer.singleShot(0, library.take_backup)
    if os.environ.get(QUIT_WHEN_SHOWN):
        # for the start-up benchmark and the bundle's smoke test: one turn of the loop
        QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
    try:
        return app.exec()
    finally:
        library.close()
