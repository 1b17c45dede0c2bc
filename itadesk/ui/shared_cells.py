"""A report session's cell edits on the office's server library, several clerks at once.

Each edit names the version of its row this window last read (versions.py): another
clerk's newer text in the same cell comes back as a conflict, shown with a choice (keep
mine / take theirs), never written over. While the server is away, an edit is shown in
the table and kept on this PC (Library.hold_edits) until it can be sent; the window says
so. Other clerks' edits arrive through `refresh` (the window's OfficeDesk calls it when
the server says the report changed), except in the cell this clerk is typing in: that
row keeps the version read, so the clerk's text, when it comes, is checked against theirs.
The report's own fields (its form, its signers, its options, its memo) are edited and
refreshed the same way, part by part (domain/report_parts.py), the form field the clerk
is typing in left alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..domain import MEASURE_TEXT_FIELDS, Report
from ..domain.changes import Changes
from ..domain.model import REPORT_EDITABLE_FIELDS
from ..domain.report_parts import changed_parts, field_of, report_with
from ..store import LibraryError, ServerUnreachable
from ..store.versions import REPORT_ROW, CellEdit, Conflict

if TYPE_CHECKING:
    from .session import ReportSession

Place = tuple[int, str]  # (measure id, field)


@dataclass(frozen=True)
class Replaced:
    """A cell this clerk typed that another clerk's text has since replaced."""

    measure_id: int
    field: str
    mine: str
    theirs: str


class SharedCells:
    def __init__(self, session: ReportSession) -> None:
        self.session = session
        self.library = session.library
        self.report_id = session.report_id
        self.versions = self.library.row_versions(self.report_id)
        self.editing: Place | None = None  # the cell the clerk is typing in
        # the cells' text this clerk saved here: another's text over it is said (refresh)
        self.typed: dict[Place, str] = {}
        self.typing: set[str] = set()  # the report's parts whose form field is typed in
        self.held: list[CellEdit] = self.library.held_edits(self.report_id)
        if self.held:  # kept by a window that closed while the server was away
            there = {m.id for m in session.model.measures()}
            session.model.set_fields([(e.measure_id, e.field, e.text) for e in self.held
                                      if e.measure_id in there])
            self._show_report([(e.field, e.text) for e in self.held
                               if e.measure_id == REPORT_ROW])

    @property
    def offline(self) -> bool:
        return bool(self.held)

    def _base(self, measure_id: int, field: str) -> str:
        model = self.session.model
        return str(model.measure(model.row_of(measure_id)).get(field))

    def apply(self, changes: Sequence[tuple[int, str, str]]) -> bool:
        edits = [CellEdit(mid, name, text, self.versions.get(mid, 1), self._base(mid, name))
                 for mid, name, text in changes]
        return self.send(edits)

    def apply_report(self, fields: dict[str, object]) -> bool:
        """The report's own fields, checked like cells part by part (report_parts.py: one
        option, one field of the memo, the signers): another clerk's choice of another
        option, or text in another field of the memo, is neither a conflict nor lost."""
        report, row = self.session.report, self.versions.get(REPORT_ROW, 1)
        edits = [CellEdit(REPORT_ROW, part, text, row, base)
                 for name, value in fields.items()
                 for part, base, text in changed_parts(name, getattr(report, name), value)]
        return self.send(edits) if edits else True

    def send(self, edits: Sequence[CellEdit]) -> bool:
        session = self.session
        try:
            outcome = self.library.edit_cells(self.report_id, edits)
        except ServerUnreachable as exc:
            self._hold(edits)
            session.offline.emit(exc.message)
            return True  # shown and kept: it is sent when the server is back
        except LibraryError as exc:
            session.failed.emit(exc.message, str(exc))
            return False
        self.versions.update(outcome.versions)
        refused = {(c.edit.measure_id, c.edit.field) for c in outcome.conflicts}
        refused |= {(e.measure_id, e.field) for e in outcome.gone}
        shown = [(e.measure_id, e.field, e.text) for e in edits
                 if (e.measure_id, e.field) not in refused]
        for place in refused:  # theirs is shown: what this clerk typed there is not kept
            self.typed.pop(place, None)
        self.typed.update({(m, f): t for m, f, t in shown if m != REPORT_ROW})
        shown += [(c.edit.measure_id, c.edit.field, c.theirs) for c in outcome.conflicts]
        self._show(shown)  # what the library holds now
        if outcome.gone:
            self.refresh()  # the row went: the table shows the report as it is
        if outcome.conflicts:
            session.conflicted.emit(list(outcome.conflicts))
        return True

    def _show(self, cells: Sequence[tuple[int, str, str]]) -> None:
        session = self.session
        own = self._show_report([(f, t) for m, f, t in cells if m == REPORT_ROW])
        cells = [c for c in cells if c[0] != REPORT_ROW]
        session.model.set_fields(cells)
        session._announce(Changes(self.report_id, measures=frozenset(m for m, _f, _t in cells),
                                  fields=frozenset(f for _m, f, _t in cells),
                                  report_fields=frozenset(own)))

    def _show_report(self, parts: Sequence[tuple[str, str]]) -> set[str]:
        """Put the report's parts in the session; the fields they belong to."""
        session, fields = self.session, set()
        for part, text in parts:
            session.report = report_with(session.report, part, text)
            fields.add(field_of(part))
        if "layout" in fields:
            session.model.set_layout(self.library.layouts().get(session.report.layout))
        return fields

    def _hold(self, edits: Sequence[CellEdit]) -> None:
        first = {(e.measure_id, e.field): e for e in self.held}
        for e in edits:  # a cell edited again keeps the version it was first typed over
            earlier = first.get((e.measure_id, e.field))
            first[e.measure_id, e.field] = e if earlier is None else CellEdit(
                e.measure_id, e.field, e.text, earlier.version, earlier.base)
        self.held = list(first.values())
        try:
            self.library.hold_edits(self.report_id, self.held)
        except OSError as exc:  # this PC's own disk: said, and kept in the window
            self.session.failed.emit(f"เก็บข้อความไว้ในเครื่องนี้ไม่ได้ ({exc})", str(exc))
        self._show([(e.measure_id, e.field, e.text) for e in edits])

    def send_held(self) -> bool:
        """Send what was kept while the server was away; True when nothing is left."""
        if not self.held:
            return True
        edits, self.held = self.held, []
        self.send(edits)
        if not self.held:
            self.library.edits_sent(self.report_id, edits)
            self.session.online.emit()
        return not self.held

    def keep_mine(self, conflict: Conflict) -> None:
        self.send([conflict.keep_mine()])

    def refresh(self) -> None:
        """Show what other clerks saved (the model and the report's own fields are brought
        to the library's state), except what this clerk is typing or has kept unsent."""
        session, model = self.session, self.session.model
        try:  # the versions first: a commit between the two reads is then checked by text
            versions = self.library.row_versions(self.report_id)
            fresh = self.library.load_report(self.report_id)
        except LibraryError:
            return  # away: the window keeps showing what it has
        measures = list(fresh.measures)
        keep = {(e.measure_id, e.field) for e in self.held}
        if not self._refresh_report(fresh, keep):
            # a part typed in keeps its base text: checked against theirs when saved
            versions[REPORT_ROW] = self.versions.get(REPORT_ROW, 1)
        if self.editing is not None:
            keep.add(self.editing)
            versions[self.editing[0]] = self.versions.get(self.editing[0], 1)
        if [m.id for m in measures] != [m.id for m in model.measures()]:
            model.reset_measures(measures)
            self.versions = versions
            session.changed.emit(Changes(self.report_id, rows=True, others=True,
                                         measures=frozenset(
                                             m.id for m in measures if m.id is not None)))
            return
        cells, replaced = [], []
        for old, new in zip(model.measures(), measures, strict=True):
            if old.kind is not new.kind or old.scores != new.scores or old.rounds != new.rounds:
                model.replace_measure(new)
                continue
            for f in MEASURE_TEXT_FIELDS:
                place, theirs = (int(new.id or 0), f), getattr(new, f)
                if getattr(old, f) == theirs or place in keep:
                    continue
                cells.append((*place, theirs))
                # what this clerk typed and still saw, now another's: said, not quiet
                if self.typed.get(place) == getattr(old, f):
                    replaced.append(Replaced(*place, self.typed.pop(place), theirs))
        self.versions = versions
        if cells:
            model.set_fields(cells)
            session.changed.emit(Changes(self.report_id, others=True, measures=frozenset(
                m for m, _f, _t in cells), fields=frozenset(f for _m, f, _t in cells)))
        if replaced:
            session.replaced.emit(replaced)

    def _refresh_report(self, fresh: Report, keep: set[Place]) -> bool:
        """Put other clerks' parts of the report in the session; False when a part they
        changed was left as this clerk has it (typed in, or kept unsent)."""
        report, parts, left = self.session.report, [], False
        for name in sorted(REPORT_EDITABLE_FIELDS):
            for part, _mine, theirs in changed_parts(name, getattr(report, name),
                                                     getattr(fresh, name)):
                typed = part in self.typing or (REPORT_ROW, part) in keep or (
                    part == "memo" and any(p.startswith("memo.") for p in self.typing))
                if typed:
                    left = True
                else:
                    parts.append((part, theirs))
        if parts:
            fields = self._show_report(parts)
            self.session.changed.emit(Changes(self.report_id, report_fields=frozenset(fields),
                                              others=True))
        return not left
