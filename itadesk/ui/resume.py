"""At start, the report, tab and cell the clerk had open, as they were: kept in the
settings (per library) whenever they change, not only at a clean exit, so a crash or a
power cut brings the clerk back to the same place too."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

from .. import settings

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .report_page import ReportPage


class Resumer(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)  # a burst of clicks and arrow keys is one write
        self._timer.timeout.connect(self.remember)

    def _key(self) -> str:
        return str(self.window.library.path)

    def follow(self, page: ReportPage) -> None:
        """Keep where the clerk is on this page from now on."""
        page.tabs.currentChanged.connect(lambda _i: self._timer.start())
        page.table.selectionModel().currentChanged.connect(lambda *_a: self._timer.start())
        self._timer.start()

    def remember(self) -> None:
        page, session = self.window.report_page, self.window.session
        where: dict[str, Any] = {}
        if page is not None and session is not None:
            current = page.table.currentIndex()
            where = {"report": session.report_id, "tab": page.tabs.currentIndex(),
                     "row": current.row(), "column": current.column()}
        kept = self.window.settings.last_open
        if kept.get(self._key()) != where:
            kept[self._key()] = where
            settings.save(self.window.settings)

    def closed(self) -> None:
        """Back on the library list: nothing to reopen."""
        self._timer.stop()
        self.remember()

    def resume(self) -> bool:
        """Reopen what was open; False when nothing was (or it is gone)."""
        where = self.window.settings.last_open.get(self._key()) or {}
        report_id = where.get("report")
        if not isinstance(report_id, int) or report_id not in {
                r.id for r in self.window.library.list_reports()}:
            return False
        self.window.open_report(report_id)
        page = self.window.report_page
        if page is None:
            return False
        tab, row, column = where.get("tab"), where.get("row"), where.get("column")
        if isinstance(tab, int) and 0 <= tab < page.tabs.count():
            page.tabs.setCurrentIndex(tab)
        model = page.table.model()
        if isinstance(row, int) and isinstance(column, int) and (
                0 <= row < model.rowCount() and 0 <= column < model.columnCount()):
            index = model.index(row, column)
            page.table.setCurrentIndex(index)
            page.table.scrollTo(index)
        return True
