"""Windows of two clerks on one server library, driven by real keys: an edit in one is shown
in the other within a second, each sees who else has the report open, the same cell typed
in both is offered as a conflict with a choice, and a server stopped midway gives a Thai
banner while the window stays readable, the edit kept and sent when the server is back."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication

from itadesk.store import Library
from itadesk.ui.app import make_app, open_library
from itadesk.ui.main_window import MainWindow

from .pgcluster import Cluster, with_demos
from .processes import itadesk
from .test_window import activate, click_cell
from .ui_helpers import click_button, type_text, when_dialog_opens

CTRL = Qt.KeyboardModifier.ControlModifier
RESULT = 4  # ผลการดำเนินการ, in the demo's six-timing-first layout


def _windows(qtbot, pg_url: str, layout: str) -> Iterator[tuple[MainWindow, MainWindow, int]]:
    make_app()
    windows: list[MainWindow] = []
    for _ in range(2):
        library = open_library(with_demos(pg_url))
        assert library is not None
        window = MainWindow(library)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        windows.append(window)
    rid = next(s.id for s in windows[0].library.list_reports() if s.layout == layout)
    for window in windows:
        window.open_report(rid)
    yield windows[0], windows[1], rid
    for window in windows:
        window.close()
        window.library.close()


@pytest.fixture
def two_windows(qtbot, pg_url: str) -> Iterator[tuple[MainWindow, MainWindow, int]]:
    yield from _windows(qtbot, pg_url, "six-timing-first")


@pytest.fixture
def two_on_signed(qtbot, pg_url: str) -> Iterator[tuple[MainWindow, MainWindow, int]]:
    """Two windows on the demo report that has signers and a memo."""
    yield from _windows(qtbot, pg_url, "six-guidelines")


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


def _type_signer(qtbot, window: MainWindow, name: str, *, finish: bool = True) -> None:
    """Type over the first signer's name in the report's form, with keys."""
    activate(qtbot, window)
    page = window.report_page
    page.tabs.setCurrentWidget(page.form)
    table = page.form.signers
    click_cell(qtbot, table, 0, 0)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not table
    qtbot.keyClick(editor, Qt.Key.Key_A, CTRL)
    type_text(editor, name)
    if finish:
        _finish_signer(qtbot, table)


def _finish_signer(qtbot, table) -> None:
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    # the table closes the editor a moment after
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def _type_memo(qtbot, window: MainWindow, field: str, text: str) -> None:
    """Type over a field of the memo, with keys, and leave it (Tab saves it)."""
    activate(qtbot, window)
    page = window.report_page
    page.tabs.setCurrentWidget(page.memo)
    widget = page.memo.lines.get(field) or page.memo.texts[field]
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, CTRL)
    type_text(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def _answer(asked: list[str], button: str) -> None:
    def answer(box) -> None:
        asked.append(box.text())
        click_button(button)(box)

    when_dialog_opens(answer)


@pytest.mark.parametrize("choice", ["mine", "theirs"])
def test_a_signer_typed_in_two_windows_is_offered_as_a_conflict(qtbot, two_on_signed,
                                                                  choice: str):
    a, b, rid = two_on_signed
    _type_signer(qtbot, b, "นางบี พิมพ์ทีหลัง", finish=False)  # B is still typing
    with Library.open(a.library.location, take_backup=False) as other:  # another clerk
        signers = other.load_report(rid).signers
        other.update_report(rid, signers=(dataclasses.replace(signers[0], name="นายเอ พิมพ์ก่อน"),
                                          *signers[1:]))
    qtbot.waitUntil(lambda: a.report_page.form.signers.item(0, 0).text() == "นายเอ พิมพ์ก่อน",
                    timeout=1000)
    qtbot.wait(300)  # B heard of it too: the signers B types in are left alone
    table = b.report_page.form.signers
    assert table.state() == QAbstractItemView.State.EditingState
    asked: list[str] = []
    _answer(asked, "ใช้ข้อความของฉัน" if choice == "mine" else "ใช้ข้อความของ postgres")
    _finish_signer(qtbot, table)
    qtbot.waitUntil(lambda: bool(asked))
    assert "ผู้ลงนามท้ายรายงาน" in asked[0]
    assert "นายเอ พิมพ์ก่อน" in asked[0] and "นางบี พิมพ์ทีหลัง" in asked[0]
    assert "{" not in asked[0]  # said in words, not as the library keeps it
    want = "นางบี พิมพ์ทีหลัง" if choice == "mine" else "นายเอ พิมพ์ก่อน"
    qtbot.waitUntil(lambda: b.report_page.form.signers.item(0, 0).text() == want)
    assert b.session.report.signers[0].name == want
    with Library.open(a.library.location, take_backup=False) as other:
        saved = other.load_report(rid).signers
        assert saved[0].name == want and len(saved) == 2  # the second signer untouched
        assert other.integrity_ok()


def test_two_clerks_choosing_other_options_and_typing_other_memo_fields_keep_both(
        qtbot, two_on_signed):
    from PySide6.QtWidgets import QCheckBox

    a, b, rid = two_on_signed

    def tick_cover(dialog) -> None:
        box = dialog.findChild(QCheckBox, "option_cover")
        assert not box.isChecked()  # the demo's
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Space)

    _choose_options(qtbot, a, tick_cover)
    # (whether or not B has heard of A's choice yet)
    _choose_options(qtbot, b, lambda dialog: _portrait(qtbot, dialog))
    _type_memo(qtbot, a, "subject", "เรื่องที่เอพิมพ์")
    _type_memo(qtbot, b, "facts", "ข้อเท็จจริงที่บีพิมพ์")
    with Library.open(a.library.location, take_backup=False) as other:
        report = other.load_report(rid)
    assert report.options["cover"] is True and report.options["orientation"] == "portrait"
    assert report.memo.subject == "เรื่องที่เอพิมพ์"
    assert report.memo.facts == "ข้อเท็จจริงที่บีพิมพ์"


def _choose_options(qtbot, window: MainWindow, action) -> None:
    """The export options dialog opened from the menu, `action` done in it, then ตกลง."""
    from PySide6.QtWidgets import QDialogButtonBox

    activate(qtbot, window)
    done: list[bool] = []

    def fill(dialog) -> None:
        action(dialog)
        ok = next(bt for bt in dialog.findChildren(QDialogButtonBox)[0].buttons()
                  if bt.text() == "ตกลง")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        done.append(True)

    when_dialog_opens(fill)
    window.options_action.trigger()
    assert done


def _portrait(qtbot, dialog) -> None:
    from PySide6.QtWidgets import QComboBox

    combo = dialog.findChild(QComboBox)
    combo.setFocus()
    for _ in range(combo.count()):
        if combo.currentData() == "portrait":
            break
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == "portrait"


def test_another_clerks_option_heard_while_the_dialog_is_open_is_kept(qtbot, two_on_signed):
    """The options dialog shows the report as it was when it opened; another clerk's choice
    heard meanwhile (the dialog's own event loop takes the notice) is not undone by OK.
    Before: OK compared the dialog's choices with the newer report and put the cover back."""
    from itadesk.domain.report_parts import changed_parts
    from itadesk.store.versions import REPORT_ROW, CellEdit

    a, b, rid = two_on_signed

    def cover_chosen_elsewhere_then_portrait(dialog) -> None:
        with Library.open(a.library.location, take_backup=False) as other:
            read = other.load_report(rid)
            rv = other.row_versions(rid)[REPORT_ROW]
            edits = [CellEdit(REPORT_ROW, part, text, rv, base) for part, base, text in
                     changed_parts("options", read.options, {**read.options, "cover": True})]
            assert other.edit_cells(rid, edits).saved
        qtbot.waitUntil(lambda: b.session.report.options.get("cover") is True, timeout=5000)
        _portrait(qtbot, dialog)

    _choose_options(qtbot, b, cover_chosen_elsewhere_then_portrait)
    with Library.open(a.library.location, take_backup=False) as other:
        options = other.load_report(rid).options
    assert options.get("cover") is True and options["orientation"] == "portrait"
    assert b.session.report.options.get("cover") is True


def test_a_layout_chosen_on_the_office_library_gives_the_table_its_columns(qtbot,
                                                                           two_windows):
    a, _b, rid = two_windows
    activate(qtbot, a)
    page = a.report_page
    page.tabs.setCurrentWidget(page.form)
    box = page.form.layout_box
    box.setFocus()
    before = box.currentData()
    qtbot.keyClick(box, Qt.Key.Key_Down)
    chosen = box.currentData()
    assert chosen != before
    qtbot.waitUntil(lambda: a.session.report.layout == chosen)
    assert a.session.model.layout.id == chosen  # the table's columns are the new layout's
    headers = [c.header for c in a.session.model.layout.columns]
    model = page.table.model()
    assert [model.headerData(i, Qt.Orientation.Horizontal) for i in range(len(headers))] == headers
    with Library.open(a.library.location, take_backup=False) as other:
        assert other.load_report(rid).layout == chosen


def test_another_clerks_report_fields_signers_options_and_memo_show_within_a_second(
        qtbot, two_on_signed):
    """The form, the signers, the options and the memo follow another clerk's saves as
    the table does; the memo field this clerk is typing in is left alone, and saved."""
    a, b, rid = two_on_signed
    activate(qtbot, b)
    page = b.report_page
    page.tabs.setCurrentWidget(page.memo)
    facts = page.memo.texts["facts"]
    facts.setFocus()
    qtbot.keyClick(facts, Qt.Key.Key_A, CTRL)
    type_text(facts, "บีกำลังพิมพ์ข้อเท็จจริง")  # not left yet: not saved
    with Library.open(a.library.location, take_backup=False) as other:  # another clerk
        report = other.load_report(rid)
        signer = dataclasses.replace(report.signers[0], name="นายอื่น ลงนามแทน")
        other.update_report(rid, title="ชื่อที่อีกคนตั้ง", signers=(signer, *report.signers[1:]),
                            options={**report.options, "cover": True},
                            memo=dataclasses.replace(report.memo, subject="เรื่องของอีกคน",
                                                     facts="ข้อเท็จจริงของอีกคน"))
    form = page.form
    qtbot.waitUntil(lambda: form.lines["title"].text() == "ชื่อที่อีกคนตั้ง", timeout=1000)
    assert form.signers.item(0, 0).text() == "นายอื่น ลงนามแทน" and form.cover.isChecked()
    assert page.memo.lines["subject"].text() == "เรื่องของอีกคน"
    assert facts.text() == "บีกำลังพิมพ์ข้อเท็จจริง" and facts.hasFocus()  # left alone
    asked: list[str] = []
    _answer(asked, "ใช้ข้อความของฉัน")
    qtbot.keyClick(facts, Qt.Key.Key_Tab)  # B leaves the field: typed over the old facts
    qtbot.waitUntil(lambda: bool(asked))
    assert "«ข้อเท็จจริงของอีกคน»" in asked[0] and "«บีกำลังพิมพ์ข้อเท็จจริง»" in asked[0]
    with Library.open(a.library.location, take_backup=False) as other:
        qtbot.waitUntil(lambda: other.load_report(rid).memo.facts == "บีกำลังพิมพ์ข้อเท็จจริง")
        saved = other.load_report(rid)
    assert saved.memo.subject == "เรื่องของอีกคน" and saved.title == "ชื่อที่อีกคนตั้ง"
    # the first window heard of all of it too
    qtbot.waitUntil(lambda: a.session.report.memo.facts == "บีกำลังพิมพ์ข้อเท็จจริง",
                    timeout=1000)
    assert a.report_page.form.lines["title"].text() == "ชื่อที่อีกคนตั้ง"


def test_a_memo_field_typed_while_the_server_is_away_is_kept_and_sent_as_that_field(
        qtbot, two_on_signed, pg_cluster: Cluster):
    """Told by the banner alone (no 'nothing was changed' dialog), kept on this PC, and sent
    when the server is back as the one field typed: another clerk's field is not wiped."""
    a, b, rid = two_on_signed
    with Library.open(a.library.location, take_backup=False) as other:
        memo = other.load_report(rid).memo
        other.update_report(rid, memo=dataclasses.replace(memo, agency="กองของอีกคน"))
    # (B may not have heard of it yet: its memo is then older than the library's)
    failures: list[str] = []
    b.session.failed.connect(lambda message, _english: failures.append(message))
    pg_cluster.stop("fast")
    try:
        _type_memo(qtbot, b, "facts", "พิมพ์ตอนเครื่องแม่ข่ายดับ")
        qtbot.waitUntil(b.office.banner.isVisible)
        assert failures == [] and QApplication.activeModalWidget() is None
        assert [e.field for e in b.library.held_edits(rid)] == ["memo.facts"]
    finally:
        pg_cluster.start()
    qtbot.waitUntil(lambda: not b.office.banner.isVisible(), timeout=10000)
    with Library.open(a.library.location, take_backup=False) as other:
        saved = other.load_report(rid).memo
    assert (saved.agency, saved.facts) == ("กองของอีกคน", "พิมพ์ตอนเครื่องแม่ข่ายดับ")
    assert b.library.held_edits(rid) == [] and failures == []
