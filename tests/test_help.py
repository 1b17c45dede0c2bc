"""Help inside the program: F1, tooltips that say what a button does, an empty table
that says how to start."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolBar

from itadesk.domain import Report
from itadesk.ui.help import HelpDialog

from .test_table_habits import open_demo
from .test_window import open_window  # noqa: F401  (the fixture)
from .thai_words import foreign_words


def test_f1_opens_the_thai_help_with_the_clerks_own_paths(open_window, qtbot):  # noqa: F811
    window, table = open_demo(open_window)
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_F1)
    dialog = window.help_dialog
    assert isinstance(dialog, HelpDialog) and dialog.isVisible()
    text = dialog.browser.toPlainText()
    for heading in ("แป้นลัด", "นำเข้ารายงาน", "ส่งออกและพิมพ์", "ข้อมูลเก็บไว้ที่ไหน",
                    "เมื่อเกิดปัญหา"):
        assert heading in text
    assert str(window.library.path) in text
    assert "backups" in text  # the backups' folder, where it is on this machine
    assert "{" not in text  # every place filled in
    assert not foreign_words(dialog), foreign_words(dialog)
    dialog.close()


def test_every_toolbar_button_says_what_it_does(open_window, qtbot):  # noqa: F811
    window, _table = open_demo(open_window)
    actions = [a for bar in window.findChildren(QToolBar) for a in bar.actions()
               if not a.isSeparator() and a.isVisible()]
    assert len(actions) >= 10
    plain = [a.text() for a in actions if a.toolTip().replace("&", "") in (a.text(), "")]
    assert not plain, plain
    assert all(len(a.toolTip()) > len(a.text()) + 10 for a in actions)


def test_the_window_fits_the_screen_and_row_buttons_stay_with_the_table(open_window,  # noqa: F811
                                                                         qtbot, library_path):
    from itadesk.ui.app import open_library
    from itadesk.ui.main_window import MainWindow

    library = open_library(library_path)
    window = MainWindow(library)
    qtbot.addWidget(window)
    room = window.screen().availableGeometry()
    assert window.width() <= room.width() and window.height() <= room.height()
    window.open_report(library.list_reports()[0].id)
    window.show()
    page = window.report_page
    toolbar = next(bar for bar in page.findChildren(QToolBar))
    assert toolbar.isVisible()
    page.tabs.setCurrentIndex(1)
    assert not toolbar.isVisible()
    page.tabs.setCurrentIndex(0)
    assert toolbar.isVisible()
    window.close()
    library.close()


def test_an_empty_table_says_how_to_start(open_window, qtbot):  # noqa: F811
    window = open_window()
    report_id = window.library_session.create_report(Report(municipality="เทศบาลทดลองว่าง"))
    window.open_report(report_id)
    table = window.report_page.table
    assert table.model().rowCount() == 0
    qtbot.wait(50)
    image = table.viewport().grab().toImage()
    dark = sum(1 for x in range(0, image.width(), 2) for y in range(0, min(image.height(), 300), 2)
               if image.pixelColor(x, y).lightness() < 128)
    assert dark > 200  # the hint's words
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert table.model().rowCount() == 1
