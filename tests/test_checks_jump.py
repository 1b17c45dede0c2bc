"""The checks pane «ตรวจรายงาน»: one click on a finding (or Enter) goes to its cell or
field; only a double-click did, and a new clerk clicked and waited."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from itadesk.domain import Measure, Memo

from .test_window import create_report, open_window  # noqa: F401  (the fixture)


def _findings(qtbot, window):
    window.show_checks()
    pane = window.checks_pane
    assert pane is not None
    qtbot.waitUntil(lambda: pane.list.count() > 0)
    return pane


def _click(qtbot, pane, index: int) -> None:
    item = pane.list.item(index)
    pane.list.scrollToItem(item)
    qtbot.mouseClick(pane.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=pane.list.visualItemRect(item).center())


def _first(pane, test) -> int:
    return next(i for i, f in enumerate(pane.findings) if test(f))


def test_one_click_or_enter_on_a_finding_goes_to_its_cell(open_window, qtbot):  # noqa: F811
    window = open_window()
    create_report(qtbot, window, "เทศบาลตำบลหนองบัว")
    session = window.session
    session.insert_measures(0, [Measure(title="มาตรการหนึ่ง"), Measure(title="มาตรการสอง")],
                            "เพิ่มแถว")
    table = window.report_page.table
    model = session.model
    table.setCurrentIndex(model.index(0, 0))
    pane = _findings(qtbot, window)

    # a cell of the second row, one click away
    at = _first(pane, lambda f: f.row == 1 and model.column_of(f.field) not in (None, 0))
    finding = pane.findings[at]
    _click(qtbot, pane, at)
    assert table.currentIndex() == model.index(1, model.column_of(finding.field))
    assert QApplication.focusWidget() is table

    # from the keyboard: the list, Down to a finding of the first row, Enter
    pane.list.setFocus()
    pane.list.setCurrentRow(0)
    target = _first(pane, lambda f: f.row == 0 and model.column_of(f.field) not in (None, 0))
    for _ in range(target):
        qtbot.keyClick(pane.list, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is pane.list  # moving in the list goes nowhere
    qtbot.keyClick(pane.list, Qt.Key.Key_Return)
    assert table.currentIndex() == model.index(0, model.column_of(pane.findings[target].field))
    assert QApplication.focusWidget() is table


def test_a_finding_about_a_form_field_goes_to_that_field(open_window, qtbot):  # noqa: F811
    window = open_window()
    create_report(qtbot, window, "เทศบาลตำบลหนองบัว")
    session = window.session
    session.set_report_field("memo", Memo(agency="กองคลัง"))  # a memo with no date
    session.set_report_field("period", "รอบ ๖ เดือน (เดือนตุลาคม ๒๕๖๐ - มีนาคม ๒๕๖๑)")
    page = window.report_page
    page.show_table()
    pane = _findings(qtbot, window)

    _click(qtbot, pane, _first(pane, lambda f: f.kind == "memo"))
    assert page.tabs.currentWidget() is page.memo
    assert QApplication.focusWidget() is page.memo.lines["date"]

    _click(qtbot, pane, _first(pane, lambda f: f.kind == "period"))
    assert page.tabs.currentWidget() is page.form
    assert QApplication.focusWidget() is page.form.lines["period"]
