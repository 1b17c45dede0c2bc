"""A year's OIT items as the clerk corrects them: kept in the library (schema step 6, from a
kept version-5 library), used by the checks and the pack, carried by the exchange file
and adopted on import, printed by `itadesk oit`, edited in the window's dialog."""

from __future__ import annotations

import dataclasses
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableWidgetItem

from itadesk.demo import add_demo_reports, read_demo
from itadesk.domain.oit import OitItem, empty_year
from itadesk.domain.rounds import round_text
from itadesk.store import Library
from itadesk.store.schema import LATEST_VERSION
from itadesk.ui.oit_dialog import OitYearDialog

from .conftest import SUPPORT
from .test_window import open_window  # noqa: F401 (the fixture)
from .ui_helpers import type_text, when_dialog_opens

ITEM = OitItem("O30", ("results",), "รายงานผลการดำเนินการตามมาตรการ (ตามคู่มือปี ๒๕๖๗)",
               ("owners", "link"))


def itadesk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "itadesk", *args], capture_output=True,
                          text=True, timeout=180)


def _edited_2567():
    return dataclasses.replace(empty_year(2567), status="edited", items=(ITEM,),
                               source="คู่มือ ITA ๒๕๖๗ ที่ สถ. แจ้ง")


def test_the_librarys_year_is_used_carried_and_adopted(tmp_path: Path, library: Path | str):
    path = library
    with Library.open(path) as library:
        rid = library.create_report(read_demo("001"))  # 2567: shipped without items
        assert library.oit_year(2567).items == ()
        library.keep_oit_year(_edited_2567())
        assert library.oit_year(2567).items == (ITEM,) and not library.oit_year(2567).builtin
        assert library.oit_year(2569).builtin  # other years stay the shipped ones
    printed = itadesk("--library", str(path), "oit", "2567")
    assert "O30\tรายงานผลการดำเนินการตามมาตรการ" in printed.stdout, printed.stderr
    check = itadesk("--library", str(path), "check", str(rid))
    assert "ข้อ O30 ต้องมีลิงก์" in check.stdout
    pack = itadesk("--library", str(path), "pack", str(rid), "-o", str(tmp_path / "pack"))
    assert pack.returncode == 0, pack.stderr
    assert (tmp_path / "pack" / "O30-รายงานผล-๒๕๖๗.pdf").is_file()
    saved = tmp_path / "r.itadesk.json"
    assert itadesk("--library", str(path), "save-json", str(rid), "-o", str(saved)).returncode == 0
    assert json.loads(saved.read_text(encoding="utf-8"))["oit"]["items"][0]["code"] == "O30"
    other = tmp_path / "other.sqlite"
    imported = itadesk("--library", str(other), "import", str(saved))
    assert imported.returncode == 0, imported.stderr
    with Library.open(other, take_backup=False) as library:
        assert library.oit_year(2567).items == (ITEM,)
    broken = json.loads(saved.read_text(encoding="utf-8"))
    broken["oit"]["items"][0]["code"] = "30"
    saved.write_text(json.dumps(broken, ensure_ascii=False), encoding="utf-8")
    refused = itadesk("--library", str(other), "import", str(saved))
    assert refused.returncode == 2 and "รายการข้อ OIT ในไฟล์" in refused.stderr


def test_step_6_from_a_kept_version_5_library(tmp_path: Path):
    path = tmp_path / "v5.sqlite"
    shutil.copy(SUPPORT / "library-v5.sqlite", path)
    before = sqlite3.connect(path)
    assert before.execute("PRAGMA user_version").fetchone()[0] == 5
    before.close()
    with Library.open(path) as library:
        assert library._conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        reports = [library.load_report(r.id) for r in library.list_reports()]
        assert any(round_text(m, "6") is not None for r in reports for m in r.measures)
        assert library.own_oit_year(2567) is None
        library.keep_oit_year(_edited_2567())
        assert library.own_oit_year(2567).items == (ITEM,) and library.integrity_ok()


def test_the_clerk_fills_in_a_year_in_the_window(open_window, qtbot,  # noqa: F811
                                                 library_path: Path):
    with Library.open(library_path) as library:
        ids = add_demo_reports(library)
        rid = next(i for i in ids if library.load_report(i).fiscal_year == 2567)
    window = open_window()
    window.open_report(rid)

    def fill(dialog) -> None:
        assert isinstance(dialog, OitYearDialog)
        next(b for b in dialog.findChildren(type(dialog.save_button))
             if b.text() == "เพิ่มข้อ").click()
        row = dialog.table.rowCount() - 1
        dialog.table.setItem(row, 0, QTableWidgetItem("O30"))
        dialog.table.setItem(row, 1, QTableWidgetItem(ITEM.title))
        link = 2 + 3 + 4  # the last element column: ลิงก์เผยแพร่
        dialog.table.item(row, link).setCheckState(Qt.CheckState.Checked)
        dialog.source.clear()
        type_text(dialog.source, "คู่มือ ITA ๒๕๖๗")
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(fill)
    window.oit_action.trigger()
    kept = window.library.own_oit_year(2567)
    assert kept is not None and kept.status == "edited" and kept.source == "คู่มือ ITA ๒๕๖๗"
    assert [(i.code, i.serves, i.elements) for i in kept.items] == [
        ("O30", ("results",), ("link",))]


def test_a_wrong_code_is_told_in_the_dialog(qtbot):
    dialog = OitYearDialog(empty_year(2568))
    qtbot.addWidget(dialog)
    dialog._add_row(OitItem("30", ("results",), "ชื่อ", ()))
    dialog._accept()
    assert "แถวที่ ๑" in dialog.message.text() and "O26" in dialog.message.text()
    assert dialog.result_year is None
