"""Is a library on a network file system (an office server, a mapped drive, a UNC path)?

There SQLite's write-ahead log is unsafe (it needs memory shared between the processes of
one machine, and the file system's locks and syncs are weaker), so such a library is kept
with a rollback journal instead (see opening.py).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path

# Linux mount types of remote or cluster file systems (FUSE ones as fuse.<subtype>).
NETWORK_TYPES = frozenset({
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "9p", "ceph", "glusterfs",
    "lustre", "gpfs", "ocfs2", "gfs2", "davfs", "coda",
    "fuse.sshfs", "fuse.rclone", "fuse.s3fs", "fuse.gcsfuse", "fuse.davfs2",
    "fuse.glusterfs", "fuse.cephfs", "fuse.smbnetfs", "fuse.curlftpfs", "fuse.gvfsd-fuse",
})
_DRIVE_REMOTE = 4  # GetDriveTypeW
_OCTAL = re.compile(r"\\([0-7]{3})")


def parse_mountinfo(text: str) -> list[tuple[str, str]]:
    """(mount point, file system type) of each line of /proc/<pid>/mountinfo, in order."""
    mounts = []
    for line in text.splitlines():
        left, sep, right = line.partition(" - ")
        fields, tail = left.split(), right.split()
        if sep and len(fields) >= 5 and tail:
            # the kernel writes space, tab, newline and backslash as \040 and the like
            point = _OCTAL.sub(lambda m: chr(int(m[1], 8)), fields[4])
            mounts.append((point, tail[0]))
    return mounts


def filesystem_type(path: str, mounts: Iterable[tuple[str, str]]) -> str | None:
    """The type of the file system `path` (absolute, resolved) is on: the longest mount point
    that holds it; of two on the same point, the later one (it hides the first)."""
    best: tuple[str, str] | None = None
    for point, fstype in mounts:
        inside = point == "/" or path == point or path.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) >= len(best[0])):
            best = (point, fstype)
    return best[1] if best else None


def is_network_type(fstype: str | None) -> bool:
    return fstype is not None and fstype.lower() in NETWORK_TYPES


def is_unc(path: str) -> bool:
    r"""\\server\share\… (also \\?\UNC\server\…), not \\?\C:\… or \\.\device."""
    path = path.replace("/", "\\")
    if path.upper().startswith("\\\\?\\UNC\\"):
        return True
    return path.startswith("\\\\") and not path.startswith(("\\\\?\\", "\\\\.\\"))


def read_only_target(path: Path, immutable: bool = False) -> tuple[str | Path, bool]:
    """What sqlite3.connect is given to read `path` without ever writing it, and whether
    that is a URI. SQLite takes no UNC path in a URI: such a file is opened plainly (our
    callers then only read)."""
    if is_unc(str(path)):
        return path, False
    uri = f"{path.absolute().as_uri()}?mode=ro"
    return (uri + "&immutable=1" if immutable else uri), True


def on_network(path: Path) -> bool:
    """Whether the folder of `path` is on a network file system (False when unknown)."""
    folder = Path(os.path.realpath(path.parent))
    if sys.platform == "win32":
        return is_unc(str(path)) or is_unc(str(folder)) or _windows_remote(folder)
    text = read_mountinfo()
    if text is None:
        return False  # not Linux: macOS has no such file; treated as a local disk
    return is_network_type(filesystem_type(str(folder), parse_mountinfo(text)))


def read_mountinfo() -> str | None:
    try:
        with open("/proc/self/mountinfo", encoding="utf-8", errors="surrogateescape") as fh:
            return fh.read()
    except OSError:
        return None


def _windows_remote(folder: Path) -> bool:  # pragma: no cover - Windows only
    import ctypes

    drive = os.path.splitdrive(str(folder))[0]
    if not drive:
        return False
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    return bool(kernel32.GetDriveTypeW(drive + "\\") == _DRIVE_REMOTE)
