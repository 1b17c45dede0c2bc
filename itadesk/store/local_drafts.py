"""A server library's drafts, kept on this PC: what this clerk typed and has not committed
is theirs alone (another clerk is never offered it), and it is kept while the server is
away (a lost connection loses no typing: it is offered back, to be saved, once the report
is opened again). One small SQLite file per server library, in the per-user state folder.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Sequence

from ..domain import Draft
from ..settings import state_folder
from . import draft_rows
from .versions import CellEdit


class LocalDrafts:
    def __init__(self, library_id: str) -> None:
        where = state_folder("drafts")
        where.mkdir(parents=True, exist_ok=True)
        self.path = where / f"{library_id}.sqlite"
        self._conn = sqlite3.connect(self.path, isolation_level=None, timeout=5,
                                     check_same_thread=False)
        self._conn.execute("PRAGMA journal_mode = WAL")
        self._conn.execute("PRAGMA synchronous = FULL")
        # step 9's table, without the key to a report that lives on the server
        self._conn.execute(
            "CREATE TABLE IF NOT EXISTS draft (report_id INTEGER NOT NULL,"
            " measure_id INTEGER NOT NULL DEFAULT 0, field TEXT NOT NULL, text TEXT NOT NULL,"
            " base TEXT NOT NULL DEFAULT '', saved TEXT NOT NULL,"
            " PRIMARY KEY (report_id, measure_id, field))")
        # edits the server could not take (it was away): sent when it is back
        self._conn.execute(
            "CREATE TABLE IF NOT EXISTS unsent (report_id INTEGER NOT NULL,"
            " measure_id INTEGER NOT NULL, field TEXT NOT NULL, text TEXT NOT NULL,"
            " version INTEGER NOT NULL, base TEXT NOT NULL,"
            " PRIMARY KEY (report_id, measure_id, field))")

    @contextlib.contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def keep(self, draft: Draft, now: str) -> None:
        with self._tx() as conn:
            draft_rows.keep(conn, draft, now)

    def drop(self, report_id: int, measure_id: int, field: str) -> None:
        with self._tx() as conn:
            draft_rows.drop(conn, report_id, measure_id, field)

    def drop_report(self, report_id: int) -> None:
        with self._tx() as conn:
            conn.execute("DELETE FROM draft WHERE report_id = ?", (report_id,))

    def load(self, report_id: int) -> list[Draft]:
        return draft_rows.load(self._conn, report_id)

    def hold(self, report_id: int, edits: Sequence[CellEdit]) -> None:
        """Keep edits to send later; a later edit of a cell takes its earlier one's place
        but keeps the version and text it was first typed over."""
        with self._tx() as conn:
            for e in edits:
                conn.execute(
                    "INSERT INTO unsent VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (report_id,"
                    " measure_id, field) DO UPDATE SET text = excluded.text",
                    (report_id, e.measure_id, e.field, e.text, e.version, e.base))

    def held(self, report_id: int) -> list[CellEdit]:
        return [CellEdit(*row) for row in self._conn.execute(
            "SELECT measure_id, field, text, version, base FROM unsent WHERE report_id = ?"
            " ORDER BY rowid", (report_id,))]

    def sent(self, report_id: int, edits: Sequence[CellEdit]) -> None:
        with self._tx() as conn:
            conn.executemany(
                "DELETE FROM unsent WHERE report_id = ? AND measure_id = ? AND field = ?"
                " AND text = ?", [(report_id, e.measure_id, e.field, e.text) for e in edits])

    def close(self) -> None:
        self._conn.close()
