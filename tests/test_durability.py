"""Nothing lost: the program killed at random moments, 200 times in all (a fifth of them
during exports); after each kill the library is whole, every acknowledged edit is there,
and an export target is the old file or the complete new one, with no temporary file left
after the next start. The figures are printed (run with -s to see them)."""

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
