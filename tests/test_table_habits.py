"""The measure table as a clerk uses it: readable selection, rows that fit after undo,
zoom kept per user, Tab as in Word, a right-click menu; Enter in the library."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QColor, QContextMenuEvent, QHelpEvent, QImage, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QMenu,
    QPushButton,
    QToolButton,
    QToolTip,
)

from itadesk.ui.main_window import MainWindow
from itadesk.ui.measure_table import CUT_TIP, FOCUS_FRAME, MeasureTable

from .test_window import close, open_window  # noqa: F401  (the fixture)
from .ui_helpers import type_text

CTRL = Qt.KeyboardModifier.ControlModifier
EDITING = QAbstractItemView.State.EditingState


def open_demo(open_window, town: str = "เทศบาลเมืองชัยนาท") -> tuple[MainWindow, MeasureTable]:  # noqa: F811
    window = open_window()
    reports = {r.municipality: r.id for r in window.library.list_reports()}
    window.open_report(reports[town])
    assert window.report_page is not None
    return window, window.report_page.table


def click_cell(qtbot, table: MeasureTable, row: int, column: int,
               modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    index = table.model().index(row, column)
    table.scrollTo(index)
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier,
                     table.visualRect(index).center())


# ------------------------------------------------------------------ contrast
def luminance(color: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(color.red()) + 0.7152 * channel(color.green())
            + 0.0722 * channel(color.blue()))


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def cell_colours(image: QImage, rect, inset: int = 4) -> tuple[QColor, QColor]:
    """(background, text) of a cell as drawn: the commonest colour inside it, and the
    colour of the drawn pixel that stands out most from it (a glyph's solid stem)."""
    pixels = [image.pixelColor(x, y).rgb()
              for x in range(rect.left() + inset, rect.right() - inset)
              for y in range(rect.top() + inset, rect.bottom() - inset)]
    background = QColor.fromRgb(Counter(pixels).most_common(1)[0][0])
    text = max((QColor.fromRgb(p) for p in set(pixels)), key=lambda c: contrast(c, background))
    return background, text


def test_current_cell_and_selection_read_at_wcag_aa_with_a_focus_frame(open_window,  # noqa: F811
                                                                       qtbot):
    window, table = open_demo(open_window)
    table.setFocus()
    click_cell(qtbot, table, 1, 1)
    click_cell(qtbot, table, 2, 2, Qt.KeyboardModifier.ShiftModifier)  # a block, current (2,2)
    model = table.model()
    for focused in (True, False):
        if not focused:
            window.report_page.tabs.tabBar().setFocus()  # the table is no longer focused
        QApplication.processEvents()
        image = table.viewport().grab().toImage()
        for row, column in ((2, 2), (1, 1), (2, 1)):  # the current cell, selected ones
            rect = table.visualRect(model.index(row, column))
            background, text = cell_colours(image, rect)
            ratio = contrast(background, text)
            assert ratio >= 4.5, (focused, row, column, background.name(), text.name(), ratio)
        # the current cell is framed: its edge in the frame's colour, clear on the selection
        rect = table.visualRect(model.index(2, 2))
        edge = image.pixelColor(rect.center().x(), rect.top() + 1)
        assert edge == FOCUS_FRAME, edge.name()
        assert contrast(edge, cell_colours(image, rect)[0]) >= 3.0  # WCAG, a frame


# ------------------------------------------------------------------ rows refitted
def whole_height(table: MeasureTable, row: int) -> int:
    model = table.model()
    return max(table.delegate.cell_height(model.index(row, c), table.columnWidth(c))
               for c in range(model.columnCount()))


def fitted(table: MeasureTable, row: int) -> int:
    """The row's text's height, as far as the row cap lets it be shown."""
    return min(whole_height(table, row), table.row_cap())


def test_rows_fit_their_text_after_undo_redo_and_paste(open_window, qtbot):  # noqa: F811
    window, table = open_demo(open_window)
    long_text = "\n".join(f"บรรทัดที่ {i} ของผลการดำเนินการ" for i in range(8))
    window.session.set_cells([(0, "result", long_text)])
    qtbot.waitUntil(lambda: table.rowHeight(0) == fitted(table, 0))
    tall = table.rowHeight(0)
    table.setFocus()
    click_cell(qtbot, table, 0, 0)
    QTest.keyClick(table, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # delete the row
    QApplication.processEvents()
    QTest.keyClick(table, Qt.Key.Key_Z, CTRL)  # the row comes back, whole
    qtbot.waitUntil(lambda: window.session.model.measure(0).result == long_text)
    QApplication.processEvents()
    assert table.rowHeight(0) == fitted(table, 0) == tall
    # redo deletes it again, undo brings it back again: still whole
    QTest.keyClick(table, Qt.Key.Key_Y, CTRL)
    QApplication.processEvents()
    QTest.keyClick(table, Qt.Key.Key_Z, CTRL)
    QApplication.processEvents()
    assert table.rowHeight(0) == tall
    # a pasted block of rows: each as tall as its text
    click_cell(qtbot, table, 1, 4)
    QApplication.clipboard().setText('"สาม\nบรรทัด\nที่วาง"\n"อีก\nสองบรรทัด"')
    QTest.keyClick(table, Qt.Key.Key_V, CTRL)
    QApplication.processEvents()
    for row in (1, 2):
        assert table.rowHeight(row) == fitted(table, row)
    assert table.rowHeight(1) > table.rowHeight(2) > 0


# ------------------------------------------------------------------ zoom
def test_zoom_with_ctrl_keys_and_wheel_is_kept_for_the_next_start(open_window, qtbot,  # noqa: F811
                                                                  own_settings: Path):
    window, table = open_demo(open_window)
    table.setFocus()
    click_cell(qtbot, table, 0, 0)
    start, height = table.point_size, table.rowHeight(0)
    QTest.keyClick(table, Qt.Key.Key_Plus, CTRL)
    QTest.keyClick(table, Qt.Key.Key_Equal, CTRL)  # the same key without Shift
    assert table.point_size == start + 2
    centre = QPointF(table.viewport().rect().center())
    wheel = QWheelEvent(centre, QPointF(table.viewport().mapToGlobal(centre.toPoint())),
                        QPoint(), QPoint(0, 120), Qt.MouseButton.NoButton, CTRL,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(table.viewport(), wheel)
    assert table.point_size == start + 3
    assert table.delegate.font.pointSize() == start + 3
    QApplication.processEvents()
    assert table.rowHeight(0) > height  # the rows grew with their text
    QTest.keyClick(table, Qt.Key.Key_Minus, CTRL)
    assert table.point_size == start + 2
    assert json.loads(own_settings.read_text(encoding="utf-8"))["table_point_size"] == start + 2
    assert window.text_size_actions[start + 2].isChecked() if (
        start + 2 in window.text_size_actions) else True
    close(window)
    _again, table = open_demo(open_window)
    assert table.point_size == start + 2 and table.delegate.font.pointSize() == start + 2
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_0, CTRL)
    assert table.point_size == start


def test_text_size_from_the_view_menu(open_window, qtbot, own_settings: Path):  # noqa: F811
    window, table = open_demo(open_window)
    window.text_size_actions[20].trigger()
    assert table.point_size == 20 and window.text_size_actions[20].isChecked()
    assert json.loads(own_settings.read_text(encoding="utf-8"))["table_point_size"] == 20


# ------------------------------------------------------------------ Tab
def test_tab_goes_on_to_the_next_row_and_adds_one_at_the_end(open_window, qtbot):  # noqa: F811
    window, table = open_demo(open_window)
    model = table.model()
    last_column = model.columnCount() - 1
    table.setFocus()
    click_cell(qtbot, table, 0, last_column)
    QTest.keyClick(table, Qt.Key.Key_Tab)
    assert (table.currentIndex().row(), table.currentIndex().column()) == (1, 0)
    QTest.keyClick(table, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert (table.currentIndex().row(), table.currentIndex().column()) == (0, last_column)
    # typing in a cell, then Tab: the text is kept, the next cell is current, not editing
    click_cell(qtbot, table, 0, 1)
    QTest.keyClick(table, Qt.Key.Key_F2)
    assert table.state() == EDITING
    type_text(QApplication.focusWidget(), "เพิ่ม")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: table.state() != EDITING)
    assert (table.currentIndex().row(), table.currentIndex().column()) == (0, 2)
    assert model.measure(0).get(model.field(1)).endswith("เพิ่ม")
    # the last cell of the last row: Tab adds a row and goes to its first cell
    rows = model.rowCount()
    click_cell(qtbot, table, rows - 1, last_column)
    QTest.keyClick(table, Qt.Key.Key_Tab)
    assert model.rowCount() == rows + 1
    assert (table.currentIndex().row(), table.currentIndex().column()) == (rows, 0)
    assert table.state() != EDITING
    assert len(window.library.load_measures(window.session.report_id)) == rows + 1
    QTest.keyClick(table, Qt.Key.Key_Z, CTRL)  # one step takes the row away again
    assert model.rowCount() == rows


def test_tab_in_the_signer_table_moves_without_selecting_text(open_window, qtbot):  # noqa: F811
    window, _table = open_demo(open_window)
    page = window.report_page
    page.tabs.setCurrentWidget(page.form)
    signers = page.form.signers
    assert signers.rowCount() >= 1
    signers.setFocus()
    signers.setCurrentCell(0, 0)
    QTest.keyClick(signers, Qt.Key.Key_F2)
    assert signers.state() == EDITING
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: signers.state() != EDITING)
    assert (signers.currentRow(), signers.currentColumn()) == (0, 1)
    last = signers.columnCount() - 1
    signers.setCurrentCell(0, last)
    QTest.keyClick(signers, Qt.Key.Key_Tab)
    if signers.rowCount() > 1:
        assert (signers.currentRow(), signers.currentColumn()) == (1, 0)
    assert signers.state() != EDITING


# ------------------------------------------------------------------ right-click
def test_right_click_menu_for_cells_and_rows(open_window, qtbot):  # noqa: F811
    _window, table = open_demo(open_window)
    model = table.model()
    rows = model.rowCount()
    seen: list[list[str]] = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        seen.append([a.text() for a in menu.actions() if not a.isSeparator()])
        target = next(a for a in menu.actions() if a.text() == "ทำสำเนาแถว")
        menu.setActiveAction(target)
        QTest.keyClick(menu, Qt.Key.Key_Return)

    table.setFocus()
    rect = table.visualRect(model.index(1, 2))
    QTimer.singleShot(200, choose)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, rect.center(),
                              table.viewport().mapToGlobal(rect.center()))
    QApplication.sendEvent(table.viewport(), event)
    assert seen and {"ตัด", "คัดลอก", "วาง", "ลบแถว", "แทรกแถวเหนือแถวนี้"} <= set(seen[0])
    assert any(text.startswith("เลิกทำ") for text in seen[0]), seen[0]
    assert table.currentIndex().row() == 1 or model.rowCount() == rows + 1
    assert model.rowCount() == rows + 1
    assert model.measure(2).title == model.measure(1).title


# ------------------------------------------------------------------ the library
def test_enter_opens_the_selected_report(open_window, qtbot):  # noqa: F811
    window = open_window()
    table = window.library_page.table
    table.setFocus()
    table.selectRow(1)
    wanted = window.library_page.selected_id()
    QTest.keyClick(table, Qt.Key.Key_Return)
    assert window.session is not None and window.session.report_id == wanted


# ------------------------------------------------------------------ Enter
def editor_state(view) -> tuple[str, int, bool]:
    """(text, cursor position, anything selected) of the cell editor that has the keys."""
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

    editor = QApplication.focusWidget()
    assert editor is not None and view.isAncestorOf(editor), editor
    if isinstance(editor, QLineEdit):
        return editor.text(), editor.cursorPosition(), editor.hasSelectedText()
    assert isinstance(editor, QPlainTextEdit), editor
    cursor = editor.textCursor()
    return editor.text(), len(editor.toPlainText()[:cursor.position()].replace("\u200b", "")), \
        cursor.hasSelection()


def test_enter_on_a_cell_opens_its_editor_at_the_end_of_the_text(open_window, qtbot):  # noqa: F811
    """Enter on a cell not being edited starts editing it as F2 does (Word, Excel): the
    cursor after the text, nothing selected; in the editor Enter is a new line and
    Ctrl+Enter is done."""
    _window, table = open_demo(open_window)
    model = table.model()
    table.setFocus()
    click_cell(qtbot, table, 0, 1)
    text = model.measure(0).get(model.field(1))
    QTest.keyClick(table, Qt.Key.Key_Return)
    assert table.state() == EDITING
    assert editor_state(table) == (text, len(text), False)
    editor = QApplication.focusWidget()
    QTest.keyClick(editor, Qt.Key.Key_Return)  # still a new line inside the cell
    type_text(editor, "ต่อ")
    assert table.state() == EDITING
    QTest.keyClick(editor, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: table.state() != EDITING)
    assert model.measure(0).get(model.field(1)) == text + "\nต่อ"
    # the keypad's Enter does the same, and F2 leaves the text unselected too
    for key in (Qt.Key.Key_Enter, Qt.Key.Key_F2):
        click_cell(qtbot, table, 1, 2)
        text = model.measure(1).get(model.field(2))
        QTest.keyClick(table, key, Qt.KeyboardModifier.KeypadModifier
                       if key == Qt.Key.Key_Enter else Qt.KeyboardModifier.NoModifier)
        assert table.state() == EDITING, key
        assert editor_state(table) == (text, len(text), False)
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: table.state() != EDITING)


def test_enter_opens_the_cell_in_the_signers_and_the_other_tables(open_window, qtbot):  # noqa: F811
    window, _table = open_demo(open_window)
    page = window.report_page
    checked = []
    for tab, view in ((page.form, page.form.signers), (page.memo, page.memo.endorsements)):
        page.tabs.setCurrentWidget(tab)
        if not view.rowCount():
            view.insertRow(0)
        for column in range(view.columnCount()):
            view.setFocus()
            view.setCurrentCell(0, column)
            item = view.item(0, column)
            text = item.text() if item is not None else ""
            QTest.keyClick(view, Qt.Key.Key_Return)
            assert view.state() == EDITING, (view.objectName(), column)
            assert editor_state(view) == (text, len(text), False), (view.objectName(), column)
            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
            qtbot.waitUntil(lambda v=view: v.state() != EDITING)
            checked.append((view.objectName(), column))
    # the measure's ITA scores beside the table
    page.show_table()
    detail = page.detail
    scores = detail.scores
    if not scores.rowCount():
        QTest.mouseClick(next(b for b in detail.findChildren(QPushButton)
                              if b.text() == "เพิ่มคะแนน"), Qt.MouseButton.LeftButton)
        editor = QApplication.focusWidget()
        if scores.isAncestorOf(editor):
            QTest.keyClick(editor, Qt.Key.Key_Escape)
    scores.setFocus()
    scores.setCurrentCell(0, 0)
    text = scores.item(0, 0).text() if scores.item(0, 0) is not None else ""
    QTest.keyClick(scores, Qt.Key.Key_Return)
    assert scores.state() == EDITING
    assert editor_state(scores) == (text, len(text), False)
    assert len(checked) == page.form.signers.columnCount() + page.memo.endorsements.columnCount()


def test_enter_opens_the_cell_in_the_dialogs_tables_and_leaves_the_dialog_open(qtbot):
    """In a dialog an unhandled Enter presses its default button: here it edits the cell."""
    from itadesk.domain.oit import OitItem, empty_year
    from itadesk.ui.oit_dialog import OitYearDialog
    from itadesk.ui.scoresheet_dialog import ScoreSheetDialog

    oit = OitYearDialog(empty_year(2568))
    oit._add_row(OitItem("O30", ("results",), "รายงานผล", ()))
    scores = ScoreSheetDialog(None, 2568)
    for dialog, view, column in ((oit, oit.table, 1), (scores, scores.indicators, 1)):
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        view.setFocus()
        view.setCurrentCell(0, column)
        item = view.item(0, column)
        text = item.text() if item is not None else ""
        QTest.keyClick(view, Qt.Key.Key_Return)
        assert view.state() == EDITING and dialog.isVisible(), dialog
        assert editor_state(view) == (text, len(text), False)
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
        dialog.reject()


def type_over(view: QAbstractItemView, text: str) -> None:
    """Type into a cell that is not being edited, as a clerk does: the first key goes to
    the table (which opens the editor), the rest to the editor."""
    type_text(view, text[0])
    type_text(QApplication.focusWidget(), text[1:])


def test_typing_into_a_filled_cell_replaces_its_text(open_window, qtbot):  # noqa: F811
    """As in Excel: a letter typed on a cell not being edited starts it anew (Enter or F2
    goes on from the end of its text); Ctrl+Z in the editor brings the old text back and
    Esc leaves the cell as it was."""
    window, table = open_demo(open_window)
    model = table.model()
    table.setFocus()
    click_cell(qtbot, table, 0, 1)
    old = model.measure(0).get(model.field(1))
    assert old
    type_over(table, "ใหม่")
    assert table.state() == EDITING
    editor = QApplication.focusWidget()
    assert editor.text() == "ใหม่"
    QTest.keyClick(editor, Qt.Key.Key_Z, CTRL)  # the editor's own undo: the old text again
    assert editor.text() == old
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: table.state() != EDITING)
    assert model.measure(0).get(model.field(1)) == old
    click_cell(qtbot, table, 1, 2)
    type_over(table, "แทนที่")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: table.state() != EDITING)
    assert model.measure(1).get(model.field(2)) == "แทนที่"
    # the other tables of the report do the same
    page = window.report_page
    page.tabs.setCurrentWidget(page.form)
    signers = page.form.signers
    if not signers.rowCount():
        signers.insertRow(0)
    signers.setFocus()
    signers.setCurrentCell(0, 0)
    if signers.item(0, 0) is None or not signers.item(0, 0).text():
        QTest.keyClick(signers, Qt.Key.Key_F2)
        type_text(QApplication.focusWidget(), "นายเดิม")
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: signers.state() != EDITING)
        signers.setCurrentCell(0, 0)
    type_over(signers, "นายใหม่")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: signers.state() != EDITING)
    assert signers.item(0, 0).text() == "นายใหม่"


def test_ctrl_x_cuts_the_cells_and_ctrl_z_brings_them_back(open_window, qtbot):  # noqa: F811
    _window, table = open_demo(open_window)
    model = table.model()
    table.setFocus()
    click_cell(qtbot, table, 0, 1)
    text = model.measure(0).get(model.field(1))
    said: list[str] = []
    table.notice.connect(said.append)
    QTest.keyClick(table, Qt.Key.Key_X, CTRL)
    assert QApplication.clipboard().text().rstrip("\n") == text  # as Excel copies a cell
    assert said == ["ตัด ๑ แถว × ๑ ช่องแล้ว"]  # not «คัดลอก»
    assert model.measure(0).get(model.field(1)) == ""
    QTest.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert model.measure(0).get(model.field(1)) == text


def test_cut_copy_and_paste_are_in_the_edit_menu_for_the_table_and_the_fields(
        open_window, qtbot):  # noqa: F811
    from itadesk.domain.text import to_tsv

    window, table = open_demo(open_window)
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "แก้ไข")
    actions = {a.text().split("\t")[0]: a for a in edit.actions() if not a.isSeparator()}
    assert {"ตัด", "คัดลอก", "วาง"} <= set(actions)
    model = table.model()
    table.setFocus()
    click_cell(qtbot, table, 1, 1)
    text = model.measure(1).get(model.field(1))
    actions["ตัด"].trigger()
    assert QApplication.clipboard().text() == to_tsv([[text]])
    assert model.measure(1).get(model.field(1)) == ""
    click_cell(qtbot, table, 1, 2)
    actions["วาง"].trigger()
    assert model.measure(1).get(model.field(2)) == text
    # in a field of the report's form the menu acts on its text
    page = window.report_page
    page.tabs.setCurrentWidget(page.form)
    field = page.form.lines["prepared_by"]
    field.setFocus()
    field.setText("กองยุทธศาสตร์และงบประมาณ")
    field.setSelection(0, 3)
    actions["คัดลอก"].trigger()
    assert QApplication.clipboard().text() == "กอง"
    # Ctrl+C still goes to the table, not the menu (its key works only while it is open)
    page.show_table()
    table.setFocus()
    click_cell(qtbot, table, 0, 1)
    QTest.keyClick(table, Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().text() == to_tsv([[model.measure(0).get(model.field(1))]])


# ------------------------------------------------------------------ long rows
def test_a_long_row_is_cut_to_half_the_table_and_shown_whole_in_its_editor_and_find(
        open_window, qtbot):  # noqa: F811
    window, table = open_demo(open_window)
    window.resize(1366, 768)
    lines = [f"บรรทัดที่ {i} ของผลการดำเนินการ" for i in range(60)]
    window.session.set_cells([(0, "result", "\n".join(lines))])
    QApplication.processEvents()
    qtbot.waitUntil(lambda: 0 in table._fitted)
    room = table.viewport().height()
    whole = whole_height(table, 0)
    assert whole > room  # taller than the whole table
    # the row is cut to half the table: the next row is in sight under it
    assert table.rowHeight(0) <= room // 2
    assert table.rowViewportPosition(1) < room
    assert table.is_cut(0)
    # painting the cut cell does not fit its row again and again
    table.viewport().repaint()
    QApplication.processEvents()
    assert table.rowHeight(0) <= room // 2 and not table._refit
    # resting the mouse on it says there is more, and how to read it
    model = window.session.model
    column = next(c for c in range(model.columnCount()) if model.field(c) == "result")
    rect = table.visualRect(table.model().index(0, column))
    QApplication.sendEvent(table.viewport(), QHelpEvent(
        QEvent.Type.ToolTip, rect.center(), table.viewport().mapToGlobal(rect.center())))
    tip = QToolTip.text()
    assert CUT_TIP in tip and lines[0] in tip
    assert tip.startswith("<p")  # rich text, which Qt wraps: a plain line ran off the screen
    QToolTip.hideText()
    # its editor (F2) shows the text from the table's top down to its bottom
    click_cell(qtbot, table, 0, column)
    QTest.keyClick(table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: table.state() == EDITING)
    editor = QApplication.focusWidget()
    assert editor.height() > table.rowHeight(0)
    assert editor.geometry().bottom() <= room + 2
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    QApplication.processEvents()
    # find shows the row whole while it is on a word in it, and cut again after
    table.found = (0, column, 0, 4)
    QApplication.processEvents()
    assert table.rowHeight(0) == whole and not table.is_cut(0)
    table.found = None
    assert table.rowHeight(0) <= room // 2
    # a taller table lets the row be taller
    window.resize(1366, 1000)
    QApplication.processEvents()
    qtbot.waitUntil(lambda: table.viewport().height() > room)
    assert table.rowHeight(0) == table.viewport().height() // 2 > room // 2


def test_a_row_added_at_the_end_is_in_sight_and_typing_goes_there(open_window, qtbot):  # noqa: F811
    window, table = open_demo(open_window, "เทศบาลตำบลบ่อปลาทอง")
    window.resize(1366, 768)
    QApplication.processEvents()
    page = window.report_page
    button = next(b for b in page.findChildren(QToolButton)
                  if b.defaultAction() is not None
                  and b.defaultAction().text() == "เพิ่มแถวท้ายตาราง")
    for _ in range(2):  # a second time too: the row before it is then a short one
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.wait(100)
        last = table.model().rowCount() - 1
        assert table.currentIndex().row() == last
        rect = table.visualRect(table.currentIndex())
        assert table.viewport().rect().contains(rect), (rect, table.viewport().rect())
    type_text(table, "มาตรการใหม่")
    qtbot.waitUntil(lambda: table.state() == EDITING)
    editor = QApplication.focusWidget()
    assert table.viewport().rect().intersects(editor.geometry())


def test_a_row_added_stays_in_sight_when_the_rows_above_it_are_fitted_taller(
        open_window, qtbot):  # noqa: F811
    """The rows' heights are guessed before they are fitted: a row above the new one
    found taller than its guess pushed the new row out of sight after the table had
    scrolled to it."""
    window, table = open_demo(open_window, "เทศบาลตำบลบ่อปลาทอง")
    window.resize(1366, 768)
    model = table.model()
    last = model.rowCount() - 1
    # wide letters: the guess (an average letter's width) is well under the fitted height
    window.session.set_cells([(last, model.field(c), "WWWWWWWW " * 12)
                              for c in range(model.columnCount())])
    table.scrollToTop()
    QApplication.processEvents()
    page = window.report_page
    page.add_row()
    qtbot.wait(100)
    rect = table.visualRect(table.currentIndex())
    assert table.currentIndex().row() == last + 1
    assert table.viewport().rect().contains(rect), (rect, table.viewport().rect())


def test_a_cut_cell_lower_down_is_edited_from_the_tables_top(open_window, qtbot):  # noqa: F811
    """Its editor stayed where the cell had been while the table scrolled the row up,
    and ran under the table's edge."""
    window, table = open_demo(open_window, "เทศบาลเมืองกาฬสินธุ์")
    window.resize(910, 512)
    model = table.model()
    long_text = "\n".join(f"บรรทัดที่ {i} ของวิธีดำเนินการ" for i in range(30))
    window.session.set_cells([(3, "steps", long_text)])
    column = next(c for c in range(model.columnCount()) if model.field(c) == "steps")
    click_cell(qtbot, table, 3, column)
    QApplication.processEvents()
    assert table.is_cut(3) and table.rowViewportPosition(3) > 0
    QTest.keyClick(table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: table.state() == EDITING)
    editor = QApplication.focusWidget()
    room = table.viewport().height()
    assert table.rowViewportPosition(3) == 0 == editor.geometry().top()
    assert table.rowHeight(3) < editor.height() and editor.geometry().bottom() <= room
