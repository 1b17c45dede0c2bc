"""Draw the program's icon (resources/icons/itadesk.png and .ico) with Qt; kept as the
source of those files.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/make_icon.py
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen

from itadesk.paths import font_dir


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256
    # a sheet of paper with a table, and a check mark: a report done right
    p.setBrush(QColor("#ffffff"))
    p.setPen(QPen(QColor("#1f4e8c"), 10 * s))
    p.drawRoundedRect(QRectF(40 * s, 20 * s, 176 * s, 216 * s), 18 * s, 18 * s)
    p.setPen(QPen(QColor("#7a9cc6"), 6 * s))
    for y in (80, 120, 160):
        p.drawLine(int(64 * s), int(y * s), int(192 * s), int(y * s))
    p.drawLine(int(110 * s), int(64 * s), int(110 * s), int(200 * s))
    p.setPen(QPen(QColor("#2e9d4f"), 22 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawLine(int(120 * s), int(170 * s), int(150 * s), int(200 * s))
    p.drawLine(int(150 * s), int(200 * s), int(215 * s), int(120 * s))
    font = QFont("TH Sarabun New", max(int(44 * s), 6))
    font.setBold(True)
    p.setFont(font)
    p.setPen(QColor("#1f4e8c"))
    p.drawText(QRectF(40 * s, 22 * s, 176 * s, 44 * s), Qt.AlignmentFlag.AlignCenter, "ITA")
    p.end()
    return image


def main() -> None:
    app = QGuiApplication([])
    from PySide6.QtGui import QFontDatabase

    QFontDatabase.addApplicationFont(str(font_dir() / "THSarabunNew-Bold.ttf"))
    out = Path("resources/icons")
    out.mkdir(parents=True, exist_ok=True)
    draw(256).save(str(out / "itadesk.png"))
    draw(256).save(str(out / "itadesk.ico"))
    del app


if __name__ == "__main__":
    main()
