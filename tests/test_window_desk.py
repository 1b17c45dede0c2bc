"""What a new clerk found trying the program in a real window (the library list, the
undo of a delete), driven with real clicks and keys."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from .test_window import CTRL, activate, open_window  # noqa: F401 (open_window: the fixture)
from .ui_helpers import when_dialog_opens


def test_a_click_below_the_rows_selects_nothing_and_delete_does_nothing(open_window,  # noqa: F811
                                                                        qtbot):
    """The last report clicked stayed the target after a click on the empty space under
    the rows: «ลบรายงาน…» then asked to delete it."""
    window = open_window()
    page = window.library_page
    table = page.table
    last = table.rowCount() - 1
    rect = table.visualRect(table.model().index(last, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.selected_id() is not None and page.delete_button.isEnabled()
    below = QPoint(rect.center().x(), rect.bottom() + 40)
    assert below.y() < table.viewport().height()
    assert not table.indexAt(below).isValid()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=below)
    assert page.selected_id() is None
    assert not page.delete_button.isEnabled() and not page.open_button.isEnabled()
    asked: list[str] = []
    when_dialog_opens(lambda box: (asked.append(box.text()), box.reject()), tries=10)
    qtbot.keyClick(table, Qt.Key.Key_Return)  # opens nothing either
    page.delete_button.click()
    qtbot.wait(300)
    assert not asked
    assert window.stack.currentWidget() is page
    # a row clicked again is the target again
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.delete_button.isEnabled() and page.selected_id() is not None


def test_ctrl_z_after_a_delete_says_the_report_is_back(open_window, qtbot):  # noqa: F811
    window = open_window()
    page = window.library_page
    table = page.table
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(0, 0)).center())
    rid = page.selected_id()

    def yes(box) -> None:
        assert isinstance(box, QMessageBox)
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

    when_dialog_opens(yes)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert rid not in {r.id for r in window.library.list_reports()}
    assert "ออกจากคลัง" in window.statusBar().currentMessage()
    activate(qtbot, window)
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert rid in {r.id for r in window.library.list_reports()}
    shown = window.statusBar().currentMessage()
    assert "ออกจากคลัง" not in shown and "กลับมาไว้ในคลังแล้ว" in shown, shown


def test_keep_both_names_the_copy_it_makes_and_the_open_report_shows_it(open_window,  # noqa: F811
                                                                        qtbot):
    """A third copy was announced as «(ฉบับที่ ๒)» and listed as «(ฉบับที่ ๓)»."""
    window = open_window()
    reports = {r.municipality: r.id for r in window.library.list_reports()}
    this_year = reports["เทศบาลตำบลบ่อปลาทอง"]
    window.open_report(this_year)
    assert window.create_next_year() is not None
    told: list[str] = []

    def keep_both(box) -> None:
        told.append(box.informativeText())
        button = next(b for b in box.buttons() if b.text() == "เก็บไว้ทั้งสองฉบับ")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    made = []
    for _ in range(2):
        window.open_report(this_year)
        when_dialog_opens(keep_both)
        made.append(window.create_next_year())
    assert "«(ฉบับที่ ๒)»" in told[0]
    assert "«(ฉบับที่ ๓)»" in told[1], told[1]
    third = window.library.load_report(made[1])
    assert third.origin.copy == 3
    window.open_report(made[1])
    assert "(ฉบับที่ ๓)" in window.windowTitle(), window.windowTitle()
    assert "(ฉบับที่ ๓)" in window.report_page.heading.text()


def test_the_period_button_writes_arabic_digits_when_thai_digits_are_off(open_window,  # noqa: F811
                                                                         qtbot):
    """What the program writes into a report follows the report's digit option; the
    button's own label (shown, not written) stays in Thai digits."""
    window = open_window()
    reports = {r.municipality: r.id for r in window.library.list_reports()}
    window.open_report(reports["เทศบาลตำบลบ่อปลาทอง"])  # fiscal year 2568
    session = window.session
    session.set_report_field("options", {**session.report.options, "thai_digits": False},
                             "ตัวเลือกการส่งออก")
    page = window.report_page
    page.tabs.setCurrentWidget(page.form)
    form = page.form
    qtbot.mouseClick(form.period_buttons[12], Qt.MouseButton.LeftButton)
    assert session.report.period == "รอบ 12 เดือน (เดือนตุลาคม 2567 - กันยายน 2568)"
    assert form.lines["period"].text() == session.report.period
    assert form.period_buttons[12].text() == "รอบ ๑๒ เดือน"


def test_the_suggested_file_name_has_the_reports_digits(open_window, qtbot):  # noqa: F811
    """The save dialog offered «ITA-2568-…» for a report in Thai digits."""
    from PySide6.QtWidgets import QFileDialog

    window = open_window()
    reports = {r.municipality: r.id for r in window.library.list_reports()}
    window.open_report(reports["เทศบาลตำบลบ่อปลาทอง"])
    offered: list[str] = []

    def read(dialog) -> None:
        assert isinstance(dialog, QFileDialog)
        offered.append(dialog.selectedFiles()[0])
        dialog.reject()

    when_dialog_opens(read)
    window.export_docx()
    assert offered[0].endswith("ITA-๒๕๖๘-เทศบาลตำบลบ่อปลาทอง.docx"), offered
    session = window.session
    session.set_report_field("options", {**session.report.options, "thai_digits": False},
                             "ตัวเลือกการส่งออก")
    when_dialog_opens(read)
    window.export_part("12")
    assert offered[1].endswith("ผลรอบ12เดือน-2568-เทศบาลตำบลบ่อปลาทอง.docx"), offered


def test_the_signers_role_column_says_what_to_type(open_window, qtbot):  # noqa: F811
    window = open_window()
    reports = {r.municipality: r.id for r in window.library.list_reports()}
    window.open_report(reports["เทศบาลเมืองชัยนาท"])
    page = window.report_page
    page.tabs.setCurrentWidget(page.form)
    signers = page.form.signers
    model = signers.model()
    hint = model.headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert hint and "ผู้รายงาน" in hint
    assert signers.rowCount() and all(
        "ผู้รายงาน" in (signers.item(r, 2).toolTip() or "") for r in range(signers.rowCount()))
