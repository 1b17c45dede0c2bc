"""ไฟล์ → ชุดเอกสารหลักฐาน… in the real window: the item and the link typed, the pack
written, the record kept with the report as one undoable step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from itadesk.demo import add_demo_reports
from itadesk.domain.publication import publication_of
from itadesk.store import Library
from itadesk.ui.evidence_dialog import EvidencePackDialog

from .test_window import open_window  # noqa: F401 (the fixture)
from .ui_helpers import type_text, when_dialog_opens


def test_the_window_writes_the_pack_and_keeps_the_link(open_window, qtbot,  # noqa: F811
                                                      library_path: Path, tmp_path: Path):
    with Library.open(library_path) as library:
        ids = add_demo_reports(library)
    window = open_window()
    window.open_report(ids[0])
    assert window.session.report.fiscal_year == 2568
    folder = tmp_path / "หลักฐาน"
    seen: list[str] = []

    def fill(dialog) -> None:
        assert isinstance(dialog, EvidencePackDialog)
        # the demo's year ships no items: the dialog says so and takes a typed code
        assert dialog.item.count() == 0 and "ยังไม่มีรายการข้อ OIT" in dialog.item_note.text()
        assert "ชุดเอกสารหลักฐาน" in dialog.about.text()
        dialog.item.lineEdit().clear()
        type_text(dialog.item.lineEdit(), "O26")
        dialog.link.setFocus()
        type_text(dialog.link, "https://www.example.go.th/o26")
        type_text(dialog.people["executive"][0], "นายสมชาย ใจดี")
        dialog.folder.clear()
        type_text(dialog.folder, str(folder))
        when_dialog_opens(told)
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    def told(box) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.buttons()[0].click()

    when_dialog_opens(fill)
    window.pack_action.trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=60_000)
    assert "๗ ไฟล์" in seen[0]
    year = window.session.report.fiscal_year
    from itadesk.thai.digits import to_thai_digits

    fy = to_thai_digits(str(year))
    for name in (f"O26-รายงานผล-{fy}.pdf", f"O26-บันทึกข้อความ-{fy}.docx",
                 f"O26-แบบขออนุมัติเผยแพร่-{fy}.pdf", "รายการเอกสาร.txt"):
        assert (folder / name).is_file(), name
    kept = window.library.load_report(ids[0])
    assert kept.options["oit_item"] == "O26"
    assert publication_of(kept.options).link == "https://www.example.go.th/o26"
    assert publication_of(kept.options).executive.name == "นายสมชาย ใจดี"
    window.undo_action.trigger()  # one step takes the record back out
    assert "publication" not in window.library.load_report(ids[0]).options
