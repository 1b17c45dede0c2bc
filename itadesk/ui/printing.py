"""Printing: the pages of the report's PDF, rendered at the printer's resolution."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter


def print_pdf(data: bytes, printer: QPrinter) -> int:
    """Print the PDF bytes on `printer` page by page; returns the pages printed."""
    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    count = document.pageCount()
    try:
        for index in range(count):
            if index:
                printer.newPage()
            points = document.pagePointSize(index)
            target: QRect = painter.viewport()
            # Keep the page's proportions inside the printable area.
            scale = min(target.width() / points.width(), target.height() / points.height())
            size = QSize(int(points.width() * scale), int(points.height() * scale))
            image = document.render(index, size)
            painter.drawImage(QRect(target.topLeft(), size), image)
    finally:
        painter.end()
    return count
