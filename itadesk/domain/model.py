"""Report, Measure, Signer, Score: plain values that the store saves and the UI edits."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .memo import Memo


class MeasureKind(StrEnum):
    MEASURE = "measure"
    # A heading row spanning all columns (improvement-plan: "เครื่องมือการประเมิน EIT …").
    SECTION = "section"


@dataclass(frozen=True)
class Score:
    """One ITA question's score, last fiscal year and this one (text: "98.72")."""

    topic: str = ""
    previous: str = ""
    current: str = ""


@dataclass(frozen=True)
class RoundText:
    """A measure's result as reported for one round ("6": รอบ ๖ เดือน, "12": รอบ ๑๒ เดือน),
    kept when the round is reported so the next round's text does not overwrite it."""

    round: str
    result: str = ""
    outcome: str = ""


@dataclass(frozen=True)
class Measure:
    id: int | None = None
    kind: MeasureKind = MeasureKind.MEASURE
    code: str = ""  # an ITA question code (e6, i10, O35) where the layout shows one
    title: str = ""
    activity: str = ""  # โครงการ/กิจกรรม under a measure (narrative layout)
    steps: str = ""
    owner: str = ""
    timing: str = ""
    result: str = ""
    outcome: str = ""
    budget: str = ""
    problems: str = ""
    suggestions: str = ""
    monitoring: str = ""  # การกำกับติดตาม: how the plan's measure is followed up
    scores: tuple[Score, ...] = ()
    rounds: tuple[RoundText, ...] = ()  # the texts kept per round (domain/rounds.py)

    def get(self, name: str) -> str:
        if name not in MEASURE_TEXT_FIELDS:
            raise KeyError(name)
        return getattr(self, name)

    def with_field(self, name: str, value: str) -> Measure:
        if name not in MEASURE_TEXT_FIELDS:
            raise KeyError(name)
        return dataclasses.replace(self, **{name: value})


# A measure's text fields and their Thai names (the checks' messages, the layout editor):
# a new field is a line here, its attribute above and a column in a schema step.
MEASURE_FIELD_NAMES: dict[str, str] = {
    "code": "รหัสข้อคำถาม", "title": "มาตรการ", "activity": "โครงการ/กิจกรรม",
    "steps": "ขั้นตอน/วิธีการ", "owner": "ผู้รับผิดชอบ", "timing": "ระยะเวลาดำเนินการ",
    "result": "ผลการดำเนินการ", "outcome": "ผลลัพธ์", "budget": "งบประมาณ",
    "problems": "ปัญหา/อุปสรรค", "suggestions": "ข้อเสนอแนะ", "monitoring": "การกำกับติดตาม",
}
MEASURE_TEXT_FIELDS: tuple[str, ...] = tuple(MEASURE_FIELD_NAMES)


@dataclass(frozen=True)
class Signer:
    name: str = ""
    # One position per line, as printed under the name ("ปลัดเทศบาล", "รักษาราชการแทน …").
    positions: tuple[str, ...] = ()
    role: str = ""  # e.g. ผู้รายงาน, ผู้ตรวจสอบ, ผู้อนุมัติ


class OriginKind(StrEnum):
    UNKNOWN = ""  # made before the library kept origins
    CREATED = "created"  # made in the program (a new, empty report)
    IMPORTED = "imported"  # read from a file (source: its name)
    NEXT_YEAR = "next-year"  # made as next year's of another report (source: which)
    SCORES = "scores"  # an improvement plan made from a score sheet (source: its file)
    DEMO = "demo"  # one of the sample reports a new library starts with (demo.py)
    # a sample the clerk has edited: their work now, not a sample to delete when done with
    # (a clerk worked a month in one still marked «ลบได้เมื่อไม่ใช้»)
    FROM_DEMO = "demo-edited"


# What marks a sample report where it is listed and opened: a new clerk took them for
# real reports of real towns. Only the library knows it; the files made of one do not.
SAMPLE = "«ตัวอย่าง»"


@dataclass(frozen=True)
class Origin:
    """Where a report came from, and which copy it is of its municipality and fiscal year
    (a second one kept beside the first is named "(ฉบับที่ ๒)")."""

    kind: OriginKind = OriginKind.UNKNOWN
    source: str = ""
    copy: int = 1

    def copy_label(self) -> str:
        """"(ฉบับที่ ๒)" for a second copy; nothing for the first."""
        from ..thai.digits import to_thai_digits

        return f"(ฉบับที่ {to_thai_digits(str(self.copy))})" if self.copy > 1 else ""

    def with_copy(self, name: str) -> str:
        """"เทศบาลตำบลหนองบัว (ฉบับที่ ๒)": a report's name as the window shows it, two
        copies of one town and year told apart."""
        return " ".join(p for p in (name, self.copy_label()) if p)

    @property
    def sample(self) -> bool:
        return self.kind is OriginKind.DEMO

    def edited(self) -> Origin:
        """The origin once the report is edited: a sample becomes the clerk's own."""
        return dataclasses.replace(self, kind=OriginKind.FROM_DEMO) if self.sample else self

    def text(self) -> str:
        """Where the report came from, in Thai ("นำเข้าจาก ชัยนาท.docx")."""
        if self.kind is OriginKind.CREATED:
            return "สร้างในโปรแกรม"
        if self.kind is OriginKind.IMPORTED:
            return f"นำเข้าจาก {self.source}"
        if self.kind is OriginKind.NEXT_YEAR:
            return f"ปีถัดไปของ {self.source}"
        if self.kind is OriginKind.DEMO:
            return "ตัวอย่างที่มากับโปรแกรม ลบได้เมื่อไม่ใช้"
        if self.kind is OriginKind.FROM_DEMO:
            return "รายงานของคุณ แก้ไขจากตัวอย่างที่มากับโปรแกรม"
        if self.kind is OriginKind.SCORES:
            return f"แผนพัฒนาจากคะแนน ITA ใน {self.source}" if self.source else "แผนพัฒนาจากคะแนน ITA"
        return ""


@dataclass(frozen=True)
class Report:
    id: int | None = None
    layout: str = "six-measures"
    title: str = "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
    municipality: str = ""
    district: str = ""  # อำเภอ
    province: str = ""  # จังหวัด
    fiscal_year: int = 2568  # B.E.
    period: str = ""  # e.g. "รอบ ๑๒ เดือน (เดือนตุลาคม ๒๕๖๕ - กันยายน ๒๕๖๖)"
    opening: str = ""
    closing: str = ""
    prepared_by: str = ""  # จัดทำโดย (unit)
    signers: tuple[Signer, ...] = ()
    options: dict[str, Any] = field(default_factory=dict)
    measures: tuple[Measure, ...] = ()
    memo: Memo | None = None  # the cover memo (บันทึกข้อความ), when the report has one
    origin: Origin = field(default_factory=Origin)  # kept in the library, not in files
    created: str = ""
    updated: str = ""

    def with_field(self, name: str, value: Any) -> Report:
        if name not in REPORT_EDITABLE_FIELDS:
            raise KeyError(name)
        return dataclasses.replace(self, **{name: value})


REPORT_TEXT_FIELDS: tuple[str, ...] = (
    "layout", "title", "municipality", "district", "province", "period",
    "opening", "closing", "prepared_by",
)
REPORT_EDITABLE_FIELDS: frozenset[str] = frozenset(
    (*REPORT_TEXT_FIELDS, "fiscal_year", "signers", "options", "memo")
)


@dataclass(frozen=True)
class ReportSummary:
    """One line of the library list."""

    id: int
    municipality: str
    fiscal_year: int
    layout: str
    updated: str
    measure_count: int
    title: str
    created: str = ""
    origin: Origin = field(default_factory=Origin)


@dataclass(frozen=True)
class Draft:
    """The text of an editor left open (a crash, a power cut): kept, never yet committed.

    `measure_id` is the measure whose `field` it is; 0 for a form's field, named like
    'report.opening' or 'memo.facts'. `base` is the saved text it was typed over."""

    report_id: int
    measure_id: int
    field: str
    text: str
    base: str = ""
    saved: str = ""
