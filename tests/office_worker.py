"""A clerk's long-running session on a shared library, as its own process (the window's
way: one connection, kept through a server restart): edits its own cells, and a cell
every clerk edits, each edit typed over the version it read. Prints one line per edit:
`saved|conflict <row> <field> <text>` (and `lost` while the server is away); an edit the
server could not take is sent again until it is saved or refused as a conflict (never
dropped).

    python -m tests.office_worker URL REPORT NAME ROWS… [--shared ROW] [--pause S]
"""

from __future__ import annotations

import argparse
import sys
import time

from itadesk.store import Library
from itadesk.store.errors import ServerUnreachable
from itadesk.store.versions import CellEdit


def send(library: Library, rid: int, edit: CellEdit) -> str:
    deadline = time.monotonic() + 60
    while True:
        try:
            outcome = library.edit_cells(rid, [edit])
        except ServerUnreachable:
            if time.monotonic() > deadline:
                raise
            print("lost", flush=True)
            time.sleep(0.2)  # the server is away: the edit waits, kept here
            continue
        return "conflict" if outcome.conflicts else "saved"


def read(library: Library, rid: int, row: int, field: str) -> tuple[int, int, str]:
    while True:
        try:
            measure = library.load_measures(rid)[row]
            return int(measure.id or 0), library.row_versions(rid)[measure.id], getattr(
                measure, field)
        except ServerUnreachable:
            print("lost", flush=True)
            time.sleep(0.2)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("report", type=int)
    parser.add_argument("name")
    parser.add_argument("rows", type=int, nargs="+")
    parser.add_argument("--shared", type=int)
    parser.add_argument("--pause", type=float, default=0.05)
    args = parser.parse_args()
    with Library.open(args.url, take_backup=False, create=False) as library:
        library.show_report(args.report)
        print("ready", flush=True)
        sys.stdin.readline()  # all clerks start together
        for row in args.rows:
            shared = args.shared is not None and row == args.rows[len(args.rows) // 2]
            if shared:  # read the shared cell, "type" for a moment, then save
                mid, version, base = read(library, args.report, args.shared, "outcome")
                time.sleep(args.pause * 4)
                text = f"{args.name} แก้ช่องร่วม"
                done = send(library, args.report, CellEdit(mid, "outcome", text, version, base))
                print(f"{done} {args.shared} outcome {text}", flush=True)
            mid, version, base = read(library, args.report, row, "result")
            text = f"ผลของ {args.name} แถว {row}"
            done = send(library, args.report, CellEdit(mid, "result", text, version, base))
            print(f"{done} {row} result {text}", flush=True)
            time.sleep(args.pause)
    return 0


if __name__ == "__main__":
    sys.exit(main())
