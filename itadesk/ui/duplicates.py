"""No silent duplicates: a report added to the library (imported, next year's, new) when
the library already holds one of the same municipality and fiscal year is not just put
beside it. The clerk is asked: open the one there, keep both (the new one a copy of its
own, "(ฉบับที่ ๒)"), or replace it (the library backed up first; Ctrl+Z brings it back).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from ..domain import Origin, OriginKind, Report, ReportSummary
from ..thai.digits import to_thai_digits

if TYPE_CHECKING:
    from .session import LibrarySession


class Choice(StrEnum):
    NONE = "none"  # nothing alike was there: added
    OPEN = "open"
    KEEP_BOTH = "keep-both"
    REPLACE = "replace"
    CANCEL = "cancel"


@dataclass(frozen=True)
class Placed:
    report_id: int | None  # the report to show: the new one, or the one there (OPEN)
    choice: Choice

    @property
    def added(self) -> bool:
        return self.report_id is not None and self.choice is not Choice.OPEN


BUTTONS = ((Choice.OPEN, "เปิดฉบับที่มีอยู่"), (Choice.KEEP_BOTH, "เก็บไว้ทั้งสองฉบับ"),
           (Choice.REPLACE, "แทนที่ฉบับเดิม"), (Choice.CANCEL, "ยกเลิก"))


def next_copy(there: list[ReportSummary]) -> int:
    """The number «เก็บไว้ทั้งสองฉบับ» gives the new copy: one past the highest there (the
    question said «(ฉบับที่ ๒)» on a third import, the list then showed ฉบับที่ ๓)."""
    return max(s.origin.copy for s in there) + 1


def question(parent: QWidget | None, report: Report,
             there: list[ReportSummary]) -> QMessageBox:
    """The question, not yet shown (tests and screenshots answer it as a clerk would)."""
    from .library_page import when_text

    newest = there[0]
    count = f" {to_thai_digits(str(len(there)))} ฉบับ" if len(there) > 1 else ""
    came = newest.origin.text()
    label = dataclasses.replace(newest.origin, copy=next_copy(there)).copy_label()
    box = QMessageBox(QMessageBox.Icon.Question, "มีรายงานนี้อยู่แล้ว",
                      f"ในคลังมีรายงานของ{report.municipality.strip() or 'หน่วยงานนี้'} "
                      f"ปีงบประมาณ {to_thai_digits(str(report.fiscal_year))} อยู่แล้ว{count}",
                      parent=parent)
    box.setObjectName("duplicate_question")
    # wide enough that the question is one line and "อยู่แล้ว" not split from it
    box.setStyleSheet("QLabel#qt_msgbox_label, QLabel#qt_msgbox_informativelabel"
                      " { min-width: 540px; }")
    box.setInformativeText(
        f"ฉบับที่มีอยู่: {to_thai_digits(str(newest.measure_count))}"
        f" มาตรการ แก้ไขล่าสุด {when_text(newest.updated)}"
        + (f"\nที่มา: {came}" if came else "") + "\n\n"
        "• เปิดฉบับที่มีอยู่: ไม่เพิ่มรายงานใหม่\n"
        f"• เก็บไว้ทั้งสองฉบับ: ฉบับใหม่จะมีคำว่า «{label}» ต่อท้ายในคลัง\n"
        "• แทนที่ฉบับเดิม: ฉบับเดิมถูกสำรองไว้ก่อน และกด Ctrl+Z เพื่อเรียกคืนได้")
    for choice, text in BUTTONS:
        role = (QMessageBox.ButtonRole.RejectRole if choice is Choice.CANCEL
                else QMessageBox.ButtonRole.AcceptRole)
        button = box.addButton(text, role)
        button.setObjectName(f"duplicate_{choice}")
        button.setProperty("choice", str(choice))
        if choice is Choice.OPEN:
            box.setDefaultButton(button)
    return box


def ask(parent: QWidget | None, report: Report, there: list[ReportSummary]) -> Choice:
    box = question(parent, report, there)
    box.exec()
    clicked = box.clickedButton()
    value = clicked.property("choice") if clicked is not None else None
    return Choice(value) if value else Choice.CANCEL


def place_report(parent: QWidget | None, session: LibrarySession, report: Report,
                 origin: Origin, text: str) -> Placed:
    """Add `report` (from `origin`) as one undoable step, asking first when the library
    already holds one of its municipality and fiscal year and of its kind (a plan beside
    that year's results report is no duplicate: the clerk's «เปิดฉบับที่มีอยู่» would
    open the wrong kind of report)."""
    there = session.library.same_reports(report.municipality, report.fiscal_year,
                                         report.layout)
    report = dataclasses.replace(report, origin=origin)
    if not there:
        return Placed(session.create_report(report, text), Choice.NONE)
    choice = ask(parent, report, there)
    if choice is Choice.OPEN:
        return Placed(there[0].id, choice)
    if choice is Choice.KEEP_BOTH:
        copy = next_copy(there)
        report = dataclasses.replace(report, origin=dataclasses.replace(origin, copy=copy))
        return Placed(session.create_report(report, text), choice)
    if choice is Choice.REPLACE:
        old = there[0]
        report = dataclasses.replace(
            report, origin=dataclasses.replace(origin, copy=old.origin.copy))
        return Placed(session.replace_report(old.id, report, f"{text} (แทนที่ฉบับเดิม)"),
                      choice)
    return Placed(None, choice)


def next_year_origin(report: Report) -> Origin:
    return Origin(OriginKind.NEXT_YEAR,
                  f"{report.municipality} ปีงบประมาณ {to_thai_digits(str(report.fiscal_year))}")
