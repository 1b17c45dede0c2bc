"""A library on a network drive is told from one on the PC's own disk, and kept there with
a rollback journal (SQLite's write-ahead log needs memory shared on one machine)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from itadesk.domain import Report
from itadesk.store import Library
from itadesk.store import filesystem as fs

from .conftest import mounted_tmpfs

MOUNTINFO = r"""22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
25 22 0:23 / /proc rw,nosuid - proc proc rw
40 22 0:35 / /mnt/office rw,relatime shared:20 - cifs //server/ita rw,vers=3.1.1
41 22 0:36 / /mnt/nas rw,relatime - nfs4 nas:/export rw,vers=4.2
42 40 0:37 / /mnt/office/local\040copy rw - tmpfs tmpfs rw
43 22 0:38 / /media/clerk/USB\040STICK rw,nosuid - fuseblk /dev/sdb1 rw,user_id=0
44 22 0:39 / /home/clerk/server rw,nosuid - fuse.sshfs clerk@server:/srv rw
45 22 0:40 / /mnt/smb rw - smb3 //h/s rw
"""


@pytest.mark.parametrize(("path", "fstype", "network"), [
    ("/home/clerk/ITA.sqlite", "ext4", False),
    ("/mnt/office/ITA.sqlite", "cifs", True),
    ("/mnt/office2/ITA.sqlite", "ext4", False),  # not inside /mnt/office
    ("/mnt/nas/a/b/ITA.sqlite", "nfs4", True),
    ("/mnt/office/local copy/ITA.sqlite", "tmpfs", False),  # a mount inside the share
    ("/media/clerk/USB STICK/ITA.sqlite", "fuseblk", False),  # NTFS stick: local FUSE
    ("/home/clerk/server/ITA.sqlite", "fuse.sshfs", True),
    ("/mnt/smb/ITA.sqlite", "smb3", True),
])
def test_mount_types_from_mountinfo(path: str, fstype: str, network: bool):
    mounts = fs.parse_mountinfo(MOUNTINFO)
    assert fs.filesystem_type(path, mounts) == fstype
    assert fs.is_network_type(fstype) is network


def test_a_later_mount_on_the_same_point_hides_the_first():
    mounts = fs.parse_mountinfo(MOUNTINFO + "46 22 0:41 / /mnt/nas rw - ext4 /dev/sdc1 rw\n")
    assert fs.filesystem_type("/mnt/nas/ITA.sqlite", mounts) == "ext4"


@pytest.mark.parametrize(("path", "unc"), [
    (r"\\server\ita\ITA.sqlite", True),
    (r"\\?\UNC\server\ita\ITA.sqlite", True),
    ("//server/ita/ITA.sqlite", True),
    (r"\\?\C:\Users\clerk\ITA.sqlite", False),
    (r"\\.\PhysicalDrive0", False),
    (r"C:\Users\clerk\ITA.sqlite", False),
])
def test_unc_paths(path: str, unc: bool):
    assert fs.is_unc(path) is unc


def test_a_unc_path_is_read_without_a_uri():
    # SQLite takes no \\\\server\\share in a URI; names with # ? % [ ] go in one escaped
    assert fs.read_only_target(Path(r"\\server\ita\ITA.sqlite")) == (
        Path(r"\\server\ita\ITA.sqlite"), False)
    target, uri = fs.read_only_target(Path("/tmp/[ITA] 2568#?%.sqlite"), immutable=True)
    assert uri and target == "file:///tmp/%5BITA%5D%202568%23%3F%25.sqlite?mode=ro&immutable=1"


def test_the_live_mount_table_is_read(tmp_path: Path):
    with mounted_tmpfs(tmp_path / "a share", "4m") as disk:
        mounts = fs.parse_mountinfo(fs.read_mountinfo() or "")
        assert fs.filesystem_type(str(disk / "x" / "ITA.sqlite"), mounts) == "tmpfs"
        assert not fs.on_network(disk / "ITA.sqlite")


def _journal_mode(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        conn.close()


def test_a_library_on_a_network_drive_keeps_a_rollback_journal(tmp_path: Path, monkeypatch):
    local = tmp_path / "pc" / "ITA.sqlite"
    with Library.open(local) as lib:
        assert not lib.network
    assert _journal_mode(local) == "wal"
    share = tmp_path / "share"
    share.mkdir()
    # the machine's mount table, with `share` mounted from a file server
    monkeypatch.setattr(fs, "read_mountinfo", lambda: MOUNTINFO + (
        f"50 22 0:50 / {share} rw,relatime - cifs //server/ita rw\n"))
    path = share / "ITA.sqlite"
    local.rename(path)
    with Library.open(path) as lib:
        assert lib.network
        lib.create_report(Report(municipality="บนเครื่องแม่ข่าย"))
        assert not Path(f"{path}-wal").exists()
    assert _journal_mode(path) == "delete"
    monkeypatch.undo()
    with Library.open(path) as lib:  # back on a local disk: the write-ahead log again
        assert not lib.network and len(lib.list_reports()) == 1
    assert _journal_mode(path) == "wal"


def test_the_window_says_the_library_is_on_a_network_drive(qtbot, tmp_path: Path, monkeypatch):
    from itadesk.ui.app import make_app, open_library
    from itadesk.ui.main_window import MainWindow

    make_app()
    monkeypatch.setattr(fs, "read_mountinfo", lambda: MOUNTINFO + (
        f"50 22 0:50 / {tmp_path} rw,relatime - nfs4 nas:/ita rw\n"))
    library = open_library(tmp_path / "ITA.sqlite")
    assert library is not None and library.network
    window = MainWindow(library)
    qtbot.addWidget(window)
    try:
        assert "ไดรฟ์เครือข่าย" in window.statusBar().currentMessage()
    finally:
        window.close()
        library.close()
