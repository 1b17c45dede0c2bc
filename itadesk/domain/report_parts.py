"""A report's own fields as parts that are each one text, so that several clerks saving
them are checked as cells are (store/versions.py): the same text typed over, or a conflict.

A part is a text field of the report ('title'), its signers ('signers'), its fiscal year,
one of its options ('options.cover') or one part of its memo ('memo.facts',
'memo.signer'); 'options' and 'memo' alone are the whole of them (the memo's text is ''
when the report has none; an option's when it is not set). A part that is no text is
kept as canonical JSON: equal values give equal texts, in the window and in the library.
Two clerks choosing different options, or typing in different fields of the memo, touch
different parts: neither is a conflict, and neither overwrites the other.
"""

from __future__ import annotations

import json
from typing import Any

from .memo import Memo, memo_from_dict, memo_to_dict
from .model import REPORT_TEXT_FIELDS, Report, Signer

OPTIONS, MEMO, SIGNERS, FISCAL_YEAR = "options", "memo", "signers", "fiscal_year"
_MEMO_PARTS = frozenset(memo_to_dict(Memo()))


def encode(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def field_of(part: str) -> str:
    """The report's field the part belongs to; KeyError for no part of a report."""
    name, dot, key = part.partition(".")
    if (name in REPORT_TEXT_FIELDS or name in (SIGNERS, FISCAL_YEAR)) and not dot:
        return name
    if name == OPTIONS and (key or not dot):
        return name
    if name == MEMO and (not dot or key in _MEMO_PARTS):
        return name
    raise KeyError(part)


def signers_to_list(signers: tuple[Signer, ...]) -> list[dict[str, Any]]:
    return [{"name": s.name, "positions": list(s.positions), "role": s.role} for s in signers]


def signers_from_list(data: Any) -> tuple[Signer, ...]:
    return tuple(Signer(str(s.get("name", "")), tuple(s.get("positions", ())),
                        str(s.get("role", ""))) for s in data or () if isinstance(s, dict))


def text_of(part: str, value: Any) -> str:
    """The part's text in `value`, the value of its field."""
    _, _, key = part.partition(".")
    field = field_of(part)
    if field in REPORT_TEXT_FIELDS:
        return str(value)
    if field == FISCAL_YEAR:
        return str(int(value))
    if field == SIGNERS:
        return encode(signers_to_list(value))
    if field == OPTIONS:
        if not key:
            return encode(value)
        return encode(value[key]) if key in value else ""
    if value is None:  # a report without a memo: its parts are an empty memo's
        return "" if not key else text_of(part, Memo())
    whole = memo_to_dict(value)
    return encode(whole[key] if key else whole)


def with_text(part: str, value: Any, text: str) -> Any:
    """`value`, the value of the part's field, with the part's text put in."""
    _, _, key = part.partition(".")
    field = field_of(part)
    if field in REPORT_TEXT_FIELDS:
        return text
    if field == FISCAL_YEAR:
        return int(text)
    if field == SIGNERS:
        return signers_from_list(json.loads(text))
    if field == OPTIONS:
        if not key:
            return json.loads(text)
        out = {k: v for k, v in value.items() if k != key}
        if text:
            out[key] = json.loads(text)
        return out
    if not key:
        return memo_from_dict(json.loads(text)) if text else None
    return memo_from_dict({**memo_to_dict(value or Memo()), key: json.loads(text)})


def changed_parts(name: str, old: Any, new: Any) -> list[tuple[str, str, str]]:
    """(part, its text in old, its text in new) for each part of field `name` that a
    change from `old` to `new` touches: one option each, one part of the memo each
    (the memo whole when it is taken away)."""
    if name == OPTIONS:
        keys = sorted(set(old) | set(new))
        parts = [f"{OPTIONS}.{k}" for k in keys]
    elif name == MEMO and new is not None:
        parts = [f"{MEMO}.{k}" for k in memo_to_dict(Memo())]
    else:
        parts = [field_of(name)]
    out = [(p, text_of(p, old), text_of(p, new)) for p in parts]
    return [(p, before, after) for p, before, after in out if before != after]


def report_with(report: Report, part: str, text: str) -> Report:
    field = field_of(part)
    return report.with_field(field, with_text(part, getattr(report, field), text))
