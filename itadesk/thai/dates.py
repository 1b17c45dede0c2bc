"""Buddhist-Era years, fiscal years and Thai dates.

Fiscal year (ปีงบประมาณ) N, in B.E., runs from 1 October of N−1 to 30 September of N.
"""

from __future__ import annotations

import datetime as dt

from .digits import parse_int, to_thai_digits

BE_OFFSET = 543

MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)
SHORT_MONTHS = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)

# A B.E. year a clerk could mean today; outside this a typo is far more likely.
MIN_BE_YEAR = 2500
MAX_BE_YEAR = 2700


def be_year(ce_year: int) -> int:
    return ce_year + BE_OFFSET


def ce_year(be: int) -> int:
    return be - BE_OFFSET


def fiscal_year_of(day: dt.date) -> int:
    """The B.E. fiscal year a date falls in."""
    return be_year(day.year + 1 if day.month >= 10 else day.year)


def fiscal_year_bounds(fiscal_year_be: int) -> tuple[dt.date, dt.date]:
    start_ce = ce_year(fiscal_year_be) - 1
    return dt.date(start_ce, 10, 1), dt.date(start_ce + 1, 9, 30)


def fiscal_period_text(fiscal_year_be: int, thai_digits: bool = True) -> str:
    """'ตุลาคม ๒๕๖๖ - กันยายน ๒๕๖๗' for fiscal year 2567."""
    text = f"ตุลาคม {fiscal_year_be - 1} - กันยายน {fiscal_year_be}"
    return to_thai_digits(text) if thai_digits else text


def period_text(fiscal_year_be: int, months: int, thai_digits: bool = True) -> str:
    """'รอบ ๖ เดือน (เดือนตุลาคม ๒๕๖๗ - มีนาคม ๒๕๖๘)' for fiscal year 2568 and 6 months:
    the first `months` months of the fiscal year."""
    end_month = (9 + months - 1) % 12  # October is MONTHS[9]
    end_year = fiscal_year_be - 1 if end_month >= 9 else fiscal_year_be
    text = (f"รอบ {months} เดือน (เดือน{MONTHS[9]} {fiscal_year_be - 1} - "
            f"{MONTHS[end_month]} {end_year})")
    return to_thai_digits(text) if thai_digits else text


def thai_date(day: dt.date, short: bool = False, thai_digits: bool = True) -> str:
    """'๒๔ เมษายน ๒๕๖๗' (or '๒๔ เม.ย. ๖๗' when short)."""
    if short:
        text = f"{day.day} {SHORT_MONTHS[day.month - 1]} {be_year(day.year) % 100:02d}"
    else:
        text = f"{day.day} {MONTHS[day.month - 1]} {be_year(day.year)}"
    return to_thai_digits(text) if thai_digits else text


def parse_be_year(text: str) -> int | None:
    """A B.E. year as typed ('๒๕๖๘', '2568', 'พ.ศ. ๒๕๖๘'); a C.E. year is taken as such."""
    cleaned = text.replace("พ.ศ.", "").replace("ค.ศ.", "").strip()
    year = parse_int(cleaned)
    if year is None:
        return None
    if 1900 <= year <= 2200:  # typed as C.E.
        year = be_year(year)
    if not MIN_BE_YEAR <= year <= MAX_BE_YEAR:
        return None
    return year
