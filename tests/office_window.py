"""A clerk at the window on a server library, for the tests where other clerks are
processes of their own (tests/office_worker.py): real keys into the report's table, the
conflict question answered as a clerk would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from itadesk.store import Library
from itadesk.ui.app import make_app
from itadesk.ui.main_window import MainWindow

from .test_window import activate, click_cell
from .ui_helpers import click_button, type_text, when_dialog_opens

CTRL = Qt.KeyboardModifier.ControlModifier


class WindowClerk:
    def __init__(self, qtbot, url: str, report_id: int) -> None:
        make_app()
        self.qtbot = qtbot
        self.window = MainWindow(Library.open(url, take_backup=False))
        qtbot.addWidget(self.window)
        self.window.resize(1280, 800)
        self.window.show()
        self.window.open_report(report_id)
        self.editor: QWidget | None = None
        self.asked: list[str] = []

    def column(self, field: str) -> int:
        model = self.window.session.model
        return next(c for c in range(model.columnCount()) if model.cell_field(0, c) == field)

    def start_typing(self, row: int, field: str, text: str) -> None:
        """Open the cell's editor and type, without leaving it yet."""
        activate(self.qtbot, self.window)
        table = self.window.report_page.table
        click_cell(self.qtbot, table, row, self.column(field))
        self.qtbot.keyClick(table, Qt.Key.Key_F2)
        self.editor = QApplication.focusWidget()
        assert self.editor is not table
        self.qtbot.keyClick(self.editor, Qt.Key.Key_A, CTRL)
        type_text(self.editor, text)

    def finish_typing(self, answer: str = "ใช้ข้อความของฉัน") -> None:
        """Leave the editor (Ctrl+Enter); a conflict question is answered with `answer`."""
        assert self.editor is not None

        def reply(box) -> None:
            self.asked.append(box.text())
            click_button(answer)(box)

        when_dialog_opens(reply)
        self.qtbot.keyClick(self.editor, Qt.Key.Key_Return, CTRL)
        self.editor = None

    def type_cell(self, row: int, field: str, text: str) -> None:
        self.start_typing(row, field, text)
        self.qtbot.keyClick(self.editor, Qt.Key.Key_Return, CTRL)
        self.editor = None

    def shown(self, row: int, field: str) -> str:
        return self.window.session.model.measure(row).get(field)

    def close(self) -> None:
        self.window.close()
        self.window.library.close()
