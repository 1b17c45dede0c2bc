"""Score sheets as clerks have them (made by openpyxl here): title rows and a cover sheet
first, a header of two rows under merged cells, a column of full marks beside the score,
Thai digits, percent cells, indicators by name; each reads as the typed sheet, and the
notes say which columns were taken."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from itadesk.domain.scoresheet import ScoreSheetError, analysis_text, proposed_rows
from itadesk.exchange.scoresheet_file import read_sheet_noted

from .test_scoresheet import TYPED


def _merged_two_row_header(path: Path) -> None:
    book = openpyxl.Workbook()
    cover = book.active
    cover.title = "คำอธิบาย"
    cover.append(["ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ (คัดจากระบบ ITAS)"])
    ws = book.create_sheet("ผลคะแนน")
    ws.append(["เทศบาลตัวอย่าง"])
    ws.append([])
    ws.append(["ตัวชี้วัด", "ข้อคำถาม", None, "คะแนนเต็ม", "คะแนน\n(ร้อยละ)", "หมายเหตุ"])
    ws.append([None, "ข้อ", "รายละเอียด", None, None, None])
    ws.merge_cells("B3:C3")  # ข้อคำถาม over the code and the text
    ws.merge_cells("A3:A4")
    ws.merge_cells("D3:D4")
    ws.merge_cells("E3:E4")
    rows = [
        ("1. การปฏิบัติหน้าที่", None, None, 100, "๙๕.๑๐"),
        (None, "i1", "บุคลากรปฏิบัติงานตามขั้นตอนและระยะเวลาที่กำหนด", 100, 96),
        ("ตัวชี้วัด ๖ คุณภาพการดำเนินงาน", None, None, 100, "88.00 %"),
        (None, "ข้อ e1", "เจ้าหน้าที่ปฏิบัติงานตามขั้นตอนที่กำหนด", 100, 89.0),
        ("ประสิทธิภาพการสื่อสาร", None, None, 100, 0.825),  # a percent cell
        (None, "e6", "การเผยแพร่ข้อมูลเข้าถึงง่าย", 100, "๙๐"),
        (None, "E 7", "มีช่องทางรับฟังความคิดเห็น", 100, 75.25),
        (None, "e8", "ชี้แจงและตอบคำถามเมื่อมีข้อกังวลสงสัย", 100, "80%"),
        (None, "e9", "(ข้อที่ระบบไม่ได้ให้คะแนน)", 100, "-"),
        ("ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต", None, None, 100, 70),
        (None, "o36", "การประเมินความเสี่ยงการทุจริต", 100, "๕๐.๐๐%"),
        (None, "O37", "การดำเนินการเพื่อจัดการความเสี่ยง", 100, 100),
        ("คะแนนรวม", None, None, None, 86.4),
    ]
    for row in rows:
        ws.append(list(row))
    ws.cell(9, 5).number_format = "0.00%"  # the 0.825 of ประสิทธิภาพการสื่อสาร
    book.save(path)


def test_a_sheet_with_merged_two_row_header_reads_as_the_typed_one(tmp_path: Path):
    path = tmp_path / "itas.xlsx"
    _merged_two_row_header(path)
    sheet, notes = read_sheet_noted(path, 2568)
    assert sheet == TYPED
    assert analysis_text(sheet) == analysis_text(TYPED)
    assert proposed_rows(sheet) == proposed_rows(TYPED)
    assert notes[0] == "อ่านจากแผ่นงาน «ผลคะแนน»"
    assert notes[1] == ("หัวตารางแถวที่ ๓–๔: ตัวชี้วัด = คอลัมน์ A «ตัวชี้วัด», "
                        "ข้อ = คอลัมน์ B «ข้อ», ข้อคำถาม = คอลัมน์ C «รายละเอียด», "
                        "คะแนน = คอลัมน์ E «คะแนน (ร้อยละ)»")
    assert notes[2] == "พบคะแนน ๔ ตัวชี้วัด ๗ ข้อคำถาม คะแนนรวม ๘๖.๔๐"


def test_one_column_for_indicators_and_questions(tmp_path: Path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["ตัวชี้วัด / ข้อคำถาม", "ผลคะแนน"])
    ws.append(["ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร", "82.50"])
    ws.append(["e7 มีช่องทางรับฟังความคิดเห็น", "75.25"])
    ws.append(["e8. ชี้แจงและตอบคำถามเมื่อมีข้อกังวลสงสัย", "80"])
    ws.append(["การป้องกันการทุจริต", "70"])
    ws.append(["O36 การประเมินความเสี่ยงการทุจริต", "50"])
    book.save(tmp_path / "one.xlsx")
    sheet, notes = read_sheet_noted(tmp_path / "one.xlsx", 2568)
    assert sheet.indicators == {7: 82.5, 10: 70.0}
    assert [(q.code, q.indicator, q.score, q.text) for q in sheet.questions] == [
        ("e7", 7, 75.25, "มีช่องทางรับฟังความคิดเห็น"),
        ("e8", 7, 80.0, "ชี้แจงและตอบคำถามเมื่อมีข้อกังวลสงสัย"),
        ("O36", 10, 50.0, "การประเมินความเสี่ยงการทุจริต")]
    assert notes[0] == ("หัวตารางแถวที่ ๑: ตัวชี้วัด = คอลัมน์ A «ตัวชี้วัด / ข้อคำถาม», "
                        "คะแนน = คอลัมน์ B «ผลคะแนน»")
    assert "ไม่พบช่อง «ข้อ» และ «ข้อคำถาม»" in notes[2]


def test_a_thai_windows_csv_with_semicolons(tmp_path: Path):
    text = ("ตัวชี้วัด;ข้อ;คะแนน\r\nตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล;;๗๐\r\n"
            ";O1;๖๕.๕\r\n")
    (tmp_path / "s.csv").write_bytes(text.encode("cp874"))
    sheet, _notes = read_sheet_noted(tmp_path / "s.csv", 2568)
    assert sheet.indicators == {9: 70.0}
    assert [(q.code, q.score) for q in sheet.questions] == [("O1", 65.5)]


def test_a_bad_score_names_its_row_in_plain_thai(tmp_path: Path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["หัวเรื่อง"])
    ws.append(["ตัวชี้วัด", "คะแนน"])
    ws.append(["ตัวชี้วัดที่ 7", "๘๒,๕"])
    book.save(tmp_path / "bad.xlsx")
    with pytest.raises(ScoreSheetError) as caught:
        read_sheet_noted(tmp_path / "bad.xlsx", 2568)
    assert caught.value.where == "แถวที่ ๓"
    assert "«๘๒,๕» ไม่ใช่ตัวเลข ๐–๑๐๐" in caught.value.message
