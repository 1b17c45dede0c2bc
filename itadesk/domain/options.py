"""The export options a clerk chooses per report (kept in `Report.options`), named once:
the window's dialog and the command line both read these lists, and a test checks that
every switch of `document.ExportOptions` is here.

Here rather than beside ExportOptions: the command line builds its parser from SWITCHES
at every start, the window's too, and the document package is slow to import.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Switch:
    name: str  # the ExportOptions field, and --name-with-dashes on the command line
    thai: str  # what the clerk reads
    english: str  # for the command line's help, beside the Thai


SWITCHES: tuple[Switch, ...] = (
    Switch("cover", "หน้าปก", "cover page"),
    Switch("title_block", "หัวรายงานเหนือตาราง", "title block"),
    Switch("opening", "ย่อหน้าเปิด", "opening paragraph"),
    Switch("closing", "บทสรุปภาพรวม", "closing summary"),
    Switch("memo", "บันทึกข้อความนำเรียน (ถ้ามีข้อมูลบันทึก)", "cover memo"),
    Switch("signatures", "ช่องลงนามท้ายรายงาน", "signature blocks"),
    Switch("score_lines", "บรรทัดคะแนน ITA (คำนวณจากคะแนน)", "ITA score lines"),
    Switch("page_numbers", "เลขหน้ากึ่งกลางด้านบน", "page numbers"),
    Switch("continuation_word", "คำต่อหน้าที่มุมล่างขวา (PDF)",
           "next page's first word, bottom right (PDF)"),
    # the table shows digits as typed: the clerk is told that these are changed
    Switch("thai_digits", "ใช้เลขไทยในไฟล์และที่สั่งพิมพ์ (ตัวเลขที่พิมพ์ในตารางเปลี่ยนให้เอง "
           "ยกเว้นเว็บไซต์และอีเมล)", "Thai digits"),
    Switch("embed_fonts", "ฝังแบบอักษร TH Sarabun New ในไฟล์ Word",
           "embed fonts in the .docx"),
)
ORIENTATIONS: tuple[tuple[str, str], ...] = (
    ("auto", "ตามรูปแบบรายงาน"), ("landscape", "แนวนอน"), ("portrait", "แนวตั้ง"))

# Where the title block shows the code of the OIT item the report answers.
OIT_CODE_PLACES: tuple[tuple[str, str], ...] = (
    ("none", "ไม่แสดง"), ("above", "บรรทัดบนสุดชิดขวา (เช่น O26)"),
    ("before", "หน้าชื่อรายงาน (เช่น O26 รายงานผล…)"))

GARUDA_IMAGE = "garuda_image"  # a picture file for the memo
# What the options dialog sets; the rest of `Report.options` (the memo's fields) is kept.
CHOSEN = frozenset((*(s.name for s in SWITCHES), "orientation", "oit_code", GARUDA_IMAGE))
# Kept in a report's options but about that report alone (its memo, its picture): a new
# report starts with the clerk's last choices without them.
# (the OIT item, the publication record and last year's score sheet are the report's own too)
OWN_TO_REPORT = frozenset(("memo_form", GARUDA_IMAGE, "oit_item", "publication", "score_sheet"))


def thai_digits(options: dict[str, Any]) -> bool:
    """Whether the report's files and printout use Thai digits, as ExportOptions.from_report
    reads it (the window and the round's period ask it without the document package)."""
    value = options.get("thai_digits")
    return value if isinstance(value, bool) else True


def with_choices(options: dict[str, Any], choices: dict[str, Any]) -> dict[str, Any]:
    """A report's options with the clerk's choices; other entries (the memo's fields)
    are kept, choices that are not options are dropped."""
    return {**options, **{k: v for k, v in choices.items() if k in CHOSEN}}


def rebased(shown: dict[str, Any], chosen: dict[str, Any], current: dict[str, Any],
            ) -> dict[str, Any]:
    """What a dialog opened on `shown` chose, put on the options as they are now: only the
    entries the clerk changed in it. Another clerk's choice heard while the dialog was
    open (its own event loop takes the notices) is kept, not undone by OK."""
    out = dict(current)
    for key in shown.keys() | chosen.keys():
        if key not in chosen:
            if key in shown:
                out.pop(key, None)
        elif chosen[key] != shown.get(key, _ABSENT):
            out[key] = chosen[key]
    return out


_ABSENT = object()


def carried_to_new_report(options: dict[str, Any]) -> dict[str, Any]:
    """The part of a report's options a new report starts with."""
    return {k: v for k, v in options.items() if k not in OWN_TO_REPORT}
