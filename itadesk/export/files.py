"""Write a file whole or not at all: a temporary file beside the target, then a rename."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from .errors import folder_not_writable, target_locked

ENV_STATE = "ITADESK_STATE"


def _journal() -> Path:
    """Where half-written temporary files are noted, so the next start can remove them."""
    env = os.environ.get(ENV_STATE)
    if env:
        return Path(env) / "pending-writes.txt"
    import platformdirs

    return Path(platformdirs.user_state_dir("ITA Desk", appauthor=False)) / "pending-writes.txt"


def _note(tmp: str, add: bool) -> None:
    journal = _journal()
    with contextlib.suppress(OSError):
        journal.parent.mkdir(parents=True, exist_ok=True)
        if add:
            with journal.open("a", encoding="utf-8") as fh:
                fh.write(tmp + "\n")
        elif journal.exists():
            lines = [line for line in journal.read_text(encoding="utf-8").splitlines()
                     if line and line != tmp]
            journal.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")


def cleanup_leftovers() -> int:
    """Remove temporary files of writes that never finished (the program was killed)."""
    journal = _journal()
    removed = 0
    with contextlib.suppress(OSError):
        for line in journal.read_text(encoding="utf-8").splitlines():
            leftover = Path(line)
            if line and leftover.name.endswith(".part") and leftover.exists():
                with contextlib.suppress(OSError):
                    leftover.unlink()
                    removed += 1
        journal.unlink()
    return removed


def write_atomically(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Call write(fh) on a temporary file, then put it in place of `path`.

    The old file stays whole if anything fails; a target that is read-only or held
    open by another program (Word on Windows) gets a Thai message.
    """
    path = Path(path)
    # The file's own read-only mark (Windows' read-only attribute, or no write bit), not
    # os.access: an administrator may write anything, yet a file marked so stays as it is.
    if path.exists() and not path.stat().st_mode & stat.S_IWUSR:
        raise target_locked(path, "read-only")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise folder_not_writable(path, str(exc)) from exc
    _note(tmp, add=True)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)
        try:
            os.replace(tmp, path)
        except PermissionError as exc:
            raise target_locked(path, str(exc)) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        _note(tmp, add=False)
        raise
    _note(tmp, add=False)
