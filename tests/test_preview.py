"""The window's preview: one process of its own for the window's lifetime, and the page
of the measure the clerk picks."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
from pathlib import Path

from PySide6.QtCore import QPoint, Qt

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


def _previewed(window, qtbot, report_id: int):
    """The report opened with its preview (F5's action), once the preview shows it."""
    window.open_report(report_id)
    window.preview_action.trigger()
    preview = window.preview
    assert preview is not None
    with qtbot.waitSignal(preview.refreshed, timeout=60_000):
        pass
    return preview


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
    preview = _previewed(window, qtbot, report_id)
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
    preview = _previewed(window, qtbot, window.library.create_report(_long_report()))
    pages = preview.measure_pages
    assert len(set(pages.values())) >= 3
    table = window.report_page.table
    for row in (25, 2, 14):
        click_cell(qtbot, table, row, 0)
        qtbot.waitUntil(lambda row=row: preview.current_page() == pages[row], timeout=5_000)
        text = preview.document.getAllText(pages[row]).text()
        assert to_thai_digits(_title(row)) in text
        # the pane says which page of how many, and how large it is shown
        count = preview.document.pageCount()
        assert preview.status.text().startswith(
            to_thai_digits(f"หน้า {pages[row] + 1} จาก {count} · ")), preview.status.text()
    assert preview.current_page() != pages[25]
    shown = preview.status.text()
    assert shown.endswith(" %") and not any(c.isascii() and c.isdigit() for c in shown)
    preview.zoom(1.25)
    qtbot.waitUntil(lambda: preview.status.text() != shown)


def _page_of_each(pdf: Path, titles: dict[int, str]) -> dict[int, int]:
    """{measure: the page (from 0) of the exported PDF its title is on}, by pdftotext."""
    count = int(next(line.split()[-1] for line in subprocess.run(
        ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()
        if line.startswith("Pages:")))
    found: dict[int, int] = {}
    for page in range(count):
        text = subprocess.run(["pdftotext", "-f", str(page + 1), "-l", str(page + 1),
                               str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        for index, title in titles.items():
            if title in text:
                found.setdefault(index, page)
    return found


def test_clicking_a_measure_of_a_narrative_report_shows_the_page_of_its_heading(
        open_window, qtbot, tmp_path: Path):  # noqa: F811
    from itadesk.export.jobs import export_report

    report = dataclasses.replace(_long_report(), layout="narrative")
    pdf = tmp_path / "narrative.pdf"
    export_report(report, pdf)
    titles = {row: to_thai_digits(_title(row)) for row in range(len(report.measures))}
    exported = _page_of_each(pdf, titles)
    assert len(exported) == len(report.measures) and len(set(exported.values())) >= 3
    window = open_window()
    preview = _previewed(window, qtbot, window.library.create_report(report))
    table = window.report_page.table
    for row in (25, 2, 14, 29):
        click_cell(qtbot, table, row, 0)
        qtbot.waitUntil(lambda row=row: preview.current_page() == exported[row], timeout=5_000)
        assert titles[row] in preview.document.getAllText(exported[row]).text()


def test_the_progress_bar_and_cancel_button_go_when_the_export_ends(open_window, qtbot,  # noqa: F811
                                                                    tmp_path: Path):
    from .ui_helpers import click_button, when_dialog_opens

    window = open_window()
    window.open_report(window.library.list_reports()[0].id)
    seen: list[tuple[str, bool, bool]] = []

    def answer(box) -> None:  # what the status bar shows behind the message
        seen.append((box.text(), window.progress_bar.isVisibleTo(window),
                     window.cancel_button.isVisibleTo(window)))
        click_button("ปิด" if len(seen) == 1 else "ยกเลิก")(box)

    when_dialog_opens(answer)
    assert window.export_to(tmp_path / "report.pdf") is not None
    assert window.progress_bar.isVisibleTo(window) and window.cancel_button.isVisibleTo(window)
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=60_000)
    assert "เรียบร้อยแล้ว" in seen[0][0] and seen[0][1:] == (False, False)
    assert not window.progress_bar.isVisibleTo(window)
    assert not window.cancel_button.isVisibleTo(window)
    # and when it fails: the message about it, nothing of the job left below
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(b"old")
    locked.chmod(0o444)
    when_dialog_opens(answer)
    assert window.export_to(locked) is not None
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=60_000)
    assert "อ่านอย่างเดียว" in seen[1][0] and seen[1][1:] == (False, False)
    assert not window.progress_bar.isVisibleTo(window)
    assert not window.cancel_button.isVisibleTo(window)


def test_with_the_preview_and_the_checks_open_the_table_keeps_the_most_room(
        open_window, qtbot):  # noqa: F811
    window = open_window()  # 1280 × 800
    window.open_report(window.library.list_reports()[0].id)
    qtbot.keyClick(window.report_page.table, Qt.Key.Key_F5)  # the preview
    qtbot.keyClick(window.report_page.table, Qt.Key.Key_F7)  # the checks
    assert window.preview is not None and window.checks_dock is not None
    with qtbot.waitSignal(window.preview.refreshed, timeout=60_000):
        pass
    table = window.report_page.table
    preview, checks = window.preview_dock, window.checks_dock
    qtbot.waitUntil(lambda: checks.isVisible() and preview.isVisible())
    assert table.width() > preview.width() and table.width() > window.report_page.detail.width()
    assert table.width() >= 0.4 * window.width(), (table.width(), window.width())
    # the checks sit under the preview: the table keeps the window's height too
    assert checks.geometry().left() >= preview.geometry().left() - 1
    assert table.height() >= 0.5 * window.height(), table.height()
    # a width the clerk gives the preview is kept for the next time it opens
    before = preview.width()
    edge = QPoint(preview.geometry().left() - 2, preview.geometry().center().y())
    qtbot.mousePress(window, Qt.MouseButton.LeftButton, pos=edge)
    for step in range(1, 11):  # dragged by the separator, the preview 80 px wider
        qtbot.mouseMove(window, edge - QPoint(8 * step, 0))
        qtbot.wait(20)  # the window moves its separator on a timer
    qtbot.mouseRelease(window, Qt.MouseButton.LeftButton, pos=edge - QPoint(80, 0))
    qtbot.waitUntil(lambda: preview.width() > before + 40)
    kept = preview.width()
    window.show_library()
    window.open_report(window.library.list_reports()[0].id)
    assert window.preview_dock is not None
    qtbot.waitUntil(lambda: window.preview_dock.isVisible())
    qtbot.waitUntil(lambda: abs(window.preview_dock.width() - kept) <= 10)


def _long_report_previewed(open_window, qtbot):  # noqa: F811
    """A window with the long report open and its first preview shown."""
    window = open_window()
    window.open_report(window.library.create_report(_long_report()))
    window.preview_action.trigger()
    preview = window.preview
    assert preview is not None
    with qtbot.waitSignal(preview.refreshed, timeout=60_000):
        pass
    return window, window.report_page, preview


def test_the_memo_tab_shows_the_memo_page_in_the_preview_as_it_is_typed(
        open_window, qtbot):  # noqa: F811
    """On the memo tab the preview shows the memo's page (the first), whatever measure's
    page it showed before, and each field typed reaches it once left."""
    from .ui_helpers import type_text

    _window, page, preview = _long_report_previewed(open_window, qtbot)
    click_cell(qtbot, page.table, 25, 0)
    qtbot.waitUntil(lambda: preview.current_page() == preview.measure_pages[25] > 0,
                    timeout=5_000)
    page.tabs.setCurrentWidget(page.memo)
    memo = page.memo
    with qtbot.waitSignal(preview.refreshed, timeout=60_000):
        memo.switch.setChecked(True)  # the clerk ticks «พิมพ์บันทึกข้อความ…»
    qtbot.waitUntil(lambda: preview.current_page() == 0, timeout=5_000)
    for name, text in (("subject", "รายงานผลการส่งเสริมคุณธรรมทดสอบ"),
                       ("to", "นายกเทศมนตรีตำบลหน้ายาว")):
        field = memo.lines[name]
        field.setFocus()
        type_text(field, text)
        with qtbot.waitSignal(preview.refreshed, timeout=60_000):
            qtbot.keyClick(field, Qt.Key.Key_Tab)
        assert preview.current_page() == 0
        shown = "".join(preview.document.getAllText(0).text().split())
        assert "บันทึกข้อความ" in shown and "".join(text.split()) in shown, name


# ------------------------------------------------------------------ the preview's buttons
def _page_span(view) -> tuple[int, int, int]:
    """(first page column, last page column, width) across the middle of the view as
    drawn: where the pale page is, the grey around it not."""
    image = view.viewport().grab().toImage()
    y = image.height() // 2
    page = [x for x in range(image.width()) if image.pixelColor(x, y).lightness() > 200]
    assert page, "no page in sight"
    return page[0], page[-1], image.width()


def test_every_preview_button_says_what_it_does_when_the_mouse_rests_on_it(
        open_window, qtbot):  # noqa: F811
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QToolButton, QToolTip

    window = open_window()
    reports = {r.municipality: r.id for r in window.library.list_reports()}
    preview = _previewed(window, qtbot, reports["เทศบาลเมืองชัยนาท"])
    buttons = preview.findChildren(QToolButton)
    signs = ("◀", "▶", "−", "+", "↔")
    assert [b.text() for b in buttons] == [preview.buttons[k].text() for k in (
        "previous", "next", "out", "in", "width")]
    assert all(sign in b.text() for sign, b in zip(signs, buttons, strict=True))
    for button in buttons:
        QTest.mouseMove(button, button.rect().center())
        # what the application sends once the mouse has rested (700 ms), sent at once
        centre = button.rect().center()
        QApplication.sendEvent(button, QHelpEvent(QEvent.Type.ToolTip, centre,
                                                  button.mapToGlobal(centre)))
        qtbot.waitUntil(lambda b=button: QToolTip.isVisible()
                        and QToolTip.text() == b.toolTip(), timeout=5000)
        shown = QToolTip.text()
        assert shown == button.toolTip(), button.text()
        # in Thai, and more than the button's own sign or word
        assert any("\u0e00" <= ch <= "\u0e7f" for ch in shown), shown
        assert len(shown) > len(button.text()) + 10, shown


def test_a_zoomed_portrait_page_is_in_sight_not_cut_at_its_right(open_window, qtbot):  # noqa: F811
    """The report mixes portrait pages (memo, cover) and landscape ones; zoomed in, each is
    laid out in the middle of the widest: "+" on the memo's page showed its left margin
    and cut its right, and going to it from a table page scrolled to the left did too."""
    from PySide6.QtCore import QPointF
    from PySide6.QtTest import QTest

    window = open_window()
    reports = {r.municipality: r.id for r in window.library.list_reports()}
    preview = _previewed(window, qtbot, reports["เทศบาลเมืองชัยนาท"])
    view, document = preview.view, preview.document
    sizes = [document.pagePointSize(i) for i in range(document.pageCount())]
    portrait = next(i for i, s in enumerate(sizes) if s.width() < s.height())
    landscape = next(i for i, s in enumerate(sizes) if s.width() > s.height())
    buttons = {"+": preview.buttons["in"], "◀": preview.buttons["previous"]}

    def settle() -> None:
        qtbot.wait(300)  # the view draws its pages from a thread of its own

    # fitted to the width, each page fits: none to scroll sideways
    for page in (portrait, landscape):
        view.pageNavigator().jump(page, QPointF())
        settle()
        assert view.horizontalScrollBar().maximum() == 0
        left, right, width = _page_span(view)
        assert left < 20 and right > width - 20, (page, left, right, width)
    # "+" on the portrait page: wider than the view now, cut as much on both sides
    view.pageNavigator().jump(portrait, QPointF())
    settle()
    QTest.mouseClick(buttons["+"], Qt.MouseButton.LeftButton)
    settle()
    left, right, width = _page_span(view)
    assert left == 0 and right == width - 1, (left, right, width)
    scroll = view.horizontalScrollBar()
    assert abs(scroll.value() - scroll.maximum() / 2) <= 2
    # from a landscape page scrolled to its left: the portrait page's left edge in sight
    view.pageNavigator().jump(landscape, QPointF())
    settle()
    scroll.setValue(0)
    QTest.mouseClick(buttons["◀"], Qt.MouseButton.LeftButton)
    while preview.current_page() > portrait:
        QTest.mouseClick(buttons["◀"], Qt.MouseButton.LeftButton)
    settle()
    left, _right, width = _page_span(view)
    assert left <= 12, left  # the page's edge (the view's margin beside it), not its middle
    # and scrolled to the right, its right edge
    scroll.setValue(scroll.maximum())
    settle()
    _left, right, width = _page_span(view)
    assert right < width - 1, (right, width)


def test_the_page_line_names_the_pages_own_number_after_the_memo(open_window, qtbot):  # noqa: F811
    """The clerk saw «หน้า ๓ จาก ๑๐» on a page printed «- ๑ -» (the cover and the memo
    have no number): the line says the page's own number beside its place."""
    _window, page, preview = _long_report_previewed(open_window, qtbot)
    assert "เลขหน้า" not in preview.status.text()  # no memo yet: the place is the number
    page.tabs.setCurrentWidget(page.memo)
    with qtbot.waitSignal(preview.refreshed, timeout=60_000):
        page.memo.switch.setChecked(True)
    qtbot.waitUntil(lambda: preview.current_page() == 0, timeout=5_000)
    assert "เลขหน้า" not in preview.status.text()  # the memo's page has none
    memo_pages = next(i for i, label in enumerate(preview.worker.page_labels) if label)
    preview.go(memo_pages)
    qtbot.waitUntil(lambda: preview.current_page() == memo_pages, timeout=5_000)
    said = preview.status.text()
    assert said.startswith(f"หน้า {to_thai_digits(str(memo_pages + 1))} จาก "), said
    assert "(เลขหน้า ๑)" in said, said


PROBE_EXIT = """
import os, sys
from pathlib import Path
from itadesk.ui.app import make_app, open_library
from itadesk.ui.main_window import MainWindow
app = make_app([])
window = MainWindow(open_library(Path(sys.argv[1])))
window.show()
window.open_report(window.library.list_reports()[0].id)
window.preview_action.trigger()
from PySide6.QtTest import QSignalSpy
spy = QSignalSpy(window.preview.refreshed)
spy.wait(60_000)
print("refreshed", spy.count(), flush=True)
"""  # and out, the window still open, as a script or a benchmark ends


def test_the_program_ending_with_the_preview_open_says_nothing_went_wrong(tmp_path: Path):
    """The page pane's document says its status changed as it is deleted; the pane then
    asked it for its pages, and three tracebacks came out at the exit (bench_desk)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "ITADESK_CONFIG": str(tmp_path / "settings.json"),
           "ITADESK_STATE": str(tmp_path / "state")}
    done = subprocess.run([sys.executable, "-c", PROBE_EXIT, str(tmp_path / "lib.sqlite")],
                          env=env, capture_output=True, text=True, timeout=120)
    assert "refreshed 1" in done.stdout, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr, done.stderr
