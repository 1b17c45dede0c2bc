"""Export from the window (issue: export, preview and print). Prints figures only.

    .venv/bin/python bench/bench_window_export.py

- the longest gap between two ticks of the window's event loop while a 1,000-measure PDF
  export runs (target ≤ 50 ms);
- the time from the last keystroke (a committed cell edit) to a refreshed preview of the
  100-measure report (target ≤ 1.5 s; the preview waits 0.6 s for typing to stop).
"""

from __future__ import annotations

import dataclasses
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

from itadesk.demo import add_demo_reports
from itadesk.domain import Report
from itadesk.store import Library
from itadesk.ui.app import make_app
from itadesk.ui.main_window import MainWindow


def report_of(library: Library, ids: list[int], count: int) -> int:
    demo = [m for i in ids for m in library.load_report(i).measures]
    return library.create_report(Report(
        municipality=f"เทศบาลทดสอบ {count} มาตรการ", layout="six-measures",
        measures=tuple(dataclasses.replace(demo[i % len(demo)], id=None) for i in range(count))))


def main() -> None:
    app = make_app([])
    folder = Path(tempfile.mkdtemp())
    library = Library.open(folder / "library.sqlite")
    ids = add_demo_reports(library)
    thousand = report_of(library, ids, 1000)
    hundred = report_of(library, ids, 100)
    window = MainWindow(library)
    window.resize(1400, 900)
    window.show()
    app.processEvents()

    # 1. event-loop gaps during a 1,000-measure export
    window.open_report(thousand)
    gaps: list[float] = []
    clock = QElapsedTimer()
    ticker = QTimer()
    ticker.setInterval(5)

    def tick() -> None:
        gaps.append(clock.restart())

    ticker.timeout.connect(tick)
    loop = QEventLoop()
    job = window.export_to(folder / "thousand.pdf")
    assert job is not None
    job.succeeded.disconnect()  # no "done" dialog in a benchmark
    job.finished.connect(loop.quit)
    start = time.perf_counter()
    clock.start()
    ticker.start()
    loop.exec()
    ticker.stop()
    took = time.perf_counter() - start

    # 2. keystroke → refreshed preview, 100 measures
    window.open_report(hundred)
    window.preview_action.trigger()
    preview = window.preview
    assert preview is not None
    waits = []
    for n in range(4):
        loop = QEventLoop()
        preview.refreshed.connect(loop.quit)
        if n == 0:  # the first render, when the pane opens
            loop.exec()
            preview.refreshed.disconnect(loop.quit)
            continue
        start = time.perf_counter()
        window.session.set_cells([(n, "owner", f"กองคลัง {n}")])
        loop.exec()
        waits.append(time.perf_counter() - start)
        preview.refreshed.disconnect(loop.quit)
    window.close()
    library.close()
    print("ITA Desk: export, preview and print from the window")
    print(f"  1,000-measure PDF export in a child process: {took:.1f} s; longest gap between "
          f"event-loop ticks meanwhile: {max(gaps):.0f} ms over {len(gaps)} ticks "
          "(target <= 50 ms)")
    print(f"  last keystroke to refreshed preview, 100 measures: median "
          f"{statistics.median(waits):.2f} s of {len(waits)} (target <= 1.5 s; "
          "0.6 s of it is the wait for typing to stop)")


if __name__ == "__main__":
    main()
