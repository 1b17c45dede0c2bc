"""Export jobs: progress that only goes forward, and a cancel that leaves nothing behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from itadesk.exchange.jsonfile import read_report
from itadesk.export.jobs import Cancelled, export_report
from itadesk.paths import resource


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_progress_rises_to_the_end(tmp_path: Path, suffix: str):
    report = read_report(resource("demo", "kalasin-2568.itadesk.json"))
    seen: list[float] = []
    export_report(report, tmp_path / f"r{suffix}", progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) > 5


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_cancel_midway_keeps_the_old_file_and_leaves_no_part(tmp_path: Path, suffix: str):
    report = read_report(resource("demo", "kalasin-2568.itadesk.json"))
    target = tmp_path / f"r{suffix}"
    target.write_bytes(b"last year's file")

    def cancel_at_half(share: float) -> None:
        if share > 0.5:
            raise Cancelled

    with pytest.raises(Cancelled):
        export_report(report, target, progress=cancel_at_half)
    assert target.read_bytes() == b"last year's file"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
