"""Importing from the window: the file is read in a child process, the summary is shown
with นำเข้า / ยกเลิก, and only นำเข้า adds the report."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from itadesk.domain import MeasureKind

from .test_import_word import _clerks_plan
from .test_window import open_window  # noqa: F401 (the fixture)
from .ui_helpers import when_dialog_opens


def _read(window, qtbot, tmp_path):
    """The clerk's plan opened for import, read and summarised (nothing added yet)."""
    path = tmp_path / "plan.docx"
    _clerks_plan(path)
    before = len(window.library.list_reports())
    dialog = window.import_with_summary(path)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=60_000)
    return path, before, dialog


def test_the_summary_is_shown_and_import_adds_the_report(open_window, qtbot, tmp_path):  # noqa: F811
    window = open_window()
    _, before, dialog = _read(window, qtbot, tmp_path)
    shown = dialog.summary.toPlainText()
    assert "มาตรการ ๕ รายการ · หัวข้อหมวด ๓ แถว · ผู้ลงนาม ๒ คน" in shown
    assert "«ผู้รับ ผิดชอบ» → «ผู้รับผิดชอบ»" in shown  # the columns it mapped
    assert len(window.library.list_reports()) == before  # nothing added yet
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.library.list_reports()) == before + 1, timeout=10_000)
    new = max(r.id for r in window.library.list_reports())
    report = window.library.load_report(new)
    assert report.period.startswith("รอบ ๑๒ เดือน")
    assert [m.kind for m in report.measures].count(MeasureKind.SECTION) == 3
    assert window.session is not None and window.session.report_id == new


def test_cancel_adds_nothing(open_window, qtbot, tmp_path):  # noqa: F811
    window = open_window()
    path, before, dialog = _read(window, qtbot, tmp_path)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    # ยกเลิก while the child still reads: it is stopped, nothing is added either
    reading = window.import_with_summary(path)
    qtbot.mouseClick(reading.cancel_button, Qt.MouseButton.LeftButton)
    assert not reading.job.is_running()
    assert len(window.library.list_reports()) == before


def test_a_broken_file_is_told_in_thai(open_window, qtbot, tmp_path):  # noqa: F811
    window = open_window()
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    told: list[tuple[str, str]] = []

    def answer(box) -> None:
        if not isinstance(box, QMessageBox):  # the import dialog, still reading
            QTimer.singleShot(50, lambda: when_dialog_opens(answer))
            return
        told.append((box.text(), box.informativeText()))
        box.close()

    when_dialog_opens(answer)
    window.import_with_summary(broken)
    qtbot.waitUntil(lambda: bool(told), timeout=60_000)
    thai, english = told[0]
    assert "เสียหาย" in thai or "ไม่ใช่ไฟล์ Word" in thai, thai
    assert english


def test_the_librarys_own_layout_is_recognised_in_the_child(open_window, qtbot, tmp_path):  # noqa: F811
    import dataclasses

    import docx

    from itadesk.domain import Column, layout_by_id

    window = open_window()
    own = dataclasses.replace(
        layout_by_id("six-measures"), id="own-plan", name="แบบของเทศบาลเอง", builtin=False,
    ).with_columns((Column("title", "งานที่ทำ", 1.0, True), Column("owner", "หน่วยที่ทำ", 1.0, True),
                    Column("timing", "ช่วงเวลา", 1.0, True), Column("result", "ได้ผลอย่างไร", 1.0)))
    kept = window.library.add_layout(own)
    document = docx.Document()
    table = document.add_table(rows=2, cols=4)
    for cell, text in zip(table.rows[0].cells, ["งานที่ทำ", "หน่วยที่ทำ", "ช่วงเวลา",
                                                "ได้ผลอย่างไร"], strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["ประชุม", "กองคลัง", "ทั้งปี", "ดี"], strict=True):
        cell.text = text
    path = tmp_path / "own.docx"
    document.save(str(path))
    dialog = window.import_with_summary(path)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=60_000)
    assert "แบบของเทศบาลเอง" in dialog.summary.toPlainText()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session is not None and window.session.report_id is not None
                    and window.library.load_report(window.session.report_id).layout == kept.id,
                    timeout=10_000)


def test_a_divisions_word_file_can_be_merged(open_window, qtbot, tmp_path):  # noqa: F811
    window = open_window()
    window.open_report(window.library.list_reports()[0].id)
    before = window.session.model.rowCount()
    path = tmp_path / "plan.docx"
    _clerks_plan(path)
    window.merge_from([path])
    assert window.session.model.rowCount() == before + 8  # five measures, three sections


def test_the_import_menu_names_word_and_pdf_in_plain_thai(open_window, qtbot):  # noqa: F811
    """The clerk read «นำเข้ารายงาน (.itadesk.json หรือ Word)…»: PDF was left out and the
    file ending meant nothing to her. The menu, the file dialog's filter and the help say
    the same plain words."""
    from PySide6.QtWidgets import QFileDialog

    from itadesk.paths import resource

    window = open_window()
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    item = next(t for t in texts if t.startswith("นำเข้ารายงาน"))
    assert item == "นำเข้ารายงาน (Word, PDF หรือไฟล์ ITA Desk)…", texts
    filters: list[str] = []

    def read(dialog) -> None:
        assert isinstance(dialog, QFileDialog)
        filters.extend(dialog.nameFilters())
        dialog.reject()

    when_dialog_opens(read)
    window.import_report()
    assert filters and filters[0].startswith("รายงาน Word, PDF หรือไฟล์ ITA Desk ("), filters
    assert "*.pdf" in filters[0] and "*.docx" in filters[0]
    help_page = resource("help", "index.html").read_text(encoding="utf-8")
    assert "นำเข้ารายงาน (Word, PDF หรือไฟล์ ITA Desk)" in help_page
    assert ".itadesk.json" not in help_page.split('id="import"')[1].split("<h2")[0]
