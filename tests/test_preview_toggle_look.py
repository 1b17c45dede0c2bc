"""The toolbar's «หน้ากระดาษข้างตาราง» looks off where there is no report to show (in the
library it was greyed out and pressed, as if on), and is on again with the next report."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolBar

from .test_window import CTRL, open_window  # noqa: F401  (the fixture)


def _button(window):
    toolbar = window.findChild(QToolBar, "export_toolbar")
    return toolbar.widgetForAction(window.preview_action)


def _open_from_list(qtbot, window) -> None:
    table = window.library_page.table
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.report_page is not None


def test_the_page_pane_toggle_is_off_without_a_report(open_window, qtbot):  # noqa: F811
    window = open_window()
    button = _button(window)
    assert not window.preview_action.isEnabled() and not button.isChecked()

    _open_from_list(qtbot, window)
    table = window.report_page.table
    qtbot.keyClick(table, Qt.Key.Key_F5)
    assert window.preview_dock is not None and window.preview_dock.isVisible()
    assert button.isChecked()

    qtbot.keyClick(table, Qt.Key.Key_L, CTRL)  # back to the library
    assert window.report_page is None
    assert not button.isEnabled() and not button.isChecked()  # greyed out and off

    _open_from_list(qtbot, window)  # it was on: on again, with its pane
    assert button.isEnabled() and button.isChecked()
    assert window.preview_dock is not None and window.preview_dock.isVisible()

    qtbot.keyClick(window.report_page.table, Qt.Key.Key_F5)  # turned off
    qtbot.keyClick(window.report_page.table, Qt.Key.Key_L, CTRL)
    _open_from_list(qtbot, window)
    assert not button.isChecked()
    assert window.preview_dock is None or not window.preview_dock.isVisible()


def test_a_start_with_the_pane_kept_on_shows_it_off_in_the_library(open_window, qtbot):  # noqa: F811
    window = open_window()
    _open_from_list(qtbot, window)
    qtbot.keyClick(window.report_page.table, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.settings.preview_open)
    window.close()
    window.library.close()

    again = open_window()  # the settings say the pane is on
    assert again.report_page is None
    assert not _button(again).isChecked()
    _open_from_list(qtbot, again)
    assert _button(again).isChecked()
    assert again.preview_dock is not None and again.preview_dock.isVisible()
