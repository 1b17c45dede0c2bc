"""The outer grid of a ruled table that holds a bordered table in a cell (Word's default
for a table inserted in a cell): pdfplumber joins the small table's ruling lines to the
outer ones, so the outer row comes as many rows and columns, or finds the small table as
a table of its own. The outer grid's columns are the vertical lines that start at the
table's top or are drawn over most of its height (under a title row merged across, and
between section rows); a cell with a side on no such line is a nested table's, and so
is every cell of a table lying inside another. The outer table is found again without
the nested tables' lines; their cells are read one by one inside the outer cell
(pdfread.py), as the Word reader gives a nested table's cells: one line each, row by row.
"""

from __future__ import annotations

Box = tuple[float, float, float, float]
_NEAR = 2.0  # points: lines this close are one (pdfplumber snaps at 3)


def _near(x: float, xs: list[float]) -> bool:
    return any(abs(x - other) <= _NEAR for other in xs)


def within(inner: Box, outer: Box) -> bool:
    return (inner[0] >= outer[0] - _NEAR and inner[1] >= outer[1] - _NEAR
            and inner[2] <= outer[2] + _NEAR and inner[3] <= outer[3] + _NEAR)


def _columns(table, edges: list[dict]) -> list[float]:
    """The x of the outer grid's vertical lines: those that start at the table's top,
    and those drawn over most of its height (under a title row merged across, between
    section rows merged across); a nested table's stand in one row."""
    x0, top, x1, bottom = table.bbox
    drawn: dict[float, float] = {}
    xs = []
    for edge in edges:
        if edge["orientation"] != "v" or not x0 - _NEAR <= edge["x0"] <= x1 + _NEAR:
            continue
        if abs(edge["top"] - top) <= _NEAR:
            xs.append(edge["x0"])
        at = next((x for x in drawn if abs(x - edge["x0"]) <= _NEAR), edge["x0"])
        drawn[at] = drawn.get(at, 0.0) + edge["bottom"] - edge["top"]
    xs += [x for x, length in drawn.items() if length >= 0.6 * (bottom - top)]
    return sorted(xs)


def outer_tables(page, tables: list, edges: list[dict]) -> list[tuple[object, list[Box]]]:
    """Each outer table (found again without its nested tables' lines when it has
    any) with the boxes of the nested tables' cells inside it."""
    outer = [t for t in tables if not any(
        o is not t and within(t.bbox, o.bbox) for o in tables)]
    out: list[tuple[object, list[Box]]] = []
    for table in outer:
        xs = _columns(table, edges)
        nested = [c for c in table.cells if not (_near(c[0], xs) and _near(c[2], xs))]
        nested += [c for t in tables if t is not table and within(t.bbox, table.bbox)
                   for c in t.cells]
        if not nested:
            out.append((table, []))
            continue
        kept = [e for e in edges if within((e["x0"], e["top"], e["x1"], e["bottom"]),
                                            table.bbox) and not _nested_edge(e, xs, nested)]
        again = page.find_tables({
            "vertical_strategy": "explicit", "horizontal_strategy": "explicit",
            "explicit_vertical_lines": [e for e in kept if e["orientation"] == "v"],
            "explicit_horizontal_lines": [e for e in kept if e["orientation"] == "h"]})
        found = max(again, key=lambda t: _overlap(t.bbox, table.bbox), default=None)
        if found is None or _overlap(found.bbox, table.bbox) <= 0:
            out.append((table, []))  # not a grid without them: read as pdfplumber found it
            continue
        out.append((found, nested))
    return out


def _nested_edge(edge: dict, xs: list[float], nested: list[Box]) -> bool:
    """A nested table's line: a vertical one on no outer column line, or a horizontal one
    at a nested cell's top or foot that stays within the outer column it stands in."""
    if edge["orientation"] == "v":
        return not _near(edge["x0"], xs)
    y = edge["top"]
    for cell in nested:
        if abs(y - cell[1]) > _NEAR and abs(y - cell[3]) > _NEAR:
            continue
        left = max((x for x in xs if x <= cell[0] + _NEAR), default=cell[0])
        right = min((x for x in xs if x >= cell[2] - _NEAR), default=cell[2])
        if edge["x0"] >= left - _NEAR and edge["x1"] <= right + _NEAR:
            return True
    return False


def _overlap(a: Box, b: Box) -> float:
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width * height if width > 0 and height > 0 else 0.0
