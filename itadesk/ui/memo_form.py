"""The memo tab: every field of the cover memo (บันทึกข้อความ), who signs it, the
endorsements below it and the Garuda picture. Each change is one undoable step (the
report's `memo` set through the session); the preview shows the memo page as it is typed
in when the memo is switched on."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain import Endorsement, Memo
from ..domain.changes import Changes
from ..domain.memo import MEMO_TEXT_FIELDS, NEW_MEMO, USUAL_CLOSING
from . import file_dialogs
from .reflow import Reflow
from .session import ReportSession
from .table_keys import WordTable
from .thai_edit import ThaiTextEdit
from .widgets import button_row, rows_table, typing_in, with_button

PARAGRAPHS = frozenset(("background", "facts", "proposal"))
# how wide (in lines of text) the memo is with the signer beside the notes, and the room
# a signer's field needs beside its label (a name is short)
PEOPLE_SIDE_BY_SIDE = 30
SIGNER_ROOM = 9
# Grey hints are examples ("เช่น …"), never a text that looks typed: a memo's closing line
# shown as a hint was taken for the one printed. Emptied, it is printed without one.
HINTS = {"number": "เช่น ชน ๕๒๐๐๖/๑๒๓", "date": "เช่น ๒๔ เมษายน ๒๕๖๘",
         "closing": f"เช่น {USUAL_CLOSING} (ว่างไว้ = ไม่พิมพ์ข้อความปิดท้าย)",
         "to": "เช่น นายกเทศมนตรี"}


class MemoForm(QScrollArea):
    def __init__(self, session: ReportSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._loading = False
        self.setWidgetResizable(True)
        body = QWidget()
        body.setMaximumWidth(1100)
        self.setWidget(body)
        outer = QVBoxLayout(body)
        self.switch = QCheckBox("พิมพ์บันทึกข้อความนำเรียนเป็นหน้าแรกของรายงาน")
        self.switch.setObjectName("memo_switch")
        self.switch.toggled.connect(self._switched)
        outer.addWidget(self.switch)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.lines: dict[str, QLineEdit] = {}
        self.texts: dict[str, ThaiTextEdit] = {}
        number_row = QHBoxLayout()
        for name, label in MEMO_TEXT_FIELDS:
            if name in PARAGRAPHS:
                text_edit = ThaiTextEdit()
                text_edit.setObjectName(f"memo_{name}")
                text_edit.setMinimumHeight(80)
                text_edit.setMaximumHeight(150)
                text_edit.focus_lost.connect(lambda n=name: self._field_done(n))
                text_edit.done.connect(lambda n=name: self._field_done(n))
                self.texts[name] = text_edit
                form.addRow(label, text_edit)
            else:
                edit = QLineEdit()
                edit.setObjectName(f"memo_{name}")
                edit.setPlaceholderText(HINTS.get(name, ""))
                edit.editingFinished.connect(lambda n=name: self._field_done(n))
                self.lines[name] = edit
                if name == "date":  # on the line of ที่, as the paper form has it
                    number_row.addWidget(QLabel(label))
                    number_row.addWidget(edit, 1)
                elif name == "number":
                    number_row.addWidget(edit, 1)
                    form.addRow(label, number_row)
                else:
                    form.addRow(label, edit)
        self.garuda = QLineEdit()
        self.garuda.setObjectName("memo_garuda")
        self.garuda.setPlaceholderText("ไฟล์รูปตราครุฑ (ไม่ใส่ก็ได้: พิมพ์โดยไม่มีตราครุฑ)")
        self.garuda.editingFinished.connect(self._garuda_done)
        form.addRow("ตราครุฑ", with_button(self.garuda, "เลือกรูป…", self._choose_garuda))
        outer.addLayout(form)

        signer_box = QGroupBox("ผู้ลงนามบันทึก")
        signer_form = QFormLayout(signer_box)
        self.signer_name = QLineEdit()
        self.signer_name.setObjectName("memo_signer_name")
        self.signer_name.editingFinished.connect(self._signer_done)
        self.signer_positions = ThaiTextEdit()
        self.signer_positions.setObjectName("memo_signer_positions")
        self.signer_positions.setMinimumHeight(72)  # two positions in sight, no scrolling
        self.signer_positions.setMaximumHeight(100)
        self.signer_positions.focus_lost.connect(self._signer_done)
        self.signer_positions.done.connect(self._signer_done)
        same = QPushButton("ใช้ผู้ลงนามคนแรกของรายงาน")
        same.clicked.connect(self._first_signer)
        signer_form.addRow("ชื่อ-สกุล", self.signer_name)
        signer_form.addRow("ตำแหน่ง (บรรทัดละหนึ่ง)", self.signer_positions)
        signer_form.addRow("", same)
        self.signer_note = QLabel()
        self.signer_note.setObjectName("memo_signer_note")
        self.signer_note.setWordWrap(True)
        self.signer_note.setStyleSheet("color: #b00020;")
        signer_form.addRow("", self.signer_note)
        # the signer and the notes below the memo side by side: both in sight at 1366×768;
        # one under the other where the form is narrower (150 %, the page pane open)
        people = QHBoxLayout()
        people.addWidget(signer_box, 2)

        notes_box = QGroupBox("ความเห็นผู้บังคับบัญชา (ใต้บันทึก)")
        notes = QVBoxLayout(notes_box)
        self.endorsements = WordTable(0, 3)
        self.endorsements.setObjectName("memo_endorsements")
        # the header was cut off at 1366 px with its example in it: the example is a tip
        self.endorsements.setHorizontalHeaderLabels(["ข้อความ", "ชื่อ-สกุล", "ตำแหน่ง"])
        self.endorsements.horizontalHeaderItem(0).setToolTip(
            "เช่น «เรียน นายกเทศมนตรี» ขึ้นบรรทัดใหม่ «-เพื่อโปรดทราบ»")
        rows_table(self.endorsements, multiline=(0, 2), min_height=130)
        self.endorsements.itemChanged.connect(self._endorsements_edited)
        notes.addWidget(self.endorsements)
        notes.addLayout(button_row(("เพิ่มความเห็น", self._add_endorsement),
                                   ("ลบความเห็นที่เลือก", self._remove_endorsement)))
        people.addWidget(notes_box, 3)
        outer.addLayout(people)
        outer.addStretch(1)
        self.reflow = Reflow(self)
        self.reflow.boxes(people, self.viewport(), PEOPLE_SIDE_BY_SIDE)
        self.reflow.form(form, self.viewport())
        self.reflow.form(signer_form, signer_box, room=SIGNER_ROOM)
        session.changed.connect(self._changed)
        self.refresh()

    # ---------------------------------------------------------------- display
    def memo(self) -> Memo:
        """The report's memo; one not yet begun as it starts (its usual closing line)."""
        return self.session.report.memo or NEW_MEMO

    def _changed(self, changes: Changes) -> None:
        if changes.report_fields & {"memo", "options", "signers"}:
            self.refresh(others=changes.others)

    def typing(self) -> set[str]:
        """The memo's parts whose field the keyboard is in (report_parts.py)."""
        fields: dict[str, QWidget] = {**self.lines, **self.texts, "garuda_image": self.garuda,
                                      "endorsements": self.endorsements}
        out = {f"memo.{name}" for name, widget in fields.items() if typing_in(widget)}
        if typing_in(self.signer_name) or typing_in(self.signer_positions):
            out.add("memo.signer")
        return out

    def refresh(self, *_args: Any, others: bool = False) -> None:
        """Show the memo; `others`: another clerk's change, the field being typed in
        left alone."""
        memo = self.memo()
        leave = {part.removeprefix("memo.") for part in self.typing()} if others else set()
        self._loading = True
        try:
            self.switch.setChecked(bool(self.session.report.options.get("memo")))
            if self.session.report.signers:
                self.signer_note.clear()  # "no signer yet" is no longer so
            for name, edit in self.lines.items():
                if edit.text() != memo.get(name) and name not in leave:
                    edit.setText(memo.get(name))
            for name, text_edit in self.texts.items():
                if text_edit.text() != memo.get(name) and name not in leave:
                    text_edit.set_text(memo.get(name))
            if self.garuda.text() != memo.garuda_image and "garuda_image" not in leave:
                self.garuda.setText(memo.garuda_image)
            if "signer" not in leave:
                self._show_signer(memo)
            if "endorsements" not in leave:
                self._show_endorsements(memo)
        finally:
            self._loading = False

    def _show_signer(self, memo: Memo) -> None:
        if self.signer_name.text() != memo.signer.name:
            self.signer_name.setText(memo.signer.name)
        positions = "\n".join(memo.signer.positions)
        if self.signer_positions.text() != positions:
            self.signer_positions.set_text(positions)

    def _show_endorsements(self, memo: Memo) -> None:
        self.endorsements.blockSignals(True)
        self.endorsements.setRowCount(len(memo.endorsements))
        for row, note in enumerate(memo.endorsements):
            for column, value in enumerate((note.text, note.name, "\n".join(note.positions))):
                self.endorsements.setItem(row, column, QTableWidgetItem(value))
        self.endorsements.resizeRowsToContents()
        self.endorsements.blockSignals(False)

    # ---------------------------------------------------------------- editing
    def _set(self, memo: Memo, text: str = "แก้ไขบันทึกข้อความ") -> None:
        if not self._loading:
            self.session.set_report_field("memo", memo, text)

    def commit_pending(self) -> None:
        for name in (*self.lines, *self.texts):
            self._field_done(name)
        self._signer_done()
        self._garuda_done()

    def _field_done(self, name: str) -> None:
        widget = self.lines.get(name) or self.texts[name]
        value = widget.text().strip()
        if value != self.memo().get(name):
            self._set(self.memo().with_field(name, value))

    def _switched(self, on: bool) -> None:
        if not self._loading:
            session, text = self.session, "เปิด/ปิดบันทึกข้อความ"
            options = {**session.report.options, "memo": on}
            with session.one_step(text):
                session.set_report_field("options", options, text)
                if on and session.report.memo is None:
                    # the memo the form shows is the one printed (its closing line too)
                    session.set_report_field("memo", NEW_MEMO, text)

    def _garuda_done(self) -> None:
        value = self.garuda.text().strip()
        if value != self.memo().garuda_image:
            self._set(self.memo().with_field("garuda_image", value), "เลือกตราครุฑ")

    def _choose_garuda(self) -> None:
        name, _ = file_dialogs.open_file_name(self, "เลือกรูปครุฑ", "",
                                              "รูปภาพ (*.png *.jpg *.jpeg)")
        if name:
            self.garuda.setText(name)
            self._garuda_done()

    def _signer_done(self) -> None:
        signer = dataclasses.replace(
            self.memo().signer, name=self.signer_name.text().strip(),
            positions=tuple(p.strip() for p in self.signer_positions.text().split("\n")
                            if p.strip()))
        if signer != self.memo().signer:
            self._set(self.memo().with_field("signer", signer), "แก้ไขผู้ลงนามบันทึก")

    def _first_signer(self) -> None:
        signers = self.session.report.signers
        if signers:
            self.signer_note.clear()
            self._set(self.memo().with_field("signer", signers[0]), "แก้ไขผู้ลงนามบันทึก")
        else:  # said, not silently nothing
            self.signer_note.setText("รายงานนี้ยังไม่มีผู้ลงนาม เพิ่มผู้ลงนามได้ที่แท็บ "
                                     "«ข้อมูลรายงานและผู้ลงนาม» หรือพิมพ์ชื่อและตำแหน่งด้านบน")

    def _endorsements_from_table(self) -> tuple[Endorsement, ...]:
        out = []
        for row in range(self.endorsements.rowCount()):
            cells = [self.endorsements.item(row, c) for c in range(3)]
            text, name, positions = (c.text().strip() if c else "" for c in cells)
            out.append(Endorsement(text, name, tuple(
                p.strip() for p in positions.split("\n") if p.strip())))
        return tuple(out)

    def _endorsements_edited(self, _item: QTableWidgetItem) -> None:
        if not self._loading:
            self._set(self.memo().with_field("endorsements", self._endorsements_from_table()),
                      "แก้ไขความเห็นผู้บังคับบัญชา")

    def _add_endorsement(self) -> None:
        notes = (*self.memo().endorsements, Endorsement())
        self._set(self.memo().with_field("endorsements", notes), "เพิ่มความเห็นผู้บังคับบัญชา")
        self.endorsements.setCurrentCell(len(notes) - 1, 0)
        self.endorsements.editItem(self.endorsements.item(len(notes) - 1, 0))

    def _remove_endorsement(self) -> None:
        rows = {i.row() for i in self.endorsements.selectedIndexes()}
        if rows:
            keep = tuple(n for i, n in enumerate(self.memo().endorsements) if i not in rows)
            self._set(self.memo().with_field("endorsements", keep), "ลบความเห็นผู้บังคับบัญชา")


