"""What one step changed, so that each view redoes only its part (Anki's OpChanges).

The session that applies a step (an edit, an undo, a new report) hands every view one
`Changes`; the checks re-check the measures named here, the preview leaves alone what
a step did not touch, the library list follows created and deleted reports.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    report_id: int | None = None  # which report
    measures: frozenset[int] = frozenset()  # ids of the measures whose text changed
    fields: frozenset[str] = frozenset()  # which of their fields
    rows: bool = False  # measures added, removed or moved: row numbers shift
    report_fields: frozenset[str] = frozenset()  # layout, fiscal_year, options, signers …
    created: bool = False  # the report came into the library (new, imported, undone delete)
    deleted: bool = False  # the report left the library
    # it came back as it was (a delete undone, a creation redone): the window says so,
    # in place of the message that it was deleted
    restored: bool = False
    # another clerk's change, heard from the office's server: a form field the clerk is
    # typing in is left as it is (its text is checked against theirs when it is saved)
    others: bool = False

    def touches_report(self) -> bool:
        """Anything a document of the report shows."""
        return bool(self.measures or self.rows or self.report_fields)


# Where an undone or redone step changed the report, in the order it changed them: the
# window goes there, as Word and Excel do, so that the clerk sees what came back.
@dataclass(frozen=True)
class CellsSpot:
    cells: tuple[tuple[int, str], ...]  # (measure id, field): the cells the step was on


@dataclass(frozen=True)
class RowsSpot:
    ids: tuple[int, ...]  # the measures now there (none: rows taken away)
    at: int  # the row where they are, or where the rows taken away were


@dataclass(frozen=True)
class FieldSpot:
    name: str  # a report field (municipality, signers, memo, options …)
    old: object
    new: object


Spot = CellsSpot | RowsSpot | FieldSpot
