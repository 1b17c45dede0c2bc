"""The ITA year's steps in the window (ไฟล์ → ปี ITA): keep a round's results (one undoable
step: the measures' rounds before and after) and turn last year's score sheet into the
next year's improvement plan (a new report, undoable as any new report)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from ..domain import Origin, OriginKind
from ..domain.changes import Changes
from ..domain.model import RoundText
from ..domain.rounds import ROUNDS, kept_rounds
from ..domain.scoresheet import ScoreSheet, improvement_plan
from .session import LibrarySession, ReportSession

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


def plan_from_scores(library_session: LibrarySession, path: Path, fiscal_year: int,
                     municipality: str = "", parent: QWidget | None = None) -> int | None:
    """Last year's score sheet as the next year's improvement plan; the id of the report
    to show (the new one, or the plan there when the clerk chose to open it)."""
    from ..exchange.scoresheet_file import read_sheet

    return plan_from_sheet(library_session, read_sheet(path, fiscal_year), municipality,
                           path.name, parent)


def plan_from_sheet(library_session: LibrarySession, sheet: ScoreSheet,
                    municipality: str = "", source: str = "",
                    parent: QWidget | None = None) -> int | None:
    """The sheet (typed or read) as next year's plan, keeping the sheet: one undoable
    step, as any new report. A plan of that municipality and year already there (the
    same sheet taken twice) is not silently doubled: the clerk is asked."""
    from .duplicates import place_report

    name = f"แผนพัฒนาจากคะแนน ITA ({source})" if source else "แผนพัฒนาจากคะแนน ITA"
    placed = place_report(parent, library_session, improvement_plan(sheet, municipality),
                          Origin(OriginKind.SCORES, source), name)
    return placed.report_id

