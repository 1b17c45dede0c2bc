"""Word export benchmark (issue: Word export). Prints figures; asserts nothing.

    .venv/bin/python bench/bench_docx.py

- export time of a 100-measure report (demo measures repeated) through the neutral
  document and our writer, beside bare python-docx building the same table of plain text
  with its object API (target ≤ 1.5×);
- the file size with and without the embedded fonts;
- LibreOffice's time to convert the 100-measure file to PDF, when it is installed.
"""

from __future__ import annotations

import dataclasses
import io
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import docx

from itadesk.demo import demo_measures
from itadesk.document import ExportOptions, Table, build_document
from itadesk.domain import Report
from itadesk.export.docx import docx_bytes


def hundred() -> Report:
    demo = demo_measures()
    return Report(municipality="เทศบาลทดสอบร้อยมาตรการ", layout="six-measures",
                  measures=tuple(dataclasses.replace(demo[i % len(demo)], id=None)
                                 for i in range(100)))


def ours(report: Report, embed: bool) -> bytes:
    return docx_bytes(build_document(report, ExportOptions(embed_fonts=embed)), embed=embed)


def bare(report: Report) -> bytes:
    """What a plain python-docx script does: the same cells, plain text, no Thai fonts."""
    document = build_document(report, ExportOptions(embed_fonts=False))
    [table] = [b for b in document.sections[-1].blocks if isinstance(b, Table)]
    doc = docx.Document()
    t = doc.add_table(rows=0, cols=len(table.widths_mm))
    for row in (table.header, *table.rows):
        cells = t.add_row().cells
        for cell, source in zip(cells, row.cells, strict=False):
            cell.text = "\n".join(p.text for p in source.paragraphs)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def timed(fn, *args, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn(*args)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    report = hundred()
    ours_plain = timed(ours, report, False)
    ours_embedded = timed(ours, report, True)
    bare_time = timed(bare, report)
    with_fonts = len(ours(report, True))
    without = len(ours(report, False))
    print("ITA Desk: Word export, 100 measures")
    print(f"  our writer (neutral document + Thai properties), fonts not embedded: "
          f"{ours_plain * 1000:6.0f} ms")
    print(f"  our writer, fonts embedded:                                          "
          f"{ours_embedded * 1000:6.0f} ms")
    print(f"  bare python-docx, same table as plain text:                          "
          f"{bare_time * 1000:6.0f} ms")
    print(f"  ratio: {ours_plain / bare_time:.2f}x without fonts, "
          f"{ours_embedded / bare_time:.2f}x with (target <= 1.5x)")
    print(f"  file size: {with_fonts / 1024:.0f} KB with fonts, {without / 1024:.0f} KB without")
    soffice = shutil.which("soffice")
    if soffice:
        folder = Path(tempfile.mkdtemp())
        path = folder / "hundred.docx"
        path.write_bytes(ours(report, True))
        start = time.perf_counter()
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{folder}/p",
                        "--convert-to", "pdf", "--outdir", str(folder), str(path)],
                       capture_output=True, timeout=600)
        took = time.perf_counter() - start
        pages = subprocess.run(["pdfinfo", str(folder / "hundred.pdf")], capture_output=True,
                               text=True).stdout
        count = next((line.split()[-1] for line in pages.splitlines()
                      if line.startswith("Pages")), "?")
        print(f"  LibreOffice converts it to PDF in {took:.1f} s ({count} pages, "
              "fonts from the file, first start of a fresh profile included)")


if __name__ == "__main__":
    main()
