"""Thai everywhere: Qt's own buttons and dialogs in Thai, Thai digits, no stray English."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget

from itadesk.ui.app import make_app

from .test_table_habits import open_demo
from .test_window import open_window  # noqa: F401  (the fixture)
from .thai_words import foreign_words, latin_digits
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

    def look(name: str, widget: QWidget) -> None:
        seen.append(name)
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
    for name in ("about", "export options", "print preview", "print",
                 "export to Word (file dialog)", "new report", "delete question", "restore",
                 "import", "ITA scores"):
        assert name in seen, (name, seen)
