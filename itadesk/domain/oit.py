"""The OIT items of a fiscal year as data: which item each kind of report answers, what it
must show, where we read it and how sure we are.

The items are numbered anew by the NACC each year and by kind of agency (O42/O43 in
2565–2566, O25/O26 in one agency's 2569 list), so they ship as resources/oit/<year>.toml
(resources/oit.schema.json says what a file may hold). A year we could not confirm ships
without items, marked "unconfirmed"; the clerk fills in or corrects a year, and the
library keeps that year in place of the shipped one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from ..paths import resource
from .layout_files import _place, _schema_message

FORMAT = 1
# What a report of this program can be the evidence of.
SERVES = {"analysis": "การวิเคราะห์ผลการประเมิน ITA", "measures": "มาตรการ (แผน)",
          "results": "รายงานผลการดำเนินการ"}
# What an item's evidence must show; the checks read these (domain/oit_checks.py).
ELEMENTS = {
    "owners": "ผู้รับผิดชอบทุกมาตรการ",
    "timing": "ระยะเวลาดำเนินการทุกมาตรการ",
    "results": "ผลการดำเนินการของทุกมาตรการที่วางแผนไว้",
    "acknowledged": "ผู้บริหารรับทราบ/เห็นชอบ พร้อมวันที่",
    "link": "ลิงก์ที่เผยแพร่บนเว็บไซต์ของหน่วยงาน",
}
CONFIDENCE = {"high": "สูง", "medium": "ปานกลาง", "medium-low": "ค่อนข้างต่ำ", "low": "ต่ำ",
              "unknown": "ไม่ทราบ"}
STATUS = {"confirmed": "พบในแหล่งสาธารณะ", "unconfirmed": "ยังไม่ยืนยัน",
          "edited": "หน่วยงานแก้ไขเอง"}
ITEM_OPTION = "oit_item"  # the code of the item a report answers, in Report.options


class CatalogueError(ValueError):
    """A catalogue that cannot be used; `message` is Thai for the clerk."""

    def __init__(self, message: str, where: str = "") -> None:
        super().__init__(f"{where}: {message}" if where else message)
        self.message = message
        self.where = where


@dataclass(frozen=True)
class OitItem:
    code: str  # "O26"
    serves: tuple[str, ...]  # of SERVES
    title: str
    elements: tuple[str, ...]  # of ELEMENTS
    source: str = ""
    confidence: str = "unknown"


@dataclass(frozen=True)
class OitYear:
    fiscal_year: int
    status: str
    source: str
    confidence: str
    items: tuple[OitItem, ...] = ()
    agency: str = ""
    builtin: bool = field(default=True, compare=False)

    def item(self, code: str) -> OitItem | None:
        return next((i for i in self.items if i.code == code), None)

    def serving(self, kind: str) -> OitItem | None:
        """The item a report of this kind (analysis, measures, results) answers."""
        return next((i for i in self.items if kind in i.serves), None)


@lru_cache(maxsize=1)
def _validator() -> Any:
    import jsonschema

    schema = json.loads(resource("oit.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def year_from_dict(data: Any, *, builtin: bool = False) -> OitYear:
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        error = errors[0]
        message = ("รหัสข้อต้องขึ้นต้นด้วย O ตามด้วยตัวเลข เช่น O26" if error.validator == "pattern"
                   else _schema_message(error))
        raise CatalogueError(message, _place(error.absolute_path))
    items = tuple(OitItem(i["code"], tuple(i["serves"]), i["title"].strip(),
                          tuple(i["elements"]), i.get("source", ""),
                          i.get("confidence", "unknown")) for i in data["items"])
    codes = [i.code for i in items]
    for n, code in enumerate(codes):
        if code in codes[:n]:
            raise CatalogueError(f"รหัสข้อ «{code}» ซ้ำกัน", f"items[{n}].code")
    return OitYear(data["fiscal_year"], data["status"], data["source"], data["confidence"],
                   items, data.get("agency", ""), builtin=builtin)


def year_to_dict(year: OitYear) -> dict[str, Any]:
    """The catalogue as plain values (the library's row, the exchange file's entry)."""
    return {
        "format": FORMAT, "fiscal_year": year.fiscal_year, "agency": year.agency,
        "status": year.status, "source": year.source, "confidence": year.confidence,
        "items": [{"code": i.code, "serves": list(i.serves), "title": i.title,
                   "elements": list(i.elements), "source": i.source,
                   "confidence": i.confidence} for i in year.items],
    }


@cache
def shipped_year(fiscal_year: int) -> OitYear | None:
    """The catalogue the program ships for a year, or None for a year it does not know."""
    path = resource("oit", f"{fiscal_year}.toml")
    if not path.is_file():
        return None
    with path.open("rb") as fh:
        import tomllib  # when a catalogue is first read, not at every start

        data = tomllib.load(fh)
    if data.get("fiscal_year") != fiscal_year:
        raise CatalogueError(f"ไฟล์ {path.name} เป็นของปี {data.get('fiscal_year')}")
    return year_from_dict(data, builtin=True)


def shipped_years() -> tuple[int, ...]:
    return tuple(sorted(int(p.stem) for p in resource("oit").glob("*.toml")
                        if p.stem.isdigit()))


def empty_year(fiscal_year: int) -> OitYear:
    """A year the program knows nothing of: no items, for the clerk to fill in."""
    return OitYear(fiscal_year, "unconfirmed", "", "unknown", (), "องค์กรปกครองส่วนท้องถิ่น")


def report_item_code(options: dict[str, Any]) -> str:
    code = options.get(ITEM_OPTION, "")
    return code if isinstance(code, str) else ""


# Layouts whose report is the plan of the measures, not their results.
PLAN_LAYOUTS = frozenset(("measures-plan", "improvement-plan"))


def item_of(report: Any, year: OitYear | None) -> OitItem | None:
    """The item `report` answers: the one it names, else the year's item for what its
    layout makes (the plan's item for a plan, the results' item for the others)."""
    if year is None:
        return None
    code = report_item_code(report.options)
    if code:
        return year.item(code)
    return year.serving("measures" if report.layout in PLAN_LAYOUTS else "results")
