"""The program's file dialogs: Qt's own (in Thai, ui/translation.py), with the size and
the date of each file as a clerk reads them elsewhere in the window, "๑๒.๑ กิโลไบต์" and
"๕ มี.ค. ๒๕๖๙ ๑๔:๐๗", its type in the words of the program's filters ("เอกสาร Word").
Qt's model writes "12.10 KiB", "5 03 2026 14:07" and the system's "PDF document".

The functions take and return what QFileDialog's static ones do, so that every place that
asks for a file asks here; the static ones make their dialog inside, out of reach of
`setProxyModel`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6 import QtCore
from PySide6.QtCore import QIdentityProxyModel, QModelIndex, QPersistentModelIndex, QSize
from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QHeaderView, QTreeView, QWidget

from ..thai.dates import SHORT_MONTHS, be_year
from ..thai.digits import to_thai_digits

# QFileSystemModel's columns: name, size, type, date modified
NAME, SIZE, TYPE, DATE = 0, 1, 2, 3
UNITS = ("ไบต์", "กิโลไบต์", "เมกะไบต์", "กิกะไบต์", "เทระไบต์")
# The type of a file by its ending, in the words of the program's own filters (Qt's model
# takes the system's description, in English where it has no Thai: "PDF document").
TYPES = (
    (".itadesk.json", "รายงาน ITA Desk"), (".json", "ไฟล์ JSON"), (".docx", "เอกสาร Word"),
    (".doc", "เอกสาร Word"), (".pdf", "เอกสาร PDF"), (".sqlite", "ไฟล์คลังรายงาน (SQLite)"),
    (".xlsx", "ตาราง Excel"), (".xls", "ตาราง Excel"), (".csv", "ตาราง CSV"),
    (".png", "รูปภาพ PNG"), (".jpg", "รูปภาพ JPEG"), (".jpeg", "รูปภาพ JPEG"),
    (".p12", "ใบรับรอง"), (".pfx", "ใบรับรอง"), (".txt", "ข้อความ"),
)


def size_text(size: int) -> str:
    """"๕๑๒ ไบต์", "๑๒.๑ กิโลไบต์", "๑๕๐ เมกะไบต์": steps of 1024 as in Qt's own, one
    decimal below a hundred of a unit (no more figures than the clerk needs)."""
    value, unit = float(size), 0
    while value >= 1024 and unit < len(UNITS) - 1:
        value /= 1024
        unit += 1
    figures = f"{size}" if unit == 0 else (f"{value:.1f}" if value < 100 else f"{value:.0f}")
    return to_thai_digits(f"{figures} {UNITS[unit]}")


def type_text(name: str) -> str:
    """"เอกสาร Word" for รายงาน.docx; another file by its ending ("ไฟล์ .zip")."""
    lower = name.lower()
    for ending, text in TYPES:
        if lower.endswith(ending):
            return text
    suffix = lower.rpartition(".")[2] if "." in lower.lstrip(".") else ""
    return f"ไฟล์ .{suffix}" if suffix else "ไฟล์"


def date_text(moment: dt.datetime) -> str:
    """"๕ มี.ค. ๒๕๖๙ ๑๔:๐๗": the Buddhist era's whole year (a two-figure year reads as
    a Gregorian one), the time in 24 hours as Thai offices write it."""
    return to_thai_digits(f"{moment.day} {SHORT_MONTHS[moment.month - 1]} "
                          f"{be_year(moment.year)} {moment:%H:%M}")


class ThaiFileColumns(QIdentityProxyModel):
    """The file system model as it is, but for the text of its Size, Type and Date
    Modified cells (sorting, icons and the rest are the model's own)."""

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = QtCore.Qt.ItemDataRole.DisplayRole) -> Any:
        column = index.column()
        if role == QtCore.Qt.ItemDataRole.DisplayRole and column != NAME:
            model = self.sourceModel()
            if isinstance(model, QFileSystemModel):
                source = self.mapToSource(index)
                folder = model.isDir(source)
                if column == SIZE:  # a folder or a drive has no size, as in Qt's own
                    return "" if folder else size_text(model.size(source))
                if column == TYPE:  # a folder's and a drive's are in the translation
                    return super().data(index, role) if folder else type_text(
                        model.fileName(source))
                when = model.lastModified(source)
                return date_text(when.toPython()) if when.isValid() else ""
        return super().data(index, role)


def file_dialog(parent: QWidget | None, caption: str, directory: str,
                file_filter: str) -> QFileDialog:
    """`directory` may end in a file's name: it is the name proposed (as in the static
    functions)."""
    dialog = QFileDialog(parent, caption, directory, file_filter)
    dialog.setProxyModel(ThaiFileColumns(dialog))
    view = dialog.findChild(QTreeView, "treeView")
    if view is not None:
        # the size, type and date whole (their first widths were for Qt's shorter
        # texts, and cut "๕ มี.ค. ๒๕๖๙ ๑๔:๐๗" to "๕ มี.ค. …๙ ๑๔:๐๗"), the name the rest
        header = view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in (SIZE, TYPE, DATE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    # Qt's first size showed four names at a time at 1366 × 768
    window = parent.window() if parent is not None else None
    room = window.size() if window is not None else QSize(1280, 720)
    dialog.resize(min(960, room.width() * 3 // 4), min(600, room.height() * 3 // 4))
    return dialog


def _run(dialog: QFileDialog) -> tuple[list[str], str]:
    """The files chosen and the filter they were chosen with; nothing if cancelled."""
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted:
            return [], ""
        return dialog.selectedFiles(), dialog.selectedNameFilter()
    finally:
        dialog.deleteLater()


def _one(dialog: QFileDialog) -> tuple[str, str]:
    files, chosen = _run(dialog)
    return (files[0], chosen) if files else ("", "")


def open_file_name(parent: QWidget | None, caption: str = "", directory: str = "",
                   file_filter: str = "") -> tuple[str, str]:
    dialog = file_dialog(parent, caption, directory, file_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return _one(dialog)


def open_file_names(parent: QWidget | None, caption: str = "", directory: str = "",
                    file_filter: str = "") -> tuple[list[str], str]:
    dialog = file_dialog(parent, caption, directory, file_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return _run(dialog)


def save_file_name(parent: QWidget | None, caption: str = "", directory: str = "",
                   file_filter: str = "") -> tuple[str, str]:
    dialog = file_dialog(parent, caption, directory, file_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    return _one(dialog)


def existing_directory(parent: QWidget | None, caption: str = "",
                       directory: str = "") -> str:
    dialog = file_dialog(parent, caption, directory, "")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    files, _chosen = _run(dialog)
    return files[0] if files else ""
