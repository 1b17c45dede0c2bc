"""`itadesk cell`: one cell read or saved, as a clerk of a shared library does it.

Reading prints `<version>\\t<text>` of the cell's row. Saving names the version read
(--version) and the text then (--base); another clerk's newer text in that cell is a
conflict (exit 8): nothing is written, and `conflict\\t<version>\\t<who>\\t<their text>`
is printed, for the clerk to save again over that version or leave theirs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from .cli import EXIT_CONFLICT, EXIT_NOT_FOUND, EXIT_OK


def cell(args: argparse.Namespace, path: Path, find: Callable[..., int | None]) -> int:
    from .store import Library
    from .store.versions import REPORT_ROW, CellEdit

    with Library.open(path, take_backup=False, create=False) as library:
        rid = find(library, args.report)
        if rid is None:
            return EXIT_NOT_FOUND
        report = library.load_report(rid)
        if args.row == 0:
            measure_id, current = REPORT_ROW, getattr(report, args.field, None)
        elif 1 <= args.row <= len(report.measures):
            measure = report.measures[args.row - 1]
            measure_id, current = int(measure.id or 0), getattr(measure, args.field, None)
        else:
            print(f"รายงานนี้ไม่มีแถวที่ {args.row} (มี {len(report.measures)} แถว)", file=sys.stderr)
            print(f"No row {args.row}.", file=sys.stderr)
            return EXIT_NOT_FOUND
        if not isinstance(current, str):
            raise KeyError(args.field)
        version = library.row_versions(rid).get(measure_id, 1)
        if args.text is None:
            print(f"{version}\t{current}")
            return EXIT_OK
        over = version if args.over_version is None else args.over_version
        # without --base only the version read is known: any other text there is theirs
        base = current if args.over_version is None else (
            args.base if args.base is not None else "\0")
        outcome = library.edit_cells(rid, [CellEdit(measure_id, args.field, args.text,
                                                    over, base)])
    for conflict in outcome.conflicts:
        print(f"conflict\t{conflict.version}\t{conflict.who}\t{conflict.theirs}")
        print(f"{conflict.who or 'ผู้ใช้อื่น'} บันทึกช่องนี้ไว้ก่อนแล้วเป็น «{conflict.theirs}» "
              "จึงยังไม่ได้บันทึกข้อความของคุณ ถ้าต้องการใช้ข้อความของคุณ ให้สั่งอีกครั้งพร้อม "
              f"--version {conflict.version}", file=sys.stderr)
        print("Another clerk saved this cell since; nothing was written.", file=sys.stderr)
        return EXIT_CONFLICT
    if outcome.gone:
        print("แถวนี้ถูกลบไปแล้วโดยผู้ใช้อื่น จึงไม่ได้บันทึก", file=sys.stderr)
        print("The row was deleted meanwhile.", file=sys.stderr)
        return EXIT_NOT_FOUND
    print(outcome.versions[measure_id])
    return EXIT_OK
