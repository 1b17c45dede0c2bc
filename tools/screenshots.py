"""Screenshots of the window for the README and for looking at (offscreen, no screen).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py docs/images
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from itadesk.domain import Score
from itadesk.domain.nextyear import next_year
from itadesk.ui.app import make_app, open_library
from itadesk.ui.duplicates import question
from itadesk.ui.export_options import ExportOptionsDialog
from itadesk.ui.layout_editor import LayoutEditorDialog
from itadesk.ui.main_window import MainWindow
from itadesk.ui.new_report import NewReportDialog


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = make_app([])
    library = open_library(Path(tempfile.mkdtemp()) / "library.sqlite")
    assert library is not None
    window = MainWindow(library)
    window.resize(1400, 860)
    window.show()
    app.processEvents()
    window.grab().save(str(out / "library.png"))
    by_town = {r.municipality: r.id for r in library.list_reports()}
    window.open_report(by_town["เทศบาลเมืองกาฬสินธุ์"])
    app.processEvents()
    app.processEvents()
    window.grab().save(str(out / "table.png"))
    assert window.report_page is not None
    window.report_page.tabs.setCurrentWidget(window.report_page.form)
    app.processEvents()
    window.grab().save(str(out / "form.png"))
    # at a clerk's usual laptop size: the detail pane of a row with score lines, the memo
    window.resize(1366, 768)
    window.report_page.show_table()
    table = window.report_page.table
    assert window.session is not None
    window.session.set_scores(1, [Score("การให้บริการผ่านระบบ E-Service", "54.64", "98.78"),
                                  Score("การเปิดเผยข้อมูล", "88.50", "88.5")])
    table.setCurrentIndex(table.model().index(1, 0))
    app.processEvents()
    app.processEvents()
    window.grab().save(str(out / "detail.png"))
    window.open_report(by_town["เทศบาลเมืองชัยนาท"])
    window.report_page.tabs.setCurrentWidget(window.report_page.memo)
    app.processEvents()
    app.processEvents()
    window.grab().save(str(out / "memo.png"))
    # the question when next year's report is made a second time

    this_year = window.session.current_report()
    window.create_next_year()
    again = next_year(this_year)
    box = question(window, again, library.same_reports(again.municipality, again.fiscal_year))
    box.show()
    app.processEvents()
    window.grab().save(str(out / "duplicate-window.png"))
    box.grab().save(str(out / "duplicate.png"))
    box.close()
    window.resize(1400, 860)

    def shoot_when_open(kind: type, name: str) -> None:
        """Save the next dialog of this kind as it opens, then close it."""
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            dialog.grab().save(str(out / name))
            dialog.reject()
        else:
            QTimer.singleShot(20, lambda: shoot_when_open(kind, name))

    QTimer.singleShot(0, lambda: shoot_when_open(LayoutEditorDialog, "layout-editor.png"))
    window.report_page.form.make_own_layout()
    QTimer.singleShot(0, lambda: shoot_when_open(NewReportDialog, "new-report.png"))
    window.new_report()
    window.open_report(by_town["เทศบาลตำบลบ่อปลาทอง"])
    QTimer.singleShot(0, lambda: shoot_when_open(ExportOptionsDialog, "export-options.png"))
    window.edit_export_options()
    # the preview pane beside the table, and the progress bar of an export
    window.preview_action.trigger()
    assert window.preview is not None
    loop = QEventLoop()
    window.preview.refreshed.connect(loop.quit)
    loop.exec()
    app.processEvents()
    window.grab().save(str(out / "preview.png"))
    job = window.export_to(Path(tempfile.mkdtemp()) / "report.pdf")
    assert job is not None
    job.succeeded.disconnect()
    progress = QEventLoop()
    job.progress.connect(lambda value: progress.quit() if value >= 30 else None)
    job.finished.connect(progress.quit)
    progress.exec()
    window.grab().save(str(out / "export-progress.png"))
    job.wait()
    window.close()
    library.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/images"))
