"""Moving a library: every report of one library into another (a file to the office's
server and back), in one transaction, each checked before the commit by its exchange file.

The target must hold no report yet: reports keep their numbers, times and origins, so a
clerk's "report 12" is report 12 in the new place.
"""

from __future__ import annotations

import dataclasses
import json
from typing import TYPE_CHECKING, Any

from ..domain import Report, builtin_layouts
from .errors import LibraryError

if TYPE_CHECKING:
    from .library import Library


class TargetNotEmpty(LibraryError):
    english = "The target library already holds reports; nothing was copied."

    def __init__(self, target: Library, count: int) -> None:
        super().__init__(
            f"คลังปลายทาง «{target.path.name}» มีรายงานอยู่แล้ว {count} ฉบับ จึงไม่ได้คัดลอก "
            "(การย้ายคลังต้องใช้คลังปลายทางที่ว่าง) กรุณาระบุคลังใหม่ที่ยังว่าง "
            "หรือใช้การนำเข้าไฟล์รายงานทีละฉบับ",
            target.path, f"{count} reports")


class CopyMismatch(LibraryError):
    english = "A copied report differed from its original; nothing was copied."

    def __init__(self, target: Library, report_id: int, detail: str) -> None:
        super().__init__(
            f"รายงานเลขที่ {report_id} ในคลังปลายทางไม่ตรงกับต้นฉบับ จึงยกเลิกการคัดลอกทั้งหมด "
            "คลังทั้งสองไม่เปลี่ยน กรุณาแจ้งผู้ดูแลระบบพร้อมข้อความภาษาอังกฤษด้านล่าง",
            target.path, detail)


def exchange_of(library: Library, report: Report) -> dict[str, Any]:
    """The report's exchange file as a dictionary (what save-json writes), its own layout's
    id left out: a layout kept under another id in the target is still the same layout."""
    from ..exchange.jsonfile import report_to_dict

    catalog = library.layouts()
    layout = catalog.get(report.layout) if report.layout in catalog else None
    data = report_to_dict(report, layout if layout is not None and not layout.builtin else None,
                          library.own_oit_year(report.fiscal_year))
    if report.layout not in builtin_layouts():
        data["report"]["layout"] = ""
        for kept in data.get("layouts", ()):
            kept["id"] = ""
    return data


def copy_library(source: Library, target: Library) -> list[tuple[int, int]]:
    """Copy every report (and the clerk's own layouts and OIT years) from source to
    target; returns (source id, target id) pairs. All or nothing."""
    from . import layouts as layout_store
    from . import oit_rows
    from .library import _insert_report, _now

    there = target.list_reports()
    if there:
        raise TargetNotEmpty(target, len(there))
    reports = sorted(source.list_reports(), key=lambda summary: summary.id)
    pairs = []
    with target._tx() as conn:
        renamed = {}
        for layout in source.custom_layouts():
            renamed[layout.id] = layout_store.store(conn, layout, _now(), replace=False).id
        for year in oit_rows.years(source._conn):
            own = source.own_oit_year(year)
            if own is not None and oit_rows.load(conn, year) is None:
                oit_rows.store(conn, own, _now())
        for summary in reports:
            report = source.load_report(summary.id)
            moved = dataclasses.replace(report, layout=renamed.get(report.layout, report.layout))
            pairs.append((summary.id, _insert_report(conn, moved, keep_ids=True)))
        for old, new in pairs:  # read back in the same transaction: a difference undoes all
            want = exchange_of(source, source.load_report(old))
            got = exchange_of(target, target.load_report(new))
            if want != got:
                raise CopyMismatch(target, old, _first_difference(want, got))
    return pairs


def _first_difference(a: Any, b: Any, where: str = "") -> str:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            if a.get(key) != b.get(key):
                return _first_difference(a.get(key), b.get(key), f"{where}.{key}")
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                return _first_difference(x, y, f"{where}[{i}]")
    return f"{where or '.'}: {json.dumps(a, ensure_ascii=False)[:80]} ≠ " \
           f"{json.dumps(b, ensure_ascii=False)[:80]}"
