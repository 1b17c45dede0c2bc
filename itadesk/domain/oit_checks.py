"""What the report's OIT item asks it to show (the item's elements, resources/oit/*.toml),
as findings beside the other checks: the assessors score an item by these, and a clerk
learns of a missing one only when the score comes back."""

from __future__ import annotations

import re

from ..thai.digits import to_thai_digits
from .checks import GOOD_URL, Finding
from .model import MeasureKind, Report
from .oit import OitItem, OitYear, item_of, report_item_code
from .publication import publication_of

# Pointing at a plan's row: "ตามแผน" answers nothing.
_EMPTY_RESULT = re.compile(r"^\s*[-–.…]*\s*$")


def item_findings(report: Report, year: OitYear | None) -> list[Finding]:
    """Findings of the report as a whole (row None) or of a measure row; none for a year
    whose items nobody has filled in yet."""
    if year is None or not year.items:
        return []
    code = report_item_code(report.options)
    item = item_of(report, year)
    if code and item is None:
        fy = to_thai_digits(str(report.fiscal_year))
        return [Finding("oit", f"ไม่มีข้อ {code} ในรายการข้อ OIT ปี {fy} "
                               "กรุณาเลือกข้อที่รายงานนี้ตอบ")]
    if item is None:
        return []
    return _elements(report, item)


def _elements(report: Report, item: OitItem) -> list[Finding]:
    out: list[Finding] = []
    measures = [(row, m) for row, m in enumerate(report.measures)
                if m.kind is MeasureKind.MEASURE]
    wanted = set(item.elements)
    for element, field, what in (("owners", "owner", "ผู้รับผิดชอบ"),
                                 ("timing", "timing", "ระยะเวลาดำเนินการ"),
                                 ("results", "result", "ผลการดำเนินการ")):
        if element not in wanted:
            continue
        for row, m in measures:
            if _EMPTY_RESULT.match(m.get(field)):
                out.append(Finding("oit", f"ข้อ {item.code} ต้องแสดง{what}ของทุกมาตรการ",
                                   row, field))
    publication = publication_of(report.options)
    if "acknowledged" in wanted and not publication.acknowledged_on:
        out.append(Finding("oit", f"ข้อ {item.code} ต้องมีหลักฐานว่าผู้บริหารรับทราบ/เห็นชอบ "
                                  "พร้อมวันที่ (กรอกใน ไฟล์ → ชุดเอกสารหลักฐาน…)"))
    if "link" in wanted:
        link = publication.link
        if not link:
            out.append(Finding("oit", f"ข้อ {item.code} ต้องมีลิงก์ที่เผยแพร่บนเว็บไซต์ "
                                      "ก่อนส่งหลักฐาน (กรอกใน ไฟล์ → ชุดเอกสารหลักฐาน…)"))
        elif not GOOD_URL.match(link):
            out.append(Finding("oit", f"ลิงก์ที่เผยแพร่ «{link}» ดูไม่ถูกต้อง"))
    return out
