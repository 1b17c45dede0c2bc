"""The command line's commands of the ITA year (`itadesk oit`, `itadesk pack`): kept
apart from cli.py, which is long enough."""

from __future__ import annotations

import sys

from .domain.oit import (
    CONFIDENCE,
    ELEMENTS,
    SERVES,
    STATUS,
    OitYear,
    empty_year,
    shipped_year,
    shipped_years,
)
from .thai.digits import to_thai_digits


def catalogue_lines(year: OitYear) -> list[str]:
    fy = to_thai_digits(str(year.fiscal_year))
    out = [f"ปีงบประมาณ {fy} ({year.agency or 'ไม่ระบุประเภทหน่วยงาน'}): "
           f"{STATUS.get(year.status, year.status)} "
           f"ความมั่นใจ{CONFIDENCE.get(year.confidence, year.confidence)}",
           f"  ที่มา: {year.source or '-'}"]
    if not year.items:
        out.append("  ยังไม่มีรายการข้อ OIT ของปีนี้ กรอกได้ในหน้าต่างโปรแกรม "
                   "(ไฟล์ → รายการข้อ OIT…)")
    for item in year.items:
        serves = ", ".join(SERVES[s] for s in item.serves)
        out.append(f"{item.code}\t{item.title}")
        out.append(f"  ใช้ตอบ: {serves}; ความมั่นใจ{CONFIDENCE.get(item.confidence, '')}")
        out.append("  ต้องแสดง: " + "; ".join(ELEMENTS[e] for e in item.elements))
        if item.source:
            out.append(f"  ที่มา: {item.source}")
    return out


def print_catalogue(fiscal_year: int | None) -> int:
    """Every shipped year, or one year (empty when the program does not ship it)."""
    years = [fiscal_year] if fiscal_year is not None else list(shipped_years())
    for n, fy in enumerate(years):
        year = shipped_year(fy) or empty_year(fy)
        if n:
            print()
        print("\n".join(catalogue_lines(year)))
    if fiscal_year is not None and shipped_year(fiscal_year) is None:
        print(f"โปรแกรมไม่มีรายการข้อ OIT ของปี {to_thai_digits(str(fiscal_year))}",
              file=sys.stderr)
    return 0

