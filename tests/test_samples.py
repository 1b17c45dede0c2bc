"""The demo reports a new library starts with are marked as samples where the clerk meets
them (a new clerk took them for real reports of real towns); the files made of them are
as they were."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from itadesk.demo import DEMOS, read_demo
from itadesk.domain import Origin, OriginKind, Report
from itadesk.exchange.jsonfile import write_report

from .test_window import open_window  # noqa: F401  (the fixture)
from .ui_helpers import click_button, when_dialog_opens


def names(window) -> list[str]:
    table = window.library_page.table
    return [table.item(row, 0).text() for row in range(table.rowCount())]


def test_the_demo_reports_are_marked_as_samples(open_window, qtbot):  # noqa: F811
    window = open_window()
    page = window.library_page
    shown = names(window)
    assert len(shown) == len(DEMOS)
    assert all(name.startswith("«ตัวอย่าง» ") for name in shown), shown
    assert page.samples_hint.isVisible()
    assert "ตัวอย่าง" in page.samples_hint.text() and "ลบ" in page.samples_hint.text()
    origins = [page.table.item(row, 5).text() for row in range(page.table.rowCount())]
    assert all(o.startswith("ตัวอย่างที่มากับโปรแกรม") for o in origins), origins

    # opened, the heading says it first
    page.table.setFocus()
    page.table.selectRow(0)
    QTest.keyClick(page.table, Qt.Key.Key_Return)
    assert window.report_page is not None
    assert window.report_page.heading.text().startswith("«ตัวอย่าง» เทศบาล")

    # the clerk's own report is not one
    window.show_library()
    own = window.library.create_report(Report(municipality="เทศบาลตำบลหนองบัว",
                                              fiscal_year=2569,
                                              origin=Origin(OriginKind.CREATED)))
    window.refresh_library()
    assert "เทศบาลตำบลหนองบัว" in names(window)
    window.open_report(own)
    assert window.report_page.heading.text().startswith("เทศบาลตำบลหนองบัว")

    # the samples deleted, the hint goes with them
    window.show_library()
    for report in window.library.list_reports():
        if report.origin.sample:
            window.library_page.select(report.id)
            when_dialog_opens(click_button("ใช่"))
            window.library_page.delete_button.click()
    assert names(window) == ["เทศบาลตำบลหนองบัว"]
    assert not page.samples_hint.isVisible()


def test_a_sample_s_files_are_as_the_demo_s(open_window, tmp_path):  # noqa: F811
    """The mark is the library's: what is exported of a sample has no trace of it."""
    window = open_window()
    for seed, stored in zip(DEMOS, sorted(window.library.list_reports(),
                                          key=lambda r: r.id), strict=True):
        demo = read_demo(seed)
        report = window.library.load_report(stored.id)
        assert report.origin.sample
        assert (report.municipality, report.title) == (demo.municipality, demo.title)
        marked, plain = tmp_path / f"{seed}-marked.json", tmp_path / f"{seed}-plain.json"
        write_report(report, marked)
        write_report(dataclasses.replace(report, origin=Origin()), plain)
        assert marked.read_bytes() == plain.read_bytes()
        assert "«ตัวอย่าง»" not in marked.read_text(encoding="utf-8")
