"""Last year's ITA results, per indicator and per question, and what the program writes
from them: the analysis (the indicators below the pass mark and the questions that pulled
them down, scores in Thai digits) and the improvement plan's proposed rows (a section per
weak indicator, a row per weak question with its code) for the clerk to edit.

The ITA has ten indicators: IIT 1–5, EIT 6–8, OIT 9–10; the pass mark is 85. Question
codes are i… (IIT), e… (EIT), O… (OIT).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..thai.digits import parse_decimal_text, to_arabic_digits, to_thai_digits
from .model import Measure, MeasureKind, Report

PASS_MARK = 85.0
# Where a report made from a sheet keeps it (Report.options), so the clerk can correct
# the scores later and the analysis is written again from them.
OPTION = "score_sheet"
PLAN_LAYOUT = "improvement-plan"
PLAN_TITLE = ("แผนการพัฒนาและปรับปรุงผลการประเมินคุณธรรมและความโปร่งใส"
              "ในการดำเนินงานของหน่วยงานภาครัฐ (ITA)")


@dataclass(frozen=True)
class Indicator:
    number: int
    tool: str  # IIT, EIT, OIT
    name: str


INDICATORS: tuple[Indicator, ...] = (
    Indicator(1, "IIT", "การปฏิบัติหน้าที่"), Indicator(2, "IIT", "การใช้งบประมาณ"),
    Indicator(3, "IIT", "การใช้อำนาจ"), Indicator(4, "IIT", "การใช้ทรัพย์สินของราชการ"),
    Indicator(5, "IIT", "การแก้ไขปัญหาการทุจริต"), Indicator(6, "EIT", "คุณภาพการดำเนินงาน"),
    Indicator(7, "EIT", "ประสิทธิภาพการสื่อสาร"), Indicator(8, "EIT", "การปรับปรุงระบบการทำงาน"),
    Indicator(9, "OIT", "การเปิดเผยข้อมูล"), Indicator(10, "OIT", "การป้องกันการทุจริต"),
)
BY_NUMBER = {i.number: i for i in INDICATORS}
CODE = re.compile(r"^\s*(?:ข้อ\s*)?([ieoIEO])\s*(\d{1,3})(?!\d|\.\d)\s*[.:)]?\s*(.*)$", re.S)


class ScoreSheetError(ValueError):
    """A sheet that cannot be read; `message` is Thai for the clerk."""

    def __init__(self, message: str, where: str = "") -> None:
        super().__init__(f"{where}: {message}" if where else message)
        self.message = message
        self.where = where


@dataclass(frozen=True)
class QuestionScore:
    code: str  # e6, i10, O35
    indicator: int
    score: float
    text: str = ""  # the question, as the NACC's system shows it


@dataclass(frozen=True)
class ScoreSheet:
    fiscal_year: int  # the year assessed (last year's ITA)
    indicators: dict[int, float]  # indicator number → score
    questions: tuple[QuestionScore, ...] = ()
    total: float | None = None

    def weak_indicators(self) -> list[Indicator]:
        """Below the pass mark; when none is, the lowest (the plan still names one)."""
        weak = [BY_NUMBER[n] for n, s in sorted(self.indicators.items()) if s < PASS_MARK]
        if weak or not self.indicators:
            return weak
        lowest = min(self.indicators.values())
        return [BY_NUMBER[n] for n, s in sorted(self.indicators.items()) if s == lowest]

    def weak_questions(self, indicator: int) -> list[QuestionScore]:
        """The indicator's questions below the pass mark, lowest first; its lowest one when
        none is below."""
        own = [q for q in self.questions if q.indicator == indicator]
        weak = sorted((q for q in own if q.score < PASS_MARK), key=lambda q: q.score)
        if weak or not own:
            return weak
        lowest = min(q.score for q in own)
        return [q for q in own if q.score == lowest]


def split_code(text: str) -> tuple[str, str]:
    """("e7", what follows it) from "e7", "E 7", "ข้อ e7 มีช่องทาง…": the code as the
    NACC writes it ("o35" → "O35"); ("", "") when the text does not start with one."""
    match = CODE.match(to_arabic_digits(text))
    if not match:
        return "", ""
    letter, number, rest = match.groups()
    letter = letter.upper() if letter in "oO" else letter.lower()
    return f"{letter}{int(number)}", rest.strip()


def normal_code(text: str) -> str:
    """The code when the text is a code and nothing else ("E 6" → "e6")."""
    code, rest = split_code(text)
    return code if not rest else ""


def score(text: str, where: str = "") -> float:
    value = parse_decimal_text(text.replace("%", ""))
    if value is None or not 0 <= float(value) <= 100:
        raise ScoreSheetError(f"คะแนน «{text}» ไม่ใช่ตัวเลข ๐–๑๐๐ พิมพ์เช่น ๘๒.๕๐ หรือ 82.50 "
                              "(เลขไทยหรือเลขอารบิกก็ได้)", where)
    return float(value)


def points(value: float) -> str:
    """A score as the reports print it: two decimals, Thai digits."""
    return to_thai_digits(f"{value:.2f}")


def indicator_heading(indicator: Indicator) -> str:
    number = to_thai_digits(str(indicator.number))
    return f"เครื่องมือการประเมิน {indicator.tool} ตัวชี้วัดที่ {number} {indicator.name}"


def analysis_text(sheet: ScoreSheet) -> str:
    """The analysis part: one paragraph on the result, then a line per weak indicator
    with the questions that pulled it down."""
    fy = to_thai_digits(str(sheet.fiscal_year))
    weak = sheet.weak_indicators()
    below = [i for i in weak if sheet.indicators[i.number] < PASS_MARK]
    total = f" ได้คะแนนรวม {points(sheet.total)} คะแนน" if sheet.total is not None else ""
    if below:
        head = (f"จากผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) "
                f"ประจำปีงบประมาณ พ.ศ. {fy}{total} มีตัวชี้วัดที่ได้คะแนนต่ำกว่าเกณฑ์ "
                f"{points(PASS_MARK)} คะแนน จำนวน {to_thai_digits(str(len(below)))} ตัวชี้วัด ดังนี้")
    else:
        head = (f"จากผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) "
                f"ประจำปีงบประมาณ พ.ศ. {fy}{total} ทุกตัวชี้วัดผ่านเกณฑ์ {points(PASS_MARK)} คะแนน "
                "ตัวชี้วัดที่ได้คะแนนต่ำที่สุดซึ่งควรพัฒนาต่อ ได้แก่")
    lines = [head]
    for n, indicator in enumerate(weak, 1):
        questions = sheet.weak_questions(indicator.number)
        pulled = "; ".join(f"{q.code} {q.text}".strip() + f" ({points(q.score)} คะแนน)"
                           for q in questions)
        got = points(sheet.indicators[indicator.number])
        line = (f"{to_thai_digits(str(n))}. ตัวชี้วัดที่ {to_thai_digits(str(indicator.number))} "
                f"{indicator.name} ({indicator.tool}) ได้ {got} คะแนน")
        if pulled:
            line += f" ข้อคำถามที่ได้คะแนนต่ำ ได้แก่ {pulled}"
        lines.append(line)
    lines.append("จึงได้จัดทำมาตรการและแนวทางการพัฒนาในประเด็นดังกล่าว ตามตารางต่อไปนี้")
    return "\n".join(lines)


def proposed_rows(sheet: ScoreSheet) -> tuple[Measure, ...]:
    """A section per weak indicator, a row per weak question (code, the question as the
    issue to improve); owners, steps and timing are the clerk's to write."""
    out: list[Measure] = []
    for indicator in sheet.weak_indicators():
        out.append(Measure(kind=MeasureKind.SECTION, title=indicator_heading(indicator)))
        questions = sheet.weak_questions(indicator.number)
        if not questions:
            out.append(Measure(title=f"ยกระดับ{indicator.name} "
                                     f"(ได้ {points(sheet.indicators[indicator.number])} คะแนน)"))
        for q in questions:
            out.append(Measure(code=q.code, title=(q.text or f"ข้อ {q.code}")
                               + f" (ได้ {points(q.score)} คะแนน)"))
    return tuple(out)


def improvement_plan(sheet: ScoreSheet, municipality: str = "") -> Report:
    """Next year's improvement plan written from last year's sheet, which it keeps."""
    return Report(layout=PLAN_LAYOUT, fiscal_year=sheet.fiscal_year + 1, title=PLAN_TITLE,
                  municipality=municipality, opening=analysis_text(sheet),
                  measures=proposed_rows(sheet), options={OPTION: sheet_to_dict(sheet)})


def sheet_to_dict(sheet: ScoreSheet) -> dict[str, Any]:
    return {"fiscal_year": sheet.fiscal_year,
            "indicators": {str(n): s for n, s in sorted(sheet.indicators.items())},
            "questions": [{"code": q.code, "indicator": q.indicator, "score": q.score,
                           "text": q.text} for q in sheet.questions],
            "total": sheet.total}


def _number(value: Any) -> float | None:
    ok = isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 100
    return float(value) if ok else None


def sheet_of(options: dict[str, Any]) -> ScoreSheet | None:
    """The sheet a report keeps; None when it keeps none (entries that are not
    scores are left out: a hand-edited exchange file must not stop the dialog)."""
    data = options.get(OPTION)
    if not isinstance(data, dict) or not isinstance(data.get("fiscal_year"), int):
        return None
    raw = data.get("indicators")
    indicators = {int(n): v for n, s in (raw.items() if isinstance(raw, dict) else ())
                  if str(n).isdigit() and int(n) in BY_NUMBER and (v := _number(s)) is not None}
    questions = tuple(
        QuestionScore(code, q["indicator"], v, q.get("text") or "")
        for q in data.get("questions") or () if isinstance(q, dict)
        and (code := normal_code(str(q.get("code", "")))) and q.get("indicator") in BY_NUMBER
        and (v := _number(q.get("score"))) is not None and isinstance(q.get("text", ""), str))
    return ScoreSheet(data["fiscal_year"], indicators, questions, _number(data.get("total")))
