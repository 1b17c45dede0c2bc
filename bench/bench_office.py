"""The office's shared library on PostgreSQL (issue 19). Prints figures; asserts nothing.

    .venv/bin/python bench/bench_office.py [--url postgresql://…]

Without --url a throwaway cluster of Debian's server is started on a socket in a temporary
folder (durable: fsync and synchronous commit on, as an office server runs), over the
local socket:
- one cell edit committed (Library.edit_cells: the version check, the write, the change
  log, the notice to the others; median, p95; target median ≤ 10 ms), beside the same on
  a library file;
- from the start of an edit in one process until another process, told by LISTEN/NOTIFY,
  has read the new text back (median, p95, worst; target ≤ 1 s);
- opening a report of 1,000 measures (open the library, read the report whole; median of
  5), on the server and on a file;
- `itadesk library copy` of that library file to the server (the whole report checked).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from itadesk.demo import demo_measures  # noqa: E402
from itadesk.domain import Report  # noqa: E402
from itadesk.store import Library  # noqa: E402
from itadesk.store.moving import copy_library  # noqa: E402
from itadesk.store.versions import CellEdit  # noqa: E402


def _report(n: int) -> Report:
    base = demo_measures()
    return Report(municipality="เทศบาลนครตัวอย่าง", fiscal_year=2568, layout="six-timing-first",
                  measures=tuple(base[i % len(base)] for i in range(n)))


def _spread(values: list[float]) -> str:
    values = sorted(values)
    p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
    return (f"median {statistics.median(values) * 1000:.2f} ms, p95 {p95 * 1000:.2f} ms, "
            f"worst {values[-1] * 1000:.2f} ms (n={len(values)})")


def edit_commits(location: Path | str, runs: int = 300) -> list[float]:
    with Library.open(location, take_backup=False) as lib:
        rid = lib.create_report(_report(20))
        measures = lib.load_measures(rid)
        took = []
        for i in range(runs):
            m = measures[i % len(measures)]
            # the version read names what the text was typed over (no one else edits here)
            edit = CellEdit(int(m.id or 0), "result", f"ผลการดำเนินงาน ครั้งที่ {i}",
                            lib.row_versions(rid)[m.id], "")
            start = time.perf_counter()
            outcome = lib.edit_cells(rid, [edit])
            took.append(time.perf_counter() - start)
            assert outcome.saved, outcome
        return took


LISTENER = """
import sys, time
from itadesk.store import Library
url, rid = sys.argv[1], int(sys.argv[2])
with Library.open(url, take_backup=False, create=False) as lib:
    watcher = lib.watcher()
    print("ready", flush=True)
    while True:
        if rid in watcher.wait(5):
            text = lib.load_measures(rid)[0].result
            print(time.time(), text, flush=True)
            if text == "end":
                break
"""


def seen_by_another(url: str, runs: int = 40) -> list[float]:
    with Library.open(url, take_backup=False) as lib:
        rid = lib.create_report(_report(20))
        mid = int(lib.load_measures(rid)[0].id or 0)
        other = subprocess.Popen([sys.executable, "-c", LISTENER, url, str(rid)], cwd=ROOT,
                                 stdout=subprocess.PIPE, text=True)
        assert other.stdout is not None
        assert other.stdout.readline().strip() == "ready"
        sent: dict[str, float] = {}
        took = []
        for i in range(runs + 1):
            text = "end" if i == runs else f"แก้ครั้งที่ {i}"
            version = lib.row_versions(rid)[mid]
            sent[text] = time.time()
            lib.edit_cells(rid, [CellEdit(mid, "result", text, version, "")])
            while True:  # wait until the other process has read this very text
                at, seen = other.stdout.readline().rstrip("\n").split(" ", 1)
                if seen == text:
                    break
            if text != "end":
                took.append(float(at) - sent[text])
            time.sleep(0.05)
        other.wait(timeout=30)
        return took


def opening(location: Path | str, rid: int, runs: int = 5) -> list[float]:
    took = []
    for _ in range(runs):
        start = time.perf_counter()
        with Library.open(location, take_backup=False, create=False) as lib:
            report = lib.load_report(rid)
        took.append(time.perf_counter() - start)
        assert len(report.measures) == 1000
    return took


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", help="an empty database on a server of your own")
    args = parser.parse_args()
    cluster = None
    if args.url:
        url = args.url
    else:
        from tests.pgcluster import Cluster

        cluster = Cluster(durable=True)
        cluster.start()
        url = cluster.url(cluster.new_database())
    folder = Path(tempfile.mkdtemp())
    try:
        print(f"edit commit, server over the local socket: {_spread(edit_commits(url))}")
        print(f"edit commit, library file (synchronous=FULL): "
              f"{_spread(edit_commits(folder / 'bench.sqlite'))}")
        print(f"edit seen by another process (NOTIFY, then read back): "
              f"{_spread(seen_by_another(url))}")
        big = folder / "big.sqlite"
        with Library.open(big, take_backup=False) as lib:
            rid = lib.create_report(_report(1000))
        if cluster is None:  # a server of the tester's: its database has reports by now
            target = url
            with Library.open(target, take_backup=False) as lib:
                moved = lib.create_report(_report(1000))
        else:
            target = cluster.url(cluster.new_database())
            start = time.perf_counter()
            with Library.open(big, take_backup=False) as a, Library.open(target) as b:
                [(_, moved)] = copy_library(a, b)
            print(f"library copy of a 1,000-measure report to the server, checked: "
                  f"{(time.perf_counter() - start) * 1000:.0f} ms")
        print(f"open a 1,000-measure report, server: {_spread(opening(target, moved))}")
        print(f"open a 1,000-measure report, file: {_spread(opening(big, rid))}")
    finally:
        if cluster is not None:
            cluster.remove()
    return 0


if __name__ == "__main__":
    sys.exit(main())
