"""ไฟล์ → รายการข้อ OIT…: the clerk corrects or fills in a year's OIT items (the program
ships 2567 and 2568 empty: nobody could confirm them). A row per item: its code, title,
which report answers it and what it must show, as check boxes. Kept in the library."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.oit import CONFIDENCE, STATUS, CatalogueError, OitItem, OitYear, year_from_dict
from ..domain.oit import year_to_dict as _to_dict
from ..store import Library
from ..thai.digits import to_thai_digits
from .table_keys import WordTable

SERVES_SHORT = (("analysis", "ตอบ: วิเคราะห์"), ("measures", "ตอบ: มาตรการ"),
                ("results", "ตอบ: รายงานผล"))
ELEMENTS_SHORT = (("owners", "ผู้รับผิดชอบ"), ("timing", "ระยะเวลา"), ("results", "ผลทุกมาตรการ"),
                  ("acknowledged", "ผู้บริหารรับทราบ"), ("link", "ลิงก์เผยแพร่"))
HEADERS = ("รหัสข้อ", "ชื่อข้อ", *(t for _k, t in SERVES_SHORT), *(t for _k, t in ELEMENTS_SHORT))


class OitYearDialog(QDialog):
    def __init__(self, year: OitYear, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fy = to_thai_digits(str(year.fiscal_year))
        self.setWindowTitle(f"รายการข้อ OIT ปีงบประมาณ {fy}")
        self.year = year
        self.result_year: OitYear | None = None
        about = QLabel(f"{STATUS.get(year.status, year.status)} · ความมั่นใจ"
                       f"{CONFIDENCE.get(year.confidence, year.confidence)}"
                       + ("" if year.builtin else " · ฉบับที่หน่วยงานแก้ไขเก็บในคลัง"))
        self.source = QLineEdit(year.source)
        self.table = WordTable(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for item in year.items:
            self._add_row(item)
        add = QPushButton("เพิ่มข้อ")
        add.clicked.connect(lambda: self._add_row(OitItem("", ("results",), "", ())))
        drop = QPushButton("ลบข้อที่เลือก")
        drop.clicked.connect(self._drop)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("เก็บในคลัง", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("ยกเลิก", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("สถานะ", about)
        form.addRow("ที่มา", self.source)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(drop)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(1100, 380)

    def _add_row(self, item: OitItem) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(item.code))
        self.table.setItem(row, 1, QTableWidgetItem(item.title))
        for column, (key, on) in enumerate(
                [*((k, k in item.serves) for k, _t in SERVES_SHORT),
                 *((k, k in item.elements) for k, _t in ELEMENTS_SHORT)], 2):
            cell = QTableWidgetItem("")
            cell.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
                          | Qt.ItemFlag.ItemIsSelectable)
            cell.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            cell.setData(Qt.ItemDataRole.UserRole, key)
            self.table.setItem(row, column, cell)

    def _drop(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)

    def _text(self, row: int, column: int) -> str:
        cell = self.table.item(row, column)
        return cell.text().strip() if cell is not None else ""

    def _checked(self, row: int, first: int, count: int) -> list[str]:
        out = []
        for column in range(first, first + count):
            cell = self.table.item(row, column)
            if cell is not None and cell.checkState() == Qt.CheckState.Checked:
                out.append(str(cell.data(Qt.ItemDataRole.UserRole)))
        return out

    def edited(self) -> OitYear:
        """The year as the table shows it (CatalogueError when it cannot be used)."""
        data = _to_dict(self.year)
        data["status"] = "edited"
        data["source"] = self.source.text().strip() or "หน่วยงานกรอกเอง"
        data["items"] = [
            {"code": self._text(r, 0), "title": self._text(r, 1),
             "serves": self._checked(r, 2, len(SERVES_SHORT)),
             "elements": self._checked(r, 2 + len(SERVES_SHORT), len(ELEMENTS_SHORT)),
             "source": data["source"], "confidence": "unknown"}
            for r in range(self.table.rowCount())
            if self._text(r, 0) or self._text(r, 1)]
        return year_from_dict(data)

    def _accept(self) -> None:
        try:
            self.result_year = self.edited()
        except CatalogueError as exc:
            row = exc.where.split("]")[0].removeprefix("items[") if exc.where else ""
            where = f"แถวที่ {to_thai_digits(str(int(row) + 1))}: " if row.isdigit() else ""
            self.message.setText(f"{where}{exc.message}")
            return
        self.accept()


def edit_oit_year(parent: QWidget, library: Library, fiscal_year: int | None) -> OitYear | None:
    """The year of the open report (else the newest shipped one) edited and kept."""
    from ..domain.oit import empty_year, shipped_years

    fy = fiscal_year or shipped_years()[-1]
    dialog = OitYearDialog(library.oit_year(fy) or empty_year(fy), parent)
    if not dialog.exec() or dialog.result_year is None:
        return None
    return library.keep_oit_year(dialog.result_year)
