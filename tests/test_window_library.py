"""The window and the library file itself: read-only, damaged, a backup that fails."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from itadesk.demo import demo_reports
from itadesk.store import Library
from itadesk.ui.app import make_app, open_library
from itadesk.ui.library_care import SAVE_COPY
from itadesk.ui.main_window import MainWindow

from .ui_helpers import click_button, when_dialog_opens


def _window(qtbot, library: Library) -> MainWindow:
    window = MainWindow(library)
    qtbot.addWidget(window)
    window.show()
    return window


def test_read_only_library_has_a_banner_and_edits_offer_a_copy(qtbot, tmp_path: Path):
    make_app()
    path = tmp_path / "library.sqlite"
    Library.open(path, first_reports=demo_reports).close()
    path.chmod(0o444)
    before = path.read_bytes()
    library = open_library(path)
    assert library is not None and library.read_only
    window = _window(qtbot, library)
    try:
        window.take_startup_backup()  # nothing to back up into: no error either
        assert window.read_only_banner.isVisible()
        assert "อ่านอย่างเดียว" in window.read_only_banner.text.text()
        rid = library.list_reports()[0].id
        window.open_report(rid)
        assert window.export_pdf_action.isEnabled() and window.print_action.isEnabled()
        copy = tmp_path / "mine.sqlite"
        offered: list[str] = []

        def take_the_copy(box) -> None:
            offered.append(box.text())

            def save_here(dialog) -> None:
                assert isinstance(dialog, QFileDialog)
                dialog.selectFile(str(copy))
                dialog.accept()

            when_dialog_opens(save_here)
            click_button(SAVE_COPY + "…")(box)

        when_dialog_opens(take_the_copy)
        window.session.set_cells([(0, "owner", "กองใหม่")])
        assert offered and "อ่านอย่างเดียว" in offered[0]
        # now in the copy, the same report open, and editing works
        assert window.library.path == copy and not window.library.read_only
        assert not window.read_only_banner.isVisible()
        assert window.session is not None and window.session.report_id == rid
        window.session.set_cells([(0, "owner", "กองใหม่")])
        assert window.library.load_measures(rid)[0].owner == "กองใหม่"
        assert "บันทึกแล้ว" in window.saved_label.text()
    finally:
        window.close()
        window.library.close()
    assert path.read_bytes() == before


def test_a_truncated_library_offers_its_backups(qtbot, tmp_path: Path):
    make_app()
    path = tmp_path / "library.sqlite"
    Library.open(path, first_reports=demo_reports).close()
    Library.open(path).close()  # a start-up: takes a backup
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])  # a copy cut short
    seen: list[str] = []

    def choose_first_backup(dialog) -> None:
        seen.append(dialog.labelText())
        dialog.accept()

    when_dialog_opens(choose_first_backup)
    library = open_library(path)
    assert library is not None
    try:
        assert "เสียหาย" in seen[0] and "ไม่ใช่คลังรายงาน" not in seen[0]
        assert len(library.list_reports()) == 3
    finally:
        library.close()
    [kept] = tmp_path.glob("library-damaged-*.sqlite")
    assert kept.read_bytes() == data[: len(data) // 2]


def test_a_failed_backup_is_told_in_the_status_bar(qtbot, small_disk: Path):
    from itadesk.domain import Measure, Report

    make_app()
    path = small_disk / "library.sqlite"
    with Library.open(path) as lib:
        lib.create_report(Report(municipality="ใหญ่", measures=tuple(
            Measure(title="ก" * 2000) for _ in range(40))))
    library = open_library(path)
    assert library is not None
    window = _window(qtbot, library)
    try:
        window.take_startup_backup()
        message = window.statusBar().currentMessage()
        assert "ทำสำเนาสำรองของคลังรายงานไม่สำเร็จ" in message and "พื้นที่ดิสก์เต็ม" in message
    finally:
        window.close()
        library.close()
