"""ไฟล์ → ส่งออกแผนหรือผลรายรอบ: the plan and each round's results from the window's menu,
written by the export child as any export (Word or PDF as the save dialog's filter says),
read back: the plan is the plan's layout, each round shows its own kept texts."""

from __future__ import annotations

import subprocess
from pathlib import Path

import docx
from PySide6.QtWidgets import QFileDialog

from itadesk.demo import add_demo_reports
from itadesk.domain.model import MeasureKind
from itadesk.domain.rounds import PLAN_TITLE
from itadesk.store import Library

from .test_window import open_window  # noqa: F401 (the fixture)
from .ui_helpers import click_button, when_dialog_opens


def _docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    return "\n".join([p.text for p in document.paragraphs]
                     + [c.text for t in document.tables for r in t.rows for c in r.cells])


def _demo_report_open(open_window, library_path: Path, folder: Path):  # noqa: F811
    """A window on the first demo report, its save dialogs starting in `folder`."""
    with Library.open(library_path) as library:
        rid = add_demo_reports(library)[0]
    window = open_window()
    window.open_report(rid)
    window._last_folder = str(folder)
    return window


def test_the_plan_and_each_round_exported_from_the_menu(open_window, qtbot,  # noqa: F811
                                                        library_path: Path, tmp_path: Path):
    window = _demo_report_open(open_window, library_path, tmp_path)
    session = window.session
    row = next(r for r in range(session.model.rowCount())
               if session.model.measure(r).kind is MeasureKind.MEASURE)
    session.set_cells([(row, "result", "ครึ่งปีแรก: อบรมแล้ว ๑ ครั้ง")])
    when_dialog_opens(click_button("ตกลง"), name="round_kept")  # what was kept, told
    window.keep6_action.trigger()
    session.set_cells([(row, "result", "ทั้งปี: อบรมแล้ว ๒ ครั้ง")])
    when_dialog_opens(click_button("ตกลง"), name="round_kept")
    window.keep12_action.trigger()
    done: list[str] = []

    def save(as_filter: str, proposed: list[str]):
        def answer(dialog) -> None:
            assert isinstance(dialog, QFileDialog)
            proposed.append(Path(dialog.selectedFiles()[0]).name)
            dialog.selectNameFilter(as_filter)
            when_dialog_opens(lambda box: (done.append(box.text()), click_button("ปิด")(box)))
            dialog.accept()
        return answer

    written: dict[str, Path] = {}
    for part, as_filter in (("plan", "เอกสาร Word (*.docx)"), ("6", "เอกสาร PDF (*.pdf)"),
                            ("12", "เอกสาร Word (*.docx)")):
        proposed: list[str] = []
        when_dialog_opens(save(as_filter, proposed))
        window.part_actions[part].trigger()
        count = len(written) + 1
        qtbot.waitUntil(lambda n=count: len(done) == n, timeout=90_000)
        assert "เรียบร้อยแล้ว" in done[-1], done[-1]
        name = proposed[0]
        ending = ".pdf" if "pdf" in as_filter else ".docx"
        written[part] = tmp_path / (name.rsplit(".", 1)[0] + ending)
        assert written[part].exists(), (name, list(tmp_path.iterdir()))
    assert written["plan"].name.startswith("มาตรการ-")
    assert written["6"].name.startswith("ผลรอบ๖เดือน-") and written["6"].suffix == ".pdf"

    plan = _docx_text(written["plan"])
    assert PLAN_TITLE in plan and "ตัวชี้วัด/ผลลัพธ์ที่คาดว่าจะได้รับ" in plan
    assert "ครึ่งปีแรก" not in plan and "ทั้งปี:" not in plan  # a plan has no results
    six = subprocess.run(["pdftotext", str(written["6"]), "-"], capture_output=True,
                         text=True, check=True).stdout
    assert "ครึ่งปีแรก" in six and "ทั้งปี:" not in six and "รอบ ๖ เดือน" in six
    twelve = _docx_text(written["12"])
    assert "ทั้งปี: อบรมแล้ว ๒ ครั้ง" in twelve and "ครึ่งปีแรก" not in twelve
    assert "รอบ ๑๒ เดือน" in twelve


def test_a_pdf_name_typed_in_the_part_dialog_gives_a_pdf(open_window, qtbot,  # noqa: F811
                                                         library_path: Path, tmp_path: Path):
    # The new-clerk test: "plan.pdf" typed while the dialog's filter said Word gave plan.docx.
    window = _demo_report_open(open_window, library_path, tmp_path)
    done: list[str] = []

    def answer(dialog) -> None:
        assert isinstance(dialog, QFileDialog)
        dialog.selectNameFilter("เอกสาร Word (*.docx)")
        dialog.selectFile(str(tmp_path / "plan.pdf"))
        when_dialog_opens(lambda box: (done.append(box.text()), click_button("ปิด")(box)))
        dialog.accept()

    when_dialog_opens(answer)
    window.part_actions["plan"].trigger()
    qtbot.waitUntil(lambda: bool(done), timeout=90_000)
    assert (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF")
    assert not (tmp_path / "plan.docx").exists() and not (tmp_path / "plan.pdf.docx").exists()
