"""An edit the window calls saved (บันทึกแล้ว) survives losing power at any moment.

The store's own file calls are recorded while it makes a library and commits edits (two
sessions, so a checkpoint and the log's removal are inside too); the disk is then rebuilt
as a power cut after each call would leave it (only what was synced, all of it, or a
random part of what was not), and each such disk must open whole (integrity_check ok)
holding every edit acknowledged before the cut. Run with -s to see the figures.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from . import powercut

EDITS = int(os.environ.get("ITADESK_POWER_CUT_EDITS", "80"))
QUICK_EDITS = min(EDITS, 12)  # the default run: the same calls, fewer commits between them

WRITER = r"""
import os, sys
from pathlib import Path
from itadesk.domain import Measure, Report
from itadesk.store import Library

path, edits = Path(sys.argv[1]), int(sys.argv[3])
acks = os.open(sys.argv[2], os.O_WRONLY | os.O_CREAT)
n = 0
for session in range(2):
    library = Library.open(path, take_backup=False)
    if session == 0:
        report_id = library.create_report(Report(municipality="เทศบาลทดสอบไฟดับ", measures=tuple(
            Measure(title=f"มาตรการ {i}") for i in range(6))))
        os.write(acks, f"report {report_id}\n".encode())
    ids = [m.id for m in library.load_measures(report_id)]
    for _ in range(edits // 2):
        measure_id = ids[n % len(ids)]
        library.update_measures(report_id, [(measure_id, "steps", f"ขั้นตอนที่ {n} " + "ก" * 300)])
        if n % 5 == 0:
            library.move_measures(report_id, 0, 1, len(ids) - 1)
        # what the window does on success: the status bar says saved
        os.write(acks, f"ack {n} {measure_id}\n".encode())
        n += 1
    library.close()
"""


def _check(disk: dict[str, bytes], acks: list[str], folder: Path) -> list[str]:
    """What is wrong with this disk (nothing: [])."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    for name, content in disk.items():
        (folder / name).write_bytes(content)
    if "library.sqlite" not in disk or not acks:
        return []  # nothing acknowledged yet: any state will do
    conn = sqlite3.connect(folder / "library.sqlite")
    try:
        # the rebuilt disk is only looked at: no need to wait for syncs while reading it
        conn.execute("PRAGMA synchronous = OFF")
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            return ["integrity_check failed"]
        report_id = int(acks[0].split()[1])
        steps = dict(conn.execute("SELECT id, steps FROM measure WHERE report_id = ?",
                                  (report_id,)).fetchall())
    except sqlite3.DatabaseError as exc:
        return [f"unreadable: {exc}"]
    finally:
        conn.close()
    if not steps:
        return ["the acknowledged report is gone"]
    lost = []
    last: dict[int, int] = {}
    for line in acks[1:]:
        _ack, number, measure_id = line.split()
        last[int(measure_id)] = int(number)
    for measure_id, number in last.items():
        text = steps.get(measure_id, "")
        if not text or int(text.split()[1]) < number:
            lost.append(f"edit {number} of measure {measure_id}")
    return lost


@pytest.mark.skipif(shutil.which("strace") is None, reason="needs strace")
@pytest.mark.parametrize("edits", [
    QUICK_EDITS, pytest.param(EDITS, marks=pytest.mark.slow)], ids=["quick", "full"])
def test_power_cut_after_any_file_call_loses_no_acknowledged_edit(tmp_path: Path,
                                                                  edits: int):
    folder = tmp_path / "disk"
    folder.mkdir()
    trace = tmp_path / "trace.txt"
    powercut.record([sys.executable, "-c", WRITER, str(folder / "library.sqlite"),
                     str(folder / "acks.txt"), str(edits)], trace)
    ops = powercut.parse(trace, folder, "acks.txt")
    syncs = sum(op.kind == "sync" for op in ops)
    commits = sum(op.kind == "ack" for op in ops)
    assert commits == edits + 1
    rng = random.Random(2568)
    cuts = lost_edits = broken = 0
    worst: list[str] = []
    for cut in range(len(ops) + 1):
        acks = [a for a in powercut.acknowledged(ops, cut) if a != ""]
        for keep in ("none", "all", rng):
            disk = powercut.disk_after(ops, cut, keep)
            disk.pop("acks.txt", None)
            problems = _check(disk, acks, tmp_path / "rebuilt")
            cuts += 1
            lost_edits += sum(p.startswith("edit") for p in problems)
            broken += any(not p.startswith("edit") for p in problems)
            if problems and not worst:
                worst = [f"cut after call {cut} ({keep}):", *problems[:5]]
    print(f"\npower cuts: {cuts} disks rebuilt at {len(ops) + 1} cut points; {commits} commits "
          f"acknowledged, {syncs} syncs; acknowledged edits lost: {lost_edits}; "
          f"disks not whole: {broken}")
    assert cuts >= (500 if edits >= 80 else 100)
    assert (lost_edits, broken) == (0, 0), worst
