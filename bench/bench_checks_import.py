"""Import and checks (issue: ITA-aware work). Prints figures; asserts nothing.

    .venv/bin/python bench/bench_checks_import.py

- importing a 1,000-measure .docx (our own export of the demo measures) (target ≤ 2 s);
- checking a 1,000-measure report (target ≤ 1 s);
- reading a 1,000-measure .itadesk.json: bounded, parsed, validated against the JSON Schema
  (the first file a process reads also compiles the schema), what every export child pays.
"""

from __future__ import annotations

import dataclasses
import tempfile
import time
from pathlib import Path

from itadesk.demo import demo_measures
from itadesk.document import ExportOptions
from itadesk.domain import Report
from itadesk.domain.checks import check_report
from itadesk.exchange.importing import read_any
from itadesk.exchange.jsonfile import write_report
from itadesk.export.jobs import export_report


def main() -> None:
    demo = demo_measures()
    report = Report(municipality="เทศบาลทดสอบ", layout="six-measures", fiscal_year=2568,
                    measures=tuple(dataclasses.replace(demo[i % len(demo)], id=None)
                                   for i in range(1000)))
    path = Path(tempfile.mkdtemp()) / "thousand.docx"
    export_report(report, path, ExportOptions(embed_fonts=False))
    start = time.perf_counter()
    back = read_any(path)
    imported = time.perf_counter() - start
    start = time.perf_counter()
    findings = check_report(report)
    checked = time.perf_counter() - start
    exchange = path.with_suffix(".itadesk.json")
    write_report(report, exchange)
    json_times = []
    for _ in range(3):
        start = time.perf_counter()
        read_any(exchange)
        json_times.append(time.perf_counter() - start)
    print("ITA Desk: import and checks")
    print(f"  import a 1,000-measure .docx ({path.stat().st_size / 1024:.0f} KB, "
          f"{len(back.measures)} measures read): {imported:.2f} s (target <= 2 s)")
    print(f"  check a 1,000-measure report: {checked:.2f} s, {len(findings)} findings "
          "(target <= 1 s)")
    print(f"  read a 1,000-measure .itadesk.json ({exchange.stat().st_size / 1024:.0f} KB): "
          f"first {json_times[0]:.2f} s, then {min(json_times[1:]):.2f} s (schema validated)")


if __name__ == "__main__":
    main()
