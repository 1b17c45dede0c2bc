"""Learning of other clerks' changes on a server library, and who has a report open.

A `Watcher` has a connection of its own that LISTENs: every commit of an edit on the
server tells it which report changed (dialect.announce), in well under a second. Who has
a report open is what the server says of its sessions: each window names its session
after the report it shows (`Library.show_report`), and pg_stat_activity shows every
session's name and login to every user, with no table of ours to clean after a crash.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from .dialect import CHANNEL
from .server import APPLICATION_NAME, display_path, raw_connection, translate

REPORT_SESSION = APPLICATION_NAME + " #"  # + the report's id


def session_name(report_id: int | None) -> str:
    return APPLICATION_NAME if report_id is None else f"{REPORT_SESSION}{int(report_id)}"


class Watcher:
    """The reports other sessions changed. `fileno()` for a window's event loop; `poll()`
    never waits, `wait(seconds)` waits for the first change."""

    def __init__(self, url: str, own_pid: Callable[[], int] | None = None) -> None:
        self.url = url
        self.own_pid = own_pid  # our own library's session (now): its edits are ours
        self._conn: Any = None
        self.connect()

    def connect(self) -> None:
        import psycopg

        try:
            self._conn = raw_connection(self.url, APPLICATION_NAME + " (watch)")
            self._conn.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error as exc:
            raise translate(exc, display_path(self.url)) from exc

    @property
    def lost(self) -> bool:
        return self._conn is None or self._conn.broken or self._conn.closed

    def fileno(self) -> int:
        return int(self._conn.fileno())

    def wait(self, seconds: float) -> set[int]:
        """Reports changed by others, waiting up to `seconds` for the first; raises
        ServerUnreachable when the connection is lost (call connect() to listen again:
        a change made meanwhile was not heard, so reload what is shown)."""
        import psycopg

        if self.lost:
            self.connect()
        changed: set[int] = set()
        try:
            for note in self._conn.notifies(timeout=seconds, stop_after=1):
                self._take(note, changed)
            for note in self._conn.notifies(timeout=0):  # the rest already here
                self._take(note, changed)
        except psycopg.Error as exc:
            raise translate(exc, display_path(self.url)) from exc
        return changed

    def poll(self) -> set[int]:
        return self.wait(0)

    def _take(self, note: Any, changed: set[int]) -> None:
        if (self.own_pid is None or note.pid != self.own_pid()) and note.payload.isdigit():
            changed.add(int(note.payload))

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
            self._conn = None
