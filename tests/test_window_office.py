"""Windows of two clerks on one server library, driven by real keys: an edit in one is shown
in the other within a second, each sees who else has the report open, the same cell typed
in both is offered as a conflict with a choice, and a server stopped midway gives a Thai
banner while the window stays readable, the edit kept and sent when the server is back."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from itadesk.store import Library
from itadesk.ui.app import make_app, open_library
from itadesk.ui.main_window import MainWindow

from .pgcluster import Cluster
from .processes import itadesk
from .test_window import activate, click_cell
from .ui_helpers import click_button, type_text, when_dialog_opens

CTRL = Qt.KeyboardModifier.ControlModifier
RESULT = 4  # ผลการดำเนินการ, in the demo's six-timing-first layout


@pytest.fixture
def two_windows(qtbot, pg_url: str) -> Iterator[tuple[MainWindow, MainWindow, int]]:
    make_app()
    windows: list[MainWindow] = []
    for _ in range(2):
        library = open_library(pg_url)  # the first makes the library with the demos
        assert library is not None
        window = MainWindow(library)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        windows.append(window)
    rid = next(s.id for s in windows[0].library.list_reports()
               if s.layout == "six-timing-first")
    for window in windows:
        window.open_report(rid)
    yield windows[0], windows[1], rid
    for window in windows:
        window.close()
        window.library.close()


def _type_into(qtbot, window: MainWindow, row: int, column: int, text: str, *,
               finish: bool = True) -> None:
    activate(qtbot, window)
    table = window.report_page.table
    click_cell(qtbot, table, row, column)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not table
    qtbot.keyClick(editor, Qt.Key.Key_A, CTRL)  # the demo's text, typed over
    type_text(editor, text)
    if finish:
        qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL)


def _shown(window: MainWindow, row: int, field: str) -> str:
    return window.session.model.measure(row).get(field)


def _saved(window: MainWindow, rid: int, row: int, field: str) -> str:
    with Library.open(window.library.location, take_backup=False) as other:
        return other.load_measures(rid)[row].get(field)


def test_an_edit_in_one_window_shows_in_the_other_within_a_second(qtbot, two_windows):
    a, b, rid = two_windows
    qtbot.waitUntil(lambda: "เปิดรายงานนี้อยู่ด้วย: postgres" in b.office.others_label.text(),
                    timeout=5000)
    _type_into(qtbot, a, 0, RESULT, "จัดอบรมแล้ว ๒ ครั้ง")
    assert _saved(a, rid, 0, "result") == "จัดอบรมแล้ว ๒ ครั้ง"
    qtbot.waitUntil(lambda: _shown(b, 0, "result") == "จัดอบรมแล้ว ๒ ครั้ง", timeout=1000)
    table = b.report_page.table
    assert table.model().index(0, RESULT).data() == "จัดอบรมแล้ว ๒ ครั้ง"
    b.close_report()
    qtbot.waitUntil(lambda: a.office.others_label.text() == "", timeout=5000)


@pytest.mark.parametrize("choice", ["mine", "theirs"])
def test_the_same_cell_typed_in_two_windows_is_offered_as_a_conflict(qtbot, two_windows,
                                                                      choice: str):
    a, b, rid = two_windows
    _type_into(qtbot, b, 1, RESULT, "ของหน้าต่างบี", finish=False)  # B is still typing
    b_editor = QApplication.focusWidget()
    # meanwhile another clerk saves the same cell (at the command line, so that B's
    # window keeps its focus and its editor open)
    run = itadesk("--library", a.library.location, "cell", str(rid), "2", "result",
                  "ของอีกคน")
    assert run.returncode == 0, run.stderr
    qtbot.waitUntil(lambda: _shown(a, 1, "result") == "ของอีกคน", timeout=1000)
    qtbot.wait(400)  # B heard of it too: the cell B types in is left alone
    assert _shown(b, 1, "result") != "ของอีกคน" and b_editor.isVisible()
    asked = []

    def answer(box) -> None:
        asked.append(box.text())
        click_button("ใช้ข้อความของฉัน" if choice == "mine" else "ใช้ข้อความของ postgres")(box)

    when_dialog_opens(answer)
    qtbot.keyClick(b_editor, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: bool(asked))
    assert "«ของอีกคน»" in asked[0] and "«ของหน้าต่างบี»" in asked[0]
    want = "ของหน้าต่างบี" if choice == "mine" else "ของอีกคน"
    qtbot.waitUntil(lambda: _shown(b, 1, "result") == want)
    assert _saved(a, rid, 1, "result") == want
    qtbot.waitUntil(lambda: _shown(a, 1, "result") == want, timeout=1000)
    assert a.library.integrity_ok()


def test_a_server_stopped_midway_leaves_the_window_readable_and_loses_no_edit(
        qtbot, two_windows, pg_cluster: Cluster):
    a, b, rid = two_windows
    pg_cluster.stop("fast")
    try:
        _type_into(qtbot, a, 2, RESULT, "พิมพ์ตอนเครื่องแม่ข่ายดับ")
        qtbot.waitUntil(a.office.banner.isVisible)
        assert "ติดต่อเครื่องแม่ข่าย" in a.office.banner.text.text()
        assert _shown(a, 2, "result") == "พิมพ์ตอนเครื่องแม่ข่ายดับ"  # shown, kept
        assert a.report_page.table.model().rowCount() > 3  # still readable
        qtbot.waitUntil(b.office.banner.isVisible, timeout=5000)
    finally:
        pg_cluster.start()
    qtbot.waitUntil(lambda: not a.office.banner.isVisible(), timeout=10000)
    assert _saved(a, rid, 2, "result") == "พิมพ์ตอนเครื่องแม่ข่ายดับ"
    qtbot.waitUntil(lambda: not b.office.banner.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: _shown(b, 2, "result") == "พิมพ์ตอนเครื่องแม่ข่ายดับ",
                    timeout=5000)
    assert a.library.held_edits(rid) == []


def test_the_clerk_opens_the_office_library_from_the_menu(qtbot, pg_cluster: Cluster,
                                                          pg_url: str, tmp_path):
    from itadesk import settings
    from itadesk.store.library import default_library_path
    from itadesk.ui.server_dialog import ServerDialog

    make_app()
    window = MainWindow(Library.open(tmp_path / "mine.sqlite"))
    qtbot.addWidget(window)
    window.show()
    assert window.office is None  # a library file: one clerk
    database = pg_url.split("/")[3].split("?")[0]

    def fill(dialog) -> None:
        assert isinstance(dialog, ServerDialog)
        # the password is never asked for: the dialog says where it goes
        assert any("pgpass" in label.text() and "600" in label.text()
                   for label in dialog.findChildren(type(dialog.problem)))
        for field, text in ((dialog.host, str(pg_cluster.socket)),
                            (dialog.database, database), (dialog.user, "postgres")):
            field.selectAll()
            field.setFocus()
            type_text(field, text)
        qtbot.keyClick(dialog.user, Qt.Key.Key_Return)

    when_dialog_opens(fill)
    try:
        assert window.open_server_library()
        assert window.library.dialect.server and window.office is not None
        assert window.library.who == "postgres"
        kept = settings.load()[0].office_library
        assert kept.startswith("postgresql://postgres@") and kept.endswith(f"/{database}")
        assert default_library_path() == kept  # the next start opens it too
    finally:
        window.close()
        window.library.close()


def test_a_report_field_saved_by_another_clerk_is_offered_not_overwritten(qtbot, two_windows):
    a, b, rid = two_windows
    run = itadesk("--library", a.library.location, "cell", str(rid), "0", "title",
                  "ชื่อที่อีกคนตั้ง")
    assert run.returncode == 0, run.stderr
    asked = []

    def answer(box) -> None:
        asked.append(box.text())
        click_button("ใช้ข้อความของ postgres")(box)

    when_dialog_opens(answer)
    b.session.set_report_field("title", "ชื่อที่บีพิมพ์")  # the form's way of saving a field
    qtbot.waitUntil(lambda: bool(asked))
    assert "ข้อมูลรายงาน" in asked[0] and "«ชื่อที่อีกคนตั้ง»" in asked[0]
    qtbot.waitUntil(lambda: b.session.report.title == "ชื่อที่อีกคนตั้ง")
    with Library.open(a.library.location, take_backup=False) as other:
        assert other.load_report(rid).title == "ชื่อที่อีกคนตั้ง"
