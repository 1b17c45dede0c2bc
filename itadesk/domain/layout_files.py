"""Layout files (JSON, format 1): read, checked with the JSON Schema, and written back.

The shipped layouts are every resources/layouts/*.json, so a new layout is a new file and
nothing else. The same dictionaries are stored in the library and carried by the exchange
file. resources/layout.schema.json says what a file may hold; what a schema cannot say
(the fields a measure has, one column per field) is checked here.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import ClerkError
from ..paths import resource
from .layouts import (
    Column,
    Extra,
    Form,
    Layout,
    LayoutCatalog,
    Margins,
    Narrative,
    Orientation,
)
from .model import MEASURE_TEXT_FIELDS

FORMAT = 1
MAX_FILE_BYTES = 256 * 1024  # a layout is a few kilobytes; anything larger is not one


class LayoutError(ClerkError):
    """A layout that cannot be used; `message` is Thai for the clerk, `where` the place in
    the layout (columns[2].width)."""

    english = "Not a usable layout."

    def __init__(self, message: str, where: str = "", english: str = "",
                 path: Path | None = None) -> None:
        self.where = where
        super().__init__(message, path, where, english)


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    return json.loads(resource("layout.schema.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _validator() -> Any:
    import jsonschema  # only when a layout is read: it takes a while to import

    return jsonschema.Draft202012Validator(schema())


def _place(path: Any) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _english(error: Any) -> str:
    return f"Invalid layout at {_place(error.absolute_path) or 'the top'}: {error.validator}"


def _schema_message(error: Any) -> str:
    """A jsonschema error in plain Thai."""
    kind = error.validator
    if kind == "required":
        missing = next((name for name in error.validator_value if name not in error.instance),
                       "")
        return f"ไม่มีช่อง «{missing}»"
    if kind == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        return f"มีช่องที่โปรแกรมไม่รู้จัก «{', '.join(extra)}»"
    if kind == "type":
        kinds = {"string": "ข้อความ", "number": "ตัวเลข", "integer": "จำนวนเต็ม",
                 "boolean": "true หรือ false", "object": "ชุดข้อมูล", "array": "รายการ"}
        return f"ต้องเป็น{kinds.get(str(error.validator_value), str(error.validator_value))}"
    if kind in ("enum", "const"):
        values = error.validator_value if kind == "enum" else [error.validator_value]
        return "ต้องเป็น " + " หรือ ".join(json.dumps(v, ensure_ascii=False) for v in values)
    if kind in ("minimum", "exclusiveMinimum", "maximum"):
        return f"ค่าต้องอยู่ในช่วงที่ใช้ได้ ({kind} {error.validator_value})"
    if kind in ("minItems", "minLength"):
        return "ต้องไม่ว่าง"
    if kind in ("maxItems", "maxLength"):
        return f"ยาวเกินไป (ไม่เกิน {error.validator_value})"
    if kind == "pattern":
        return "รหัสต้องเป็นอักษรอังกฤษตัวเล็ก ตัวเลข หรือขีด (-) เช่น own-1"
    return "ไม่ถูกต้อง"


def layout_from_dict(data: Any, *, builtin: bool = False) -> Layout:
    """A layout from its dictionary, or LayoutError saying (in Thai) what is wrong.
    A shipped one is not checked against the schema again (tests/test_layouts.py checks
    every shipped file): read at every start, it would load jsonschema before the window
    shows."""
    errors = [] if builtin else sorted(_validator().iter_errors(data),
                                       key=lambda e: list(e.absolute_path))
    if errors:
        error = errors[0]
        raise LayoutError(_schema_message(error), _place(error.absolute_path), _english(error))
    columns = tuple(Column(c["field"], c["header"], float(c["width"]),
                           required=c.get("required", False), label=c.get("label", ""))
                    for c in data["columns"])
    for i, column in enumerate(columns):
        if column.field not in MEASURE_TEXT_FIELDS:
            raise LayoutError(f"ไม่มีช่องข้อมูล «{column.field}» ในมาตรการ",
                              f"columns[{i}].field")
    fields = [c.field for c in columns]
    for i, field in enumerate(fields):
        if field in fields[:i]:
            raise LayoutError(f"ช่องข้อมูล «{field}» อยู่ในตารางซ้ำกัน", f"columns[{i}].field")
    for key in ("code_in", "score_lines_in", "extras_in"):
        value = data.get(key, "")
        if value and value not in fields:
            raise LayoutError(f"«{value}» ไม่ใช่ช่องหนึ่งของรูปแบบนี้", key)
    extras = tuple(Extra(e["field"], e["label"]) for e in data.get("extras", ()))
    for i, extra in enumerate(extras):
        if extra.field not in MEASURE_TEXT_FIELDS:
            raise LayoutError(f"ไม่มีช่องข้อมูล «{extra.field}» ในมาตรการ", f"extras[{i}].field")
    margins = data["margins_mm"]
    sizes = data.get("sizes_pt", {})
    narrative = data.get("narrative", {})
    return Layout(
        id=data["id"], name=data["name"], form=Form(data["form"]),
        orientation=Orientation(data["orientation"]), columns=columns,
        margins_landscape=_margins(margins["landscape"]),
        margins_portrait=_margins(margins["portrait"]),
        title_pt=float(sizes.get("title", Layout.title_pt)),
        body_pt=float(sizes.get("body", Layout.body_pt)),
        table_pt=float(sizes.get("table", Layout.table_pt)),
        seen_in=data.get("seen_in", ""), order=data.get("order", Layout.order),
        sections=data.get("sections", False), code_in=data.get("code_in", ""),
        score_lines_in=data.get("score_lines_in", ""), extras_in=data.get("extras_in", ""),
        extras=extras, closing_label=data.get("closing_label", ""),
        narrative=Narrative(**narrative),
        builtin=builtin,
    )


def _margins(data: dict[str, Any]) -> Margins:
    # As written (20 stays 20): the document's JSON, and so its golden files, keep the form.
    return Margins(top_mm=data["top"], bottom_mm=data["bottom"], left_mm=data["left"],
                   right_mm=data["right"])


def layout_to_dict(layout: Layout) -> dict[str, Any]:
    """The layout as its file holds it (a shipped layout written out reads back equal)."""

    def margins(m: Margins) -> dict[str, float]:
        return {"top": m.top_mm, "bottom": m.bottom_mm, "left": m.left_mm, "right": m.right_mm}

    def column(c: Column) -> dict[str, Any]:
        out: dict[str, Any] = {"field": c.field, "header": c.header, "width": c.width}
        if c.required:
            out["required"] = True
        if c.label:
            out["label"] = c.label
        return out

    return {
        "format": FORMAT, "id": layout.id, "name": layout.name, "seen_in": layout.seen_in,
        "order": layout.order, "form": str(layout.form),
        "orientation": str(layout.orientation), "sections": layout.sections,
        "columns": [column(c) for c in layout.columns],
        "margins_mm": {"landscape": margins(layout.margins_landscape),
                       "portrait": margins(layout.margins_portrait)},
        "sizes_pt": {"title": layout.title_pt, "body": layout.body_pt,
                     "table": layout.table_pt},
        "code_in": layout.code_in, "score_lines_in": layout.score_lines_in,
        "extras_in": layout.extras_in,
        "extras": [{"field": e.field, "label": e.label} for e in layout.extras],
        "closing_label": layout.closing_label,
        "narrative": {"heading_format": layout.narrative.heading_format,
                      "label_format": layout.narrative.label_format,
                      "label_indent_mm": layout.narrative.label_indent_mm,
                      "text_indent_mm": layout.narrative.text_indent_mm},
    }


def read_layout_file(path: Path, *, builtin: bool = False) -> Layout:
    """The layout in a file; LayoutError names the file and the place in it."""
    path = Path(path)
    try:
        return _read_layout_file(path, builtin)
    except LayoutError as exc:
        where = f" (ตำแหน่ง {exc.where})" if exc.where else ""
        raise LayoutError(f"ไฟล์รูปแบบรายงาน «{path.name}» ใช้ไม่ได้: {exc.message}{where}",
                          exc.where, exc.english, path) from exc


def _read_layout_file(path: Path, builtin: bool) -> Layout:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise LayoutError("ไฟล์ใหญ่เกินกว่าจะเป็นรูปแบบรายงาน",
                              english=f"Larger than {MAX_FILE_BYTES} bytes.")
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise LayoutError("เปิดไฟล์ไม่ได้ กรุณาตรวจว่ามีไฟล์อยู่จริงและเปิดอ่านได้",
                          english=f"Cannot read the file: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise LayoutError("ไฟล์ไม่ได้เข้ารหัสแบบ UTF-8 กรุณาบันทึกใหม่เป็น UTF-8",
                          english="Not UTF-8.") from exc
    except json.JSONDecodeError as exc:
        raise LayoutError(f"ไม่ใช่ JSON ที่สมบูรณ์ (บรรทัด {exc.lineno} ตำแหน่ง {exc.colno})",
                          english=f"Invalid JSON: {exc}") from exc
    return layout_from_dict(data, builtin=builtin)


def read_layout_folder(folder: Path, *, builtin: bool = False) -> LayoutCatalog:
    """Every *.json in the folder; a broken file stops with the file's name in the message."""
    layouts = []
    for path in sorted(Path(folder).glob("*.json")):
        layouts.append(read_layout_file(path, builtin=builtin))
    ids = [layout.id for layout in layouts]
    for layout_id in ids:
        if ids.count(layout_id) > 1:
            raise LayoutError(f"มีรูปแบบรหัส «{layout_id}» มากกว่าหนึ่งไฟล์", str(folder))
    return LayoutCatalog().plus(layouts)


@lru_cache(maxsize=1)
def builtin_layouts() -> LayoutCatalog:
    """The layouts shipped in resources/layouts/ (read once per process)."""
    return read_layout_folder(resource("layouts"), builtin=True)


def layout_by_id(layout_id: str) -> Layout:
    """A shipped layout (UnknownLayout, a KeyError, when there is none of that id)."""
    return builtin_layouts().get(layout_id)
