"""Checks a clerk would want before publishing: what word processors never look at.

Each finding says in Thai what is wrong and where (measure row, field); where a fix is
safe it carries the corrected text, which the window applies as one undoable edit.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..thai.dates import MONTHS, SHORT_MONTHS
from ..thai.digits import to_arabic_digits, to_thai_digits
from ..thai.segment import is_word, words
from .changes import Changes
from .layout_files import layout_by_id
from .layouts import Layout
from .memo import Memo
from .model import MEASURE_FIELD_NAMES, Measure, MeasureKind, Report

# where a finding is, named for the clerk: the measure's text fields, and its scores
FIELD_NAMES = {**MEASURE_FIELD_NAMES, "scores": "คะแนน ITA"}

if TYPE_CHECKING:
    from .oit import OitYear


@dataclass(frozen=True)
class Finding:
    # required, year, timing, repeat, split-word, numbering, url, score, memo, period, oit
    kind: str
    message: str  # Thai, for the clerk
    row: int | None = None  # the measure's row in the table
    # its field: a measure's (row given), or the report's own ("period", "memo.date")
    field: str = ""
    fix: str | None = None  # the field's corrected text, when a fix is safe

    @property
    def where(self) -> str:
        return self.where_in(None)

    def where_in(self, layout: Layout | None) -> str:
        """Where it is, the column named by the header the clerk sees in this layout."""
        if self.row is None:
            return "รายงาน"
        header = next((c.header for c in layout.columns if c.field == self.field),
                      None) if layout is not None else None
        column = f" ช่อง «{header}»" if header else (
            f" ช่อง{FIELD_NAMES.get(self.field, self.field)}" if self.field else "")
        return f"แถวที่ {to_thai_digits(str(self.row + 1))}{column}"


YEAR = re.compile(r"(?<![\d๐-๙])((?:25|๒๕)[\d๐-๙]{2})(?![\d๐-๙])")
# A year named as the year of an assessment or a budget ("ปี ๒๕๖๗", "ปีงบประมาณ พ.ศ. ๒๕๖๘"),
# not the year of a law ("พ.ร.บ. … พ.ศ. ๒๕๔๐").
ASSESSMENT_YEAR = re.compile(
    r"ปี(?:งบประมาณ)?\s*(?:พ\.ศ\.)?\s*((?:25|๒๕)[\d๐-๙]{2})(?![\d๐-๙])")
ITA_YEAR = re.compile(r"ITA\s*ปี\s*((?:25|๒๕)[\d๐-๙]{2})")
NUMBER_PREFIX = re.compile(r"^\s*\(?([\d๐-๙]{1,3})[.)]")
URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
GOOD_URL = re.compile(r"^(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:[/?#]\S*)?$",
                      re.I)
THAI = "\u0e01-\u0e4e"
FIELDS = ("title", "activity", "steps", "owner", "timing", "result", "outcome")


# The report fields the checks read: a change to any other (options, signers, title)
# leaves the findings as they are.
# (The OIT item and the publication record live in the options too, but an export switch
# must not re-check the report: whoever edits those two asks for a check itself.)
CHECKED_REPORT_FIELDS = frozenset(("layout", "fiscal_year", "period", "memo"))


def check_report(report: Report, layout: Layout | None = None,
                 oit: OitYear | None = None) -> list[Finding]:
    """Findings in reading order; `layout` says which fields are required (default: the
    shipped layout the report names), `oit` what the report's item asks for (default: the
    shipped catalogue of the report's year)."""
    return ReportChecker().check(report, layout, oit)


def needs_checking(changes: Changes) -> bool:
    return bool(changes.measures or changes.rows
                or changes.report_fields & CHECKED_REPORT_FIELDS)


class ReportChecker:
    """The findings of one report, kept from one check to the next: a measure is checked
    again only when it is not the value checked last time (values are immutable, so an
    edited measure is a new one). Checking a 1,000-measure report whole takes about a
    third of a second; after one edit, one measure is checked (see bench/bench_desk.py)."""

    def __init__(self) -> None:
        self._context: tuple[Layout, int] | None = None
        self._by_id: dict[int, tuple[Measure, list[Finding]]] = {}
        self.checked = 0  # measures checked by the last call (the others were kept)

    def check(self, report: Report, layout: Layout | None = None,
              oit: OitYear | None = None) -> list[Finding]:
        from .oit import shipped_year
        from .oit_checks import item_findings

        layout = layout or layout_by_id(report.layout)
        context = (layout, report.fiscal_year)
        if context != self._context:
            self._context, self._by_id = context, {}
        rows = [(i, m) for i, m in enumerate(report.measures) if m.kind is MeasureKind.MEASURE]
        findings: list[Finding] = _report_findings(report)
        kept: dict[int, tuple[Measure, list[Finding]]] = {}
        self.checked = 0
        for row, m in rows:
            cached = self._by_id.get(m.id) if m.id is not None else None
            if cached is not None and (cached[0] is m or cached[0] == m):
                own = [f if f.row == row else replace(f, row=row) for f in cached[1]]
            else:
                own = _measure_findings(report, layout, row, m)
                self.checked += 1
            if m.id is not None:
                kept[m.id] = (m, own)
            findings.extend(own)
        self._by_id = kept
        findings.extend(_adjacent_repeats(rows))
        findings.extend(_numbering(rows))
        findings.extend(_same_titles(rows))
        findings.extend(item_findings(report, oit or shipped_year(report.fiscal_year)))
        return findings


def _measure_findings(report: Report, layout: Layout, row: int, m: Measure) -> list[Finding]:
    """What is wrong with one measure by itself (the checks across rows come after)."""
    findings = [Finding("required", f"ยังไม่ได้กรอก{column.header}", row, column.field)
                for column in layout.columns
                if column.required and not m.get(column.field).strip()]
    findings.extend(_years(report, row, m))
    findings.extend(_timing(report, row, m))
    findings.extend(_repeats(row, m))
    findings.extend(_split_words(row, m))
    findings.extend(_urls(row, m))
    findings.extend(_scores(report, row, m))
    return findings


def _scores(report: Report, row: int, m: Measure) -> list[Finding]:
    """A score line printed half: one of its two numbers missing, or not a number."""
    from ..thai.digits import parse_decimal_text

    out = []
    for number, score in enumerate(m.scores, start=1):
        label = "คะแนน ITA" + (f" ข้อที่ {to_thai_digits(str(number))}"
                               if len(m.scores) > 1 else "")
        for text, year in ((score.previous, report.fiscal_year - 1),
                           (score.current, report.fiscal_year)):
            year_text = to_thai_digits(str(year))
            if not text.strip():
                out.append(Finding("score", f"{label} ยังไม่มีคะแนนปี {year_text} "
                                            "(บรรทัดคะแนนจะพิมพ์ไม่ครบ)", row, "scores"))
            elif parse_decimal_text(text) is None:
                out.append(Finding("score", f"{label} ปี {year_text} «{text}» ไม่ใช่ตัวเลข "
                                            "จึงไม่ถูกพิมพ์", row, "scores"))
    return out


def _report_findings(report: Report) -> list[Finding]:
    """The report's own fields: a memo to be printed without its date, a reporting
    period whose years are not the fiscal year's."""
    out = []
    # whether the memo is printed is an export option, which the checks leave alone
    if report.memo is not None and report.memo != Memo() and not report.memo.date.strip():
        out.append(Finding("memo", "บันทึกข้อความยังไม่ได้ใส่วันที่", field="memo.date"))
    years = {_year(y) for y in YEAR.findall(report.period)}
    wrong = sorted(years - {report.fiscal_year - 1, report.fiscal_year})
    if wrong:
        out.append(Finding(
            "period", f"รอบการรายงานระบุปี {to_thai_digits(str(wrong[0]))} ซึ่งอยู่นอก"
                      f"ปีงบประมาณ {to_thai_digits(str(report.fiscal_year))} "
                      f"(ตุลาคม {to_thai_digits(str(report.fiscal_year - 1))} - กันยายน "
                      f"{to_thai_digits(str(report.fiscal_year))})", field="period"))
    return out


def _same_titles(rows: list[tuple[int, Measure]]) -> list[Finding]:
    """Two measures with one title (after merging divisions' parts): keep one of them."""
    from .merge import title_key

    first: dict[str, int] = {}
    out = []
    for row, m in rows:
        key = title_key(m.title)
        if not key:
            continue
        if key in first:
            out.append(Finding("same-title",
                               f"มาตรการนี้ซ้ำกับแถวที่ {to_thai_digits(str(first[key] + 1))} "
                               "กรุณาเลือกเก็บไว้แถวเดียว", row, "title"))
        else:
            first[key] = row
    return out


def _year(text: str) -> int:
    return int(to_arabic_digits(text))


def _years(report: Report, row: int, m: Measure) -> list[Finding]:
    out = []
    allowed = {report.fiscal_year, report.fiscal_year - 1}
    for field in ("result", "outcome"):
        text = m.get(field)
        strange = sorted({_year(y) for y in ASSESSMENT_YEAR.findall(text)} - allowed)
        if strange:
            shown = ", ".join(to_thai_digits(str(y)) for y in strange)
            out.append(Finding(
                "year", f"มีปี {shown} ซึ่งไม่ใช่ปีงบประมาณ {to_thai_digits(str(report.fiscal_year))} "
                        "หรือปีก่อนหน้า กรุณาตรวจว่าพิมพ์ปีถูกหรือไม่", row, field))
        ita = [_year(y) for y in ITA_YEAR.findall(text)]
        if len(ita) >= 2 and len(set(ita)) < len(ita):
            previous, current = report.fiscal_year - 1, report.fiscal_year
            fix = None
            years = ITA_YEAR.findall(text)
            if len(years) == 2 and {_year(years[0])} <= {previous, current}:
                # "ITA ปี 2567 … ITA ปี 2567": the second must be this year
                fixed = _replace_nth(text, ITA_YEAR, 1, _digits_like(years[1], current))
                fix = fixed if _year(years[0]) == previous else None
            out.append(Finding(
                "year", f"เปรียบเทียบคะแนน ITA แต่เขียนปีเดียวกันสองครั้ง (ควรเป็นปี "
                        f"{to_thai_digits(str(previous))} กับปี {to_thai_digits(str(current))})",
                row, field, fix))
    return out


def _digits_like(sample: str, year: int) -> str:
    return to_thai_digits(str(year)) if re.search("[๐-๙]", sample) else str(year)


def _replace_nth(text: str, pattern: re.Pattern[str], n: int, value: str) -> str:
    match = list(pattern.finditer(text))[n]
    return text[: match.start(1)] + value + text[match.end(1):]


_MONTH = {name: i + 1 for i, name in enumerate(MONTHS)}
_MONTH.update({name: i + 1 for i, name in enumerate(SHORT_MONTHS)})
_MONTH_YEAR = re.compile(
    r"(" + "|".join(sorted(map(re.escape, _MONTH), key=len, reverse=True)) + r")\s*"
    r"(?:พ\.ศ\.\s*)?((?:25|๒๕)?[\d๐-๙]{2})(?![\d๐-๙])")


def _timing(report: Report, row: int, m: Measure) -> list[Finding]:
    """Month-and-year mentions in the timing that fall outside the fiscal year."""
    start = (report.fiscal_year - 1, 10)
    end = (report.fiscal_year, 9)
    outside = []
    for month_name, year_text in _MONTH_YEAR.findall(m.timing):
        year = _year(year_text)
        if year < 100:
            year += 2500
        when = (year, _MONTH[month_name])
        if not start <= when <= end:
            outside.append(f"{month_name} {to_thai_digits(str(year))}")
    if not outside:
        for year_text in YEAR.findall(m.timing):
            if _year(year_text) not in (report.fiscal_year, report.fiscal_year - 1):
                outside.append(to_thai_digits(year_text))
    if outside:
        return [Finding("timing", "ระยะเวลาดำเนินการอยู่นอกปีงบประมาณ "
                        f"{to_thai_digits(str(report.fiscal_year))} (ตุลาคม–กันยายน): "
                        + ", ".join(outside), row, "timing")]
    return []


def _paragraphs(text: str, shortest: int = 20) -> list[str]:
    return [p.strip() for p in text.split("\n") if len(p.strip()) >= shortest]


def _repeats(row: int, m: Measure) -> list[Finding]:
    out = []
    for field in FIELDS:
        seen: set[str] = set()
        lines = m.get(field).split("\n")
        for p in _paragraphs(m.get(field)):
            if p in seen:
                kept: list[str] = []
                for line in lines:
                    if line.strip() == p and line.strip() in kept:
                        continue
                    kept.append(line.strip() if line.strip() == p else line)
                fixed = "\n".join(line for line in kept)
                out.append(Finding("repeat", "มีย่อหน้าเดียวกันซ้ำสองครั้งในช่องเดียวกัน", row,
                                   field, fixed))
                break
            seen.add(p)
        # a long stretch of text twice in the cell (copied again at a page break)
        text = m.get(field)
        if not any(f.field == field for f in out) and _repeated_stretch(text):
            out.append(Finding("repeat", "มีข้อความยาวซ้ำกันในช่องเดียวกัน "
                               "(อาจคัดลอกซ้ำตอนขึ้นหน้าใหม่)", row, field))
    return out


def _repeated_stretch(text: str, length: int = 60) -> bool:
    flat = " ".join(text.split())
    return any(flat.count(flat[i : i + length]) >= 2
               for i in range(0, max(len(flat) - length, 0), 15))


def _adjacent_repeats(rows: list[tuple[int, Measure]]) -> list[Finding]:
    out = []
    for (_r1, a), (r2, b) in itertools.pairwise(rows):
        for field in FIELDS:
            # Short lines ("- ประชาสัมพันธ์บนเว็บไซต์") recur on purpose; long ones should not.
            shared = set(_paragraphs(a.get(field), 60)) & set(_paragraphs(b.get(field), 60))
            if shared and field not in ("owner", "timing"):
                out.append(Finding("repeat", "มีย่อหน้าเดียวกันในแถวที่ติดกัน", r2, field))
    return out


_CHUNK_EDGE = re.compile(rf"[{THAI}]")


def _split_words(row: int, m: Measure) -> list[Finding]:
    """A space inside a word: the last words before it and the first words after it (as
    the segmenter cuts them), joined, make one word of the dictionary (text copied from a
    PDF keeps the printed cell's line ends as spaces: "ผู้มีส่วนได้ ส่วนเสีย")."""
    out = []
    for field in FIELDS:
        text = m.get(field)
        cut: list[int] = []
        for match in re.finditer(" ", text):
            i = match.start()
            if i == 0 or i + 1 >= len(text):
                continue
            if not (_CHUNK_EDGE.match(text[i - 1]) and _CHUNK_EDGE.match(text[i + 1])):
                continue
            left = words(text[max(0, i - 30) : i])
            right = words(text[i + 1 : i + 31])
            if _joins_into_a_word(left, right):
                cut.append(i)
        if cut:
            fixed = "".join(ch for k, ch in enumerate(text) if k not in set(cut))
            out.append(Finding("split-word", "มีช่องว่างกลางคำ (มักเกิดจากการคัดลอกจาก PDF) "
                               "แก้ได้ด้วยการลบช่องว่างนั้น", row, field, fixed))
    return out


def _joins_into_a_word(left: list[str], right: list[str], most: int = 4) -> bool:
    """Some of the last words of `left` and the first words of `right` make one word."""
    for j in range(1, min(most, len(left)) + 1):
        head = "".join(left[-j:])
        for k in range(1, min(most, len(right)) + 1):
            joined = head + "".join(right[:k])
            if len(joined) >= 4 and is_word(joined):
                return True
    return False


def _numbering(rows: list[tuple[int, Measure]]) -> list[Finding]:
    numbers = []
    for row, m in rows:
        match = NUMBER_PREFIX.match(m.title)
        if match:
            numbers.append((row, int(to_arabic_digits(match.group(1)))))
    if len(numbers) < 2:
        return []
    out = []
    for (_r1, a), (r2, b) in itertools.pairwise(numbers):
        if b == a:
            out.append(Finding("numbering", f"เลขลำดับมาตรการซ้ำ ({to_thai_digits(str(b))})",
                               r2, "title"))
        elif b != a + 1:
            out.append(Finding("numbering",
                               f"เลขลำดับมาตรการข้ามจาก {to_thai_digits(str(a))} "
                               f"ไป {to_thai_digits(str(b))}", r2, "title"))
    return out


def _urls(row: int, m: Measure) -> list[Finding]:
    out = []
    for field in FIELDS:
        for url in URL.findall(m.get(field)):
            clean = url.rstrip(".,;)")
            if not GOOD_URL.match(clean) or re.search(f"[{THAI}]", clean):
                out.append(Finding("url", f"ที่อยู่เว็บไซต์ «{clean}» ดูไม่ถูกต้อง", row, field))
    return out
