"""What every command and every window action ends in when something goes wrong.

`explain(exc)` turns any exception into a Thai message for the clerk and one English line
for support. Errors we foresaw (ClerkError) say what happened and what to do; anything
else is written, with its traceback, to a log file in the per-user log folder, and the
message names that file so the clerk can send it. Nothing here needs Qt.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .errors import ClerkError

ENV_LOG = "ITADESK_LOG"  # a folder; tests point it at their own
LOG_NAME = "itadesk.log"
MAX_LOG = 1024 * 1024  # then the log starts again, the last one kept as itadesk.log.1


@dataclass(frozen=True)
class Told:
    thai: str
    english: str
    log: Path | None = None  # where the details were written, for unexpected errors


def log_folder() -> Path:
    env = os.environ.get(ENV_LOG)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_log_dir("ITA Desk", appauthor=False))


def write_log(text: str) -> Path | None:
    """Append an entry to the log; None if even that cannot be written."""
    path = log_folder() / LOG_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileNotFoundError):
            if path.stat().st_size > MAX_LOG:
                os.replace(path, path.with_name(LOG_NAME + ".1"))
        import platform  # when something is written, not at every start

        stamp = dt.datetime.now().isoformat(timespec="seconds")
        with path.open("a", encoding="utf-8", errors="backslashreplace") as fh:
            fh.write(f"--- {stamp} ITA Desk {__version__}, Python {platform.python_version()}, "
                     f"{platform.platform()}\n{text.rstrip()}\n")
    except OSError:
        return None
    return path


def log_exception(exc: BaseException, context: str = "") -> Path | None:
    detail = "".join(traceback.format_exception(exc))
    return write_log(f"{context or ' '.join(sys.argv)}\n{detail}")


# OSErrors that reached the guard without a message of their own still say what happened.
_OS_ERRORS = {
    errno.ENOSPC: ("พื้นที่ในดิสก์เต็ม กรุณาลบไฟล์ที่ไม่ใช้ แล้วลองอีกครั้ง", "Disk full."),
    errno.EROFS: ("ดิสก์นี้ป้องกันการเขียนไว้ กรุณาใช้ที่อื่น", "Read-only file system."),
    errno.EACCES: ("ไม่มีสิทธิ์ใช้ไฟล์หรือโฟลเดอร์นี้ กรุณาเลือกที่อื่น หรือขอสิทธิ์จากผู้ดูแลเครื่อง",
                   "Permission denied."),
    errno.ENOENT: ("ไม่พบไฟล์หรือโฟลเดอร์ (อาจถูกย้ายหรือลบไปแล้ว)", "No such file or folder."),
    errno.EIO: ("อ่านเขียนดิสก์ไม่สำเร็จ (อาจถอดแฟลชไดรฟ์ออก หรือเครือข่ายหลุด) กรุณาลองอีกครั้ง",
                "Input/output error."),
}


def explain(exc: BaseException, context: str = "") -> Told:
    """The Thai message and the English line for `exc`; unexpected ones are logged."""
    if isinstance(exc, ClerkError):
        return Told(exc.message, str(exc))
    log = log_exception(exc, context)
    where = (f"รายละเอียดบันทึกไว้ในไฟล์ «{log}» กรุณาส่งไฟล์นี้ให้ผู้ดูแลระบบ" if log else
             "และบันทึกรายละเอียดลงไฟล์ไม่ได้")
    english = f"{type(exc).__name__}: {exc}"[:300]
    english = f"Unexpected error: {english}" + (f" (details in {log})" if log else "")
    if isinstance(exc, OSError) and exc.errno in _OS_ERRORS:
        thai, plain = _OS_ERRORS[exc.errno]
        return Told(f"{thai} {where}", f"{plain} {english}", log)
    if isinstance(exc, MemoryError):
        return Told(f"หน่วยความจำของเครื่องไม่พอ กรุณาปิดโปรแกรมอื่นแล้วลองอีกครั้ง {where}",
                    english, log)
    return Told("เกิดข้อผิดพลาดที่โปรแกรมไม่ได้คาดไว้ งานที่บันทึกแล้วยังอยู่ครบ "
                f"กรุณาลองอีกครั้ง {where}", english, log)
