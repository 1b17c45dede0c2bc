"""The five report layouts of the published reports, as data.

A layout says which measure fields appear, in which order, under which exact Thai header,
how wide each column is relative to the others, and the page orientation. The table
editor, the Word writer and the PDF writer all read it; none of them hard-codes a column.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Orientation(StrEnum):
    PORTRAIT = "portrait"
    LANDSCAPE = "landscape"


class Form(StrEnum):
    TABLE = "table"
    NARRATIVE = "narrative"


@dataclass(frozen=True)
class Column:
    field: str  # a Measure text field
    header: str  # exact Thai header text of the published reports
    width: float  # relative width
    label: str = ""  # narrative form: the label before the paragraph ("ผู้รับผิดชอบ:")
    required: bool = False


@dataclass(frozen=True)
class Layout:
    id: str
    name: str  # shown to the clerk
    seen_in: str
    form: Form
    orientation: Orientation
    columns: tuple[Column, ...]
    sections: bool = False  # rows may be section headings spanning all columns

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(c.field for c in self.columns)

    def column_for(self, field: str) -> Column | None:
        return next((c for c in self.columns if c.field == field), None)


_OUTCOME = "ผลลัพธ์หรือความสำเร็จของการดำเนินการ"

LAYOUTS: tuple[Layout, ...] = (
    Layout(
        id="six-measures",
        name="ตาราง ๖ ช่อง: มาตรการ/กิจกรรม/แนวทางที่ดำเนินการ (แบบเทศบาลเมืองกาฬสินธุ์)",
        seen_in="000",
        form=Form.TABLE,
        orientation=Orientation.LANDSCAPE,
        columns=(
            Column("title", "มาตรการ/กิจกรรม/แนวทางที่ดำเนินการ", 1.1, required=True),
            Column("steps", "ขั้นตอน/วิธีการปฏิบัติ", 1.2),
            Column("owner", "ผู้รับผิดชอบ", 0.6, required=True),
            Column("timing", "ระยะเวลาดำเนินการ", 0.6, required=True),
            Column("result", "สรุปผลการดำเนินงานตามมาตรการ", 1.3, required=True),
            Column("outcome", _OUTCOME, 1.2),
        ),
    ),
    Layout(
        id="six-guidelines",
        name="ตาราง ๖ ช่อง: มาตรการ/แนวทาง (แบบเทศบาลเมืองชัยนาท)",
        seen_in="001",
        form=Form.TABLE,
        orientation=Orientation.LANDSCAPE,
        columns=(
            Column("title", "มาตรการ/แนวทาง", 1.0, required=True),
            Column("steps", "วิธีการดำเนินการ", 1.3),
            Column("owner", "ผู้รับผิดชอบ", 0.7, required=True),
            Column("timing", "ระยะเวลาดำเนินการ", 0.7, required=True),
            Column("result", "ผลการดำเนินการ", 1.1, required=True),
            Column("outcome", _OUTCOME, 1.2),
        ),
    ),
    Layout(
        id="six-timing-first",
        name="ตาราง ๖ ช่อง: ระยะเวลาก่อนผู้รับผิดชอบ (แบบเทศบาลตำบลบ่อปลาทอง)",
        seen_in="002",
        form=Form.TABLE,
        orientation=Orientation.LANDSCAPE,
        columns=(
            Column("title", "มาตรการ/กิจกรรม", 1.0, required=True),
            Column("steps", "วิธีดำเนินการ", 1.4),
            Column("timing", "ระยะเวลาดำเนินการ", 0.6, required=True),
            Column("owner", "ผู้รับผิดชอบ", 0.6, required=True),
            Column("result", "ผลการดำเนินการ", 1.4, required=True),
            Column("outcome", _OUTCOME, 1.2),
        ),
    ),
    Layout(
        id="improvement-plan",
        name="แผนปรับปรุง ๕ ช่อง มีหัวข้อหมวด (ประเด็นที่ต้องปรับปรุงแก้ไข)",
        seen_in="another municipality",
        form=Form.TABLE,
        orientation=Orientation.LANDSCAPE,
        sections=True,
        columns=(
            Column("title", "ประเด็นที่ต้องปรับปรุงแก้ไข/ประเด็นที่ต้องพัฒนา", 1.3, required=True),
            Column("owner", "ผู้รับผิดชอบ", 0.7, required=True),
            Column("steps", "ขั้นตอนหรือวิธีการ/มาตรการ", 1.5),
            Column("timing", "การแสดงผลและการกำกับติดตาม กำหนดเวลาแล้วเสร็จ", 0.9, required=True),
            Column("outcome", "ผลลัพธ์/ความสำเร็จ", 1.1),
        ),
    ),
    Layout(
        id="narrative",
        name="แบบบรรยาย ไม่มีตาราง (หัวข้อ ๑. มาตรการ… แล้วย่อหน้าตามหัวเรื่อง)",
        seen_in="another municipality",
        form=Form.NARRATIVE,
        orientation=Orientation.PORTRAIT,
        columns=(
            Column("title", "มาตรการ", 1.0, label="", required=True),
            Column("activity", "โครงการ/กิจกรรม", 1.0, label="โครงการ/กิจกรรม:"),
            Column("steps", "ขั้นตอนหรือวิธีการปฏิบัติ", 1.3, label="ขั้นตอนหรือวิธีการปฏิบัติ:"),
            Column("timing", "ช่วงระยะเวลาในการดำเนินการ", 0.8,
                   label="ช่วงระยะเวลาในการดำเนินการ:", required=True),
            Column("owner", "ผู้รับผิดชอบ", 0.7, label="ผู้รับผิดชอบ:", required=True),
            Column("result", "ผลการดำเนินการ (Output)", 1.1,
                   label="ผลการดำเนินการ (Output):", required=True),
            Column("outcome", "ผลลัพธ์หรือผลสัมฤทธิ์ (Outcome/Result)", 1.1,
                   label="ผลลัพธ์หรือผลสัมฤทธิ์ (Outcome/Result):"),
        ),
    ),
)

_BY_ID = {layout.id: layout for layout in LAYOUTS}


def layout_by_id(layout_id: str) -> Layout:
    try:
        return _BY_ID[layout_id]
    except KeyError:
        raise KeyError(f"unknown layout {layout_id!r}") from None
