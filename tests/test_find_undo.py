"""The find box after a replace, as a new clerk met it: Ctrl+Z in the box (it has the
keyboard) takes the replace back, the yellow mark stands on the next match exactly, and
the box stays off the report field or signer it found."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from itadesk.domain.model import Signer
from itadesk.thai.search import find_all
from itadesk.ui.find_place import cell_rect, visible_rect

from .test_find_replace import dialog_of
from .test_table_habits import open_demo
from .test_window import open_window  # noqa: F401  (the fixture)
from .ui_helpers import type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NEEDLE = "ทุกส่วนราชการ"


def _replace_box(window, table, qtbot, needle: str, replacement: str):
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_H, CTRL)
    dialog = dialog_of(window)
    qtbot.waitUntil(dialog.isActiveWindow)
    type_text(dialog.find_edit, needle)
    dialog.replace_edit.setFocus()
    type_text(dialog.replace_edit, replacement)
    return dialog


def test_ctrl_z_in_the_box_takes_the_replace_back(open_window, qtbot):  # noqa: F811
    window, table = open_demo(open_window)
    session = window.session
    session.set_report_field("closing", f"ขอบคุณ{NEEDLE}ที่ร่วมมือ")

    def count(needle: str) -> int:
        report = session.current_report()
        texts = [m.get(f) for m in report.measures for f in ("owner", "steps", "result")]
        return sum(len(find_all(needle, t)) for t in [*texts, report.closing])

    wanted = count(NEEDLE)
    assert wanted >= 3
    dialog = _replace_box(window, table, qtbot, NEEDLE, "ทุกกอง")
    # the clerk tabs to «แทนที่ทั้งหมด» and presses the space bar, as on any button
    dialog.replace_all_button.setFocus()
    QTest.keyClick(dialog.replace_all_button, Qt.Key.Key_Space)
    assert count(NEEDLE) == 0
    assert "Ctrl+Z" in dialog.status.text()
    # the box has the keyboard: Ctrl+Z there takes the replace back
    QTest.keyClick(dialog.replace_all_button, Qt.Key.Key_Z, CTRL)
    QApplication.processEvents()
    assert count(NEEDLE) == wanted
    assert dialog.isVisible() and "เลิกทำ" in dialog.status.text()
    assert len(dialog.matches) == wanted  # found again, and said so
    assert dialog.status.text().endswith(f"พบ {_thai(wanted)} แห่ง")
    # Ctrl+Y in the find field does it again; the field had nothing of its own to redo
    dialog.find_edit.setFocus()
    QTest.keyClick(dialog.find_edit, Qt.Key.Key_Y, CTRL)
    QApplication.processEvents()
    assert count(NEEDLE) == 0 and dialog.find_edit.text() == NEEDLE
    assert "ทำซ้ำ" in dialog.status.text() and not dialog.matches
    # right after a step the box took, Ctrl+Z in the find field is the report's, not the
    # field's (it would have emptied the word typed)
    QTest.keyClick(dialog.find_edit, Qt.Key.Key_Z, CTRL)
    QApplication.processEvents()
    assert count(NEEDLE) == wanted and dialog.find_edit.text() == NEEDLE
    QTest.keyClick(dialog.find_edit, Qt.Key.Key_Z, CTRL | SHIFT)
    QApplication.processEvents()
    assert count(NEEDLE) == 0
    # a word typed in the field since: Ctrl+Z takes the typing back first, as in any field
    QTest.keyClick(dialog.find_edit, Qt.Key.Key_End)
    type_text(dialog.find_edit, "ทุก")
    QTest.keyClick(dialog.find_edit, Qt.Key.Key_Z, CTRL)
    QApplication.processEvents()
    # (the field's own undo: Qt's line edit takes back the typing since it had the
    # keyboard, the word too)
    assert dialog.find_edit.text() != NEEDLE + "ทุก" and count(NEEDLE) == 0


def _thai(n: int) -> str:
    from itadesk.thai.digits import to_thai_digits

    return to_thai_digits(str(n))


def test_after_a_replace_the_mark_is_on_the_next_match_exactly(open_window, qtbot):  # noqa: F811
    """«ทุกส่วน» replaced by «ทุกส่วนราชการ»: the next find was the needle inside the
    replacement (yellow on «ทุกส่วน» of «ทุกส่วนราชการ»), and แทนที่ again grew it.
    (A word the demo has nowhere else, so that row 1 is the first.)"""
    window, table = open_demo(open_window)
    model = table.model()
    column = next(c for c in range(model.columnCount()) if model.field(c) == "owner")
    window.session.set_cells([(1, "owner", "แจ้งทุกหมู่เหล่า และทุกหมู่เหล่า ทราบ")])
    dialog = _replace_box(window, table, qtbot, "ทุกหมู่เหล่า", "ทุกหมู่เหล่าชาวไทย")
    assert table.found == (1, column, 4, 16)  # the first
    dialog.replace_button.setFocus()
    QTest.keyClick(dialog.replace_button, Qt.Key.Key_Space)  # replaces the first
    text = model.measure(1).get("owner")
    assert text == "แจ้งทุกหมู่เหล่าชาวไทย และทุกหมู่เหล่า ทราบ"
    second = text.index("ทุกหมู่เหล่า", 10)
    assert table.found == (1, column, second, second + 12)  # the next one
    QTest.keyClick(dialog.replace_button, Qt.Key.Key_Space)  # replaces the second
    done = "แจ้งทุกหมู่เหล่าชาวไทย และทุกหมู่เหล่าชาวไทย"
    assert model.measure(1).get("owner") == done + " ทราบ"
    found = table.found
    # not on what was just put in (the first, round again, is Word's "from the top")
    assert found is None or found[:2] != (1, column) or found[2] < len(done) - 18
    # a word put in where the last match was: no mark left over it
    dialog.find_edit.selectAll()
    type_text(dialog.find_edit, "ทราบ")
    assert table.found is not None and table.found[:2] == (1, column)
    dialog.replace_edit.selectAll()
    type_text(dialog.replace_edit, "ทราบโดยทั่วกัน")
    QTest.keyClick(dialog.replace_all_button, Qt.Key.Key_Space)
    found = table.found
    assert found is None or model.measure(found[0]).get(model.field(found[1]))[
        found[2]:found[3]] == "ทราบ"


def test_the_box_stays_off_the_report_field_and_signer_it_found(open_window,  # noqa: F811
                                                                 qtbot):
    window, table = open_demo(open_window)
    session, page = window.session, window.report_page
    word = "พิเศษสุดยอด"
    session.set_report_field("prepared_by", f"งาน{word}")
    signers = list(session.report.signers) or [Signer()]
    signers[0] = dataclasses.replace(signers[0], name=f"นาย{word} ใจดี")
    session.set_report_field("signers", tuple(signers))
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_F, CTRL)
    dialog = dialog_of(window)
    type_text(dialog.find_edit, word)
    field = page.form.lines["prepared_by"]
    signer_table = page.form.signers

    def where() -> object:
        if dialog.position == 0:
            return visible_rect(field)
        return cell_rect(signer_table, 0, 0)

    assert page.tabs.currentWidget() is page.form
    for step in range(4):
        qtbot.waitUntil(lambda: where().isValid() and where().width() > 0)
        qtbot.waitUntil(lambda: not dialog.frameGeometry().intersects(where()))
        # dragged over the other one, the next find moves it off again
        other = cell_rect(signer_table, 0, 0) if dialog.position == 0 else visible_rect(field)
        if other.isValid():
            dialog.move(other.center() - QPoint(dialog.width() // 2, dialog.height() // 2))
            QApplication.processEvents()
        QTest.keyClick(dialog.find_edit, Qt.Key.Key_Return)
        assert dialog.position == (step + 1) % 2


def test_ctrl_z_in_the_box_before_any_replace_never_touches_the_report(open_window,  # noqa: F811
                                                                        qtbot):
    """A clerk typed in the find field, pressed Ctrl+Z three times: the field emptied,
    then the report lost an edit on the memo's tab, with the window gone there."""
    window, table = open_demo(open_window)
    session = window.session
    session.set_report_field("closing", "ข้อความปิดท้ายที่พิมพ์ไว้")
    steps = session.undo_stack.index()
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_F, CTRL)
    dialog = dialog_of(window)
    qtbot.waitUntil(dialog.isActiveWindow)
    type_text(dialog.find_edit, "สำนักปลัด")
    shown = window.report_page.tabs.currentIndex()  # where find went
    for _ in range(3):
        QTest.keyClick(dialog.find_edit, Qt.Key.Key_Z, CTRL)
        QApplication.processEvents()
    assert dialog.find_edit.text() == ""  # the field's own typing, taken back
    assert session.undo_stack.index() == steps
    assert session.current_report().closing == "ข้อความปิดท้ายที่พิมพ์ไว้"
    assert window.report_page.tabs.currentIndex() == shown  # the window stayed there
    QTest.keyClick(dialog.find_edit, Qt.Key.Key_Y, CTRL)  # the field's redo, not the report's
    assert dialog.find_edit.text() == "สำนักปลัด" and session.undo_stack.index() == steps


def test_the_box_opened_again_counts_its_word_anew(open_window, qtbot):  # noqa: F811
    window, table = open_demo(open_window)
    dialog = _replace_box(window, table, qtbot, NEEDLE, "ทุกกอง")
    dialog.replace_all_button.setFocus()
    QTest.keyClick(dialog.replace_all_button, Qt.Key.Key_Space)
    assert "แทนที่แล้ว" in dialog.status.text()
    dialog.close()
    window.session.set_cells([(0, "owner", NEEDLE)])  # one more since
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_H, CTRL)
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.isActiveWindow())
    assert dialog.find_edit.text() == NEEDLE  # the word of last time, kept
    assert dialog.status.text() == "พบ ๑ แห่ง"  # counted now, not what was said then
