"""The cover memo (บันทึกข้อความ, the government memo form of ระเบียบงานสารบรรณ) as a typed
value: its header fields, its three parts, the closing line, who signs it and the
endorsements (ความเห็นผู้บังคับบัญชา) written below, and the Garuda picture.

Until library step 3 and exchange format 2 the memo was an untyped dict in
`Report.options["memo_form"]` signed by the report's first signer; `from_form` reads that.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from .model import Signer

# The memo's text fields, in the order of the form; the Thai label of each.
MEMO_TEXT_FIELDS: tuple[tuple[str, str], ...] = (
    ("agency", "ส่วนราชการ"),
    ("number", "ที่"),
    ("date", "วันที่"),
    ("subject", "เรื่อง"),
    ("to", "เรียน"),
    ("background", "เรื่องเดิม"),
    ("facts", "ข้อเท็จจริง"),
    ("proposal", "ข้อพิจารณาและเสนอแนะ"),
    ("closing", "ข้อความปิดท้าย"),
)
MEMO_FIELD_NAMES: frozenset[str] = frozenset(name for name, _label in MEMO_TEXT_FIELDS)
OLD_FORM_KEY = "memo_form"  # where format 1 and library version 2 kept the memo


@dataclass(frozen=True)
class Endorsement:
    """A superior's note below the memo ("เรียน นายกเทศมนตรี\n-เพื่อโปรดทราบ") and who signs it."""

    text: str = ""
    name: str = ""
    positions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Memo:
    agency: str = ""  # ส่วนราชการ
    number: str = ""  # ที่
    date: str = ""  # วันที่
    subject: str = ""  # เรื่อง
    to: str = ""  # เรียน
    background: str = ""  # เรื่องเดิม
    facts: str = ""  # ข้อเท็จจริง
    proposal: str = ""  # ข้อพิจารณาและเสนอแนะ
    closing: str = ""  # "จึงเรียนมาเพื่อโปรดทราบ"
    signer: Signer = field(default_factory=Signer)
    endorsements: tuple[Endorsement, ...] = ()
    garuda_image: str = ""  # a picture file; none: the form is printed without it

    def get(self, name: str) -> str:
        if name not in MEMO_FIELD_NAMES:
            raise KeyError(name)
        return getattr(self, name)

    def with_field(self, name: str, value: Any) -> Memo:
        if name not in MEMO_FIELD_NAMES and name not in ("signer", "endorsements",
                                                         "garuda_image"):
            raise KeyError(name)
        return dataclasses.replace(self, **{name: value})


# The closing line of a memo begun in the window, as its text (not a grey hint): a clerk
# took the hint for what would be printed, and the memo went out with no closing line.
USUAL_CLOSING = "จึงเรียนมาเพื่อโปรดทราบ"
NEW_MEMO = Memo(closing=USUAL_CLOSING)


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _texts(value: Any) -> tuple[str, ...]:
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def from_form(form: Any, signer: Signer | None, garuda_image: Any = "") -> Memo | None:
    """The memo of an old `memo_form` dict (None when there is none); it was signed by
    the report's first signer. Ill-typed entries are read as empty, as the builder did."""
    if not isinstance(form, dict):
        return None
    memo = memo_from_dict({**form, "signer": None, "garuda_image": garuda_image})
    return dataclasses.replace(memo, signer=signer or Signer())


def memo_to_dict(memo: Memo) -> dict[str, Any]:
    """The memo as plain JSON values (the exchange file's `report.memo`, the library's row)."""
    out: dict[str, Any] = {name: getattr(memo, name) for name, _label in MEMO_TEXT_FIELDS}
    out["signer"] = {"name": memo.signer.name, "positions": list(memo.signer.positions),
                     "role": memo.signer.role}
    out["endorsements"] = [{"text": e.text, "name": e.name, "positions": list(e.positions)}
                           for e in memo.endorsements]
    out["garuda_image"] = memo.garuda_image
    return out


def memo_from_dict(data: dict[str, Any]) -> Memo:
    signer = data.get("signer")
    signer = signer if isinstance(signer, dict) else {}
    return Memo(
        **{name: _text(data.get(name)) for name, _label in MEMO_TEXT_FIELDS},
        signer=Signer(_text(signer.get("name")), _texts(signer.get("positions")),
                      _text(signer.get("role"))),
        endorsements=tuple(
            Endorsement(_text(e.get("text")), _text(e.get("name")), _texts(e.get("positions")))
            for e in data.get("endorsements") or () if isinstance(e, dict)),
        garuda_image=_text(data.get("garuda_image")))
