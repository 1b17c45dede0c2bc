"""A cell of the measure table as a clerk finds it: "แถวที่ ๒ ช่อง «ระยะเวลา»" (by the
column's header, as the table shows it; a field of the row's detail panel by its label)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..thai.digits import to_thai_digits
from .measure_detail import TEXT_EXTRAS

if TYPE_CHECKING:
    from .measure_model import MeasureTableModel


def field_name(model: MeasureTableModel, field: str) -> str:
    for column in model.layout.columns:
        if column.field == field:
            return " ".join(column.header.split())
    return dict(TEXT_EXTRAS).get(field, "ชื่อหัวข้อ" if field == "title" else field)


def cell_place(model: MeasureTableModel, measure_id: int, field: str) -> str:
    try:
        row = model.row_of(measure_id)
    except KeyError:
        return "แถวที่ถูกลบแล้ว"
    where = "แถวที่ " + to_thai_digits(str(row + 1))
    if model.is_section(row):
        return f"{where} (หัวข้อหมวด)"
    return f"{where} ช่อง «{field_name(model, field)}»"
