"""Several copies of the program at once, on one library and one export folder: the
commands, the window's export and preview children never break each other's files."""

from __future__ import annotations

import os
from pathlib import Path

import docx
import pytest

from itadesk.demo import add_demo_reports
from itadesk.store import Library

from .processes import Held, assert_clerk_message, hold_env, itadesk, start


def _pdf_complete(path: Path) -> bool:
    data = path.read_bytes()
    return data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")


def _parts(folder: Path) -> list[Path]:
    return sorted(folder.glob(".*.part"))


def _demo_library(path: Path) -> list[int]:
    with Library.open(path) as lib:
        return add_demo_reports(lib)


def test_list_during_an_export_leaves_the_export_alone(tmp_path: Path, library_path: Path):
    _demo_library(library_path)
    out = tmp_path / "out" / "report.pdf"
    out.parent.mkdir()
    with Held(tmp_path, "export", "--demo", "002", "-o", out) as writer:
        [part] = _parts(out.parent)
        listing = itadesk("--library", library_path, "list")
        assert listing.returncode == 0, listing.stderr
        assert part.exists()  # another start does not take the file being written
        done = writer.release()
    assert done.returncode == 0, done.stderr
    assert _pdf_complete(out) and not _parts(out.parent)



def test_the_next_start_removes_what_a_killed_writer_left(tmp_path: Path, own_state: Path):
    out = tmp_path / "out" / "report.pdf"
    out.parent.mkdir()
    with Held(tmp_path, "export", "--demo", "002", "-o", out) as writer:
        [part] = _parts(out.parent)
        assert len(list((own_state / "pending").iterdir())) == 1
        writer.proc.kill()
        writer.proc.wait(timeout=30)
    assert part.exists()  # nothing ran since the kill
    assert itadesk("export", "--demo", "000", "-o", tmp_path / "x.docx").returncode == 0
    assert not part.exists() and not out.exists()
    assert not list((own_state / "pending").iterdir())

def test_a_preview_during_an_export_leaves_the_export_alone(tmp_path: Path):
    """The window's preview is an export child of its own (into a private folder)."""
    out = tmp_path / "out" / "report.docx"
    out.parent.mkdir()
    preview = tmp_path / "preview" / "preview.pdf"
    preview.parent.mkdir()
    status = tmp_path / "preview" / "status.txt"
    with Held(tmp_path, "export", "--demo", "001", "-o", out, "--no-embed-fonts") as writer:
        shown = itadesk("export", "--demo", "001", "-o", preview, "--status-file", status)
        assert shown.returncode == 0, shown.stderr
        assert _pdf_complete(preview) and status.read_text().endswith("done\n")
        done = writer.release()
    assert done.returncode == 0, done.stderr
    assert docx.Document(str(out)).tables and not _parts(out.parent)


def test_three_processes_on_one_library_and_one_folder(tmp_path: Path, library_path: Path):
    ids = _demo_library(library_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.pdf").write_bytes(b"last year's")
    # one export held with its temporary file written; two more commands at once, one of
    # them writing the same file, while a fourth lists the library
    with Held(tmp_path, "--library", library_path, "export", str(ids[0]), "-o",
              out / "a.pdf") as held:
        others = [start("--library", library_path, "export", str(ids[1]), "-o",
                        out / "b.docx", "--no-embed-fonts"),
                  start("--library", library_path, "export", str(ids[0]), "-o", out / "a.pdf")]
        listing = itadesk("--library", library_path, "list")
        results = [(p.args, *p.communicate(timeout=120), p.returncode) for p in others]
        results.append((listing.args, listing.stdout, listing.stderr, listing.returncode))
        done = held.release()
    results.append((done.args, done.stdout, done.stderr, done.returncode))
    for args, _out, err, code in results:
        # a command that found the library busy says so (and changed nothing)
        assert code == 0 or (code == 4 and "เปิดอยู่" in err), (args, err)
        if code:
            assert_clerk_message(err)
        assert "Traceback" not in err, (args, err)
    assert done.returncode == 0
    assert _pdf_complete(out / "a.pdf") and not _parts(out)
    if results[0][3] == 0:
        assert docx.Document(str(out / "b.docx")).tables
    with Library.open(library_path, take_backup=False) as lib:
        assert lib.integrity_ok() and len(lib.list_reports()) == 3
    assert not os.environ.get("ITADESK_HOLD_AT")  # the hold stayed with the children


@pytest.fixture
def window(qtbot, library_path: Path):
    from itadesk.ui.app import make_app, open_library
    from itadesk.ui.main_window import MainWindow

    make_app()
    library = open_library(library_path)
    assert library is not None
    shown = MainWindow(library)
    qtbot.addWidget(shown)
    shown.show()
    reports = {r.municipality: r.id for r in library.list_reports()}
    shown.open_report(reports["เทศบาลตำบลบ่อปลาทอง"])
    yield shown
    shown.close()
    library.close()


def test_window_export_with_its_preview_and_commands_at_once(
        window, qtbot, tmp_path: Path, library_path: Path, monkeypatch: pytest.MonkeyPatch):
    from .ui_helpers import click_button, when_dialog_opens

    gate = tmp_path / "window.go"
    for name, value in hold_env(gate, only="held-export.pdf").items():
        monkeypatch.setenv(name, value)  # the window's export child inherits it
    out = tmp_path / "out"
    out.mkdir()
    target = out / "held-export.pdf"
    target.write_bytes(b"last year's")
    told: list[str] = []

    def answer(box) -> None:
        told.append(box.text())
        click_button("ปิด")(box)

    when_dialog_opens(answer)
    assert window.export_to(target) is not None
    qtbot.waitUntil(Path(f"{gate}.waiting").exists, timeout=60_000)
    assert len(_parts(out)) == 1
    # the preview's own export child starts (and cleans up) while the export is held
    window.preview_action.trigger()
    assert window.preview is not None
    with qtbot.waitSignal(window.preview.refreshed, timeout=60_000):
        pass
    # the command line beside it, on the same library (the window holds it) and folder
    listing = itadesk("--library", library_path, "list")
    assert listing.returncode == 4 and "เปิดอยู่" in listing.stderr
    assert_clerk_message(listing.stderr)
    other = itadesk("export", "--demo", "000", "-o", out / "other.docx", "--no-embed-fonts")
    assert other.returncode == 0, other.stderr
    assert len(_parts(out)) == 1  # the window's export still has its temporary file
    gate.touch()
    qtbot.waitUntil(lambda: bool(told), timeout=60_000)
    assert "เรียบร้อยแล้ว" in told[0], told
    assert _pdf_complete(target) and not _parts(out)
    assert window.library.integrity_ok()


def test_cancelling_in_the_window_leaves_another_writer_of_the_file_alone(
        window, qtbot, tmp_path: Path):
    out = tmp_path / "out"
    out.mkdir()
    target = out / "report.pdf"
    with Held(tmp_path, "export", "--demo", "002", "-o", target) as writer:
        [theirs] = _parts(out)
        job = window.export_to(target)
        assert job is not None
        cancelled: list[bool] = []
        job.cancelled.connect(lambda: cancelled.append(True))
        job.cancel()
        qtbot.waitUntil(lambda: bool(cancelled), timeout=60_000)
        assert theirs.exists()  # only the cancelled child's own leftovers go
        done = writer.release()
    assert done.returncode == 0, done.stderr
    assert _pdf_complete(target) and not _parts(out)


def test_a_reader_that_stops_early_is_no_error(library_path: Path):
    """`itadesk list | head -1`: the pipe closes before the listing is written."""
    import subprocess
    import sys

    _demo_library(library_path)
    proc = subprocess.Popen([sys.executable, "-m", "itadesk", "--library", str(library_path),
                             "list"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None
    proc.stdout.close()  # before the program has even started
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0 and err == b"", err.decode()


@pytest.mark.skipif(not hasattr(os, "getpriority"), reason="POSIX priorities")
def test_the_window_export_child_gives_way_to_the_window(
        window, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """On a busy machine the layout of a long report must not take the window's turns:
    the child runs below the window's priority."""
    gate = tmp_path / "window.go"
    for name, value in hold_env(gate, only="held-export.pdf").items():
        monkeypatch.setenv(name, value)
    from .ui_helpers import click_button, when_dialog_opens

    target = tmp_path / "held-export.pdf"
    job = window.export_to(target)
    assert job is not None
    qtbot.waitUntil(Path(f"{gate}.waiting").exists, timeout=60_000)
    when_dialog_opens(click_button("ปิด"))  # the "done" message
    child = os.getpriority(os.PRIO_PROCESS, job.process.processId())
    assert child > os.getpriority(os.PRIO_PROCESS, 0)
    with qtbot.waitSignal(job.finished, timeout=60_000):
        gate.touch()
    assert _pdf_complete(target)
