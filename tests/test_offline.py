"""No network at all: start-up, an edit, an export and printing to a file, with every
socket refused."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

NO_NETWORK = r"""
import socket
def refuse(*args, **kwargs):
    raise OSError("network used: " + repr(args))
socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
"""


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args))
        raise OSError("no network here")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def test_start_edit_export_print_without_network(offline, qtbot, tmp_path: Path):
    from PySide6.QtPrintSupport import QPrinter

    from itadesk.export.jobs import export_report
    from itadesk.ui.app import make_app, open_library
    from itadesk.ui.main_window import MainWindow

    make_app()
    library = open_library(tmp_path / "library.sqlite")
    assert library is not None
    window = MainWindow(library)
    qtbot.addWidget(window)
    window.show()
    rid = library.list_reports()[0].id
    window.open_report(rid)
    window.session.set_cells([(0, "owner", "กองคลัง")])
    export_report(library.load_report(rid), tmp_path / "r.pdf")
    export_report(library.load_report(rid), tmp_path / "r.docx")
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert window.print_to(printer) > 0
    window.close()
    library.close()
    assert offline == []


def test_the_export_process_uses_no_network(tmp_path: Path):
    code = NO_NETWORK + (
        "import sys\nfrom itadesk.cli import main\n"
        f"sys.exit(main(['export', '--demo', '001', '-o', {str(tmp_path / 'c.pdf')!r}]))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "c.pdf").read_bytes().startswith(b"%PDF")
