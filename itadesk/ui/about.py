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
from .fonts import ui_font

LICENCES = """
<b>ITA Desk</b> — GPL-3.0-or-later.<br>
<b>TH Sarabun New</b> (แบบอักษรแห่งชาติ, SIPA) — GNU GPL with the font exception: documents
that embed the font are not covered by the GPL. The licence ships beside the fonts
(LICENSE-THSarabunNew.txt).<br>
<b>Qt for Python (PySide6), Qt</b> — LGPL-3.0.<br>
<b>python-docx</b> — MIT. <b>ReportLab</b> — BSD. <b>uharfbuzz / HarfBuzz</b> — Apache-2.0 /
MIT ("Old MIT").<br>
<b>PyThaiNLP</b> word list and <b>Thai National Corpus</b> word frequencies (Thai word
segmentation) — CC0-1.0.<br>
<b>platformdirs</b> — MIT.
"""


class AboutDialog(QDialog):
    def __init__(self, library_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("เกี่ยวกับ ITA Desk")
        self.resize(720, 520)
        title = QLabel(f"ITA Desk รุ่น {__version__}")
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
