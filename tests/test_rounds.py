"""Plan → results from the same rows: the plan and the results exports of one report
share every measure; each round's text is kept apart (the 12-month text does not overwrite
the 6-month one) in the library, the exchange file and the exports; schema step 5 from a
kept version-4 library."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import docx

from itadesk.demo import add_demo_reports
from itadesk.domain.model import MeasureKind
from itadesk.domain.rounds import kept_rounds, plan_report, round_report, round_text
from itadesk.exchange.jsonfile import report_from_dict, report_to_dict
from itadesk.store import Library
from itadesk.store.schema import LATEST_VERSION

from .conftest import SUPPORT


def itadesk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "itadesk", *args], capture_output=True,
                          text=True, timeout=180)


def first_column(path: Path) -> list[str]:
    """The first cell of every body row of the tables (the measure's title)."""
    out = []
    for table in docx.Document(str(path)).tables:
        for row in table.rows[1:]:
            text = row.cells[0].text.strip()
            if text and text != table.rows[0].cells[0].text.strip():
                out.append(text)
    return out


def _keep(library: Library, rid: int, name: str) -> None:
    library.set_rounds(rid, kept_rounds(library.load_report(rid), name))


def test_rounds_are_kept_apart_and_each_round_exports_its_own_text(
        tmp_path: Path, library: Path | str):
    path = library
    with Library.open(path) as library:
        rid = add_demo_reports(library)[0]
        report = library.load_report(rid)
        first = next(m for m in report.measures if m.kind is MeasureKind.MEASURE)
        library.update_measures(rid, [(first.id, "result", "ครึ่งปีแรก: อบรมแล้ว ๑ ครั้ง")])
        _keep(library, rid, "6")
        library.update_measures(rid, [(first.id, "result", "ทั้งปี: อบรมแล้ว ๒ ครั้ง")])
        _keep(library, rid, "12")
        kept = library.load_report(rid)
    measure = next(m for m in kept.measures if m.id == first.id)
    assert round_text(measure, "6").result == "ครึ่งปีแรก: อบรมแล้ว ๑ ครั้ง"
    assert round_text(measure, "12").result == "ทั้งปี: อบรมแล้ว ๒ ครั้ง"
    assert measure.result == "ทั้งปี: อบรมแล้ว ๒ ครั้ง"
    # keeping 12 again replaces 12 only
    with Library.open(path) as library:
        library.update_measures(rid, [(first.id, "result", "ทั้งปี (แก้): ๓ ครั้ง")])
        _keep(library, rid, "12")
        again = next(m for m in library.load_report(rid).measures if m.id == first.id)
    assert [r.round for r in again.rounds] == ["6", "12"]
    assert round_text(again, "6").result == "ครึ่งปีแรก: อบรมแล้ว ๑ ครั้ง"
    assert round_text(again, "12").result == "ทั้งปี (แก้): ๓ ครั้ง"
    six = round_report(kept, "6")
    assert six.period.startswith("รอบ ๖ เดือน (ตุลาคม") and "มีนาคม" in six.period
    assert next(m for m in six.measures if m.id == first.id).result == (
        "ครึ่งปีแรก: อบรมแล้ว ๑ ครั้ง")
    # the exchange file carries them
    back = report_from_dict(report_to_dict(kept))
    assert [m.rounds for m in back.measures] == [m.rounds for m in kept.measures]

    # the command line: a round's export shows its own text, not the other's
    out6, out12 = tmp_path / "r6.docx", tmp_path / "r12.docx"
    for out, name in ((out6, "6"), (out12, "12")):
        run = itadesk("--library", str(path), "export", str(rid), "-o", str(out), "--round",
                      name, "--no-embed-fonts")
        assert run.returncode == 0, run.stderr
    text6 = _all_text(out6)
    assert "ครึ่งปีแรก" in text6 and "ทั้งปี" not in text6 and "รอบ ๖ เดือน" in text6
    text12 = _all_text(out12)
    assert "ทั้งปี (แก้)" in text12 and "ครึ่งปีแรก" not in text12


def _all_text(path: Path) -> str:
    document = docx.Document(str(path))
    return "\n".join([p.text for p in document.paragraphs]
                     + [c.text for t in document.tables for r in t.rows for c in r.cells])


def test_the_plan_and_the_results_share_every_measure(tmp_path: Path):
    path = tmp_path / "library.sqlite"
    with Library.open(path) as library:
        rid = add_demo_reports(library)[0]
        report = library.load_report(rid)
    plan, results = tmp_path / "plan.docx", tmp_path / "results.docx"
    for out, extra in ((plan, ["--round", "plan"]), (results, [])):
        run = itadesk("--library", str(path), "export", str(rid), "-o", str(out),
                      "--no-embed-fonts", "--no-cover", "--no-memo", *extra)
        assert run.returncode == 0, run.stderr
    plan_rows, result_rows = first_column(plan), first_column(results)
    titles = [m.title.split("\n")[0].strip() for m in report.measures]
    assert plan_rows and plan_rows == result_rows
    assert all(any(row.startswith(t[:15]) for row in plan_rows) for t in titles if t)
    plan_text = _all_text(plan)
    assert "ตัวชี้วัด/ผลลัพธ์ที่คาดว่าจะได้รับ" in plan_text  # the plan's own layout
    assert "สรุปผลการดำเนินงานตามมาตรการ" not in plan_text
    assert plan_report(report).measures == report.measures


def test_step_5_from_a_kept_version_4_library(tmp_path: Path):
    path = tmp_path / "v4.sqlite"
    shutil.copy(SUPPORT / "library-v4.sqlite", path)
    before = sqlite3.connect(path)
    assert before.execute("PRAGMA user_version").fetchone()[0] == 4
    counts = before.execute("SELECT count(*) FROM measure").fetchone()[0]
    before.close()
    with Library.open(path) as library:
        assert library._conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        reports = [library.load_report(r.id) for r in library.list_reports()]
        assert sum(len(r.measures) for r in reports) == counts
        assert all(m.rounds == () for r in reports for m in r.measures)
        rid = reports[0].id
        _keep(library, rid, "6")
        assert all(round_text(m, "6") is not None for m in library.load_report(rid).measures
                   if m.kind is MeasureKind.MEASURE)
        assert library.integrity_ok()
    keep = itadesk("--library", str(path), "round", str(rid), "12")
    assert keep.returncode == 0 and "รอบ ๑๒ เดือน" in keep.stderr, keep.stderr


def test_step_8_gives_the_plan_its_monitoring_column(tmp_path: Path):
    """From a kept version-7 library: every measure gains an empty การกำกับติดตาม; the plan
    prints it in its own column, the results layouts leave it out."""
    path = tmp_path / "v7.sqlite"
    shutil.copy(SUPPORT / "library-v7.sqlite", path)
    before = sqlite3.connect(path)
    assert before.execute("PRAGMA user_version").fetchone()[0] == 7
    before.close()
    with Library.open(path) as library:
        assert library._conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        reports = [library.load_report(r.id) for r in library.list_reports()]
        assert all(m.monitoring == "" for r in reports for m in r.measures)
        assert library.own_oit_year(2567) is not None  # the earlier steps' rows kept
        rid = reports[0].id
        first = next(m for m in reports[0].measures if m.kind is MeasureKind.MEASURE)
        library.update_measures(rid, [(first.id, "monitoring", "รายงานผู้บริหารทุกไตรมาส")])
        assert next(m for m in library.load_report(rid).measures
                    if m.id == first.id).monitoring == "รายงานผู้บริหารทุกไตรมาส"
    plan, results = tmp_path / "plan.docx", tmp_path / "results.docx"
    for out, extra in ((plan, ["--round", "plan"]), (results, [])):
        run = itadesk("--library", str(path), "export", str(rid), "-o", str(out),
                      "--no-embed-fonts", *extra)
        assert run.returncode == 0, run.stderr
    assert "การกำกับติดตามและรายงานผล" in _all_text(plan)
    assert "รายงานผู้บริหารทุกไตรมาส" in _all_text(plan)
    assert "รายงานผู้บริหารทุกไตรมาส" not in _all_text(results)
    with Library.open(path, take_backup=False) as library:
        back = report_from_dict(report_to_dict(library.load_report(rid)))
    assert any(m.monitoring == "รายงานผู้บริหารทุกไตรมาส" for m in back.measures)


def test_a_rounds_period_follows_the_reports_digits():
    """With เลขไทย off the round's period came out «รอบ ๑๒ เดือน (ตุลาคม ๒๕๖๙ …)» under
    «พ.ศ. 2570»: what is written into a report follows its digit option."""
    import dataclasses as dc

    from itadesk.exchange.jsonfile import read_report
    from itadesk.paths import resource

    report = read_report(resource("demo", "borplathong-2568.itadesk.json"))
    off = dc.replace(report, options={**report.options, "thai_digits": False})
    assert round_report(off, "12").period == "รอบ 12 เดือน (ตุลาคม 2567 - กันยายน 2568)"
    on = dc.replace(report, options={**report.options, "thai_digits": True})
    assert round_report(on, "12").period == "รอบ ๑๒ เดือน (ตุลาคม ๒๕๖๗ - กันยายน ๒๕๖๘)"
