"""The program's file dialogs: Qt's own (in Thai, ui/translation.py), with the size and
the date of each file as a clerk reads them elsewhere in the window, "๑๒.๑ กิโลไบต์" and
"๕ มี.ค. ๒๕๖๙ ๑๔:๐๗" (Qt's model writes "12.1 KiB" and "3/5/26 2:07 PM" in the
system's language, Gregorian, whatever the translation says).

The functions take and return what QFileDialog's static ones do, so that every place that
asks for a file asks here; the static ones make their dialog inside, out of reach of
`setProxyModel`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6 import QtCore
from PySide6.QtCore import QIdentityProxyModel, QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QWidget

from ..thai.dates import SHORT_MONTHS, be_year
from ..thai.digits import to_thai_digits

# QFileSystemModel's columns: name, size, type, date modified
SIZE, DATE = 1, 3
UNITS = ("ไบต์", "กิโลไบต์", "เมกะไบต์", "กิกะไบต์", "เทระไบต์")


def size_text(size: int) -> str:
    """"๕๑๒ ไบต์", "๑๒.๑ กิโลไบต์", "๑๕๐ เมกะไบต์": steps of 1024 as in Qt's own, one
    decimal below a hundred of a unit (no more figures than the clerk needs)."""
    value, unit = float(size), 0
    while value >= 1024 and unit < len(UNITS) - 1:
        value /= 1024
        unit += 1
    figures = f"{size}" if unit == 0 else (f"{value:.1f}" if value < 100 else f"{value:.0f}")
    return to_thai_digits(f"{figures} {UNITS[unit]}")


def date_text(moment: dt.datetime) -> str:
    """"๕ มี.ค. ๒๕๖๙ ๑๔:๐๗": the Buddhist era's whole year (a two-figure year reads as
    a Gregorian one), the time in 24 hours as Thai offices write it."""
    return to_thai_digits(f"{moment.day} {SHORT_MONTHS[moment.month - 1]} "
                          f"{be_year(moment.year)} {moment:%H:%M}")


class ThaiFileColumns(QIdentityProxyModel):
    """The file system model as it is, but for the text of its Size and Date Modified
    cells (sorting, icons and the rest are the model's own)."""

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = QtCore.Qt.ItemDataRole.DisplayRole) -> Any:
        if role == QtCore.Qt.ItemDataRole.DisplayRole and index.column() in (SIZE, DATE):
            model = self.sourceModel()
            if isinstance(model, QFileSystemModel):
                source = self.mapToSource(index)
                if index.column() == SIZE:
                    # a folder or a drive has no size shown, as in Qt's own
                    return "" if model.isDir(source) else size_text(model.size(source))
                when = model.lastModified(source)
                return date_text(when.toPython()) if when.isValid() else ""
        return super().data(index, role)


def file_dialog(parent: QWidget | None, caption: str, directory: str,
                file_filter: str) -> QFileDialog:
    """`directory` may end in a file's name: it is the name proposed (as in the static
    functions)."""
    dialog = QFileDialog(parent, caption, directory, file_filter)
    dialog.setProxyModel(ThaiFileColumns(dialog))
    return dialog


def _run(dialog: QFileDialog) -> tuple[list[str], str]:
    """The files chosen and the filter they were chosen with; nothing if cancelled."""
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted:
            return [], ""
        return dialog.selectedFiles(), dialog.selectedNameFilter()
    finally:
        dialog.deleteLater()


def open_file_name(parent: QWidget | None, caption: str = "", directory: str = "",
                   file_filter: str = "") -> tuple[str, str]:
    dialog = file_dialog(parent, caption, directory, file_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    files, chosen = _run(dialog)
    return (files[0], chosen) if files else ("", "")


def open_file_names(parent: QWidget | None, caption: str = "", directory: str = "",
                    file_filter: str = "") -> tuple[list[str], str]:
    dialog = file_dialog(parent, caption, directory, file_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return _run(dialog)


def save_file_name(parent: QWidget | None, caption: str = "", directory: str = "",
                   file_filter: str = "") -> tuple[str, str]:
    dialog = file_dialog(parent, caption, directory, file_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    files, chosen = _run(dialog)
    return (files[0], chosen) if files else ("", "")


def existing_directory(parent: QWidget | None, caption: str = "",
                       directory: str = "") -> str:
    dialog = file_dialog(parent, caption, directory, "")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    files, _chosen = _run(dialog)
    return files[0] if files else ""
