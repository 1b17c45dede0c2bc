"""Printing: the pages of the report's PDF, each on paper of its own size and orientation.

A report mixes portrait pages (cover, memo) and landscape ones (the measures' table); the
printer is given each page's layout before that page starts, so the clerk never turns the
paper by hand. The preview shows the same PDF page by page (Qt's own print preview draws
every page in one orientation, so it cannot show such a report).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintEngine, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .page_bar import PageBar
from .page_view import (
    ZOOM_STEP,
    follow_page,
    go_page,
    keep_page,
    page_and_zoom,
    show_page_across,
    zoom_view,
)

# Enough for sharp Thai text on an office laser; a 1,200 dpi page would take half a gigabyte.
MAX_DPI = 300


def load_pdf(data: bytes, parent: Any = None) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument over the bytes (keep the buffer: the document reads from it)."""
    document = QPdfDocument(parent)
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    return document, buffer


def page_layout(points: QSizeF) -> QPageLayout:
    """The paper for a page of this size in points: a standard size (A4…) where it is one,
    turned landscape when the page is wider than tall; no margins (the PDF has its own)."""
    short, long_ = sorted((points.width(), points.height()))
    size = QPageSize(QSizeF(short, long_), QPageSize.Unit.Point, "",
                     QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = (QPageLayout.Orientation.Landscape if points.width() > points.height()
                   else QPageLayout.Orientation.Portrait)
    return QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0))


def _set_layout(printer: QPrinter, layout: QPageLayout) -> None:
    # QPrinter refuses a new layout during a job except on PDF engines (PDF files, CUPS);
    # the engine itself takes it for the next page (Windows' resets its device context).
    if not printer.setPageLayout(layout):
        printer.printEngine().setProperty(QPrintEngine.PrintEnginePropertyKey.PPK_QPageLayout,
                                          layout)


def print_pdf(data: bytes, printer: QPrinter) -> int:
    """Print the PDF bytes on `printer`, each page in its own paper size and orientation,
    at its own scale (1:1 on paper); returns the pages printed."""
    document, buffer = load_pdf(data)
    count = document.pageCount()
    if not count:
        return 0
    printer.setFullPage(True)  # the page's own margins are in the PDF
    _set_layout(printer, page_layout(document.pagePointSize(0)))
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for index in range(count):
            points = document.pagePointSize(index)
            if index:
                _set_layout(printer, page_layout(points))
                printer.newPage()
            paper = printer.pageLayout().fullRectPixels(printer.resolution())
            target = QRectF(QPointF(0, 0), QSizeF(paper.size()))
            dpi = min(printer.resolution(), MAX_DPI)
            image = document.render(index, QSize(round(points.width() / 72 * dpi),
                                                 round(points.height() / 72 * dpi)))
            painter.drawImage(target, image)
    finally:
        painter.end()
        document.close()
        buffer.close()
    return count


# ------------------------------------------------------------------ the clerk's choices
def printer_choices(printer: QPrinter) -> dict[str, Any]:
    """What the clerk chose in the print dialog, to offer it again for the same report."""
    return {"printer": printer.printerName(), "copies": printer.copyCount(),
            "duplex": printer.duplex().value, "color": printer.colorMode().value,
            "collate": printer.collateCopies()}


def apply_choices(printer: QPrinter, choices: dict[str, Any]) -> None:
    name = choices.get("printer")
    if isinstance(name, str) and name:
        printer.setPrinterName(name)
        if not printer.isValid():  # the printer is gone: the default one instead
            printer.setPrinterName("")
    if isinstance(choices.get("copies"), int) and choices["copies"] > 0:
        printer.setCopyCount(choices["copies"])
    try:
        if isinstance(choices.get("duplex"), int):
            printer.setDuplex(QPrinter.DuplexMode(choices["duplex"]))
        if isinstance(choices.get("color"), int):
            printer.setColorMode(QPrinter.ColorMode(choices["color"]))
    except ValueError:
        pass  # a value from another version of Qt: keep the printer's own
    if isinstance(choices.get("collate"), bool):
        printer.setCollateCopies(choices["collate"])


# ------------------------------------------------------------------ the preview
class PrintPreview(QDialog):
    """Every page as it will come out of the printer, in its own orientation."""

    def __init__(self, data: bytes, parent: QWidget | None = None,
                 on_print: Callable[[], object] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("ตัวอย่างก่อนสั่งพิมพ์")
        self.document, self._buffer = load_pdf(data, self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.view.setPageSpacing(16)
        # each button a sign and its words, as in the page pane
        self.bar = PageBar(self)
        for key, sign, words, tip, slot, shortcut in (
                ("previous", "◀", "◀ หน้าก่อน", "ไปหน้าก่อนหน้านี้ของรายงาน (PgUp)",
                 lambda: self.go(-1), "PgUp"),
                ("next", "▶", "หน้าถัดไป ▶", "ไปหน้าถัดไปของรายงาน (PgDn)", lambda: self.go(1),
                 "PgDown"),
                ("out", "−", "− ย่อ", "ย่อหน้ากระดาษลง เห็นได้ทีละหลายหน้า (Ctrl+- หรือ Ctrl+หมุนล้อเมาส์)",
                 lambda: self.zoom(1 / ZOOM_STEP), "Ctrl+-"),
                ("in", "+", "+ ขยาย", "ขยายหน้ากระดาษ อ่านตัวหนังสือได้ชัดขึ้น (Ctrl++ หรือ Ctrl+หมุนล้อเมาส์)",
                 lambda: self.zoom(ZOOM_STEP), "Ctrl++"),
                ("page", "ทั้งหน้า", "ทั้งหน้า", "ย่อหรือขยายให้เห็นหน้ากระดาษทั้งหน้าในหน้าต่างนี้ (Ctrl+0)",
                 self.fit_page, "Ctrl+0"),
                ("width", "↔", "↔ เต็มความกว้าง",
                 "ขยายหน้ากระดาษแต่ละหน้าให้เต็มความกว้างของหน้าต่างนี้", self.fit_width, "")):
            self.bar.add(key, sign, words, tip, slot, shortcut)
        self.buttons = self.bar.buttons
        self.status = self.bar.status
        self.print_button = QPushButton("พิมพ์…", self)
        self.print_button.setToolTip("เลือกเครื่องพิมพ์แล้วพิมพ์ทุกหน้า (แต่ละหน้าแนวตั้งหรือแนวนอนตามรายงาน)")
        self.print_button.clicked.connect(on_print if on_print is not None else self.accept)
        self.close_button = QPushButton("ปิด", self)
        self.close_button.clicked.connect(self.reject)
        self.bar.add_trailing(self.print_button)
        self.bar.add_trailing(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.view, 1)
        self.bar.pages = self.document.pageCount()
        follow_page(self.view, self._show_page, lambda: show_page_across(self.view))
        self._show_page()
        self.resize(1000, 720)  # or less: the screen's room (on_screen)

    def _show_page(self, *_: Any) -> None:
        self.status.setText(page_and_zoom(self.view))

    def go(self, step: int) -> None:
        go_page(self.view, step)

    def zoom(self, factor: float) -> None:
        zoom_view(self.view, factor)

    def fit_page(self) -> None:
        keep_page(self.view, lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitInView))

    def fit_width(self) -> None:
        keep_page(self.view, lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))

    def done(self, result: int) -> None:
        super().done(result)
        self.document.close()  # let go now: a QPdfDocument left for exit crashes it
