"""What the clerk sees of the office's server library while working: the red banner and
the row toolbar never move what is under the mouse, the status bar says nothing of who
else is there while the server is lost and never runs one text into another, a text
another clerk's choice replaced is said, and the conflict question names the cell."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from itadesk.ui.main_window import MainWindow

from .pgcluster import Cluster
from .test_window import click_cell
from .test_window_office import RESULT, two_windows  # noqa: F401  (the fixture)


def _at(widget, point: QPoint) -> QPoint:
    return widget.mapToGlobal(point)


def _cell_centre(window: MainWindow, row: int, column: int) -> QPoint:
    table = window.report_page.table
    return table.viewport().mapToGlobal(
        table.visualRect(table.model().index(row, column)).center())


def test_the_server_lost_banner_moves_nothing_under_the_mouse(qtbot, two_windows,  # noqa: F811
                                                              pg_cluster: Cluster):
    a, _b, _rid = two_windows
    table = a.report_page.table
    click_cell(qtbot, table, 0, RESULT)
    aimed = _cell_centre(a, 1, RESULT)  # where the clerk's mouse is, on row 2
    tabs = _at(a.report_page.tabs.tabBar(), QPoint(0, 0))
    pg_cluster.stop("fast")
    try:
        qtbot.waitUntil(a.office.banner.isVisible, timeout=5000)
        qtbot.wait(50)
        assert _cell_centre(a, 1, RESULT) == aimed
        assert _at(a.report_page.tabs.tabBar(), QPoint(0, 0)) == tabs
        # the click lands where it was aimed: row 2, not row 1
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                         pos=table.viewport().mapFromGlobal(aimed))
        assert table.currentIndex().row() == 1
        banner = a.office.banner
        words = banner.text  # all its lines shown, none cut off
        assert words.isVisible() and words.heightForWidth(words.width()) <= words.height()
        # it lies over the window's foot, whole, above the status bar
        foot = banner.mapTo(a, QPoint(0, banner.height()))
        assert foot.y() <= a.statusBar().mapTo(a, QPoint(0, 0)).y()
    finally:
        pg_cluster.start()
    qtbot.waitUntil(lambda: not a.office.banner.isVisible(), timeout=10000)


def test_the_tab_row_stays_put_when_the_table_tab_is_clicked(qtbot, two_windows):  # noqa: F811
    a, _b, _rid = two_windows
    page = a.report_page
    bar = page.tabs.tabBar()

    def click_tab(index: int) -> None:
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
        assert page.tabs.currentIndex() == index
        qtbot.wait(20)  # the layout is done again after the event

    click_tab(1)
    where = _at(bar, QPoint(0, 0))
    click_tab(0)  # the row toolbar comes back above the tabs
    assert _at(bar, QPoint(0, 0)) == where
    click_tab(1)  # a second click where the first tab's neighbour was: still a tab
    assert _at(bar, QPoint(0, 0)) == where


def test_while_the_server_is_lost_the_status_bar_says_no_one_else_and_runs_into_nothing(
        qtbot, two_windows, pg_cluster: Cluster):  # noqa: F811
    from itadesk.store import ServerUnreachable
    from itadesk.thai.linebreak import break_offsets

    a, _b, _rid = two_windows
    a.resize(683, 740)  # two windows side by side on a 1366×768 screen, as the clerk had
    others = a.office.others_label
    qtbot.waitUntil(lambda: others.text() == "เปิดรายงานนี้อยู่ด้วย: postgres", timeout=5000)
    pg_cluster.stop("fast")
    try:
        qtbot.waitUntil(a.office.banner.isVisible, timeout=5000)
        assert others.text() == ""  # not known while the server is away
        said = ServerUnreachable(a.library.path).message
        a.statusBar().showMessage(said, 15000)
        a.session.model.set_fields([])  # nothing: the window goes on, the status stays
        qtbot.wait(300)
        assert others.text() == ""
        bar = a.statusBar()
        assert bar.currentMessage() == said and bar.toolTip() == said
        shown = bar.shown_message()
        assert shown.endswith("…") and said.startswith(shown[:-1].rstrip())
        assert len(shown[:-1].rstrip()) in {*break_offsets(said), *(
            i for i, ch in enumerate(said) if ch == " ")}  # at a word, not mid-word
        ends = 6 + bar.fontMetrics().horizontalAdvance(shown)
        labels = [w for w in (others, a.saved_label) if w.isVisible() and w.text()]
        assert all(ends + 10 <= w.x() for w in labels)
    finally:
        pg_cluster.start()
    qtbot.waitUntil(lambda: not a.office.banner.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: others.text() == "เปิดรายงานนี้อยู่ด้วย: postgres", timeout=5000)


def test_a_text_another_clerk_put_over_mine_is_said_and_ctrl_z_takes_mine_back(
        qtbot, two_windows):  # noqa: F811
    from itadesk.store import Library

    from .processes import itadesk
    from .test_window_office import _shown, _type_into

    a, b, rid = two_windows
    _type_into(qtbot, a, 0, RESULT, "ของเอ")
    qtbot.waitUntil(lambda: _shown(b, 0, "result") == "ของเอ", timeout=1500)
    # the other clerk's text over A's (as their "ใช้ข้อความของฉัน" sends it), at the command
    # line, so that nothing of A's window moves meanwhile
    run = itadesk("--library", a.library.location, "cell", str(rid), "1", "result",
                  "ของอีกคน")
    assert run.returncode == 0, run.stderr
    qtbot.waitUntil(lambda: _shown(a, 0, "result") == "ของอีกคน", timeout=1500)
    said = a.statusBar().currentMessage()
    header = " ".join(a.session.model.headerData(RESULT, Qt.Orientation.Horizontal).split())
    assert said.startswith(f"postgres แก้แถวที่ ๑ ช่อง «{header}» ที่คุณพิมพ์ไว้ · กด Ctrl+Z "
                           "เพื่อใช้ข้อความของคุณ «ของเอ» อีกครั้ง"), said
    assert said.endswith("ข้อความตอนนี้ «ของอีกคน»")
    assert b.statusBar().currentMessage() != said  # B typed nothing there: nothing to say
    # Ctrl+Z in A's table: A's text again, saved for everyone
    table = a.report_page.table
    a.activateWindow()
    qtbot.waitUntil(a.isActiveWindow)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _shown(a, 0, "result") == "ของเอ", timeout=1500)
    with Library.open(a.library.location, take_backup=False) as other:
        assert other.load_measures(rid)[0].result == "ของเอ"
    qtbot.waitUntil(lambda: _shown(b, 0, "result") == "ของเอ", timeout=1500)


def test_the_conflict_question_names_the_row_and_the_column(qtbot, two_windows):  # noqa: F811
    from PySide6.QtWidgets import QApplication

    from .processes import itadesk
    from .test_window_office import _shown, _type_into
    from .ui_helpers import click_button, when_dialog_opens

    a, b, rid = two_windows
    _type_into(qtbot, b, 1, RESULT, "ของหน้าต่างบี", finish=False)
    b_editor = QApplication.focusWidget()
    run = itadesk("--library", a.library.location, "cell", str(rid), "2", "result",
                  "ของอีกคน")
    assert run.returncode == 0, run.stderr
    qtbot.waitUntil(lambda: _shown(a, 1, "result") == "ของอีกคน", timeout=1500)
    qtbot.wait(400)
    asked = []

    def answer(box) -> None:
        asked.append(box.text())
        click_button("ใช้ข้อความของ postgres")(box)

    when_dialog_opens(answer)
    qtbot.keyClick(b_editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(asked))
    header = " ".join(b.session.model.headerData(RESULT, Qt.Orientation.Horizontal).split())
    assert f"(แถวที่ ๒ ช่อง «{header}»)" in asked[0]
    assert "ตอนนี้ตารางแสดงข้อความของ postgres" in asked[0]


def test_the_conflict_question_on_a_report_field_names_the_field_not_the_table(
        qtbot, two_windows):  # noqa: F811
    from .processes import itadesk
    from .test_window import activate
    from .ui_helpers import click_button, type_text, when_dialog_opens

    a, b, rid = two_windows
    run = itadesk("--library", a.library.location, "cell", str(rid), "0", "prepared_by",
                  "กองยุทธศาสตร์")
    assert run.returncode == 0, run.stderr
    activate(qtbot, b)
    page = b.report_page
    qtbot.mouseClick(page.tabs.tabBar(), Qt.MouseButton.LeftButton,
                     pos=page.tabs.tabBar().tabRect(1).center())
    field = page.form.lines["prepared_by"]
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(field, "กองคลัง")
    asked = []

    def answer(box) -> None:
        asked.append(box.text())
        click_button("ใช้ข้อความของ postgres")(box)

    when_dialog_opens(answer)
    qtbot.keyClick(field, Qt.Key.Key_Tab)  # leaving the field saves it
    qtbot.waitUntil(lambda: bool(asked))
    assert "(ข้อมูลรายงาน ช่อง «จัดทำโดย»)" in asked[0]
    assert "ตาราง" not in asked[0]  # it is a form's field, not the table
