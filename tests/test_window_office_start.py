"""The first start and the next ones on the office's server library, as a clerk meets
them: nothing put into the shared library unasked, the library the window opened last
opened again (and said plainly where it is), a server that does not answer said so with
a way on, and the login the dialog suggests."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from itadesk.store import Library
from itadesk.ui.app import make_app, open_library
from itadesk.ui.main_window import MainWindow

from .ui_helpers import when_dialog_opens


def _window(qtbot, library: Library) -> MainWindow:
    make_app()
    window = MainWindow(library)
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_first_start_on_an_empty_server_library_puts_no_demo_reports_in(qtbot,
                                                                            pg_url: str):
    library = open_library(pg_url)
    assert library is not None
    window = _window(qtbot, library)
    try:
        assert window.library_page.table.rowCount() == 0
        assert window.library_page.empty.isVisible()  # what to do in an empty library
        with Library.open(pg_url, take_backup=False) as other:
            assert other.list_reports() == []  # not on the shared server for everyone
    finally:
        window.close()
        window.library.close()


def test_a_new_library_file_still_starts_with_the_demo_reports(qtbot, tmp_path):
    library = open_library(tmp_path / "new.sqlite")
    assert library is not None
    try:
        assert len(library.list_reports()) == 3
        window = _window(qtbot, library)
        assert not window.library_page.empty.isVisible()
        window.close()
    finally:
        library.close()


@pytest.mark.parametrize(("os_user", "offered"), [("root", ""), ("postgres", ""),
                                                  ("somchai", "somchai")])
def test_the_server_dialog_suggests_the_clerks_own_login_never_root(
        qtbot, tmp_path, monkeypatch, os_user: str, offered: str):
    from itadesk.ui.server_dialog import ServerDialog

    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.setenv(name, os_user)
    window = _window(qtbot, Library.open(tmp_path / "mine.sqlite"))
    seen = []

    def look(dialog) -> None:
        assert isinstance(dialog, ServerDialog)
        seen.append((dialog.user.text(), dialog.user.placeholderText()))
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    when_dialog_opens(look)
    try:
        assert not window.open_server_library()
        assert seen and seen[0][0] == offered
        assert seen[0][1]  # a hint in the empty field: what to type there
    finally:
        window.close()
        window.library.close()


@pytest.fixture
def this_pc(tmp_path, monkeypatch):
    """This PC's own data folder (where the library of a start without --library is)."""
    from itadesk.store.library import ENV_LIBRARY, local_library_path

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv(ENV_LIBRARY, raising=False)
    return local_library_path()


def _start(qtbot) -> MainWindow:
    """A start without --library, as from the desktop icon (the path cli.py gives run)."""
    from itadesk.store.library import default_library_path

    library = open_library(default_library_path())
    assert library is not None
    return _window(qtbot, library)


def test_a_start_without_library_opens_the_server_library_opened_last(qtbot, pg_url: str,
                                                                      this_pc):
    first = _window(qtbot, Library.open(pg_url, take_backup=False))  # --library postgresql://…
    first.close()
    first.library.close()
    again = _start(qtbot)
    try:
        assert again.library.dialect.server and again.library.location == pg_url
        assert not this_pc.exists()  # no new library of this PC with demo reports
        said = again.library_page.where.text()
        assert said.startswith("คลังรายงานบนเครื่องแม่ข่าย «") and "(ผู้ใช้ postgres)" in said
        assert again.library_page.where.isVisible()
        assert "คลังรายงานบนเครื่องแม่ข่าย" in again.statusBar().currentMessage()
        # back to this PC's own library, from the menu: then every start opens that one
        assert again.open_local_library()
        assert again.library_page.where.text() == f"คลังรายงานในเครื่องนี้ ({this_pc})"
    finally:
        again.close()
        again.library.close()
    last = _start(qtbot)
    try:
        assert not last.library.dialect.server and last.library.location == this_pc
    finally:
        last.close()
        last.library.close()


def test_a_remembered_server_that_does_not_answer_is_said_and_this_pc_offered(
        qtbot, tmp_path, this_pc):
    import urllib.parse

    from itadesk import settings

    gone = urllib.parse.quote(str(tmp_path / "no-server"), safe="")
    kept = settings.Settings(office_library=f"postgresql://somchai@/ita?host={gone}")
    settings.save(kept)
    asked = []

    def answer(box) -> None:
        asked.append(box.text())
        button = next(b for b in box.buttons() if b.text() == "เปิดคลังรายงานในเครื่องนี้")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    make_app()
    when_dialog_opens(answer)
    window = _start(qtbot)
    try:
        assert "ติดต่อเครื่องแม่ข่าย" in asked[0] and "«ita»" in asked[0]
        assert window.library.location == this_pc and len(window.library.list_reports()) == 3
        said = window.library_page.where.text()
        assert said.startswith("คลังรายงานในเครื่องนี้") and "เครื่องแม่ข่าย «ita»" in said
        # ไฟล์ › เปิดคลังรายงานบนเครื่องแม่ข่าย… offers the office's again, filled in
        seen = []

        def look(dialog) -> None:
            seen.append((dialog.host.text(), dialog.database.text(), dialog.user.text()))
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)

        when_dialog_opens(look)
        assert not window.open_server_library()
        assert seen == [(str(tmp_path / "no-server"), "ita", "somchai")]
    finally:
        window.close()
        window.library.close()
    assert settings.load()[0].office_library == kept.office_library  # tried again next time


def _help_text(qtbot, window: MainWindow) -> str:
    from PySide6.QtTest import QTest

    from .test_window import activate

    activate(qtbot, window)
    window.library_page.table.setFocus()
    QTest.keyClick(window.library_page.table, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: getattr(window, "help_dialog", None) is not None
                    and window.help_dialog.isVisible())
    text = window.help_dialog.browser.toPlainText()
    window.help_dialog.close()
    return text


OFFICE_WORDS = ("คลังรายงานของสำนักงานบนเครื่องแม่ข่าย", "มีผู้แก้ไขช่องเดียวกัน",
                "ใช้ข้อความของฉัน", "ติดต่อเครื่องแม่ข่ายของคลังรายงานไม่ได้",
                "เปิดรายงานนี้อยู่ด้วย", "pgpass", "chmod 600")
FILE_ONLY = ("ทำให้ทุกครั้งที่เปิดโปรแกรม", "แฟลชไดรฟ์", "คลังรายงานเปิดอยู่ที่เครื่องอื่น",
             "คลังรายงานเสียหาย")


def test_f1_on_the_office_library_tells_of_the_server_not_of_files(qtbot, pg_url: str,
                                                                   tmp_path):
    from .thai_words import foreign_words

    window = _window(qtbot, Library.open(pg_url, take_backup=False))
    try:
        text = _help_text(qtbot, window)
        assert all(words in text for words in OFFICE_WORDS), text
        assert not [words for words in FILE_ONLY if words in text]
        assert "ผู้ดูแลเครื่องแม่ข่ายเป็นผู้สำรองข้อมูลของคลังนี้" in text
        assert window.library_page.where.text() in text  # which library, as the page says
        names = f"{window.library.who} {window.library.path.name}"  # login, database
        assert not [w for w in foreign_words(window.help_dialog) if w not in names]
    finally:
        window.close()
        window.library.close()
    mine = _window(qtbot, Library.open(tmp_path / "mine.sqlite"))
    try:
        text = _help_text(qtbot, mine)
        assert all(words in text for words in FILE_ONLY)  # a file's advice, for a file
        assert "คลังรายงานของสำนักงานบนเครื่องแม่ข่าย" in text  # and how to go to the office's
        assert "ผู้ดูแลเครื่องแม่ข่ายเป็นผู้สำรองข้อมูลของคลังนี้" not in text
    finally:
        mine.close()
        mine.library.close()
