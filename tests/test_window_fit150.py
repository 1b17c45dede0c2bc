"""The window at 150 % on a 1366 × 768 laptop (910 × 512 points), as a new clerk met it:
the report's form, the memo and the library's list each fit the width they have, with no
horizontal scroll bar and nothing cut off; at 1920 points the list still looks natural."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTableWidget,
    QWidget,
)

from itadesk.demo import add_demo_reports
from itadesk.store import Library

from .test_window import open_window  # noqa: F401

CTRL = Qt.KeyboardModifier.ControlModifier
LAPTOP_150 = (910, 512)  # 1366 × 768 at QT_SCALE_FACTOR=1.5


def _demo_at(open_window, library_path: Path, size: tuple[int, int]):  # noqa: F811
    with Library.open(library_path) as library:
        rid = add_demo_reports(library)[0]
    window = open_window()
    window.open_report(rid)
    window.resize(*size)
    return window


def _settled(qtbot, window, size: tuple[int, int]) -> None:
    qtbot.waitUntil(lambda: (window.width(), window.height()) == size)
    qtbot.wait(50)
    QApplication.processEvents()


def _cut(area: QScrollArea) -> list[str]:
    """What of the form is off its viewport's right edge or narrower than its text."""
    viewport = area.viewport()
    out = []
    for widget in area.widget().findChildren(QWidget):
        if not widget.isVisibleTo(area) or widget.width() <= 0:
            continue
        name = widget.objectName() or type(widget).__name__
        if isinstance(widget, (QAbstractButton, QLabel)):
            name += f" {widget.text()!r}"
        right = widget.mapTo(viewport, widget.rect().topRight()).x()
        if right >= viewport.width():
            out.append(f"{name} ends at {right} of {viewport.width()}")
        whole = isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and not widget.wordWrap() and widget.text())
        if whole and widget.width() < widget.minimumSizeHint().width():
            out.append(f"{name} is {widget.width()} wide of {widget.minimumSizeHint().width()}")
        # (a field for a year is short; one for a name or a town, not to a stub)
        if isinstance(widget, QLineEdit) and widget.width() < 100:
            out.append(f"{name} is only {widget.width()} wide")
    return out


def _columns_out(table: QTableWidget) -> list[int]:
    width = table.viewport().width()
    return [c for c in range(table.columnCount())
            if table.columnViewportPosition(c) < 0
            or table.columnViewportPosition(c) + table.columnWidth(c) > width]


def _form_fits(qtbot, window, area: QScrollArea, tables: list[QTableWidget]) -> None:
    page = window.report_page
    page.tabs.setCurrentWidget(area)
    qtbot.waitUntil(area.isVisible)
    qtbot.wait(50)
    QApplication.processEvents()
    cut = _cut(area)
    assert (area.horizontalScrollBar().maximum(), cut) == (0, []), "\n".join(cut)
    for table in tables:
        assert table.horizontalScrollBar().maximum() == 0, table.objectName()
        assert _columns_out(table) == [], table.objectName()


@pytest.mark.parametrize("tab", ["form", "memo"])
def test_the_report_form_and_the_memo_fit_a_laptop_at_150_percent(open_window, qtbot,  # noqa: F811
                                                                  library_path: Path, tab):
    window = _demo_at(open_window, library_path, LAPTOP_150)
    _settled(qtbot, window, LAPTOP_150)
    page = window.report_page
    if tab == "memo":
        _form_fits(qtbot, window, page.memo, [page.memo.endorsements])
        return
    _form_fits(qtbot, window, page.form, [page.form.signers])
    # the fields of the form are as wide as the room allows, not squeezed to a stub
    assert page.form.lines["title"].width() >= page.form.viewport().width() * 0.5


def test_the_forms_fit_with_the_preview_open_at_150_percent(open_window, qtbot,  # noqa: F811
                                                            library_path: Path):
    """The page pane takes about a third of the 910 points: the forms fit what is left."""
    window = _demo_at(open_window, library_path, LAPTOP_150)
    _settled(qtbot, window, LAPTOP_150)
    page = window.report_page
    QTest.keyClick(page.table, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.preview_dock is not None and window.preview_dock.isVisible())
    qtbot.waitUntil(lambda: window.preview_dock.width() > 150)
    _form_fits(qtbot, window, page.form, [page.form.signers])
    _form_fits(qtbot, window, page.memo, [page.memo.endorsements])
    # the pane made wider by the clerk: the labels go above their fields
    window.resizeDocks([window.preview_dock], [520], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: window.preview_dock.width() >= 500)
    for area, table in ((page.form, page.form.signers), (page.memo, page.memo.endorsements)):
        _form_fits(qtbot, window, area, [table])
        form = area.widget().layout().itemAt(1 if area is page.memo else 0).layout()
        assert isinstance(form, QFormLayout)
        assert form.rowWrapPolicy() == QFormLayout.RowWrapPolicy.WrapAllRows
    # a long title shows its beginning, not its end ("ายงานผลการดำเนินการ…")
    title = page.form.lines["title"]
    assert title.fontMetrics().horizontalAdvance(title.text()) > title.width()
    assert title.cursorPosition() == 0
    box = page.form.layout_box
    assert box.toolTip() == box.currentText()
    # and the list's name, narrower than it, ends in "…" (it was cut mid-letter)
    shown = box.shown_text()
    assert shown.endswith("…") and box.currentText().startswith(shown[:-1])


def _library_at(qtbot, window, size: tuple[int, int]) -> QTableWidget:
    window.resize(*size)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_L, CTRL)
    _settled(qtbot, window, size)
    return window.library_page.table


def test_the_library_columns_all_fit_at_150_percent(open_window, qtbot,  # noqa: F811
                                                    library_path: Path):
    window = _demo_at(open_window, library_path, LAPTOP_150)
    window.create_next_year()  # its «ที่มา» is long: "ปีถัดไปของ … · ๒ ธันวาคม …"
    table = _library_at(qtbot, window, LAPTOP_150)
    assert table.horizontalScrollBar().maximum() == 0
    assert _columns_out(table) == []
    header = table.horizontalHeader()
    metrics = QFontMetricsF(header.font())
    for column in range(table.columnCount()):
        title = table.horizontalHeaderItem(column).text()
        # every column's title is read whole (its text may be cut, whole in its tooltip)
        assert metrics.horizontalAdvance(title) + 8 <= table.columnWidth(column), title
        for row in range(table.rowCount()):
            item = table.item(row, column)
            assert item.toolTip() == item.text()
    # the short ones (year, count, when) are whole: only the long ones give up room
    body = QFontMetricsF(table.font())
    for column in (1, 3, 4):
        for row in range(table.rowCount()):
            text = table.item(row, column).text()
            assert body.horizontalAdvance(text) + 6 <= table.columnWidth(column), text
    # and back at a laptop's 1366 points, every column but «ที่มา» is whole again
    table = _library_at(qtbot, window, (1366, 740))
    for column in range(table.columnCount() - 1):
        for row in range(table.rowCount()):
            text = table.item(row, column).text()
            assert body.horizontalAdvance(text) + 6 <= table.columnWidth(column), text
    assert table.horizontalScrollBar().maximum() == 0


def test_the_library_columns_at_1920_have_no_gaps(open_window, qtbot,  # noqa: F811
                                                  library_path: Path):
    window = _demo_at(open_window, library_path, LAPTOP_150)
    table = _library_at(qtbot, window, (1920, 1040))
    assert table.horizontalScrollBar().maximum() == 0
    assert _columns_out(table) == []
    body = QFontMetricsF(table.font())
    header = QFontMetricsF(table.horizontalHeader().font())
    last = table.columnCount() - 1
    for column in range(last):
        widest = max([header.horizontalAdvance(table.horizontalHeaderItem(column).text())]
                     + [body.horizontalAdvance(table.item(r, column).text())
                        for r in range(table.rowCount())])
        # as wide as its text, and not much more: the room left goes to the last column
        assert widest <= table.columnWidth(column) <= widest + 60, column
    # the columns fill the list's width, to its right edge
    end = table.columnViewportPosition(last) + table.columnWidth(last)
    assert end >= table.viewport().width() - 2


def test_the_table_keeps_its_rows_in_sight_with_the_preview_open_at_150_percent(
        open_window, qtbot, library_path: Path):  # noqa: F811
    """With the page pane open the measure's detail goes under the table: the table's
    rows had 82 of the 314 points the two got (a header of four lines, the detail at its
    least). Now the header is at most three lines, the detail a quarter, and the detail
    can be dragged away."""
    from itadesk.ui.measure_table import HEADER_LINES

    window = _demo_at(open_window, library_path, LAPTOP_150)
    _settled(qtbot, window, LAPTOP_150)
    page = window.report_page
    QTest.keyClick(page.table, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.preview_dock is not None and window.preview_dock.isVisible())
    qtbot.waitUntil(lambda: page.splitter.orientation() == Qt.Orientation.Vertical)
    QApplication.processEvents()
    table, header = page.table, page.table.horizontalHeader()
    spacing = QFontMetricsF(header.font()).lineSpacing()
    assert header.height() <= HEADER_LINES * spacing + 14
    assert table.viewport().height() >= 0.4 * page.splitter.height()
    model = table.model()
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == (
        model.layout.columns[0].header)
    # the handle dragged down takes the detail away: the table has the whole height
    handle = page.splitter.handle(1)
    start = handle.rect().center()
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for dy in (20, 60, 120, 200):
        QTest.mouseMove(handle, start + QPoint(0, dy))
    QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       start + QPoint(0, 200))
    QApplication.processEvents()
    assert page.splitter.sizes()[1] == 0
    assert table.height() >= page.splitter.height() - handle.height() - 2


def test_the_detail_beside_the_table_can_be_dragged_away_and_the_checks_do_not_float(
        open_window, qtbot, library_path: Path):  # noqa: F811
    """At 150 % without the page pane the detail stands beside the table and took a third
    of the width from a clerk who never used it; the checks came loose over the menus
    when the clerk dragged the edge above them."""
    from PySide6.QtWidgets import QDockWidget

    window = _demo_at(open_window, library_path, LAPTOP_150)
    _settled(qtbot, window, LAPTOP_150)
    page = window.report_page
    assert page.splitter.orientation() == Qt.Orientation.Horizontal
    handle = page.splitter.handle(1)
    start = handle.rect().center()
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for dx in (40, 120, 300, 500):
        QTest.mouseMove(handle, start + QPoint(dx, 0))
    QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       start + QPoint(500, 0))
    QApplication.processEvents()
    assert page.splitter.sizes()[1] == 0
    window.show_checks()
    dock = window.checks_dock
    assert dock is not None
    assert not dock.features() & QDockWidget.DockWidgetFeature.DockWidgetFloatable
    assert dock.features() & QDockWidget.DockWidgetFeature.DockWidgetClosable
