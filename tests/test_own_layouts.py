"""A municipality's own layout: a data file, kept in the library, carried by the exchange
file, listed and added on the command line, exported to .docx and .pdf."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from itadesk.domain import Measure, Report, builtin_layouts
from itadesk.domain.layout_files import layout_from_dict, layout_to_dict
from itadesk.exchange.jsonfile import (
    ExchangeError,
    exchange_from_dict,
    read_exchange,
    report_to_dict,
    write_report,
)
from itadesk.store import Library
from itadesk.store.schema import LATEST_VERSION

from .conftest import SUPPORT
from .pdfcheck import column_text

HEADERS = ["ลำดับที่ของงาน", "ชื่อมาตรการของเทศบาล", "ใครทำ", "เมื่อไร", "ได้ผลอย่างไร"]


def own_layout_file(folder: Path) -> Path:
    """A layout written as a clerk (or we) would: a new JSON file, nothing else."""
    data = {
        "format": 1, "id": "muang-own", "name": "แบบของเทศบาลเมืองทดลอง",
        "form": "table", "orientation": "portrait", "sections": False,
        "columns": [
            {"field": "code", "header": HEADERS[0], "width": 0.5},
            {"field": "title", "header": HEADERS[1], "width": 1.5, "required": True},
            {"field": "owner", "header": HEADERS[2], "width": 0.8},
            {"field": "timing", "header": HEADERS[3], "width": 0.8},
            {"field": "result", "header": HEADERS[4], "width": 1.4},
        ],
        "margins_mm": {"landscape": {"top": 20, "bottom": 15, "left": 20, "right": 20},
                       "portrait": {"top": 25, "bottom": 20, "left": 30, "right": 20}},
        "extras_in": "result", "extras": [{"field": "problems", "label": "อุปสรรค:"}],
    }
    path = folder / "muang-own.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def itadesk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "itadesk", *args], capture_output=True,
                          text=True, timeout=120)


def test_a_layout_from_a_data_file_is_added_and_exported_with_its_headers(tmp_path):
    library = tmp_path / "library.sqlite"
    added = itadesk("--library", str(library), "layout", "add",
                    str(own_layout_file(tmp_path)))
    assert added.returncode == 0, added.stderr
    assert added.stdout.split("\t")[0] == "muang-own"
    listed = itadesk("--library", str(library), "layouts")
    rows = [line.split("\t") for line in listed.stdout.splitlines()]
    assert [r[0] for r in rows][:6] == list(builtin_layouts().ids)[:6]
    assert ["muang-own", "คลัง", "table", "portrait", "5", "แบบของเทศบาลเมืองทดลอง"] in rows

    report = Report(layout="muang-own", municipality="เทศบาลเมืองทดลอง", measures=(
        Measure(code="O๑", title="ป้องกันการรับสินบน", owner="สำนักปลัด", timing="ต.ค. ๖๗",
                result="ประกาศแล้ว", problems="ฝนตก"),))
    with Library.open(library) as lib:
        report_id = lib.create_report(report)
    for fmt in ("docx", "pdf"):
        out = tmp_path / f"own.{fmt}"
        done = itadesk("--library", str(library), "export", str(report_id), "-o", str(out),
                       "--no-embed-fonts", "--no-title-block")
        assert done.returncode == 0, done.stderr
    word = docx.Document(str(tmp_path / "own.docx"))
    [table] = word.tables
    assert [c.text for c in table.rows[0].cells] == HEADERS
    assert [c.text for c in table.rows[1].cells][4] == "ประกาศแล้ว\nอุปสรรค: ฝนตก"
    section = word.sections[-1]
    assert section.page_width < section.page_height  # portrait, as the file says
    # the PDF read back column by column: each starts with its header, word for word
    widths = [0.5, 1.5, 0.8, 0.8, 1.4]
    columns = column_text(tmp_path / "own.pdf", 30, tuple(160 * w / sum(widths) for w in widths))
    body = ["O๑", "ป้องกันการรับสินบน", "สำนักปลัด", "ต.ค.๖๗", "ประกาศแล้วอุปสรรค:ฝนตก"]
    assert columns == [h + b for h, b in zip(HEADERS, body, strict=True)]


def test_the_library_keeps_its_layouts_and_refuses_a_shipped_id(tmp_path, library):
    layout = layout_from_dict(json.loads(own_layout_file(tmp_path).read_text("utf-8")))
    with Library.open(library) as lib:
        assert lib.add_layout(layout) == layout
        renamed = lib.add_layout(layout.with_columns(layout.columns[1:]))  # same id: replaced
        assert lib.layouts().get("muang-own").fields == renamed.fields
        shipped_id = lib.add_layout(layout_from_dict(
            layout_to_dict(layout) | {"id": "six-measures"}))
        assert shipped_id.id == "own-1"
        assert lib.layouts().get("six-measures") == builtin_layouts().get("six-measures")
    with Library.open(library) as lib:  # kept across openings
        assert [lay.id for lay in lib.custom_layouts()] == ["muang-own", "own-1"]


def test_the_exchange_file_carries_the_layout_it_uses(tmp_path):
    layout = layout_from_dict(json.loads(own_layout_file(tmp_path).read_text("utf-8")))
    report = Report(layout="muang-own", measures=(Measure(title="ก"),))
    with pytest.raises(ValueError):
        report_to_dict(report)  # a report in the clerk's own layout needs its definition
    write_report(report, tmp_path / "r.itadesk.json", layout)
    found = read_exchange(tmp_path / "r.itadesk.json")
    assert found.report.layout == "muang-own" and found.layout == layout
    shipped = report_to_dict(Report(), builtin_layouts().get("six-measures"))
    assert "layouts" not in shipped  # a shipped layout is only named

    # into another library that has a different layout of that id: kept under a new id
    other = layout.with_columns(layout.columns[:2])
    with Library.open(tmp_path / "other.sqlite") as lib:
        lib.add_layout(other)
        adopted = lib.adopt(found)
        assert adopted.layout == "own-1"
        assert lib.layouts().get("own-1").fields == layout.fields
        assert lib.adopt(found).layout == "own-1"  # again: the same one, not a third
        assert lib.layouts().get("muang-own") == other


def test_a_file_naming_a_layout_it_does_not_carry_is_refused():
    with pytest.raises(ExchangeError) as caught:
        exchange_from_dict({"format": 1, "report": {"layout": "muang-own"}})
    assert caught.value.where == "report.layout"
    data = {"format": 1, "layouts": [{"format": 1, "id": "muang-own"}],
            "report": {"layout": "muang-own"}}
    with pytest.raises(ExchangeError) as caught:
        exchange_from_dict(data)
    assert caught.value.where.startswith("layouts[0]")
    good = layout_to_dict(builtin_layouts().get("six-measures")) | {"id": "muang-own"}
    good["columns"][0]["field"] = "colour"
    with pytest.raises(ExchangeError) as caught:
        exchange_from_dict({"format": 1, "layouts": [good], "report": {"layout": "muang-own"}})
    assert caught.value.where == "layouts[0].columns[0].field"
    assert "colour" in caught.value.message


def test_schema_step_4_from_a_kept_version_3_library(tmp_path):
    """Step 4 (the layout table) from a version-3 file made by the program of then (demo
    001 with its memo): everything kept, and the library takes layouts of its own."""
    path = tmp_path / "v3.sqlite"
    shutil.copy(SUPPORT / "library-v3.sqlite", path)
    before = sqlite3.connect(path)
    assert before.execute("PRAGMA user_version").fetchone()[0] == 3
    library_id = before.execute("SELECT value FROM library_info WHERE key = 'id'").fetchone()[0]
    before.close()
    with Library.open(path) as lib:
        assert lib._conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        assert lib.library_id == library_id
        [summary] = lib.list_reports()
        report = lib.load_report(summary.id)
        assert report.layout == "six-guidelines" and len(report.measures) == 6
        assert report.memo is not None and report.memo.date == "๒๔ เมษายน ๒๕๖๗"
        assert lib.custom_layouts() == ()
        kept = lib.add_layout(layout_from_dict(
            layout_to_dict(builtin_layouts().get("narrative")) | {"id": "own-9"}))
        assert lib.layouts().get("own-9") == kept
        assert lib.integrity_ok()


def test_a_broken_layout_file_is_refused_in_thai_and_the_library_keeps_none(tmp_path):
    library = tmp_path / "library.sqlite"
    bad = tmp_path / "bad.json"
    data = json.loads(own_layout_file(tmp_path).read_text("utf-8"))
    data["columns"][2]["width"] = "กว้าง"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    refused = itadesk("--library", str(library), "layout", "add", str(bad))
    assert refused.returncode == 2, refused.stderr
    thai, english = refused.stderr.splitlines()[:2]
    assert "bad.json" in thai and "columns[2].width" in thai and "ตัวเลข" in thai
    assert "Unexpected" not in english and "columns[2].width" in english
    if library.exists():
        with Library.open(library) as lib:
            assert lib.custom_layouts() == ()
