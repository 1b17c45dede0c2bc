"""One report through the ITA year: the plan of its measures at the start (the
measures-plan layout: measure, steps, owner, timing, indicator), then the results of the
same rows per round (รอบ ๖ เดือน, รอบ ๑๒ เดือน). The clerk writes a round's results in the
measure's result and outcome; keeping the round stores a copy of them under the round,
so writing the next round's does not overwrite it, and a round's report is made from its
own texts.
"""

from __future__ import annotations

import dataclasses

from ..thai.digits import to_arabic_digits, to_thai_digits
from .model import Measure, MeasureKind, Report, RoundText
from .options import thai_digits
from .round_names import PART_FILES as PART_FILES
from .round_names import PART_LABELS as PART_LABELS
from .round_names import ROUNDS

PLAN_LAYOUT = "measures-plan"
PLAN_TITLE = "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"


def round_text(measure: Measure, name: str) -> RoundText | None:
    return next((r for r in measure.rounds if r.round == name), None)


def kept(measure: Measure, name: str) -> Measure:
    """The measure with its current result and outcome kept as round `name` (that
    round's earlier copy replaced; the other rounds as they were)."""
    if name not in ROUNDS:
        raise ValueError(name)
    others = tuple(r for r in measure.rounds if r.round != name)
    mine = RoundText(name, measure.result, measure.outcome)
    return dataclasses.replace(
        measure, rounds=tuple(sorted((*others, mine), key=lambda r: int(r.round))))


def period(report: Report, name: str, thai_digits: bool = True) -> str:
    """"รอบ ๖ เดือน (ตุลาคม ๒๕๖๘ - มีนาคม ๒๕๖๙)": the months the round covers; in Arabic
    digits ("รอบ 6 เดือน (ตุลาคม 2568 - …)") when written into a report whose digit
    option is off (the window's own messages keep Thai digits)."""
    last = "มีนาคม" if name == "6" else "กันยายน"
    text = f"{ROUNDS[name]} (ตุลาคม {report.fiscal_year - 1} - {last} {report.fiscal_year})"
    return to_thai_digits(text) if thai_digits else to_arabic_digits(text)


def round_report(report: Report, name: str) -> Report:
    """The report of one round: each measure's result and outcome as kept for it (a
    measure without a kept text shows its current one), the round's period."""
    if name not in ROUNDS:
        raise ValueError(name)

    def of_round(m: Measure) -> Measure:
        text = round_text(m, name)
        if m.kind is not MeasureKind.MEASURE or text is None:
            return m
        return dataclasses.replace(m, result=text.result, outcome=text.outcome)

    return dataclasses.replace(report, measures=tuple(of_round(m) for m in report.measures),
                               # written into the report: its own digits, or the
                               # export read «พ.ศ. 2570» beside «รอบ ๑๒ เดือน (… ๒๕๖๙ …)»
                               period=period(report, name, thai_digits(report.options)))


def plan_report(report: Report) -> Report:
    """The plan made from the same rows at the start of the year (its own layout)."""
    options = {k: v for k, v in report.options.items() if k != "oit_item"}
    return dataclasses.replace(report, layout=PLAN_LAYOUT, title=PLAN_TITLE, period="",
                               closing="", options=options)


def kept_rounds(report: Report, name: str) -> dict[int, tuple[RoundText, ...]]:
    """Measure id → its rounds once round `name` is kept (what the library stores)."""
    return {m.id: kept(m, name).rounds for m in report.measures
            if m.id is not None and m.kind is MeasureKind.MEASURE}
