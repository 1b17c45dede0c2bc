"""The score sheet: typed or read from .xlsx/.csv, it gives the expected analysis (weak
indicators below 85 and the questions that pulled them down, Thai digits) and rows."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from itadesk.domain.model import MeasureKind
from itadesk.domain.scoresheet import (
    QuestionScore,
    ScoreSheet,
    ScoreSheetError,
    analysis_text,
    proposed_rows,
)
from itadesk.exchange.scoresheet_file import read_sheet, sheet_from_rows

# As the NACC's system lists a municipality's result: indicator rows, their questions.
ROWS = [
    ["ผลการประเมิน ITA เทศบาลตัวอย่าง"],
    ["ตัวชี้วัด", "ข้อ", "ข้อคำถาม", "คะแนน"],
    ["ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่", "", "", "95.10"],
    ["", "i1", "บุคลากรปฏิบัติงานตามขั้นตอนและระยะเวลาที่กำหนด", "96.00"],
    ["ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน", "", "", "88.00"],
    ["", "e1", "เจ้าหน้าที่ปฏิบัติงานตามขั้นตอนที่กำหนด", "89.00"],
    ["ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร", "", "", "๘๒.๕๐"],
    ["", "e6", "การเผยแพร่ข้อมูลเข้าถึงง่าย", "90.00"],
    ["", "E 7", "มีช่องทางรับฟังความคิดเห็น", "75.25"],
    ["", "e8", "ชี้แจงและตอบคำถามเมื่อมีข้อกังวลสงสัย", "80.00"],
    ["ตัวชี้วัดที่ 10 การป้องกันการทุจริต", "", "", "70"],
    ["", "o36", "การประเมินความเสี่ยงการทุจริต", "50%"],
    ["", "O37", "การดำเนินการเพื่อจัดการความเสี่ยง", "100"],
    ["คะแนนรวม", "", "", "86.40"],
]
TYPED = ScoreSheet(2568, {1: 95.1, 6: 88.0, 7: 82.5, 10: 70.0}, (
    QuestionScore("i1", 1, 96.0, "บุคลากรปฏิบัติงานตามขั้นตอนและระยะเวลาที่กำหนด"),
    QuestionScore("e1", 6, 89.0, "เจ้าหน้าที่ปฏิบัติงานตามขั้นตอนที่กำหนด"),
    QuestionScore("e6", 7, 90.0, "การเผยแพร่ข้อมูลเข้าถึงง่าย"),
    QuestionScore("e7", 7, 75.25, "มีช่องทางรับฟังความคิดเห็น"),
    QuestionScore("e8", 7, 80.0, "ชี้แจงและตอบคำถามเมื่อมีข้อกังวลสงสัย"),
    QuestionScore("O36", 10, 50.0, "การประเมินความเสี่ยงการทุจริต"),
    QuestionScore("O37", 10, 100.0, "การดำเนินการเพื่อจัดการความเสี่ยง"),
), 86.4)


def _expected(sheet: ScoreSheet) -> None:
    text = analysis_text(sheet)
    lines = text.split("\n")
    assert "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ ได้คะแนนรวม ๘๖.๔๐ คะแนน" in lines[0]
    assert "ต่ำกว่าเกณฑ์ ๘๕.๐๐ คะแนน จำนวน ๒ ตัวชี้วัด" in lines[0]
    assert lines[1].startswith("๑. ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร (EIT) ได้ ๘๒.๕๐ คะแนน")
    # the questions that pulled it down, lowest first; e6 (90) did not
    assert "e7 มีช่องทางรับฟังความคิดเห็น (๗๕.๒๕ คะแนน); e8" in lines[1]
    assert "e6" not in lines[1]
    assert lines[2].startswith("๒. ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต (OIT) ได้ ๗๐.๐๐ คะแนน")
    assert "O36" in lines[2] and "O37" not in lines[2]
    assert "ตัวชี้วัดที่ ๖" not in text and "ตัวชี้วัดที่ ๑ " not in text
    rows = proposed_rows(sheet)
    assert [(m.kind, m.code) for m in rows] == [
        (MeasureKind.SECTION, ""), (MeasureKind.MEASURE, "e7"), (MeasureKind.MEASURE, "e8"),
        (MeasureKind.SECTION, ""), (MeasureKind.MEASURE, "O36")]
    assert rows[0].title == "เครื่องมือการประเมิน EIT ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร"
    assert rows[3].title == "เครื่องมือการประเมิน OIT ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต"
    assert rows[1].title == "มีช่องทางรับฟังความคิดเห็น (ได้ ๗๕.๒๕ คะแนน)"


def test_a_typed_sheet_gives_the_analysis_and_the_rows():
    _expected(TYPED)


def test_a_sheet_from_xlsx_and_from_csv_reads_as_the_typed_one(tmp_path: Path):
    book = openpyxl.Workbook()
    for row in ROWS:
        book.active.append([float(c) if c.replace(".", "").isdigit() and "." in c else c
                            for c in row])
    book.save(tmp_path / "ita.xlsx")
    from_xlsx = read_sheet(tmp_path / "ita.xlsx", 2568)
    assert from_xlsx == TYPED
    _expected(from_xlsx)
    (tmp_path / "ita.csv").write_text("\n".join(",".join(r) for r in ROWS), encoding="utf-8-sig")
    assert read_sheet(tmp_path / "ita.csv", 2568) == TYPED


def test_every_indicator_passing_names_the_lowest_and_bad_sheets_are_told():
    passing = ScoreSheet(2568, {1: 99.0, 7: 90.5, 9: 92.0}, (
        QuestionScore("e6", 7, 95.0), QuestionScore("e7", 7, 88.0)))
    text = analysis_text(passing)
    assert "ทุกตัวชี้วัดผ่านเกณฑ์" in text and "ตัวชี้วัดที่ ๗" in text and "e7" in text
    assert [m.code for m in proposed_rows(passing)] == ["", "e7"]
    with pytest.raises(ScoreSheetError, match="คะแนน"):
        sheet_from_rows([["ตัวชี้วัด", "คะแนน"], ["ตัวชี้วัดที่ 7", "ดี"]], 2568)
    with pytest.raises(ScoreSheetError) as caught:
        sheet_from_rows([["ตัวชี้วัด", "ข้อ", "คะแนน"], ["", "e7", "80"]], 2568)
    assert caught.value.where == "แถวที่ ๒"
    with pytest.raises(ScoreSheetError, match="หัวตาราง"):
        sheet_from_rows([["a", "b"]], 2568)
    with pytest.raises(ScoreSheetError):
        sheet_from_rows([["ตัวชี้วัด", "คะแนน"], ["ตัวชี้วัดที่ 7", "120"]], 2568)


def test_itadesk_scores_adds_the_next_years_plan(tmp_path: Path):
    import subprocess
    import sys

    from itadesk.store import Library

    (tmp_path / "ita.csv").write_text("\n".join(",".join(r) for r in ROWS), encoding="utf-8")
    library = tmp_path / "library.sqlite"
    run = subprocess.run([sys.executable, "-m", "itadesk", "--library", str(library), "scores",
                          str(tmp_path / "ita.csv"), "--year", "2568", "--add"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร" in run.stdout
    assert "หัวตารางแถวที่ ๒: ตัวชี้วัด = คอลัมน์ A «ตัวชี้วัด»" in run.stderr  # what was taken
    with Library.open(library, take_backup=False) as lib:
        report = lib.load_report(int(run.stdout.split()[-1]))
    assert (report.layout, report.fiscal_year) == ("improvement-plan", 2569)
    assert report.opening == analysis_text(TYPED)
    assert [m.code for m in report.measures] == [m.code for m in proposed_rows(TYPED)]


def test_the_plan_keeps_its_sheet_through_the_exchange_file(tmp_path: Path):
    """The sheet a plan was written from travels in its .itadesk.json (the published schema
    says what it holds) and reads back as the same sheet; a hand-spoilt entry is dropped."""
    import json

    import jsonschema

    from itadesk.domain.scoresheet import OPTION, improvement_plan, sheet_of
    from itadesk.exchange.jsonfile import read_report, write_report
    from itadesk.paths import app_root

    path = tmp_path / "plan.itadesk.json"
    write_report(improvement_plan(TYPED, "เทศบาลตัวอย่าง"), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    schema = json.loads((app_root() / "resources" / "itadesk-exchange.schema.json").read_text())
    jsonschema.validate(data, schema)
    assert sheet_of(read_report(path).options) == TYPED
    data["report"]["options"][OPTION]["indicators"]["7"] = 120
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)
    data["report"]["options"][OPTION]["questions"][0]["score"] = "ดี"
    assert sheet_of(data["report"]["options"]).indicators.keys() == {1, 6, 10}
    assert next(q.code for q in sheet_of(data["report"]["options"]).questions) == "e1"
