"""Settings that follow the clerk, and the About dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel

from itadesk import settings
from itadesk.store import Library
from itadesk.ui.about import AboutDialog
from itadesk.ui.app import make_app, open_library
from itadesk.ui.main_window import MainWindow


def test_round_trip_and_damaged_file(own_settings: Path):
    s, notice = settings.load()
    assert notice == "" and s.last_folder == ""
    s.last_folder = "/home/clerk/รายงาน"
    s.default_options = {"cover": True}
    assert settings.save(s)
    again, notice = settings.load()
    assert again.last_folder == "/home/clerk/รายงาน" and again.default_options == {"cover": True}
    own_settings.write_text("{ not json", encoding="utf-8")
    damaged, notice = settings.load()
    assert damaged == settings.Settings()
    assert "เสียหาย" in notice and own_settings.with_name("settings.json.damaged").exists()
    own_settings.write_text('{"last_folder": 5, "window_state": "x"}', encoding="utf-8")
    typed, notice = settings.load()
    assert typed.last_folder == "" and typed.window_state == "x" and notice == ""


def test_window_remembers_layout_and_folder_and_tells_of_damage(qtbot, library_path,
                                                                  own_settings):
    make_app()
    library = open_library(library_path)
    window = MainWindow(library)
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    window._last_folder = "/tmp/ที่เก็บรายงาน"
    window.close()
    library.close()
    saved, _ = settings.load()
    assert saved.last_folder == "/tmp/ที่เก็บรายงาน" and saved.window_geometry
    library = Library.open(library_path)
    again = MainWindow(library)
    qtbot.addWidget(again)
    assert again._last_folder == "/tmp/ที่เก็บรายงาน"
    again.close()
    library.close()
    own_settings.write_bytes(b"\xff\xfe garbage")
    library = Library.open(library_path)
    third = MainWindow(library)
    qtbot.addWidget(third)
    assert "เสียหาย" in third.statusBar().currentMessage()
    third.close()
    library.close()


def test_about_names_the_library_and_the_licences(qtbot, library_path):
    make_app()
    dialog = AboutDialog(library_path)
    qtbot.addWidget(dialog)
    paths = dialog.findChild(QLabel, "about_paths").text()
    assert str(library_path) in paths and "backups" in paths
    from PySide6.QtWidgets import QTextBrowser

    text = dialog.findChild(QTextBrowser).toPlainText()
    for name in ("TH Sarabun New", "ข้อยกเว้นสำหรับแบบอักษร", "LGPL", "python-docx", "ReportLab",
                 "PyThaiNLP", "คลังข้อมูลภาษาไทยแห่งชาติ", "CC0"):
        assert name in text
