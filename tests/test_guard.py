"""The window's guard: an action that fails, or any slot that raises, ends in a message
box (Thai, with the English line and the log file named), and the window goes on."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, qCritical, qInstallMessageHandler

from itadesk.ui import guard
from itadesk.ui.app import make_app, open_library
from itadesk.ui.main_window import MainWindow

from .ui_helpers import when_dialog_opens


@pytest.fixture
def window(qtbot, library_path: Path, monkeypatch: pytest.MonkeyPatch):
    make_app()
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    library = open_library(library_path)
    assert library is not None
    shown = MainWindow(library)
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    shown.close()
    library.close()


def _boxes(qtbot, count: int) -> list[tuple[str, str]]:
    told: list[tuple[str, str]] = []

    def answer(box) -> None:
        told.append((box.text(), box.informativeText()))
        box.close()
        if len(told) < count:
            when_dialog_opens(answer)

    when_dialog_opens(answer)
    return told


def _break_the_library(window: MainWindow) -> None:
    """What no one foresaw: a library a broken program changed under us."""
    window.library._conn.execute("ALTER TABLE measure DROP COLUMN kind")


def test_a_failing_menu_action_is_told_and_logged(window, qtbot, own_log: Path):
    window.open_report(window.library.list_reports()[0].id)
    _break_the_library(window)
    told = _boxes(qtbot, 1)
    window.library_action.trigger()  # as the clerk's Ctrl+L: through the menu's guard
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    thai, english = told[0]
    log = own_log / "itadesk.log"
    assert "ไม่ได้คาดไว้" in thai and str(log) in thai
    assert english.startswith("Unexpected error: OperationalError") and str(log) in english
    assert "Traceback" in log.read_text(encoding="utf-8")
    assert window.isVisible() and str(log) in window.statusBar().currentMessage()


def test_any_other_slot_that_raises_ends_in_a_message_box(window, qtbot, own_log: Path):
    guard.install()
    told = _boxes(qtbot, 1)
    QTimer.singleShot(0, lambda: window.library.load_report(987654))  # KeyError in a slot
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert "ไม่ได้คาดไว้" in told[0][0] and told[0][1].startswith("Unexpected error: KeyError")
    assert "987654" in (own_log / "itadesk.log").read_text(encoding="utf-8")
    assert window.isVisible()


def test_qt_critical_messages_reach_the_log(window, own_log: Path):
    previous = qInstallMessageHandler(None)
    try:
        guard.install()
        qCritical("ทดสอบ: a critical message from Qt")
    finally:
        qInstallMessageHandler(previous)
    assert "a critical message from Qt" in (own_log / "itadesk.log").read_text(encoding="utf-8")


def test_a_start_that_fails_unexpectedly_shows_a_box(qtbot, tmp_path: Path, own_log: Path,
                                                      monkeypatch: pytest.MonkeyPatch):
    """Before any window: the message box is the only answer the clerk gets."""
    import sqlite3

    from itadesk.demo import add_demo_reports
    from itadesk.store import Library
    from itadesk.ui.app import run

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    path = tmp_path / "library.sqlite"
    with Library.open(path) as lib:
        add_demo_reports(lib)
    with sqlite3.connect(path) as conn:  # a library a broken program changed
        conn.execute("ALTER TABLE measure DROP COLUMN kind")
    conn.close()
    told = _boxes(qtbot, 1)
    previous = qInstallMessageHandler(None)
    try:
        assert run(path, []) == 1
    finally:
        qInstallMessageHandler(previous)
    assert told and "ไม่ได้คาดไว้" in told[0][0] and "OperationalError" in told[0][1]
    assert "no such column" in (own_log / "itadesk.log").read_text(encoding="utf-8")


def test_an_export_that_fails_in_its_own_process_is_told_with_the_english_line(
        window, qtbot, tmp_path: Path):
    window.open_report(window.library.list_reports()[0].id)
    target = tmp_path / "report.pdf"
    (target / "inside.txt").parent.mkdir()  # a folder where the file should go
    told = _boxes(qtbot, 1)
    assert window.export_to(target) is not None
    qtbot.waitUntil(lambda: bool(told), timeout=60_000)
    thai, english = told[0]
    assert "เป็นโฟลเดอร์" in thai and english.startswith("The target is a folder")
    assert target.is_dir()
