"""Last year's ITA results from a sheet (.csv or .xlsx), laid out as the NACC's system
lists them: a header row naming the columns (ตัวชี้วัด, ข้อ/รหัส, ข้อคำถาม, คะแนน, in any
order, other columns ignored), then a row per indicator (its number or "ตัวชี้วัดที่ ๗
ประสิทธิภาพการสื่อสาร" and its score) followed by the rows of its questions (code, the
question, the score); a row "คะแนนรวม" gives the total. A question row may name its
indicator itself. Thai or Arabic digits, "85.5" or "85.50%".
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from ..domain.scoresheet import (
    BY_NUMBER,
    INDICATORS,
    QuestionScore,
    ScoreSheet,
    ScoreSheetError,
    normal_code,
    score,
)
from ..thai.digits import to_arabic_digits, to_thai_digits

HEADERS = {
    "indicator": ("ตัวชี้วัด",),
    "code": ("รหัส", "ข้อ", "code"),
    "text": ("ข้อคำถาม", "ประเด็น", "รายละเอียด", "คำถาม"),
    "score": ("คะแนน", "score"),
}
MAX_ROWS = 2000
_NUMBER = re.compile(r"ตัวชี้วัดที่\s*(\d{1,2})|^\s*(\d{1,2})\s*$")


def read_sheet(path: Path, fiscal_year: int) -> ScoreSheet:
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        rows = _xlsx_rows(path)
    elif path.suffix.lower() == ".csv":
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    else:
        raise ScoreSheetError("อ่านได้เฉพาะไฟล์ .xlsx หรือ .csv", path.name)
    return sheet_from_rows(rows, fiscal_year)


def _xlsx_rows(path: Path) -> list[list[str]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zipfile, XML and openpyxl's own errors alike
        raise ScoreSheetError("เปิดไฟล์ .xlsx ไม่ได้ ไฟล์อาจเสียหายหรือไม่ใช่ไฟล์ Excel",
                              path.name) from exc
    try:
        sheet = book.worksheets[0]
        return [["" if v is None else (f"{v:.2f}" if isinstance(v, float) else str(v))
                 for v in row] for row in sheet.iter_rows(values_only=True, max_row=MAX_ROWS)]
    finally:
        book.close()


def _columns(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for i, cell in enumerate(header):
        text = cell.strip().lower()
        # the longest name that starts the cell: "ข้อคำถาม" is the question, "ข้อ" the code
        matches = [(len(n), key) for key, names in HEADERS.items() for n in names
                   if key not in found and text.startswith(n.lower())]
        if matches:
            found[max(matches)[1]] = i
    return found


def _indicator(text: str) -> int | None:
    text = to_arabic_digits(text)
    match = _NUMBER.search(text)
    if match:
        number = int(match.group(1) or match.group(2))
        return number if number in BY_NUMBER else None
    return next((i.number for i in INDICATORS if i.name in text), None)


def sheet_from_rows(rows: list[list[str]], fiscal_year: int) -> ScoreSheet:
    """The sheet of these rows (cells as text); ScoreSheetError names the row."""
    header_at = next((n for n, row in enumerate(rows)
                      if {"score"} <= set(_columns(row)) and len(_columns(row)) >= 2), None)
    if header_at is None:
        raise ScoreSheetError("ไม่พบแถวหัวตารางที่มีช่อง «คะแนน» และ «ตัวชี้วัด» หรือ «ข้อ»")
    columns = _columns(rows[header_at])

    def cell(row: list[str], key: str) -> str:
        i = columns.get(key)
        return row[i].strip() if i is not None and i < len(row) else ""

    indicators: dict[int, float] = {}
    questions: list[QuestionScore] = []
    total = None
    current: int | None = None
    for n, row in enumerate(rows[header_at + 1:], header_at + 2):
        where = f"แถวที่ {to_thai_digits(str(n))}"
        value = cell(row, "score")
        label = " ".join(c.strip() for c in row if c.strip())
        if not value:
            continue
        if "คะแนนรวม" in label or label.startswith("รวม"):
            total = score(value, where)
            continue
        code = normal_code(cell(row, "code"))
        named = _indicator(cell(row, "indicator"))
        if code:
            indicator = named or current
            if indicator is None:
                raise ScoreSheetError(f"ไม่ทราบว่าข้อ {code} อยู่ในตัวชี้วัดใด", where)
            questions.append(QuestionScore(code, indicator, score(value, where),
                                           cell(row, "text")))
        elif named is not None:
            indicators[named] = score(value, where)
            current = named
    if not indicators:
        raise ScoreSheetError("ไม่พบคะแนนรายตัวชี้วัดในไฟล์")
    return ScoreSheet(fiscal_year, indicators, tuple(questions), total)
