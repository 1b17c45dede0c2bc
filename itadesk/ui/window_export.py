"""The window's export: the file dialog with a suggested name, the export in a process
of its own with its progress and Cancel in the status bar, and what the clerk is told
when it is done or failed. A part of MainWindow (its attributes are the window's)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMainWindow

from ..domain.round_names import PART_FILES, PART_LABELS
from ..thai.digits import to_thai_digits
from .guard import APP_TITLE, guarded

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressBar, QPushButton

    from ..domain import Report
    from .jobs import ExportJob
    from .report_page import ReportPage
    from .session import ReportSession

    _Base = QMainWindow
else:
    _Base = object


class ExportActions(_Base):
    if TYPE_CHECKING:
        session: ReportSession | None
        report_page: ReportPage | None
        export_job: ExportJob | None
        progress_bar: QProgressBar
        cancel_button: QPushButton
        _last_folder: str

        def _current_report(self) -> Report: ...

    def suggested_name(self, suffix: str, part: str = "") -> str:
        assert self.session is not None
        r = self.session.report
        town = "".join(c for c in r.municipality if c not in '\\/:*?"<>|').strip()
        # the year in the report's own digits: the name holds the town's Thai letters
        # already, so Thai digits cost no portability (the prefix "ITA" stays as it is)
        from ..domain.options import thai_digits

        start = f"{PART_FILES.get(part, 'ITA')}-{r.fiscal_year}"
        if thai_digits(r.options):
            start = to_thai_digits(start)
        return f"{start}-{town or 'รายงาน'}{suffix}"

    def export_docx(self) -> None:
        self._export_dialog(".docx", "ส่งออกเป็น Word", "เอกสาร Word (*.docx)")

    def export_pdf(self) -> None:
        self._export_dialog(".pdf", "ส่งออกเป็น PDF", "เอกสาร PDF (*.pdf)")

    def export_part(self, part: str) -> None:
        """The plan, or a round's results, of the open report: Word or PDF as chosen."""
        self._export_dialog(".docx", f"ส่งออก{PART_LABELS[part]}",
                            "เอกสาร Word (*.docx);;เอกสาร PDF (*.pdf)", part)

    def _export_dialog(self, suffix: str, title: str, file_filter: str, part: str = "") -> None:
        from . import file_dialogs

        if self.session is None:
            return
        start = Path(self._last_folder) / self.suggested_name(suffix, part)
        name, chosen = file_dialogs.save_file_name(self, title, str(start), file_filter)
        if name and part:
            # The name proposed ends in .docx, so a .pdf there was typed by the clerk and
            # wins over the filter (the new-clerk test typed plan.pdf and got a Word file);
            # otherwise the filter chosen decides Word or PDF.
            typed_pdf = name.lower().endswith(".pdf")
            ending = ".pdf" if typed_pdf or "*.pdf" in chosen else ".docx"
            known = name.lower().endswith((".docx", ".pdf"))
            self.export_to(Path(str(Path(name).with_suffix(ending)) if known
                                else name + ending), part)
        elif name:
            if not name.lower().endswith(suffix):
                name += suffix
            self.export_to(Path(name))

    @guarded
    def export_to(self, path: Path, part: str = "") -> ExportJob | None:
        """Export the open report (as saved now) to `path`, Word or PDF by its suffix,
        in a process of its own (ui/jobs.py): the window stays usable, the status bar shows
        progress and a Cancel button. `part`: the plan or a round's results instead of the
        report ("plan", "6", "12"). Returns the running job (None if nothing was started)."""
        if self.report_page is None or self.session is None:
            return None
        if self.export_job is not None and self.export_job.is_running():
            self.statusBar().showMessage("กำลังส่งออกไฟล์อื่นอยู่ กรุณารอสักครู่", 5000)
            return None
        from .jobs import ExportJob

        self.report_page.commit_pending()
        report = self._current_report()
        kind = "PDF" if path.suffix.lower() == ".pdf" else "Word"
        what = f"{PART_LABELS[part]} " if part else ""
        job = ExportJob(report, path, self, layout=self.session.layout, part=part)
        job.progress.connect(self.progress_bar.setValue)
        # The job's bar and button go as soon as it ends, before a message about it waits
        # for the clerk (the message's own event loop would keep "100%" below it).
        for ended in (job.succeeded, job.failed, job.cancelled):
            ended.connect(self._export_finished)
        job.succeeded.connect(lambda _r: self._export_done(path, f"{what}{kind}"))
        job.failed.connect(lambda message: self._export_failed(path, message, job.error_english,
                                                               part))
        job.cancelled.connect(
            lambda: self.statusBar().showMessage("ยกเลิกการส่งออกแล้ว ไฟล์เดิมไม่ถูกแตะต้อง", 8000))
        job.finished.connect(self._export_finished)
        self.export_job = job
        self.progress_bar.setValue(0)
        self.progress_bar.show()
        self.cancel_button.show()
        self.statusBar().showMessage(f"กำลังส่งออก{what}เป็น {kind}: {path.name}")
        job.start()
        return job

    def _export_finished(self, *_outcome: object) -> None:
        self.progress_bar.hide()
        self.cancel_button.hide()

    def cancel_export(self) -> None:
        if self.export_job is not None:
            self.export_job.cancel()

    def _export_done(self, path: Path, kind: str) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices
        from PySide6.QtWidgets import QMessageBox

        self._last_folder = str(path.parent)
        self.statusBar().showMessage(f"ส่งออกเป็น {kind} แล้ว: {path}", 10000)
        box = QMessageBox(QMessageBox.Icon.Information, APP_TITLE,
                          f"ส่งออกเป็น {kind} เรียบร้อยแล้ว\n{path}", parent=self)
        open_file = box.addButton("เปิดไฟล์", QMessageBox.ButtonRole.AcceptRole)
        open_folder = box.addButton("เปิดโฟลเดอร์", QMessageBox.ButtonRole.ActionRole)
        box.addButton("ปิด", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is open_file:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        elif box.clickedButton() is open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    def _export_failed(self, path: Path, message: str, english: str = "",
                       part: str = "") -> None:
        from PySide6.QtWidgets import QMessageBox

        self.statusBar().showMessage(message, 15000)
        box = QMessageBox(QMessageBox.Icon.Warning, APP_TITLE, message, parent=self)
        box.setInformativeText(english)
        retry = box.addButton("ลองอีกครั้ง", QMessageBox.ButtonRole.AcceptRole)
        other = box.addButton("บันทึกเป็นชื่ออื่น…", QMessageBox.ButtonRole.ActionRole)
        box.addButton("ยกเลิก", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is retry:
            QTimer.singleShot(0, lambda: self.export_to(path, part))
        elif box.clickedButton() is other:
            suffix = path.suffix.lower()
            QTimer.singleShot(0, lambda: self._export_dialog(
                suffix, "บันทึกเป็นชื่ออื่น", f"เอกสาร (*{suffix})", part))

