"""A library that takes no writes (file marked read-only, write-protected stick, CD) is
opened read-only: reading, checks and exports work, edits are refused with a Thai
message, and a copy saved elsewhere can be edited. As root, file modes are ignored unless
the capabilities that override them are dropped: the command-line cases run under setpriv."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from itadesk.demo import demo_reports
from itadesk.domain.checks import check_report
from itadesk.export.jobs import export_report
from itadesk.store import Library, LibraryReadOnly

from .conftest import SUPPORT, mounted_tmpfs

NO_OVERRIDE = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]


def _demo_library(path: Path) -> None:
    Library.open(path, first_reports=demo_reports).close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _reads_checks_exports_refuses_edits(lib: Library, out: Path) -> None:
    assert lib.read_only
    [first, *_] = lib.list_reports()
    report = lib.load_report(first.id)
    assert report.measures and isinstance(check_report(report), list)
    export_report(report, out)
    assert out.read_bytes().startswith(b"%PDF")
    with pytest.raises(LibraryReadOnly) as info:
        lib.update_report(first.id, title="แก้ไม่ได้")
    assert "บันทึกเป็นสำเนาเพื่อแก้ไข" in info.value.message
    assert lib.take_backup() is None


def test_a_file_marked_read_only_is_opened_read_only(tmp_path: Path):
    path = tmp_path / "library.sqlite"
    _demo_library(path)
    path.chmod(0o444)
    before = _digest(path)
    with Library.open(path) as lib:
        _reads_checks_exports_refuses_edits(lib, tmp_path / "out.pdf")
        copy = lib.save_copy(tmp_path / "copy.sqlite")
        original_id = lib.library_id
    assert _digest(path) == before
    assert not list(tmp_path.glob("library.sqlite-*"))  # no journal beside it
    with Library.open(copy) as editable:
        assert not editable.read_only and editable.library_id != original_id
        rid = editable.list_reports()[0].id
        editable.update_report(rid, title="แก้ในสำเนา")
        assert editable.load_report(rid).title == "แก้ในสำเนา"


def test_an_older_read_only_library_is_read_through_a_migrated_copy(tmp_path: Path):
    path = tmp_path / "old.sqlite"
    shutil.copy(SUPPORT / "library-v1.sqlite", path)
    path.chmod(0o444)
    before = _digest(path)
    with Library.open(path) as lib:
        assert lib.read_only
        [summary] = lib.list_reports()
        assert lib.load_report(summary.id).municipality == "เทศบาลเมืองชัยนาท"
    assert _digest(path) == before


@pytest.fixture
def write_protected_stick(tmp_path: Path) -> Iterator[Path]:
    with mounted_tmpfs(tmp_path / "stick", "8m") as stick:
        _demo_library(stick / "library.sqlite")
        subprocess.run(["mount", "-o", "remount,ro", str(stick)], check=True)
        yield stick


def test_a_write_protected_stick(write_protected_stick: Path, tmp_path: Path):
    path = write_protected_stick / "library.sqlite"
    with Library.open(path) as lib:
        _reads_checks_exports_refuses_edits(lib, tmp_path / "out.pdf")
        lib.save_copy(tmp_path / "copy.sqlite")
    assert Library.open(tmp_path / "copy.sqlite").read_only is False


def _setpriv_ok() -> bool:
    return (os.geteuid() == 0 and shutil.which("setpriv") is not None
            and subprocess.run([*NO_OVERRIDE, "true"]).returncode == 0)


@pytest.mark.skipif(not _setpriv_ok(), reason="needs root and setpriv")
def test_command_line_on_a_read_only_folder_as_a_clerk_would(tmp_path: Path):
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "library.sqlite"
    _demo_library(path)
    before = _digest(path)
    folder.chmod(0o555)
    path.chmod(0o644)  # the file itself writable: only the folder takes no journal
    out = tmp_path / "out"
    out.mkdir()
    env = {**os.environ, "ITADESK_STATE": str(tmp_path / "state")}
    itadesk = [*NO_OVERRIDE, sys.executable, "-m", "itadesk", "--library", str(path)]
    try:
        listed = subprocess.run([*itadesk, "list"], capture_output=True, text=True, env=env,
                                timeout=120)
        assert listed.returncode == 0, listed.stderr
        assert len(listed.stdout.splitlines()) == 3
        first = listed.stdout.split()[0]
        exported = subprocess.run([*itadesk, "export", first, "-o", str(out / "r.docx")],
                                  capture_output=True, text=True, env=env, timeout=120)
        assert exported.returncode == 0, exported.stderr
        assert (out / "r.docx").stat().st_size > 1000
        edit = ("import sys\nfrom itadesk.store import Library, LibraryReadOnly\n"
                f"lib = Library.open({str(path)!r})\nassert lib.read_only\n"
                "try:\n    lib.delete_report(lib.list_reports()[0].id)\n"
                "except LibraryReadOnly:\n    sys.exit(9)\n")
        refused = subprocess.run([*NO_OVERRIDE, sys.executable, "-c", edit],
                                 capture_output=True, text=True, env=env, timeout=120)
        assert refused.returncode == 9, refused.stderr
    finally:
        folder.chmod(0o755)
    assert _digest(path) == before
    assert sorted(p.name for p in folder.iterdir()) == ["library.sqlite"]
