"""The preview's own process: started once by the window, it lays out every version of
the report the window hands it, for as long as the window lives.

A new process per refresh spent most of the wait starting Python, importing ReportLab
and reading the fonts; this one does that once, and lays out a small report before the
first request so the first refresh is as quick as the next.

The window and the process talk through files in a folder of the window's (a windowed
program on Windows has no usable stdin or stdout):

- the window writes ``request-N.json`` (an exchange file; written under another name
  and renamed, so it is never read half written);
- the process lays out the newest request (older ones are out of date and dropped),
  writes ``result-N.pdf``, then ``result-N.json`` last: ``{"measure_pages": [[measure,
  page], …], "took": seconds}``, or ``{"error": thai, "english": …}``;
- ``stop`` in the folder, the folder gone or the window's process gone ends it.

Qt-free: the window's side is ui/preview_worker.py.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
import time
from pathlib import Path

REQUEST = re.compile(r"request-(\d+)\.json")
STOP = "stop"
POLL_S = 0.02  # how often the folder is looked at: a stat, nothing read
PARENT_CHECK_S = 1.0


def request_path(folder: Path, number: int) -> Path:
    return folder / f"request-{number}.json"


def result_paths(folder: Path, number: int) -> tuple[Path, Path]:
    """(the PDF, the note written after it)."""
    return folder / f"result-{number}.pdf", folder / f"result-{number}.json"


def put(path: Path, data: bytes) -> None:
    """Written under another name, then renamed: the reader never sees half a file.
    (No fsync: these files live only while the window does.)"""
    part = path.with_name(path.name + ".part")
    part.write_bytes(data)
    os.replace(part, path)


def render(data: bytes) -> tuple[bytes, dict[int, int]]:
    """An exchange file's bytes → the PDF and where each measure's row starts."""
    from ..document import ExportOptions, build_document
    from ..exchange.jsonfile import exchange_from_dict
    from .pdf import laid_out

    # The window's own report_to_dict made these bytes: neither the bounds of parse() nor
    # the schema can find anything, and together they were a quarter of a refresh.
    found = exchange_from_dict(json.loads(data), trusted=True)
    document = build_document(found.report, ExportOptions.from_report(found.report),
                              found.layout, carry=False)
    out = laid_out(document, compress=False, reuse=True)
    return out.data, out.measure_pages, out.page_labels


def _warm_up() -> None:
    """Fonts read, shaper and segmenter loaded: the first real refresh does not pay."""
    import dataclasses

    from ..demo import read_demo
    from ..exchange.jsonfile import report_to_dict

    demo = read_demo("001")
    small = dataclasses.replace(demo, measures=demo.measures[:3])
    render(json.dumps(report_to_dict(small), ensure_ascii=False).encode("utf-8"))


def _newest(folder: Path) -> tuple[int, Path] | None:
    found = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            match = REQUEST.fullmatch(entry.name)
            if match:
                found.append((int(match.group(1)), Path(entry.path)))
    if not found:
        return None
    found.sort()
    for _number, old in found[:-1]:
        with contextlib.suppress(OSError):
            old.unlink()
    return found[-1]


def _answer(folder: Path, number: int, request: Path) -> None:
    from ..guard import explain

    pdf, note = result_paths(folder, number)
    start = time.perf_counter()
    try:
        data, measure_pages, labels = render(request.read_bytes())
        put(pdf, data)
        answer: dict[str, object] = {"measure_pages": sorted(measure_pages.items()),
                                     "page_labels": list(labels),
                                     "took": round(time.perf_counter() - start, 4)}
    except Exception as exc:  # told to the window, which shows it and goes on
        told = explain(exc, "itadesk preview-server")
        answer = {"error": told.thai, "english": told.english}
    with contextlib.suppress(OSError):
        request.unlink()
    put(note, json.dumps(answer, ensure_ascii=False).encode("utf-8"))


def parent_alive(pid: int) -> bool:
    if sys.platform == "win32":
        import ctypes

        kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def serve(folder: Path, parent_pid: int | None) -> int:
    """Answer requests until told to stop (or left alone)."""
    _warm_up()
    checked = time.monotonic()
    while True:
        if (folder / STOP).exists() or not folder.is_dir():
            return 0
        if parent_pid is not None and time.monotonic() - checked > PARENT_CHECK_S:
            if not parent_alive(parent_pid):
                return 0
            checked = time.monotonic()
        newest = _newest(folder)
        if newest is None:
            time.sleep(POLL_S)
            continue
        _answer(folder, *newest)
