"""The real window, driven with real key presses, on a real library file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from itadesk.domain import MeasureKind, Report
from itadesk.store import Library
from itadesk.ui.app import make_app, open_library
from itadesk.ui.main_window import MainWindow
from itadesk.ui.new_report import NewReportDialog

from .ui_helpers import click_button, type_text, when_dialog_opens

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def open_window(qtbot, library_path: Path):
    make_app()
    opened: list[tuple[MainWindow, Library]] = []

    def opener() -> MainWindow:
        library = open_library(library_path)
        assert library is not None
        window = MainWindow(library)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        activate(qtbot, window)
        opened.append((window, library))
        return window

    yield opener
    for window, library in opened:
        window.close()
        library.close()


def close(window: MainWindow) -> None:
    window.close()
    window.library.close()


def table_values(library: Library, report_id: int, field: str) -> list[str]:
    return [getattr(m, field) for m in library.load_measures(report_id)]


def create_report(qtbot, window: MainWindow, municipality: str) -> int:
    def fill(dialog) -> None:
        assert isinstance(dialog, NewReportDialog)
        dialog.layouts.setCurrentRow(2)  # six-timing-first
        dialog.municipality.setFocus()
        type_text(dialog.municipality, municipality)
        dialog.year.clear()
        dialog.year.setFocus()
        type_text(dialog.year, "๒๕๖๙")
        dialog._accept()

    when_dialog_opens(fill)
    window.new_report()
    assert window.session is not None
    # the dialog took the activation with it; a clerk's click brings the window back
    activate(qtbot, window)
    return window.session.report_id


def click_cell(qtbot, table, row: int, column: int) -> None:
    index = table.model().index(row, column)
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(index).center())
    assert table.currentIndex() == index


def activate(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_first_start_shows_the_three_demo_reports(open_window):
    window = open_window()
    table = window.library_page.table
    towns = sorted(table.item(r, 0).text() for r in range(table.rowCount()))
    # marked as samples (tests/test_samples.py)
    assert towns == ["«ตัวอย่าง» เทศบาลตำบลบ่อปลาทอง", "«ตัวอย่าง» เทศบาลเมืองกาฬสินธุ์",
                     "«ตัวอย่าง» เทศบาลเมืองชัยนาท"]
    counts = sorted(table.item(r, 3).text() for r in range(table.rowCount()))
    assert counts == ["๕", "๖", "๗"]


def test_open_demo_report_shows_layout_headers(open_window, qtbot):
    window = open_window()
    reports = {r.municipality: r.id for r in window.library.list_reports()}
    window.open_report(reports["เทศบาลตำบลบ่อปลาทอง"])
    model = window.session.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["มาตรการ/กิจกรรม", "วิธีดำเนินการ", "ระยะเวลาดำเนินการ", "ผู้รับผิดชอบ",
                       "ผลการดำเนินการ", "ผลลัพธ์หรือความสำเร็จของการดำเนินการ"]
    table = window.report_page.table
    qtbot.waitUntil(lambda: 0 in table._fitted)
    # rows grow to show wrapped multi-line text
    assert table.rowHeight(2) > 5 * table.rowHeight(0) // 4 or table.rowHeight(2) > 200


def test_type_paste_move_undo_redo_and_reopen(open_window, qtbot, library_path):
    window = open_window()
    report_id = create_report(qtbot, window, "เทศบาลตำบลทดสอบ")
    page = window.report_page
    table = page.table
    table.setFocus()

    # three rows with the keyboard
    for _ in range(3):
        qtbot.keyClick(table, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.session.model.rowCount() == 3

    # type Thai into the first cell: Enter makes a new line, Ctrl+Enter is done
    click_cell(qtbot, table, 0, 0)
    type_text(table, "ม")  # any key opens the editor with that key
    editor = QApplication.focusWidget()
    assert editor is not table
    type_text(editor, "าตรการป้องกันการทุจริต\n- ประกาศเจตจำนง")
    qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL)
    lib = window.library
    assert table_values(lib, report_id, "title")[0] == "มาตรการป้องกันการทุจริต\n- ประกาศเจตจำนง"
    assert "บันทึกแล้ว" in window.saved_label.text()

    # paste a 2 x 3 block copied from a spreadsheet at row 1, column 1 (วิธีดำเนินการ)
    QApplication.clipboard().setText(
        'ประชุม\tม.ค. - มี.ค. ๖๙\tสำนักปลัด\n"ขั้นที่ ๑\nขั้นที่ ๒"\tทั้งปี\tกองคลัง\n')
    click_cell(qtbot, table, 1, 1)
    qtbot.keyClick(table, Qt.Key.Key_V, CTRL)
    assert table_values(lib, report_id, "steps") == ["", "ประชุม", "ขั้นที่ ๑\nขั้นที่ ๒"]
    assert table_values(lib, report_id, "timing") == ["", "ม.ค. - มี.ค. ๖๙", "ทั้งปี"]
    assert table_values(lib, report_id, "owner") == ["", "สำนักปลัด", "กองคลัง"]

    # move the first row down twice
    click_cell(qtbot, table, 0, 0)
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert table_values(lib, report_id, "steps") == ["ประชุม", "ขั้นที่ ๑\nขั้นที่ ๒", ""]
    titles_after_move = table_values(lib, report_id, "title")
    assert titles_after_move[2].startswith("มาตรการป้องกัน")

    # undo both moves and the paste; the store follows every step
    for _ in range(2):
        window.undo_action.trigger()
    assert table_values(lib, report_id, "steps") == ["", "ประชุม", "ขั้นที่ ๑\nขั้นที่ ๒"]
    window.undo_action.trigger()
    assert table_values(lib, report_id, "steps") == ["", "", ""]
    # redo with Ctrl+Y
    qtbot.keyClick(table, Qt.Key.Key_Y, CTRL)
    assert table_values(lib, report_id, "owner") == ["", "สำนักปลัด", "กองคลัง"]
    qtbot.keyClick(table, Qt.Key.Key_Y, CTRL)
    qtbot.keyClick(table, Qt.Key.Key_Y, CTRL)
    assert table_values(lib, report_id, "steps") == ["ประชุม", "ขั้นที่ ๑\nขั้นที่ ๒", ""]
    expected = lib.load_measures(report_id)

    # close the program, open it again: everything is there, same order
    close(window)
    again = open_window()
    again.open_report(report_id)
    model = again.session.model
    reopened = [model.measure(r) for r in range(model.rowCount())]
    assert reopened == expected
    assert model.index(2, 0).data() == "มาตรการป้องกันการทุจริต\n- ประกาศเจตจำนง"


def test_form_fields_are_saved_and_undoable(open_window, qtbot):
    window = open_window()
    report_id = create_report(qtbot, window, "อบต.หนองบัว")
    form = window.report_page.form
    window.report_page.tabs.setCurrentWidget(form)
    district = form.findChild(QLineEdit, "field_district")
    district.setFocus()
    type_text(district, "เมืองขอนแก่น")
    qtbot.keyClick(district, Qt.Key.Key_Return)
    assert window.library.load_report(report_id).district == "เมืองขอนแก่น"
    year = form.findChild(QLineEdit, "field_fiscal_year")
    year.setFocus()
    year.selectAll()
    qtbot.keyClicks(year, "2570")
    qtbot.keyClick(year, Qt.Key.Key_Return)
    assert window.library.load_report(report_id).fiscal_year == 2570
    assert year.text() == "๒๕๗๐"
    # a year that is no year: a Thai message, nothing saved
    year.selectAll()
    type_text(year, "๒๕")
    qtbot.keyClick(year, Qt.Key.Key_Return)
    assert "ปี พ.ศ." in form.year_hint.text()
    assert window.library.load_report(report_id).fiscal_year == 2570

    window.undo_action.trigger()
    assert window.library.load_report(report_id).fiscal_year == 2569
    window.undo_action.trigger()
    assert window.library.load_report(report_id).district == ""
    assert district.text() == ""
    window.redo_action.trigger()
    assert district.text() == "เมืองขอนแก่น"

    # signers with position lines
    form._add_signer()
    form.signers.item(0, 0).setText("นางสาวสุกัญญา อ่อนพร")
    form.signers.item(0, 1).setText("หัวหน้าฝ่ายแผนงานและงบประมาณ\nรักษาราชการแทน ผู้อำนวยการกอง")
    signer = window.library.load_report(report_id).signers[0]
    assert signer.name == "นางสาวสุกัญญา อ่อนพร"
    assert signer.positions == ("หัวหน้าฝ่ายแผนงานและงบประมาณ", "รักษาราชการแทน ผู้อำนวยการกอง")


def test_changing_layout_changes_columns_keeps_text(open_window, qtbot):
    window = open_window()
    reports = {r.municipality: r.id for r in window.library.list_reports()}
    window.open_report(reports["เทศบาลเมืองชัยนาท"])
    session = window.session
    assert not window.report_page.actions_by_name["section"].isVisible()
    before = session.model.measure(0)
    form = window.report_page.form
    index = form.layout_box.findData("improvement-plan")
    form.layout_box.setCurrentIndex(index)
    form._layout_chosen(index)
    assert session.model.headerData(0, Qt.Orientation.Horizontal) == (
        "ประเด็นที่ต้องปรับปรุงแก้ไข/ประเด็นที่ต้องพัฒนา")
    assert session.model.columnCount() == 5
    assert session.model.measure(0) == before
    assert window.report_page.actions_by_name["section"].isVisible()
    # improvement-plan rows may be section headings spanning the table
    window.report_page.table.setCurrentIndex(session.model.index(0, 0))
    window.report_page.actions_by_name["section"].trigger()
    QApplication.focusWidget().clearFocus()
    measures = window.library.load_measures(session.report_id)
    assert measures[0].kind is MeasureKind.SECTION
    assert window.report_page.table.columnSpan(0, 0) == 5
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert window.library.load_report(session.report_id).layout == "six-guidelines"


def test_delete_and_duplicate_rows_undo(open_window, qtbot):
    window = open_window()
    reports = {r.municipality: r.id for r in window.library.list_reports()}
    rid = reports["เทศบาลเมืองกาฬสินธุ์"]
    window.open_report(rid)
    table = window.report_page.table
    lib = window.library
    original = lib.load_measures(rid)
    click_cell(qtbot, table, 1, 0)
    qtbot.keyClick(table, Qt.Key.Key_D, CTRL)
    titles = table_values(lib, rid, "title")
    assert len(titles) == 8 and titles[1] == titles[2]
    # the clerk clicks row number 4 and deletes that row
    header = table.verticalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(5, header.sectionViewportPosition(3) + 5))
    assert {i.row() for i in table.selectedIndexes()} == {3}
    window.report_page.actions_by_name["delete"].trigger()
    titles = table_values(lib, rid, "title")
    assert len(titles) == 7 and titles[3] == original[3].title
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert lib.load_measures(rid) == original


def test_foreign_file_gets_thai_message_and_is_untouched(qtbot, tmp_path):
    make_app()
    path = tmp_path / "budget.sqlite"
    path.write_bytes(b"PK\x03\x04 not a library at all")
    seen: list[str] = []

    def answer(box) -> None:
        seen.append(box.text())
        click_button("ออก")(box)

    when_dialog_opens(answer)
    assert open_library(path) is None
    assert "ไม่ใช่คลังรายงานของ ITA Desk" in seen[0]
    assert path.read_bytes() == b"PK\x03\x04 not a library at all"


def test_library_in_use_is_told(qtbot, library_path):
    make_app()
    holder = Library.open(library_path)
    try:
        seen: list[str] = []

        def answer(box: QMessageBox) -> None:
            seen.append(box.text())
            click_button("ออก")(box)

        when_dialog_opens(answer)
        assert open_library(library_path) is None
        assert "เปิดอยู่" in seen[0]
    finally:
        holder.close()


def test_corrupt_library_is_restored_from_a_backup(qtbot, tmp_path):
    make_app()
    path = tmp_path / "library.sqlite"
    with Library.open(path) as lib:
        lib.create_report(Report(municipality="เทศบาลก่อนเสีย"))
    Library.open(path).close()  # a start-up: takes a backup
    data = bytearray(path.read_bytes())
    data[4096:8192] = bytes(range(256)) * 16
    path.write_bytes(bytes(data))

    def choose_first_backup(dialog) -> None:
        assert "เสียหาย" in dialog.labelText()
        dialog.accept()

    when_dialog_opens(choose_first_backup)
    library = open_library(path)
    assert library is not None
    try:
        assert [r.municipality for r in library.list_reports()] == ["เทศบาลก่อนเสีย"]
    finally:
        library.close()
    # the damaged file is kept beside it, not deleted
    assert list(tmp_path.glob("library-damaged-*.sqlite"))


def test_export_from_the_window_in_a_worker(open_window, qtbot, tmp_path):
    import docx

    window = open_window()
    assert not window.export_docx_action.isEnabled()
    reports = {r.municipality: r.id for r in window.library.list_reports()}
    window.open_report(reports["เทศบาลตำบลบ่อปลาทอง"])
    assert window.export_docx_action.isEnabled() and window.print_action.isEnabled()
    assert window.suggested_name(".docx") == "ITA-๒๕๖๘-เทศบาลตำบลบ่อปลาทอง.docx"
    seen: list[str] = []

    def close_with(button: str):
        def answer(box) -> None:
            seen.append(box.text())
            click_button(button)(box)
        return answer

    for count, suffix in enumerate((".docx", ".pdf"), start=1):
        target = tmp_path / window.suggested_name(suffix)
        when_dialog_opens(close_with("ปิด"))
        job = window.export_to(target)
        assert job is not None
        qtbot.waitUntil(lambda n=count: len(seen) == n, timeout=60_000)
        assert "เรียบร้อยแล้ว" in seen[-1]
    document = docx.Document(str(tmp_path / window.suggested_name(".docx")))
    assert document.tables[0].rows[0].cells[2].text == "ระยะเวลาดำเนินการ"
    assert (tmp_path / window.suggested_name(".pdf")).read_bytes().startswith(b"%PDF")

    # a read-only target: a Thai message with retry / save as, the old file kept
    target = tmp_path / "locked.pdf"
    target.write_bytes(b"old")
    target.chmod(0o444)
    when_dialog_opens(close_with("ยกเลิก"))
    assert window.export_to(target) is not None
    qtbot.waitUntil(lambda: len(seen) == 3, timeout=60_000)
    assert "อ่านอย่างเดียว" in seen[-1] and target.read_bytes() == b"old"


def _big_report(library: Library, count: int) -> int:
    import dataclasses

    from itadesk.demo import add_demo_reports

    ids = add_demo_reports(library)
    demo = [m for i in ids for m in library.load_report(i).measures]
    return library.create_report(Report(
        municipality="เทศบาลทดสอบยกเลิก", layout="six-measures",
        measures=tuple(dataclasses.replace(demo[i % len(demo)], id=None)
                       for i in range(count))))


def test_cancel_an_export_midway_leaves_the_old_file(open_window, qtbot, tmp_path):
    window = open_window()
    report_id = _big_report(window.library, 600)
    window.open_report(report_id)
    target = tmp_path / "big.pdf"
    target.write_bytes(b"old")
    job = window.export_to(target)
    assert job is not None
    cancelled = []
    job.cancelled.connect(lambda: cancelled.append(True))
    assert window.progress_bar.isVisibleTo(window) and window.cancel_button.isVisibleTo(window)
    # the window keeps serving while the export runs: a cell edit goes through
    window.session.set_cells([(0, "owner", "กองคลัง")])
    assert window.library.load_measures(report_id)[0].owner == "กองคลัง"
    qtbot.waitUntil(lambda: window.progress_bar.value() >= 5, timeout=60_000)
    window.cancel_button.click()
    qtbot.waitUntil(lambda: not job.is_running(), timeout=60_000)
    qtbot.waitUntil(lambda: bool(cancelled), timeout=10_000)
    assert target.read_bytes() == b"old"
    assert not [p for p in tmp_path.iterdir() if "big" in p.name and p.name != "big.pdf"]
    assert "ยกเลิก" in window.statusBar().currentMessage()


def test_preview_shows_the_report_and_follows_edits(open_window, qtbot):
    window = open_window()
    reports = {r.municipality: r.id for r in window.library.list_reports()}
    window.open_report(reports["เทศบาลตำบลบ่อปลาทอง"])
    window.preview_action.trigger()
    preview = window.preview
    assert preview is not None and window.preview_dock.isVisible()
    with qtbot.waitSignal(preview.refreshed, timeout=60_000):
        pass
    pages = preview.document.pageCount()
    assert pages >= 3
    # an edit that adds a lot of text: the preview refreshes by itself, with more pages
    with qtbot.waitSignal(preview.refreshed, timeout=60_000):
        window.session.set_cells([(0, "result", "\n".join(["ผลการดำเนินงานที่ดีขึ้น"] * 120))])
    assert preview.document.pageCount() > pages
    preview.go(1)
    assert preview.current_page() >= 1


def test_print_to_a_pdf_file_gives_the_exported_pages(open_window, qtbot, tmp_path):
    import subprocess

    from PySide6.QtPrintSupport import QPrinter

    from itadesk.export.jobs import export_report

    window = open_window()
    reports = {r.municipality: r.id for r in window.library.list_reports()}
    window.open_report(reports["เทศบาลเมืองชัยนาท"])
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    count = window.print_to(printer)
    exported = export_report(window.library.load_report(reports["เทศบาลเมืองชัยนาท"]),
                             tmp_path / "exported.pdf")

    def pages(path: Path) -> int:
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
        return int(next(line.split()[-1] for line in info.splitlines()
                        if line.startswith("Pages")))

    assert count == pages(exported) == pages(printed)


def test_menu_actions_with_their_dialogs(open_window, qtbot, tmp_path):
    from PySide6.QtWidgets import QCheckBox, QFileDialog

    window = open_window()
    reports = {r.municipality: r.id for r in window.library.list_reports()}
    window.open_report(reports["เทศบาลเมืองชัยนาท"])
    window._last_folder = str(tmp_path)

    # ตัวเลือกการส่งออก: switch the cover on; kept with the report, undoable
    def tick_cover(dialog) -> None:
        dialog.findChild(QCheckBox, "option_cover").setChecked(True)
        dialog.accept()

    when_dialog_opens(tick_cover)
    window.options_action.trigger()
    assert window.library.load_report(reports["เทศบาลเมืองชัยนาท"]).options["cover"] is True

    # ส่งออกเป็น PDF: the save dialog proposes the name in the last folder; accept it
    proposed: list[str] = []
    done: list[str] = []

    def save_as_proposed(dialog) -> None:
        assert isinstance(dialog, QFileDialog)
        proposed.append(dialog.selectedFiles()[0])
        when_dialog_opens(lambda box: (done.append(box.text()), click_button("ปิด")(box)))
        dialog.accept()

    when_dialog_opens(save_as_proposed)
    window.export_pdf_action.trigger()
    qtbot.waitUntil(lambda: bool(done), timeout=60_000)
    assert proposed == [str(tmp_path / "ITA-๒๕๖๗-เทศบาลเมืองชัยนาท.pdf")]
    pdf = tmp_path / "ITA-๒๕๖๗-เทศบาลเมืองชัยนาท.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    import subprocess

    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    pages = text.split("\f")
    cover = next(i for i, p in enumerate(pages) if p.strip().startswith("รายงานผลการดำเนินการ"))
    assert "บันทึกข้อความ" in pages[0] and "ผู้รับผิดชอบ" not in pages[cover]  # memo, cover
    window.undo_action.trigger()
    assert window.library.load_report(reports["เทศบาลเมืองชัยนาท"]).options.get("cover") is not True


def test_checks_pane_jumps_and_fixes_undoably(open_window, qtbot):
    window = open_window()
    reports = {r.municipality: r.id for r in window.library.list_reports()}
    rid = reports["เทศบาลเมืองกาฬสินธุ์"]
    window.open_report(rid)
    window.checks_action.trigger()
    pane = window.checks_pane
    assert pane is not None and pane.list.count() >= 1
    index = next(i for i, f in enumerate(pane.findings) if f.kind == "year")
    pane.list.setCurrentRow(index)
    pane._activated(pane.list.item(index))
    table = window.report_page.table
    assert table.currentIndex().row() == 2
    assert window.session.model.field(table.currentIndex().column()) == "outcome"
    assert pane.fix_button.isEnabled()
    before = window.library.load_measures(rid)[2].outcome
    pane.fix_button.click()
    after = window.library.load_measures(rid)[2].outcome
    assert "ITA ปี ๒๕๖๘ ได้คะแนน ๙๘.๗๒" in after and after != before
    assert not any(f.kind == "year" and f.row == 2 for f in pane.findings)
    window.undo_action.trigger()
    assert window.library.load_measures(rid)[2].outcome == before


def test_next_year_import_and_json_from_the_window(open_window, qtbot, tmp_path):
    window = open_window()
    reports = {r.municipality: r.id for r in window.library.list_reports()}
    old_id = reports["เทศบาลตำบลบ่อปลาทอง"]
    window.open_report(old_id)
    new_id = window.create_next_year()
    assert new_id is not None and window.session.report_id == new_id
    new = window.library.load_report(new_id)
    old = window.library.load_report(old_id)
    assert new.fiscal_year == 2569 and new.measures[0].timing == "ม.ค. - เม.ย.๖๙"
    assert new.measures[0].result == "" and old.measures[0].result
    saved = tmp_path / "bor.itadesk.json"
    assert window.save_json_to(saved)
    # the same report again: asked, and kept as a second copy
    asked: list[str] = []
    when_dialog_opens(lambda box: (asked.append(box.text()),
                                   click_button("เก็บไว้ทั้งสองฉบับ")(box)))
    imported = window.import_from(saved)
    assert asked and "ปีงบประมาณ ๒๕๖๙ อยู่แล้ว" in asked[0]
    assert imported is not None and window.library.load_report(imported).fiscal_year == 2569
    assert window.library.load_report(imported).origin.copy == 2
    bad = tmp_path / "bad.itadesk.json"
    bad.write_text("{", encoding="utf-8")
    seen: list[str] = []
    when_dialog_opens(lambda box: (seen.append(box.text()), box.accept()))
    count = len(window.library.list_reports())
    assert window.import_from(bad) is None
    assert "นำเข้าไฟล์" in seen[0] and len(window.library.list_reports()) == count


def test_merge_divisions_parts_in_one_undoable_step(open_window, qtbot, tmp_path):
    from itadesk.domain import Measure
    from itadesk.exchange.jsonfile import write_report

    window = open_window()
    report_id = create_report(qtbot, window, "เทศบาลรวมกอง")
    parts = []
    for name, titles in (("กองคลัง", ["(๑) จัดซื้อโปร่งใส", "(๒) เผยแพร่งบประมาณ"]),
                         ("กองช่าง", ["(๑) ตรวจงานจ้าง", "๒. เผยแพร่งบประมาณ"])):
        path = tmp_path / f"{name}.itadesk.json"
        write_report(Report(municipality="เทศบาลรวมกอง", measures=tuple(
            Measure(title=t, owner=name) for t in titles)), path)
        parts.append(path)
    duplicates = window.merge_from(parts)
    titles = [m.title for m in window.library.load_measures(report_id)]
    assert titles == ["(๑) จัดซื้อโปร่งใส", "(๒) เผยแพร่งบประมาณ", "(๑) ตรวจงานจ้าง",
                      "๒. เผยแพร่งบประมาณ"]
    assert duplicates == ["(๒) เผยแพร่งบประมาณ", "๒. เผยแพร่งบประมาณ"]
    assert any(f.kind == "same-title" and f.row == 3 for f in window.checks_pane.findings)
    window.undo_action.trigger()
    assert window.library.load_measures(report_id) == []


def test_restore_from_a_backup_and_back_again(open_window, qtbot, library_path):
    window = open_window()  # first start: the demo library
    window.close()
    window.library.close()
    window = open_window()  # second start: a backup of the demo library
    window.library.take_backup()
    rid = window.library.list_reports()[0].id
    window.open_report(rid)
    window.session.set_cells([(0, "owner", "กองใหม่")])
    assert window.library.load_measures(rid)[0].owner == "กองใหม่"
    backups = window.library.backups()
    assert window.restore_from(backups[0])  # the copy taken before the edit
    assert window.library.load_measures(rid)[0].owner != "กองใหม่"
    assert "เรียกคืนข้อมูลจากสำเนา" in window.statusBar().currentMessage()
    # restoring the copy taken just before the restore undoes it
    assert window.restore_from(window.library.backups()[0])
    assert window.library.load_measures(rid)[0].owner == "กองใหม่"
    assert window.library.integrity_ok()
    assert list(library_path.parent.glob("library-replaced-*.sqlite"))
