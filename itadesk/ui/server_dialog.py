"""ไฟล์ › เปิดคลังรายงานบนเครื่องแม่ข่าย…: the office's library on a PostgreSQL server.

The clerk gives the server, the database and their own login; the password is never
asked for nor kept here: libpq reads it from the clerk's passfile, and the dialog says
where that is and how to make it (0600).
"""

from __future__ import annotations

import sys
import urllib.parse

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

PASSFILE = ("%APPDATA%\\postgresql\\pgpass.conf" if sys.platform == "win32"
            else "~/.pgpass")
# the PC's administrator or the server's own account: never a clerk's login, so not offered
NOT_A_CLERK = frozenset({"root", "postgres", "administrator", "admin", "?"})


def server_url(host: str, port: int, database: str, user: str) -> str:
    quote = urllib.parse.quote
    login = f"{quote(user, safe='')}@" if user else ""
    where = quote(host.strip(), safe="") + (f":{port}" if port and port != 5432 else "")
    return f"postgresql://{login}{where}/{quote(database.strip(), safe='')}"


class ServerDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, user: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("เปิดคลังรายงานบนเครื่องแม่ข่าย")
        self.setMinimumWidth(560)
        self.host = QLineEdit()
        self.host.setPlaceholderText("เช่น 192.168.1.10 หรือ server.local")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit("ita")
        self.user = QLineEdit("" if user.lower() in NOT_A_CLERK else user)
        self.user.setPlaceholderText("ชื่อผู้ใช้ของคุณที่ผู้ดูแลเครื่องแม่ข่ายตั้งให้ เช่น somchai")
        form = QFormLayout()
        form.addRow("เครื่องแม่ข่าย", self.host)
        form.addRow("พอร์ต", self.port)
        form.addRow("ฐานข้อมูล", self.database)
        form.addRow("ชื่อผู้ใช้ของคุณ", self.user)
        note = QLabel(
            "โปรแกรมไม่ถามและไม่เก็บรหัสผ่าน กรุณาใส่รหัสผ่านไว้ในไฟล์รหัสผ่านของผู้ใช้ "
            f"«{PASSFILE}» หนึ่งบรรทัดว่า เครื่องแม่ข่าย:พอร์ต:ฐานข้อมูล:ชื่อผู้ใช้:รหัสผ่าน "
            "และให้ไฟล์นั้นอ่านได้เฉพาะเจ้าของ (chmod 600) โปรแกรมใช้การเข้ารหัส (TLS) "
            "เมื่อเครื่องแม่ข่ายรองรับ ผู้ดูแลเครื่องแม่ข่ายเป็นผู้สำรองข้อมูลของคลังนี้")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("เปิด")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("ยกเลิก")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.problem = QLabel("")
        self.problem.setStyleSheet("color: #a00000")
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(note)
        column.addWidget(self.problem)
        column.addWidget(buttons)

    def fill_from(self, url: str) -> None:
        """The fields of an address opened before (the one the window remembers)."""
        parts = urllib.parse.urlsplit(url)
        query = dict(urllib.parse.parse_qsl(parts.query))
        host = parts.hostname or query.get("host", "")
        if host:
            self.host.setText(urllib.parse.unquote(host))
        if parts.port:
            self.port.setValue(parts.port)
        database = urllib.parse.unquote(parts.path.strip("/"))
        if database:
            self.database.setText(database)
        if parts.username:
            self.user.setText(urllib.parse.unquote(parts.username))

    def _accept(self) -> None:
        if not self.host.text().strip() or not self.database.text().strip():
            self.problem.setText("กรุณาใส่ชื่อเครื่องแม่ข่ายและชื่อฐานข้อมูล")
            return
        if not self.user.text().strip():  # else the server is asked for this PC's login
            self.problem.setText("กรุณาใส่ชื่อผู้ใช้ของคุณที่ผู้ดูแลเครื่องแม่ข่ายตั้งให้")
            return
        self.accept()

    def url(self) -> str:
        return server_url(self.host.text(), self.port.value(), self.database.text(),
                          self.user.text().strip())
