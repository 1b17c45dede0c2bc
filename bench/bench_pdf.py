"""PDF export benchmark (issue: PDF export). Prints figures; asserts nothing.

    .venv/bin/python bench/bench_pdf.py

- our PDF export of a 100-measure report vs LibreOffice converting our .docx of the same
  report (target ≤ 0.3×);
- the Thai line breaker's time per 10,000 Thai characters;
- a 1,000-measure PDF export: time and peak resident memory (target ≤ 300 MB).
"""

from __future__ import annotations

import dataclasses
import resource as rlimits
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from itadesk.demo import demo_measures
from itadesk.document import ExportOptions, build_document
from itadesk.domain import Report
from itadesk.export.docx import write_docx
from itadesk.export.pdf import write_pdf
from itadesk.export.pdf.fonts import face_name, register, text_width
from itadesk.thai.linebreak import break_lines, opportunities
from itadesk.thai.segment import _thai_words


def report_of(count: int) -> Report:
    demo = demo_measures()
    return Report(municipality="เทศบาลทดสอบ", layout="six-measures",
                  measures=tuple(dataclasses.replace(demo[i % len(demo)], id=None)
                                 for i in range(count)))


def thai_chars(report: Report) -> int:
    return sum(1 for m in report.measures for f in ("title", "steps", "owner", "timing",
                                                     "result", "outcome")
               for c in m.get(f) if "\u0e00" <= c <= "\u0e7f")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--thousand":
        report = report_of(1000)
        start = time.perf_counter()
        write_pdf(build_document(report, ExportOptions()), Path(sys.argv[2]))
        took = time.perf_counter() - start
        peak = rlimits.getrusage(rlimits.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{took:.2f} {peak:.0f}")
        return
    folder = Path(tempfile.mkdtemp())
    report = report_of(100)
    document = build_document(report, ExportOptions())
    register()
    start = time.perf_counter()
    write_pdf(document, folder / "ours.pdf")
    first = time.perf_counter() - start
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        write_pdf(build_document(report, ExportOptions()), folder / "ours.pdf")
        runs.append(time.perf_counter() - start)
    ours = min(runs)
    pages = subprocess.run(["pdfinfo", str(folder / "ours.pdf")], capture_output=True,
                           text=True).stdout
    count = next((line.split()[-1] for line in pages.splitlines()
                  if line.startswith("Pages")), "?")
    print("ITA Desk: PDF export")
    print(f"  100 measures ({thai_chars(report):,} Thai characters, {count} pages): "
          f"{ours:.2f} s (first in the process, fonts loading: {first:.2f} s)")
    soffice = shutil.which("soffice")
    if soffice:
        write_docx(document, folder / "ours.docx")
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{folder}/p",
                        "--convert-to", "pdf", "--outdir", str(folder / "lo"),
                        str(folder / "ours.docx")], capture_output=True, timeout=600)
        start = time.perf_counter()
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{folder}/p",
                        "--convert-to", "pdf", "--outdir", str(folder / "lo"),
                        str(folder / "ours.docx")], capture_output=True, timeout=600)
        lo = time.perf_counter() - start
        print(f"  LibreOffice converting our .docx of it: {lo:.2f} s "
              f"(profile warm); ratio {ours / lo:.2f}x (target <= 0.3x)")
    text = "".join(m.result + m.outcome + m.steps for m in report.measures)
    text = "".join(c for c in text if c != "\n")[:50_000]
    face = face_name()
    runs = []
    for _ in range(3):
        text_width.cache_clear()
        _thai_words.cache_clear()
        opportunities.cache_clear()
        start = time.process_time()  # CPU time: the machine is shared
        lines = break_lines(text, 150, lambda s: text_width(s, face) * 15 / 1000)
        runs.append(time.process_time() - start)
    per = min(runs) / len(text) * 10_000
    print(f"  line breaker: {per * 1000:.1f} ms per 10,000 characters "
          f"({len(text):,} characters, {len(lines):,} lines, cold caches, CPU time, best of 3; "
          "the text repeats, see bench_thai.py for text that does not)")
    out = subprocess.run([sys.executable, __file__, "--thousand", str(folder / "k.pdf")],
                         capture_output=True, text=True, timeout=1200)
    took_s, peak = out.stdout.split()
    print(f"  1,000 measures: {float(took_s):.1f} s, peak resident memory {peak} MB "
          "(target <= 300 MB)")


if __name__ == "__main__":
    main()
