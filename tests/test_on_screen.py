"""Dialogs and the main window on a laptop at 150 % under a window manager (openbox on
1366 × 768: 910 × 512 points), as a new clerk met them. Offscreen there is no frame to
see, so the geometry is checked as a function given the frame openbox adds, a dialog is
made lower than its contents, and the main window is started again on kept sizes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMargins, QRect, QSize
from PySide6.QtWidgets import QApplication, QDialog

from itadesk import settings
from itadesk.domain import Report
from itadesk.ui.app import make_app, open_library
from itadesk.ui.export_options import ExportOptionsDialog
from itadesk.ui.main_window import MainWindow
from itadesk.ui.on_screen import MARGIN, fitted

LAPTOP_150 = QRect(0, 0, 910, 512)
OPENBOX_150 = QMargins(1, 13, 1, 1)  # its title bar and borders, in points at 150 %


def test_a_dialog_and_its_frame_fit_the_screen_a_margin_from_its_edges():
    free = LAPTOP_150.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
    # the print preview (1000 × 720) centred over the window, past every edge
    place = fitted(LAPTOP_150, QRect(-45, -104, 1000, 720), OPENBOX_150, QSize(300, 200))
    assert free.contains(place.marginsAdded(OPENBOX_150)), place
    assert place.height() == free.height() - 14 and place.width() == free.width() - 2
    # the new-report dialog (900 × 560 asked), its buttons were at the screen's bottom
    place = fitted(LAPTOP_150, QRect(5, 0, 900, 560), OPENBOX_150, QSize(400, 300))
    assert free.contains(place.marginsAdded(OPENBOX_150))
    assert place.top() - OPENBOX_150.top() >= MARGIN
    # one that fits stays where it is, as large as it is
    inside = QRect(200, 100, 400, 300)
    assert fitted(LAPTOP_150, inside, OPENBOX_150, QSize(100, 100)) == inside
    # what the layout needs is kept even where the screen is smaller (then it scrolls)
    assert fitted(LAPTOP_150, QRect(0, 0, 500, 900), OPENBOX_150, QSize(500, 600)).height() == 600


def test_the_export_options_scroll_where_the_screen_is_lower_than_they_are(qtbot):
    make_app()
    dialog = ExportOptionsDialog(Report(layout="t6", municipality="ทดสอบ"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    full = dialog.height()
    # at 150 % the options were as tall as the screen: lower than they are, they scroll
    dialog.resize(dialog.width(), 220)
    qtbot.waitUntil(lambda: dialog.height() <= 220)
    assert full > 220
    bar = dialog.area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.isVisible())
    for button in dialog.buttons.buttons():  # «ตกลง» and «ยกเลิก» in sight, not scrolled
        corner = button.mapTo(dialog, button.rect().bottomRight())
        assert dialog.rect().contains(corner), button.text()
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    combo = dialog.orientation
    bottom = combo.mapTo(dialog.area.viewport(), combo.rect().bottomLeft()).y()
    assert 0 < bottom <= dialog.area.viewport().height()
    dialog.reject()


def _kept(qtbot, maximised: bool, size: QSize) -> str:
    """The geometry a window of this size (left maximised or not) saves."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.setGeometry(QRect(window.screen().availableGeometry().topLeft(), size))
    window.showMaximized() if maximised else window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.isMaximized() == maximised)
    kept = bytes(window.saveGeometry().toBase64().data()).decode()
    window.hide()
    return kept


def _started_with(qtbot, library_path: Path, kept: str, maximised: bool = False
                  ) -> MainWindow:
    current, _ = settings.load()
    current.window_geometry = kept
    current.window_maximised = maximised  # as the window that kept it saves it
    settings.save(current)
    library = open_library(library_path)
    assert library is not None
    window = MainWindow(library)
    qtbot.addWidget(window)
    window.show_as_left()
    qtbot.waitExposed(window)
    return window


def test_a_window_left_maximised_or_too_large_for_the_screen_now_starts_maximised(
        qtbot, library_path: Path):
    make_app()
    room = QApplication.primaryScreen().availableGeometry()
    # left maximised at 100 %: under openbox at 150 % it came back 607 × 379 in the middle
    window = _started_with(qtbot, library_path, _kept(qtbot, True, QSize(600, 400)), True)
    qtbot.waitUntil(window.isMaximized)
    window.library.close()
    window.close()
    # kept at a size this screen has no room for (with its title bar): maximised too
    window = _started_with(qtbot, library_path, _kept(qtbot, False, room.size()))
    qtbot.waitUntil(window.isMaximized)
    window.library.close()
    window.close()
    # a size that fits is the clerk's, kept
    window = _started_with(qtbot, library_path, _kept(qtbot, False, QSize(600, 400)))
    qtbot.waitUntil(lambda: window.size() == QSize(600, 400))
    assert not window.isMaximized()
    window.library.close()
    window.close()


def test_a_dialog_that_grows_while_open_is_kept_on_the_screen(qtbot):
    """Qt's print dialog grows at «ตัวเลือก >>»: at 150 % it ran off the screen's bottom,
    its «พิมพ์» with it."""
    make_app()
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.resize(300, 200)
    dialog.show()
    qtbot.waitExposed(dialog)
    room = dialog.screen().availableGeometry()
    dialog.resize(300, room.height() + 300)
    qtbot.waitUntil(lambda: room.contains(dialog.frameGeometry()))
    assert dialog.height() < room.height()
    dialog.reject()


PROBE_START = """
import sys
from pathlib import Path
from itadesk.ui.app import make_app, open_library
from itadesk.ui.main_window import MainWindow
app = make_app([])
window = MainWindow(open_library(Path(sys.argv[1])))
window.show_as_left()
for _ in range(20):
    app.processEvents()
print("maximised" if window.isMaximized() else f"{window.width()}x{window.height()}")
window.close()
"""


def test_a_window_left_maximised_at_150_percent_starts_maximised_at_100(tmp_path: Path):
    """A second new clerk started at 150 % (maximised), then at 100 %: the window came back
    640 × 480 in a corner (Qt's saved geometry, restored at another scale, lost it)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "ITADESK_CONFIG": str(tmp_path / "settings.json"),
           "ITADESK_STATE": str(tmp_path / "state")}
    shown = []
    for scale in ("1.5", "1"):
        done = subprocess.run([sys.executable, "-c", PROBE_START, str(tmp_path / "lib.sqlite")],
                              env={**env, "QT_SCALE_FACTOR": scale}, capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        shown.append(done.stdout.strip().splitlines()[-1])
    assert shown == ["maximised", "maximised"], shown
