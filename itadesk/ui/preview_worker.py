"""The window's side of the preview process (export/preview_server.py): one child for the
window's lifetime, started without waiting for it, started again if it dies, ended when
the window closes."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QTimer, Signal

from ..exchange.jsonfile import Exchange, report_to_dict
from ..export.preview_server import STOP, put, request_path, result_paths
from .jobs import self_command

POLL_MS = 10  # while a refresh is awaited: a stat of one file
FAILED = ("แสดงหน้ากระดาษข้างตารางไม่ได้ กรุณากด F5 เพื่อปิด แล้วกด F5 อีกครั้งเพื่อเปิดใหม่ "
          "งานที่พิมพ์ไว้ยังอยู่ครบ")


class PreviewWorker(QObject):
    rendered = Signal(bytes, object)  # the PDF; {measure index: page (from 0)}
    failed = Signal(str)  # a Thai message

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._files = tempfile.TemporaryDirectory(prefix="itadesk-preview-",
                                                  ignore_cleanup_errors=True)
        self.folder = Path(self._files.name)
        self._number = 0
        self._awaited: int | None = None
        self._restarts = 0  # of the child, while one request is awaited
        self.took = 0.0  # seconds the child spent on the last answer (for bench/)
        self.page_labels: list[str] = []  # of the last answer: each page's printed number
        self._closing = False
        self.process = QProcess(self)
        self.process.finished.connect(self._ended)
        self.process.errorOccurred.connect(self._error)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._look)

    def start(self) -> None:
        """Start the child unless it runs (returns at once: it warms up on its own)."""
        if self._closing or self.process.state() != QProcess.ProcessState.NotRunning:
            return
        program, *args = self_command()
        self.process.start(program, [*args, "preview-server", str(self.folder),
                                     "--parent-pid", str(os.getpid())])

    def busy(self) -> bool:
        return self._awaited is not None

    def render(self, found: Exchange) -> None:
        """Lay out `found`; asked again before the answer, only the newer one is answered
        (the child drops a request a newer one has overtaken)."""
        self._number += 1
        text = json.dumps(report_to_dict(found.report, found.layout), ensure_ascii=False)
        put(request_path(self.folder, self._number), text.encode("utf-8"))
        self._awaited = self._number
        self._restarts = 0
        self.start()
        self._poll.start()

    def _look(self) -> None:
        if self._awaited is None:
            self._poll.stop()
            return
        pdf, note = result_paths(self.folder, self._awaited)
        try:
            answer = json.loads(note.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError):
            answer = {"error": FAILED}
        self._awaited = None
        self._poll.stop()
        data = b""
        with contextlib.suppress(OSError):
            data = pdf.read_bytes()
        for path in self.folder.glob("result-*"):  # this one, and those overtaken
            with contextlib.suppress(OSError):
                path.unlink()
        if "error" in answer or not data:
            self.failed.emit(answer.get("error", FAILED))
            return
        self.took = float(answer.get("took", 0.0))
        self.page_labels = [str(label) for label in answer.get("page_labels", [])]
        self.rendered.emit(data, {int(m): int(p) for m, p in answer["measure_pages"]})

    def _ended(self, _code: int, _status: QProcess.ExitStatus) -> None:
        if self._closing or self._awaited is None:
            return  # started again with the next request
        if self._restarts < 1:  # died on this request: once more (the request is still there)
            self._restarts += 1
            self.start()
            return
        with contextlib.suppress(OSError):
            request_path(self.folder, self._awaited).unlink()
        self._awaited = None
        self._poll.stop()
        self.failed.emit(FAILED)

    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and not self._closing:
            self._awaited = None
            self._poll.stop()
            self.failed.emit("เริ่มแสดงหน้ากระดาษข้างตารางไม่ได้ กรุณาปิดแล้วเปิดโปรแกรมใหม่")

    def pid(self) -> int:
        return int(self.process.processId())

    def shutdown(self) -> None:
        """End the child now (it holds nothing worth waiting for) and remove the folder."""
        self._closing = True
        self._poll.stop()
        with contextlib.suppress(OSError):
            (self.folder / STOP).touch()
        if self.process.state() != QProcess.ProcessState.NotRunning:
            self.process.kill()
            self.process.waitForFinished(2000)
        self._files.cleanup()
