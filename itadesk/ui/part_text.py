"""A part of a report (domain/report_parts.py) as the clerk knows it, for a conflict: where
it is ("ผู้ลงนามท้ายรายงาน", "ตัวเลือกการส่งออก «หน้าปก»") and its text in plain words
(never the JSON it is kept as)."""

from __future__ import annotations

import json
from typing import Any

from ..domain.memo import MEMO_TEXT_FIELDS
from ..domain.model import REPORT_TEXT_FIELDS
from ..domain.options import GARUDA_IMAGE, OIT_CODE_PLACES, ORIENTATIONS, SWITCHES
from ..domain.report_parts import FISCAL_YEAR, MEMO, OPTIONS, SIGNERS, field_of
from ..thai.digits import to_thai_digits
from .drafts import REPORT_FIELD_LABELS

LONGEST = 400  # characters of a part shown whole in a question; the rest is cut
_CHOICES = {"orientation": ("การวางหน้ากระดาษ", dict(ORIENTATIONS)),
            "oit_code": ("รหัสข้อ OIT ในหัวรายงาน", dict(OIT_CODE_PLACES))}
_OPTION_LABELS = {s.name: s.thai for s in SWITCHES} | {
    k: label for k, (label, _values) in _CHOICES.items()} | {
    GARUDA_IMAGE: "ตราครุฑ", "publication": "ข้อมูลการเผยแพร่",
    "score_sheet": "คะแนน ITA ปีที่แล้ว", "oit_item": "ข้อ OIT ที่รายงานนี้ตอบ"}
_EXPORT_CHOICES = frozenset((*(s.name for s in SWITCHES), *_CHOICES))
_MEMO_LABELS = dict(MEMO_TEXT_FIELDS) | {
    "signer": "ผู้ลงนามบันทึก", "endorsements": "ความเห็นผู้บังคับบัญชา",
    "garuda_image": "ตราครุฑ"}


def where(part: str) -> str:
    field, _, key = part.partition(".")
    field_of(part)
    if field in REPORT_TEXT_FIELDS:
        return f"ข้อมูลรายงาน ช่อง «{REPORT_FIELD_LABELS.get(field, field)}»"
    if field == FISCAL_YEAR:
        return "ข้อมูลรายงาน ช่อง «ปีงบประมาณ»"
    if field == SIGNERS:
        return "ผู้ลงนามท้ายรายงาน"
    if field == OPTIONS:
        if not key:
            return "ตัวเลือกของรายงาน"
        kind = "ตัวเลือกการส่งออก" if key in _EXPORT_CHOICES else "ข้อมูลรายงาน"
        return f"{kind} «{_OPTION_LABELS.get(key, key)}»"
    if not key:
        return "บันทึกข้อความนำเรียน (ทั้งฉบับ)"
    return f"บันทึกข้อความนำเรียน ช่อง «{_MEMO_LABELS.get(key, key)}»"


def readable(part: str, text: str) -> str:
    """The part's text as the clerk reads it."""
    field, _, key = part.partition(".")
    if field in REPORT_TEXT_FIELDS:
        return text
    if field == FISCAL_YEAR:
        return to_thai_digits(text)
    if not text:
        return {OPTIONS: "(ไม่ได้ตั้งไว้)", MEMO: "(ไม่มีบันทึกข้อความ)"}.get(field, "")
    value = json.loads(text)
    if field == SIGNERS:
        return "\n".join(_person(s) for s in value) or "(ไม่มีผู้ลงนาม)"
    if field == OPTIONS and key:
        return _cut(_option(key, value))
    if field == MEMO and key == "signer":
        return _person(value)
    if field == MEMO and key == "endorsements":
        return _cut("\n".join(f"{e['text']} — {_person(e)}" for e in value)) or "(ไม่มี)"
    if field == MEMO and not key:
        return _cut("\n".join(f"{_MEMO_LABELS[k]}: {value[k]}" for k, _label in MEMO_TEXT_FIELDS
                              if value.get(k)))
    return _cut(value if isinstance(value, str) else _plain(value))


def _person(data: dict[str, Any]) -> str:
    positions = " / ".join(data.get("positions") or ())
    return data.get("name", "") + (f" ({positions})" if positions else "")


def _option(key: str, value: Any) -> str:
    if isinstance(value, bool):
        return "เปิด" if value else "ปิด"
    if key in _CHOICES:
        return _CHOICES[key][1].get(value, str(value))
    return value if isinstance(value, str) else _plain(value)


def _plain(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1)


def _cut(text: str) -> str:
    return text if len(text) <= LONGEST else text[:LONGEST] + "…"
