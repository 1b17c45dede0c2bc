"""The preview's process keeps what it laid out between refreshes (export/preview_server.py):
what it shows must still be the report as it is now, byte for byte what a fresh process
would make of it."""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
import sys
from pathlib import Path

from itadesk.demo import demo_measures
from itadesk.domain import Report
from itadesk.exchange.jsonfile import report_to_dict
from itadesk.export.preview_server import render

ROOT = Path(__file__).resolve().parent.parent


def _report(count: int = 8) -> Report:
    demo = demo_measures()
    return Report(municipality="เทศบาลตำบลหน้ายาว", layout="six-measures", measures=tuple(
        dataclasses.replace(demo[i % len(demo)], id=None) for i in range(count)))


def _request(report: Report) -> bytes:
    return json.dumps(report_to_dict(report), ensure_ascii=False).encode("utf-8")


def _with_owner(report: Report, index: int, owner: str) -> Report:
    measures = list(report.measures)
    measures[index] = dataclasses.replace(measures[index], owner=owner)
    return dataclasses.replace(report, measures=tuple(measures))


def _text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "preview.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def _undated(pdf: bytes) -> bytes:
    """The PDF without what says when it was made (its dates, and the id made from them)."""
    pdf = re.sub(rb"/(CreationDate|ModDate) \(D:[^)]*\)", rb"/\1 ()", pdf)
    return re.sub(rb"/ID\s*\n?\s*\[<[0-9a-fA-F]+><[0-9a-fA-F]+>\]", b"/ID []", pdf)


def test_a_cell_edited_twice_and_back_shows_each_text_in_turn(tmp_path: Path):
    report = _report()
    original = report.measures[3].owner
    assert original
    seen = []
    for owner, thai in (("กองช่าง 27", "กองช่าง๒๗"), ("งานธุรการ 4", "งานธุรการ๔"),
                        (original, "".join(original.split()))):
        text = "".join(_text(render(_request(_with_owner(report, 3, owner)))[0],
                             tmp_path).split())
        seen.append(text)
        assert thai in text, owner
    assert "กองช่าง๒๗" not in seen[1] + seen[2]
    assert "งานธุรการ๔" not in seen[2]
    # the first and the last versions are the same report: the same text
    assert "".join(_text(render(_request(report))[0], tmp_path).split()) == seen[2]


def test_renders_after_other_versions_give_the_bytes_of_a_fresh_process(tmp_path: Path):
    report = _report()
    edited = _with_owner(report, 2, "กองคลัง 12")
    for version in (report, edited, _with_owner(report, 5, "งานพัสดุ"), report):
        render(_request(version))
    here = render(_request(edited))[0]
    request = tmp_path / "request.json"
    request.write_bytes(_request(edited))
    fresh = tmp_path / "fresh.pdf"
    subprocess.run([sys.executable, "-c", (
        "import sys; from pathlib import Path;"
        "from itadesk.export.preview_server import render;"
        "Path(sys.argv[2]).write_bytes(render(Path(sys.argv[1]).read_bytes())[0])"),
        str(request), str(fresh)], check=True, cwd=ROOT)
    assert _undated(here) == _undated(fresh.read_bytes())
