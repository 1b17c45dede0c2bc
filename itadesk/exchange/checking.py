"""An exchange file checked before any of it is used: bounded, parsed, then validated
against its own JSON Schema (resources/itadesk-exchange.schema.json) by `jsonschema`.

Bounds come before the parser, so a hostile file costs nothing: its size, its depth of
nesting (brackets counted outside strings), the digits of its numbers. Each refusal is a
Thai sentence naming the place in the file, with the validator's English for support.
"""

from __future__ import annotations

import codecs
import functools
import itertools
import json
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..errors import ClerkError
from ..paths import resource
from ..thai.digits import to_thai_digits

if TYPE_CHECKING:
    from pathlib import Path

    from jsonschema.exceptions import ValidationError

FORMAT = 2  # what is written; every format from 1 up to it is read
SCHEMA = "itadesk-exchange.schema.json"
MAX_BYTES = 20 * 1024 * 1024  # the biggest real report is under 1 MB
MAX_DEPTH = 32  # a report nests 7 deep (the memo's endorsements' positions)
MAX_DIGITS = 20  # a year, a font size: nothing in a report is longer
MAX_LAYOUTS = 50  # the schema's bound on a file's own layouts

_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


class ExchangeError(ClerkError):
    """A file that is not a report we can read; `message` is Thai for the clerk and
    `where` the place in the file (report.measures[3].owner)."""

    english = "Not a readable ITA Desk exchange file."

    def __init__(self, message: str, where: str = "", english: str = "") -> None:
        super().__init__(message, None, where, english)
        self.where = where


def read_bounded(path: Path) -> bytes:
    # One read of at most one byte too many: a file that grows after a size check is
    # bounded all the same.
    with path.open("rb") as fh:
        data = fh.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise _too_big()
    return data


def _too_big() -> ExchangeError:
    return ExchangeError("ไฟล์ใหญ่เกินกว่าจะเป็นไฟล์รายงาน จึงไม่ได้อ่าน",
                         english=f"The file is larger than {MAX_BYTES} bytes.")


def parse(data: bytes) -> Any:
    if len(data) > MAX_BYTES:
        raise _too_big()
    text = _decode(data)
    depth = max(itertools.accumulate(
        1 if c in "[{" else -1 for c in _NOT_BRACKET.sub("", _STRING.sub("", text))),
        default=0)
    if depth > MAX_DEPTH:
        raise ExchangeError(
            f"ไฟล์มีวงเล็บซ้อนกันลึกผิดปกติ ({to_thai_digits(str(depth))} ชั้น) "
            "จึงไม่ใช่ไฟล์รายงาน", english=f"JSON nested {depth} levels deep "
            f"(at most {MAX_DEPTH}).")
    try:
        return json.loads(text, parse_int=_int, parse_float=_float, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        raise ExchangeError(
            f"ไฟล์ JSON ไม่สมบูรณ์ (บรรทัด {exc.lineno} ตำแหน่ง {exc.colno})",
            english=f"Invalid JSON: {exc}") from exc


def _decode(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"  # Notepad's "Unicode"
    else:
        encoding = "utf-8-sig"  # a UTF-8 byte-order mark (Notepad's) is dropped
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ExchangeError("ไฟล์ไม่ได้เข้ารหัสแบบ UTF-8 กรุณาบันทึกไฟล์ใหม่เป็น UTF-8",
                            english=f"Not UTF-8: {exc}") from exc


def _number(text: str) -> None:
    if len(text) > MAX_DIGITS:
        raise ExchangeError(
            f"ไฟล์มีตัวเลขยาว {to_thai_digits(f'{len(text):,}')} หลัก "
            "ซึ่งยาวเกินกว่าจะเป็นข้อมูลรายงาน", english=f"A number of {len(text)} digits.")


def _int(text: str) -> int:
    _number(text)
    return int(text)


def _float(text: str) -> float:
    _number(text)
    return float(text)


def _constant(name: str) -> float:
    raise ExchangeError(f"ไฟล์มีค่า {name} ซึ่งไม่ใช่ตัวเลขที่ใช้ในรายงานได้",
                        english=f"{name} is not allowed in JSON.")


@functools.cache
def schema() -> dict[str, Any]:
    """The schema as shipped (without the layout ids, which come from the layout files)."""
    return json.loads(resource(SCHEMA).read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=16)
def _validator(layout_ids: tuple[str, ...]) -> Any:
    import copy

    import jsonschema  # not at start-up: only reading a file needs it
    from referencing import Registry, Resource

    from ..domain.layout_files import schema as layout_schema

    full = copy.deepcopy(schema())
    full["properties"]["report"]["properties"]["layout"]["enum"] = list(layout_ids)
    layouts = layout_schema()
    registry = Registry().with_resource(layouts["$id"], Resource.from_contents(layouts))
    return jsonschema.Draft202012Validator(full, registry=registry)


def layout_ids(data: Any) -> tuple[str, ...]:
    """The layouts a file may name: the shipped layout files', then those it carries."""
    from ..domain import builtin_layouts

    carried = data.get("layouts") if isinstance(data, dict) else None
    own = [item["id"] for item in carried[:MAX_LAYOUTS] if isinstance(item, dict)
           and isinstance(item.get("id"), str)] if isinstance(carried, list) else []
    return tuple(dict.fromkeys((*builtin_layouts().ids, *own)))


def check(data: Any) -> None:
    from jsonschema.exceptions import best_match

    error = best_match(_validator(layout_ids(data)).iter_errors(data))
    if error is not None:
        raise _refusal(error)


# ------------------------------------------------------------------ messages
_KINDS = {"string": "ข้อความ", "integer": "ตัวเลขจำนวนเต็ม", "number": "ตัวเลข",
          "boolean": "ค่าจริงหรือเท็จ (true หรือ false)", "array": "รายการ [ … ]",
          "object": "ชุดข้อมูล { … }", "null": "ค่าว่าง (null)"}


def _kind_of(value: Any) -> str:
    """What a value in the file is, in Thai, with a short quote of it."""
    if isinstance(value, bool):
        return f"ค่า {json.dumps(value)}"
    if isinstance(value, int | float):
        return f"ตัวเลข {_short(json.dumps(value))}"
    if isinstance(value, str):
        return f"ข้อความ «{_short(value)}»"
    if value is None:
        return _KINDS["null"]
    return _KINDS["array" if isinstance(value, list) else "object"]


def _short(text: str, limit: int = 40) -> str:
    text = text.encode("utf-8", "replace").decode("utf-8")  # a lone surrogate prints as ?
    return text if len(text) <= limit else text[:limit] + "…"


def _where(path: Sequence[str | int]) -> str:
    out = ""
    for key in path:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else key)
    return out


def _title(path: Sequence[str | int]) -> str:
    """The Thai name the schema gives the place at `path`."""
    node: dict[str, Any] = schema()
    title = ""
    for key in path:
        node = node.get("items", {}) if isinstance(key, int) else (
            node.get("properties", {}).get(key, {}))
        title = node.get("title", title)
    return title


def _refusal(error: ValidationError) -> ExchangeError:
    path = list(error.absolute_path)
    where = _where(path)
    # the validator's own words, but not the value: that may be Thai, or huge
    english = _short(f"Invalid at {where or 'the top'}: {error.validator} "
                     f"{json.dumps(error.validator_value)}", 200)
    kind, value = error.validator, error.instance
    if not path and kind in ("type", "required"):
        missing = " (ไม่มีส่วน report)" if kind == "required" else ""
        return ExchangeError(f"ไม่ใช่ไฟล์รายงานของ ITA Desk{missing}", where, english)
    label = _title(path) or where
    if path == ["format"]:
        if isinstance(value, int) and not isinstance(value, bool) and value > FORMAT:
            return ExchangeError(
                f"ไฟล์นี้ทำด้วย ITA Desk รุ่นที่ใหม่กว่า (รูปแบบที่ {value}) โปรแกรมนี้อ่านได้"
                f"ถึงรูปแบบที่ {FORMAT} กรุณาปรับรุ่นโปรแกรม", where, english)
        return ExchangeError(f"{label} ต้องเป็นตัวเลข 1 ถึง {FORMAT} แต่ในไฟล์เป็น"
                             f"{_kind_of(value)}", where, english)
    if kind == "type":
        expected = error.validator_value
        wanted = " หรือ".join(_KINDS[t] for t in (
            [expected] if isinstance(expected, str) else expected))
        text = f"{label} ต้องเป็น{wanted} แต่ในไฟล์เป็น{_kind_of(value)}"
    elif kind == "enum":
        text = (f"{label} ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: {', '.join(map(str, error.validator_value))} "
                f"แต่ในไฟล์เป็น{_kind_of(value)}")
    elif kind in ("minimum", "maximum"):
        low, high = error.schema.get("minimum"), error.schema.get("maximum")
        text = f"{label} ต้องอยู่ระหว่าง {low} ถึง {high} แต่ในไฟล์เป็น{_kind_of(value)}"
    elif kind == "pattern":
        text = (f"{label} มีอักขระที่เสียหาย (อักขระครึ่งตัวที่ไม่มีคู่ มักเกิดจากโปรแกรมที่ตัดข้อความ) "
                "กรุณาพิมพ์ข้อความนั้นใหม่ในโปรแกรมที่ทำไฟล์นี้")
    elif kind == "required":
        text = f"{label} ขาดช่องที่ต้องมี"
    else:
        text = f"{label} ไม่ถูกต้อง"
    return ExchangeError(text, where, english)
