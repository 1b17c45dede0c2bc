"""Find and replace over the table and every report field, as a Thai reader reads."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from itadesk.thai.search import find_all, replace_all
from itadesk.ui.find_replace import FindReplaceDialog

from .test_table_habits import open_demo
from .test_window import open_window  # noqa: F401  (the fixture)
from .ui_helpers import type_text

CTRL = Qt.KeyboardModifier.ControlModifier


def test_break_hints_and_the_split_sara_am_are_not_in_the_way():
    text = "การ\u200bจัด\u200bทํา\u200bงาน และ ทำงาน"
    assert find_all("จัดทำ", text) == [(4, 11)]  # over a hint and ํ+า
    assert find_all("ทำงาน", text) == [(8, 15), (20, 25)]
    assert find_all("ํางาน", text) == [(9, 15), (21, 25)]  # typed split, found joined
    assert find_all("OIT", "ระบบ oit และ OIT") == [(5, 8), (13, 16)]
    new, count = replace_all(text, "ทำงาน", "ปฏิบัติงาน")
    assert (new, count) == ("การ\u200bจัด\u200bปฏิบัติงาน และ ปฏิบัติงาน", 2)
    assert find_all("", text) == []


def dialog_of(window) -> FindReplaceDialog:
    dialog = window.find_dialog
    assert isinstance(dialog, FindReplaceDialog) and dialog.isVisible()
    return dialog


def test_ctrl_f_jumps_to_each_cell_and_field_found(open_window, qtbot):  # noqa: F811
    window, table = open_demo(open_window)
    session = window.session
    session.set_cells([(3, "owner", "กองช่าง ผู้ทํางานสำรวจ")])  # ํ+า, as some keyboards type
    session.set_report_field("prepared_by", "งานทำงานสำรวจพิเศษ")
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_F, CTRL)
    dialog = dialog_of(window)
    assert not dialog.replace_edit.isVisible()
    type_text(dialog.find_edit, "ทำงานสำรวจ")
    # the first match: the cell made current, the table tab shown
    assert window.report_page.tabs.currentIndex() == 0
    current = table.currentIndex()
    assert (current.row(), table.model().field(current.column())) == (3, "owner")
    assert dialog.status.text() == "แห่งที่ ๑ จาก ๒ แห่ง"
    QTest.keyClick(dialog.find_edit, Qt.Key.Key_Return)  # the next one: a report field
    page = window.report_page
    assert page.tabs.currentWidget() is page.form
    field = page.form.lines["prepared_by"]
    assert field.selectedText() == "ทำงานสำรวจ"
    assert dialog.status.text() == "แห่งที่ ๒ จาก ๒ แห่ง"
    qtbot.waitUntil(dialog.isActiveWindow)
    QTest.keyClick(dialog.find_edit, Qt.Key.Key_F3)  # round again to the cell
    assert page.tabs.currentIndex() == 0 and table.currentIndex().row() == 3
    dialog.find_edit.selectAll()
    type_text(dialog.find_edit, "ไม่มีข้อความนี้แน่นอน")
    assert dialog.status.text().startswith("ไม่พบ")


def test_replace_all_is_one_undo_step(open_window, qtbot):  # noqa: F811
    window, table = open_demo(open_window)
    session, library = window.session, window.library
    report_id = session.report_id
    needle = "ทุกส่วนราชการ"
    session.set_report_field("closing", f"ขอบคุณ{needle}ที่ร่วมมือ")

    def texts() -> list[str]:
        report = library.load_report(report_id)
        return [m.get(f) for m in report.measures for f in ("owner", "steps", "result")] + [
            report.closing]

    before = texts()
    wanted = sum(len(find_all(needle, t)) for t in before)
    assert wanted >= 3
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_H, CTRL)
    dialog = dialog_of(window)
    assert dialog.replace_edit.isVisible()
    type_text(dialog.find_edit, needle)
    dialog.replace_edit.setFocus()
    type_text(dialog.replace_edit, "ทุกกอง")
    QTest.mouseClick(dialog.replace_all_button, Qt.MouseButton.LeftButton)
    after = texts()
    assert not any(find_all(needle, t) for t in after)
    assert sum(t.count("ทุกกอง") for t in after) == wanted + sum(
        t.count("ทุกกอง") for t in before)
    assert dialog.status.text().startswith("แทนที่แล้ว ")
    # one Ctrl+Z in the window takes every replacement back
    window.activateWindow()
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_Z, CTRL)
    QApplication.processEvents()
    assert texts() == before
    # one at a time, as in Word: the first click shows a match, the next replaces it and
    # shows the next one
    dialog.open_for(replace=True)
    QTest.mouseClick(dialog.replace_button, Qt.MouseButton.LeftButton)
    count = len(dialog.matches)
    assert count == wanted and dialog.position == 0
    QTest.mouseClick(dialog.replace_button, Qt.MouseButton.LeftButton)
    assert len(dialog.matches) == count - 1 and dialog.position == 0
    assert sum(len(find_all(needle, t)) for t in texts()) == count - 1


def _yellow_in(table, row: int, column: int) -> int:
    from itadesk.ui.cell_text import FOUND_BACKGROUND

    QApplication.processEvents()
    image = table.viewport().grab().toImage()
    rect = table.visualRect(table.model().index(row, column))
    want = FOUND_BACKGROUND.rgb()
    return sum(1 for x in range(max(rect.left(), 0), min(rect.right(), image.width()))
               for y in range(max(rect.top(), 0), min(rect.bottom(), image.height()))
               if image.pixel(x, y) == want)


def test_the_word_found_in_a_cell_is_on_yellow_until_the_dialog_closes(open_window,  # noqa: F811
                                                                        qtbot):
    window, table = open_demo(open_window)
    session = window.session
    model = table.model()
    column = next(c for c in range(model.columnCount()) if model.field(c) == "owner")
    session.set_cells([(2, "owner", "สำนักปลัด กองคลัง กองช่าง\u200bกองการศึกษา งานพัสดุ")])
    table.setFocus()
    assert _yellow_in(table, 2, column) == 0
    QTest.keyClick(table, Qt.Key.Key_F, CTRL)
    dialog = dialog_of(window)
    type_text(dialog.find_edit, "กองช่าง")
    assert table.currentIndex().row() == 2
    marked = _yellow_in(table, 2, column)
    rect = table.visualRect(table.model().index(2, column))
    assert 0 < marked < rect.width() * rect.height() / 4  # the word, not the cell
    dialog.close()
    assert _yellow_in(table, 2, column) == 0


def test_a_word_deep_in_a_cell_taller_than_the_table_is_scrolled_into_sight(
        open_window, qtbot):  # noqa: F811
    window, table = open_demo(open_window)
    model = table.model()
    column = next(c for c in range(model.columnCount()) if model.field(c) == "steps")
    lines = "\n".join(f"ขั้นที่ {i} ประชุมคณะทำงานและติดตามผล" for i in range(1, 60))
    window.session.set_cells([(0, "steps", lines + "\nตรวจสอบดุลยพินิจของเจ้าหน้าที่")])
    table.setFocus()
    QApplication.processEvents()
    text_height = max(table.delegate.cell_height(model.index(0, c), table.columnWidth(c))
                      for c in range(model.columnCount()))
    assert text_height > table.viewport().height()  # taller than the table
    QTest.keyClick(table, Qt.Key.Key_F, CTRL)
    dialog = dialog_of(window)
    type_text(dialog.find_edit, "ดุลยพินิจ")
    assert table.currentIndex().row() == 0
    qtbot.waitUntil(lambda: _yellow_in(table, 0, column) > 0)  # the word in sight
    dialog.close()


def _cell_on_screen(table, row: int, column: int):
    from PySide6.QtCore import QRect

    viewport = table.viewport()
    rect = table.visualRect(table.model().index(row, column)).intersected(viewport.rect())
    return QRect(viewport.mapToGlobal(rect.topLeft()), rect.size())


def test_the_find_box_does_not_hide_the_cell_it_found(open_window, qtbot):  # noqa: F811
    """Dragged over the cell the next match is in, or where it first opens, the box moves
    off the cell it jumps to, and stays inside the screen."""
    from PySide6.QtCore import QPoint

    window, table = open_demo(open_window)
    model = table.model()
    column = next(c for c in range(model.columnCount()) if model.field(c) == "owner")
    window.session.set_cells([(1, "owner", "กองคลัง งานพัสดุพิเศษ"),
                              (2, "owner", "กองช่าง งานพัสดุพิเศษ")])
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_F, CTRL)
    dialog = dialog_of(window)
    screen = dialog.screen().availableGeometry()
    QApplication.processEvents()
    assert screen.contains(dialog.frameGeometry())
    # the clerk drags the box over the row the word is in
    table.scrollTo(model.index(1, column))
    QApplication.processEvents()
    cell = _cell_on_screen(table, 1, column)
    dialog.move(cell.center() - QPoint(dialog.frameGeometry().width() // 2,
                                       dialog.frameGeometry().height() // 2))
    QApplication.processEvents()
    assert dialog.frameGeometry().intersects(cell)
    type_text(dialog.find_edit, "งานพัสดุพิเศษ")
    for row in (1, 2, 1):
        qtbot.waitUntil(lambda row=row: table.currentIndex().row() == row)
        QApplication.processEvents()
        cell = _cell_on_screen(table, row, column)
        assert cell.isValid() and cell.width() > 0
        qtbot.waitUntil(lambda cell=cell: not dialog.frameGeometry().intersects(cell))
        assert screen.contains(dialog.frameGeometry())
        # moved back over it, the next find moves it off again
        dialog.move(_cell_on_screen(table, 3 - row, column).topLeft())
        QTest.keyClick(dialog.find_edit, Qt.Key.Key_Return)
