"""Printing and its preview: every page on paper of its own size and orientation."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QRadioButton, QSpinBox

from itadesk.export.jobs import export_report
from itadesk.ui.app import open_library
from itadesk.ui.main_window import MainWindow
from itadesk.ui.page_view import shown_zoom
from itadesk.ui.printing import PrintPreview, printer_choices

from .test_window import close, open_window  # noqa: F401  (the fixture)
from .ui_helpers import type_text, when_dialog_opens


def page_sizes(path: Path) -> list[tuple[int, int]]:
    """(width, height) of every page in points, as the PDF's page boxes say (rotation too)."""
    sizes = []
    for page in PdfReader(path).pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        if (page.rotation or 0) % 180:
            width, height = height, width
        sizes.append((round(width), round(height)))
    return sizes


def open_demo(open_window, town: str = "เทศบาลเมืองชัยนาท") -> tuple[MainWindow, int]:  # noqa: F811
    window = open_window()
    reports = {r.municipality: r.id for r in window.library.list_reports()}
    window.open_report(reports[town])
    return window, reports[town]


def pdf_printer(path: Path, resolution: QPrinter.PrinterMode) -> QPrinter:
    printer = QPrinter(resolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def fill_print_dialog(dialog, path: Path, copies: int = 1, grey: bool = False) -> None:
    """As a clerk would: the file to print to, the copies, colour or grey, then OK."""
    assert isinstance(dialog, QPrintDialog)
    name = dialog.findChild(QLineEdit, "filename")
    name.selectAll()
    type_text(name, str(path))
    dialog.findChild(QSpinBox, "copies").setValue(copies)
    dialog.findChild(QRadioButton, "grayscale" if grey else "color").setChecked(True)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    QTest.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_each_printed_page_has_the_exported_pages_size_and_orientation(open_window,  # noqa: F811
                                                                        tmp_path):
    window, report_id = open_demo(open_window)
    exported = export_report(window.library.load_report(report_id), tmp_path / "exported.pdf")
    want = page_sizes(exported)
    # the report mixes both orientations: a printer left in one would turn some pages
    assert any(w > h for w, h in want) and any(w < h for w, h in want)
    for mode in (QPrinter.PrinterMode.ScreenResolution, QPrinter.PrinterMode.HighResolution):
        printed = tmp_path / f"printed-{mode.name}.pdf"
        printer = pdf_printer(printed, mode)
        assert window.print_to(printer) == len(want)
        assert page_sizes(printed) == want, mode


def test_the_preview_shows_each_page_in_its_orientation_and_prints_from_it(
        open_window, qtbot, tmp_path):  # noqa: F811
    window, report_id = open_demo(open_window)
    seen: dict[str, object] = {}

    def look(dialog) -> None:
        assert isinstance(dialog, PrintPreview)
        qtbot.waitUntil(lambda: dialog.document.pageCount() > 0)
        sizes = [dialog.document.pagePointSize(i) for i in range(dialog.document.pageCount())]
        seen["orientations"] = [s.width() > s.height() for s in sizes]
        dialog.grab().save(str(tmp_path / "preview.png"))
        # "+" from the whole page zooms a step, not to several times the page
        dialog.fit_page()
        QTest.mouseClick(dialog.buttons["in"], Qt.MouseButton.LeftButton)
        seen["zoom"] = dialog.view.zoomFactor()
        seen["status"] = dialog.status.text()
        when_dialog_opens(choose)
        QTest.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
        seen["still_open"] = dialog.isVisible()  # printed from it, the preview stays
        dialog.reject()

    def choose(dialog) -> None:
        fill_print_dialog(dialog, tmp_path / "from-preview.pdf")

    when_dialog_opens(look)
    window.print_preview()
    orientations = seen["orientations"]
    assert True in orientations and False in orientations
    assert seen["status"].startswith("หน้า ๑ จาก ")
    assert seen["still_open"]
    assert 0.1 < seen["zoom"] < 1.0  # a whole A4 page fits in 720 px: under 100 %
    exported = export_report(window.library.load_report(report_id), tmp_path / "exported.pdf")
    assert page_sizes(tmp_path / "from-preview.pdf") == page_sizes(exported)


def test_the_clerks_printer_choices_come_back_for_the_same_report(open_window, qtbot,  # noqa: F811
                                                                   tmp_path, library_path):
    window, report_id = open_demo(open_window)
    offered: list[dict] = []

    def choose(copies: int):
        def action(dialog) -> None:
            offered.append(printer_choices(dialog.printer()))
            fill_print_dialog(dialog, tmp_path / f"out-{copies}.pdf", copies=copies, grey=True)
        return action

    when_dialog_opens(choose(3))
    window.print_report()
    when_dialog_opens(choose(2))
    window.print_report()
    assert offered[0]["copies"] == 1 and offered[1]["copies"] == 3
    assert offered[0]["color"] == QPrinter.ColorMode.Color.value
    assert offered[1]["color"] == QPrinter.ColorMode.GrayScale.value
    close(window)
    # a new start: the choices were kept in the clerk's settings, for this report only
    library = open_library(library_path)
    again = MainWindow(library)
    qtbot.addWidget(again)
    again.open_report(report_id)
    assert again._printer().copyCount() == 2
    other = next(r.id for r in again.library.list_reports() if r.id != report_id)
    again.open_report(other)
    assert again._printer().copyCount() == 1
    again.close()
    library.close()


def test_the_page_beside_the_table_and_the_print_preview_have_names_apart(
        open_window, qtbot):  # noqa: F811
    """«ดูตัวอย่างก่อนพิมพ์» (the pane) and «ตัวอย่างการพิมพ์» (the print preview) were told
    apart by no clerk: the pane is the page beside the table, the other the last look
    before printing, named so in the menus, the toolbar, the tooltips, the pane, the
    dialog and the help."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QToolBar

    from itadesk.ui.help import help_html

    pane, last_look = "หน้ากระดาษข้างตาราง", "ตัวอย่างก่อนสั่งพิมพ์"
    old = ("ตัวอย่างก่อนพิมพ์", "ตัวอย่างการพิมพ์")
    window, _report_id = open_demo(open_window)
    assert window.preview_action.text() == pane
    assert window.print_preview_action.text() == last_look + "…"
    QTest.keyClick(window.report_page.table, Qt.Key.Key_F5)
    assert window.preview_dock.windowTitle() == pane
    # the toolbar's buttons are the menu's actions: their words and tooltips, everywhere
    toolbar = [a for bar in window.findChildren(QToolBar) for a in bar.actions()]
    assert window.preview_action in toolbar and window.print_preview_action in toolbar
    shown = []
    for action in window.findChildren(QAction):
        shown += [action.text(), action.toolTip(), action.statusTip()]
    assert pane in window.preview_action.toolTip()
    help_text = help_html(str(window.library.path), window.library.path.parent)
    assert pane in help_text and last_look in help_text
    # and what the pane says when it cannot show the pages
    from itadesk.ui.preview_worker import FAILED

    assert pane in FAILED
    for text in [*shown, window.preview_dock.windowTitle(), help_text, FAILED]:
        assert not any(name in text for name in old), text
    seen = {}

    def look(dialog) -> None:
        seen["title"] = dialog.windowTitle()
        dialog.reject()

    when_dialog_opens(look)
    window.print_preview()
    assert seen["title"] == last_look


def test_the_print_preview_fits_the_screen_and_says_its_zoom(open_window, qtbot,  # noqa: F811
                                                             tmp_path):
    """At 150 % a laptop's screen is about 910 × 512 points: the dialog, its «ปิด» and
    «พิมพ์…» buttons all on it, and the zoom said as a percentage."""
    window, report_id = open_demo(open_window)
    data = export_report(window.library.load_report(report_id), tmp_path / "r.pdf").read_bytes()
    dialog = PrintPreview(data, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.document.pageCount() > 0)
    screen = dialog.screen().availableGeometry()
    assert screen.contains(dialog.frameGeometry()), (screen, dialog.frameGeometry())
    for button in (dialog.print_button, dialog.close_button):
        corner = button.mapToGlobal(button.rect().bottomRight())
        assert screen.contains(corner), button.text()

    def percent() -> int:
        shown = dialog.status.text().rsplit("·", 1)[1].strip(" %")
        return int(shown.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")))

    # as it opens, a whole page in the room the view got (it said ๒ % until a click)
    expected = lambda: round(shown_zoom(dialog.view) * 100)  # noqa: E731
    qtbot.waitUntil(lambda: expected() >= 10 and percent() == expected())
    dialog.fit_page()
    before = dialog.status.text()
    QTest.mouseClick(dialog.buttons["in"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.text() != before)
    said = dialog.status.text().rsplit("·", 1)[1].strip()
    assert said.endswith("%") and not any(c.isascii() and c.isdigit() for c in said)
    assert percent() == expected()
    dialog.reject()
