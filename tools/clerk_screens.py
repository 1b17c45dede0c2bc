"""Whole-screen shots of the window as a clerk meets it, to be looked at: under Xvfb at a
laptop's size (and larger, and at 150 %), with no window manager, as in the clerk's test.

    Xvfb :7 -screen 0 1366x768x24 & DISPLAY=:7 QT_QPA_PLATFORM=xcb \
        .venv/bin/python tools/clerk_screens.py /tmp/shots/1366
    (QT_SCALE_FACTOR=1.5 for 150 %)

Thai typed with xdotool: give the screen a Thai layout first (`setxkbmap -layout us,th`).
Without one, xdotool remaps a key for every Thai letter, and Qt then takes a click only
after the keys typed after it: the text seems to land in the field just left (checked
with a log of the window's events; with the layout, every key goes where it should).

The library is a new one (the demo reports) in a temporary folder, the settings too
($CLERK_LIBRARY and $ITADESK_CONFIG to keep them); the run ends as a kill would, with the
preview open. With $CLERK_RESTART set, it starts again on them and shows what came back.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolBar, QToolButton, QWidget

folder = Path(tempfile.mkdtemp())
os.environ.setdefault("ITADESK_CONFIG", str(folder / "config" / "settings.json"))
os.environ.setdefault("ITADESK_STATE", str(folder / "state"))

from itadesk.ui.app import make_app, open_library  # noqa: E402
from itadesk.ui.main_window import MainWindow  # noqa: E402
from itadesk.ui.report_page import ReportPage  # noqa: E402


def xkey(keys: str) -> None:
    """A key pressed as the clerk's keyboard presses it (through the X server)."""
    subprocess.run(["xdotool", "key", "--clearmodifiers", keys], check=False)
    settle()


def settle(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = make_app([])
    screen = app.primaryScreen()

    def shot(name: str) -> None:
        settle()
        screen.grabWindow(0).save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    def forms(page: ReportPage, prefix: str) -> None:
        for name, form in (("form", page.form), ("memo", page.memo)):
            page.tabs.setCurrentWidget(form)
            form.verticalScrollBar().setValue(0)
            shot(f"{prefix}-{name}")
            form.verticalScrollBar().setValue(form.verticalScrollBar().maximum())
            shot(f"{prefix}-{name}-end")

    library = open_library(Path(os.environ.get("CLERK_LIBRARY", folder / "library.sqlite")))
    assert library is not None
    window = MainWindow(library)
    window.show_as_left()
    window.activateWindow()
    if os.environ.get("CLERK_RESTART"):
        # a second start on the same settings: the report, its preview, the window's size
        window.resumer.resume()
        shot("20-restart")
        os._exit(0)  # as a kill: nothing is saved at the end
    shot("01-library")
    by_town = {r.municipality: r.id for r in library.list_reports()}
    window.open_report(by_town["เทศบาลเมืองกาฬสินธุ์"])
    page = window.report_page
    assert page is not None and window.session is not None
    table = page.table
    # a cell of two lines, as an import of the clerk's own Word file left it
    window.session.set_cells([(0, "timing", "ต.ค. ๒๕๖๘ -\nก.ย. ๒๕๖๙")])
    table.setCurrentIndex(table.model().index(0, 0))
    table.setFocus()
    shot("02-table")
    QTest.keyClick(table, Qt.Key.Key_F5)
    if window.preview is not None:
        loop = QEventLoop()
        window.preview.refreshed.connect(loop.quit)
        QTimer.singleShot(8000, loop.quit)
        loop.exec()
    shot("03-preview")
    # the detail pane of a row with scores, scrolled to its buttons
    table.setCurrentIndex(table.model().index(1, 0))
    shot("04-preview-row2")
    # the report's form and the memo beside the preview, at their top and their end
    forms(page, "04")
    # the toolbars' overflow, open, then Esc
    for bar in window.findChildren(QToolBar):
        button = next((b for b in bar.findChildren(QToolButton)
                       if b.objectName() == "qt_toolbar_ext_button" and b.isVisible()), None)
        if button is not None:
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)
            shot(f"05-overflow-{bar.objectName() or 'rows'}")
            xkey("Escape")
            shot(f"06-overflow-esc-{bar.objectName() or 'rows'}")
    # F5 from a field of the memo, pressed on the X server's keyboard (xdotool)
    page.tabs.setCurrentWidget(page.memo)
    field = next(iter(page.memo.texts.values()))
    field.setFocus()
    settle()
    xkey("F5")
    shot("06b-memo-f5-closed")
    forms(page, "06b")  # and the whole width without the preview
    page.tabs.setCurrentWidget(page.memo)
    field.setFocus()
    settle()
    xkey("F5")
    shot("06c-memo-f5-open")
    page.show_table()
    # the view menu
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "มุมมอง")
    QTimer.singleShot(400, lambda: (screen.grabWindow(0).save(str(out / "07-view-menu.png")),
                                    print(out / "07-view-menu.png"), view_menu.close()))
    view_menu.exec(window.menuBar().mapToGlobal(
        window.menuBar().actionGeometry(view_menu.menuAction()).bottomLeft()))
    # a cell being typed in
    index = table.model().index(0, 1)
    table.setCurrentIndex(index)
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_F2)
    shot("08-editing")
    editor = QApplication.focusWidget()
    if isinstance(editor, QWidget):
        QTest.keyClick(editor, Qt.Key.Key_Escape)
    # the library after a next year's copy (a long «ที่มา»), reached by Ctrl+L
    window.create_next_year()
    xkey("ctrl+l")
    shot("09-library-ctrl-l")
    xkey("Down")
    shot("10-library-down")
    xkey("Return")
    shot("11-opened-by-enter")
    # Ctrl+F with the page pane open: the box off the cell it jumps to
    if window.report_page is not None:
        window.report_page.table.setFocus()
        xkey("ctrl+f")
        if window.find_dialog is not None:
            window.find_dialog.find_edit.setText("ประเมิน")  # as typed: it searches
            shot("12-find")
            xkey("Return")
            shot("13-find-next")
            xkey("Escape")
    settle(1500)
    os._exit(0)  # as a kill, with the preview open


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/clerk-shots"))
