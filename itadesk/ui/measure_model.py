"""The measure table: columns from the layout (data), rows are the report's measures.

The model only shows: edits come in through `ReportSession`, which saves them first and
then calls the set_/insert_/remove_ methods here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ..domain import Layout, Measure, MeasureKind
from ..thai.digits import to_thai_digits
from ..thai.linebreak import with_break_hints

ModelIndex = QModelIndex | QPersistentModelIndex
# The text with U+200B between Thai words: what the view lays out and paints.
DisplayWithBreaksRole = Qt.ItemDataRole.UserRole + 1
KindRole = Qt.ItemDataRole.UserRole + 2
FieldRole = Qt.ItemDataRole.UserRole + 3


class MeasureTableModel(QAbstractTableModel):
    def __init__(self, layout: Layout, measures: list[Measure], parent: Any = None) -> None:
        super().__init__(parent)
        self.layout = layout
        self._measures = measures
        self._rows_by_id: dict[int, int] | None = None

    # ------------------------------------------------------------------ reading
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._measures)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.layout.columns)

    def measure(self, row: int) -> Measure:
        return self._measures[row]

    def measures(self) -> list[Measure]:
        return list(self._measures)

    def field(self, column: int) -> str:
        return self.layout.columns[column].field

    def is_section(self, row: int) -> bool:
        return self._measures[row].kind is MeasureKind.SECTION

    def cell_field(self, row: int, column: int) -> str:
        # A section row is one cell across the table: its text is the title.
        return "title" if self.is_section(row) else self.field(column)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        measure = self._measures[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if measure.kind is MeasureKind.SECTION and column > 0:
                return ""
            return measure.get(self.cell_field(row, column))
        if role == DisplayWithBreaksRole:
            if measure.kind is MeasureKind.SECTION and column > 0:
                return ""
            return with_break_hints(measure.get(self.cell_field(row, column)),
                                    keep_together=True)
        if role == KindRole:
            return str(measure.kind)
        if role == FieldRole:
            return self.cell_field(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        if role == Qt.ItemDataRole.ToolTipRole and measure.kind is MeasureKind.SECTION:
            return "หัวข้อหมวด (แถวนี้พาดเต็มความกว้างตาราง)"
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            # the tooltip: a header cut to three lines with "…" is read whole there
            return self.layout.columns[section].header
        if role == Qt.ItemDataRole.ToolTipRole:
            return None
        return to_thai_digits(str(section + 1))

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsEditable)

    def row_of(self, measure_id: int) -> int:
        if self._rows_by_id is None:
            self._rows_by_id = {m.id: r for r, m in enumerate(self._measures) if m.id is not None}
        return self._rows_by_id[measure_id]

    # ------------------------------------------------- changes (already saved)
    def set_fields(self, changes: Sequence[tuple[int, str, str]]) -> None:
        touched: dict[int, set[int]] = {}
        for measure_id, name, value in changes:
            row = self.row_of(measure_id)
            self._measures[row] = self._measures[row].with_field(name, value)
            cols = touched.setdefault(row, set())
            if self.is_section(row):
                cols.add(0)
            elif (col := self.column_of(name)) is not None:
                cols.add(col)
        for row, cols in touched.items():
            if cols:
                self.dataChanged.emit(self.index(row, min(cols)), self.index(row, max(cols)))

    def replace_measure(self, measure: Measure) -> None:
        """The measure of this id replaced whole (its scores, its kind: saved already)."""
        assert measure.id is not None
        row = self.row_of(measure.id)
        if measure.kind is not self._measures[row].kind:
            self.layoutAboutToBeChanged.emit()  # a section row spans the table
            self._measures[row] = measure
            self.layoutChanged.emit()
        else:
            self._measures[row] = measure
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def column_of(self, name: str) -> int | None:
        for i, column in enumerate(self.layout.columns):
            if column.field == name:
                return i
        return None

    def insert_measures(self, row: int, measures: Sequence[Measure]) -> None:
        if not measures:
            return
        self.beginInsertRows(QModelIndex(), row, row + len(measures) - 1)
        self._measures[row:row] = list(measures)
        self._rows_by_id = None
        self.endInsertRows()

    def remove_rows(self, rows: Sequence[int]) -> None:
        # rows next to each other go in one removal: one by one, the table redid its
        # spans and row heights after each (an undone paste of 5,000 rows took minutes)
        runs: list[list[int]] = []
        for row in sorted(set(rows), reverse=True):
            if runs and runs[-1][0] == row + 1:
                runs[-1][0] = row
            else:
                runs.append([row, row])
        for first, last in runs:
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._measures[first : last + 1]
            self._rows_by_id = None
            self.endRemoveRows()

    def move_block(self, first: int, count: int, to: int) -> None:
        last = first + count - 1
        # Qt's destination is the row before which the block lands, in the old numbering.
        destination = to if to < first else to + count
        self.beginMoveRows(QModelIndex(), first, last, QModelIndex(), destination)
        block = self._measures[first : last + 1]
        del self._measures[first : last + 1]
        self._measures[to:to] = block
        self._rows_by_id = None
        self.endMoveRows()

    def reset_measures(self, measures: Sequence[Measure]) -> None:
        """Every row anew: rows another clerk added, deleted or moved (saved already)."""
        self.beginResetModel()
        self._measures = list(measures)
        self._rows_by_id = None
        self.endResetModel()

    def set_layout(self, layout: Layout) -> None:
        self.beginResetModel()
        self.layout = layout
        self.endResetModel()
