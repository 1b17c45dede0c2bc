"""The window's preview: one process of its own for the window's lifetime, and the page
of the measure the clerk picks."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
from pathlib import Path

from itadesk.demo import demo_measures
from itadesk.document import ExportOptions, build_document
from itadesk.domain import MeasureKind, Report
from itadesk.export.pdf import laid_out
from itadesk.thai.digits import to_thai_digits

from .test_window import (  # noqa: F401 (open_window: the fixture)
    click_cell,
    open_window,
)


def _title(index: int) -> str:
    return f"มาตรการทดสอบที่ {index:02d}"  # two digits: no title begins another


def _long_report(count: int = 30) -> Report:
    """Measures of the demo reports, each titled so its row can be found on a page."""
    demo = [m for m in demo_measures() if m.kind is MeasureKind.MEASURE]
    return Report(municipality="เทศบาลตำบลหน้ายาว", layout="six-measures", measures=tuple(
        dataclasses.replace(demo[i % len(demo)], id=None, title=_title(i))
        for i in range(count)))


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    # a child killed but not yet reaped by its parent is a zombie: gone all the same
    with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
        return fh.read().split(") ", 1)[1].startswith("Z")


def test_the_pdf_says_on_which_page_each_measures_row_starts(tmp_path: Path):
    report = _long_report()
    out = laid_out(build_document(report, ExportOptions.from_report(report)))
    assert sorted(out.measure_pages) == list(range(len(report.measures)))
    pdf = tmp_path / "long.pdf"
    pdf.write_bytes(out.data)
    table_pages = set(out.measure_pages.values())
    assert len(table_pages) >= 3
    for index, page in out.measure_pages.items():
        text = subprocess.run(["pdftotext", "-f", str(page + 1), "-l", str(page + 1),
                               str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        title = to_thai_digits(_title(index))
        assert title in text, (index, page)
        if page > min(table_pages):  # it did not start on the page before
            before = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page),
                                     str(pdf), "-"], capture_output=True, text=True,
                                    check=True).stdout
            assert title not in before, (index, page)


def test_the_preview_keeps_one_process_and_starts_it_again_if_it_dies(
        open_window, qtbot):  # noqa: F811
    window = open_window()
    report_id = window.library.list_reports()[0].id
    window.open_report(report_id)
    window.preview_action.trigger()
    preview = window.preview
    assert preview is not None
    with qtbot.waitSignal(preview.refreshed, timeout=60_000):
        pass
    worker = preview.worker
    first = worker.pid()
    assert first > 0
    for n in range(2):  # each edit is laid out by the same process
        with qtbot.waitSignal(preview.refreshed, timeout=60_000):
            window.session.set_cells([(0, "owner", f"กองช่าง {n}")])
        assert worker.pid() == first
    # the same process serves the next report's pane too
    window.show_library()
    window.open_report(report_id)
    assert window.preview is not None and window.preview.worker is worker
    with qtbot.waitSignal(window.preview.refreshed, timeout=60_000):
        pass
    assert worker.pid() == first
    # it dies: the next edit starts another, and the preview still follows
    os.kill(first, signal.SIGKILL)
    qtbot.waitUntil(lambda: worker.pid() == 0, timeout=10_000)
    with qtbot.waitSignal(window.preview.refreshed, timeout=60_000):
        window.session.set_cells([(0, "owner", "กองสาธารณสุข")])
    second = worker.pid()
    assert second not in (0, first)
    shown = "".join(window.preview.document.getAllText(p).text()
                    for p in range(window.preview.document.pageCount()))
    assert "กองสาธารณสุข" in shown
    folder = worker.folder
    window.close()
    qtbot.waitUntil(lambda: _gone(second), timeout=10_000)
    assert not folder.exists()


def test_clicking_a_measure_shows_the_page_its_row_starts_on(open_window, qtbot):  # noqa: F811
    window = open_window()
    report_id = window.library.create_report(_long_report())
    window.open_report(report_id)
    window.preview_action.trigger()
    preview = window.preview
    assert preview is not None
    with qtbot.waitSignal(preview.refreshed, timeout=60_000):
        pass
    pages = preview.measure_pages
    assert len(set(pages.values())) >= 3
    table = window.report_page.table
    for row in (25, 2, 14):
        click_cell(qtbot, table, row, 0)
        qtbot.waitUntil(lambda row=row: preview.current_page() == pages[row], timeout=5_000)
        text = preview.document.getAllText(pages[row]).text()
        assert to_thai_digits(_title(row)) in text
    assert preview.current_page() != pages[25]
