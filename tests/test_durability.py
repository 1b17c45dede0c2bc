"""Nothing lost: the program killed at random moments, 200 times in all (a fifth of them
during exports); after each kill the library is whole, every acknowledged edit is there,
and an export target is the old file or the complete new one, with no temporary file left
after the next start. Then the first start killed 40 times (the library and its three demo
reports are made whole or not at all) and backups killed 40 times (no temporary file
after the next start, every copy whole). The figures are printed (run with -s to see them)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from itadesk.domain import Measure, Report
from itadesk.export.files import cleanup_leftovers
from itadesk.store import Library

KILLS = int(os.environ.get("ITADESK_KILLS", "200"))

EDITOR = r"""
import sys
from pathlib import Path
from itadesk.store import Library
library = Library.open(Path(sys.argv[1]), take_backup=False)
report_id = int(sys.argv[2])
ids = [m.id for m in library.load_measures(report_id)]
n = int(sys.argv[3])
while True:
    measure_id = ids[n % len(ids)]
    library.update_measures(report_id, [(measure_id, "steps", f"ขั้นตอนที่ {n}")])
    if n % 5 == 0:
        library.move_measures(report_id, 0, 1, len(ids) - 1)
    print(f"ack {n} {measure_id}", flush=True)
    n += 1
"""


def _pdf_complete(data: bytes) -> bool:
    return data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")


@pytest.mark.slow
def test_killed_two_hundred_times_loses_nothing(tmp_path: Path):
    path = tmp_path / "library.sqlite"
    with Library.open(path) as lib:
        report_id = lib.create_report(Report(municipality="เทศบาลทดสอบความทนทาน", measures=tuple(
            Measure(title=f"มาตรการ {i}") for i in range(6))))
    rng = random.Random(2568)
    target = tmp_path / "out" / "report.pdf"
    target.parent.mkdir()
    target.write_bytes(b"last year's report")
    old = target.read_bytes()
    acknowledged: dict[int, int] = {}  # measure id -> the last edit number acknowledged
    n = 0
    survived = lost = export_kills = edits = 0
    for attempt in range(KILLS):
        exporting = attempt % 5 == 4
        if exporting:
            proc = subprocess.Popen(
                [sys.executable, "-m", "itadesk", "export", "--demo", "002", "-o", str(target)],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.05, 1.2))
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
            export_kills += 1
            data = target.read_bytes()
            assert data == old or _pdf_complete(data), attempt
            old = data
            cleanup_leftovers()  # what the next start does
            assert not list(target.parent.glob(".*.part")), attempt
        else:
            proc = subprocess.Popen([sys.executable, "-c", EDITOR, str(path), str(report_id),
                                     str(n)], stdout=subprocess.PIPE,
                                    stderr=subprocess.DEVNULL, text=True)
            assert proc.stdout is not None
            lines = [proc.stdout.readline() for _ in range(rng.randint(1, 25))]
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
            # every whole line printed before the kill was a committed, acknowledged edit;
            # a line cut off by the kill (no line end) was not acknowledged
            rest = proc.stdout.read()
            lines += [f"{line}\n" for line in rest.split("\n")[:-1]]
            for line in lines:
                parts = line.split()
                if line.endswith("\n") and len(parts) == 3 and parts[0] == "ack":
                    acknowledged[int(parts[2])] = int(parts[1])
                    n = max(n, int(parts[1]) + 2)  # one more may be committed, unacknowledged
                    edits += 1
        with Library.open(path, take_backup=False) as lib:
            assert lib.integrity_ok(), attempt
            on_disk = {m.id: m.steps for m in lib.load_measures(report_id)}
        for measure_id, number in acknowledged.items():
            text = on_disk[measure_id]
            if not text or int(text.rsplit(" ", 1)[1]) < number:
                lost += 1
        survived += 1
    print(f"\nkills survived {survived} of {KILLS} tried ({export_kills} during exports); "
          f"{edits} edits acknowledged, edits lost: {lost}")
    assert survived == KILLS and lost == 0 and edits > KILLS


FIRST_START = r"""
import sys
from pathlib import Path
from itadesk.ui.app import open_library  # the window's own first start, without a window
import itadesk.demo as demo
reports = demo.demo_reports()
demo.demo_reports = lambda: reports  # read before the kill window opens
print("ready", flush=True)
sys.stdin.readline()
open_library(Path(sys.argv[1]))
print("made", flush=True)
"""

BACKUPS = r"""
import sys
from pathlib import Path
from itadesk.store import Library
library = Library.open(Path(sys.argv[1]), take_backup=False)
print("ready", flush=True)
sys.stdin.readline()
while True:
    print(f"backup {library.take_backup(keep=4)}", flush=True)
"""

FIRST_START_KILLS = int(os.environ.get("ITADESK_FIRST_START_KILLS", "40"))
BACKUP_KILLS = int(os.environ.get("ITADESK_BACKUP_KILLS", "40"))


def _killed_after(code: str, args: list[str], wait: float) -> list[str]:
    """Run `code`, let it start its work, kill it `wait` seconds in; its whole lines."""
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdin is not None and proc.stdout is not None
    assert proc.stdout.readline() == "ready\n"
    proc.stdin.write("go\n")
    proc.stdin.flush()
    time.sleep(wait)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    return [line for line in proc.stdout.read().split("\n")[:-1]]


def _reports_in(path: Path) -> int | None:
    """None when the file holds no library at all (nothing of it was made)."""
    import sqlite3

    if not path.exists():
        return None
    conn = sqlite3.connect(path)
    try:
        if not conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]:
            return None
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return conn.execute("SELECT count(*) FROM report").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.slow
def test_killed_during_first_start_and_backups(tmp_path: Path):
    from itadesk.demo import demo_reports
    from itadesk.store.backup import list_backups

    rng = random.Random(2569)
    outcomes = {"nothing": 0, "everything": 0}
    for attempt in range(FIRST_START_KILLS):
        path = tmp_path / f"first-{attempt}" / "library.sqlite"
        lines = _killed_after(FIRST_START, [str(path)], rng.uniform(0.0, 0.08))
        left = _reports_in(path)
        # all three demo reports, or no library at all: never one or two of them
        assert left in (None, 3), (attempt, left)
        assert "made" not in lines or left == 3
        outcomes["nothing" if left is None else "everything"] += 1
        with Library.open(path, take_backup=False, first_reports=demo_reports) as lib:
            assert len(lib.list_reports()) == 3  # the next start makes what was missing
    path = tmp_path / "backed-up" / "library.sqlite"
    with Library.open(path, first_reports=demo_reports) as lib:
        library_id = lib.library_id
    assert library_id
    copies = 0
    for attempt in range(BACKUP_KILLS):
        lines = _killed_after(BACKUPS, [str(path)], rng.uniform(0.0, 0.15))
        made = [Path(line.split(" ", 1)[1]) for line in lines if line.startswith("backup ")]
        copies += len(made)
        Library.open(path).close()  # the next start: leftovers removed, a copy taken
        folder = path.parent / "backups" / library_id
        assert not [p for p in folder.iterdir() if ".tmp" in p.name], attempt
        for backup in list_backups(path, library_id):
            assert _reports_in(backup.path) == 3, (attempt, backup)
    print(f"\nfirst start killed {FIRST_START_KILLS} times: {outcomes['everything']} left the "
          f"whole library, {outcomes['nothing']} nothing; backups killed {BACKUP_KILLS} times "
          f"({copies} copies acknowledged before the kills), no temporary file left")
    assert outcomes["nothing"] and outcomes["everything"]
