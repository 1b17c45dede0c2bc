"""ไฟล์ → ปี ITA → คะแนน ITA ปีที่แล้ว… typed with real keys: the weak indicators turn red
as they are typed, a score that is not a number is said in plain Thai, and the analysis
and the plan's rows are the ones the .xlsx import of the same sheet gives; the plan keeps
the sheet, and a correction made later is one undoable step."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableWidget

from itadesk.domain.scoresheet import (
    OPTION,
    analysis_text,
    improvement_plan,
    proposed_rows,
    sheet_of,
    sheet_to_dict,
)
from itadesk.exchange.scoresheet_file import read_sheet
from itadesk.ui.scoresheet_dialog import WEAK, ScoreSheetDialog

from .test_scoresheet import ROWS, TYPED
from .test_window import activate, open_window  # noqa: F401 (the fixture)
from .ui_helpers import click_button, type_text, when_dialog_opens


def keys(text: str) -> None:
    """Type into whatever has the focus now (a cell's editor opens on the first key);
    Enter as a key too (a cell's editor commits it after the key, as Qt queues it)."""
    for ch in text:
        if ch in "\t\n":
            QTest.keyClick(QApplication.focusWidget(),
                           Qt.Key.Key_Tab if ch == "\t" else Qt.Key.Key_Return)
            QApplication.processEvents()
        else:
            type_text(QApplication.focusWidget(), ch)


def click_cell(qtbot, table: QTableWidget, row: int, column: int) -> None:
    rect = table.visualRect(table.model().index(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def type_sheet(qtbot, dialog: ScoreSheetDialog) -> None:
    """TYPED, as a clerk types it: the year, each indicator's score, its questions."""
    activate(qtbot, dialog)
    dialog.year.setFocus()
    QTest.keyClick(dialog.year, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    keys("๒๕๖๘\t")
    dialog.total.setFocus()
    keys("86.40\t")
    typed = {1: "95.1", 6: "๘๘", 7: "๘๒.๕", 10: "70%"}
    for number, text in typed.items():
        click_cell(qtbot, dialog.indicators, number - 1, 1)
        keys(text + "\n")
        click_cell(qtbot, dialog.indicators, number - 1, 0)  # its questions on the right
        click_cell(qtbot, dialog.questions, 0, 0)
        for q in (q for q in TYPED.questions if q.indicator == number):
            value = f"{q.score:g}" if q.code != "e7" else "๗๕.๒๕"
            keys(f"{q.code if q.code != 'e7' else 'E 7'}\t{q.text}\t{value}\t")


def test_typing_the_sheet_gives_what_the_xlsx_import_gives(open_window, qtbot,  # noqa: F811
                                                           tmp_path: Path):
    window = open_window()
    book = openpyxl.Workbook()
    for row in ROWS:
        book.active.append(row)
    book.save(tmp_path / "ita.xlsx")
    imported = read_sheet(tmp_path / "ita.xlsx", 2568)
    seen: dict[str, object] = {}

    def type_and_create(dialog) -> None:
        assert isinstance(dialog, ScoreSheetDialog)
        assert "เกณฑ์ผ่าน ๘๕.๐๐ คะแนน" in dialog.pass_mark.text()
        type_sheet(qtbot, dialog)
        table = dialog.indicators
        seen["status"] = [table.item(r, 2).text() for r in (0, 5, 6, 9)]
        seen["weak"] = table.item(6, 0).background().color() == WEAK
        seen["passing"] = table.item(0, 0).background().color() == WEAK
        seen["analysis"] = dialog.analysis.toPlainText()
        seen["rows"] = dialog.rows.toPlainText()
        seen["sheet"] = dialog.sheet()
        # a score that is not one: said in plain Thai, nothing can be made of it
        click_cell(qtbot, table, 1, 1)
        keys("๘๒,๕\n")
        seen["message"] = dialog.message.text()
        seen["blocked"] = not dialog.create_button.isEnabled()
        seen["bad"] = table.item(1, 2).text()
        QTest.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undone
        seen["after_undo"] = (table.item(1, 1).text(), dialog.create_button.isEnabled())
        when_dialog_opens(click_button("ตกลง", told), name="plan_opened")
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    town = "เทศบาลตำบลบ่อปลาทอง"
    window.open_report(next(r.id for r in window.library.list_reports()
                            if r.municipality == town))
    told: list[str] = []
    when_dialog_opens(type_and_create)
    window.scores_action.trigger()
    # the clerk's 25.png: the window went to the new plan and said nothing; now it says
    # so, and where the report open before is; the page's heading names the plan
    assert len(told) == 1
    assert "สร้างแผนพัฒนาปีงบประมาณ ๒๕๖๙ จากคะแนน ITA แล้ว เป็นรายงานใหม่" in told[0]
    assert "มี ๓ แถวของข้อที่ต่ำกว่าเกณฑ์" in told[0]  # e7, e8, O36
    heading = window.report_page.heading
    assert f"รายงานที่เปิดอยู่ตอนนี้: {heading.text()}" in told[0]
    assert heading.isVisible() and heading.text() == (
        f"{town} · ปีงบประมาณ ๒๕๖๙ · แผนปรับปรุง ๕ ช่อง มีหัวข้อหมวด (ประเด็นที่ต้องปรับปรุงแก้ไข)")
    # the demo report it was made from, a sample (tests/test_samples.py)
    assert (f"รายงานที่เปิดไว้ก่อนหน้า («ตัวอย่าง» {town} · ปีงบประมาณ ๒๕๖๘ · ตาราง ๖ ช่อง: "
            "ระยะเวลาก่อนผู้รับผิดชอบ (แบบเทศบาลตำบลบ่อปลาทอง)) ไม่เปลี่ยน อยู่ในคลังรายงาน") in told[0]
    assert "ไฟล์ → คลังรายงาน (Ctrl+L)" in told[0]
    assert "สร้างแผนพัฒนาปีงบประมาณ ๒๕๖๙" in window.statusBar().currentMessage()
    assert seen["status"] == ["ผ่านเกณฑ์", "ผ่านเกณฑ์", "ต่ำกว่าเกณฑ์", "ต่ำกว่าเกณฑ์"]
    assert seen["weak"] and not seen["passing"]
    assert seen["sheet"] == imported == TYPED
    assert seen["analysis"] == analysis_text(imported)
    rows = seen["rows"]
    assert isinstance(rows, str)
    for m in proposed_rows(imported):
        assert m.title in rows and m.code in rows
    assert seen["message"] == ("ตัวชี้วัดที่ ๒: คะแนน «๘๒,๕» ไม่ใช่ตัวเลข ๐–๑๐๐ "
                               "พิมพ์เช่น ๘๒.๕๐ หรือ 82.50 (เลขไทยหรือเลขอารบิกก็ได้)")
    assert seen["blocked"] and seen["bad"] == "ตัวเลขไม่ถูกต้อง"
    assert seen["after_undo"] == ("", True)

    # the plan made: the one the .xlsx gives, opened, the sheet kept with it
    assert window.session is not None
    rid = window.session.report_id
    report = window.library.load_report(rid)
    expected = improvement_plan(imported)
    assert (report.layout, report.fiscal_year, report.opening) == (
        expected.layout, 2569, expected.opening)
    assert [(m.kind, m.code, m.title) for m in report.measures] == [
        (m.kind, m.code, m.title) for m in expected.measures]
    assert report.options[OPTION] == sheet_to_dict(TYPED)
    window.undo_action.trigger()  # made as any new report: undone as one
    assert rid not in [r.id for r in window.library.list_reports()]


def test_a_kept_sheet_is_corrected_in_one_undoable_step(open_window, qtbot):  # noqa: F811
    window = open_window()
    rid = window.library_session.create_report(improvement_plan(TYPED, "เทศบาลตัวอย่าง"))
    assert rid is not None
    window.open_report(rid)
    seen: dict[str, object] = {}

    def correct(dialog) -> None:
        assert isinstance(dialog, ScoreSheetDialog) and dialog.keep_button.isVisible()
        activate(qtbot, dialog)
        seen["prefilled"] = (dialog.year.text(), dialog.indicators.item(6, 1).text())
        click_cell(qtbot, dialog.indicators, 9, 1)
        keys("๙๐\n")
        seen["status"] = dialog.indicators.item(9, 2).text()
        click_cell(qtbot, dialog.indicators, 6, 0)  # ประสิทธิภาพการสื่อสาร: one more question
        click_cell(qtbot, dialog.questions, 3, 0)
        keys("e9\tเปิดโอกาสให้มีส่วนร่วม\t๖๐\t")
        qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(correct)
    window.scores_action.trigger()
    assert seen == {"prefilled": ("๒๕๖๘", "๘๒.๕๐"), "status": "ผ่านเกณฑ์"}
    report = window.library.load_report(rid)
    corrected = sheet_of(report.options)
    assert corrected is not None and corrected.indicators[10] == 90.0
    assert report.opening == analysis_text(corrected)
    assert "ตัวชี้วัดที่ ๑๐" not in report.opening and "e9" in report.opening
    # the new weak question's row added in its indicator's section; the others as they were
    before = improvement_plan(TYPED).measures
    assert [m.code for m in report.measures] == ["", "e7", "e8", "e9", "", "O36"]
    assert report.measures[3].title == "เปิดโอกาสให้มีส่วนร่วม (ได้ ๖๐.๐๐ คะแนน)"
    window.undo_action.trigger()  # scores, analysis and the row: one step
    report = window.library.load_report(rid)
    assert sheet_of(report.options) == TYPED and report.opening == analysis_text(TYPED)
    assert [m.code for m in report.measures] == [m.code for m in before]


def test_rows_of_an_indicator_the_plan_lacks_go_at_the_end_under_its_heading():
    import dataclasses

    from itadesk.domain.model import MeasureKind
    from itadesk.ui.scoresheet_dialog import missing_rows

    plan = improvement_plan(TYPED).measures
    assert missing_rows(plan, TYPED) == []  # nothing twice
    weaker = dataclasses.replace(TYPED, indicators={**TYPED.indicators, 1: 80.0})
    [(at, rows)] = missing_rows(plan, weaker)
    assert at == len(plan)
    assert [(m.kind, m.code) for m in rows] == [(MeasureKind.SECTION, ""),
                                                (MeasureKind.MEASURE, "i1")]
    assert rows[0].title.endswith("ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่")


def test_a_results_report_starts_from_the_scores_its_plan_keeps(open_window, qtbot):  # noqa: F811
    from itadesk.domain import Report

    window = open_window()
    plan = window.library_session.create_report(improvement_plan(TYPED, "เทศบาลตัวอย่าง"))
    results = window.library_session.create_report(
        Report(municipality="เทศบาลตัวอย่าง", fiscal_year=2569), "รายงานผล")
    assert plan is not None and results is not None
    window.open_report(results)
    seen: list[object] = []

    def look(dialog) -> None:
        seen.extend([dialog.sheet(), dialog.keep_button.isVisible(), dialog.notes.text()])
        dialog.reject()

    when_dialog_opens(look)
    window.scores_action.trigger()
    assert seen[0] == TYPED and seen[1] is False
    assert "แผนพัฒนาของปีนี้" in str(seen[2])


def test_a_single_click_on_another_score_and_typing_keeps_every_score(qtbot):
    """The clerk's 21.png: a score typed, then a single click on another row's score and
    typing: the typed scores were dropped (the first score's status widened «ผล», so
    the score column moved from under the mouse and the click landed on «ผล»)."""
    dialog = ScoreSheetDialog(None, 2568)
    qtbot.addWidget(dialog)
    dialog.show()
    activate(qtbot, dialog)
    table = dialog.indicators
    click_cell(qtbot, table, 0, 1)
    for row, text in ((3, "90"), (5, "62.3"), (7, "70")):
        keys("78.5" if row == 3 else "")  # the first one's editor still open at the click
        click_cell(qtbot, table, row, 1)
        assert (table.currentRow(), table.currentColumn()) == (row, 1)  # not «ผล»
        keys(text)
    keys("\t")
    assert dialog._typed.scores == {1: "78.5", 4: "90", 6: "62.3", 8: "70"}
    # a key on a row picked by its name or its «ผล» is its score, not lost either
    click_cell(qtbot, table, 8, 0)
    keys("88\n")
    click_cell(qtbot, table, 9, 2)
    keys("๙๑\n")
    assert dialog._typed.scores == {1: "78.5", 4: "90", 6: "62.3", 8: "70", 9: "88",
                                    10: "๙๑"}
    assert table.item(9, 2).text() == "ผ่านเกณฑ์"
