"""ปี ITA › ชุดเอกสารหลักฐาน…: the report's OIT item and publication record (kept with the
report), the folder, and optionally the municipality's certificate (its password is used
once and never kept); the pack itself is export/pack.py's."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain import Report
from ..domain.oit import ITEM_OPTION, OitYear, item_of, report_item_code
from ..domain.publication import PEOPLE, Person, publication_of, with_publication
from ..thai.digits import to_thai_digits
from . import file_dialogs
from .session import ReportSession
from .widgets import with_button

PEOPLE_LABELS = {"executive": "ผู้บริหารที่รับทราบ/อนุมัติ", "provider": "ผู้รับผิดชอบการให้ข้อมูล",
                 "approver": "ผู้อนุมัติรับรอง", "publisher": "ผู้นำข้อมูลขึ้นเผยแพร่"}


class EvidencePackDialog(QDialog):
    def __init__(self, report: Report, year: OitYear | None, folder: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("ชุดเอกสารหลักฐาน")
        self.report = report
        publication = publication_of(report.options)
        form = QFormLayout()
        fy = to_thai_digits(str(report.fiscal_year))
        self.item = QComboBox()
        self.item.setEditable(True)  # a year the program does not know: typed by the clerk
        for it in (year.items if year is not None else ()):
            self.item.addItem(f"{it.code} {it.title}", it.code)
        chosen = item_of(report, year)
        code = chosen.code if chosen is not None else report_item_code(report.options)
        index = self.item.findData(code)
        if index >= 0:
            self.item.setCurrentIndex(index)
        else:
            self.item.setEditText(code)
        form.addRow(f"ข้อ OIT (ปี {fy})", self.item)
        self.item_note = QLabel("")
        self.item_note.setWordWrap(True)
        if self.item.count() == 0:  # a year nobody has confirmed: the clerk types the item
            self.item.lineEdit().setPlaceholderText("พิมพ์รหัสข้อ เช่น O26")
            self.item_note.setText(
                f"โปรแกรมยังไม่มีรายการข้อ OIT ของปี {fy} (ยังไม่ยืนยันจากแหล่งสาธารณะ) "
                "พิมพ์รหัสข้อตามคู่มือของปีนี้ได้เอง หรือกรอกรายการที่เมนู ปี ITA › รายการข้อ OIT…")
        self.link = QLineEdit(publication.link)
        self.link.setPlaceholderText("https://www.….go.th/…")
        form.addRow("ลิงก์ที่เผยแพร่", self.link)
        self.acknowledged = QLineEdit(publication.acknowledged_on)
        form.addRow("วันที่ผู้บริหารรับทราบ", self.acknowledged)
        self.people: dict[str, tuple[QLineEdit, QLineEdit, QLineEdit]] = {}
        for name in PEOPLE:
            person: Person = getattr(publication, name)
            edits = (QLineEdit(person.name), QLineEdit(person.position), QLineEdit(person.date))
            for edit, hint in zip(edits, ("ชื่อ", "ตำแหน่ง", "วันที่"), strict=True):
                edit.setPlaceholderText(hint)
            row = QHBoxLayout()
            for edit in edits:
                row.addWidget(edit)
            form.addRow(PEOPLE_LABELS[name], row)
            self.people[name] = edits
        self.folder = QLineEdit(str(folder))
        form.addRow("บันทึกลงโฟลเดอร์", with_button(self.folder, "เลือก…", self._browse))
        self.certificate = QLineEdit()
        self.certificate.setPlaceholderText("ไม่ลงลายมือชื่อดิจิทัล")
        form.addRow("ใบรับรอง (.p12/.pfx)",
                    with_button(self.certificate, "เลือก…", self._pick_certificate))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("ไม่ถูกบันทึก")
        form.addRow("รหัสผ่านใบรับรอง", self.password)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("บันทึกชุดเอกสาร",
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("ยกเลิก", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.about = QLabel(
            "ทำชุดเอกสารหลักฐานของข้อ OIT ที่รายงานนี้ตอบ ลงในโฟลเดอร์เดียว: รายงาน (PDF และ Word) "
            "บันทึกข้อความเสนอผู้บริหารเพื่อทราบและอนุมัติให้เผยแพร่ แบบฟอร์มการขออนุมัติเผยแพร่"
            "ข้อมูลผ่านเว็บไซต์ และรายการเอกสาร ข้อมูลที่กรอกในหน้านี้เก็บไว้กับรายงาน")
        self.about.setWordWrap(True)
        self.setMinimumWidth(680)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        if self.item_note.text():  # above the form: a form row does not grow for wrapped text
            layout.addWidget(self.item_note)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        chosen = file_dialogs.existing_directory(self, "บันทึกชุดเอกสารลงโฟลเดอร์",
                                                  self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def _pick_certificate(self) -> None:
        chosen, _filter = file_dialogs.open_file_name(self, "ใบรับรองของหน่วยงาน", "",
                                                      "ใบรับรอง (*.p12 *.pfx)")
        if chosen:
            self.certificate.setText(chosen)

    def item_code(self) -> str:
        data = self.item.currentData()
        text = self.item.currentText().strip()
        if data and text.startswith(str(data)):
            return str(data)
        return text.split(" ")[0] if text else ""

    def options(self) -> dict[str, object]:
        """The report's options with the item and the publication record as typed."""
        people = {name: Person(*(e.text().strip() for e in edits))
                  for name, edits in self.people.items()}
        publication = dataclasses.replace(
            publication_of(self.report.options), link=self.link.text().strip(),
            acknowledged_on=self.acknowledged.text().strip(), **people)
        options = with_publication(self.report.options, publication)
        return {**options, ITEM_OPTION: self.item_code()}

    def _accept(self) -> None:
        if not self.item_code():
            self.message.setText("กรุณาเลือกหรือพิมพ์รหัสข้อ OIT ของรายงานนี้ (เช่น O26)")
            self.item.setFocus()
            return
        if not self.folder.text().strip():
            self.message.setText("กรุณาเลือกโฟลเดอร์ที่จะบันทึก")
            return
        self.accept()




def make_evidence_pack(parent: QWidget, session: ReportSession, folder: Path) -> list[Path]:
    """Ask, keep the item and the publication record with the report (one undoable step),
    write the pack, say what is in the folder. The files written, none if cancelled."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ..domain.options import rebased
    from ..export.pack import write_pack

    report = session.report
    year = session.library.oit_year(report.fiscal_year)
    dialog = EvidencePackDialog(report, year, folder, parent)
    if not dialog.exec():
        return []
    options = rebased(report.options, dialog.options(), session.report.options)
    if options != session.report.options:
        session.set_report_field("options", options, "แก้ไขข้อมูลการเผยแพร่")
    sign = None
    if dialog.certificate.text().strip():
        from ..export.signing import signer_from_file

        sign = signer_from_file(Path(dialog.certificate.text().strip()), dialog.password.text())
    dialog.password.clear()
    exchange = session.current_exchange()
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        written = write_pack(exchange.report, Path(dialog.folder.text().strip()),
                             layout=exchange.layout, year=year, sign=sign)
    finally:
        QApplication.restoreOverrideCursor()
    box = QMessageBox(QMessageBox.Icon.Information, "ชุดเอกสารหลักฐาน",
                      f"บันทึกชุดเอกสารหลักฐานแล้ว {to_thai_digits(str(len(written)))} ไฟล์ "
                      f"ในโฟลเดอร์ «{written[0].path.parent}»", parent=parent)
    box.setDetailedText("\n".join(f"{f.path.name}: {f.what}" for f in written))
    box.addButton("ตกลง", QMessageBox.ButtonRole.AcceptRole)
    box.exec()
    return [f.path for f in written]
