"""Create a report: choose one of the five layouts (shown with its headers), name it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain import LayoutCatalog, Report
from ..thai.dates import fiscal_year_of, parse_be_year
from ..thai.digits import to_thai_digits
from .widgets import ok_cancel


class NewReportDialog(QDialog):
    def __init__(self, layouts: LayoutCatalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("สร้างรายงานใหม่")
        self.resize(900, 560)
        self.layouts = QListWidget()
        self.layouts.setObjectName("layout_list")
        self.layouts.setWordWrap(True)
        for layout in layouts:
            headers = "\n    ".join(f"{to_thai_digits(str(i))}. {c.header}"
                                     for i, c in enumerate(layout.columns, 1))
            orientation = "แนวนอน" if layout.orientation == "landscape" else "แนวตั้ง"
            item = QListWidgetItem(f"{layout.name}\n    {headers}\n    (กระดาษ{orientation})")
            item.setData(Qt.ItemDataRole.UserRole, layout.id)
            self.layouts.addItem(item)
        self.layouts.setCurrentRow(0)

        self.municipality = QLineEdit()
        self.municipality.setObjectName("new_municipality")
        self.municipality.setPlaceholderText("เช่น เทศบาลตำบลบ่อปลาทอง")
        self.district = QLineEdit()
        self.province = QLineEdit()
        self.year = QLineEdit(to_thai_digits(str(fiscal_year_of(dt.date.today()))))
        self.year.setObjectName("new_year")
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")

        form = QFormLayout()
        form.addRow("หน่วยงาน", self.municipality)
        form.addRow("อำเภอ", self.district)
        form.addRow("จังหวัด", self.province)
        form.addRow("ปีงบประมาณ (พ.ศ.)", self.year)

        buttons = ok_cancel("สร้างรายงาน", self._accept, self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("เลือกรูปแบบรายงาน (หัวตารางตามรายงานที่หน่วยงานเผยแพร่จริง)"))
        layout.addWidget(self.layouts, 1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.report: Report | None = None

    def _accept(self) -> None:
        year = parse_be_year(self.year.text())
        if year is None:
            self.error.setText("ปีงบประมาณต้องเป็นปี พ.ศ. เช่น ๒๕๖๘")
            self.year.setFocus()
            return
        item = self.layouts.currentItem()
        if item is None:
            self.error.setText("กรุณาเลือกรูปแบบรายงาน")
            return
        self.report = Report(
            layout=item.data(Qt.ItemDataRole.UserRole),
            municipality=self.municipality.text().strip(),
            district=self.district.text().strip(),
            province=self.province.text().strip(),
            fiscal_year=year,
            options={"title_block": True, "thai_digits": True},
        )
        self.accept()
