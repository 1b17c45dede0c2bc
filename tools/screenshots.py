"""Screenshots of the window for the README and for looking at (offscreen, no screen).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py docs/images
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from itadesk.ui.app import make_app, open_library
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

    def shoot_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, NewReportDialog):
            dialog.grab().save(str(out / "new-report.png"))
            dialog.reject()
        else:
            QTimer.singleShot(20, shoot_dialog)

    QTimer.singleShot(0, shoot_dialog)
    window.new_report()
    window.close()
    library.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/images"))
