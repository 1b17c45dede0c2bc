"""Creating and deleting reports are steps like any edit (Ctrl+Z, Ctrl+Y), and every step
tells the views what it changed, so the checks and the preview redo only that part.
Real window, real library file, real key presses and clicks."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from itadesk.domain import Score
from itadesk.ui.new_report import NewReportDialog

from .test_window import (  # noqa: F401 (open_window: the fixture)
    CTRL,
    activate,
    click_cell,
    open_window,
)
from .ui_helpers import type_text, when_dialog_opens


def _new_report_with_keys(qtbot, window, municipality: str) -> None:
    def fill(dialog) -> None:
        assert isinstance(dialog, NewReportDialog)
        dialog.municipality.setFocus()
        type_text(dialog.municipality, municipality)
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    when_dialog_opens(fill)
    qtbot.keyClick(window.library_page.table, Qt.Key.Key_N, CTRL)
    activate(qtbot, window)


def _row_of(window, report_id: int) -> int:
    table = window.library_page.table
    return next(r for r in range(table.rowCount())
                if table.item(r, 0).data(Qt.ItemDataRole.UserRole) == report_id)


def test_a_new_report_goes_with_ctrl_z_and_comes_back_with_ctrl_y(open_window, qtbot):  # noqa: F811
    window = open_window()
    before = {r.id for r in window.library.list_reports()}
    _new_report_with_keys(qtbot, window, "เทศบาลตำบลเลิกทำ")
    session = window.session
    assert session is not None and session.report.municipality == "เทศบาลตำบลเลิกทำ"
    new_id = session.report_id
    assert {r.id for r in window.library.list_reports()} == before | {new_id}

    # one row typed into the new report: the first Ctrl+Z takes back the row, the
    # second the report itself
    table = window.report_page.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    click_cell(qtbot, table, 0, 0)
    type_text(table, "ม")
    type_text(QApplication.focusWidget(), "าตรการใหม่")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL)
    assert [m.title for m in window.library.load_measures(new_id)] == ["มาตรการใหม่"]
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert [m.title for m in window.library.load_measures(new_id)] == [""]
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert window.library.load_measures(new_id) == []
    assert window.undo_action.text() == "เลิกทำ สร้างรายงานใหม่"
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert {r.id for r in window.library.list_reports()} == before
    assert window.session is None and window.stack.currentWidget() is window.library_page

    qtbot.keyClick(window.library_page.table, Qt.Key.Key_Y, CTRL)
    assert {r.id for r in window.library.list_reports()} == before | {new_id}
    assert window.library.load_report(new_id).municipality == "เทศบาลตำบลเลิกทำ"
    assert window.library_page.selected_id() == new_id  # shown where the clerk looks


def test_a_new_report_opens_on_its_table_ready_for_typing(open_window, qtbot):  # noqa: F811
    """The table is what the clerk fills: a new report opens on it, the keyboard in it;
    the first key typed in the empty table starts its first row's first cell."""
    window = open_window()
    _new_report_with_keys(qtbot, window, "เทศบาลตำบลตารางก่อน")
    page = window.report_page
    assert page.tabs.currentWidget() is page.splitter
    table = page.table
    assert QApplication.focusWidget() is table
    type_text(QApplication.focusWidget(), "ม")
    assert table.model().rowCount() == 1
    assert (table.currentIndex().row(), table.currentIndex().column()) == (0, 0)
    assert table.state() == table.State.EditingState
    type_text(QApplication.focusWidget(), "าตรการแรก")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL)
    new_id = window.session.report_id
    assert [m.title for m in window.library.load_measures(new_id)] == ["มาตรการแรก"]
    # Enter in an empty table does the same (a new row, its first cell being edited)
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert table.model().rowCount() == 0
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert table.model().rowCount() == 1 and table.state() == table.State.EditingState
    assert (table.currentIndex().row(), table.currentIndex().column()) == (0, 0)


def test_a_deleted_report_comes_back_whole_with_ctrl_z(open_window, qtbot):  # noqa: F811
    window = open_window()
    reports = {r.municipality: r.id for r in window.library.list_reports()}
    rid = reports["เทศบาลเมืองชัยนาท"]
    first = window.library.load_measures(rid)[0]
    window.library.set_scores(rid, first.id, (Score("การเปิดเผยข้อมูล", "92.26", "95.31"),))
    whole = window.library.load_report(rid)
    assert whole.signers and whole.options and any(m.scores for m in whole.measures)
    table = window.library_page.table
    row = _row_of(window, rid)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(row, 0)).center())
    asked: list[str] = []

    def yes(box) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

    when_dialog_opens(yes)
    qtbot.mouseClick(window.library_page.delete_button, Qt.MouseButton.LeftButton)
    assert "เลิกทำ" in asked[0]
    assert rid not in {r.id for r in window.library.list_reports()}
    assert "นำกลับมาได้" in window.statusBar().currentMessage()

    activate(qtbot, window)
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert window.library.load_report(rid) == whole  # ids, measures, scores, signers, times
    assert window.library_page.selected_id() == rid
    qtbot.keyClick(table, Qt.Key.Key_Y, CTRL)
    assert rid not in {r.id for r in window.library.list_reports()}
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert window.library.load_report(rid) == whole

    # inside another report, Ctrl+Z is that report's: it never deletes or restores others
    qtbot.keyClick(table, Qt.Key.Key_Y, CTRL)
    window.open_report(reports["เทศบาลตำบลบ่อปลาทอง"])
    assert not window.undo_action.isEnabled()
    qtbot.keyClick(window.report_page.table, Qt.Key.Key_Z, CTRL)
    assert rid not in {r.id for r in window.library.list_reports()}


def test_one_edit_rechecks_one_measure_and_nothing_is_read_back(open_window, qtbot):  # noqa: F811
    window = open_window()
    reports = {r.municipality: r.id for r in window.library.list_reports()}
    rid = reports["เทศบาลตำบลบ่อปลาทอง"]
    window.open_report(rid)
    table = window.report_page.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_F5)  # the preview
    qtbot.keyClick(table, Qt.Key.Key_F7)  # the checks
    preview, pane = window.preview, window.checks_pane
    assert preview is not None and pane is not None
    qtbot.waitSignal(preview.refreshed, timeout=60_000).wait()
    assert pane.checker.checked == window.session.model.rowCount()
    findings = len(pane.findings)

    # from now on, count every time the report is read back from the library
    library = window.library
    reads: list[int] = []
    load_report = library.load_report
    library.load_report = lambda report_id: (reads.append(report_id), load_report(report_id))[1]

    click_cell(qtbot, table, 1, 4)  # ผลการดำเนินการ of the second measure
    assert window.session.model.field(4) == "result"
    qtbot.keyClick(table, Qt.Key.Key_F2)  # on from the end of the cell's text
    with qtbot.waitSignal(preview.refreshed, timeout=60_000):
        type_text(QApplication.focusWidget(), "ITA ปี ๒๕๖๗ ได้ ๘๐ ส่วน ITA ปี ๒๕๖๗ ได้ ๙๐ ผลใหม่ในตัวอย่าง")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: len(pane.findings) == findings + 1, timeout=10_000)
    assert pane.checker.checked == 1  # the edited measure, the others kept
    assert any(f.row == 1 and f.field == "result" and f.kind == "year" for f in pane.findings)
    shown = "".join(preview.document.getAllText(p).text()
                    for p in range(preview.document.pageCount()))
    assert "ผลใหม่ในตัวอย่าง" in shown.replace("\n", "").replace(" ", "")
    assert reads == []  # neither the preview nor the checks read the report back
    # what the views were given is what the library holds (but the time of the last edit)
    assert dataclasses.replace(window.session.current_report(), updated="") == (
        dataclasses.replace(load_report(rid), updated=""))

    # an option is not checked: the checks are left alone, the preview follows
    checked_before = pane.checker.checked
    with qtbot.waitSignal(preview.refreshed, timeout=60_000):
        window.session.set_report_field("options", {**window.session.report.options,
                                                    "cover": True})
    assert not pane._timer.isActive() and pane.checker.checked == checked_before
    assert reads == []


def test_library_steps_are_forgotten_when_a_backup_replaces_the_library(open_window, qtbot):  # noqa: F811
    first = open_window()  # first start: the demo library; the second takes a backup
    first.close()
    first.library.close()
    window = open_window()
    reports = {r.municipality: r.id for r in window.library.list_reports()}
    window.library.take_backup()
    window.library_session.delete_report(reports["เทศบาลเมืองชัยนาท"])
    assert window.undo_action.isEnabled()
    assert window.restore_from(window.library.backups()[0])
    assert not window.undo_action.isEnabled()

