"""Importing a Word report and a PDF (issue 13). Prints figures; asserts nothing.

    .venv/bin/python bench/bench_import.py [rows ...]   (default: 1000 10000, and a PDF)
    .venv/bin/python bench/bench_import.py pdf          (the PDF only)

Each file is our own export of the demo measures repeated (six-measures, Thai digits); the
import runs as the window runs it, `itadesk import FILE --to-json OUT` in a child process,
so the peak memory is that process's whole (Python, lxml and all) and nothing of this one.
Targets for 10,000 rows: at most 10 s and 500 MB. The PDF is our own export of the demo
measures, about 100 pages (landscape A4, the six-measures table).
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from itadesk.demo import demo_measures
from itadesk.document import ExportOptions
from itadesk.domain import Report
from itadesk.export.jobs import export_report


def make(rows: int, folder: Path, suffix: str = ".docx") -> Path:
    demo = demo_measures()
    report = Report(municipality="เทศบาลทดสอบ", layout="six-measures", fiscal_year=2568,
                    measures=tuple(dataclasses.replace(demo[i % len(demo)], id=None)
                                   for i in range(rows)))
    return export_report(report, folder / f"rows-{rows}{suffix}", ExportOptions(embed_fonts=False))


def run(path: Path) -> tuple[float, float]:
    """Seconds and peak MB of one import in a child process of its own."""
    out = path.with_suffix(".itadesk.json")
    # a fresh process per file: RUSAGE_CHILDREN's peak is the largest child's so far
    code = (
        "import resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "subprocess.run([sys.executable, '-m', 'itadesk', 'import', sys.argv[1], '--to-json',"
        " sys.argv[2]], check=True, stderr=subprocess.DEVNULL)\n"
        "print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN)"
        ".ru_maxrss)\n")
    done = subprocess.run([sys.executable, "-c", code, str(path), str(out)], check=True,
                          capture_output=True, text=True, env={**os.environ})
    seconds, kilobytes = done.stdout.split()
    return float(seconds), int(kilobytes) / 1024


def main() -> None:
    pdf_only = sys.argv[1:] == ["pdf"]
    sizes = [] if pdf_only else [int(a) for a in sys.argv[1:]] or [1000, 10_000]
    folder = Path(tempfile.mkdtemp(prefix="itadesk-bench-import-"))
    print("ITA Desk: importing a Word report (child process, as the window does)")
    for rows in sizes:
        start = time.perf_counter()
        path = make(rows, folder)
        made = time.perf_counter() - start
        seconds, peak = run(path)
        print(f"  {rows:>6,} rows ({path.stat().st_size / 1e6:.1f} MB .docx, made in {made:.0f} s):"
              f" import {seconds:.2f} s, peak {peak:.0f} MB"
              + ("  (target <= 10 s, <= 500 MB)" if rows >= 10_000 else ""))
    if not sys.argv[1:] or pdf_only:
        from pypdf import PdfReader

        path = make(115, folder, ".pdf")  # the demo measures take 0.85 page each: 100 pages
        pages = len(PdfReader(path).pages)
        seconds, peak = run(path)
        size = path.stat().st_size / 1e6
        print(f"  PDF of {pages} pages ({size:.1f} MB): import {seconds:.2f} s, peak {peak:.0f} MB")


if __name__ == "__main__":
    main()
