"""Ctrl+Z and Ctrl+Y go to what they changed, as Word and Excel do (issue 15: a new clerk
undid a cell out of sight and could not see what had come back). Real window, real
library file, real key presses and clicks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from itadesk.thai.search import find_all

from .test_window import (  # noqa: F401 (open_window: the fixture)
    CTRL,
    activate,
    click_cell,
    open_window,
)
from .ui_helpers import type_text

SHIFT = Qt.KeyboardModifier.ShiftModifier
TOWN = "เทศบาลเมืองชัยนาท"  # six tall rows: the last ones are out of sight at the top


def _open(open_window):  # noqa: F811
    window = open_window()
    reports = {r.municipality: r.id for r in window.library.list_reports()}
    window.open_report(reports[TOWN])
    page = window.report_page
    assert page is not None
    page.table.setFocus()
    return window, page, page.table


def _current(table) -> tuple[int, int]:
    index = table.currentIndex()
    return index.row(), index.column()


def _selected(table) -> set[tuple[int, int]]:
    return {(i.row(), i.column()) for i in table.selectedIndexes()}


def _in_sight(table, row: int, column: int) -> bool:
    rect = table.visualRect(table.model().index(row, column))
    return table.viewport().rect().intersects(rect)


def _type_in_cell(qtbot, table, row: int, column: int, text: str) -> None:
    click_cell(qtbot, table, row, column)
    type_text(table, text[0])  # the first key opens the cell's editor
    type_text(QApplication.focusWidget(), text[1:])
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL)


def _shift_click(table, row: int, column: int) -> None:
    index = table.model().index(row, column)
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, SHIFT,
                     table.visualRect(index).center())


def test_undo_and_redo_of_a_cell_make_it_current_and_in_sight(open_window, qtbot):  # noqa: F811
    _window, page, table = _open(open_window)
    model = page.session.model
    before = model.measure(5).result
    _type_in_cell(qtbot, table, 5, 4, "ผลใหม่ของแถวสุดท้าย")
    assert model.measure(5).result == "ผลใหม่ของแถวสุดท้าย"
    click_cell(qtbot, table, 0, 0)
    assert not _in_sight(table, 5, 4)  # the clerk is at the top, the change far below

    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert model.measure(5).result == before
    assert _current(table) == (5, 4)
    assert _in_sight(table, 5, 4)
    assert QApplication.focusWidget() is table

    click_cell(qtbot, table, 0, 0)
    qtbot.keyClick(table, Qt.Key.Key_Y, CTRL)
    assert model.measure(5).result == "ผลใหม่ของแถวสุดท้าย"
    assert _current(table) == (5, 4) and _in_sight(table, 5, 4)
    assert QApplication.focusWidget() is table


def test_undo_of_a_row_delete_makes_the_restored_row_current(open_window, qtbot):  # noqa: F811
    window, page, table = _open(open_window)
    model = page.session.model
    gone = model.measure(4).id
    click_cell(qtbot, table, 4, 1)
    qtbot.keyClick(table, Qt.Key.Key_Delete, CTRL | SHIFT)
    assert model.rowCount() == 5
    click_cell(qtbot, table, 0, 2)

    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert model.rowCount() == 6 and model.measure(4).id == gone
    assert _current(table) == (4, 2)  # the row back, in the column the clerk was in
    assert _selected(table) == {(4, c) for c in range(model.columnCount())}
    assert _in_sight(table, 4, 2) and QApplication.focusWidget() is table
    assert window.statusBar().currentMessage() == "เลิกทำ «ลบ ๑ แถว» แล้ว"  # Thai digits

    # Ctrl+Shift+Z, the other redo key: the row where it was taken away
    click_cell(qtbot, table, 0, 0)
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL | SHIFT)
    assert model.rowCount() == 5
    assert _current(table)[0] == 4 and _in_sight(table, 4, 0)


def test_undo_of_a_row_added_or_moved_goes_to_that_row(open_window, qtbot):  # noqa: F811
    _window, page, table = _open(open_window)
    model = page.session.model
    click_cell(qtbot, table, 0, 0)
    qtbot.keyClick(table, Qt.Key.Key_N, CTRL | SHIFT)  # a row at the end
    assert model.rowCount() == 7
    click_cell(qtbot, table, 0, 0)
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert model.rowCount() == 6
    assert _current(table)[0] == 5 and _in_sight(table, 5, 0)  # where the row was
    click_cell(qtbot, table, 0, 0)
    qtbot.keyClick(table, Qt.Key.Key_Y, CTRL)
    assert model.rowCount() == 7
    assert _current(table)[0] == 6 and _in_sight(table, 6, 0)  # the row, back
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)

    moved = model.measure(4).id
    click_cell(qtbot, table, 4, 1)
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert model.measure(5).id == moved
    click_cell(qtbot, table, 0, 1)
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert model.measure(4).id == moved
    assert _current(table) == (4, 1) and _in_sight(table, 4, 1)
    click_cell(qtbot, table, 0, 1)
    qtbot.keyClick(table, Qt.Key.Key_Y, CTRL)
    assert model.measure(5).id == moved
    assert _current(table) == (5, 1) and _in_sight(table, 5, 1)


def test_undo_of_a_paste_or_cut_selects_the_block(open_window, qtbot):  # noqa: F811
    window, page, table = _open(open_window)
    model = page.session.model
    block = {(r, c) for r in (3, 4) for c in (1, 2)}
    QGuiApplication.clipboard().setText("ก\tข\nค\tง")
    click_cell(qtbot, table, 3, 1)
    qtbot.keyClick(table, Qt.Key.Key_V, CTRL)
    assert model.measure(4).owner == "ง"
    click_cell(qtbot, table, 0, 0)
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert model.measure(4).owner != "ง"
    assert _current(table) == (3, 1) and _selected(table) == block
    # said too: «วางข้อมูล ๒ แถวแล้ว» stayed in the status bar after the undo
    assert window.statusBar().currentMessage() == "เลิกทำ «วางข้อมูล» แล้ว"
    assert _in_sight(table, 3, 1) and QApplication.focusWidget() is table
    assert _in_sight(table, 4, 2)  # the block from its top: not its top-left cell only
    click_cell(qtbot, table, 0, 0)
    qtbot.keyClick(table, Qt.Key.Key_Y, CTRL)
    assert model.measure(4).owner == "ง"
    assert _current(table) == (3, 1) and _selected(table) == block
    assert window.statusBar().currentMessage() == "ทำซ้ำ «วางข้อมูล» แล้ว"

    # a cut of a block one of whose cells was empty already: the whole block, still
    page.session.set_cells([(1, "owner", "")])
    click_cell(qtbot, table, 1, 1)
    _shift_click(table, 2, 3)
    cut = {(r, c) for r in (1, 2) for c in (1, 2, 3)}
    assert _selected(table) == cut
    qtbot.keyClick(table, Qt.Key.Key_X, CTRL)
    assert model.measure(2).timing == ""
    click_cell(qtbot, table, 5, 0)
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert model.measure(2).timing != ""
    assert _current(table) == (1, 1) and _selected(table) == cut
    assert _in_sight(table, 1, 1)


def test_undo_of_a_replace_all_goes_to_the_first_cell_it_changed(open_window, qtbot):  # noqa: F811
    window, page, table = _open(open_window)
    model = page.session.model
    needle = "ทุกส่วนราชการ"
    changed = {(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())
               if find_all(needle, model.index(r, c).data(Qt.ItemDataRole.EditRole) or "")}
    assert len(changed) > 1
    qtbot.keyClick(table, Qt.Key.Key_H, CTRL)
    dialog = window.find_dialog
    type_text(dialog.find_edit, needle)
    dialog.replace_edit.setFocus()
    type_text(dialog.replace_edit, "ทุกกอง")
    qtbot.mouseClick(dialog.replace_all_button, Qt.MouseButton.LeftButton)
    dialog.close()
    activate(qtbot, window)
    click_cell(qtbot, table, 5, 5)

    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    first = min(changed)
    assert needle in model.index(*first).data(Qt.ItemDataRole.EditRole)
    assert _current(table) == first and _in_sight(table, *first)
    assert _selected(table) == changed


def test_undo_of_a_report_field_shows_its_tab_and_focuses_it(open_window, qtbot):  # noqa: F811
    _window, page, table = _open(open_window)
    form = page.form
    qtbot.mouseClick(page.tabs.tabBar(), Qt.MouseButton.LeftButton,
                     pos=page.tabs.tabBar().tabRect(1).center())
    assert page.tabs.currentWidget() is form
    field = form.findChild(QLineEdit, "field_district")
    old = field.text()
    assert old != "วัดสิงห์"
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    field.selectAll()
    type_text(field, "วัดสิงห์")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert page.session.report.district == "วัดสิงห์"
    qtbot.mouseClick(page.tabs.tabBar(), Qt.MouseButton.LeftButton,
                     pos=page.tabs.tabBar().tabRect(0).center())
    click_cell(qtbot, table, 0, 0)

    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert page.session.report.district == old and field.text() == old
    assert page.tabs.currentWidget() is form
    assert QApplication.focusWidget() is field

    qtbot.mouseClick(page.tabs.tabBar(), Qt.MouseButton.LeftButton,
                     pos=page.tabs.tabBar().tabRect(0).center())
    click_cell(qtbot, table, 0, 0)
    qtbot.keyClick(table, Qt.Key.Key_Y, CTRL)
    assert field.text() == "วัดสิงห์"
    assert page.tabs.currentWidget() is form and QApplication.focusWidget() is field


def test_undo_of_a_memo_field_shows_the_memo_and_focuses_it(open_window, qtbot):  # noqa: F811
    _window, page, _table = _open(open_window)
    memo = page.memo
    qtbot.mouseClick(page.tabs.tabBar(), Qt.MouseButton.LeftButton,
                     pos=page.tabs.tabBar().tabRect(2).center())
    field = memo.lines["subject"]
    old = field.text()
    assert old != "รายงานผลการดำเนินการ"
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    field.selectAll()
    type_text(field, "รายงานผลการดำเนินการ")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert page.session.report.memo.subject == "รายงานผลการดำเนินการ"
    # the other fields' tab: the memo is not shown when Ctrl+Z is pressed
    qtbot.mouseClick(page.tabs.tabBar(), Qt.MouseButton.LeftButton,
                     pos=page.tabs.tabBar().tabRect(1).center())
    # (a line edit keeps Ctrl+Z for its own typing: the keyboard in the signers' table)
    page.form.signers.setFocus()

    qtbot.keyClick(page.form.signers, Qt.Key.Key_Z, CTRL)
    assert page.session.report.memo.subject == old and field.text() == old
    assert page.tabs.currentWidget() is memo
    assert QApplication.focusWidget() is field


def test_undo_in_a_cell_just_opened_shows_the_text_it_brings_back(open_window, qtbot):  # noqa: F811
    """A cell edited, opened again (F2), Ctrl+Z with nothing typed in it: the window's
    undo. The editor had the undone text, and clicking away saved it over the undo."""
    _, page, table = _open(open_window)
    model = page.session.model
    before = model.measure(1).owner
    _type_in_cell(qtbot, table, 1, 2, "กองคลัง")
    qtbot.keyClick(table, Qt.Key.Key_F2)
    assert table.state() == table.State.EditingState
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
    assert model.measure(1).owner == before
    assert table.state() != table.State.EditingState
    assert _current(table) == (1, 2) and QApplication.focusWidget() is table
    click_cell(qtbot, table, 0, 0)
    assert model.measure(1).owner == before  # not "กองคลัง" again
    assert page.session.undo_stack.canRedo()


def test_undo_of_a_signer_shows_the_signers_row(open_window, qtbot):  # noqa: F811
    _, page, table = _open(open_window)
    form, tabs = page.form, page.tabs
    qtbot.mouseClick(tabs.tabBar(), Qt.MouseButton.LeftButton,
                     pos=tabs.tabBar().tabRect(1).center())
    signers = form.signers
    old = page.session.report.signers[1].name
    form.ensureWidgetVisible(signers)
    qtbot.mouseClick(signers.viewport(), Qt.MouseButton.LeftButton,
                     pos=signers.visualItemRect(signers.item(1, 0)).center())
    qtbot.keyClick(signers, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_text(editor, "นายสมชาย ใจดี")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.session.report.signers[1].name == "นายสมชาย ใจดี")
    qtbot.mouseClick(tabs.tabBar(), Qt.MouseButton.LeftButton,
                     pos=tabs.tabBar().tabRect(0).center())
    click_cell(qtbot, table, 0, 0)

    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert page.session.report.signers[1].name == old
    assert tabs.currentWidget() is form and QApplication.focusWidget() is signers
    assert (signers.currentRow(), signers.currentColumn()) == (1, 0)


def test_a_paste_that_added_rows_undone_and_redone(open_window, qtbot):  # noqa: F811
    """Three rows pasted on the last one: two rows added. Undone, the last row's cells
    are the block; redone, the block reaches into the rows added again."""
    _, page, table = _open(open_window)
    model = page.session.model
    QGuiApplication.clipboard().setText("ก\tข\nค\tง\nจ\tฉ")
    click_cell(qtbot, table, 5, 1)
    qtbot.keyClick(table, Qt.Key.Key_V, CTRL)
    assert model.rowCount() == 8
    click_cell(qtbot, table, 0, 0)
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert model.rowCount() == 6
    assert _current(table) == (5, 1) and _selected(table) == {(5, 1), (5, 2)}
    assert _in_sight(table, 5, 1)
    click_cell(qtbot, table, 0, 0)
    qtbot.keyClick(table, Qt.Key.Key_Y, CTRL)
    assert model.rowCount() == 8 and model.measure(7).steps == "จ"
    assert _current(table) == (5, 1)
    assert _selected(table) == {(r, c) for r in (5, 6, 7) for c in (1, 2)}


def test_an_undone_paste_of_many_rows_takes_them_away_at_once(open_window, qtbot):  # noqa: F811
    """Found with this: Ctrl+Z of a paste of 5,000 rows took over two minutes, the rows
    taken away one by one and the table redoing its spans and heights after each."""
    _, page, table = _open(open_window)
    model = page.session.model
    QGuiApplication.clipboard().setText("\n".join(f"มาตรการ {i}\tขั้นตอน" for i in range(400)))
    click_cell(qtbot, table, 5, 0)
    qtbot.keyClick(table, Qt.Key.Key_V, CTRL)
    assert model.rowCount() == 405
    removals: list[tuple[int, int]] = []
    model.rowsRemoved.connect(lambda _parent, first, last: removals.append((first, last)))
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert model.rowCount() == 6
    assert removals == [(6, 404)]
    assert _current(table) == (5, 0)


def test_many_rows_deleted_come_back_at_once(open_window, qtbot):  # noqa: F811
    """Ctrl+Z of 3,000 rows deleted took a minute: they came back one by one."""
    _, page, table = _open(open_window)
    model, session = page.session.model, page.session
    session.paste(6, 0, [[f"มาตรการ {i}", "ขั้นตอน"] for i in range(400)])
    gone = [model.measure(r).id for r in (2, *range(10, 300))]
    session.delete_rows([2, *range(10, 300)])
    assert model.rowCount() == 406 - len(gone)
    insertions: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: insertions.append((first, last)))
    click_cell(qtbot, table, 0, 0)
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert [model.measure(r).id for r in (2, *range(10, 300))] == gone
    assert insertions == [(2, 2), (10, 299)]
    assert _current(table) == (2, 0)
    assert _selected(table) == {(r, c) for r in (2, *range(10, 300))
                                for c in range(model.columnCount())}


def test_undo_of_a_cell_from_the_report_tab_shows_the_table(open_window, qtbot):  # noqa: F811
    _, page, table = _open(open_window)
    before = page.session.model.measure(3).timing
    _type_in_cell(qtbot, table, 3, 3, "ไตรมาสที่ ๒")
    qtbot.mouseClick(page.tabs.tabBar(), Qt.MouseButton.LeftButton,
                     pos=page.tabs.tabBar().tabRect(1).center())
    page.form.signers.setFocus()
    qtbot.keyClick(page.form.signers, Qt.Key.Key_Z, CTRL)
    assert page.session.model.measure(3).timing == before
    assert page.tabs.currentWidget() is page.splitter
    assert _current(table) == (3, 3) and _in_sight(table, 3, 3)
    assert QApplication.focusWidget() is table  # not left on the tab now hidden


def test_ctrl_home_after_an_undo_selects_the_cell_gone_to(open_window, qtbot):  # noqa: F811
    """The block an undo selects stayed selected through Ctrl+Home (Qt moved only the
    frame), and Delete then emptied the block, not the cell the clerk was on."""
    _, page, table = _open(open_window)
    model = page.session.model
    QGuiApplication.clipboard().setText("ก\tข\nค\tง")
    click_cell(qtbot, table, 3, 1)
    qtbot.keyClick(table, Qt.Key.Key_V, CTRL)
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert len(_selected(table)) == 4
    kept = [model.measure(r).steps for r in (3, 4)]
    qtbot.keyClick(table, Qt.Key.Key_Home, CTRL)
    assert _current(table) == (0, 0) and _selected(table) == {(0, 0)}
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert model.measure(0).title == ""
    assert [model.measure(r).steps for r in (3, 4)] == kept
    qtbot.keyClick(table, Qt.Key.Key_End, CTRL | SHIFT)  # Shift still stretches it
    assert len(_selected(table)) == model.rowCount() * model.columnCount()
