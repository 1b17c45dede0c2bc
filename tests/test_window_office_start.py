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
