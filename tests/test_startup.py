"""What the window loads before the clerk sees it: only what the library list needs.
(How long that takes is bench/bench_desk.py's figure; this says what must not come back.)"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# Loaded on first use: the table and its editors, the segmenter, the writers and readers,
# the schema checks, the preview and printing.
NOT_AT_START = ("jsonschema", "referencing", "reportlab", "uharfbuzz", "docx", "pdfplumber",
                "openpyxl", "pyhanko", "psycopg", "itadesk.thai.segment",
                "itadesk.thai.linebreak", "itadesk.document", "itadesk.exchange.checking",
                "itadesk.export.pdf", "itadesk.ui.measure_table", "itadesk.ui.report_page",
                "itadesk.ui.jobs", "PySide6.QtPdf", "PySide6.QtPrintSupport")

SHOW = """
import sys
from itadesk.cli import main
code = main(["--library", sys.argv[1]])
print("loaded", " ".join(sorted(sys.modules)))
sys.exit(code)
"""


def test_the_window_shows_without_what_its_first_screen_does_not_use(tmp_path: Path):
    library = tmp_path / "library.sqlite"
    env = {**os.environ, "ITADESK_QUIT_WHEN_SHOWN": "1", "QT_QPA_PLATFORM": "offscreen"}
    for _start in range(2):  # the first start also adds the demo reports: the next one counts
        run = subprocess.run([sys.executable, "-c", SHOW, str(library)], capture_output=True,
                             text=True, timeout=120, env=env)
        assert run.returncode == 0 and "shown" in run.stdout, run.stderr
    [line] = [x for x in run.stdout.splitlines() if x.startswith("loaded ")]
    loaded = set(line.split()[1:])
    assert "itadesk.ui.main_window" in loaded and "itadesk.ui.library_page" in loaded
    early = sorted(m for m in loaded for name in NOT_AT_START
                   if m == name or m.startswith(name + "."))
    assert early == [], f"loaded before the window showed: {early}"


# What the window's first paint waits for: the clerk sees the window, then its library.
# (The commands' lists, the demos, the export options and formats, are the commands' own.)
NOT_AT_FIRST_PAINT = ("sqlite3", "itadesk.store.library", "itadesk.domain.model",
                      "itadesk.ui.session", "itadesk.demo", "itadesk.domain.options",
                      "itadesk.export")

PAINTED = """
import linecache
import sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow
from itadesk.cli import main

seen = {}


class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
            # Qt's namespace (94 enums, 16 ms) is made on first use: a bare window never
            seen.setdefault("qt", "Qt" in vars(sys.modules["PySide6.QtCore"]))
            seen.setdefault("first", sorted(sys.modules))
            # read whole by PySide6's import hook (its __feature__ check), or not
            seen.setdefault("read", sorted(f for f in linecache.cache
                                           if "itadesk" in f and "ui" in Path(f).parts))
            page = getattr(watched, "library_page", None)
            if page is not None:
                seen["rows"] = page.table.rowCount()
        return False


app = QApplication(sys.argv[:1])
watch = Watch()
app.installEventFilter(watch)
code = main(["--library", sys.argv[1]])
print("first", " ".join(seen["first"]))
print("qt", seen["qt"])
print("rows", seen.get("rows"))
print("read", " ".join(seen["read"]) or "-")
sys.exit(code)
"""


def test_the_window_is_painted_before_the_library_is_read_then_lists_it(tmp_path: Path):
    library = tmp_path / "library.sqlite"
    env = {**os.environ, "ITADESK_QUIT_WHEN_SHOWN": "1", "QT_QPA_PLATFORM": "offscreen",
           "ITADESK_CONFIG": str(tmp_path / "settings.json")}
    for _start in range(2):  # the first start adds the demo reports; the next one counts
        run = subprocess.run([sys.executable, "-c", PAINTED, str(library)],
                             capture_output=True, text=True, timeout=120, env=env)
        assert run.returncode == 0 and "shown" in run.stdout, run.stderr
    lines = dict(line.split(" ", 1) for line in run.stdout.splitlines() if " " in line)
    at_paint = set(lines["first"].split())
    early = sorted(m for m in at_paint for name in NOT_AT_FIRST_PAINT
                   if m == name or m.startswith(name + "."))
    assert early == [], f"read before the window was first painted: {early}"
    assert lines["qt"] == "False", "Qt's namespace was made before the first paint"
    assert lines["read"] == "-", "the window's modules were read again for PySide6's hook"
    assert lines["rows"] == "3"  # then the library's three demo reports are listed


def test_the_window_before_its_library_tells_a_failure_and_its_commands_wait(qtbot):
    """The first moments, before the library is attached: a failure told over the window
    is a message (not a second failure), and a command waits for the library."""
    import errno

    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QApplication

    from itadesk.ui import guard
    from itadesk.ui.app import make_app
    from itadesk.ui.main_window import MainWindow

    from .ui_helpers import when_dialog_opens

    make_app()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    told: list[str] = []

    def close(box) -> None:
        told.append(box.text())
        box.close()

    when_dialog_opens(close)
    guard.tell(window, OSError(errno.EIO, "gone"), "test")
    assert told and "ลองอีกครั้ง" in told[0]
    [new] = [a for a in window.findChildren(QAction) if a.text() == "สร้างรายงานใหม่…"]
    new.trigger()  # nothing opens, nothing fails
    assert QApplication.activeModalWidget() is None and not window.attached


def test_a_reader_that_stops_at_shown_does_not_hold_the_window(tmp_path: Path):
    """The bundle's smoke test reads "shown" with `grep -q`, which goes at once: the
    lines after it find the pipe closed, and the start goes on to its end."""
    env = {**os.environ, "ITADESK_QUIT_WHEN_SHOWN": "1", "QT_QPA_PLATFORM": "offscreen",
           "ITADESK_CONFIG": str(tmp_path / "settings.json"), "ITADESK_LOG": str(tmp_path)}
    with subprocess.Popen([sys.executable, "-m", "itadesk", "--library",
                           str(tmp_path / "library.sqlite")], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True, env=env) as proc:
        assert proc.stdout is not None
        assert "shown" in proc.stdout.readline()
        proc.stdout.close()
        try:
            assert proc.wait(timeout=60) == 0
        finally:
            proc.kill()  # (held by a message about the closed pipe, before the fix)
    assert not (tmp_path / "itadesk.log").exists()  # nothing went wrong
