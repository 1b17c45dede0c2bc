"""Thai everywhere: Qt's own buttons and dialogs in Thai, Thai digits, no stray English."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QMenu,
    QMessageBox,
    QToolBar,
    QTreeView,
    QWidget,
)

from itadesk.ui.app import make_app

from .test_table_habits import open_demo
from .test_window import open_window  # noqa: F401  (the fixture)
from .thai_words import foreign_in, foreign_words, latin_digits, menu_texts
from .ui_helpers import when_dialog_opens


def test_the_questions_buttons_are_thai(qtbot):
    make_app()
    box = QMessageBox(QMessageBox.Icon.Question, "ลบรายงาน", "ลบใช่หรือไม่?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    assert sorted(b.text() for b in box.buttons()) == sorted(["ใช่", "ไม่ใช่"])
    box = QMessageBox(QMessageBox.Icon.Question, "เรียกคืน", "เรียกคืนหรือไม่?",
                      QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    assert sorted(b.text() for b in box.buttons()) == sorted(["ตกลง", "ยกเลิก"])


def test_file_dialogs_are_qt_s_own_in_thai(qtbot, tmp_path):
    make_app()
    dialog = QFileDialog(None, "เลือกไฟล์", str(tmp_path), "ไฟล์ Word (*.docx)")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog) or (
        QApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs))
    assert not foreign_words(dialog), foreign_words(dialog)
    labels = {w.text() for w in dialog.findChildren(QWidget) if hasattr(w, "text")
              and isinstance(w.text(), str)}
    assert {"ค้นใน:", "ชื่อไฟล์:", "ชนิดไฟล์:"} <= labels, labels


def test_every_screen_and_dialog_speaks_thai(open_window, qtbot):  # noqa: F811
    window, _table = open_demo(open_window)
    found: dict[str, set[str]] = {}
    digits: dict[str, set[str]] = {}

    seen: list[str] = []

    off_screen: dict[str, tuple[object, object]] = {}

    def look(name: str, widget: QWidget) -> None:
        seen.append(name)
        room = widget.screen().availableGeometry()
        if widget is not window and not room.contains(widget.frameGeometry()):
            off_screen[name] = (widget.frameGeometry(), room)  # its buttons out of reach
        words = foreign_words(widget)
        if words:
            found[name] = words
        numbers = latin_digits(widget)
        if numbers:
            digits[name] = numbers

    def in_dialog(name: str, action: Callable[[], object]) -> None:
        def check(dialog: QWidget) -> None:
            qtbot.wait(50)
            look(name, dialog)
            if isinstance(dialog, QDialog):
                dialog.reject()
            else:
                dialog.close()
        when_dialog_opens(check)
        action()

    page = window.report_page
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        qtbot.wait(20)
        look(f"tab {page.tabs.tabText(index)}", window)
    window.show_checks()
    qtbot.wait(50)
    look("checks", window)
    in_dialog("about", window.about)
    window.show_help()
    look("help", window.help_dialog)
    window.help_dialog.close()
    in_dialog("export options", window.edit_export_options)
    in_dialog("print preview", window.print_preview)
    in_dialog("print", window.print_report)
    in_dialog("export to Word (file dialog)", window.export_docx)
    in_dialog("new report", window.new_report)
    in_dialog("ITA scores", window.plan_from_scores)
    window.find(replace=True)
    look("find and replace", window.find_dialog)
    window.find_dialog.close()
    window.show_library()
    qtbot.wait(20)
    look("library", window)
    in_dialog("delete question", window.library_page.delete_button.click)
    in_dialog("restore", window.restore_dialog)
    in_dialog("import", window.import_report)
    assert not found, found
    assert not digits, digits
    assert not off_screen, off_screen
    for name in ("about", "help", "export options", "print preview", "print",
                 "export to Word (file dialog)", "new report", "delete question", "restore",
                 "import", "ITA scores"):
        assert name in seen, (name, seen)


def test_keys_are_named_as_on_the_keyboard_or_in_thai(open_window, qtbot):  # noqa: F811
    """Menus (Qt writes their keys), the table's right-click menu, the buttons' tooltips
    and the help: the arrows are ลูกศรขึ้น/ลูกศรลง, the keys with a word printed on them
    (Ctrl, Shift, Alt, Del, Enter …) keep it."""
    window, table = open_demo(open_window)
    native = QKeySequence.SequenceFormat.NativeText
    assert QKeySequence("Alt+Up").toString(native) == "Alt+ลูกศรขึ้น"
    assert QKeySequence("Space").toString(native) == "เว้นวรรค"
    assert QKeySequence("Ctrl+Shift+Delete").toString(native) == "Ctrl+Shift+Del"
    # the translation names keys for what is shown only: what the program writes as
    # "Enter" is still the keypad's Enter, and "Return" the big one
    assert QKeySequence("Enter")[0].key() == Qt.Key.Key_Enter
    assert QKeySequence("Return")[0].key() == Qt.Key.Key_Return

    shown = menu_texts(window.menuBar())
    assert "Alt+ลูกศรขึ้น" in shown and "Ctrl+F" in shown, shown
    seen: list[str] = []

    def read_menu() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        seen.extend(menu_texts(menu))
        menu.close()

    QTimer.singleShot(200, read_menu)
    where = table.visualRect(table.model().index(0, 1)).center()
    QApplication.sendEvent(table.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, where, table.viewport().mapToGlobal(where)))
    assert "Alt+ลูกศรลง" in seen, seen
    tips = [a.toolTip() for a in window.report_page.actions_by_name.values()]
    window.show_help()
    help_text = window.help_dialog.browser.toPlainText()
    window.help_dialog.close()
    assert "Alt+ลูกศรขึ้น" in help_text
    found = {where: foreign_in(texts) for where, texts in (
        ("menus", shown), ("right-click menu", seen), ("tooltips", tips),
        ("help", [help_text]))}
    assert not any(found.values()), found


@pytest.mark.parametrize("command", ["export_docx", "import_report"])
def test_file_dialogs_show_sizes_types_and_dates_in_thai(open_window, qtbot, tmp_path,  # noqa: F811
                                                         command):
    """Qt's model wrote "12.10 KiB", "5 03 2026 14:07" and the system's "PDF document"."""
    folder = tmp_path / "ส่งออก"
    folder.mkdir()
    wanted = {"รายงานปีก่อน.docx": (12390, dt.datetime(2026, 3, 5, 14, 7),
                                    ["๑๒.๑ กิโลไบต์", "เอกสาร Word", "๕ มี.ค. ๒๕๖๙ ๑๔:๐๗"]),
              "ITA-2568.pdf": (2_400_000, dt.datetime(2025, 10, 1, 9, 30),
                               ["๒.๓ เมกะไบต์", "เอกสาร PDF", "๑ ต.ค. ๒๕๖๘ ๐๙:๓๐"])}
    for name, (size, moment, _cells) in wanted.items():
        (folder / name).write_bytes(b"x" * size)
        os.utime(folder / name, (moment.timestamp(), moment.timestamp()))
    window, _table = open_demo(open_window)
    window._last_folder = str(folder)
    shown: dict[str, list[str]] = {}
    widths: list[tuple[int, int]] = []

    def read(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        view = dialog.findChild(QTreeView, "treeView")
        assert view is not None and view.isVisible()
        model, root = view.model(), view.rootIndex()
        qtbot.waitUntil(lambda: model.rowCount(root) >= (1 if command == "export_docx" else 2))
        qtbot.wait(50)
        for row in range(model.rowCount(root)):
            cells = [str(model.index(row, column, root).data()) for column in range(4)]
            shown[cells[0]] = cells[1:]
            # each cell whole in its column
            widths.extend((view.columnWidth(column),
                           view.fontMetrics().horizontalAdvance(cells[column]))
                          for column in (1, 3))
        dialog.reject()

    when_dialog_opens(read)
    getattr(window, command)()
    assert shown, shown
    for name, cells in shown.items():
        assert cells == wanted[name][2], (name, cells)
        assert not foreign_in(cells), cells
    assert all(column > text for column, text in widths), widths


def test_the_table_says_which_digits_the_printout_uses(open_window, qtbot):  # noqa: F811
    """The table shows digits as typed, a file or a printout in Thai (the default): said
    beside the row buttons, and a click there is the way to the switch."""
    from itadesk.ui.export_options import ExportOptionsDialog

    window, _table = open_demo(open_window)
    note = window.report_page.digits_note
    assert note.isVisible() and note.shown_text().startswith("เลขไทย"), note.shown_text()
    assert "ตัวเลือกการส่งออก" in note.toolTip()
    # whole at 1366 × 768, the row buttons all shown (none behind »)
    window.resize(1366, 740)
    qtbot.wait(50)
    assert note.shown_text() == note.text(), (note.shown_text(), note.width())
    toolbar = window.report_page.findChild(QToolBar)
    assert all(toolbar.widgetForAction(a).isVisible()
               for a in window.report_page.actions_by_name.values() if a.isVisible())

    def switch_off(dialog: QWidget) -> None:
        assert isinstance(dialog, ExportOptionsDialog)
        box = dialog.boxes["thai_digits"]
        assert "ที่สั่งพิมพ์" in box.text() and "ตาราง" in box.text()
        QTest.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
        dialog.accept()

    when_dialog_opens(switch_off)
    QTest.mouseClick(note, Qt.MouseButton.LeftButton,
                     pos=QPoint(note.width() - 20, note.height() // 2))
    assert window.session.report.options.get("thai_digits") is False
    assert "ตามตาราง" in note.text()
    assert not latin_digits(window)
