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
        raise
