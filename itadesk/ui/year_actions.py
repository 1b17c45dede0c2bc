"""The ITA year's steps in the window (ไฟล์ → ปี ITA): keep a round's results (one undoable
step: the measures' rounds before and after) and turn last year's score sheet into the
next year's improvement plan (a new report, undoable as any new report)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QMessageBox, QWidget

from ..domain import Origin, OriginKind
from ..domain.changes import Changes
from ..domain.model import MeasureKind, RoundText
from ..domain.rounds import PART_LABELS, ROUNDS, kept_rounds, period
from ..domain.scoresheet import ScoreSheet, improvement_plan
from ..thai.digits import to_thai_digits
from .report_page import report_heading
from .session import LibrarySession, ReportSession

if TYPE_CHECKING:
    from .duplicates import Placed

Rounds = dict[int, tuple[RoundText, ...]]


class KeepRoundCommand(QUndoCommand):
    def __init__(self, session: ReportSession, before: Rounds, after: Rounds,
                 text: str) -> None:
        super().__init__(text)
        self.session, self.before, self.after = session, before, after

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)

    def _apply(self, rounds: Rounds) -> None:
        session = self.session
        if not session._store(session.library.set_rounds, session.report_id, rounds):
            self.setObsolete(True)  # a step the store refused never stays
            return
        for measure_id, texts in rounds.items():
            now = session.model.measure(session.model.row_of(measure_id))
            session.model.replace_measure(dataclasses.replace(now, rounds=texts))
        session._announce(Changes(session.report_id, measures=frozenset(rounds),
                                  fields=frozenset({"rounds"})))


def keep_round(session: ReportSession, name: str) -> int:
    """The measures' current results kept as round `name`; how many measures."""
    report = session.current_report()
    after = kept_rounds(report, name)
    before = {m.id: m.rounds for m in report.measures if m.id in after}
    if after != before:
        session.undo_stack.push(KeepRoundCommand(session, before, after,
                                                 f"เก็บผลการดำเนินการ{ROUNDS[name]}"))
    return len(after)


def overwritten(session: ReportSession, name: str) -> int:
    """How many measures have round `name` kept with other texts than they have now
    (keeping the round again replaces those)."""
    report = session.current_report()
    after = kept_rounds(report, name)
    return sum(1 for m in report.measures
               if m.id in after and m.rounds != after[m.id]
               and any(r.round == name for r in m.rounds))


def keep_round_told(parent: QWidget, session: ReportSession, name: str) -> int | None:
    """Keep round `name` as the clerk asked from the menu: asked first when it replaces
    texts kept before, then told what was kept and where it is seen. How many measures
    were kept; None when the clerk chose not to."""
    label = ROUNDS[name]
    replaced = overwritten(session, name)
    if replaced:
        box = QMessageBox(QMessageBox.Icon.Question, f"เก็บผลการดำเนินการ{label}",
                          f"ผลการดำเนินการ{label}เก็บไว้แล้ว เก็บใหม่แทนที่ใช่หรือไม่?",
                          parent=parent)
        box.setObjectName("keep_round_question")
        box.setInformativeText(
            f"ผล{label}ที่เก็บไว้ของ {to_thai_digits(str(replaced))} มาตรการ"
            " จะถูกแทนด้วยข้อความที่อยู่ในตารางตอนนี้ (กด Ctrl+Z เพื่อย้อนได้)")
        replace = box.addButton("เก็บแทนที่ของเดิม", QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton("ไม่เก็บ", QMessageBox.ButtonRole.RejectRole))
        box.exec()
        if box.clickedButton() is not replace:
            return None
    count = keep_round(session, name)
    where = f"ไฟล์ → ส่งออกแผนหรือผลรายรอบ → {PART_LABELS[name]}"
    text = (f"เก็บผลการดำเนินการ{label}ของ {to_thai_digits(str(count))} มาตรการแล้ว"
            if count else "รายงานนี้ยังไม่มีมาตรการ จึงไม่มีผลให้เก็บ")
    box = QMessageBox(QMessageBox.Icon.Information, f"เก็บผลการดำเนินการ{label}", text,
                      parent=parent)
    box.setObjectName("round_kept")
    box.addButton("ตกลง", QMessageBox.ButtonRole.AcceptRole)
    if count:
        box.setInformativeText(_kept_details(session, name, where))
    if hasattr(parent, "statusBar"):
        parent.statusBar().showMessage(f"{text} (ดูได้ที่ {where})" if count else text,
                                       15000)
    box.exec()
    return count


def _kept_details(session: ReportSession, name: str, where: str) -> str:
    """What was kept (the columns' texts, as which round), and where it is seen."""
    report, label = session.report, ROUNDS[name]
    columns = " และ ".join(f"«{c.header}»" for c in session.layout.columns
                           if c.field in ("result", "outcome")) or "«ผลการดำเนินการ»"
    lines = [f"เก็บข้อความในช่อง {columns} ของแต่ละมาตรการตอนนี้ไว้เป็นผล"
             f"{period(report, name)}"]
    other = next((r for r in ROUNDS.values() if r != label and r in report.period), "")
    if other:  # the clerk's 73.png: a report of 12 months, its 6 months' round kept
        lines.append(f"(รายงานนี้ระบุช่วงเวลาเป็น{other} ผลที่เก็บนี้เป็นของ{label})")
    lines += ["", f"ดูหรือส่งออกผลที่เก็บไว้ได้ที่ {where}",
              "กรอกผลรอบถัดไปในตารางได้เลย ผลที่เก็บไว้ไม่เปลี่ยนตาม (กด Ctrl+Z เพื่อย้อนได้)"]
    return "\n".join(lines)


def tell_plan_opened(parent: QWidget, placed: Placed, session: ReportSession,
                     before: str) -> None:
    """The window now shows the plan made from the scores (or the one there): say so,
    and where the report open before it is (`before`, its heading; empty if none)."""
    report = session.report
    shown = report_heading(report.municipality, report.fiscal_year, session.layout.name)
    year = to_thai_digits(str(report.fiscal_year))
    parts = [f"รายงานที่เปิดอยู่ตอนนี้: {shown}"]
    if placed.added:
        text = (f"สร้างแผนพัฒนาปีงบประมาณ {year} จากคะแนน ITA แล้ว"
                " เป็นรายงานใหม่ในคลัง และเปิดให้แก้ไขแล้ว")
        rows = sum(m.kind is MeasureKind.MEASURE for m in session.current_report().measures)
        parts.append(f"มี {to_thai_digits(str(rows))} แถวของข้อที่ต่ำกว่าเกณฑ์"
                     " แก้ไขหรือเพิ่มแถวได้\nไม่ต้องการแผนนี้ กด Ctrl+Z เพื่อยกเลิกการสร้าง")
    else:
        text = f"เปิดแผนพัฒนาปีงบประมาณ {year} ที่มีอยู่แล้วในคลัง (ไม่ได้สร้างใหม่)"
    if before:
        parts.append(f"รายงานที่เปิดไว้ก่อนหน้า ({before}) ไม่เปลี่ยน อยู่ในคลังรายงาน:"
                     " เมนู ไฟล์ → คลังรายงาน (Ctrl+L)")
    box = QMessageBox(QMessageBox.Icon.Information, "แผนพัฒนาปีถัดไป", text, parent=parent)
    box.setObjectName("plan_opened")
    box.addButton("ตกลง", QMessageBox.ButtonRole.AcceptRole)
    box.setInformativeText("\n\n".join(parts))
    if hasattr(parent, "statusBar"):
        parent.statusBar().showMessage(f"{text}: {shown}", 15000)
    box.exec()


def plan_from_scores(library_session: LibrarySession, path: Path, fiscal_year: int,
                     municipality: str = "", parent: QWidget | None = None) -> int | None:
    """Last year's score sheet as the next year's improvement plan; the id of the report
    to show (the new one, or the plan there when the clerk chose to open it)."""
    from ..exchange.scoresheet_file import read_sheet

    return plan_from_sheet(library_session, read_sheet(path, fiscal_year), municipality,
                           path.name, parent).report_id


def plan_from_sheet(library_session: LibrarySession, sheet: ScoreSheet,
                    municipality: str = "", source: str = "",
                    parent: QWidget | None = None) -> Placed:
    """The sheet (typed or read) as next year's plan, keeping the sheet: one undoable
    step, as any new report. A plan of that municipality and year already there (the
    same sheet taken twice) is not silently doubled: the clerk is asked."""
    from .duplicates import place_report

    name = f"แผนพัฒนาจากคะแนน ITA ({source})" if source else "แผนพัฒนาจากคะแนน ITA"
    return place_report(parent, library_session, improvement_plan(sheet, municipality),
                        Origin(OriginKind.SCORES, source), name)
