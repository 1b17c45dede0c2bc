"""A sample report the clerk edits becomes the clerk's own: a clerk worked a month in one
still marked «ลบได้เมื่อไม่ใช้», and could have deleted real work."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from itadesk.domain.model import SAMPLE

from .test_samples import names
from .test_window import CTRL, click_cell, open_window  # noqa: F401  (the fixture)
from .ui_helpers import type_text, when_dialog_opens

ADOPTED = "ไม่ใช่ตัวอย่างอีกต่อไป"


def _open_first_sample(qtbot, window) -> int:
    page = window.library_page
    page.table.setFocus()
    page.table.selectRow(0)
    report_id = page.selected_id()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert window.session is not None and window.session.report_id == report_id
    return report_id


def _type_in_cell(qtbot, table, row: int, column: int, text: str) -> None:
    click_cell(qtbot, table, row, column)
    type_text(table, text[0])  # a key opens the cell's editor with it
    editor = QApplication.focusWidget()
    assert editor is not table
    type_text(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL)


def test_the_first_edit_of_a_sample_makes_it_the_clerk_s(open_window, qtbot):  # noqa: F811
    window = open_window()
    report_id = _open_first_sample(qtbot, window)
    page = window.report_page
    assert page.heading.text().startswith(SAMPLE)
    assert SAMPLE in window.windowTitle()  # marked where it is opened, as in the list

    _type_in_cell(qtbot, page.table, 0, 1, "ประชุมคณะทำงาน")
    qtbot.waitUntil(lambda: ADOPTED in window.statusBar().currentMessage())
    # alone: not beside the key hint of the cell's editor, closed now
    assert "Esc" not in window.statusBar().currentMessage()
    assert not page.heading.text().startswith(SAMPLE), page.heading.text()
    assert SAMPLE not in window.windowTitle()
    assert not window.library.load_report(report_id).origin.sample

    # said once: the next edit says nothing of it
    window.statusBar().clearMessage()
    _type_in_cell(qtbot, page.table, 1, 1, "ติดตามผล")
    qtbot.wait(50)
    assert ADOPTED not in window.statusBar().currentMessage()

    # the edits taken back, it stays the clerk's (they have worked in it)
    qtbot.keyClick(page.table, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(page.table, Qt.Key.Key_Z, CTRL)
    assert not window.library.load_report(report_id).origin.sample
    assert not page.heading.text().startswith(SAMPLE)

    # the library list: no mark, no «ลบได้เมื่อไม่ใช้»; the samples not touched keep both
    qtbot.keyClick(page.table, Qt.Key.Key_L, CTRL)
    listed = window.library_page
    assert window.stack.currentWidget() is listed
    listed.select(report_id)
    row = listed.table.currentRow()
    name = listed.table.item(row, 0).text()
    source = listed.table.item(row, 5).text()
    assert not name.startswith(SAMPLE), name
    assert "ลบได้เมื่อไม่ใช้" not in source and "รายงานของคุณ" in source, source
    others = [n for n in names(window) if n != name]
    assert others and all(n.startswith(SAMPLE) for n in others), others
    assert listed.samples_hint.isVisible()  # the others are still samples

    # its deletion is asked as for any report, not as a sample's
    seen: list[str] = []
    when_dialog_opens(_answer_no(seen))
    qtbot.mouseClick(listed.delete_button, Qt.MouseButton.LeftButton)
    assert seen and "ตัวอย่าง" not in seen[0], seen
    assert report_id in [r.id for r in window.library.list_reports()]


def _answer_no(seen: list[str]):
    from PySide6.QtWidgets import QMessageBox

    def action(box) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(f"{box.text()}\n{box.informativeText()}")
        box.button(QMessageBox.StandardButton.No).click()

    return action


def test_a_sample_edited_stays_the_clerk_s_after_a_restart(open_window, qtbot):  # noqa: F811
    window = open_window()
    report_id = _open_first_sample(qtbot, window)
    form = window.report_page.form
    window.report_page.tabs.setCurrentWidget(form)
    district = form.lines["district"]
    district.setFocus()
    district.selectAll()
    type_text(district, "เมือง")
    qtbot.keyClick(district, Qt.Key.Key_Return)  # a form field is an edit too
    qtbot.waitUntil(lambda: ADOPTED in window.statusBar().currentMessage())
    window.close()
    window.library.close()

    again = open_window()
    listed = again.library_page
    listed.select(report_id)
    assert not listed.table.item(listed.table.currentRow(), 0).text().startswith(SAMPLE)
    again.open_report(report_id)
    assert not again.report_page.heading.text().startswith(SAMPLE)
    assert SAMPLE not in again.windowTitle()


def test_opening_a_sample_and_reading_it_leaves_it_a_sample(open_window, qtbot):  # noqa: F811
    window = open_window()
    report_id = _open_first_sample(qtbot, window)
    table = window.report_page.table
    click_cell(qtbot, table, 1, 1)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # nothing typed
    qtbot.keyClick(table, Qt.Key.Key_L, CTRL)
    assert window.library.load_report(report_id).origin.sample
    listed = window.library_page
    listed.select(report_id)
    assert listed.table.item(listed.table.currentRow(), 0).text().startswith(SAMPLE)


def test_a_paste_first_says_both(open_window, qtbot):  # noqa: F811
    """The paste's own notice and that the sample is the clerk's now, side by side."""
    window = open_window()
    _open_first_sample(qtbot, window)
    table = window.report_page.table
    QApplication.clipboard().setText("กองคลัง")
    click_cell(qtbot, table, 0, 1)
    qtbot.keyClick(table, Qt.Key.Key_V, CTRL)
    qtbot.waitUntil(lambda: ADOPTED in window.statusBar().currentMessage())
    assert "วางข้อมูล" in window.statusBar().currentMessage()
