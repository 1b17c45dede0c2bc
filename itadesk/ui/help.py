"""F1: the Thai help page, inside the program (no browser, no internet): keys, import,
export, print, where the library and its backups live, what to do when something goes
wrong. The text is resources/help/index.html; the clerk's own paths are filled in, and
what holds only for a library file (its backups, a copy on a flash drive, a library in use
on another PC) or only for the office's server library is shown for that one alone
(marked <!-- file --> … <!-- /file --> and <!-- server --> … <!-- /server -->)."""

from __future__ import annotations

import html
import re
from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ..guard import log_folder
from ..paths import resource


def help_html(library: str, backups: Path, *, server: bool = False) -> str:
    """`library`: where the library is, as the clerk is told it (library_name)."""
    text = resource("help", "index.html").read_text(encoding="utf-8")
    other = "file" if server else "server"
    text = re.sub(rf"<!-- {other} -->.*?<!-- /{other} -->\n?", "", text, flags=re.S)
    for key, value in (("{library}", library), ("{backups}", backups),
                       ("{log}", log_folder())):
        text = text.replace(key, html.escape(str(value)))
    return text


class HelpDialog(QDialog):
    def __init__(self, library: str, backups: Path, parent: QWidget | None = None, *,
                 server: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle("วิธีใช้ ITA Desk")
        self.resize(820, 640)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)  # nothing here leaves the program
        self.browser.setHtml(help_html(library, backups, server=server))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("ปิด")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)

    def show_section(self, anchor: str) -> None:
        self.browser.scrollToAnchor(anchor)
