"""Temporary files owned by their writer, so a start removes only what a dead one left.

Each write in progress has a note of its own in the per-user state folder
(`pending/<random>.note`, holding the temporary file's path), and its writer keeps an OS
lock on that note from before the temporary file exists until after it is gone: `flock`
on POSIX, `msvcrt.locking` on Windows. The OS drops the lock when the writer ends in any
way (killed, crashed, power off), so "the lock can be taken" means "the writer is gone",
with no process ids that can be reused and no clocks. One note per write: nothing shared
is ever rewritten, so two processes can never lose each other's notes.

The notes live on this computer even when the export folder is on a file server, so a
start here never touches another computer's temporary files.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from pathlib import Path

from ..settings import ENV_STATE as ENV_STATE  # where it has always been imported from
from ..settings import state_folder

NOTE_SUFFIX = ".note"
# A note is made, then locked: in between (microseconds) another start could take the
# lock and find it empty. An empty note is removed only once it is clearly stale.
EMPTY_NOTE_GRACE_S = 60.0
_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation of the path

if sys.platform == "win32":
    import msvcrt

    # Windows locks are mandatory: lock a byte far past the path written at the start,
    # so a cleanup can still read the path of a note it cannot lock.
    _LOCK_AT = 1 << 30

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _LOCK_AT, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        finally:
            os.lseek(fd, 0, os.SEEK_SET)
        return True
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        # flock, not fcntl/lockf: those are dropped when *any* descriptor of the file in
        # this process closes, and belong to the process rather than to the open file.
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True


def notes_folder() -> Path:
    return state_folder("pending")


class PendingWrite:
    """The temporary file of one write, beside its target, noted and locked by us.

    `path` is the temporary file's name (not yet created); `done()` lets go of the note
    once the file has been renamed into place or removed."""

    def __init__(self, target: Path) -> None:
        token = os.urandom(4).hex()  # as secrets.token_hex, without its imports at start
        # A stem of 100 bytes at most: the temporary name must fit where the target fits.
        stem = target.stem.encode("utf-8")[:100].decode("utf-8", "ignore")
        self.path = target.with_name(f".{stem}.{token}.part")
        self._fd: int | None = None
        self._note: Path | None = None
        folder = notes_folder()
        # Without a note the write still happens; only a leftover would be kept.
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)
            note = folder / f"{token}-{os.urandom(8).hex()}{NOTE_SUFFIX}"
            fd = os.open(note, os.O_CREAT | os.O_EXCL | os.O_RDWR | _BINARY, 0o600)
            self._fd, self._note = fd, note
            if not _try_lock(fd):  # cannot be: the name is new; keep the write going
                self.done()
                return
            os.write(fd, os.fsencode(self.path))

    def done(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # the lock goes with it
            self._fd = None
        if self._note is not None:
            # Between the close and this, a cleanup may take the note: it finds the
            # temporary file already gone, which is harmless.
            with contextlib.suppress(OSError):
                self._note.unlink()
            self._note = None


def cleanup_leftovers() -> int:
    """Remove the temporary files whose writers are gone; returns how many."""
    removed = 0
    try:
        notes = sorted(notes_folder().glob(f"*{NOTE_SUFFIX}"))
    except OSError:
        return 0
    for note in notes:
        with contextlib.suppress(OSError):
            removed += _settle(note)
    return removed


def _settle(note: Path) -> int:
    fd = os.open(note, os.O_RDWR | _BINARY)
    try:
        if not _try_lock(fd):
            return 0  # its writer is still at work
        data = os.read(fd, 64 * 1024)
        stale = time.time() - os.fstat(fd).st_mtime > EMPTY_NOTE_GRACE_S
    finally:
        os.close(fd)
    if not data:
        if stale:
            note.unlink()
        return 0
    part = Path(os.fsdecode(data))
    removed = 0
    if part.name.endswith(".part"):
        try:
            part.unlink()
            removed = 1
        except FileNotFoundError:
            pass
    note.unlink()
    return removed
