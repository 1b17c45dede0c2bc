"""The window's panes beside the report: the page preview (a dock that follows the
measure the clerk is on and every edit) and the checks (a dock under the table, or under
the preview when it is open). A part of MainWindow (its attributes are the window's)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QDockWidget, QMainWindow

from .. import settings

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QAction

    from ..domain.changes import Changes
    from ..settings import Settings
    from .checks_pane import ChecksPane
    from .preview import PreviewPane
    from .preview_worker import PreviewWorker
    from .report_page import ReportPage
    from .session import ReportSession

    _Base = QMainWindow
else:
    _Base = object

PREVIEW_SHARE = 0.3  # of the window's width, until the clerk gives the preview another


class PaneActions(_Base):
    if TYPE_CHECKING:
        session: ReportSession | None
        report_page: ReportPage | None
        settings: Settings
        preview: PreviewPane | None
        preview_dock: QDockWidget | None
        preview_worker: PreviewWorker | None
        preview_action: QAction
        checks_pane: ChecksPane | None
        checks_dock: QDockWidget | None
        _preview_wanted: bool
        _keep_timer: QTimer

    def _open_preview(self, session: ReportSession) -> None:
        from .preview import PreviewPane
        from .preview_worker import PreviewWorker

        if self.preview_worker is None:  # one process for the window's lifetime
            self.preview_worker = PreviewWorker(self)
            self.preview_worker.start()
        self.preview = PreviewPane(session.current_exchange, self.preview_worker, self)
        self.preview_dock = QDockWidget("หน้ากระดาษข้างตาราง", self)
        self.preview_dock.setObjectName("preview_dock")
        self.preview_dock.setWidget(self.preview)
        self.addDockWidget(QtCore.Qt.DockWidgetArea.RightDockWidgetArea, self.preview_dock)
        self.restoreDockWidget(self.preview_dock)  # floating, or where the clerk put it
        if self.checks_dock is not None and self.checks_dock.isVisible():
            self._checks_under_preview()
        # The table keeps the most room (beside it the measure's detail); the clerk may
        # widen the preview, and finds it that wide the next time.
        width = self.settings.preview_width or int(self.width() * PREVIEW_SHARE)
        self.resizeDocks([self.preview_dock], [min(width, int(self.width() * 0.5))],
                         QtCore.Qt.Orientation.Horizontal)
        self.preview_dock.visibilityChanged.connect(self._preview_visibility)
        session.changed.connect(self._preview_changed)
        if self.report_page is not None:
            table = self.report_page.table
            table.selectionModel().currentRowChanged.connect(self._preview_follow)
            self.report_page.tabs.currentChanged.connect(self._preview_tab)
            if self.report_page.tabs.currentWidget() is self.report_page.memo:
                self.preview.show_first_page()
            elif table.currentIndex().isValid():
                self.preview.show_measure(table.currentIndex().row())
        self.preview_dock.setVisible(True)

    def _preview_follow(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """The measure the clerk is on: its page in the preview."""
        if self.preview is not None and current.isValid():
            self.preview.show_measure(current.row())

    def _preview_tab(self, index: int) -> None:
        """The memo's tab shows the memo's page; back on the table, the measure's."""
        page = self.report_page
        if self.preview is None or page is None:
            return
        if page.tabs.widget(index) is page.memo:
            self.preview.show_first_page()
        elif page.tabs.widget(index) is page.splitter and page.table.currentIndex().isValid():
            self.preview.show_measure(page.table.currentIndex().row())

    def _preview_changed(self, changes: Changes) -> None:
        if self.preview is not None and self.preview_dock is not None and (
                self.preview_dock.isVisible()) and changes.touches_report():
            self.preview.schedule()

    def _preview_visibility(self, visible: bool) -> None:
        if self.preview_dock is None or self.session is None:
            return  # the dock going away with its report is not the clerk closing it
        self.preview_action.setChecked(visible)
        self._preview_wanted = visible
        if self.isVisible() and self.settings.preview_open != visible:
            # the clerk's choice, kept at once: the next start (after a kill too) has it
            self.settings.preview_open = visible
            settings.save(self.settings)
        self._keep_timer.start()
        if visible and self.preview is not None:
            self.preview.refresh_now()

    def toggle_preview(self) -> None:
        if self.preview_dock is None and self.session is not None:
            self._open_preview(self.session)  # made the first time it is wanted
        if self.preview_dock is not None:
            self.preview_dock.setVisible(self.preview_action.isChecked())

    def _remember_preview_width(self) -> None:
        if self.preview_dock is not None and self.preview_dock.isVisible() and (
                not self.preview_dock.isFloating()):
            self.settings.preview_width = self.preview_dock.width()

    def _checks_under_preview(self) -> None:
        """The checks in the preview's column, below it: the table keeps its height."""
        assert self.preview_dock is not None and self.checks_dock is not None
        self.splitDockWidget(self.preview_dock, self.checks_dock, QtCore.Qt.Orientation.Vertical)
        self.resizeDocks([self.preview_dock, self.checks_dock],
                         [int(self.height() * 0.6), int(self.height() * 0.25)],
                         QtCore.Qt.Orientation.Vertical)

    def _close_preview(self) -> None:
        self._remember_preview_width()
        if self.preview_dock is not None:
            dock = self.preview_dock
            self.preview_dock = None
            if self.preview is not None:
                self.preview.shutdown()
            self.removeDockWidget(dock)
            dock.deleteLater()
        self.preview = None
        self.preview_dock = None

    # ---------------------------------------------------------------- checks
    def show_checks(self) -> None:
        from .checks_pane import ChecksPane

        if self.session is None or self.report_page is None:
            return
        if self.checks_dock is None:
            pane = ChecksPane(self.session.current_exchange, self)
            pane.jump.connect(self._jump_to)
            pane.fix.connect(self._apply_fix)
            dock = QDockWidget("ตรวจรายงาน", self)
            # closed, not pulled off: a clerk dragging the edge above it to make it
            # taller had it come loose over the menus
            dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable)
            dock.setObjectName("checks_dock")
            dock.setWidget(pane)
            self.session.changed.connect(pane.follow)
            self.checks_pane, self.checks_dock = pane, dock
            if self.preview_dock is not None and self.preview_dock.isVisible():
                self.addDockWidget(QtCore.Qt.DockWidgetArea.RightDockWidgetArea, dock)
                self._checks_under_preview()
            else:
                self.addDockWidget(QtCore.Qt.DockWidgetArea.BottomDockWidgetArea, dock)
                # a strip under the table, not half the window (the table is the work)
                self.resizeDocks([dock], [max(140, self.height() // 5)],
                                 QtCore.Qt.Orientation.Vertical)
        self.checks_dock.show()
        self.checks_pane.refresh()

    def _jump_to(self, row: int, field: str) -> None:
        if self.report_page is None or self.session is None:
            return
        if row < 0:  # a field of the report's own (its period, the memo's date)
            from .step_view import go_to_field

            go_to_field(self.report_page, field)
            return
        model = self.session.model
        column = next((i for i in range(model.columnCount()) if model.field(i) == field), 0)
        self.report_page.show_table()
        index = model.index(row, column)
        self.report_page.table.setCurrentIndex(index)
        self.report_page.table.scrollTo(index)
        self.report_page.table.setFocus()

    def _apply_fix(self, row: int, field: str, text: str) -> None:
        if self.session is not None:
            self.session.set_cells([(row, field, text)], "แก้ไขตามผลการตรวจ")

    def _close_checks(self) -> None:
        if self.checks_dock is not None:
            self.removeDockWidget(self.checks_dock)
            self.checks_dock.deleteLater()
        self.checks_dock = None
        self.checks_pane = None

