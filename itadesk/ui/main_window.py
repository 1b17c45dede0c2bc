"""The main window: the library, and the report being edited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from .. import __version__
from ..store import Library, LibraryError
from ..thai.digits import to_thai_digits
from .library_page import LibraryPage

if TYPE_CHECKING:
    from .report_page import ReportPage
    from .session import ReportSession

APP_TITLE = "ITA Desk"


class MainWindow(QMainWindow):
    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.session: ReportSession | None = None
        self.report_page: ReportPage | None = None
        self.setWindowTitle(f"{APP_TITLE} — คลังรายงาน")
        self.resize(1280, 800)

        self.undo_group = QUndoGroup(self)
        self._last_folder = str(Path.home())
        self.stack = QStackedWidget(self)
        self.library_page = LibraryPage(self)
        self.library_page.open_requested.connect(self.open_report)
        self.library_page.new_requested.connect(self.new_report)
        self.library_page.delete_requested.connect(self.delete_report)
        self.stack.addWidget(self.library_page)
        self.setCentralWidget(self.stack)

        self.saved_label = QLabel("")
        self.statusBar().addPermanentWidget(self.saved_label)
        self._build_menus()
        self.refresh_library()
        self.statusBar().showMessage(f"คลังรายงาน: {library.path}", 8000)

    # ------------------------------------------------------------------ menus
    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu("ไฟล์")
        self.library_action = self._action(file_menu, "คลังรายงาน", "Ctrl+L", self.show_library)
        self._action(file_menu, "สร้างรายงานใหม่…", QKeySequence.StandardKey.New, self.new_report)
        file_menu.addSeparator()
        self.export_docx_action = self._action(file_menu, "ส่งออกเป็น Word…", "Ctrl+E",
                                               self.export_docx)
        self.export_docx_action.setEnabled(False)
        self.export_pdf_action = self._action(file_menu, "ส่งออกเป็น PDF…", "Ctrl+Shift+E",
                                              self.export_pdf)
        self.export_pdf_action.setEnabled(False)
        file_menu.addSeparator()
        self._action(file_menu, "ออกจากโปรแกรม", QKeySequence.StandardKey.Quit, self.close)

        edit_menu = menu.addMenu("แก้ไข")
        self.undo_action = self.undo_group.createUndoAction(self, "เลิกทำ")
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo_action = self.undo_group.createRedoAction(self, "ทำซ้ำ")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)

        self.rows_menu = menu.addMenu("แถว")
        self.rows_menu.setEnabled(False)

        help_menu = menu.addMenu("ช่วยเหลือ")
        self._action(help_menu, "เกี่ยวกับ ITA Desk", None, self.about)

    def _action(self, menu: QMenu, text: str,
                shortcut: str | QKeySequence.StandardKey | None,
                slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # ---------------------------------------------------------------- library
    def refresh_library(self) -> None:
        self.library_page.show_reports(self.library.list_reports())

    def show_library(self) -> None:
        self.close_report()
        self.refresh_library()
        self.stack.setCurrentWidget(self.library_page)
        self.setWindowTitle(f"{APP_TITLE} — คลังรายงาน")

    def new_report(self) -> None:
        from .new_report import NewReportDialog

        dialog = NewReportDialog(self)
        if dialog.exec() and dialog.report is not None:
            try:
                report_id = self.library.create_report(dialog.report)
            except LibraryError as exc:
                self.show_error(exc.message)
                return
            self.open_report(report_id)
            if self.report_page is not None:
                self.report_page.tabs.setCurrentWidget(self.report_page.form)

    def delete_report(self, report_id: int) -> None:
        report = self.library.load_report(report_id)
        answer = QMessageBox.question(
            self, "ลบรายงาน",
            f"ลบรายงานของ «{report.municipality or 'ไม่ระบุหน่วยงาน'}» ปีงบประมาณ "
            f"{to_thai_digits(str(report.fiscal_year))} ({len(report.measures)} มาตรการ) ใช่หรือไม่?\n"
            "ลบแล้วเรียกคืนได้จากสำเนาสำรองที่โปรแกรมทำไว้ทุกครั้งที่เปิดเท่านั้น",
        )
        if answer == QMessageBox.StandardButton.Yes:
            try:
                self.library.delete_report(report_id)
            except LibraryError as exc:
                self.show_error(exc.message)
            self.refresh_library()

    # ----------------------------------------------------------------- report
    def open_report(self, report_id: int) -> None:
        # Loaded on first use: the table, its editors and the segmenter are not needed to
        # show the library, and the clerk sees the window sooner without them.
        from .report_page import ReportPage
        from .session import ReportSession

        self.close_report()
        session = ReportSession(self.library, report_id, self)
        session.failed.connect(self.show_error)
        session.saved.connect(self._saved)
        page = ReportPage(session, self)
        page.notice.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.session, self.report_page = session, page
        self.undo_group.addStack(session.undo_stack)
        self.undo_group.setActiveStack(session.undo_stack)
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        self.rows_menu.clear()
        for action in page.actions_by_name.values():
            self.rows_menu.addAction(action)
        self.rows_menu.setEnabled(True)
        self.export_docx_action.setEnabled(True)
        self.export_pdf_action.setEnabled(True)
        session.report_changed.connect(self._update_title)
        self._update_title()
        page.table.setFocus()

    def _update_title(self, *_args: object) -> None:
        if self.session is not None:
            r = self.session.report
            self.setWindowTitle(f"{APP_TITLE} — {r.municipality or 'รายงานใหม่'} "
                                f"ปีงบประมาณ {to_thai_digits(str(r.fiscal_year))}")

    def close_report(self) -> None:
        if self.report_page is None or self.session is None:
            return
        self.report_page.commit_pending()
        self.undo_group.removeStack(self.session.undo_stack)
        self.stack.removeWidget(self.report_page)
        self.report_page.deleteLater()
        self.session.deleteLater()
        self.report_page = None
        self.session = None
        self.rows_menu.clear()
        self.rows_menu.setEnabled(False)
        self.export_docx_action.setEnabled(False)
        self.export_pdf_action.setEnabled(False)

    # ----------------------------------------------------------------- export
    def suggested_name(self, suffix: str) -> str:
        assert self.session is not None
        r = self.session.report
        town = "".join(c for c in r.municipality if c not in '\\/:*?"<>|').strip()
        return f"ITA-{r.fiscal_year}-{town or 'รายงาน'}{suffix}"

    def export_docx(self) -> None:
        self._export_dialog(".docx", "ส่งออกเป็น Word", "เอกสาร Word (*.docx)")

    def export_pdf(self) -> None:
        self._export_dialog(".pdf", "ส่งออกเป็น PDF", "เอกสาร PDF (*.pdf)")

    def _export_dialog(self, suffix: str, title: str, file_filter: str) -> None:
        if self.session is None:
            return
        start = Path(self._last_folder) / self.suggested_name(suffix)
        name, _ = QFileDialog.getSaveFileName(self, title, str(start), file_filter)
        if name:
            if not name.lower().endswith(suffix):
                name += suffix
            self.export_to(Path(name))

    def export_to(self, path: Path) -> bool:
        """Export the open report (as saved now) to `path`, Word or PDF by its suffix."""
        from ..export import ExportError
        from ..export.jobs import export_report

        if self.report_page is None or self.session is None:
            return False
        self.report_page.commit_pending()
        report = self.library.load_report(self.session.report_id)
        kind = "PDF" if path.suffix.lower() == ".pdf" else "Word"
        try:
            export_report(report, path)
        except ExportError as exc:
            self.show_error(exc.message)
            return False
        self._last_folder = str(path.parent)
        self.statusBar().showMessage(f"ส่งออกเป็น {kind} แล้ว: {path}", 10000)
        return True

    # ------------------------------------------------------------------ status
    def _saved(self, when: dt.datetime) -> None:
        self.saved_label.setText(
            f"บันทึกแล้ว {to_thai_digits(when.strftime('%H:%M:%S'))} น.")

    def show_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 15000)
        QMessageBox.warning(self, APP_TITLE, message)

    def about(self) -> None:
        QMessageBox.about(
            self, "เกี่ยวกับ ITA Desk",
            f"ITA Desk รุ่น {__version__}\n"
            "จัดทำรายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน\n\n"
            f"คลังรายงาน: {self.library.path}\n"
            f"สำเนาสำรอง: {self.library.path.parent / 'backups'}\n\n"
            "แบบอักษร TH Sarabun New (GPL พร้อมข้อยกเว้นสำหรับแบบอักษร) · Qt (LGPL) · "
            "คลังคำภาษาไทยจาก PyThaiNLP (CC0) ตัดคำด้วย nlpO3 (Apache-2.0)",
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.close_report()
        event.accept()


