"""Importing a file with the window free: the file is read in a child process (progress,
ยกเลิก), then what was found and what was left out is shown, and the clerk chooses
นำเข้า or ยกเลิก before anything is added to the library."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain import Layout
from ..exchange.jsonfile import Exchange
from .jobs import ImportJob


class ImportDialog(QDialog):
    def __init__(self, source: Path, parent: QWidget | None = None, *,
                 layouts: tuple[Layout, ...] = ()) -> None:
        super().__init__(parent)
        self.setWindowTitle("นำเข้ารายงาน")
        self.resize(640, 460)
        self.source = source
        self.found: Exchange | None = None  # the report read, with the layouts it carries
        self.error: tuple[str, str] | None = None  # (Thai, English) when reading failed
        self.label = QLabel(f"กำลังอ่านไฟล์ «{source.name}» …")
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.summary = QPlainTextEdit()
        self.summary.setReadOnly(True)
        self.summary.hide()
        buttons = QDialogButtonBox()
        self.import_button = QPushButton("นำเข้า")
        self.import_button.setEnabled(False)
        self.cancel_button = QPushButton("ยกเลิก")
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.label, self.bar, self.summary, buttons):
            layout.addWidget(widget)
        self.job = ImportJob(source, self, layouts=layouts)
        self.job.progress.connect(self.bar.setValue)
        self.job.succeeded.connect(self._read)
        self.job.failed.connect(self._failed)
        self.job.start()

    def _read(self, result: object) -> None:
        found, lines = result  # type: ignore[misc]
        self.found = found
        self.bar.hide()
        self.label.setText("อ่านไฟล์แล้ว ตรวจดูสิ่งที่พบก่อน แล้วกด «นำเข้า» เพื่อเพิ่มเป็นรายงานใหม่ "
                           "หรือ «ยกเลิก» (ยังไม่มีสิ่งใดถูกเพิ่มในคลัง)")
        self.summary.setPlainText("\n".join(lines))
        self.summary.show()
        self.import_button.setEnabled(True)
        self.import_button.setDefault(True)

    def _failed(self, message: str) -> None:
        self.error = (message, self.job.error_english)
        super().reject()

    def reject(self) -> None:
        if self.job.is_running():  # ยกเลิก while reading: the child ends, nothing is kept
            self.job.cancel()
            self.job.wait(5000)
        super().reject()
