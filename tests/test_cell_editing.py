"""The long-text cell editor and pasting odd things into the table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from itadesk.domain.text import MAX_CELL_CHARS, parse_tsv
from itadesk.thai.linebreak import ZWSP
from itadesk.ui.app import make_app
from itadesk.ui.thai_edit import ThaiTextEdit

from .test_window import (  # noqa: F401 (fixture helpers)
    create_report,
    open_window,
    table_values,
)
from .ui_helpers import type_text


def test_editor_keeps_break_hints_out_of_the_text(qtbot):
    make_app()
    editor = ThaiTextEdit()
    qtbot.addWidget(editor)
    editor.show()
    editor.setFocus()
    type_text(editor, "เจ้าหน้าที่ของเทศบาล")
    qtbot.waitUntil(lambda: ZWSP in editor.toPlainText())
    shown = editor.toPlainText()
    assert ZWSP in shown  # hints shown, so the line can wrap between words anywhere
    assert shown.replace(ZWSP, "") == "เจ้าหน้าที่ของเทศบาล"
    assert editor.text() == "เจ้าหน้าที่ของเทศบาล"
    # Backspace removes a letter the clerk can see, not the invisible hint
    editor.moveCursor(QTextCursor.MoveOperation.End)
    for _ in range(len("เทศบาล")):
        qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert editor.text() == "เจ้าหน้าที่ของ"
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert editor.text() == "เจ้าหน้าที่ขอ"
    # arrow keys step over hints: from the end, three lefts pass three letters
    type_text(editor, "งเทศบาล")
    editor.flush_hints()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    for _ in range(len("เทศบาล")):
        qtbot.keyClick(editor, Qt.Key.Key_Left)
    type_text(editor, "X")
    editor.flush_hints()
    assert editor.text() == "เจ้าหน้าที่ของXเทศบาล"
    # in-editor undo takes back the keystroke and its hint together
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert editor.toPlainText() == "เจ้าหน้าที่\u200bของ\u200bเทศบาล"
    # copying gives the clean text
    editor.selectAll()
    editor.copy()
    assert QApplication.clipboard().text() == "เจ้าหน้าที่ของเทศบาล"


def test_ctrl_enter_finishes_enter_is_a_new_line(qtbot):
    make_app()
    editor = ThaiTextEdit()
    qtbot.addWidget(editor)
    editor.show()
    finished = []
    editor.done.connect(lambda: finished.append(True))
    type_text(editor, "บรรทัดแรก\nบรรทัดสอง")
    assert not finished
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert finished == [True]
    assert editor.text() == "บรรทัดแรก\nบรรทัดสอง"


def test_paste_more_columns_huge_text_and_controls(open_window, qtbot):  # noqa: F811
    window = open_window()
    report_id = create_report(qtbot, window, "เทศบาลทดลองวาง")
    session = window.session
    huge = "ก" * (MAX_CELL_CHARS + 5000)
    rows = [["ชื่อ\x00มาตรการ\x07", "วิธี", "เวลา", "ผู้รับผิดชอบ", "ผล", "ผลลัพธ์", "เกิน1", "เกิน2"],
            [huge, "", "", "", "", ""]]
    notice = session.paste(0, 0, rows)
    assert "เกินมา" in notice and "ตัดส่วนท้าย" in notice
    lib = window.library
    titles = table_values(lib, report_id, "title")
    assert titles[0] == "ชื่อมาตรการ"
    assert len(titles[1]) == MAX_CELL_CHARS
    assert table_values(lib, report_id, "outcome")[0] == "ผลลัพธ์"
    # one undo takes the whole paste back, rows included
    window.undo_action.trigger()
    assert table_values(lib, report_id, "title") == []
    window.redo_action.trigger()
    assert table_values(lib, report_id, "title")[0] == "ชื่อมาตรการ"


def test_tsv_from_excel_with_quotes_and_line_breaks():
    text = 'ก\t"ข\r\nค"\t"say ""hi"""\r\nง\t\tจ\r\n'
    assert parse_tsv(text) == [["ก", "ข\nค", 'say "hi"'], ["ง", "", "จ"]]


def test_tsv_keeps_quotes_of_text_that_is_not_a_spreadsheet_block():
    # typed or from Word: quotes around a word are the clerk's, not the format's
    assert parse_tsv('"ITA" คืออะไร\tโครงการ "โปร่งใส"\n') == [
        ['"ITA" คืออะไร', 'โครงการ "โปร่งใส"']]
    assert parse_tsv('"ยังไม่ปิด\tต่อ\nแถวสอง') == [['"ยังไม่ปิด', "ต่อ"], ["แถวสอง"]]


def test_paste_quoted_cells_over_several_lines_from_a_spreadsheet(open_window, qtbot):  # noqa: F811
    from PySide6.QtCore import Qt

    from .test_window import CTRL, click_cell

    window = open_window()
    report_id = create_report(qtbot, window, "เทศบาลทดลองวางหลายบรรทัด")
    table = window.report_page.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    # two rows, three columns, as LibreOffice Calc puts them on the clipboard (CRLF between
    # rows; line breaks, a tab and quotes inside cells)
    QApplication.clipboard().setText(
        '"(๑) ประชุมชี้แจง\r\n(๒) อบรม ""คุณธรรม"""\t"ทั้งปี\tงบประมาณ"\tสำนักปลัด\r\n'
        'ประกาศเจตจำนง\t"ต.ค. ๖๘\nถึง ธ.ค. ๖๘"\t"กองคลัง\n""งานพัสดุ"""\r\n')
    click_cell(qtbot, table, 0, 1)
    qtbot.keyClick(table, Qt.Key.Key_V, CTRL)
    lib = window.library
    assert table_values(lib, report_id, "steps") == [
        '(๑) ประชุมชี้แจง\n(๒) อบรม "คุณธรรม"', "ประกาศเจตจำนง"]
    assert table_values(lib, report_id, "timing") == ["ทั้งปี\tงบประมาณ", "ต.ค. ๖๘\nถึง ธ.ค. ๖๘"]
    assert table_values(lib, report_id, "owner") == ["สำนักปลัด", 'กองคลัง\n"งานพัสดุ"']
    # copied back out, the block is the same cells again
    click_cell(qtbot, table, 0, 1)
    qtbot.keyClick(table, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(table, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(table, Qt.Key.Key_C, CTRL)
    assert parse_tsv(QApplication.clipboard().text()) == [
        ['(๑) ประชุมชี้แจง\n(๒) อบรม "คุณธรรม"', "ทั้งปี\tงบประมาณ", "สำนักปลัด"],
        ["ประกาศเจตจำนง", "ต.ค. ๖๘\nถึง ธ.ค. ๖๘", 'กองคลัง\n"งานพัสดุ"']]
