"""The one place where a change is applied, saved and announced.

Every step goes: undo command (holding before/after domain values, never Qt indexes)
→ a session's `apply_*` → one store transaction → the model and form are told →
`changed` carries a `Changes` (which report, measures, fields) so that each view redoes
only its part. If the store refuses (disk full, file gone), nothing in the window changes,
the command is dropped from the undo stack, and `failed` carries the Thai message and the
English line.

`ReportSession` holds one open report; `LibrarySession` the library's own steps (a
report created, imported or deleted), undoable like any edit.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..domain import Layout, Measure, MeasureKind, Report, Score
from ..domain.changes import CellsSpot, Changes, FieldSpot, RowsSpot, Spot
from ..store import Library, LibraryError
from ..thai.digits import to_thai_digits

if TYPE_CHECKING:
    from ..exchange.jsonfile import Exchange
    from .measure_model import MeasureTableModel
    from .shared_cells import SharedCells

MAX_PASTE_ROWS = 5000
ADOPTED = ("รายงานตัวอย่างนี้มีการแก้ไขแล้ว จึงเก็บเป็นรายงานของคุณ "
           "ไม่ใช่ตัวอย่างอีกต่อไป")


class _Session(QObject):
    failed = Signal(str, str)  # the Thai message, the English line for support
    saved = Signal(object)  # datetime of the last commit
    changed = Signal(object)  # Changes: what the step just applied changed

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(0)

    def _store(self, action: Callable[..., Any], *args: Any, **kwargs: Any) -> bool:
        try:
            action(*args, **kwargs)
        except LibraryError as exc:
            self.failed.emit(exc.message, str(exc))
            return False
        return True

    def _announce(self, changes: Changes) -> None:
        self.saved.emit(self.library.last_saved or dt.datetime.now())
        self.changed.emit(changes)


class ReportSession(_Session):
    conflicted = Signal(object)  # [Conflict]: another clerk saved those cells first
    offline = Signal(str)  # the server is away: edits are kept here (the Thai message)
    online = Signal()  # what was kept has been sent
    replaced = Signal(object)  # [Replaced]: another clerk's text over what this one typed
    # [Spot]: where a step taken back or done again (Ctrl+Z, Ctrl+Y) changed the report,
    # for the window to go there (a step done the first time is not told), and what it
    # was in Thai ("เลิกทำ «วางข้อมูล» แล้ว")
    stepped = Signal(object, str)
    # a sample report edited for the first time: the clerk's own now (the Thai notice)
    adopted = Signal(str)

    def __init__(self, library: Library, report_id: int, parent: QObject | None = None) -> None:
        # Here, not at the top: the window shows the library (and its session) sooner
        # without the table model and the word segmenter it brings.
        from .measure_model import MeasureTableModel

        super().__init__(library, parent)
        self.report_id = report_id
        report = library.load_report(report_id)
        # The measures live in the model; the report keeps only its own fields.
        self.report: Report = dataclasses.replace(report, measures=())
        self.model: MeasureTableModel = MeasureTableModel(
            library.layouts().get(report.layout), list(report.measures), self)
        # several clerks on a server library: edits checked against the versions read
        self.shared: SharedCells | None = None
        if library.dialect.server:
            from .shared_cells import SharedCells

            self.shared = SharedCells(self)
        from .drafts import DraftKeeper

        self.drafts = DraftKeeper(library, report_id, self)
        self._spots: list[Spot] | None = None  # while step() runs

    def step(self, undo: bool) -> None:
        """Ctrl+Z (undo) or Ctrl+Y (redo) on the report's own steps; `stepped` then says
        where they changed it and what the step was."""
        stack = self.undo_stack
        said = f"เลิกทำ «{stack.undoText()}» แล้ว" if undo else f"ทำซ้ำ «{stack.redoText()}» แล้ว"
        self._spots = []
        try:
            if undo:
                stack.undo()
            else:
                stack.redo()
            spots = self._spots
        finally:
            self._spots = None
        if spots:  # none if the store refused it (`failed` has said why)
            self.stepped.emit(spots, said)

    def _announce(self, changes: Changes) -> None:
        # The store made the sample the clerk's in the edit's transaction (library._touch);
        # the window follows before it redraws, so no view shows the mark after the edit.
        adopted = changes.touches_report() and self.report.origin.sample
        if adopted:
            self.report = dataclasses.replace(self.report, origin=self.report.origin.edited())
        super()._announce(changes)
        if adopted:
            self.adopted.emit(ADOPTED)

    def _note(self, spot: Spot) -> None:
        if self._spots is not None:
            self._spots.append(spot)

    def current_report(self) -> Report:
        """The report as saved now, from what the session holds (no reading back)."""
        return dataclasses.replace(self.report, measures=tuple(self.model.measures()))

    @property
    def layout(self) -> Layout:
        """The report's layout (a shipped one, or the library's own)."""
        return self.model.layout

    def current_exchange(self) -> Exchange:
        """The report as saved now with its layout: what an export or a check reads."""
        from ..exchange.jsonfile import Exchange  # with its schema checks: not at start

        report = self.current_report()
        return Exchange(report, (self.layout,), self.library.own_oit_year(report.fiscal_year))

    # ------------------------------------------------------------ application
    def apply_cells(self, changes: Sequence[tuple[int, str, str]],
                    shown: Sequence[tuple[int, str]] = ()) -> bool:
        """`shown`: the cells the step was on, if more than those it changed (a block
        pasted or cut, some of whose cells held that text already)."""
        spot = CellsSpot(tuple(shown) or tuple((i, f) for i, f, _t in changes))
        if self.shared is not None:
            if not self.shared.apply(changes):
                return False
            self._note(spot)
            return True
        if not self._store(self.library.update_measures, self.report_id, changes):
            return False
        self._note(spot)
        self.model.set_fields(changes)
        self._announce(Changes(self.report_id, measures=frozenset(i for i, _f, _t in changes),
                               fields=frozenset(f for _i, f, _t in changes)))
        return True

    def apply_insert(self, row: int, measures: Sequence[Measure], keep_ids: bool) -> list[Measure]:
        out: list[Measure] = []

        def insert() -> None:
            out.extend(self.library.insert_measures(self.report_id, row, measures, keep_ids))

        if not self._store(insert):
            return []
        self.model.insert_measures(row, out)
        self._note(RowsSpot(tuple(m.id for m in out if m.id is not None), row))
        self._rows_changed(out)
        return out

    def apply_restore(self, items: Sequence[tuple[int, Measure]]) -> bool:
        if not self._store(self.library.restore_measures, self.report_id, items):
            return False
        # rows next to each other come back in one insertion: one by one, the table redid
        # its spans and row heights after each (3,000 rows took a minute)
        start, run = 0, []
        for row, measure in sorted(items, key=lambda item: item[0]):
            if run and row == start + len(run):
                run.append(measure)
                continue
            self.model.insert_measures(start, run)
            start, run = row, [measure]
        self.model.insert_measures(start, run)
        self._note(RowsSpot(tuple(m.id for _r, m in sorted(items, key=lambda item: item[0])
                                  if m.id is not None), min(r for r, _m in items)))
        self._rows_changed([m for _r, m in items])
        return True

    def apply_delete(self, rows: Sequence[int]) -> bool:
        gone = [self.model.measure(r) for r in rows]
        if not self._store(self.library.delete_measures, self.report_id, rows):
            return False
        self.model.remove_rows(rows)
        self._note(RowsSpot((), min(rows)))
        self._rows_changed(gone)
        return True

    def apply_move(self, first: int, count: int, to: int) -> bool:
        if not self._store(self.library.move_measures, self.report_id, first, count, to):
            return False
        moved = [self.model.measure(r) for r in range(first, first + count)]
        self.model.move_block(first, count, to)
        self._note(RowsSpot(tuple(m.id for m in moved if m.id is not None), to))
        self._rows_changed(moved)
        return True

    def apply_measure(self, measure: Measure, *, scores: bool) -> bool:
        """Save a measure's scores (scores=True) or its kind, as `measure` holds them."""
        assert measure.id is not None
        if scores:
            action = self.library.set_scores, self.report_id, measure.id, measure.scores
        else:
            action = self.library.set_measure_kind, self.report_id, measure.id, measure.kind
        if not self._store(*action):
            return False
        self.model.replace_measure(measure)
        self._note(RowsSpot((measure.id,), self.model.row_of(measure.id)))
        if scores:
            self._announce(Changes(self.report_id, measures=frozenset({measure.id}),
                                   fields=frozenset({"scores"})))
        else:
            self._rows_changed([measure])
        return True

    def _rows_changed(self, measures: Sequence[Measure]) -> None:
        self._announce(Changes(self.report_id, rows=True,
                               measures=frozenset(m.id for m in measures if m.id is not None)))

    def apply_report_fields(self, fields: dict[str, Any]) -> bool:
        spots = [FieldSpot(name, getattr(self.report, name), value)
                 for name, value in fields.items()]
        if self.shared is not None:
            if not self.shared.apply_report(fields):
                return False
            for spot in spots:
                self._note(spot)
            return True
        if not self._store(self.library.update_report, self.report_id, **fields):
            return False
        for spot in spots:
            self._note(spot)
        for name, value in fields.items():
            self.report = self.report.with_field(name, value)
            if name == "layout":
                self.model.set_layout(self.library.layouts().get(value))
        self._announce(Changes(self.report_id, report_fields=frozenset(fields)))
        return True

    # ------------------------------------------------------ undoable actions
    def set_cells(self, changes: Sequence[tuple[int, str, str]], text: str = "แก้ไขข้อความ") -> None:
        """(row, field, new text) triples; unchanged cells are skipped."""
        triples = []
        shown = []  # every cell asked for: an undo shows the block pasted or cut whole
        for row, name, new in changes:
            measure = self.model.measure(row)
            old = measure.get(name)
            if measure.id is not None:
                shown.append((measure.id, name))
                if old != new:
                    triples.append((measure.id, name, old, new))
        if triples:
            self.undo_stack.push(SetCellsCommand(self, triples, text, shown))

    def set_scores(self, row: int, scores: Sequence[Score], text: str = "แก้ไขคะแนน ITA") -> None:
        old = self.model.measure(row)
        new = dataclasses.replace(old, scores=tuple(scores))
        if new != old and old.id is not None:
            self.undo_stack.push(MeasureCommand(self, old, new, text, scores=True))

    def set_kind(self, row: int, kind: MeasureKind) -> None:
        old = self.model.measure(row)
        if old.kind is not kind and old.id is not None:
            text = "ทำเป็นหัวข้อหมวด" if kind is MeasureKind.SECTION else "ทำเป็นแถวมาตรการ"
            self.undo_stack.push(MeasureCommand(
                self, old, dataclasses.replace(old, kind=kind), text, scores=False))

    def insert_measures(self, row: int, measures: Sequence[Measure], text: str) -> None:
        self.undo_stack.push(InsertCommand(self, row, list(measures), text))

    def delete_rows(self, rows: Sequence[int]) -> None:
        rows = sorted(set(rows))
        if rows:
            items = [(r, self.model.measure(r)) for r in rows]
            self.undo_stack.push(DeleteCommand(self, items))

    def move_rows(self, first: int, count: int, to: int) -> None:
        if count and first != to and 0 <= to <= self.model.rowCount() - count:
            self.undo_stack.push(MoveCommand(self, first, count, to))

    def keep_layout(self, layout: Layout) -> Layout | None:
        """Keep a layout the clerk made in the library (for every report there; not an
        undoable step, a report switching to it is). None if the store refused."""
        kept: list[Layout] = []
        if not self._store(lambda: kept.append(self.library.add_layout(layout, replace=False))):
            return None
        return kept[0]

    @contextlib.contextmanager
    def one_step(self, text: str) -> Iterator[None]:
        """The changes made inside are one undo step (a paste, a replace-all)."""
        self.undo_stack.beginMacro(text)
        try:
            yield
        finally:
            self.undo_stack.endMacro()

    def set_report_field(self, name: str, value: Any, text: str = "แก้ไขข้อมูลรายงาน") -> None:
        old = getattr(self.report, name)
        if old != value:
            self.undo_stack.push(ReportFieldCommand(self, name, old, value, text))

    def throw_away(self, put: Callable[[str], bool], base: str, typed: str, text: str) -> None:
        """Typed text thrown away (Esc in a cell, a draft not taken) as one undo step: an
        undo saves the typed text in its place. `put` saves a text there."""
        if typed != base:
            self.undo_stack.push(ThrownAwayCommand(self, put, base, typed, text))

    def paste(self, row: int, column: int, rows: list[list[str]]) -> str:
        """Paste a block of cells at (row, column): one undo step. Returns a notice."""
        notes = []
        columns = self.model.columnCount()
        width = max((len(r) for r in rows), default=0)
        if column + width > columns:
            notes.append(f"ตารางมี {columns} ช่อง จึงไม่ได้วางข้อมูล {column + width - columns} "
                         "ช่องทางขวาที่เกินมา")
        if len(rows) > MAX_PASTE_ROWS:
            notes.append(f"วางได้ครั้งละไม่เกิน {MAX_PASTE_ROWS:,} แถว ส่วนที่เกินไม่ได้วาง")
            rows = rows[:MAX_PASTE_ROWS]
        from ..domain.text import MAX_CELL_CHARS, clean_cell_text  # the segmenter: not at start

        cut_any = False
        existing: list[tuple[int, str, str]] = []
        new_measures: list[Measure] = []
        for offset, cells in enumerate(rows):
            target = row + offset
            values: dict[str, str] = {}
            for c, raw in enumerate(cells[: max(columns - column, 0)]):
                text, cut = clean_cell_text(raw)
                cut_any |= cut
                if target < self.model.rowCount():
                    if self.model.is_section(target) and column + c > 0:
                        continue
                    existing.append((target, self.model.cell_field(target, column + c), text))
                else:
                    values[self.model.field(column + c)] = text
            if target >= self.model.rowCount():
                new_measures.append(Measure(**values))
        if cut_any:
            notes.append(f"ข้อความบางช่องยาวเกิน {MAX_CELL_CHARS:,} ตัวอักษร จึงตัดส่วนท้ายออก")
        with self.one_step("วางข้อมูล"):
            self.set_cells(existing, "วางข้อมูล")
            if new_measures:
                self.insert_measures(self.model.rowCount(), new_measures, "วางข้อมูล")
        pasted = len(rows)
        notes.insert(0, f"วางข้อมูล {pasted:,} แถวแล้ว"
                        + (f" (เพิ่มแถวใหม่ {len(new_measures):,} แถว)" if new_measures else ""))
        return to_thai_digits(" · ".join(notes))


class LibrarySession(_Session):
    """The library's own steps: a report created (new, imported, next year's) or deleted.
    Undoing a deletion puts the report back whole, under its ids."""

    def create_report(self, report: Report, text: str = "สร้างรายงาน") -> int | None:
        """Add the report as one undoable step; its id, or None if the store refused."""
        command = CreateReportCommand(self, report, text)
        self.undo_stack.push(command)  # a refused step is dropped: read only Python fields
        return command.report_id

    def replace_report(self, old_id: int, report: Report, text: str) -> int | None:
        """The report in place of another, as one undoable step; the library is backed up
        first (a copy that fails leaves everything as it was, and says why)."""
        try:
            self.library.take_backup(even_new=True)
        except LibraryError as exc:
            self.failed.emit(exc.message, str(exc))
            return None
        self.undo_stack.beginMacro(text)
        try:
            new_id = self.create_report(report, text) if self.delete_report(
                old_id, text) else None
        finally:
            self.undo_stack.endMacro()
        return new_id

    def delete_report(self, report_id: int, text: str = "ลบรายงาน") -> bool:
        command = DeleteReportCommand(self, report_id, text)
        self.undo_stack.push(command)
        return command.report is not None

    def apply_create(self, report: Report, keep_ids: bool) -> int | None:
        made: list[int] = []
        if not self._store(lambda: made.append(self.library.create_report(report, keep_ids))):
            return None
        self._announce(Changes(made[0], created=True, restored=keep_ids))
        return made[0]

    def apply_delete(self, report_id: int) -> Report | None:
        """Delete the report; returns it as it was, to be put back by an undo."""
        whole = self.library.load_report(report_id)
        if not self._store(self.library.delete_report, report_id):
            return None
        self._announce(Changes(report_id, deleted=True))
        return whole

    def undo_concerns(self, report_id: int) -> bool:
        """Whether the step an undo would take back is this report's creation."""
        index = self.undo_stack.index()
        command = self.undo_stack.command(index - 1) if index else None
        return isinstance(command, CreateReportCommand) and command.report_id == report_id


class _Command(QUndoCommand):
    def __init__(self, session: Any, text: str) -> None:
        super().__init__(text)
        self.session = session

    def _done(self, ok: bool) -> None:
        # A change the store refused never stays on the undo stack.
        if not ok:
            self.setObsolete(True)


class SetCellsCommand(_Command):
    def __init__(self, session: ReportSession, triples: list[tuple[int, str, str, str]],
                 text: str, shown: list[tuple[int, str]]) -> None:
        super().__init__(session, text)
        self.triples, self.shown = triples, shown

    def redo(self) -> None:
        self._done(self.session.apply_cells(
            [(i, f, new) for i, f, _old, new in self.triples], self.shown))

    def undo(self) -> None:
        self._done(self.session.apply_cells(
            [(i, f, old) for i, f, old, _new in self.triples], self.shown))


class ThrownAwayCommand(_Command):
    """Already so when pushed (the place holds `base`): the first redo does nothing."""

    def __init__(self, session: ReportSession, put: Callable[[str], bool], base: str,
                 typed: str, text: str) -> None:
        super().__init__(session, text)
        self.put, self.base, self.typed = put, base, typed
        self._pushed = True

    def redo(self) -> None:
        if self._pushed:
            self._pushed = False
            return
        self._done(self.put(self.base))

    def undo(self) -> None:
        self._done(self.put(self.typed))


class InsertCommand(_Command):
    def __init__(self, session: ReportSession, row: int, measures: list[Measure],
                 text: str) -> None:
        super().__init__(session, text)
        self.row = row
        self.measures = measures
        self.inserted: list[Measure] = []

    def redo(self) -> None:
        # The first time the store gives ids; a redo after undo puts back the same rows.
        self.inserted = self.session.apply_insert(
            self.row, self.inserted or self.measures, keep_ids=bool(self.inserted))
        self._done(bool(self.inserted))

    def undo(self) -> None:
        rows = range(self.row, self.row + len(self.inserted))
        self._done(self.session.apply_delete(list(rows)))


class DeleteCommand(_Command):
    def __init__(self, session: ReportSession, items: list[tuple[int, Measure]]) -> None:
        super().__init__(session, to_thai_digits(f"ลบ {len(items)} แถว"))
        self.items = items

    def redo(self) -> None:
        self._done(self.session.apply_delete([r for r, _m in self.items]))

    def undo(self) -> None:
        self._done(self.session.apply_restore(self.items))


class MoveCommand(_Command):
    def __init__(self, session: ReportSession, first: int, count: int, to: int) -> None:
        super().__init__(session, "ย้ายแถว")
        self.first, self.count, self.to = first, count, to

    def redo(self) -> None:
        self._done(self.session.apply_move(self.first, self.count, self.to))

    def undo(self) -> None:
        self._done(self.session.apply_move(self.to, self.count, self.first))


class MeasureCommand(_Command):
    """One measure's scores, or its kind, from `old` to `new` (both whole measures)."""

    def __init__(self, session: ReportSession, old: Measure, new: Measure, text: str, *,
                 scores: bool) -> None:
        super().__init__(session, text)
        self.old, self.new, self.scores = old, new, scores

    def redo(self) -> None:
        self._done(self.session.apply_measure(self._current(self.new), scores=self.scores))

    def undo(self) -> None:
        self._done(self.session.apply_measure(self._current(self.old), scores=self.scores))

    def _current(self, target: Measure) -> Measure:
        # the measure as it is now (its text may have changed since), with the part set
        assert target.id is not None
        now = self.session.model.measure(self.session.model.row_of(target.id))
        if self.scores:
            return dataclasses.replace(now, scores=target.scores)
        return dataclasses.replace(now, kind=target.kind)


class ReportFieldCommand(_Command):
    def __init__(self, session: ReportSession, name: str, old: Any, new: Any,
                 text: str) -> None:
        super().__init__(session, text)
        self.name, self.old, self.new = name, old, new

    def redo(self) -> None:
        self._done(self.session.apply_report_fields({self.name: self.new}))

    def undo(self) -> None:
        self._done(self.session.apply_report_fields({self.name: self.old}))


class CreateReportCommand(_Command):
    def __init__(self, session: LibrarySession, report: Report, text: str) -> None:
        super().__init__(session, text)
        self.report = report
        self.report_id: int | None = None
        self.again: Report | None = None  # the report as it was when undone

    def redo(self) -> None:
        if self.again is None:
            self.report_id = self.session.apply_create(self.report, keep_ids=False)
        else:
            self.report_id = self.session.apply_create(self.again, keep_ids=True)
        self._done(self.report_id is not None)

    def undo(self) -> None:
        assert self.report_id is not None
        self.again = self.session.apply_delete(self.report_id)
        self._done(self.again is not None)


class DeleteReportCommand(_Command):
    def __init__(self, session: LibrarySession, report_id: int, text: str) -> None:
        super().__init__(session, text)
        self.report_id = report_id
        self.report: Report | None = None

    def redo(self) -> None:
        self.report = self.session.apply_delete(self.report_id)
        self._done(self.report is not None)

    def undo(self) -> None:
        assert self.report is not None
        self._done(self.session.apply_create(self.report, keep_ids=True) is not None)
