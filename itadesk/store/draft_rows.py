"""Drafts (table `draft`, schema step 9): the text of an editor still open, kept so that a
crash loses none of it. Plain SQL that PostgreSQL takes as it is (its ON CONFLICT too)."""

from __future__ import annotations

from ..domain import Draft
from .dialect import Connection


def keep(conn: Connection, draft: Draft, now: str) -> None:
    conn.execute(
        "INSERT INTO draft (report_id, measure_id, field, text, base, saved)"
        " VALUES (?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (report_id, measure_id, field) DO UPDATE SET text = excluded.text,"
        " base = excluded.base, saved = excluded.saved",
        (draft.report_id, draft.measure_id, draft.field, draft.text, draft.base, now))


def drop(conn: Connection, report_id: int, measure_id: int, field: str) -> None:
    conn.execute("DELETE FROM draft WHERE report_id = ? AND measure_id = ? AND field = ?",
                 (report_id, measure_id, field))


def load(conn: Connection, report_id: int) -> list[Draft]:
    return [Draft(*row) for row in conn.execute(
        "SELECT report_id, measure_id, field, text, base, saved FROM draft"
        " WHERE report_id = ? ORDER BY saved, measure_id, field", (report_id,))]
