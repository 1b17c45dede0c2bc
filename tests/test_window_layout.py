"""The window at a clerk's laptop size, as the new clerk met it (1366×768, no window
manager): keys that must reach the window wherever the focus is, the library's list
taking the keys, the window's size and docks kept, the toolbar, the table's cells."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolBar, QToolButton

from itadesk.demo import add_demo_reports
from itadesk.store import Library

from .test_window import activate, open_window  # noqa: F401

CTRL = Qt.KeyboardModifier.ControlModifier


def _demo_open(open_window, library_path: Path):  # noqa: F811
    with Library.open(library_path) as library:
        rid = add_demo_reports(library)[0]
    window = open_window()
    window.open_report(rid)
    return window, rid


def test_ctrl_l_gives_the_library_list_the_keys(open_window, qtbot,  # noqa: F811
                                                library_path: Path):
    window, _rid = _demo_open(open_window, library_path)
    table = window.library_page.table
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_L, CTRL)
    assert window.stack.currentWidget() is window.library_page
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
    assert table.currentIndex().isValid()
    assert table.selectionModel().isRowSelected(table.currentIndex().row())
    # the page says "เลือกแล้วกด Enter": Down, Enter opens the report below
    QTest.keyClick(table, Qt.Key.Key_Down)
    below = table.item(table.currentIndex().row(), 0).data(Qt.ItemDataRole.UserRole)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert window.session is not None and window.session.report_id == below


def test_f5_shows_the_preview_from_the_memo_and_the_view_menu_has_it(
        open_window, qtbot, library_path: Path):  # noqa: F811
    window, _rid = _demo_open(open_window, library_path)
    page = window.report_page
    page.tabs.setCurrentWidget(page.memo)
    field = next(iter(page.memo.texts.values()))
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    QTest.keyClick(field, Qt.Key.Key_F5)
    assert window.preview_dock is not None and window.preview_dock.isVisible()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F5)
    assert not window.preview_dock.isVisible()
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "มุมมอง")
    assert window.preview_action in view.actions()


def _overflow(bar: QToolBar) -> QToolButton:
    return next(b for b in bar.findChildren(QToolButton)
                if b.objectName() == "qt_toolbar_ext_button")


def test_the_toolbars_fit_a_laptop_and_esc_closes_their_overflow(
        open_window, qtbot, library_path: Path):  # noqa: F811
    window, _rid = _demo_open(open_window, library_path)
    window.resize(1366, 740)
    bars = window.findChildren(QToolBar)
    qtbot.waitUntil(lambda: all(bar.width() > 300 for bar in bars))
    # at a laptop's width every button is in sight, none behind »
    assert [bar.windowTitle() for bar in bars if _overflow(bar).isVisible()] == []
    # where it does not fit (larger text, a narrow window: here buttons added to it),
    # » shows the rest; Esc closes it again and does nothing else (the cell being typed
    # in stays open)
    bar = window.findChild(QToolBar, "export_toolbar")
    for action in window.report_actions:
        bar.addAction(action)
    button = _overflow(bar)
    qtbot.waitUntil(button.isVisible)
    table = window.report_page.table
    table.setCurrentIndex(table.model().index(0, 1))
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not table
    height = bar.height()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.height() > height)
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: bar.height() == height)
    assert QApplication.focusWidget() is editor and editor.isVisible()
