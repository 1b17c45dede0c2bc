"""Last year's ITA results from a sheet (.csv or .xlsx), laid out as the NACC's system
lists them: a header row naming the columns (ตัวชี้วัด, ข้อ/รหัส, ข้อคำถาม, คะแนน, in any
order, other columns ignored), then a row per indicator (its number or "ตัวชี้วัดที่ ๗
ประสิทธิภาพการสื่อสาร" and its score) followed by the rows of its questions (code, the
question, the score); a row "คะแนนรวม" gives the total. A question row may name its
indicator itself.

Clerks copy the sheet by hand or from the system's screen, so what varies is read too:
title rows above the header; a header of two rows (a merged cell over two columns, the
names below it); merged cells in .xlsx (their value fills the range); Thai or Arabic
digits; "85.5", "85.50%" or a cell formatted as a percentage (0.855); an indicator by its
name alone ("การเปิดเผยข้อมูล"), "ตัวชี้วัด ๙" or "9. การเปิดเผยข้อมูล"; one column holding
both the indicators and the questions ("e7 มีช่องทาง…"); a "คะแนนเต็ม" column beside the
score; "-" for a score not given. The notes say which sheet, rows and columns were taken.
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
    points,
    score,
    split_code,
)
from ..thai.digits import to_arabic_digits, to_thai_digits

HEADERS = {
    "indicator": ("ตัวชี้วัด", "indicator"),
    "code": ("รหัส", "ข้อ", "code"),
    "text": ("ข้อคำถาม", "ประเด็น", "รายละเอียด", "คำถาม", "question"),
    "score": ("คะแนน", "ผลคะแนน", "ร้อยละ", "score"),
}
NAMES = {"indicator": "ตัวชี้วัด", "code": "ข้อ", "text": "ข้อคำถาม", "score": "คะแนน"}
# Headers that start like a score's but are not the agency's score.
NOT_SCORE = ("คะแนนเต็ม", "เต็ม", "เกณฑ์", "ค่าเป้าหมาย", "ระดับ")
NO_SCORE = {"-", "–", "—", "n/a", "na"}
MAX_ROWS = 2000
_NUMBER = re.compile(r"ตัวชี้วัด(?:ที่)?\s*(\d{1,2})(?!\d)|^\s*(\d{1,2})\s*(?:[.)]|\s|$)")

Rows = list[list[str]]


def read_sheet(path: Path, fiscal_year: int) -> ScoreSheet:
    return read_sheet_noted(path, fiscal_year)[0]


def read_sheet_noted(path: Path, fiscal_year: int) -> tuple[ScoreSheet, list[str]]:
    """The sheet and Thai lines saying where it was read from (sheet, rows, columns)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        tables = _xlsx_tables(path)
    elif suffix == ".csv":
        tables = [("", _csv_rows(path))]
    else:
        raise ScoreSheetError("อ่านได้เฉพาะไฟล์ .xlsx หรือ .csv", path.name)
    # The first worksheet with a header row: a workbook may open on a cover sheet.
    first_error: ScoreSheetError | None = None
    for title, rows in tables:
        try:
            sheet, notes = sheet_from_rows_noted(rows, fiscal_year)
        except ScoreSheetError as exc:
            first_error = first_error or exc
            continue
        if title and len(tables) > 1:
            notes.insert(0, f"อ่านจากแผ่นงาน «{title}»")
        return sheet, notes
    assert first_error is not None
    raise first_error


def _csv_rows(path: Path) -> Rows:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:  # Excel on a Thai Windows saves CSV as TIS-620
        text = data.decode("cp874", "replace")
    dialect = csv.excel
    if text.count(";") > text.count(",") or text.count("\t") > text.count(","):
        dialect = csv.excel_tab if text.count("\t") > text.count(";") else _Semicolon
    return list(csv.reader(io.StringIO(text), dialect))[:MAX_ROWS]


class _Semicolon(csv.excel):
    delimiter = ";"


def _xlsx_tables(path: Path) -> list[tuple[str, Rows]]:
    import openpyxl

    try:
        # Not read-only: a read-only sheet does not know its merged cells.
        book = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # zipfile, XML and openpyxl's own errors alike
        raise ScoreSheetError("เปิดไฟล์ .xlsx ไม่ได้ ไฟล์อาจเสียหายหรือไม่ใช่ไฟล์ Excel",
                              path.name) from exc
    try:
        return [(sheet.title, _worksheet_rows(sheet)) for sheet in book.worksheets]
    finally:
        book.close()


def _worksheet_rows(sheet) -> Rows:  # an openpyxl Worksheet
    last = min(sheet.max_row, MAX_ROWS)
    rows = [[_cell_text(c) for c in row] for row in sheet.iter_rows(max_row=last)]
    for merged in sheet.merged_cells.ranges:
        value = rows[merged.min_row - 1][merged.min_col - 1] if merged.min_row <= last else ""
        for r in range(merged.min_row, min(merged.max_row, last) + 1):
            for c in range(merged.min_col, merged.max_col + 1):
                rows[r - 1][c - 1] = value
    return rows


def _cell_text(cell) -> str:  # an openpyxl Cell
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        if "%" in (cell.number_format or ""):  # 0.855 shown as 85.50%
            value = value * 100
        return f"{round(float(value), 4):g}" if isinstance(value, float) else str(value)
    return str(value)


def _header_key(cell: str) -> str | None:
    text = " ".join(cell.split()).lower()
    if not text or text.startswith(NOT_SCORE):
        return None
    # the longest name that starts the cell: "ข้อคำถาม" is the question, "ข้อ" the code
    matches = [(len(n), key) for key, names in HEADERS.items() for n in names
               if text.startswith(n.lower())]
    return max(matches)[1] if matches else None


def _columns(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for i, cell in enumerate(header):
        key = _header_key(cell)
        if key is not None and key not in found:
            found[key] = i
    return found


def _is_header(row: list[str]) -> bool:
    columns = _columns(row)
    return "score" in columns and len(columns) >= 2


def _header(rows: Rows) -> tuple[int, int, list[str]]:
    """(first header row, rows it takes, its cells): a second header row under the
    first (the names under a merged cell) stands for the cell above it."""
    at = next((n for n, row in enumerate(rows) if _is_header(row)), None)
    if at is None:
        raise ScoreSheetError("ไม่พบแถวหัวตารางที่มีช่อง «คะแนน» และ «ตัวชี้วัด» หรือ «ข้อ» "
                              "ตรวจว่าตารางมีแถวหัวตารางที่เขียนชื่อช่องเหล่านี้")
    header = list(rows[at])
    below = rows[at + 1] if at + 1 < len(rows) else []
    named = [c for c in below if _header_key(c)]
    data = any(_is_score(c) or _indicator(c) is not None or split_code(c)[0] for c in below)
    if named and not data:
        width = max(len(header), len(below))
        header += [""] * (width - len(header))
        for i, cell in enumerate(below):
            if cell.strip() and _header_key(cell):
                header[i] = cell
        return at, 2, header
    return at, 1, header


def _is_score(text: str) -> bool:
    try:
        score(text)
    except ScoreSheetError:
        return False
    return True


def _indicator(text: str) -> int | None:
    text = to_arabic_digits(text)
    match = _NUMBER.search(text)
    if match:
        number = int(match.group(1) or match.group(2))
        return number if number in BY_NUMBER else None
    return next((i.number for i in INDICATORS if i.name in text), None)


def _letter(i: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(i + 1)


def sheet_from_rows(rows: Rows, fiscal_year: int) -> ScoreSheet:
    return sheet_from_rows_noted(rows, fiscal_year)[0]


def sheet_from_rows_noted(rows: Rows, fiscal_year: int) -> tuple[ScoreSheet, list[str]]:
    """The sheet of these rows (cells as text), and where it was read from;
    ScoreSheetError names the row."""
    at, height, header = _header(rows)
    columns = _columns(header)

    def cell(row: list[str], key: str) -> str:
        i = columns.get(key)
        return row[i].strip() if i is not None and i < len(row) else ""

    indicators: dict[int, float] = {}
    questions: list[QuestionScore] = []
    total = None
    current: int | None = None
    for n, row in enumerate(rows[at + height:], at + height + 1):
        where = f"แถวที่ {to_thai_digits(str(n))}"
        value = cell(row, "score")
        others = [c.strip() for i, c in enumerate(row) if i != columns["score"] and c.strip()]
        label = " ".join(others)
        if not value or value.lower() in NO_SCORE:
            continue
        if "คะแนนรวม" in label or label.startswith("รวม"):
            total = score(value, where)
            continue
        code, rest = split_code(cell(row, "code"))
        text = cell(row, "text")
        if not code and "code" not in columns:  # one column for indicators and questions
            for key in ("indicator", "text"):
                code, rest = split_code(cell(row, key))
                if code:
                    break
        named = _indicator(cell(row, "indicator"))
        if code:
            indicator = named or current
            if indicator is None:
                raise ScoreSheetError(f"ไม่ทราบว่าข้อ {code} อยู่ในตัวชี้วัดใด ใส่แถวของตัวชี้วัด"
                                      "ไว้เหนือข้อคำถามของมัน", where)
            if not text or split_code(text)[0] == code:
                text = rest
            questions.append(QuestionScore(code, indicator, score(value, where), text))
            continue
        if named is None and not cell(row, "indicator"):
            named = _indicator(label)  # the indicator written in another column
        if named is not None:
            indicators[named] = score(value, where)
            current = named
    if not indicators:
        raise ScoreSheetError("ไม่พบคะแนนรายตัวชี้วัดในไฟล์ ตรวจว่ามีแถว «ตัวชี้วัดที่ …» "
                              "พร้อมคะแนน")
    sheet = ScoreSheet(fiscal_year, indicators, tuple(questions), total)
    return sheet, _notes(sheet, at, height, header, columns)


def _notes(sheet: ScoreSheet, at: int, height: int, header: list[str],
           columns: dict[str, int]) -> list[str]:
    rows = to_thai_digits(str(at + 1)) + (f"–{to_thai_digits(str(at + height))}"
                                          if height > 1 else "")
    taken = ", ".join(f"{NAMES[key]} = คอลัมน์ {_letter(i)} «{' '.join(header[i].split())}»"
                      for key, i in sorted(columns.items(), key=lambda kv: kv[1]))
    found = (f"พบคะแนน {to_thai_digits(str(len(sheet.indicators)))} ตัวชี้วัด "
             f"{to_thai_digits(str(len(sheet.questions)))} ข้อคำถาม")
    if sheet.total is not None:
        found += f" คะแนนรวม {points(sheet.total)}"
    notes = [f"หัวตารางแถวที่ {rows}: {taken}", found]
    missing = [NAMES[k] for k in ("code", "text") if k not in columns]
    if missing:
        notes.append("ไม่พบช่อง " + " และ ".join(f"«{m}»" for m in missing)
                     + " (อ่านรหัสข้อจากช่องอื่นถ้ามี)")
    return notes
