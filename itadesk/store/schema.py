"""Schema as a numbered chain of migrations, the same steps on both back ends: the version
is PRAGMA user_version in a library file, table itadesk_schema on a server (dialect.py).

Step N turns a version N-1 library into version N. Never edit a released step: add one.
Each step is tested from a kept library file of the version before it (tests/support/),
and on a server from a library of each older version (tests/test_store.py). A step is
written in SQLite's SQL; dialect.server_spelling says it the PostgreSQL way.
"""

from __future__ import annotations

from collections.abc import Callable

from .dialect import APPLICATION_ID, Connection, dialect_of

__all__ = ["APPLICATION_ID", "LATEST_VERSION", "MIGRATIONS", "migrate"]


def _run(conn: Connection, script: str) -> None:
    # Not executescript(): it commits first, and a migration must be one transaction.
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def _v1(conn: Connection) -> None:
    _run(
        conn,
        """
        CREATE TABLE report (
            id           INTEGER PRIMARY KEY,
            layout       TEXT NOT NULL,
            title        TEXT NOT NULL DEFAULT '',
            municipality TEXT NOT NULL DEFAULT '',
            district     TEXT NOT NULL DEFAULT '',
            province     TEXT NOT NULL DEFAULT '',
            fiscal_year  INTEGER NOT NULL,
            period       TEXT NOT NULL DEFAULT '',
            opening      TEXT NOT NULL DEFAULT '',
            closing      TEXT NOT NULL DEFAULT '',
            prepared_by  TEXT NOT NULL DEFAULT '',
            options      TEXT NOT NULL DEFAULT '{}',
            created      TEXT NOT NULL,
            updated      TEXT NOT NULL
        );
        CREATE TABLE measure (
            id          INTEGER PRIMARY KEY,
            report_id   INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
            position    INTEGER NOT NULL,
            kind        TEXT NOT NULL DEFAULT 'measure',
            code        TEXT NOT NULL DEFAULT '',
            title       TEXT NOT NULL DEFAULT '',
            activity    TEXT NOT NULL DEFAULT '',
            steps       TEXT NOT NULL DEFAULT '',
            owner       TEXT NOT NULL DEFAULT '',
            timing      TEXT NOT NULL DEFAULT '',
            result      TEXT NOT NULL DEFAULT '',
            outcome     TEXT NOT NULL DEFAULT '',
            budget      TEXT NOT NULL DEFAULT '',
            problems    TEXT NOT NULL DEFAULT '',
            suggestions TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX measure_order ON measure(report_id, position);
        CREATE TABLE score (
            id         INTEGER PRIMARY KEY,
            measure_id INTEGER NOT NULL REFERENCES measure(id) ON DELETE CASCADE,
            position   INTEGER NOT NULL,
            topic      TEXT NOT NULL DEFAULT '',
            previous   TEXT NOT NULL DEFAULT '',
            current    TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX score_order ON score(measure_id, position);
        CREATE TABLE signer (
            id        INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
            position  INTEGER NOT NULL,
            name      TEXT NOT NULL DEFAULT '',
            positions TEXT NOT NULL DEFAULT '',
            role      TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX signer_order ON signer(report_id, position);
        """
    )


def _v2(conn: Connection) -> None:
    # The library's own id: its backups are kept under it, and a backup is put back only
    # into the library it was taken from (file names can be alike, or be renamed).
    _run(
        conn,
        """
        CREATE TABLE library_info (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        INSERT INTO library_info (key, value) VALUES ('id', lower(hex(randomblob(16))))
        """
    )


def _v3(conn: Connection) -> None:
    # The cover memo gets tables of its own: it was an untyped dict in the report's
    # options ("memo_form", signed by the report's first signer; the picture in
    # "garuda_image"). Both leave the options; what was there is moved over as it was.
    _run(
        conn,
        """
        CREATE TABLE memo (
            report_id        INTEGER PRIMARY KEY REFERENCES report(id) ON DELETE CASCADE,
            agency           TEXT NOT NULL DEFAULT '',
            number           TEXT NOT NULL DEFAULT '',
            date             TEXT NOT NULL DEFAULT '',
            subject          TEXT NOT NULL DEFAULT '',
            "to"             TEXT NOT NULL DEFAULT '',
            background       TEXT NOT NULL DEFAULT '',
            facts            TEXT NOT NULL DEFAULT '',
            proposal         TEXT NOT NULL DEFAULT '',
            closing          TEXT NOT NULL DEFAULT '',
            signer_name      TEXT NOT NULL DEFAULT '',
            signer_positions TEXT NOT NULL DEFAULT '',
            signer_role      TEXT NOT NULL DEFAULT '',
            garuda_image     TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE memo_endorsement (
            id        INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES memo(report_id) ON DELETE CASCADE,
            position  INTEGER NOT NULL,
            text      TEXT NOT NULL DEFAULT '',
            name      TEXT NOT NULL DEFAULT '',
            positions TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX memo_endorsement_order ON memo_endorsement(report_id, position)
        """
    )
    from .memo_rows import move_old_memos

    move_old_memos(conn)


def _v4(conn: Connection) -> None:
    # The municipality's own layouts, each as its layout file says it (docs/layouts.md):
    # JSON, so a layout that gains a key needs no step here.
    _run(
        conn,
        """
        CREATE TABLE layout (
            id         TEXT PRIMARY KEY,
            definition TEXT NOT NULL,
            created    TEXT NOT NULL,
            updated    TEXT NOT NULL
        )
        """
    )


def _v5(conn: Connection) -> None:
    # One report carries its measures through the year: the result and outcome texts
    # kept per round (รอบ ๖ เดือน, รอบ ๑๒ เดือน), beside the measure's current ones.
    _run(
        conn,
        """
        CREATE TABLE measure_round (
            measure_id INTEGER NOT NULL REFERENCES measure(id) ON DELETE CASCADE,
            round      TEXT NOT NULL,
            result     TEXT NOT NULL DEFAULT '',
            outcome    TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (measure_id, round)
        )
        """
    )


def _v6(conn: Connection) -> None:
    # The OIT items of a year as the clerk corrected or filled them in (the program ships
    # 2567 and 2568 empty), kept as the catalogue's JSON (domain/oit.py, format 1).
    _run(
        conn,
        """
        CREATE TABLE oit_year (
            fiscal_year INTEGER PRIMARY KEY,
            definition  TEXT NOT NULL,
            updated     TEXT NOT NULL
        )
        """
    )


def _v7(conn: Connection) -> None:
    # Where each report came from (made here, imported from which file, next year of
    # which report) and which copy of its municipality and year it is, so that the
    # library list tells apart reports that are otherwise alike. Reports from before
    # this step are of unknown origin ('') and each the first copy.
    _run(
        conn,
        """
        CREATE TABLE report_origin (
            report_id INTEGER PRIMARY KEY REFERENCES report(id) ON DELETE CASCADE,
            kind      TEXT NOT NULL DEFAULT '',
            source    TEXT NOT NULL DEFAULT '',
            copy      INTEGER NOT NULL DEFAULT 1
        )
        """
    )


def _v8(conn: Connection) -> None:
    # The plan of the measures says how each is followed up (การกำกับติดตาม), a field of
    # its own beside the steps, the owner and the timing.
    conn.execute("ALTER TABLE measure ADD COLUMN monitoring TEXT NOT NULL DEFAULT ''")


def _v9(conn: Connection) -> None:
    # The text of an editor still open (a cell, a field of a form), kept a moment after
    # each pause in typing so that a crash or a power cut loses none of it; offered back
    # at the next start. A measure's field has its measure id; a form's field (a report's
    # or its memo's, such as 'report.opening' or 'memo.facts') has measure_id 0. `base` is
    # the saved text it was typed over.
    _run(
        conn,
        """
        CREATE TABLE draft (
            report_id  INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
            measure_id INTEGER NOT NULL DEFAULT 0,
            field      TEXT NOT NULL,
            text       TEXT NOT NULL,
            base       TEXT NOT NULL DEFAULT '',
            saved      TEXT NOT NULL,
            PRIMARY KEY (report_id, measure_id, field)
        )
        """
    )


def _v10(conn: Connection) -> None:
    # Several clerks on one report (the office's server): each report and measure row
    # counts its edits, so that an edit typed over version n of a row is never written
    # over a newer one unseen (versions.py); and who changed what, when, is kept (on a
    # server the clerk's own login, on a PC the computer's user).
    conn.execute("ALTER TABLE report ADD COLUMN version INTEGER NOT NULL DEFAULT 1")
    conn.execute("ALTER TABLE measure ADD COLUMN version INTEGER NOT NULL DEFAULT 1")
    _run(
        conn,
        """
        CREATE TABLE change_log (
            id         INTEGER PRIMARY KEY,
            at         TEXT NOT NULL,
            who        TEXT NOT NULL,
            report_id  INTEGER NOT NULL,
            measure_id INTEGER NOT NULL DEFAULT 0,
            field      TEXT NOT NULL,
            old        TEXT NOT NULL DEFAULT '',
            new        TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX change_log_report ON change_log(report_id, id)
        """
    )


MIGRATIONS: tuple[Callable[[Connection], None], ...] = (
    _v1, _v2, _v3, _v4, _v5, _v6, _v7, _v8, _v9, _v10)
LATEST_VERSION = len(MIGRATIONS)


def migrate(conn: Connection, from_version: int) -> None:
    """Run the missing steps, each in the caller's transaction."""
    for version in range(from_version + 1, LATEST_VERSION + 1):
        MIGRATIONS[version - 1](conn)
    dialect_of(conn).set_version(conn, LATEST_VERSION)
