"""The fuzz run's seed and its kept cases (tests/fuzz_cases/*.json).

Each run draws new reports from a seed chosen at random and printed (in pytest's header
and with every fuzz test's output); `ITADESK_FUZZ_SEED=N` replays run N. A report that
fails is written to tests/fuzz_cases/ as an exchange file with the options and the check
it failed; every later run replays every kept case, so commit it with the fix.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import random
from pathlib import Path
from typing import Any

from itadesk.document import ExportOptions
from itadesk.domain import Report
from itadesk.exchange.jsonfile import report_from_dict, report_to_dict

CASES = Path(__file__).resolve().parent / "fuzz_cases"
SEED = int(os.environ.get("ITADESK_FUZZ_SEED") or random.SystemRandom().randrange(2**32))
FULL = int(os.environ.get("ITADESK_FUZZ_REPORTS", "10000"))
QUICK = min(90, FULL)  # the default run: 45 new reports a format each time (slow: FULL)


def seed_line() -> str:
    return f"fuzz seed {SEED} (ITADESK_FUZZ_SEED={SEED} replays this run)"


def keep(check: str, report: Report, options: ExportOptions, found: str) -> Path:
    """Write a failing case where the next runs replay it; its name is its content's hash."""
    case = {"check": check, "found": found, "options": dataclasses.asdict(options),
            "report": report_to_dict(report)}
    text = json.dumps(case, ensure_ascii=False, indent=1, sort_keys=True)
    digest = hashlib.sha256(json.dumps([check, case["options"], case["report"]],
                                       sort_keys=True).encode()).hexdigest()[:12]
    CASES.mkdir(exist_ok=True)
    path = CASES / f"{check}-{digest}.json"
    path.write_text(text + "\n", encoding="utf-8")
    return path


def load(path: Path) -> tuple[str, Report, ExportOptions]:
    case: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return case["check"], report_from_dict(case["report"]), ExportOptions(**case["options"])


def kept_cases() -> list[Path]:
    return sorted(CASES.glob("*.json"))
