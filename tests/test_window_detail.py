"""The measure detail pane and the memo tab, driven with real key presses and clicks in
the real window; what was typed is read back from the exported PDF (pdftotext) and .docx
(python-docx)."""

from __future__ import annotations

import subprocess

import docx
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from itadesk.domain import MeasureKind
from itadesk.thai.linebreak import WORD_JOINER

from .test_window import CTRL, activate, click_cell, open_window  # noqa: F401
from .ui_helpers import click_button, type_text, when_dialog_opens


def _export(qtbot, window, path) -> None:
    seen: list[str] = []

    def answer(box) -> None:
        seen.append(box.text())
        click_button("ปิด")(box)

    when_dialog_opens(answer)
    assert window.export_to(path) is not None
    qtbot.waitUntil(lambda: bool(seen), timeout=60_000)
    assert "เรียบร้อยแล้ว" in seen[-1]


def _pdf_text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def _squeezed(text: str) -> str:
    """Without white space: a line the narrow cell wrapped reads as one."""
    return "".join(text.split())


def _type_here(text: str) -> None:
    """Each key where the keyboard is: on a cell with no editor open yet the first key
    opens it, and the next keys go into that editor."""
    for ch in text:
        type_text(QApplication.focusWidget(), ch)


def _type_cell(qtbot, table, text: str) -> None:
    """Type into the current cell of a QTableWidget, then Tab to the next cell (as in
    Word's tables, not yet editing it: the next key typed opens its editor)."""
    _type_here(text)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)


def test_scores_typed_in_the_detail_pane_print_the_computed_sentence(
        open_window, qtbot, tmp_path):  # noqa: F811
    window = open_window()
    reports = {r.municipality: r.id for r in window.library.list_reports()}
    window.open_report(reports["เทศบาลเมืองกาฬสินธุ์"])  # fiscal year 2568, Thai digits
    page = window.report_page
    click_cell(qtbot, page.table, 1, 0)
    detail = page.detail
    assert detail.row == 1 and detail.heading.text().startswith("แถวที่ ๒")
    # the years are the fiscal year's, never typed
    headers = [detail.scores.horizontalHeaderItem(c).text() for c in range(3)]
    assert headers == ["หัวข้อ ITA", "ปี ๒๕๖๗", "ปี ๒๕๖๘"]

    qtbot.mouseClick(_button(detail, "score_add"), Qt.MouseButton.LeftButton)
    scores = detail.scores
    assert scores.rowCount() == 1 and QApplication.focusWidget() is not None
    type_text(QApplication.focusWidget(), "การเปิดเผยข้อมูล")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    _type_cell(qtbot, scores, "94.99")
    # the sentence follows the typing before the cell is committed
    _type_here("98.72")
    assert "มีคะแนนเฉลี่ยเพิ่มขึ้น ๓.๗๓ คะแนน" in detail.printed.text()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    # Qt commits on Return from the event loop's next turn
    qtbot.waitUntil(lambda: scores.state() != scores.State.EditingState)
    measure = window.session.model.measure(1)
    assert [(s.topic, s.previous, s.current) for s in measure.scores] == [
        ("การเปิดเผยข้อมูล", "94.99", "98.72")]
    assert detail.printed.text().split("\n") == [
        "ผลการประเมิน ITA ในหัวข้อการเปิดเผยข้อมูล", "ITA ปี ๒๕๖๗ ได้คะแนน ๙๔.๙๙ คะแนน",
        "ITA ปี ๒๕๖๘ ได้คะแนน ๙๘.๗๒ คะแนน", "มีคะแนนเฉลี่ยเพิ่มขึ้น ๓.๗๓ คะแนน"]
    # the grid shows the digits the report prints; the numbers are kept as typed
    assert [scores.item(0, c).text() for c in (1, 2)] == ["๙๔.๙๙", "๙๘.๗๒"]
    # saved at once, in the library file
    assert window.library.load_measures(window.session.report_id)[1].scores == measure.scores

    # the code and the budget, typed in their fields
    detail.code.setFocus()
    detail.code.selectAll()
    type_text(detail.code, "O35")
    qtbot.keyClick(detail.code, Qt.Key.Key_Tab)
    detail.budget.setFocus()
    type_text(detail.budget, "๕,๐๐๐ บาท")
    qtbot.keyClick(detail.budget, Qt.Key.Key_Tab)
    assert window.session.model.measure(1).budget == "๕,๐๐๐ บาท"

    pdf, word = tmp_path / "k.pdf", tmp_path / "k.docx"
    _export(qtbot, window, pdf)
    _export(qtbot, window, word)
    text = _squeezed(_pdf_text(pdf))
    assert _squeezed("ผลการประเมิน ITA ในหัวข้อการเปิดเผยข้อมูล") in text
    assert _squeezed("ITA ปี ๒๕๖๗ ได้คะแนน ๙๔.๙๙ คะแนน ITA ปี ๒๕๖๘ ได้คะแนน ๙๘.๗๒ คะแนน "
                     "มีคะแนนเฉลี่ยเพิ่มขึ้น ๓.๗๓ คะแนน") in text
    row = docx.Document(str(word)).tables[0].rows[2]
    outcome = row.cells[-1].text
    assert "มีคะแนนเฉลี่ยเพิ่มขึ้น ๓.๗๓ คะแนน" in outcome
    assert "ITA ปี ๒๕๖๗ ได้คะแนน ๙๔.๙๙ คะแนน" in outcome
    assert row.cells[0].text.replace(WORD_JOINER, "").startswith("O๓๕ ")
    assert any("๕,๐๐๐ บาท" in c.text for c in row.cells)

    # each was one step: Ctrl+Z takes back the budget, the code, then the scores
    for _ in range(3):
        window.session.undo_stack.undo()
    measure = window.session.model.measure(1)
    assert (measure.budget, measure.code) == ("", "")
    assert [(s.previous, s.current) for s in measure.scores] == [("94.99", "")]


def _button(widget, name: str):
    from PySide6.QtWidgets import QPushButton

    found = widget.findChild(QPushButton, name)
    assert found is not None, name
    return found


def test_lower_and_equal_scores_and_section_rows(open_window, qtbot):  # noqa: F811
    window = open_window()
    reports = {r.municipality: r.id for r in window.library.list_reports()}
    window.open_report(reports["เทศบาลตำบลบ่อปลาทอง"])
    page = window.report_page
    click_cell(qtbot, page.table, 0, 0)
    detail = page.detail
    for previous, current in (("90", "85.5"), ("88", "88.00")):
        qtbot.mouseClick(_button(detail, "score_add"), Qt.MouseButton.LeftButton)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        _type_cell(qtbot, detail.scores, previous)
        _type_cell(qtbot, detail.scores, current)
    lines = detail.printed.text().split("\n")
    assert "มีคะแนนเฉลี่ยลดลง ๔.๕๐ คะแนน" in lines and "มีคะแนนเฉลี่ยเท่าเดิม" in lines
    # reorder: the second score first
    detail.scores.selectRow(1)
    qtbot.mouseClick(_button(detail, "score_up"), Qt.MouseButton.LeftButton)
    assert [s.previous for s in window.session.model.measure(0).scores] == ["88", "90"]
    detail.scores.selectRow(0)
    qtbot.mouseClick(_button(detail, "score_remove"), Qt.MouseButton.LeftButton)
    assert [s.previous for s in window.session.model.measure(0).scores] == ["90"]
    # a measure row made a section heading, and back with Ctrl+Z
    qtbot.mouseClick(detail.section, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, detail.section.height() // 2))
    assert window.session.model.measure(0).kind is MeasureKind.SECTION
    assert page.table.columnSpan(0, 0) == window.session.model.columnCount()
    window.session.undo_stack.undo()
    assert window.session.model.measure(0).kind is MeasureKind.MEASURE
    stored = window.library.load_measures(window.session.report_id)[0]
    assert stored.kind is MeasureKind.MEASURE and [s.previous for s in stored.scores] == ["90"]


def test_memo_fields_typed_give_the_memo_page(open_window, qtbot, tmp_path):  # noqa: F811
    window = open_window()
    reports = {r.municipality: r.id for r in window.library.list_reports()}
    window.open_report(reports["เทศบาลเมืองชัยนาท"])
    page = window.report_page
    page.tabs.setCurrentWidget(page.memo)
    memo = page.memo
    assert memo.switch.isChecked()
    date = memo.lines["date"]
    date.setFocus()
    date.selectAll()
    type_text(date, "๓๐ เมษายน ๒๕๖๗")
    qtbot.keyClick(date, Qt.Key.Key_Tab)
    to = memo.lines["to"]
    to.setFocus()
    to.selectAll()
    type_text(to, "นายกเทศมนตรีเมืองชัยนาท")
    qtbot.keyClick(to, Qt.Key.Key_Tab)
    facts = memo.texts["facts"]
    facts.setFocus()
    facts.selectAll()
    type_text(facts, "ได้จัดทำรายงานครบทุกมาตรการแล้ว")
    qtbot.keyClick(facts, Qt.Key.Key_Tab)
    name = memo.signer_name
    name.setFocus()
    name.selectAll()
    type_text(name, "นางสาวทดสอบ ลงนาม")
    qtbot.keyClick(name, Qt.Key.Key_Tab)
    saved = window.library.load_report(window.session.report_id).memo
    assert saved.date == "๓๐ เมษายน ๒๕๖๗" and saved.to == "นายกเทศมนตรีเมืองชัยนาท"
    assert saved.facts == "ได้จัดทำรายงานครบทุกมาตรการแล้ว"
    assert saved.signer.name == "นางสาวทดสอบ ลงนาม"

    pdf, word = tmp_path / "m.pdf", tmp_path / "m.docx"
    _export(qtbot, window, pdf)
    _export(qtbot, window, word)
    first_page = _squeezed(_pdf_text(pdf).split("\f")[0])
    assert "บันทึกข้อความ" in first_page
    for text in ("วันที่ ๓๐ เมษายน ๒๕๖๗", "เรียน นายกเทศมนตรีเมืองชัยนาท",
                 "ได้จัดทำรายงานครบทุกมาตรการแล้ว", "(นางสาวทดสอบ ลงนาม)"):
        assert _squeezed(text) in first_page, text
    paragraphs = [p.text for p in docx.Document(str(word)).paragraphs]
    assert "เรียน นายกเทศมนตรีเมืองชัยนาท" in paragraphs
    assert any("วันที่ ๓๐ เมษายน ๒๕๖๗" in p for p in paragraphs)

    # one step each: four Ctrl+Z give the demo's memo back
    activate(qtbot, window)
    for _ in range(4):
        window.session.undo_stack.undo()
    back = window.library.load_report(window.session.report_id).memo
    assert back.date == "๒๔ เมษายน ๒๕๖๗" and back.signer.name == "นางสาวสุกัญญา อ่อนพร"
    assert memo.lines["date"].text() == "๒๔ เมษายน ๒๕๖๗"


def test_report_details_period_from_the_fiscal_year_and_the_cover(
        open_window, qtbot, tmp_path):  # noqa: F811
    window = open_window()
    reports = {r.municipality: r.id for r in window.library.list_reports()}
    window.open_report(reports["เทศบาลตำบลบ่อปลาทอง"])  # fiscal year 2568
    page = window.report_page
    page.tabs.setCurrentWidget(page.form)
    form = page.form
    qtbot.mouseClick(form.period_buttons[6], Qt.MouseButton.LeftButton)
    assert window.session.report.period == "รอบ ๖ เดือน (เดือนตุลาคม ๒๕๖๗ - มีนาคม ๒๕๖๘)"
    # editable after: the clerk's own words stay
    period = form.lines["period"]
    period.setFocus()
    period.end(False)
    type_text(period, " ฉบับแก้ไข")
    qtbot.keyClick(period, Qt.Key.Key_Tab)
    assert window.session.report.period.endswith("มีนาคม ๒๕๖๘) ฉบับแก้ไข")
    # on its box: the row is wider than the box and its words
    qtbot.mouseClick(form.cover, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, form.cover.height() // 2))
    assert window.library.load_report(window.session.report_id).options["cover"] is True
    pdf = tmp_path / "c.pdf"
    _export(qtbot, window, pdf)
    cover = _squeezed(_pdf_text(pdf).split("\f")[0])
    assert _squeezed("รอบ ๖ เดือน (เดือนตุลาคม ๒๕๖๗ - มีนาคม ๒๕๖๘) ฉบับแก้ไข") in cover
    for _ in range(3):
        window.session.undo_stack.undo()
    report = window.library.load_report(window.session.report_id)
    assert report.period == "" and not report.options.get("cover")


def test_the_buttons_under_the_signers_and_the_memo_notes_add_and_remove_rows(
        open_window, qtbot):  # noqa: F811
    from PySide6.QtWidgets import QPushButton

    window = open_window()
    reports = {r.municipality: r.id for r in window.library.list_reports()}
    window.open_report(reports["เทศบาลเมืองชัยนาท"])
    page = window.report_page

    def stored():
        report = window.library.load_report(window.session.report_id)
        return len(report.signers), len(report.memo.endorsements)

    for form, table, add, remove, which in (
            (page.form, page.form.signers, "เพิ่มผู้ลงนาม", "ลบผู้ลงนามที่เลือก", 0),
            (page.memo, page.memo.endorsements, "เพิ่มความเห็น", "ลบความเห็นที่เลือก", 1)):
        page.tabs.setCurrentWidget(form)
        buttons = {b.text(): b for b in form.findChildren(QPushButton)}
        before = stored()[which]
        qtbot.mouseClick(buttons[add], Qt.MouseButton.LeftButton)
        assert stored()[which] == before + 1 == table.rowCount()
        QApplication.focusWidget().clearFocus()  # leave the new row's editor
        click_cell(qtbot, table, before, 1)
        qtbot.mouseClick(buttons[remove], Qt.MouseButton.LeftButton)
        assert stored()[which] == before == table.rowCount()


def test_the_signer_note_says_why_and_goes_once_the_report_has_a_signer(
        open_window, qtbot):  # noqa: F811
    """«ใช้ผู้ลงนามคนแรกของรายงาน» on a report with no signers says so (not silently
    nothing); once a signer is added the note goes, and the button takes that signer."""
    from PySide6.QtWidgets import QPushButton

    from itadesk.domain import Report, Signer

    window = open_window()
    rid = window.library.create_report(Report(municipality="อบต.ยังไม่มีผู้ลงนาม"))
    window.open_report(rid)
    page = window.report_page
    page.tabs.setCurrentWidget(page.memo)
    memo = page.memo
    [same] = [b for b in memo.findChildren(QPushButton) if b.text() == "ใช้ผู้ลงนามคนแรกของรายงาน"]
    qtbot.mouseClick(same, Qt.MouseButton.LeftButton)
    note = memo.signer_note
    assert note.isVisible() and "รายงานนี้ยังไม่มีผู้ลงนาม" in note.text()
    assert "ข้อมูลรายงานและผู้ลงนาม" in note.text()  # where to add one
    saved = window.library.load_report(rid).memo
    assert saved is None or saved.signer == Signer()
    assert window.session.undo_stack.count() == 0  # nothing was done, nothing to undo

    signer = Signer("นายสมชาย ใจดี", ("ปลัดเทศบาล",))
    window.session.set_report_field("signers", (signer,), "เพิ่มผู้ลงนาม")
    assert note.text() == ""  # no longer true: not left saying there is none
    qtbot.mouseClick(same, Qt.MouseButton.LeftButton)
    assert window.library.load_report(rid).memo.signer == signer
    assert memo.signer_name.text() == "นายสมชาย ใจดี"
    assert memo.signer_positions.text() == "ปลัดเทศบาล"
