"""The preview pane: the PDF of the report as it is now, refreshed a moment after the
clerk stops typing (laid out by the window's preview process, ui/preview_worker.py,
never blocking the table); picking a measure shows the page its row starts on."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QTimer, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QVBoxLayout, QWidget
from shiboken6 import isValid

from ..exchange.jsonfile import Exchange
from ..thai.digits import to_thai_digits
from .page_bar import PageBar
from .page_view import (
    ZOOM_STEP,
    follow_page,
    go_page,
    keep_page,
    page_and_zoom,
    scroll_to_page,
    show_page_across,
    shown_page,
    zoom_view,
)
from .preview_worker import PreviewWorker

# The wait for typing to stop. A cell's edit reaches the preview when the cell is left,
# so this is no typing pause inside a word: long enough to take a run of quick edits
# (paste, undo, undo) as one, short enough not to be felt. A small report is laid out in
# a tenth of a second and handed over in a millisecond, so a run of edits costs it little:
# it waits less (20 measures: 60 ms), a long one the whole pause (100 measures and more).
DEBOUNCE_MS = 250
MIN_PAUSE_MS = 60
PAUSE_MS_PER_MEASURE = 2.5


def typing_pause_ms(measures: int) -> int:
    """The wait after the last edit of a report of `measures` rows."""
    return int(min(DEBOUNCE_MS, max(MIN_PAUSE_MS, measures * PAUSE_MS_PER_MEASURE)))


class PreviewPane(QWidget):
    refreshed = Signal()

    def __init__(self, load_report: Callable[[], Exchange], worker: PreviewWorker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._load_report = load_report  # () -> Exchange: the report as saved now
        self.worker = worker  # the window's, for its lifetime (this pane lives per report)
        worker.rendered.connect(self._show)
        worker.failed.connect(self._failed)
        self.measure_pages: dict[int, int] = {}  # measure index → page, in what is shown
        self._wanted_measure: int | None = None  # picked before its page was known
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._buffer: QBuffer | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh_now)

        # each button a sign and its words, its tooltip saying more (bare signs told a
        # new clerk little); the signs alone where the pane is too narrow for the words
        self.bar = PageBar(self)
        self.status = self.bar.status
        for key, sign, words, tip, slot in (
                ("previous", "◀", "◀ หน้าก่อน", "ไปหน้าก่อนหน้านี้ของรายงาน (หรือหมุนล้อเมาส์เพื่อเลื่อนดู)",
                 lambda: self.go(-1)),
                ("next", "▶", "หน้าถัดไป ▶", "ไปหน้าถัดไปของรายงาน (หรือหมุนล้อเมาส์เพื่อเลื่อนดู)",
                 lambda: self.go(1)),
                ("out", "−", "− ย่อ", "ย่อหน้ากระดาษลง เห็นได้ทีละหลายหน้า (Ctrl+หมุนล้อเมาส์)",
                 lambda: self.zoom(1 / ZOOM_STEP)),
                ("in", "+", "+ ขยาย", "ขยายหน้ากระดาษ อ่านตัวหนังสือได้ชัดขึ้น (Ctrl+หมุนล้อเมาส์)",
                 lambda: self.zoom(ZOOM_STEP)),
                ("width", "↔", "↔ พอดีกว้าง",
                 "กลับไปขนาดพอดี: หน้ากระดาษแต่ละหน้าเต็มความกว้างของช่องนี้", self.fit_width)):
            self.bar.add(key, sign, words, tip, slot)
        self.buttons = self.bar.buttons
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.view, 1)
        # a zoomed portrait page turned to: its edge in sight, not the grey beside it
        follow_page(self.view, self._say_page, lambda: show_page_across(self.view))

    def _say_page(self) -> None:
        """Where the clerk is and how large the page is shown, once there are pages."""
        # (the document says its status changed as it is deleted with the pane)
        if isValid(self.document) and self.document.pageCount():
            if self.bar.pages != self.document.pageCount():
                self.bar.pages = self.document.pageCount()  # the line's room
                self.bar.fit()
            labels = self.worker.page_labels
            page = self.current_page()
            printed = labels[page] if 0 <= page < len(labels) else ""
            if to_thai_digits(printed) == to_thai_digits(str(page + 1)):
                printed = ""  # the page's own number is its place: said once
            # the page's own number ("- ๑ -" after the cover and the memo) beside it
            self.status.setText(page_and_zoom(self.view, printed))

    # ------------------------------------------------------------ refreshing
    def schedule(self) -> None:
        """Refresh a moment after the last change (typing restarts the wait)."""
        self._timer.start()

    def refresh_now(self) -> None:
        self._timer.stop()
        self.status.setText("กำลังปรับหน้ากระดาษ…")
        found = self._load_report()
        self._timer.setInterval(typing_pause_ms(len(found.report.measures)))
        self.worker.render(found)

    def _failed(self, message: str) -> None:
        self.status.setText(message)

    def _show(self, data: bytes, measure_pages: dict[int, int]) -> None:
        page = self.current_page()
        self.measure_pages = measure_pages
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer  # QPdfDocument reads from it while it shows the pages
        self._say_page()
        if self._wanted_measure is not None:
            self.show_measure(self._wanted_measure)
        elif 0 < page < self.document.pageCount():
            self._jump(page)
        self.refreshed.emit()

    def shutdown(self) -> None:
        """Stop following the report and let go of the document now, not at the program's
        exit (a QPdfDocument torn down with the application crashes it). The worker
        stays: the next report's pane uses it."""
        self._timer.stop()
        self.worker.rendered.disconnect(self._show)
        self.worker.failed.disconnect(self._failed)
        self.document.close()

    def show_measure(self, index: int) -> None:
        """Show the page where measure `index`'s row starts (once known, if not yet)."""
        page = self.measure_pages.get(index)
        if page is None or page >= self.document.pageCount():
            self._wanted_measure = index
            return
        self._wanted_measure = None
        if page != self.current_page():
            self._jump(page)

    def show_first_page(self) -> None:
        """The report's first page: the memo's, when it is printed (the refreshes after
        keep the page shown)."""
        self._wanted_measure = None
        if self.document.pageCount() and self.current_page() != 0:
            self._jump(0)

    # ------------------------------------------------------------ navigation
    def _jump(self, page: int) -> None:
        scroll_to_page(self.view, page)

    def current_page(self) -> int:
        """The page the clerk is on (not QPdfView's: see page_view)."""
        return shown_page(self.view)

    def go(self, step: int) -> None:
        go_page(self.view, step)

    def zoom(self, factor: float) -> None:
        zoom_view(self.view, factor)

    def fit_width(self) -> None:
        keep_page(self.view, lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
