"""Export options of a report (kept with it): which parts, digits, orientation, fonts."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..document import ExportOptions
from ..domain import Report
from .widgets import ok_cancel

SWITCHES = (
    ("cover", "หน้าปก"),
    ("title_block", "หัวรายงานเหนือตาราง"),
    ("opening", "ย่อหน้าเปิด"),
    ("closing", "บทสรุปภาพรวม"),
    ("memo", "บันทึกข้อความนำเรียน (ถ้ามีข้อมูลบันทึก)"),
    ("signatures", "ช่องลงนามท้ายรายงาน"),
    ("score_lines", "บรรทัดคะแนน ITA (คำนวณจากคะแนน)"),
    ("page_numbers", "เลขหน้ากึ่งกลางด้านบน"),
    ("continuation_word", "คำต่อหน้าที่มุมล่างขวา (PDF)"),
    ("thai_digits", "ใช้เลขไทย (ยกเว้นเว็บไซต์และอีเมล)"),
    ("embed_fonts", "ฝังแบบอักษร TH Sarabun New ในไฟล์ Word"),
)
ORIENTATIONS = (("auto", "ตามรูปแบบรายงาน"), ("landscape", "แนวนอน"), ("portrait", "แนวตั้ง"))


class ExportOptionsDialog(QDialog):
    def __init__(self, report: Report, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("ตัวเลือกการส่งออก")
        self.report = report
        options = ExportOptions.from_report(report)
        self.boxes: dict[str, QCheckBox] = {}
        layout = QVBoxLayout(self)
        for name, text in SWITCHES:
            box = QCheckBox(text)
            box.setObjectName(f"option_{name}")
            box.setChecked(bool(getattr(options, name)))
            self.boxes[name] = box
            layout.addWidget(box)
        form = QFormLayout()
        self.orientation = QComboBox()
        for value, text in ORIENTATIONS:
            self.orientation.addItem(text, value)
        self.orientation.setCurrentIndex(self.orientation.findData(options.orientation))
        form.addRow("การวางหน้ากระดาษ", self.orientation)
        self.garuda = QLineEdit(options.garuda_image)
        self.garuda.setPlaceholderText("รูปครุฑสำหรับบันทึกข้อความ (ไม่ใส่ก็ได้)")
        choose = QPushButton("เลือกรูป…")
        choose.clicked.connect(self._choose_garuda)
        row = QHBoxLayout()
        row.addWidget(self.garuda, 1)
        row.addWidget(choose)
        form.addRow("ตราครุฑ", row)
        layout.addLayout(form)
        layout.addWidget(ok_cancel("ตกลง", self.accept, self.reject))

    def _choose_garuda(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "เลือกรูปครุฑ", "",
                                              "รูปภาพ (*.png *.jpg *.jpeg)")
        if name:
            self.garuda.setText(name)

    def chosen(self) -> dict[str, Any]:
        """The report's options with the dialog's choices (other entries kept)."""
        values = {name: box.isChecked() for name, box in self.boxes.items()}
        values["orientation"] = self.orientation.currentData()
        values["garuda_image"] = self.garuda.text().strip()
        known = {f.name for f in dataclasses.fields(ExportOptions)}
        return {**self.report.options, **{k: v for k, v in values.items() if k in known}}
