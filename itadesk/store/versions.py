"""Several clerks on one report: row versions, conflicts, and who changed what.

An edit names the version of the row the clerk's text was typed over and the text the
cell had then (`CellEdit`). It is saved when the row is still at that version, or when
only other cells of the row changed since (the cell still holds that text). When another
clerk saved a different text into the same cell meanwhile, nothing is written: the edit
comes back as a `Conflict` (their text, who, the row's version now), for the clerk to
choose (keep mine: send it again over that version; take theirs: drop it). Nothing is
locked while anyone types: the check and the write are one short transaction.

The report's own row is checked the same way, its "cells" being its parts
(domain/report_parts.py): a text field, its signers, each of its options, each part of
its memo; the report's version counts the edits of them all.
"""

from __future__ import annotations

import dataclasses
import getpass
from collections.abc import Sequence
from typing import Any

from ..domain import MEASURE_TEXT_FIELDS
from ..domain.report_parts import field_of
from .dialect import Connection
from .report_rows import read_part, write_part

REPORT_ROW = 0  # measure_id of an edit of the report's own fields


@dataclasses.dataclass(frozen=True)
class CellEdit:
    measure_id: int  # REPORT_ROW for a field of the report itself
    field: str
    text: str
    version: int  # the row's version the text was typed over
    base: str  # the cell's text at that version


@dataclasses.dataclass(frozen=True)
class Conflict:
    edit: CellEdit
    theirs: str  # the text in the library now
    version: int  # the row's version now: "keep mine" sends the edit again over it
    who: str  # who saved `theirs`

    def keep_mine(self) -> CellEdit:
        return dataclasses.replace(self.edit, version=self.version, base=self.theirs)


@dataclasses.dataclass(frozen=True)
class EditOutcome:
    versions: dict[int, int]  # row (measure id, REPORT_ROW) → its version after the edits
    conflicts: tuple[Conflict, ...] = ()
    gone: tuple[CellEdit, ...] = ()  # the row was deleted meanwhile: nothing to write into

    @property
    def saved(self) -> bool:
        return not self.conflicts and not self.gone


def local_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment or the password file
        return "?"


def _row(conn: Connection, report_id: int, measure_id: int, field: str) -> Any:
    """(the cell's text, its row's version), or None: no such row. A field of the report
    itself is any part of it (domain/report_parts.py: 'title', 'signers', 'options.cover')."""
    if measure_id == REPORT_ROW:
        field_of(field)  # KeyError for no part of a report
        row = conn.execute("SELECT version FROM report WHERE id = ?", (report_id,)).fetchone()
        return None if row is None else (read_part(conn, report_id, field), row[0])
    if field not in MEASURE_TEXT_FIELDS:
        raise KeyError(field)
    return conn.execute(f"SELECT {field}, version FROM measure WHERE id = ? AND report_id = ?",
                        (measure_id, report_id)).fetchone()


def _last_writer(conn: Connection, report_id: int, measure_id: int, field: str) -> str:
    row = conn.execute("SELECT who FROM change_log WHERE report_id = ? AND measure_id = ?"
                       " AND field = ? ORDER BY id DESC LIMIT 1",
                       (report_id, measure_id, field)).fetchone()
    return str(row[0]) if row else ""


def write_cell(conn: Connection, who: str, now: str, report_id: int, measure_id: int,
               field: str, text: str) -> int | None:
    """Write one cell, count its row's version, note who; the row's new version (None:
    no such row). Unconditional: `apply` checks first."""
    row = _row(conn, report_id, measure_id, field)
    if row is None:
        return None
    if row[0] == text:
        return int(row[1])
    if measure_id == REPORT_ROW:
        write_part(conn, report_id, field, text)
        conn.execute("UPDATE report SET version = version + 1 WHERE id = ?", (report_id,))
    else:
        conn.execute(f"UPDATE measure SET {field} = ?, version = version + 1 WHERE id = ?",
                     (text, measure_id))
    log(conn, who, now, report_id, measure_id, field, str(row[0]), text)
    return int(row[1]) + 1


def log(conn: Connection, who: str, now: str, report_id: int, measure_id: int, field: str,
        old: str = "", new: str = "") -> None:
    conn.execute("INSERT INTO change_log (at, who, report_id, measure_id, field, old, new)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?)",
                 (now, who, report_id, measure_id, field, old, new))


def apply(conn: Connection, who: str, now: str, report_id: int,
          edits: Sequence[CellEdit]) -> EditOutcome:
    versions: dict[int, int] = {}
    conflicts, gone = [], []
    for edit in edits:
        row = _row(conn, report_id, edit.measure_id, edit.field)
        if row is None:
            gone.append(edit)
            continue
        current, version = str(row[0]), int(row[1])
        if version != edit.version and current not in (edit.base, edit.text):
            conflicts.append(Conflict(edit, current, version,
                                      _last_writer(conn, report_id, edit.measure_id,
                                                   edit.field)))
            versions[edit.measure_id] = version
            continue
        # the same version, or only other cells changed, or the text is there already
        # (an edit sent again after a commit whose answer the network lost)
        new = write_cell(conn, who, now, report_id, edit.measure_id, edit.field, edit.text)
        versions[edit.measure_id] = version if new is None else new
    return EditOutcome(versions, tuple(conflicts), tuple(gone))


def row_versions(conn: Connection, report_id: int) -> dict[int, int]:
    """Each row's version: the measures' by id, the report's own under REPORT_ROW."""
    out = {int(mid): int(v) for mid, v in conn.execute(
        "SELECT id, version FROM measure WHERE report_id = ?", (report_id,))}
    row = conn.execute("SELECT version FROM report WHERE id = ?", (report_id,)).fetchone()
    if row is not None:
        out[REPORT_ROW] = int(row[0])
    return out


@dataclasses.dataclass(frozen=True)
class Change:
    at: str
    who: str
    measure_id: int
    field: str
    old: str
    new: str


def changes(conn: Connection, report_id: int) -> list[Change]:
    return [Change(*row) for row in conn.execute(
        "SELECT at, who, measure_id, field, old, new FROM change_log WHERE report_id = ?"
        " ORDER BY id", (report_id,))]
