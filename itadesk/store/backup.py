"""Start-up copies of the library with SQLite's backup API; the newest few are kept."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from pathlib import Path


def backup_dir(library: Path) -> Path:
    return library.parent / "backups"


def list_backups(library: Path) -> list[Path]:
    """Newest first."""
    folder = backup_dir(library)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{library.stem}-*.sqlite"), reverse=True)


def take(conn: sqlite3.Connection, library: Path, keep: int = 10) -> Path:
    """Copy the open library into backups/, then drop all but the newest `keep` copies."""
    folder = backup_dir(library)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{library.stem}-{stamp}.sqlite"
    tmp = target.with_suffix(".tmp")
    dest = sqlite3.connect(tmp)
    try:
        conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
    os.replace(tmp, target)
    for old in list_backups(library)[keep:]:
        with contextlib.suppress(OSError):
            old.unlink()
    return target
