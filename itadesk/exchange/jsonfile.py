"""The portable JSON file of one report (`.itadesk.json`), format 2 (format 1 still read).

Format 2 keeps the cover memo as `report.memo` (typed: its signer and picture inside);
format 1 kept it in `report.options.memo_form`, signed by the report's first signer.

UTF-8 with Thai kept as Thai. The demo reports in resources/demo are such files. What is
read is checked first (checking.py: bounded, then validated against the JSON Schema).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain import (
    MEASURE_TEXT_FIELDS,
    Layout,
    LayoutError,
    Measure,
    MeasureKind,
    Report,
    Score,
    Signer,
    builtin_layouts,
)
from ..domain.layout_files import layout_from_dict, layout_to_dict
from ..domain.memo import OLD_FORM_KEY, from_form, memo_from_dict, memo_to_dict
from ..domain.model import REPORT_TEXT_FIELDS, RoundText
from ..domain.oit import CatalogueError, OitYear, year_from_dict, year_to_dict
from ..domain.options import GARUDA_IMAGE
from ..export.files import write_atomically
from .checking import FORMAT, ExchangeError, check, parse, read_bounded

__all__ = ["FORMAT", "Exchange", "ExchangeError", "exchange_from_dict", "read_exchange",
           "read_report", "report_from_dict", "report_to_dict", "write_report"]


@dataclass(frozen=True)
class Exchange:
    """What an exchange file holds: the report, and the clerk's own layouts it uses."""

    report: Report
    layouts: tuple[Layout, ...] = ()
    oit: OitYear | None = None  # the report's year's OIT items, when the clerk edited them

    @property
    def layout(self) -> Layout:
        return builtin_layouts().plus(self.layouts).get(self.report.layout)


def report_to_dict(report: Report, layout: Layout | None = None,
                   oit: OitYear | None = None) -> dict[str, Any]:
    """The file's dictionary; `layout` is the report's, carried along when it is one of the
    clerk's own (a shipped one is named only)."""
    if layout is not None and layout.id != report.layout:
        raise ValueError(f"layout {layout.id!r} given for a report in {report.layout!r}")
    if layout is None and report.layout not in builtin_layouts():
        raise ValueError(f"the definition of layout {report.layout!r} must be given")
    data: dict[str, Any] = {f: getattr(report, f) for f in REPORT_TEXT_FIELDS}
    data["fiscal_year"] = report.fiscal_year
    data["signers"] = [
        {"name": s.name, "positions": list(s.positions), "role": s.role} for s in report.signers
    ]
    data["options"] = report.options
    if report.memo is not None:
        data["memo"] = memo_to_dict(report.memo)
    data["measures"] = [_measure_to_dict(m) for m in report.measures]
    out: dict[str, Any] = {"format": FORMAT}
    if layout is not None and not layout.builtin:
        out["layouts"] = [layout_to_dict(layout)]
    if oit is not None and not oit.builtin:
        out["oit"] = year_to_dict(oit)
    out["report"] = data
    return out


def _measure_to_dict(m: Measure) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": str(m.kind)}
    out.update({f: getattr(m, f) for f in MEASURE_TEXT_FIELDS if getattr(m, f)})
    if m.scores:
        out["scores"] = [
            {"topic": s.topic, "previous": s.previous, "current": s.current} for s in m.scores
        ]
    if m.rounds:
        out["rounds"] = [{"round": r.round, "result": r.result, "outcome": r.outcome}
                         for r in m.rounds]
    return out


def report_from_dict(data: Any) -> Report:
    return exchange_from_dict(data).report


def exchange_from_dict(data: Any, *, trusted: bool = False) -> Exchange:
    """What a parsed exchange file holds; the file is checked against its JSON Schema
    first, so what follows can trust every type. ``trusted``: made a moment ago by this
    program's own report_to_dict (the preview's requests), where the check costs a sixth
    of a refresh and can find nothing."""
    if not trusted:
        check(data)
    layouts = []
    for i, item in enumerate(data.get("layouts", ())):
        try:
            layouts.append(layout_from_dict(item))
        except LayoutError as exc:
            where = f"layouts[{i}]" + (f".{exc.where}" if exc.where else "")
            raise ExchangeError(f"รูปแบบรายงานของหน่วยงานในไฟล์ใช้ไม่ได้: {exc.message}",
                                where, f"Layout {i} in the file: {exc}") from exc
    r = data["report"]
    texts = {f: r[f] for f in REPORT_TEXT_FIELDS if f in r}
    signers = tuple(Signer(s.get("name", ""), tuple(s.get("positions", ())), s.get("role", ""))
                    for s in r.get("signers", ()))
    measures = tuple(
        Measure(kind=MeasureKind(m.get("kind", "measure")),
                scores=tuple(Score(s.get("topic", ""), s.get("previous", ""),
                                   s.get("current", "")) for s in m.get("scores", ())),
                rounds=tuple(RoundText(r["round"], r.get("result", ""), r.get("outcome", ""))
                             for r in m.get("rounds", ())),
                **{f: m.get(f, "") for f in MEASURE_TEXT_FIELDS})
        for m in r.get("measures", ()))
    options = dict(r.get("options", {}))
    form = options.pop(OLD_FORM_KEY, None)  # format 1's memo
    memo = None
    if "memo" in r:
        memo = memo_from_dict(r["memo"])
    elif form is not None:
        memo = from_form(form, signers[0] if signers else None, options.pop(GARUDA_IMAGE, ""))
    report = Report(fiscal_year=int(r.get("fiscal_year", 2568)), signers=signers,
                    options=options, measures=measures, memo=memo, **texts)
    oit = None
    if "oit" in data:
        try:
            oit = year_from_dict(data["oit"])
        except CatalogueError as exc:
            where = "oit" + (f".{exc.where}" if exc.where else "")
            raise ExchangeError(f"รายการข้อ OIT ในไฟล์ใช้ไม่ได้: {exc.message}", where,
                                f"The file's OIT items: {exc}") from exc
    return Exchange(report, tuple(layouts), oit)


def read_exchange(path: Path) -> Exchange:
    return exchange_from_dict(parse(read_bounded(Path(path))))


def read_report(path: Path) -> Report:
    return read_exchange(path).report


def write_report(report: Report, path: Path, layout: Layout | None = None,
                 oit: OitYear | None = None) -> None:
    """Written whole or not at all (the old file stays if anything fails); `layout` and
    `oit` as in report_to_dict."""
    text = json.dumps(report_to_dict(report, layout, oit), ensure_ascii=False,
                      indent=1) + "\n"
    write_atomically(Path(path), lambda fh: fh.write(text.encode("utf-8")))
