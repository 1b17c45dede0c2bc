"""Drafts in the library (schema step 9): the text of an editor still open, kept so that a
crash loses none of it; from a kept version-8 library file."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from itadesk.domain import Draft, MeasureKind
from itadesk.exchange.jsonfile import report_to_dict
from itadesk.store import Library
from itadesk.store.schema import LATEST_VERSION

from .conftest import SUPPORT


def test_step_9_from_a_kept_version_8_library_keeps_drafts(tmp_path: Path):
    """A version-8 library (four reports, one imported, a measure's การกำกับติดตาม filled)
    gains the draft table and keeps the rest; a draft is kept, brought up to date, dropped,
    survives a reopen, goes with its report, and is no edit: the report's time, the
    window's 'saved at' and the exchange file stay as they were."""
    path = tmp_path / "v8.sqlite"
    shutil.copy(SUPPORT / "library-v8.sqlite", path)
    before = sqlite3.connect(path)
    assert before.execute("PRAGMA user_version").fetchone()[0] == 8
    measures_before = before.execute("SELECT count(*) FROM measure").fetchone()[0]
    before.close()
    with Library.open(path) as lib:
        assert lib._conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION >= 9
        summaries = lib.list_reports()
        assert len(summaries) == 4
        reports = [lib.load_report(s.id) for s in summaries]
        assert sum(len(r.measures) for r in reports) == measures_before
        assert any(r.origin.source == "ชัยนาท.docx" for r in reports)
        assert any(m.monitoring == "รายงานผู้บริหารทุกไตรมาส" for r in reports for m in r.measures)
        assert all(lib.drafts(r.id) == [] for r in reports)
        report = reports[0]
        rid = report.id
        measure = next(m for m in report.measures if m.kind is MeasureKind.MEASURE)
        exchange_before = report_to_dict(lib.load_report(rid))
        saved_before, updated_before = lib.last_saved, lib.load_report(rid).updated

        lib.keep_draft(Draft(rid, measure.id, "result", "จัดอบรม", measure.result))
        lib.keep_draft(Draft(rid, measure.id, "result", "จัดอบรมเจ้าหน้าที่ ๒ ครั้ง",
                             measure.result))
        lib.keep_draft(Draft(rid, 0, "memo.facts", "ตามที่ได้รับแจ้ง", ""))
        drafts = {(d.measure_id, d.field): d for d in lib.drafts(rid)}
        assert {place: d.text for place, d in drafts.items()} == {
            (measure.id, "result"): "จัดอบรมเจ้าหน้าที่ ๒ ครั้ง", (0, "memo.facts"): "ตามที่ได้รับแจ้ง"}
        assert drafts[measure.id, "result"].base == measure.result
        assert drafts[measure.id, "result"].saved
        assert lib.drafts(reports[1].id) == []
        assert lib.last_saved == saved_before
        assert lib.load_report(rid).updated == updated_before
        assert report_to_dict(lib.load_report(rid)) == exchange_before
        assert "draft" not in json.dumps(exchange_before)
    with Library.open(path, take_backup=False) as lib:
        assert len(lib.drafts(rid)) == 2  # kept on disk, not only in this process
        lib.drop_draft(rid, measure.id, "result")
        assert [d.field for d in lib.drafts(rid)] == ["memo.facts"]
        lib.delete_report(rid)
        assert lib._conn.execute("SELECT count(*) FROM draft").fetchone()[0] == 0
        assert lib.integrity_ok()
