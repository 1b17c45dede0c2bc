"""At start, the report, tab and cell the clerk had open: kept as they change (not only
at a clean exit), so a program that never closed cleanly brings the clerk back too."""

from __future__ import annotations

import json
import os
from pathlib import Path

from itadesk.ui.app import make_app, open_library
from itadesk.ui.main_window import MainWindow

from .test_window import click_cell


def test_the_report_tab_and_cell_open_before_come_back(qtbot, library_path: Path):
    make_app()
    first = open_library(library_path)
    assert first is not None
    window = MainWindow(first)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    reports = {r.municipality: r.id for r in first.list_reports()}
    window.open_report(reports["เทศบาลเมืองชัยนาท"])
    click_cell(qtbot, window.report_page.table, 3, 2)
    window.report_page.tabs.setCurrentWidget(window.report_page.memo)
    config = Path(os.environ["ITADESK_CONFIG"])
    # written within a moment of the last change, with no clean exit
    qtbot.waitUntil(lambda: config.exists() and json.loads(config.read_text(encoding="utf-8"))
                    .get("last_open", {}).get(str(first.path), {}).get("tab") == 2,
                    timeout=3000)
    window.hide()
    first.close()  # the window never closed: as after kill -9

    again = open_library(library_path)
    assert again is not None
    window2 = MainWindow(again)
    qtbot.addWidget(window2)
    window2.show()
    try:
        assert window2.resumer.resume()
        page = window2.report_page
        assert window2.session.report_id == reports["เทศบาลเมืองชัยนาท"]
        assert page.tabs.currentWidget() is page.memo
        assert (page.table.currentIndex().row(), page.table.currentIndex().column()) == (3, 2)
        # back on the library list: the next start opens nothing
        window2.show_library()
        assert not window2.resumer.resume()
    finally:
        window2.close()
        again.close()
