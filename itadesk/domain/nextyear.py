"""Next year's report from this year's: the same measures, steps and owners; the timing
moved one year; results and outcomes emptied; this year's ITA scores become last year's."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from ..thai.digits import to_arabic_digits, to_thai_digits
from .model import Report, Score
from .scoresheet import OPTION as SCORE_SHEET
from .scoresheet import analysis_text, sheet_of

_YEAR = re.compile(r"(?<![\d๐-๙])((?:25|๒๕)[\d๐-๙]{2}|[\d๐-๙]{2})(?![\d๐-๙])")
_MONTHS = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.",
           "พ.ย.", "ธ.ค.", "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
           "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม", "พ.ศ.",
           "ปีงบประมาณ")


def shift_years(text: str, years: int = 1) -> str:
    """Move B.E. years (๒๕๖๘, 2568, and two-digit years after a month: เม.ย.๖๘) on."""

    def move(match: re.Match[str]) -> str:
        found = match.group(1)
        start = match.start(1)
        if len(found) == 2:
            before = text[max(0, start - 12) : start].rstrip()
            if not before.endswith(_MONTHS):
                return found
            value = (int(to_arabic_digits(found)) + years) % 100
            shifted = f"{value:02d}"
        else:
            shifted = str(int(to_arabic_digits(found)) + years)
        return to_thai_digits(shifted) if re.search("[๐-๙]", found) else shifted

    return _YEAR.sub(move, text)


def next_year(report: Report) -> Report:
    measures = tuple(
        dataclasses.replace(
            m, id=None, timing=shift_years(m.timing), result="", outcome="",
            budget="", problems="", suggestions="",
            scores=tuple(Score(s.topic, s.current, "") for s in m.scores))
        for m in report.measures)
    memo = report.memo
    if memo is not None:
        # a new memo gets its own number and date; its text names next year
        memo = dataclasses.replace(
            memo, number="", date="", subject=shift_years(memo.subject),
            background=shift_years(memo.background), facts=shift_years(memo.facts),
            proposal=shift_years(memo.proposal))
    opening, options = _without_last_years_sheet(report)
    return dataclasses.replace(
        report, id=None, fiscal_year=report.fiscal_year + 1, period=shift_years(report.period),
        opening=opening, closing="", measures=measures, memo=memo, options=options,
        created="", updated="")


def _without_last_years_sheet(report: Report) -> tuple[str, dict[str, Any]]:
    """A plan keeps the score sheet it was written from, and its opening is the analysis
    of those scores: moved on a year, that analysis would state last year's figures as
    this year's. Next year's plan is written from next year's scores, so neither goes on;
    an opening the clerk wrote over the analysis is theirs and moves on like other text."""
    sheet = sheet_of(report.options)
    if sheet is None:
        return shift_years(report.opening), report.options
    options = {k: v for k, v in report.options.items() if k != SCORE_SHEET}
    if report.opening.strip() == analysis_text(sheet).strip():
        return "", options
    return shift_years(report.opening), options


