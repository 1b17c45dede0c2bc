"""Each library's backups are its own: found by the id inside the library, never by a file
name that merely looks alike; put back only into the library they were taken from."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from itadesk.domain import Measure, Report
from itadesk.store import BackupFailed, BackupMismatch, Library
from itadesk.store import backup as backups_module

from .conftest import SUPPORT


def _make(path: Path, reports: int) -> str:
    with Library.open(path) as lib:
        for n in range(reports):
            lib.create_report(Report(municipality=f"เทศบาล {path.stem} {n}",
                                     measures=(Measure(title="มาตรการ"),)))
        return lib.library_id


def _reports_in(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM report").fetchone()[0]
    finally:
        conn.close()


def test_alike_names_keep_their_own_backups(tmp_path: Path):
    ita, ita_2567 = tmp_path / "ITA.sqlite", tmp_path / "ITA-2567.sqlite"
    _make(ita, 1)
    _make(ita_2567, 3)
    for _ in range(3):
        Library.open(ita_2567).close()
    Library.open(ita).close()
    with Library.open(ita, take_backup=False) as lib:
        mine = lib.backups()
        # ITA has one backup of its own (one report); none of ITA-2567's three
        assert len(mine) == 1
        assert [_reports_in(b.path) for b in mine] == [1]
    with Library.open(ita_2567, take_backup=False) as lib:
        assert [_reports_in(b.path) for b in lib.backups()] == [3, 3, 3]


def test_ten_starts_of_one_library_keep_the_others_backups(tmp_path: Path):
    ita, ita_1 = tmp_path / "ITA.sqlite", tmp_path / "ITA-1.sqlite"
    _make(ita, 1)
    _make(ita_1, 2)
    for _ in range(4):
        Library.open(ita_1).close()
    for _ in range(12):
        Library.open(ita, keep_backups=10).close()
    with Library.open(ita_1, take_backup=False) as lib:
        assert len(lib.backups()) == 4
    with Library.open(ita, take_backup=False) as lib:
        assert len(lib.backups()) == 10


def test_glob_characters_in_the_name(tmp_path: Path):
    path = tmp_path / "[ITA] 2568*?.sqlite"
    _make(path, 1)
    for _ in range(12):
        Library.open(path).close()
    with Library.open(path, take_backup=False) as lib:
        assert len(lib.backups()) == 10


def test_eighty_thai_letters_are_still_backed_up(tmp_path: Path):
    stem = ("รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใส"
            "ภายในหน่วยงานเทศบาลตำบลบ่อปลาทองอำเภอปรางค์กู่")[:80]
    path = tmp_path / f"{stem}.sqlite"
    # the library's own name fits (247 bytes); with a date added to it, it would not
    assert len(stem) == 80 and 240 < len(path.name.encode()) <= 255
    _make(path, 1)
    Library.open(path).close()
    with Library.open(path, take_backup=False) as lib:
        [copy] = lib.backups()
        assert _reports_in(copy.path) == 1
        # and restoring it keeps the file it replaces, under a name the disk accepts
        kept = lib.restore_from(copy)
        assert kept.exists() and len(kept.name.encode()) <= 255
        assert len(lib.list_reports()) == 1


def test_a_backup_of_another_library_is_refused(tmp_path: Path):
    ita, other = tmp_path / "ITA.sqlite", tmp_path / "ITA-2567.sqlite"
    _make(ita, 1)
    _make(other, 3)
    Library.open(other).close()
    with Library.open(other, take_backup=False) as lib:
        [foreign] = lib.backups()
    with Library.open(ita, take_backup=False) as lib:
        with pytest.raises(BackupMismatch) as info:
            lib.restore_from(foreign)
        assert "คลังรายงานอื่น" in info.value.message
        assert len(lib.list_reports()) == 1
    # nor by a copy moved into its folder by hand
    with Library.open(ita, take_backup=False) as lib:
        folder = backups_module.backup_dir(ita, lib.library_id)
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(foreign.path, folder / "20240101-000000-000000.sqlite")
    with Library.open(ita, take_backup=False) as lib:
        assert lib.backups() == []


def test_restore_keeps_the_library_id_and_its_backups(tmp_path: Path):
    path = tmp_path / "ITA.sqlite"
    library_id = _make(path, 1)
    Library.open(path).close()
    with Library.open(path, take_backup=False) as lib:
        rid = lib.create_report(Report(municipality="เพิ่มหลังสำรอง"))
        assert len(lib.list_reports()) == 2
        [copy] = lib.backups()
        lib.restore_from(copy)
        assert len(lib.list_reports()) == 1 and lib.library_id == library_id
        # the state before the restore is a backup of its own: restoring it undoes it
        newest = lib.backups()[0]
        assert _reports_in(newest.path) == 2
        lib.restore_from(newest)
        assert lib.load_report(rid).municipality == "เพิ่มหลังสำรอง"
        assert lib.integrity_ok()


def test_old_version_backups_are_found_exactly(tmp_path: Path):
    ita, ita_2567 = tmp_path / "ITA.sqlite", tmp_path / "ITA-2567.sqlite"
    shutil.copy(SUPPORT / "library-v1.sqlite", ita)
    shutil.copy(SUPPORT / "library-v1.sqlite", ita_2567)
    old = tmp_path / "backups"
    old.mkdir()
    shutil.copy(ita, old / "ITA-20250301-093000-000001.sqlite")
    shutil.copy(ita_2567, old / "ITA-2567-20250302-093000-000001.sqlite")
    shutil.copy(ita_2567, old / "ITA-2567-20250303-093000-000001.sqlite")
    with Library.open(ita, take_backup=False) as lib:
        [mine] = lib.backups()
        assert mine.taken == dt.datetime(2025, 3, 1, 9, 30, 0, 1)
        lib.restore_from(mine)  # an old copy has no id: it takes this library's
        assert len(lib.backups()) == 2  # the state before the restore, and the old copy
    with Library.open(ita_2567, take_backup=False) as lib:
        assert [b.taken.day for b in lib.backups()] == [3, 2]


def test_backup_label_is_thai():
    taken = dt.datetime(2025, 3, 4, 9, 5, 6)
    label = backups_module.Backup(Path("x.sqlite"), taken).label
    assert label == "๔ มีนาคม ๒๕๖๘ เวลา ๐๙:๐๕:๐๖ น."


def test_leftovers_of_unfinished_backups_go_at_the_next_start(tmp_path: Path):
    path = tmp_path / "ITA.sqlite"
    library_id = _make(path, 1)
    folder = backups_module.backup_dir(path, library_id)
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("20250101-000000-000000.sqlite.tmp", "20250101-000000-000000.sqlite.tmp-journal"):
        (folder / name).write_bytes(b"half a copy")
    legacy = tmp_path / "backups"
    (legacy / "ITA-20240101-101010-000001.tmp").write_bytes(b"x")
    (legacy / "ITA-20240101-101010-000001.tmp-journal").write_bytes(b"x")
    someone_else = legacy / "ITA-2567-20240101-101010-000001.tmp"
    someone_else.write_bytes(b"x")
    Library.open(path).close()
    assert sorted(p.name for p in folder.iterdir() if p.suffix != ".txt") == [
        b.path.name for b in backups_module.list_backups(path, library_id)]
    assert not list(legacy.glob("ITA-2024*.tmp*"))
    assert someone_else.exists()  # another library's, left alone


def test_a_backup_that_fails_says_why_and_leaves_nothing(small_disk: Path):
    path = small_disk / "ITA.sqlite"
    with Library.open(path) as lib:
        lib.create_report(Report(municipality="ใหญ่", measures=tuple(
            Measure(title="ก" * 2000) for _ in range(40))))
    with Library.open(path, take_backup=False) as lib:
        with pytest.raises(BackupFailed) as info:
            lib.take_backup()
        assert "พื้นที่ดิสก์เต็ม" in info.value.message
        assert "สำเนาสำรอง" in info.value.message
        folder = backups_module.backup_dir(path, lib.library_id)
        assert not [p for p in folder.iterdir() if ".tmp" in p.name]
        assert lib.integrity_ok()
    # a start-up whose backup fails still opens, and says so
    with Library.open(path) as lib:
        assert lib.backup_problem is not None
        assert "พื้นที่ดิสก์เต็ม" in lib.backup_problem.message


def test_a_restore_that_cannot_be_written_leaves_the_library_as_it_was(tmp_path: Path):
    from itadesk.store import RestoreFailed

    from .conftest import mounted_tmpfs

    with mounted_tmpfs(tmp_path / "disk", "392k") as disk:
        path = disk / "ITA.sqlite"
        with Library.open(path) as lib:
            lib.create_report(Report(municipality="ใหญ่", measures=tuple(
                Measure(title="ก" * 2000) for _ in range(12))))
        Library.open(path).close()  # one copy: the disk has no room for a third
        with Library.open(path, take_backup=False) as lib:
            rid = lib.create_report(Report(municipality="หลังสำรอง"))
            [copy] = lib.backups()
            with pytest.raises(RestoreFailed) as info:
                lib.restore_from(copy)
            assert "พื้นที่ดิสก์เต็ม" in info.value.message
            assert lib.load_report(rid).municipality == "หลังสำรอง" and lib.integrity_ok()
            assert not [p for p in backups_module.backup_dir(path, lib.library_id).iterdir()
                        if ".tmp" in p.name]
