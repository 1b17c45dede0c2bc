"""Export options of a report (kept with it): which parts, digits, orientation, fonts."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from ..document import ExportOptions
from ..domain import Report
from ..domain.options import ORIENTATIONS, SWITCHES, with_choices
from .widgets import Scrolled, ok_cancel


class ExportOptionsDialog(QDialog):
    def __init__(self, report: Report, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("ตัวเลือกการส่งออก")
        self.report = report
        self.shown = options = ExportOptions.from_report(report)
        self.boxes: dict[str, QCheckBox] = {}
        contents = QWidget()
        layout = QVBoxLayout(contents)
        layout.setContentsMargins(0, 0, 0, 0)
        for switch in SWITCHES:
            box = QCheckBox(switch.thai)
            box.setObjectName(f"option_{switch.name}")
            box.setChecked(bool(getattr(options, switch.name)))
            self.boxes[switch.name] = box
            layout.addWidget(box)
        form = QFormLayout()
        self.orientation = QComboBox()
        for value, text in ORIENTATIONS:
            self.orientation.addItem(text, value)
        self.orientation.setCurrentIndex(self.orientation.findData(options.orientation))
        form.addRow("การวางหน้ากระดาษ", self.orientation)
        layout.addLayout(form)
        layout.addStretch(1)
        # the options scroll where the screen is lower than they are; the buttons stay
        self.area = Scrolled(contents)
        outer = QVBoxLayout(self)
        outer.addWidget(self.area, 1)
        self.buttons = ok_cancel("ตกลง", self.accept, self.reject)
        outer.addWidget(self.buttons)
        # all of it where the screen has room (Qt's own size for a dialog stops at two
        # thirds of the screen's height: the options scrolled on a screen they fit);
        # where it has not, on_screen makes it lower and the options scroll
        self.resize(self.sizeHint())

    def chosen(self) -> dict[str, Any]:
        """The report's options with the choices the clerk changed in the dialog (other
        entries kept): an option left as it was shown is not chosen again, so that on the
        office's library another clerk's newer choice of it is not met as a conflict."""
        values: dict[str, Any] = {name: box.isChecked() for name, box in self.boxes.items()}
        values["orientation"] = self.orientation.currentData()
        return with_choices(self.report.options, {
            name: value for name, value in values.items()
            if value != getattr(self.shown, name)})
