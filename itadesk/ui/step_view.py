"""After Ctrl+Z or Ctrl+Y the window goes to what the step changed, as Word and Excel do: a
new clerk undid a cell out of sight and could not see what had come back.

A cell: it becomes the current cell, in sight. A block pasted or cut: the block selected,
its top-left cell current. A replace-all: its cells selected, the first one current. Rows
deleted and brought back, added, moved: those rows selected, the first one current; rows
taken away: the row where they were. A report or memo field: its tab shown, the field
focused (a signer's or an endorsement's row made current).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QScrollArea,
    QTableWidget,
    QWidget,
)

from ..domain.changes import CellsSpot, FieldSpot, RowsSpot, Spot
from ..domain.memo import Memo

if TYPE_CHECKING:
    from .report_page import ReportPage

SIGNER_PARTS = ("name", "positions", "role")  # the signers table's columns


def show_step(page: ReportPage, spots: Sequence[Spot]) -> None:
    cells = [s for s in spots if isinstance(s, CellsSpot)]
    rows = [s for s in spots if isinstance(s, RowsSpot)]
    if cells or rows:
        # a replace-all over cells and fields: the table first, as the find goes
        _show_in_table(page, cells, rows)
        return
    for spot in spots:
        if isinstance(spot, FieldSpot) and _show_field(page, spot):
            return


def _focus_in(page: ReportPage) -> QWidget | None:
    """The page's widget that had the keyboard, or None if the keyboard was elsewhere (the
    preview, the checks): a step undone from there leaves it there."""
    focus = QApplication.focusWidget()
    return focus if focus is not None and page.isAncestorOf(focus) else None


def _show_in_table(page: ReportPage, cells: list[CellsSpot], rows: list[RowsSpot]) -> None:
    table, model = page.table, page.session.model
    focus = _focus_in(page)
    if focus is not None and table.isAncestorOf(focus):
        focus = table  # a cell's editor, closed next
    table.drop_untouched_editor()
    if not model.rowCount():
        return
    column_now = max(table.currentIndex().column(), 0)
    places: list[tuple[int, int]] = []
    for spot in cells:
        for measure_id, name in spot.cells:
            try:
                row = model.row_of(measure_id)
            except KeyError:
                continue  # its row went with the same step (a paste's new rows undone)
            column = 0 if model.is_section(row) else model.column_of(name)
            # a field the table has no column for (the detail's): the row, in its column
            places.append((row, column_now if column is None else column))
    rows_there = sorted({model.row_of(i) for spot in rows for i in spot.ids
                         if _has(model, i)})
    last = model.columnCount() - 1
    selection = QItemSelection()
    if places:
        # a paste's rows added at the end: the same columns as its cells above
        left, right = min(c for _r, c in places), max(c for _r, c in places)
        for row in rows_there:
            places += [(row, c) for c in range(left, right + 1)]
        current = min(places)
    elif rows_there:
        places = [(row, c) for row in rows_there for c in range(last + 1)]
        current = (rows_there[0], column_now)
    else:  # rows taken away: where they were (the next row, or the last one)
        current = (min(min(s.at for s in rows), model.rowCount() - 1), column_now)
    for top, left, bottom, right in blocks(places):
        selection.select(model.index(top, left), model.index(bottom, right))
    if page.tabs.currentWidget() is not page.splitter:
        page.show_table()
        if focus is not None and not focus.isVisible():
            focus = table  # the keyboard was on a tab now hidden
    index = model.index(*current)
    chosen = table.selectionModel()
    if selection.isEmpty():
        table.setCurrentIndex(index)
    else:
        chosen.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        chosen.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
    table.scrollTo(index)
    bottom = max([r for r, _c in places] + rows_there + [current[0]])
    if bottom > current[0] and not _in_sight(table, model.index(bottom, current[1])):
        # a block or rows taller than what is left below: from the top, most of it in sight
        table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)
    if focus is table:
        table.setFocus()


def blocks(places: Sequence[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """The cells as few (top, left, bottom, right) blocks: a paste of 5,000 rows is one,
    not 30,000 (the table asks each block, for every cell it paints, if it is in it)."""
    runs: dict[int, list[tuple[int, int]]] = {}
    for row in sorted({r for r, _c in places}):
        runs[row] = []
    for row, column in sorted(set(places)):
        row_runs = runs[row]
        if row_runs and row_runs[-1][1] == column - 1:
            row_runs[-1] = (row_runs[-1][0], column)
        else:
            row_runs.append((column, column))
    out: list[tuple[int, int, int, int]] = []
    open_blocks: dict[tuple[int, int], int] = {}  # a run of columns → its block in out
    for row, row_runs in runs.items():
        now: dict[tuple[int, int], int] = {}
        for run in row_runs:
            at = open_blocks.get(run)
            if at is not None and out[at][2] == row - 1:
                top, left, _bottom, right = out[at]
                out[at] = (top, left, row, right)
                now[run] = at
            else:
                now[run] = len(out)
                out.append((row, run[0], row, run[1]))
        open_blocks = now
    return out


def _in_sight(table: QAbstractItemView, index: object) -> bool:
    rect = table.visualRect(index)  # type: ignore[arg-type]
    return table.viewport().rect().contains(rect.bottomLeft())


def _has(model: object, measure_id: int) -> bool:
    try:
        model.row_of(measure_id)  # type: ignore[attr-defined]
    except KeyError:
        return False
    return True


def go_to_field(page: ReportPage, name: str) -> bool:
    """A report field ("period") or a memo's ("memo.date") shown, the keyboard in it: a
    check's finding about it chosen. False for a field no tab shows."""
    part, _, field = name.partition(".")
    if part == "memo":
        widget = page.memo.lines.get(field) or page.memo.texts.get(field)
        found = None if widget is None else (page.memo, widget, None, 0)
    else:
        found = _field_widget(page, FieldSpot(name, None, None))
    return found is not None and _show(page, found, focus=True)


def _show_field(page: ReportPage, spot: FieldSpot) -> bool:
    """The field's tab shown and the field focused; False for a field no tab shows (an
    export option chosen in its dialog)."""
    found = _field_widget(page, spot)
    return found is not None and _show(page, found, focus=_focus_in(page) is not None)


def _show(page: ReportPage, found: tuple[QAbstractScrollArea, QWidget, int | None, int],
          focus: bool) -> bool:
    tab, widget, row, column = found
    page.tabs.setCurrentWidget(tab)
    if isinstance(widget, QTableWidget) and row is not None and 0 <= row < widget.rowCount():
        widget.setCurrentCell(row, column)
    if isinstance(tab, QScrollArea):
        tab.ensureWidgetVisible(widget)
    # the keyboard to the field, unless it was outside the report (the preview)
    if focus or QApplication.focusWidget() is None:
        widget.setFocus()
    return True


def _first_difference(old: Sequence[object], new: Sequence[object]) -> int:
    for i, (a, b) in enumerate(zip(old, new, strict=False)):
        if a != b:
            return i
    return min(len(old), len(new))


def _field_widget(page: ReportPage, spot: FieldSpot
                  ) -> tuple[QAbstractScrollArea, QWidget, int | None, int] | None:
    form, memo = page.form, page.memo
    name, old, new = spot.name, spot.old, spot.new
    if name in form.lines:
        return form, form.lines[name], None, 0
    if name in form.texts:
        return form, form.texts[name], None, 0
    if name == "fiscal_year":
        return form, form.year, None, 0
    if name == "layout":
        return form, form.layout_box, None, 0
    if name == "signers":
        olds, news = tuple(old or ()), tuple(new or ())  # type: ignore[call-overload]
        row = _first_difference(olds, news)
        column = 0
        if row < min(len(olds), len(news)):
            column = next((c for c, part in enumerate(SIGNER_PARTS)
                           if getattr(olds[row], part) != getattr(news[row], part)), 0)
        return form, form.signers, min(row, max(len(news) - 1, 0)), column
    if name == "options":
        olds, news = dict(old or {}), dict(new or {})  # type: ignore[call-overload]
        if olds.get("cover") != news.get("cover"):
            return form, form.cover, None, 0
        if olds.get("memo") != news.get("memo"):
            return memo, memo.switch, None, 0
        return None
    if name == "memo":
        before, after = old or Memo(), new or Memo()
        assert isinstance(before, Memo) and isinstance(after, Memo)
        for field, widget in (*memo.lines.items(), *memo.texts.items()):
            if before.get(field) != after.get(field):
                return memo, widget, None, 0
        if before.garuda_image != after.garuda_image:
            return memo, memo.garuda, None, 0
        if before.signer.name != after.signer.name:
            return memo, memo.signer_name, None, 0
        if before.signer != after.signer:
            return memo, memo.signer_positions, None, 0
        if before.endorsements != after.endorsements:
            row = _first_difference(before.endorsements, after.endorsements)
            return (memo, memo.endorsements,
                    min(row, max(len(after.endorsements) - 1, 0)), 0)
        return memo, memo.switch, None, 0
    return None
