"""The checks pane: what to look at before publishing, a click away from the cell, with
a one-click fix where one is safe (undoable like any edit)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.changes import Changes
from ..domain.checks import Finding, ReportChecker, needs_checking
from ..exchange.jsonfile import Exchange
from ..thai.digits import to_thai_digits
from .widgets import ElidedLabel


class ChecksPane(QWidget):
    jump = Signal(int, str)  # row (-1: a field of the report's own), field
    fix = Signal(int, str, str)  # row, field, corrected text

    def __init__(self, load_report: Callable[[], Exchange], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._load_report = load_report
        self.checker = ReportChecker()  # keeps what it found, measure by measure
        self.findings: list[Finding] = []
        self.list = QListWidget()
        self.list.setObjectName("findings")
        self.list.setWordWrap(True)
        # one click goes there, as in a compiler's list of errors (only a double-click did,
        # and a new clerk clicked and waited); Enter too (Qt's item activation)
        self.list.itemClicked.connect(self._activated)
        self.list.itemActivated.connect(self._activated)
        self.list.currentRowChanged.connect(self._selected)
        # ends in "…" where the pane is narrow (the whole count in its tooltip): under a
        # narrow preview the pane's width is the preview's, never more (it widened the
        # preview's side and squeezed the table's columns)
        self.summary = ElidedLabel()
        self.fix_button = QPushButton("แก้ไขให้")
        self.fix_button.setEnabled(False)
        self.fix_button.clicked.connect(self._fix)
        again = QPushButton("ตรวจอีกครั้ง")
        again.clicked.connect(self.refresh)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.fix_button)
        buttons.addWidget(again)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(500)
        self._timer.timeout.connect(self.refresh)

    def follow(self, changes: Changes) -> None:
        """After a step: check again a moment later, if the step touched what is checked."""
        if needs_checking(changes):
            self._timer.start()

    def refresh(self) -> None:
        found = self._load_report()
        self.findings = self.checker.check(found.report, found.layout, found.oit)
        self.list.clear()
        for finding in self.findings:
            # words, not an emoji: TH Sarabun New has none (a box was drawn)
            mark = " (แก้ให้ได้)" if finding.fix is not None else ""
            item = QListWidgetItem(f"{finding.where_in(found.layout)}: {finding.message}{mark}")
            item.setToolTip("คลิกหรือกด Enter เพื่อไปที่ช่องนั้น"
                            + (" · กด «แก้ไขให้» เพื่อแก้อัตโนมัติ" if mark else ""))
            self.list.addItem(item)
        self.summary.setText(to_thai_digits(f"พบ {len(self.findings)} รายการ")  # under «ตรวจรายงาน»
                             if self.findings
                             else "ไม่พบสิ่งที่ต้องแก้")

    def _selected(self, index: int) -> None:
        ok = 0 <= index < len(self.findings) and self.findings[index].fix is not None
        self.fix_button.setEnabled(ok)

    def _activated(self, item: QListWidgetItem) -> None:
        finding = self.findings[self.list.row(item)]
        if finding.row is not None:
            self.jump.emit(finding.row, finding.field)
        elif finding.field:
            self.jump.emit(-1, finding.field)

    def _fix(self) -> None:
        index = self.list.currentRow()
        if 0 <= index < len(self.findings):
            finding = self.findings[index]
            if finding.fix is not None and finding.row is not None:
                self.fix.emit(finding.row, finding.field, finding.fix)
                self.refresh()


