"""Start-up copies of the library, each library's in a folder of its own.

backups/<library id>/<taken>.sqlite: the id is stored inside the library (schema step 2),
so libraries with alike names (ITA, ITA-2567, "[ITA] 2568") never see, prune or restore
each other's copies, and a long name is never part of a backup's name. A copy is put back
only into the library whose id it carries. Copies made before ids (backups/<name>-<taken>
.sqlite) are still found, by their exact name, as long as they carry no other id.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import re
import shutil
import sqlite3
import uuid
from pathlib import Path

from ..thai.dates import thai_date
from ..thai.digits import to_thai_digits
from .errors import BackupMismatch, NewerLibrary, RestoreFailed
from .filesystem import read_only_target
from .schema import APPLICATION_ID, LATEST_VERSION, migrate

ROOT = "backups"
# Which library file a folder's copies were taken from: the one way to find the copies of
# a library so damaged that its id cannot be read.
NAME_FILE = "library-name.txt"
_STAMP = "%Y%m%d-%H%M%S-%f"
_TAKEN = r"(\d{8}-\d{6}-\d{6})"
_COPY = re.compile(_TAKEN + r"\.sqlite")
_TEMPORARY = re.compile(r".*\.tmp(-journal|-wal|-shm)?")
RESTORING = "restoring.sqlite.tmp"
MAX_NAME_BYTES = 255


@dataclasses.dataclass(frozen=True)
class Backup:
    path: Path
    taken: dt.datetime
    library_id: str | None = None  # None: an old copy, from before libraries had ids

    @property
    def label(self) -> str:
        """'๔ มีนาคม ๒๕๖๘ เวลา ๐๙:๐๕:๐๖ น.'"""
        return (f"{thai_date(self.taken.date())} เวลา "
                f"{to_thai_digits(self.taken.strftime('%H:%M:%S'))} น.")


def backup_root(library: Path) -> Path:
    return library.parent / ROOT


def backup_dir(library: Path, library_id: str) -> Path:
    return backup_root(library) / library_id


def new_library_id() -> str:
    return uuid.uuid4().hex


def read_library_id(path: Path) -> str | None:
    """The id stored in a library or backup file; None if it has none or cannot be read.

    Never call it on a library this process holds: closing a second descriptor of that
    file would drop the lock (POSIX).
    """
    if not path.is_file():
        return None
    with contextlib.suppress(sqlite3.Error, OSError, ValueError):
        target, uri = read_only_target(path)
        conn = sqlite3.connect(target, uri=uri)
        try:
            row = conn.execute("SELECT value FROM library_info WHERE key = 'id'").fetchone()
            return str(row[0]) if row else None
        finally:
            conn.close()
    return None


def _taken(stamp: str) -> dt.datetime | None:
    try:
        return dt.datetime.strptime(stamp, _STAMP)
    except ValueError:
        return None


def _legacy_pattern(library: Path, tail: str) -> re.Pattern[str]:
    return re.compile(re.escape(library.stem) + "-" + _TAKEN + tail)


def _legacy_backups(library: Path, library_id: str | None) -> list[Backup]:
    root = backup_root(library)
    pattern = _legacy_pattern(library, r"\.sqlite")
    out = []
    with contextlib.suppress(OSError):
        for p in root.iterdir():
            match = pattern.fullmatch(p.name)
            taken = _taken(match[1]) if match else None
            # an old copy is this library's by its exact name, unless it says otherwise
            if taken and read_library_id(p) in (None, library_id):
                out.append(Backup(p, taken, None))
    return out


def _own_backups(folder: Path, library_id: str) -> list[Backup]:
    out = []
    with contextlib.suppress(OSError):
        for p in folder.iterdir():
            match = _COPY.fullmatch(p.name)
            taken = _taken(match[1]) if match else None
            # the id inside decides: a copy moved here by hand from elsewhere is not offered
            if taken and read_library_id(p) == library_id:
                out.append(Backup(p, taken, library_id))
    return out


def list_backups(library: Path, library_id: str) -> list[Backup]:
    """This library's copies, newest first."""
    found = _own_backups(backup_dir(library, library_id), library_id)
    found += _legacy_backups(library, library_id)
    return sorted(found, key=lambda b: b.taken, reverse=True)


def backups_of_damaged(library: Path, by_id: bool = True) -> list[Backup]:
    """The copies of a library that cannot be opened: by its id if that can still be read
    (by_id: only once the library is closed), else those whose folder says they were taken
    from a file of exactly this name."""
    library_id = read_library_id(library) if by_id else None
    if library_id:
        return list_backups(library, library_id)
    found: list[Backup] = []
    with contextlib.suppress(OSError):
        for folder in backup_root(library).iterdir():
            if _read_name(folder / NAME_FILE) == library.name:
                found += _own_backups(folder, folder.name)
    found += _legacy_backups(library, None)
    return sorted(found, key=lambda b: b.taken, reverse=True)


def _read_name(name_file: Path) -> str | None:
    with contextlib.suppress(OSError, UnicodeDecodeError):
        return name_file.read_text(encoding="utf-8").strip()
    return None


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def remove_temporary(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        _remove(Path(f"{path}{suffix}"))


def take(conn: sqlite3.Connection, library: Path, library_id: str, keep: int = 10) -> Path:
    """Copy the open library into its folder, then drop all but the newest `keep` copies.

    Raises OSError or sqlite3.Error when the copy cannot be made; nothing is left of it.
    """
    folder = backup_dir(library, library_id)
    folder.mkdir(parents=True, exist_ok=True)
    name_file = folder / NAME_FILE
    if _read_name(name_file) != library.name:
        name_file.write_text(library.name + "\n", encoding="utf-8")
    target = folder / f"{dt.datetime.now().strftime(_STAMP)}.sqlite"
    tmp = target.with_name(target.name + ".tmp")
    try:
        dest = sqlite3.connect(tmp)
        try:
            conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        _fsync(tmp)
        os.replace(tmp, target)
    except BaseException:
        remove_temporary(tmp)
        raise
    for old in list_backups(library, library_id)[keep:]:
        _remove(old.path)
    return target


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_leftovers(library: Path, library_id: str) -> int:
    """Remove what unfinished backups and restores of this library left (the caller holds
    the library, so no one else is writing them)."""
    removed = 0
    candidates: list[Path] = []
    with contextlib.suppress(OSError):
        candidates += [p for p in backup_dir(library, library_id).iterdir()
                       if _TEMPORARY.fullmatch(p.name)]
    legacy = _legacy_pattern(library, r"\.tmp(-journal|-wal|-shm)?")
    with contextlib.suppress(OSError):
        candidates += [p for p in backup_root(library).iterdir() if legacy.fullmatch(p.name)]
    for path in candidates:
        with contextlib.suppress(OSError):
            path.unlink()
            removed += 1
    return removed


def adopt(copy: Path, library_id: str) -> None:
    """Make a copy about to be put back a whole library of this id, at the latest version.

    Refuses a copy that carries another library's id, or that is no library of ours.
    """
    conn = sqlite3.connect(copy, isolation_level=None)
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise BackupMismatch(copy, f"application_id={app_id:#x}")
        if version > LATEST_VERSION:
            raise NewerLibrary(copy, version, LATEST_VERSION)
        has_id = conn.execute(
            "SELECT count(*) FROM sqlite_schema WHERE name = 'library_info'").fetchone()[0]
        own = conn.execute(
            "SELECT value FROM library_info WHERE key = 'id'").fetchone() if has_id else None
        if own and own[0] != library_id:
            raise BackupMismatch(copy, f"id {own[0]} is not {library_id}")
        conn.execute("BEGIN IMMEDIATE")
        migrate(conn, version)
        conn.execute("INSERT OR REPLACE INTO library_info (key, value) VALUES ('id', ?)",
                     (library_id,))
        conn.execute("COMMIT")
        conn.execute("PRAGMA journal_mode = DELETE")
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise BackupMismatch(copy, "quick_check failed")
    finally:
        conn.close()


def fitted_name(stem: str, tail: str) -> str:
    """stem + tail, the stem shortened so that the name stays within what disks take."""
    while stem and (len((stem + tail).encode("utf-8")) > MAX_NAME_BYTES
                    or len(stem + tail) > MAX_NAME_BYTES):
        stem = stem[:-1]
    return stem + tail


def prepared_copy(library: Path, backup: Backup, library_id: str) -> Path:
    """A checked copy of `backup`, made whole for this library, ready for `swap`; it is set
    aside, so pruning the backups cannot take it away."""
    folder = backup_dir(library, library_id)
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / RESTORING
    try:
        shutil.copyfile(backup.path, tmp)
        adopt(tmp, library_id)
        _fsync(tmp)
    except (OSError, sqlite3.Error) as exc:
        remove_temporary(tmp)
        raise RestoreFailed(backup.path, str(exc)) from exc
    except BaseException:
        remove_temporary(tmp)
        raise
    return tmp


def swap(library: Path, copy: Path, kept_as: str) -> Path:
    """Put `copy` in the library's place (the library is not open). The file it replaces
    is kept beside it (<name>-damaged-… or -replaced-…); returns that file's path."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = library.with_name(fitted_name(library.stem, f"-{kept_as}-{stamp}{library.suffix}"))
    try:
        if library.exists():
            os.replace(library, kept)
        for suffix in ("-wal", "-shm"):
            side = Path(f"{library}{suffix}")
            if side.exists():
                os.replace(side, Path(f"{kept}{suffix}"))
        os.replace(copy, library)
    except OSError as exc:
        raise RestoreFailed(library, str(exc)) from exc
    return kept


def restore_damaged(library: Path, backup: Backup) -> Path:
    """Put a copy in place of a library that cannot be opened; returns where the damaged
    file was kept."""
    library_id = backup.library_id or new_library_id()
    try:
        return swap(library, prepared_copy(library, backup, library_id), "damaged")
    finally:
        remove_temporary(backup_dir(library, library_id) / RESTORING)
