"""About ITA Desk: version, licences, and where the clerk's library and backups live."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..paths import font_dir
from ..thai.digits import to_thai_digits
from .fonts import ui_font

LICENCES = """
<b>สัญญาอนุญาตของโปรแกรมและส่วนประกอบ</b><br>
<b>ITA Desk</b> — GPL-3.0 (หรือรุ่นที่ใหม่กว่า)<br>
<b>TH Sarabun New</b> (แบบอักษรแห่งชาติ ของ SIPA) — GPL พร้อมข้อยกเว้นสำหรับแบบอักษร:
เอกสารที่ฝังแบบอักษรนี้ไม่ต้องใช้สัญญาอนุญาต GPL ตามไปด้วย
(ไฟล์สัญญาอนุญาต LICENSE-THSarabunNew.txt อยู่ในโฟลเดอร์แบบอักษร)<br>
<b>Qt / PySide6</b> — LGPL-3.0<br>
<b>python-docx</b>, <b>lxml</b>, <b>jsonschema</b>, <b>platformdirs</b> — MIT หรือ BSD<br>
<b>ReportLab</b> — BSD · <b>uharfbuzz / HarfBuzz</b> — Apache-2.0 / MIT<br>
รายการคำของ <b>PyThaiNLP</b> และความถี่คำจากคลังข้อมูลภาษาไทยแห่งชาติ
(ใช้ตัดคำภาษาไทย) — CC0-1.0
"""

class AboutDialog(QDialog):
    def __init__(self, library_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("เกี่ยวกับ ITA Desk")
        self.resize(720, 520)
        title = QLabel(f"ITA Desk รุ่น {to_thai_digits(__version__)}")
        title.setFont(ui_font(22, bold=True))
        what = QLabel("จัดทำรายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน")
        where = QLabel(f"คลังรายงาน: {library_path}\nสำเนาสำรอง: {library_path.parent / 'backups'}"
                       f"\nแบบอักษร: {font_dir()}")
        where.setObjectName("about_paths")
        where.setWordWrap(True)
        licences = QTextBrowser()
        licences.setHtml(LICENCES)
        open_folder = QPushButton("เปิดโฟลเดอร์คลังรายงาน")
        open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(library_path.parent))))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("ปิด")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (title, what, where, open_folder, licences, buttons):
            layout.addWidget(widget)
