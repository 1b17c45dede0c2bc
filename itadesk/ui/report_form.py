"""The report's own fields: who, where, which fiscal year, texts, signers, layout."""

from __future__ import annotations

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

from ..domain import Layout, Signer
from ..thai.dates import fiscal_period_text, parse_be_year, period_text
from ..thai.digits import to_thai_digits
from .reflow import Reflow
from .session import ReportSession
from .table_keys import WordTable
from .thai_edit import ThaiTextEdit
from .widgets import ElidedComboBox, ElidedLabel, button_row, rows_table, typing_in

ROLE_HINT = ("คำใต้ช่องลงนาม เช่น ผู้รายงาน ผู้ตรวจสอบ หรือผู้อนุมัติ "
             "(เว้นว่างได้ ถ้าไม่ต้องการ)")
LINE_FIELDS = (
    ("title", "ชื่อรายงาน"),
    ("municipality", "หน่วยงาน (เทศบาล/อบต.)"),
    ("district", "อำเภอ"),
    ("province", "จังหวัด"),
    ("period", "รอบการรายงาน"),
    ("prepared_by", "จัดทำโดย (หน่วยงานย่อย)"),
)
# how wide (in lines of text) the form is with the layout's list beside its button
LAYOUT_ROW_SIDE_BY_SIDE = 22
TEXT_FIELDS = (
    ("opening", "ย่อหน้าเปิด"),
    ("closing", "บทสรุปภาพรวม"),
)


def layout_headers_text(layout: Layout) -> str:
    return " · ".join(c.header for c in layout.columns)


class ReportForm(QScrollArea):
    def __init__(self, session: ReportSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWidgetResizable(True)
        body = QWidget()
        body.setMaximumWidth(1100)
        self.setWidget(body)
        outer = QVBoxLayout(body)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addLayout(form)

        # as wide as the form leaves it, not as its longest name (the form was wider than
        # a laptop's screen at 150 %)
        self.layout_box = ElidedComboBox()
        self.fill_layouts()
        self.layout_box.activated.connect(self._layout_chosen)
        # A wrapping label in a form row gets a far too tall row from Qt; keep it one line,
        # cut with "…" where the form is narrower (each header on its line in the tooltip).
        self.layout_headers = ElidedLabel()
        self.layout_headers.setObjectName("layout_headers")
        self.layout_headers.setStyleSheet("color: #555;")
        self.own_layout_button = QPushButton("สร้างรูปแบบของหน่วยงาน…")
        self.own_layout_button.setObjectName("own_layout")
        self.own_layout_button.setToolTip(
            "คัดลอกรูปแบบนี้ แล้วตั้งชื่อ เพิ่ม ลบ หรือเรียงช่อง แก้หัวตารางและความกว้างได้")
        self.own_layout_button.clicked.connect(self.make_own_layout)
        layout_row = QHBoxLayout()
        layout_row.addWidget(self.layout_box, 1)
        layout_row.addWidget(self.own_layout_button)
        form.addRow("รูปแบบรายงาน", layout_row)
        form.addRow("", self.layout_headers)

        self.lines: dict[str, QLineEdit] = {}
        for name, label in LINE_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"field_{name}")
            edit.editingFinished.connect(lambda n=name: self._line_done(n))
            self.lines[name] = edit
            form.addRow(label, edit)
            if name == "municipality":
                self.year = QLineEdit()
                self.year.setObjectName("field_fiscal_year")
                self.year.setPlaceholderText("เช่น ๒๕๖๘")
                self.year.setMaximumWidth(160)
                self.year.editingFinished.connect(self._year_done)
                self.year_hint = QLabel()
                # its complaint is longer than a narrow form: wrapped, not cut
                self.year_hint.setWordWrap(True)
                row = QHBoxLayout()
                row.addWidget(self.year)
                row.addWidget(self.year_hint, 1)
                form.addRow("ปีงบประมาณ (พ.ศ.)", row)
        self.lines["period"].setPlaceholderText(
            "เช่น รอบ ๑๒ เดือน (เดือนตุลาคม ๒๕๖๗ - กันยายน ๒๕๖๘)")
        # the months from the fiscal year, written in the field (and editable there)
        presets = QHBoxLayout()
        self.period_buttons: dict[int, QPushButton] = {}
        for months in (6, 12):
            button = QPushButton(f"รอบ {to_thai_digits(str(months))} เดือน")
            button.setObjectName(f"period_{months}")
            button.setToolTip("ใส่เดือนตามปีงบประมาณให้ แล้วแก้ไขต่อได้")
            button.clicked.connect(lambda _checked=False, m=months: self._period_preset(m))
            self.period_buttons[months] = button
            presets.addWidget(button)
        presets.addStretch(1)
        form.addRow("", presets)
        self.cover = QCheckBox("พิมพ์หน้าปก")
        self.cover.setObjectName("field_cover")
        self.cover.toggled.connect(self._cover_toggled)
        # what the cover has, beside the box and wrapped: in the box's own text it made
        # the form wider than a narrow window (a check box's text does not wrap)
        cover_has = QLabel("(ชื่อรายงาน ปีงบประมาณ รอบ หน่วยงาน และจัดทำโดย)")
        cover_has.setWordWrap(True)
        cover_has.setStyleSheet("color: #555;")
        cover_row = QHBoxLayout()
        cover_row.addWidget(self.cover)
        cover_row.addWidget(cover_has, 1)
        form.addRow("หน้าปก", cover_row)

        self.texts: dict[str, ThaiTextEdit] = {}
        for name, label in TEXT_FIELDS:
            edit = ThaiTextEdit()
            edit.setObjectName(f"field_{name}")
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(90)
            edit.setMaximumHeight(140)
            edit.focus_lost.connect(lambda n=name: self._text_done(n))
            edit.done.connect(lambda n=name: self._text_done(n))
            self.texts[name] = edit
            form.addRow(label, edit)

        signers_box = QGroupBox("ผู้ลงนามท้ายรายงาน")
        box = QVBoxLayout(signers_box)
        self.signers = WordTable(0, 3)
        self.signers.setObjectName("signers")
        self.signers.setHorizontalHeaderLabels(
            ["ชื่อ-สกุล", "ตำแหน่ง (บรรทัดละหนึ่งตำแหน่ง)", "บทบาท"])
        # a new clerk did not know what to type under บทบาท: the word printed above the
        # signature line (the header and every cell of the column say so)
        self.signers.horizontalHeaderItem(2).setToolTip(ROLE_HINT)
        rows_table(self.signers, multiline=(1,), min_height=150)
        self.signers.itemChanged.connect(self._signers_edited)
        box.addWidget(self.signers)
        box.addLayout(button_row(("เพิ่มผู้ลงนาม", self._add_signer),
                                 ("ลบผู้ลงนามที่เลือก", self._remove_signer)))
        outer.addWidget(signers_box)
        outer.addStretch(1)
        self.reflow = Reflow(self)
        # the layout's button under its list where the two do not fit side by side
        self.reflow.boxes(layout_row, self.viewport(), LAYOUT_ROW_SIDE_BY_SIDE)
        self.reflow.form(form, self.viewport())

        self._loading = False
        session.changed.connect(lambda changes: changes.report_fields and self.refresh(
            others=changes.others))
        self.refresh()

    def typing(self) -> set[str]:
        """The report's parts whose field the keyboard is in (report_parts.py)."""
        fields = {**self.lines, **self.texts, "fiscal_year": self.year, "signers": self.signers}
        return {name for name, widget in fields.items() if typing_in(widget)}

    # ---------------------------------------------------------------- display
    def fill_layouts(self) -> None:
        """The layouts the report may take: the shipped ones, then the library's own."""
        self.layout_box.clear()
        for layout in self.session.library.layouts():
            self.layout_box.addItem(layout.name, layout.id)

    def refresh(self, *_args: Any, others: bool = False) -> None:
        """Show the report's fields; `others`: another clerk's change, the field being
        typed in left alone."""
        report = self.session.report
        leave = self.typing() if others else set()
        self._loading = True
        try:
            self.layout_box.setCurrentIndex(self.layout_box.findData(report.layout))
            headers = layout_headers_text(self.session.layout)
            self.layout_headers.setText("หัวตาราง: " + headers)
            self.layout_headers.setToolTip(headers.replace(" · ", "\n"))
            for name, edit in self.lines.items():
                if edit.text() != getattr(report, name) and name not in leave:
                    edit.setText(getattr(report, name))
                    # its beginning in sight in a narrow form, not its end
                    edit.setCursorPosition(0)
            for name, text_edit in self.texts.items():
                if text_edit.text() != getattr(report, name) and name not in leave:
                    text_edit.set_text(getattr(report, name))
            if "fiscal_year" not in leave:
                self.year.setText(to_thai_digits(str(report.fiscal_year)))
            self.year_hint.setText("ปีงบประมาณ: " + fiscal_period_text(report.fiscal_year))
            # the example is this report's own year, not a year gone by
            self.lines["period"].setPlaceholderText(
                "เช่น " + period_text(report.fiscal_year, 12))
            self.year_hint.setStyleSheet("")
            if "signers" not in leave:
                self._fill_signers(report.signers)
            self.cover.setChecked(bool(report.options.get("cover")))
        finally:
            self._loading = False

    def _fill_signers(self, signers: tuple[Signer, ...]) -> None:
        self.signers.blockSignals(True)
        self.signers.setRowCount(len(signers))
        for row, signer in enumerate(signers):
            for col, value in enumerate((signer.name, "\n".join(signer.positions), signer.role)):
                item = QTableWidgetItem(value)
                if col == 2:
                    item.setToolTip(ROLE_HINT)
                self.signers.setItem(row, col, item)
        self.signers.resizeRowsToContents()
        self.signers.blockSignals(False)

    # ---------------------------------------------------------------- editing
    def commit_pending(self) -> None:
        for name in self.lines:
            self._line_done(name)
        for name in self.texts:
            self._text_done(name)

    def _line_done(self, name: str) -> None:
        if not self._loading:
            self.session.set_report_field(name, self.lines[name].text().strip())

    def _text_done(self, name: str) -> None:
        if not self._loading:
            self.session.set_report_field(name, self.texts[name].text().strip())

    def _year_done(self) -> None:
        if self._loading:
            return
        year = parse_be_year(self.year.text())
        if year is None:
            self.year_hint.setText("ปีงบประมาณต้องเป็นปี พ.ศ. เช่น ๒๕๖๘ (พิมพ์เลขไทยหรือเลขอารบิกก็ได้)")
            self.year_hint.setStyleSheet("color: #b00020;")
            return
        self.session.set_report_field("fiscal_year", year)
        self.refresh()

    def make_own_layout(self) -> None:
        """The layout editor on a copy of the report's layout; the report then uses it."""
        from .layout_editor import LayoutEditorDialog

        dialog = LayoutEditorDialog(self.session.library.layouts(), self.session.report.layout,
                                    self)
        if dialog.exec() and dialog.made is not None:
            kept = self.session.keep_layout(dialog.made)
            if kept is not None:
                self.fill_layouts()
                self.session.set_report_field("layout", kept.id, f"ใช้รูปแบบ «{kept.name}»")

    def _period_preset(self, months: int) -> None:
        report = self.session.report
        thai = report.options.get("thai_digits", True) is not False
        text = period_text(report.fiscal_year, months, thai)
        self.lines["period"].setText(text)
        self.session.set_report_field("period", text, "ใส่รอบการรายงาน")

    def _cover_toggled(self, on: bool) -> None:
        if not self._loading:
            options = {**self.session.report.options, "cover": on}
            self.session.set_report_field("options", options, "เปิด/ปิดหน้าปก")

    def _layout_chosen(self, index: int) -> None:
        layout_id = self.layout_box.itemData(index)
        self.session.set_report_field("layout", layout_id, "เปลี่ยนรูปแบบรายงาน")

    def _signers_from_table(self) -> tuple[Signer, ...]:
        out = []
        for row in range(self.signers.rowCount()):
            cells = [self.signers.item(row, c) for c in range(3)]
            name, positions, role = (c.text().strip() if c else "" for c in cells)
            out.append(Signer(name, tuple(p.strip() for p in positions.split("\n")
                                          if p.strip()), role))
        return tuple(out)

    def _signers_edited(self, _item: QTableWidgetItem) -> None:
        if not self._loading:
            self.session.set_report_field("signers", self._signers_from_table(),
                                          "แก้ไขผู้ลงนาม")

    def _add_signer(self) -> None:
        signers = (*self.session.report.signers, Signer("", (), ""))
        self.session.set_report_field("signers", signers, "เพิ่มผู้ลงนาม")
        self.signers.setCurrentCell(len(signers) - 1, 0)
        self.signers.editItem(self.signers.item(len(signers) - 1, 0))

    def _remove_signer(self) -> None:
        rows = sorted({i.row() for i in self.signers.selectedIndexes()})
        if rows:
            keep = tuple(s for i, s in enumerate(self.session.report.signers) if i not in rows)
            self.session.set_report_field("signers", keep, "ลบผู้ลงนาม")


