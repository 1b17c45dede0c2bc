"""The portable JSON file of one report (`.itadesk.json`), format 1.

UTF-8 with Thai kept as Thai. The demo reports in resources/demo are such files.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from ..domain import MEASURE_TEXT_FIELDS, Measure, MeasureKind, Report, Score, Signer
from ..domain.layouts import layout_by_id
from ..domain.model import REPORT_TEXT_FIELDS

FORMAT = 1


class ExchangeError(ValueError):
    """A file that is not a report we can read; `message` is Thai for the clerk."""

    def __init__(self, message: str, where: str = "") -> None:
        super().__init__(f"{where}: {message}" if where else message)
        self.message = message
        self.where = where


def report_to_dict(report: Report) -> dict[str, Any]:
    data: dict[str, Any] = {f: getattr(report, f) for f in REPORT_TEXT_FIELDS}
    data["fiscal_year"] = report.fiscal_year
    data["signers"] = [
        {"name": s.name, "positions": list(s.positions), "role": s.role} for s in report.signers
    ]
    data["options"] = report.options
    data["measures"] = [_measure_to_dict(m) for m in report.measures]
    return {"format": FORMAT, "report": data}


def _measure_to_dict(m: Measure) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": str(m.kind)}
    out.update({f: getattr(m, f) for f in MEASURE_TEXT_FIELDS if getattr(m, f)})
    if m.scores:
        out["scores"] = [
            {"topic": s.topic, "previous": s.previous, "current": s.current} for s in m.scores
        ]
    return out


def _text(obj: dict[str, Any], key: str, where: str) -> str:
    value = obj.get(key, "")
    if not isinstance(value, str):
        raise ExchangeError(f"ช่อง «{key}» ต้องเป็นข้อความ", where)
    return value


def report_from_dict(data: Any) -> Report:
    if not isinstance(data, dict) or "report" not in data:
        raise ExchangeError("ไม่ใช่ไฟล์รายงานของ ITA Desk (ไม่มีส่วน report)")
    version = data.get("format")
    if version != FORMAT:
        raise ExchangeError(
            f"ไฟล์นี้เป็นรูปแบบที่ {version} แต่โปรแกรมนี้อ่านได้เฉพาะรูปแบบที่ {FORMAT}", "format")
    r = data["report"]
    if not isinstance(r, dict):
        raise ExchangeError("ส่วน report ต้องเป็นชุดข้อมูล", "report")
    texts = {f: _text(r, f, f"report.{f}") for f in REPORT_TEXT_FIELDS if f in r}
    if "layout" in texts:
        try:
            layout_by_id(texts["layout"])
        except KeyError:
            raise ExchangeError(f"ไม่รู้จักรูปแบบรายงาน «{texts['layout']}»",
                                "report.layout") from None
    year = r.get("fiscal_year", 2568)
    if not isinstance(year, int) or isinstance(year, bool):
        raise ExchangeError("ปีงบประมาณต้องเป็นตัวเลข", "report.fiscal_year")
    signers = []
    for i, s in enumerate(r.get("signers", [])):
        where = f"report.signers[{i}]"
        if not isinstance(s, dict):
            raise ExchangeError("ข้อมูลผู้ลงนามไม่ถูกต้อง", where)
        positions = s.get("positions", [])
        if not isinstance(positions, list) or not all(isinstance(p, str) for p in positions):
            raise ExchangeError("ตำแหน่งต้องเป็นรายการข้อความ", f"{where}.positions")
        signers.append(Signer(_text(s, "name", where), tuple(positions), _text(s, "role", where)))
    options = r.get("options", {})
    if not isinstance(options, dict):
        raise ExchangeError("ตัวเลือกการส่งออกต้องเป็นชุดข้อมูล", "report.options")
    measures = []
    raw_measures = r.get("measures", [])
    if not isinstance(raw_measures, list):
        raise ExchangeError("มาตรการต้องเป็นรายการ", "report.measures")
    for i, m in enumerate(raw_measures):
        where = f"report.measures[{i}]"
        if not isinstance(m, dict):
            raise ExchangeError("ข้อมูลมาตรการไม่ถูกต้อง", where)
        try:
            kind = MeasureKind(m.get("kind", "measure"))
        except ValueError:
            raise ExchangeError("ชนิดแถวต้องเป็น measure หรือ section", f"{where}.kind") from None
        scores = tuple(
            Score(_text(s, "topic", where), _text(s, "previous", where),
                  _text(s, "current", where))
            for s in m.get("scores", [])
        )
        fields = {f: _text(m, f, f"{where}.{f}") for f in MEASURE_TEXT_FIELDS}
        measures.append(Measure(kind=kind, scores=scores, **fields))
    return Report(fiscal_year=year, signers=tuple(signers), options=options,
                  measures=tuple(measures), **texts)


def read_report(path: Path) -> Report:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise ExchangeError("ไฟล์ไม่ได้เข้ารหัสแบบ UTF-8") from exc
    except json.JSONDecodeError as exc:
        raise ExchangeError(
            f"ไฟล์ JSON ไม่สมบูรณ์ (บรรทัด {exc.lineno} ตำแหน่ง {exc.colno})") from exc
    return report_from_dict(data)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_report(report: Report, path: Path) -> None:
    """Written to a temporary file beside the target, then renamed into place."""
    path = Path(path)
    text = json.dumps(report_to_dict(report), ensure_ascii=False, indent=1) + "\n"
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a saved file is the user's
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
