"""Opening a library file: what it is, how it may be opened, and what to call a failure.

Nothing is written before the file is known to be ours and readable: a foreign, newer,
damaged or read-only file is left exactly as it was.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path

from . import backup
from .errors import (
    CorruptLibrary,
    FolderNotWritable,
    LibraryError,
    LibraryInUse,
    LibraryMissing,
    NewerLibrary,
    NotAFile,
    NotALibrary,
    WriteFailed,
)
from .filesystem import read_only_target
from .schema import APPLICATION_ID, LATEST_VERSION, migrate

SQLITE_MAGIC = b"SQLite format 3\x00"
_APP_ID_AT = 68  # where SQLite keeps PRAGMA application_id in the header (big-endian)

Seed = Callable[[sqlite3.Connection], None]


class Unreadable(Exception):
    """SQLite cannot read the file: damaged if it is ours, foreign otherwise (`classify`)."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


def check_path(path: Path, create: bool) -> bool:
    """Whether the library exists; refuses what is no file, and (create=False) a missing
    one, before anything is made."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise FolderNotWritable(path.parent, str(exc)) from exc
    if mode is not None:
        if stat.S_ISDIR(mode):
            raise NotAFile(path, folder=True)
        if not stat.S_ISREG(mode):
            raise NotAFile(path, folder=False)  # a pipe would hang the open for ever
        check_header(path)
        return True
    if not create:
        raise LibraryMissing(path)
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FolderNotWritable(folder, str(exc)) from exc
    if not os.access(folder, os.W_OK):
        raise FolderNotWritable(folder)
    return False


def _head(path: Path, size: int) -> bytes:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        return os.read(fd, size)
    finally:
        os.close(fd)


def check_header(path: Path) -> None:
    try:
        head = _head(path, len(SQLITE_MAGIC))
    except PermissionError as exc:
        raise FolderNotWritable(path.parent, str(exc)) from exc
    except OSError as exc:
        raise CorruptLibrary(path, str(exc)) from exc
    if head and head != SQLITE_MAGIC:
        raise classify(path, "not an SQLite file")


def header_says_ours(path: Path) -> bool:
    with contextlib.suppress(OSError):
        head = _head(path, 100)
        return (head.startswith(SQLITE_MAGIC) and len(head) >= _APP_ID_AT + 4
                and int.from_bytes(head[_APP_ID_AT:_APP_ID_AT + 4], "big") == APPLICATION_ID)
    return False


def classify(path: Path, detail: str, *, by_id: bool = True) -> LibraryError:
    """A file SQLite could not use: ours and damaged (its header says so, or it has
    backups), or someone else's. Call it only once the file is closed (POSIX locks)."""
    copies = backup.backups_of_damaged(path, by_id=by_id)
    if copies or header_says_ours(path):
        return CorruptLibrary(path, detail, copies)
    return NotALibrary(path, detail)


def is_read_only(path: Path) -> bool:
    """The file's own read-only mark (honoured even for an administrator, who could write
    anyway), no right to write it, or a folder or medium that takes no writes (no journal)."""
    with contextlib.suppress(OSError):
        if not path.stat().st_mode & stat.S_IWUSR:
            return True
    return not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK)


def connect(path: Path, read_only: bool) -> sqlite3.Connection:
    target: str | Path = path
    uri = False
    if read_only:
        wal = Path(f"{path}-wal")
        # Nothing can change a file that takes no writes; and so SQLite neither makes the
        # files it would read a write-ahead library with (a read-only folder could not
        # take them) nor leaves them beside it. A write-ahead log left by a writer that
        # died still holds commits: then it is read the ordinary way.
        target, uri = read_only_target(path, immutable=not (wal.exists() and wal.stat().st_size))
    try:
        return sqlite3.connect(target, timeout=0.2, isolation_level=None,
                               check_same_thread=False, uri=uri)
    except sqlite3.Error as exc:
        raise translate(exc, path) from exc


def prepare(conn: sqlite3.Connection, path: Path, *, read_only: bool, network: bool,
            existed: bool, create: bool, seed: Seed | None) -> tuple[sqlite3.Connection, bool]:
    """Lock, check, migrate: the connection to use, and whether the library is new.

    A new library is made in one transaction with what `seed` adds (the demo reports):
    a start killed half-way leaves an empty file, which the next start makes again.
    """
    try:
        if read_only:
            conn.execute("BEGIN")
        else:
            conn.execute("PRAGMA locking_mode = EXCLUSIVE")
            # A write lock taken now is kept while we live (exclusive locking mode).
            conn.execute("BEGIN EXCLUSIVE")
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]
    except sqlite3.OperationalError as exc:
        text = str(exc).lower()
        if "locked" in text or "busy" in text or "readonly" in text:
            raise translate(exc, path) from exc
        raise Unreadable(str(exc)) from exc
    except sqlite3.DatabaseError as exc:
        raise Unreadable(str(exc)) from exc
    try:
        if app_id != APPLICATION_ID and (app_id != 0 or tables or version):
            raise NotALibrary(path, f"application_id={app_id:#x}")
        if version > LATEST_VERSION:
            raise NewerLibrary(path, version, LATEST_VERSION)
        if tables:
            problems = [r[0] for r in conn.execute("PRAGMA quick_check")]
            if problems != ["ok"]:
                raise CorruptLibrary(path, "; ".join(problems[:3]))
        elif existed and (read_only or not create or backup.backups_of_damaged(
                path, by_id=False)):
            # an empty file: a library cut to nothing if it has copies; never made a
            # library by a read-only open or a command that only reads
            raise Unreadable("empty file")
        conn.execute("COMMIT")
        if read_only:
            conn.execute("PRAGMA query_only = ON")
            if version < LATEST_VERSION:
                conn = _migrated_in_memory(conn, version)
            return conn, False
        # A network file system gets a rollback journal (the write-ahead log needs memory
        # shared on one machine); FULL: a commit is on disk before the clerk is told saved.
        conn.execute(f"PRAGMA journal_mode = {'DELETE' if network else 'WAL'}")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        if version < LATEST_VERSION:
            conn.execute("BEGIN IMMEDIATE")
            migrate(conn, version)
            if version == 0 and seed is not None:
                seed(conn)
            conn.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise translate(exc, path) from exc
    except (LibraryError, Unreadable):
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise
    return conn, version == 0


def _migrated_in_memory(conn: sqlite3.Connection, version: int) -> sqlite3.Connection:
    """An older library that cannot be written is read through a migrated copy in memory."""
    memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    conn.backup(memory)
    conn.close()
    memory.execute("BEGIN IMMEDIATE")
    migrate(memory, version)
    memory.execute("COMMIT")
    memory.execute("PRAGMA query_only = ON")
    return memory


def translate(exc: sqlite3.Error, path: Path) -> LibraryError:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return LibraryInUse(path)
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return CorruptLibrary(path, str(exc))
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return FolderNotWritable(path.parent, str(exc))
    return WriteFailed(path, str(exc))
