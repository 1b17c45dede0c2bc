"""The municipality's own layout, made from an existing one: rename it, reorder, add or
drop columns, change their headers and widths. The dialog only edits a copy; the result
(`made`) is checked as a layout file would be before the session keeps it."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain import Column, Layout, LayoutCatalog, LayoutError
from ..domain.layout_files import layout_from_dict, layout_to_dict
from ..domain.layouts import Orientation
from ..domain.model import MEASURE_FIELD_NAMES
from .widgets import ok_cancel

ORIENTATIONS = ((Orientation.LANDSCAPE, "แนวนอน"), (Orientation.PORTRAIT, "แนวตั้ง"))


class LayoutEditorDialog(QDialog):
    def __init__(self, layouts: LayoutCatalog, source_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("สร้างรูปแบบรายงานของหน่วยงาน")
        self.resize(900, 520)
        self.layouts = layouts
        self.made: Layout | None = None  # the result, once accepted
        self._columns: list[Column] = []
        self._loading = False

        self.source = QComboBox()
        self.source.setObjectName("layout_source")
        for layout in layouts:
            self.source.addItem(layout.name, layout.id)
        self.source.activated.connect(lambda _i: self._copy(self.source.currentData()))
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("layout_name")
        self.orientation = QComboBox()
        for value, text in ORIENTATIONS:
            self.orientation.addItem(text, str(value))

        self.list = QListWidget()
        self.list.setObjectName("layout_columns")
        self.list.currentRowChanged.connect(self._show_column)
        self.buttons: dict[str, QPushButton] = {}
        moves = QVBoxLayout()
        for key, text, slot in (("add", "เพิ่มช่อง", self._add), ("drop", "ลบช่อง", self._drop),
                                ("up", "เลื่อนขึ้น", lambda: self._move(-1)),
                                ("down", "เลื่อนลง", lambda: self._move(1))):
            button = QPushButton(text)
            button.setObjectName(f"column_{key}")
            button.clicked.connect(slot)
            self.buttons[key] = button
            moves.addWidget(button)
        moves.addStretch(1)

        self.header_edit = QLineEdit()
        self.header_edit.setObjectName("column_header")
        self.header_edit.textEdited.connect(self._header_edited)
        self.field_box = QComboBox()
        self.field_box.setObjectName("column_field")
        self.field_box.activated.connect(self._field_chosen)
        self.width_box = QDoubleSpinBox()
        self.width_box.setObjectName("column_width")
        self.width_box.setRange(0.1, 10.0)
        self.width_box.setSingleStep(0.1)
        self.width_box.setDecimals(1)
        self.width_box.valueChanged.connect(self._width_changed)
        self.share = QLabel()  # the column's share of the table's width, in per cent
        detail = QFormLayout()
        detail.addRow("หัวตาราง", self.header_edit)
        detail.addRow("ข้อมูลในช่อง", self.field_box)
        detail.addRow("ความกว้าง (ส่วน)", self.width_box)
        detail.addRow("", self.share)

        middle = QHBoxLayout()
        middle.addWidget(self.list, 3)
        middle.addLayout(moves)
        middle.addLayout(detail, 2)
        top = QFormLayout()
        top.addRow("คัดลอกจากรูปแบบ", self.source)
        top.addRow("ชื่อรูปแบบ", self.name_edit)
        top.addRow("การวางหน้ากระดาษ", self.orientation)
        self.error = QLabel()
        self.error.setObjectName("layout_error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addWidget(QLabel("ช่องของตาราง (เลือกช่องเพื่อแก้หัวตาราง ข้อมูล และความกว้าง):"))
        outer.addLayout(middle, 1)
        outer.addWidget(self.error)
        buttons = ok_cancel("บันทึกรูปแบบ", self._accept, self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        outer.addWidget(buttons)
        self.source.setCurrentIndex(max(self.source.findData(source_id), 0))
        self._copy(self.source.currentData())

    # ---------------------------------------------------------------- showing
    def _copy(self, layout_id: str) -> None:
        source = self.layouts.get(layout_id)
        self._columns = list(source.columns)
        self.name_edit.setText(f"{source.name} (ของหน่วยงาน)" if source.builtin else source.name)
        self.orientation.setCurrentIndex(self.orientation.findData(str(source.orientation)))
        self._fill_list(0)

    def _fill_list(self, current: int) -> None:
        self._loading = True
        self.list.clear()
        for number, column in enumerate(self._columns, 1):
            self.list.addItem(_item_text(number, column))
        self._loading = False
        self.list.setCurrentRow(min(current, len(self._columns) - 1))
        self._update_buttons()

    def _show_column(self, row: int) -> None:
        if self._loading or not 0 <= row < len(self._columns):
            return
        column = self._columns[row]
        self._loading = True
        self.header_edit.setText(column.header)
        self.field_box.clear()
        taken = {c.field for i, c in enumerate(self._columns) if i != row}
        for name, thai in MEASURE_FIELD_NAMES.items():
            if name not in taken:
                self.field_box.addItem(thai, name)
        self.field_box.setCurrentIndex(self.field_box.findData(column.field))
        self.width_box.setValue(column.width)
        self._loading = False
        self._show_share()
        self._update_buttons()

    def _show_share(self) -> None:
        row = self.list.currentRow()
        total = sum(c.width for c in self._columns)
        if 0 <= row < len(self._columns) and total:
            share = round(100 * self._columns[row].width / total)
            self.share.setText(f"ประมาณ {share}% ของความกว้างตาราง")

    def _update_buttons(self) -> None:
        row = self.list.currentRow()
        self.buttons["drop"].setEnabled(len(self._columns) > 1)
        self.buttons["up"].setEnabled(row > 0)
        self.buttons["down"].setEnabled(0 <= row < len(self._columns) - 1)
        self.buttons["add"].setEnabled(len(self._columns) < len(MEASURE_FIELD_NAMES))

    # ---------------------------------------------------------------- editing
    def _change(self, **values: object) -> None:
        row = self.list.currentRow()
        if self._loading or not 0 <= row < len(self._columns):
            return
        self._columns[row] = dataclasses.replace(self._columns[row], **values)
        self.list.item(row).setText(_item_text(row + 1, self._columns[row]))
        self._show_share()

    def _header_edited(self, text: str) -> None:
        self._change(header=text)

    def _field_chosen(self, index: int) -> None:
        self._change(field=self.field_box.itemData(index))

    def _width_changed(self, value: float) -> None:
        self._change(width=round(value, 1))

    def _add(self) -> None:
        used = {c.field for c in self._columns}
        free = [name for name in MEASURE_FIELD_NAMES if name not in used]
        if not free:
            return
        self._columns.append(Column(free[0], MEASURE_FIELD_NAMES[free[0]], 1.0))
        self._fill_list(len(self._columns) - 1)
        self.header_edit.setFocus()
        self.header_edit.selectAll()

    def _drop(self) -> None:
        row = self.list.currentRow()
        if len(self._columns) > 1 and 0 <= row < len(self._columns):
            del self._columns[row]
            self._fill_list(row)

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        to = row + step
        if 0 <= row < len(self._columns) and 0 <= to < len(self._columns):
            self._columns[row], self._columns[to] = self._columns[to], self._columns[row]
            self._fill_list(to)

    # ----------------------------------------------------------------- result
    def _accept(self) -> None:
        name = self.name_edit.text().strip()
        if not name:
            self._refuse("กรุณาตั้งชื่อรูปแบบ เช่น แบบของเทศบาลตำบล…", self.name_edit)
            return
        for row, column in enumerate(self._columns):
            if not column.header.strip():
                self.list.setCurrentRow(row)
                self._refuse(f"ช่องที่ {row + 1} ยังไม่มีหัวตาราง กรุณาพิมพ์หัวตาราง", self.header_edit)
                return
        source = self.layouts.get(self.source.currentData())
        made = dataclasses.replace(
            source.with_columns(dataclasses.replace(c, header=c.header.strip())
                                for c in self._columns),
            id=self.layouts.free_id(), name=name, builtin=False, order=Layout.order,
            orientation=Orientation(self.orientation.currentData()),
            seen_in=f"made from {source.id}")
        try:  # what a layout file must be, the copy must be too
            self.made = layout_from_dict(layout_to_dict(made))
        except LayoutError as exc:
            self._refuse(f"รูปแบบนี้ใช้ไม่ได้: {exc.message} ({exc.where})", self.list)
            return
        self.accept()

    def _refuse(self, message: str, focus: QWidget) -> None:
        self.error.setText(message)
        focus.setFocus()


def _item_text(number: int, column: Column) -> str:
    header = column.header or "(ยังไม่มีหัวตาราง)"
    return f"{number}. {header}  —  {MEASURE_FIELD_NAMES[column.field]}"
