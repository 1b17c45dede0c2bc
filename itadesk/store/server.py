"""Opening a library on a PostgreSQL server (`postgresql://…`): the office's shared one.

The password is never ours to keep: libpq reads it from the clerk's own passfile
(~/.pgpass, or %APPDATA%\\postgresql\\pgpass.conf, rights 0600) or the service file. TLS is
used when the server offers it (libpq's sslmode=prefer, unless the address says otherwise).
"""

from __future__ import annotations

import contextlib
import re
import urllib.parse
from pathlib import Path
from typing import Any

from .dialect import APPLICATION_ID, ServerConnection
from .errors import (
    LibraryError,
    LibraryMissing,
    LibraryReadOnly,
    LoginFailed,
    NewerLibrary,
    NotALibrary,
    ServerUnreachable,
    WriteFailed,
)
from .location import display_path as display_path  # their old home: server.…
from .location import is_server as is_server
from .schema import LATEST_VERSION, migrate

# libpq's words when the login is refused before any SQLSTATE (its messages are English)
_LOGIN_REFUSED = re.compile(r'authentication failed for user|no password supplied'
                            r'|role "[^"]*" does not exist')
APPLICATION_NAME = "ITA Desk"
CONNECT_TIMEOUT = 5  # seconds: a server that is off is said so, not waited for


def without_password(url: str) -> str:
    """The address as shown and logged: a password typed into it is never repeated."""
    parts = urllib.parse.urlsplit(url)
    if parts.password is None:
        query = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
        if not any(k == "password" for k, _v in query):
            return url
    netloc = parts.netloc.rsplit("@", 1)
    if len(netloc) == 2:
        user = netloc[0].split(":", 1)[0]
        netloc = [f"{user}@{netloc[1]}"]
    query = urllib.parse.urlencode([(k, v) for k, v in urllib.parse.parse_qsl(
        parts.query, keep_blank_values=True) if k != "password"])
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc[0], query=query))


def raw_connection(url: str, application: str = APPLICATION_NAME) -> Any:
    import psycopg

    return psycopg.connect(url, autocommit=True, application_name=application,
                           connect_timeout=CONNECT_TIMEOUT)


def connect(url: str, *, application: str = APPLICATION_NAME) -> ServerConnection:
    """A connection that is made again after the server comes back (ServerConnection)."""
    import psycopg

    path = display_path(url)
    try:
        raw = raw_connection(url, application)
    except psycopg.Error as exc:
        raise translate(exc, path) from exc
    conn = ServerConnection(raw, lambda: raw_connection(url, conn.application),
                            lambda exc: translate(exc, path))
    conn.application = application
    return conn


def prepare(conn: ServerConnection, path: Path, *, create: bool,
            seed: Any = None) -> bool:
    """Check, and make or migrate the library in its database; True when it is new.
    Two clerks starting at once: the advisory lock lets one migrate, the other waits."""
    import psycopg

    try:
        conn.execute("BEGIN")
        conn.execute("SELECT pg_advisory_xact_lock(?)", (APPLICATION_ID,))
        _as_owner(conn)
        ours = conn.execute("SELECT to_regclass('itadesk_schema')").fetchone()[0]
        if ours is None:
            tables = conn.execute(
                "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"
            ).fetchone()[0]
            if tables:
                raise NotALibrary(path, f"{tables} tables of another program")
            if not create:
                raise LibraryMissing(path)
            conn.execute("CREATE TABLE itadesk_schema (application TEXT NOT NULL,"
                         " version INTEGER NOT NULL)")
            conn.execute("INSERT INTO itadesk_schema VALUES ('ITAD', 0)")
            version = 0
        else:
            row = conn.execute("SELECT application, version FROM itadesk_schema").fetchone()
            if row is None or row[0] != "ITAD":
                raise NotALibrary(path, "itadesk_schema without ITAD")
            version = int(row[1])
        if version > LATEST_VERSION:
            raise NewerLibrary(path, version, LATEST_VERSION)
        if version < LATEST_VERSION:
            migrate(conn, version)
            if version == 0 and seed is not None:
                seed(conn)
        conn.execute("COMMIT")
    except psycopg.Error as exc:
        _rollback(conn)
        raise translate(exc, path) from exc
    except BaseException:
        _rollback(conn)
        raise
    return version == 0


def _as_owner(conn: ServerConnection) -> None:
    """Tables made or changed as the database's owner (the office's group role, README)
    when the clerk is a member of it: every clerk of the office may then use them, not
    only the one who happened to open the library first. For this transaction only."""
    owner = conn.execute(
        "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"
    ).fetchone()[0]
    member = conn.execute("SELECT pg_has_role(session_user, ?, 'MEMBER')", (owner,)).fetchone()
    if member and member[0]:
        conn.execute("SELECT set_config('role', ?, true)", (owner,))


def _rollback(conn: ServerConnection) -> None:
    import psycopg

    with contextlib.suppress(psycopg.Error):
        conn.execute("ROLLBACK")


def translate(exc: Exception, path: Path) -> LibraryError:
    import psycopg

    if getattr(exc, "sqlstate", None) in ("28000", "28P01") or _LOGIN_REFUSED.search(str(exc)):
        return LoginFailed(path, str(exc))
    if isinstance(exc, psycopg.errors.InsufficientPrivilege):
        return LibraryReadOnly(path)
    if isinstance(exc, psycopg.OperationalError) or conn_lost(exc):
        return ServerUnreachable(path, str(exc))
    return WriteFailed(path, str(exc))


def conn_lost(exc: Exception) -> bool:
    """The connection itself failed (server stopped, network cut), not a statement."""
    import psycopg

    return isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError) or (
        getattr(exc, "sqlstate", None) or "").startswith(("08", "57P"))
