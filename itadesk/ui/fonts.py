"""TH Sarabun New for the window, loaded from fonts/ (clerks rarely have it installed)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from ..paths import font_dir

# TH Sarabun New is drawn small for its point size: 15 pt reads like 10-11 pt of most fonts.
UI_POINT_SIZE = 15
TABLE_POINT_SIZE = 15
TEXT_SIZES = (12, 14, 15, 16, 18, 20, 24)  # the View menu's choices (15 = the program's own)

_loaded: str | None = None


def load_fonts() -> str:
    """Register the faces the window uses, once; returns the family (a fallback if missing)."""
    global _loaded
    if _loaded is None:
        family = ""
        for name in ("THSarabunNew-Regular.ttf", "THSarabunNew-Bold.ttf"):
            path = font_dir() / name
            fid = QFontDatabase.addApplicationFont(str(path))
            if fid >= 0 and not family:
                families = QFontDatabase.applicationFontFamilies(fid)
                family = families[0] if families else ""
        _loaded = family or QFont().family()
    return _loaded


def ui_font(point_size: int = UI_POINT_SIZE, bold: bool = False) -> QFont:
    font = QFont(load_fonts(), point_size)
    font.setBold(bold)
    return font
