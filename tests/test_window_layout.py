"""The window at a clerk's laptop size, as the new clerk met it (1366×768, no window
manager): keys that must reach the window wherever the focus is, the library's list
taking the keys, the window's size and docks kept, the toolbar, the table's cells."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolBar, QToolButton

from itadesk.demo import add_demo_reports
from itadesk.store import Library
from itadesk.ui.app import make_app, open_library
from itadesk.ui.main_window import MainWindow

from .test_window import activate, open_window  # noqa: F401
from .ui_helpers import type_text

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


def _saved_settings() -> dict:
    config = Path(os.environ["ITADESK_CONFIG"])
    return json.loads(config.read_text(encoding="utf-8")) if config.exists() else {}


def _start_again(qtbot, library_path: Path) -> tuple[Library, MainWindow]:
    """The program started again on the same library and settings."""
    library = open_library(library_path)
    assert library is not None
    window = MainWindow(library)
    qtbot.addWidget(window)
    window.show_as_left()
    return library, window


def test_the_first_start_fills_the_screen_then_the_clerks_size_is_kept(
        qtbot, library_path: Path):
    make_app()
    library = open_library(library_path)
    assert library is not None
    window = MainWindow(library)
    qtbot.addWidget(window)
    window.show_as_left()
    room = window.screen().availableGeometry()
    qtbot.waitUntil(lambda: window.frameGeometry().width() >= room.width()
                    and window.frameGeometry().height() >= room.height() - 2)
    window.showNormal()
    window.setGeometry(room.x() + 20, room.y() + 30, 700, 500)
    qtbot.waitUntil(lambda: window.size().width() == 700)
    # kept within a moment of the change: a crash or a kill does not lose it
    now = bytes(window.saveGeometry().toBase64().data()).decode()
    qtbot.waitUntil(lambda: _saved_settings().get("window_geometry") == now, timeout=3000)
    window.hide()
    library.close()
    again, window2 = _start_again(qtbot, library_path)
    try:
        qtbot.waitUntil(lambda: (window2.width(), window2.height()) == (700, 500))
    finally:
        window2.close()
        again.close()


def test_the_preview_open_before_a_kill_is_open_again(qtbot, library_path: Path):
    make_app()
    library = open_library(library_path)
    window = MainWindow(library)
    qtbot.addWidget(window)
    window.show_as_left()
    activate(qtbot, window)
    window.open_report(library.list_reports()[0].id)
    QTest.keyClick(window.report_page.table, Qt.Key.Key_F5)
    assert window.preview_dock is not None and window.preview_dock.isVisible()
    qtbot.waitUntil(lambda: _saved_settings().get("preview_open") is True and bool(
        _saved_settings().get("last_open", {}).get(str(library.path))), timeout=3000)
    window.hide()
    library.close()  # the window never closed: as after kill -9
    again, window2 = _start_again(qtbot, library_path)
    try:
        assert window2.resumer.resume()
        assert window2.preview_dock is not None and window2.preview_dock.isVisible()
        assert window2.preview_action.isChecked()
        # closed by the clerk: closed at the next start too
        QTest.keyClick(window2.report_page.table, Qt.Key.Key_F5)
        assert not window2.preview_dock.isVisible()
    finally:
        window2.close()
        again.close()
    library, window3 = _start_again(qtbot, library_path)
    try:
        assert window3.resumer.resume()
        assert window3.preview_dock is None or not window3.preview_dock.isVisible()
    finally:
        window3.close()
        library.close()


def test_enter_to_confirm_leaves_no_empty_line_and_the_editor_says_its_keys(
        open_window, qtbot, library_path: Path):  # noqa: F811
    window, rid = _demo_open(open_window, library_path)
    table = window.report_page.table
    index = table.model().index(0, 2)
    table.setCurrentIndex(index)
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not table
    hint = window.statusBar().currentMessage()
    assert "Enter ขึ้นบรรทัดใหม่" in hint and "Tab" in hint and "Esc" in hint
    assert "Ctrl+Enter" in hint
    QTest.keyClick(editor, Qt.Key.Key_End, CTRL)
    type_text(editor, "\nบรรทัดใหม่\n\nอีกบรรทัด\n\n")  # Enter as "OK", twice
    QTest.keyClick(editor, Qt.Key.Key_Tab)
    text = window.library.load_report(rid).measures[0].get(table.model().field(2))
    assert text.endswith("\nบรรทัดใหม่\n\nอีกบรรทัด")  # the empty line inside stays
    assert window.session.drafts is not None
    assert not window.library.drafts(rid)  # saved as typed: no draft kept of it


def _unbreakable_pieces(text: str) -> list[str]:
    """The pieces a line may not break inside (the project's Thai line breaking)."""
    from itadesk.thai.linebreak import with_break_hints

    return [p for p in re.split(r"[\u200b\s]+", with_break_hints(text, keep_together=True))
            if p]


def test_with_the_preview_open_at_1366_nothing_is_cut(open_window, qtbot,  # noqa: F811
                                                      library_path: Path):
    from PySide6.QtGui import QFontMetricsF, QImage, QPainter

    from itadesk.ui.measure_table import PADDING, draw_wrapped

    window, _rid = _demo_open(open_window, library_path)
    window.resize(1366, 740)
    page = window.report_page
    table = page.table
    table.setCurrentIndex(table.model().index(1, 0))
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_F5)
    assert window.preview_dock.isVisible()
    qtbot.waitUntil(lambda: window.preview_dock.width() > 200)
    qtbot.wait(50)
    model = table.model()
    header = table.horizontalHeader()
    metrics = QFontMetricsF(header.font())
    for column in range(model.columnCount()):
        words = _unbreakable_pieces(str(model.headerData(column, Qt.Orientation.Horizontal)))
        widest = max(metrics.horizontalAdvance(w) for w in words)
        # a header word is never cut ("ผู้รับผิดชอบ" showed as "ผู้ / บผิดชอบ")
        assert widest <= header.sectionSize(column) - 12, (column, words)
    # a period's year is never broken ("๒๕ / ๖๘")
    timing = next(c for c in range(model.columnCount()) if model.field(c) == "timing")
    image = QImage(800, 800, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    width = table.columnWidth(timing) - 2 * PADDING
    lines = draw_wrapped(painter, "ต.ค. ๒๕๖๘ - ก.ย. ๒๕๖๙", table.delegate.font,
                         image.rect().adjusted(0, 0, width - 800, 0))
    painter.end()
    assert all(("๒๕๖๘" in line) or ("๒๕๖๙" in line) or "๒๕" not in line for line in lines)
    # the window with its preview fits a 1366-pixel screen at 150 % (910 pixels), so
    # nothing of it is off the screen (the library page's title made it 933)
    assert window.minimumSizeHint().width() <= 1366 / 1.5
    # the table and the detail pane beside it fit the room left by the preview
    assert table.horizontalScrollBar().maximum() == 0
    detail = page.detail
    assert detail.area.horizontalScrollBar().maximum() == 0
    viewport = detail.area.viewport()
    from PySide6.QtWidgets import QAbstractButton

    for button in detail.body.findChildren(QAbstractButton):
        if not button.isVisibleTo(detail):
            continue
        left = button.mapTo(viewport, button.rect().topLeft()).x()
        right = button.mapTo(viewport, button.rect().topRight()).x()
        assert left >= 0 and right < viewport.width(), button.text()
        assert button.width() >= button.sizeHint().width() or button.minimumSizeHint().width() \
            <= button.width(), button.text()


def test_the_library_columns_are_readable_at_1366(open_window, qtbot,  # noqa: F811
                                                  library_path: Path):
    from PySide6.QtGui import QFontMetricsF

    window, _rid = _demo_open(open_window, library_path)
    window.create_next_year()  # its «ที่มา» is long: "ปีถัดไปของ … · ๒ ธันวาคม …"
    window.resize(1366, 740)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_L, CTRL)
    table = window.library_page.table
    qtbot.waitUntil(lambda: table.viewport().width() > 1000)
    qtbot.wait(50)
    metrics = QFontMetricsF(table.font())
    origin_column = table.columnCount() - 1
    for row in range(table.rowCount()):
        for column in range(table.columnCount() - 1):
            item = table.item(row, column)
            # every column but «ที่มา» shows its whole text («รูปแบบรายงาน» was cut)
            assert metrics.horizontalAdvance(item.text()) + 6 <= table.columnWidth(column), (
                row, column, item.text())
        origin = table.item(row, origin_column)
        assert origin.toolTip() == origin.text()  # the long one, cut, is whole here
    assert table.horizontalScrollBar().maximum() == 0


def test_a_row_shorter_than_its_text_is_fitted_and_cut_text_shows_an_ellipsis(
        open_window, qtbot, library_path: Path):  # noqa: F811
    from PySide6.QtGui import QImage, QPainter

    from itadesk.ui.measure_table import MIN_ROW, draw_wrapped

    window, _rid = _demo_open(open_window, library_path)
    window.resize(1366, 740)
    table = window.report_page.table
    model = table.model()
    timing = next(c for c in range(model.columnCount()) if model.field(c) == "timing")
    table.setCurrentIndex(model.index(0, timing))
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    QTest.keyClick(editor, Qt.Key.Key_A, CTRL)
    type_text(editor, "ต.ค. ๒๕๖๘ -\nก.ย. ๒๕๖๙")
    QTest.keyClick(editor, Qt.Key.Key_Tab)
    # a fit made for other widths (or only the estimate) leaves the row too short …
    table.setRowHeight(0, MIN_ROW)
    index = model.index(0, timing)
    need = table.delegate.cell_height(index, table.columnWidth(timing))
    assert need > MIN_ROW
    table.viewport().update()
    # … painted once, it is fitted to its text
    qtbot.waitUntil(lambda: table.rowHeight(0) >= need)
    # and where a cell's text is cut, its last line shown ends in "…"
    image = QImage(400, 400, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    lines = draw_wrapped(painter, "ต.ค. ๒๕๖๘ -\nก.ย. ๒๕๖๙", table.delegate.font,
                         image.rect().adjusted(0, 0, 0, -(400 - MIN_ROW + 12)))
    painter.end()
    assert lines == ["ต.ค. ๒๕๖๘ -…"]


def _columns(table) -> list[tuple[int, int]]:
    return [(table.columnViewportPosition(c), table.columnWidth(c))
            for c in range(table.model().columnCount())]


def test_the_checks_pane_leaves_the_tables_columns_where_they_are(
        open_window, qtbot):  # noqa: F811
    """F7 over a table of a few rows: the pane under the table made it shorter, its
    scroll bar came, every column moved from under the mouse. Beside a narrow preview,
    the pane widened the preview's side and squeezed the table."""
    from itadesk.domain import Measure, Report

    window = open_window()
    window.resize(1366, 768)
    rid = window.library_session.create_report(Report(
        municipality="เทศบาลตำบลสี่แถว", fiscal_year=2569, measures=tuple(
            Measure(title=f"มาตรการที่ {i}\nขั้นที่หนึ่ง\nขั้นที่สอง") for i in range(1, 5))),
        "สร้างรายงาน")
    window.open_report(rid)
    table = window.report_page.table
    qtbot.waitUntil(lambda: 3 in table._fitted)
    under_mouse = table.columnViewportPosition(2) + 5
    before = first = _columns(table)
    QTest.keyClick(table, Qt.Key.Key_F7)
    assert window.checks_dock is not None and window.checks_dock.isVisible()
    qtbot.wait(100)
    assert _columns(table) == before and table.columnAt(under_mouse) == 2
    window.checks_dock.close()
    qtbot.wait(100)
    assert _columns(table) == before

    # beside the preview, made narrow by the clerk: the checks go under it, both as wide
    QTest.keyClick(table, Qt.Key.Key_F5)
    assert window.preview_dock is not None and window.preview_dock.isVisible()
    window.resizeDocks([window.preview_dock], [240], Qt.Orientation.Horizontal)
    qtbot.wait(100)
    before, preview = _columns(table), window.preview_dock.width()
    window._close_checks()  # made anew: it goes under the preview, not under the table
    QTest.keyClick(table, Qt.Key.Key_F7)
    qtbot.wait(100)
    assert window.checks_dock.isVisible()
    assert window.preview_dock.width() == preview
    assert _columns(table) == before
    # both closed again: the columns the clerk had at first
    window.checks_dock.close()
    QTest.keyClick(table, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: not window.preview_dock.isVisible())
    qtbot.wait(100)
    assert _columns(table) == first


def test_a_narrow_window_puts_the_measures_detail_under_the_table(open_window, qtbot,  # noqa: F811
                                                                  library_path: Path):
    """At 150 % on a laptop (910 points) with the page pane open, the detail beside the
    table left it a few hundred points: there the detail goes under the table, which
    keeps the whole width; a wide window has it beside the table again."""
    from PySide6.QtCore import Qt as _Qt

    window, _rid = _demo_open(open_window, library_path)
    page = window.report_page
    table = page.table
    table.setCurrentIndex(table.model().index(0, 0))
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.preview_dock.isVisible())
    # 910: the page pane leaves the table and detail about 620 points; 1366: about 950
    for width, beside in ((910, False), (1366, True), (910, False), (1920, True)):
        window.resize(width, 500)
        qtbot.waitUntil(lambda w=width: window.width() == w)
        qtbot.wait(30)
        QApplication.processEvents()
        horizontal = page.splitter.orientation() == _Qt.Orientation.Horizontal
        assert horizontal == beside, width
        share = table.width() / page.splitter.width()
        assert share >= (0.55 if beside else 0.95), (width, share)
        # under the table it is a quarter of the height (the table's rows need the rest)
        assert page.detail.isVisible() and page.detail.height() >= (90 if beside else 70), width
    # with the page pane closed at 910 points the detail is beside the table, whichever
    # way it stood before (a report opened next had it one way, the first the other)
    QTest.keyClick(table, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: not window.preview_dock.isVisible())
    window.resize(910, 500)
    qtbot.waitUntil(lambda: page.splitter.orientation() == _Qt.Orientation.Horizontal)


def test_every_menu_fits_a_laptop_screen_at_150_percent_in_one_column(open_window,  # noqa: F811
                                                                      library_path: Path):
    """1366 × 768 at 150 % is 512 points high: a taller menu came in two columns."""
    from PySide6.QtWidgets import QMenu

    window, _rid = _demo_open(open_window, library_path)
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    names = [m.title() for m in menus]
    assert "ปี ITA" in names, names
    for menu in menus + [m for top in menus for m in top.findChildren(QMenu)]:
        menu.ensurePolished()
        # (the room a taskbar of 40 pixels leaves)
        assert menu.sizeHint().height() <= (768 - 40) / 1.5, (menu.title(), menu.sizeHint())
