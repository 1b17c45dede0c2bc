"""Exports and previews in a process of their own, so the window never waits for them.

A worker *thread* would share Python's lock with the window: while it lays out a long
report, every Qt call of the window waits its turn (we measured a 600-row read taking
1.8 s instead of 10 ms). A child process (`itadesk export … --status-file`) runs beside
the window; cancelling ends it, and since files are written to a temporary name and
renamed into place, the old file is never half overwritten.
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QTimer, Signal

from ..domain import Layout, Report
from ..exchange.jsonfile import write_report
from ..export.pending import cleanup_leftovers


def self_command() -> list[str]:
    """How to run this program's command line (the bundle, or Python with the package)."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "itadesk"]


class ExportJob(QObject):
    progress = Signal(int)  # percent
    succeeded = Signal(object)  # the file written
    failed = Signal(str)  # a Thai message
    cancelled = Signal()
    finished = Signal()  # after any of the three

    def __init__(self, report: Report, target: Path, parent: QObject | None = None, *,
                 layout: Layout | None = None) -> None:
        """`layout`: the report's, when it is the library's own (the child process reads
        the report, and its layout, from an exchange file)."""
        super().__init__(parent)
        self.target = target
        self._folder = tempfile.TemporaryDirectory(prefix="itadesk-job-")
        self._input = Path(self._folder.name) / "report.itadesk.json"
        write_report(report, self._input, layout)
        self._status = Path(self._folder.name) / "status.txt"
        self._status.touch()
        self._read_to = 0
        self._error_message = ""
        self.error_english = ""  # the support line of the last failure, for the message box
        self._cancelled = False
        self.process = QProcess(self)
        self.process.finished.connect(self._done)
        self.process.errorOccurred.connect(self._error)
        # The child reports through a file: a windowed program has no stdout on Windows.
        self._poll = QTimer(self)
        self._poll.setInterval(100)
        self._poll.timeout.connect(self._read)

    def start(self) -> None:
        program, *args = self_command()
        self.process.start(program, [*args, "export", str(self._input), "-o", str(self.target),
                                     "--status-file", str(self._status)])
        self._poll.start()

    def cancel(self) -> None:
        self._cancelled = True
        self.process.kill()

    def is_running(self) -> bool:
        return self.process.state() != QProcess.ProcessState.NotRunning

    def wait(self, ms: int = 60_000) -> bool:
        return self.process.waitForFinished(ms) or not self.is_running()

    def _read(self) -> None:
        with contextlib.suppress(OSError), self._status.open("rb") as fh:
            fh.seek(self._read_to)
            data = fh.read()
        complete = data[: data.rfind(b"\n") + 1] if b"\n" in data else b""
        self._read_to += len(complete)
        for line in complete.decode("utf-8", "replace").splitlines():
            if line.startswith("progress "):
                with contextlib.suppress(ValueError):
                    self.progress.emit(int(float(line.split()[1]) * 100))
            elif line.startswith("error "):
                self._error_message, _, self.error_english = line[len("error "):].partition("\t")

    def _done(self, code: int, _status: QProcess.ExitStatus) -> None:
        self._poll.stop()
        self._read()
        if self._cancelled:
            # The child was stopped mid-write: its temporary file goes, the target stays,
            # and another writer's temporary file of the same target stays too.
            cleanup_leftovers()
            self.cancelled.emit()
        elif code == 0:
            self.succeeded.emit(self.target)
        else:
            self.failed.emit(self._error_message
                             or "ส่งออกไม่สำเร็จ ไฟล์เดิมยังอยู่ครบ กรุณาลองอีกครั้ง")
        self._folder.cleanup()
        self.finished.emit()

    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._poll.stop()
            self.failed.emit("เริ่มการส่งออกไม่ได้ กรุณาปิดแล้วเปิดโปรแกรมใหม่ แล้วลองอีกครั้ง")
            self._folder.cleanup()
            self.finished.emit()
