"""Write a file whole or not at all: a temporary file beside the target, then a rename.

The old file stays as it was whenever anything fails, and each way it can fail (a
read-only or open target, a folder, a name too long, a full or write-protected disk)
has its own Thai message.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from . import errors
from .pending import ENV_STATE, PendingWrite, cleanup_leftovers

__all__ = ["ENV_STATE", "cleanup_leftovers", "write_atomically"]

NAME_MAX = 255  # bytes on Linux and macOS; UTF-16 units on Windows


def _name_too_long(name: str) -> bool:
    size = len(name.encode("utf-16-le")) // 2 if sys.platform == "win32" else len(
        name.encode("utf-8", "surrogateescape"))
    return size > NAME_MAX


def _check_target(path: Path) -> None:
    if _name_too_long(path.name):
        raise errors.name_too_long(path)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise _translate(exc, path) or errors.folder_not_writable(path, str(exc)) from exc
    if stat.S_ISDIR(mode):
        raise errors.target_is_folder(path)
    # The file's own read-only mark (Windows' read-only attribute, or no write bit), not
    # os.access: an administrator may write anything, yet a file marked so stays as it is.
    if not mode & stat.S_IWUSR:
        raise errors.target_locked(path, "read-only")


def _translate(exc: OSError, path: Path) -> errors.ExportError | None:
    """The clerk's message for a failed write of `path`; None for errors that say nothing
    about the target (those reach the top-level guard, which logs them)."""
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return errors.disk_full(path, str(exc))
    if code == errno.EROFS:
        return errors.disk_write_protected(path, str(exc))
    if code == errno.ENAMETOOLONG:
        return errors.name_too_long(path, str(exc))
    if code == errno.EISDIR:
        return errors.target_is_folder(path, str(exc))
    if code == errno.EIO:
        return errors.device_failed(path, str(exc))
    return None


def write_atomically(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Call write(fh) on a temporary file, then put it in place of `path`."""
    path = Path(path)
    _check_target(path)
    pending = PendingWrite(path)
    try:
        try:
            fd = os.open(pending.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY
                         | getattr(os, "O_BINARY", 0), 0o666)  # the umask decides, as for any file
        except OSError as exc:
            raise _translate(exc, path) or errors.folder_not_writable(path, str(exc)) from exc
        try:
            with os.fdopen(fd, "wb") as fh:
                write(fh)
                fh.flush()
                os.fsync(fh.fileno())
            try:
                os.replace(pending.path, path)
            except PermissionError as exc:  # Windows: the target is open in Word
                raise errors.target_locked(path, str(exc)) from exc
        except OSError as exc:
            clerk = _translate(exc, path)
            if clerk is None:
                raise
            raise clerk from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(pending.path)
        raise
    finally:
        pending.done()
