"""The preview pane: the PDF of the report as it is now, refreshed a moment after the
clerk stops typing (rendered by a process of its own, never blocking the table)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QTimer, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from ..exchange.jsonfile import Exchange
from .jobs import ExportJob

DEBOUNCE_MS = 600


class PreviewPane(QWidget):
    refreshed = Signal()

    def __init__(self, load_report: Callable[[], Exchange], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._load_report = load_report  # () -> Exchange: the report as saved now
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._buffer: QBuffer | None = None
        self._job: ExportJob | None = None
        self._files = tempfile.TemporaryDirectory(prefix="itadesk-preview-")
        self._file = Path(self._files.name) / "preview.pdf"
        self._stale = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh_now)

        self.status = QLabel("")
        bar = QHBoxLayout()
        for text, tip, slot in (("◀", "หน้าก่อน", lambda: self.go(-1)),
                                ("▶", "หน้าถัดไป", lambda: self.go(1)),
                                ("−", "ย่อ", lambda: self.zoom(1 / 1.25)),
                                ("+", "ขยาย", lambda: self.zoom(1.25)),
                                ("↔", "พอดีความกว้าง", self.fit_width)):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            bar.addWidget(button)
        bar.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    # ------------------------------------------------------------ refreshing
    def schedule(self) -> None:
        """Refresh a moment after the last change (typing restarts the wait)."""
        self._timer.start()

    def refresh_now(self) -> None:
        if self._job is not None and self._job.is_running():
            self._stale = True
            return
        found: Exchange = self._load_report()
        self.status.setText("กำลังปรับตัวอย่าง…")
        job = ExportJob(found.report, self._file, self, layout=found.layout)
        job.succeeded.connect(lambda path: self._show(Path(path).read_bytes()))
        job.failed.connect(lambda message: self.status.setText(message))
        job.finished.connect(self._job_done)
        self._job = job
        job.start()

    def _job_done(self) -> None:
        if self._stale:
            self._stale = False
            self.refresh_now()

    def _show(self, data: bytes) -> None:
        page = self.current_page()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer  # QPdfDocument reads from it while it shows the pages
        self.status.setText(f"{self.document.pageCount()} หน้า")
        if 0 < page < self.document.pageCount():
            self.view.pageNavigator().jump(page, QPointF())
        self.refreshed.emit()

    def wait_idle(self, ms: int = 60_000) -> None:
        if self._job is not None:
            self._job.wait(ms)

    def shutdown(self) -> None:
        """Stop rendering and let go of the document now, not at the program's exit
        (a QPdfDocument torn down with the application crashes it)."""
        self._timer.stop()
        self.wait_idle()
        self.document.close()

    # ------------------------------------------------------------ navigation
    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go(self, step: int) -> None:
        navigator = self.view.pageNavigator()
        page = min(max(navigator.currentPage() + step, 0), max(self.document.pageCount() - 1, 0))
        navigator.jump(page, QPointF())

    def zoom(self, factor: float) -> None:
        from .printing import zoom_view

        zoom_view(self.view, factor)

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)


