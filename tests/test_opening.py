"""What a library path can turn out to be: damaged, a folder, a pipe, mistyped, empty."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from itadesk.domain import Measure, Report
from itadesk.store import CorruptLibrary, Library, LibraryMissing, NotAFile, NotALibrary


def _library(path: Path, backups: int = 1) -> None:
    with Library.open(path) as lib:
        lib.create_report(Report(municipality="เทศบาลก่อนเสีย", measures=tuple(
            Measure(title="ก" * 400) for _ in range(300))))
    for _ in range(backups):
        Library.open(path).close()


@pytest.mark.parametrize("keep", [100, 4096, 0.5, 0.97])
def test_a_truncated_library_is_damaged_and_names_its_backups(tmp_path: Path, keep: float):
    path = tmp_path / "library.sqlite"
    _library(path)
    data = path.read_bytes()
    path.write_bytes(data[: int(keep * len(data)) if keep < 1 else int(keep)])
    with pytest.raises(CorruptLibrary) as info:
        Library.open(path)
    assert "เสียหาย" in info.value.message
    assert len(info.value.backups) == 1


@pytest.mark.parametrize("keep", [0, 50])
def test_cut_before_its_header_it_is_told_damaged_by_its_backups(tmp_path: Path, keep: int):
    path = tmp_path / "library.sqlite"
    _library(path)
    before = path.read_bytes()[:keep]
    path.write_bytes(before)
    with pytest.raises(CorruptLibrary) as info:
        Library.open(path)
    assert len(info.value.backups) == 1
    assert path.read_bytes() == before  # and not made a new library


def test_a_damaged_header_of_someone_elses_file_is_still_not_ours(tmp_path: Path):
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)
    with pytest.raises(NotALibrary) as info:
        Library.open(path)
    assert not isinstance(info.value, CorruptLibrary)


def test_a_folder_is_told_as_a_folder(tmp_path: Path):
    folder = tmp_path / "library.sqlite"
    folder.mkdir()
    with pytest.raises(NotAFile) as info:
        Library.open(folder)
    assert "เป็นโฟลเดอร์" in info.value.message


def test_a_pipe_is_refused_without_hanging(tmp_path: Path):
    fifo = tmp_path / "library.sqlite"
    os.mkfifo(fifo)
    code = ("import sys\nfrom itadesk.store import Library, NotAFile\n"
            f"try:\n    Library.open({str(fifo)!r})\nexcept NotAFile as exc:\n"
            "    print(exc.message)\n    sys.exit(7)\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=30)
    assert run.returncode == 7, run.stderr
    assert "ไม่ใช่ไฟล์ธรรมดา" in run.stdout


def test_reading_never_makes_a_library(tmp_path: Path):
    path = tmp_path / "typo" / "deeper" / "libary.sqlite"
    with pytest.raises(LibraryMissing) as info:
        Library.open(path, create=False)
    assert "ไม่พบคลังรายงาน" in info.value.message
    assert not (tmp_path / "typo").exists()
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    with pytest.raises(NotALibrary):
        Library.open(empty, create=False)
    assert empty.read_bytes() == b""


def _itadesk(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "itadesk", *args], capture_output=True,
                          text=True, timeout=120, env=env)


def test_commands_that_read_never_make_a_library(tmp_path: Path):
    path = tmp_path / "typo" / "libary.sqlite"
    for command in (["list"], ["check", "1"], ["export", "1", "-o", str(tmp_path / "x.pdf")],
                    ["save-json", "1", "-o", str(tmp_path / "x.itadesk.json")]):
        run = _itadesk("--library", str(path), *command)
        assert run.returncode == 4, (command, run.stderr)
        assert "ไม่พบคลังรายงาน" in run.stderr
    assert not (tmp_path / "typo").exists()


def test_command_line_names_the_backups_of_a_damaged_library(tmp_path: Path):
    path = tmp_path / "library.sqlite"
    _library(path, backups=2)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    run = _itadesk("--library", str(path), "list")
    assert run.returncode == 6, run.stderr
    assert "เสียหาย" in run.stderr and "สำเนาสำรองของคลังนี้ 2 ชุด" in run.stderr
    assert str(tmp_path / "backups") in run.stderr
