"""Several clerks on one report: row versions and conflicts (on both back ends), who changed
what, other sessions told of changes, who has the report open, and real processes editing
one report on the server while it is stopped and started again."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from itadesk.domain import Measure, Memo, Report, Signer
from itadesk.domain.report_parts import changed_parts
from itadesk.store import Library
from itadesk.store.schema import LATEST_VERSION
from itadesk.store.versions import REPORT_ROW, CellEdit, local_user

from .conftest import ROOT, SUPPORT
from .pgcluster import Cluster
from .processes import itadesk


def _report(n: int = 3) -> Report:
    return Report(municipality="เทศบาลเมืองชัยนาท", fiscal_year=2568, layout="six-timing-first",
                  measures=tuple(Measure(title=f"มาตรการที่ {i}") for i in range(n)))


def _second(library: Path | str) -> Library:
    """Another clerk's session: on a server its own connection; a file has one writer,
    so there the same library is used, as a clerk who read it a while ago would."""
    return Library.open(library, take_backup=False) if isinstance(library, str) else None


def test_step_10_from_a_kept_version_9_library(tmp_path: Path):
    path = tmp_path / "v9.sqlite"
    shutil.copy(SUPPORT / "library-v9.sqlite", path)
    with Library.open(path) as lib:
        assert lib._conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION >= 10
        [first, *_] = sorted(s.id for s in lib.list_reports())
        assert set(lib.row_versions(first).values()) == {1} and lib.changes(first) == []
        assert [d.text for d in lib.drafts(first)] == ["ร่างที่ยังไม่บันทึก"]
        m = lib.load_measures(first)[0]
        lib.update_measures(first, [(m.id, "result", "อบรมแล้ว")])
        assert lib.row_versions(first)[m.id] == 2
        [change] = lib.changes(first)
        assert (change.who, change.measure_id, change.field, change.new) == (
            local_user(), m.id, "result", "อบรมแล้ว")
        assert change.old == m.result


def test_an_edit_over_an_older_version_of_the_same_cell_is_a_conflict(library: Path | str):
    with Library.open(library) as mine:
        rid = mine.create_report(_report())
        m0 = mine.load_measures(rid)[0]
        read = mine.row_versions(rid)[m0.id]
        theirs = _second(library) or mine
        try:
            done = theirs.edit_cells(rid, [CellEdit(m0.id, "result", "ของเขา", read, "")])
            assert done.saved and done.versions[m0.id] == read + 1
            # mine, typed over the version read before theirs: the same cell → a conflict
            edit = CellEdit(m0.id, "result", "ของฉัน", read, "")
            got = mine.edit_cells(rid, [edit])
            [conflict] = got.conflicts
            assert (conflict.theirs, conflict.version, conflict.who) == (
                "ของเขา", read + 1, theirs.who)
            assert mine.load_measures(rid)[0].result == "ของเขา"  # nothing overwritten
            # another cell of the same row, typed over the same old version: saved
            other = mine.edit_cells(rid, [CellEdit(m0.id, "owner", "กองคลัง", read, "")])
            assert other.saved
            # keep mine: sent again over their version
            assert mine.edit_cells(rid, [conflict.keep_mine()]).saved
            assert mine.load_measures(rid)[0].result == "ของฉัน"
            # an edit sent again after its commit (the answer lost): saved, not a conflict
            assert mine.edit_cells(rid, [edit]).saved
            # the report's own fields are versioned the same way
            rv = mine.row_versions(rid)[REPORT_ROW]
            assert theirs.edit_cells(rid, [CellEdit(REPORT_ROW, "title", "ก", rv, "")]).saved
            late = mine.edit_cells(rid, [CellEdit(REPORT_ROW, "title", "ข", rv, "")])
            assert [c.theirs for c in late.conflicts] == ["ก"]
            # a row deleted by the other clerk: the edit is told gone, not lost silently
            theirs.delete_measures(rid, [0])
            gone = mine.edit_cells(rid, [CellEdit(m0.id, "result", "x", read + 3, "ของฉัน")])
            assert gone.gone and not gone.saved
            assert [(c.field, c.new) for c in mine.changes(rid)][:2] == [
                ("result", "ของเขา"), ("owner", "กองคลัง")]
            assert mine.integrity_ok()
        finally:
            if theirs is not mine:
                theirs.close()


def _parts(report: Report, version: int, **fields: object) -> list[CellEdit]:
    """The edits a window sends for these fields of `report` as it read it."""
    return [CellEdit(REPORT_ROW, part, text, version, base) for name, value in fields.items()
            for part, base, text in changed_parts(name, getattr(report, name), value)]


def test_signers_options_and_memo_are_checked_as_cells_are(library: Path | str):
    """The signers, each export option and each part of the memo: another clerk's newer
    text of the same part is a conflict, never overwritten; other parts are not."""
    first = Signer("นายเดิม", ("ปลัดเทศบาล",), "ผู้เสนอ")
    start = dataclasses.replace(_report(), signers=(first,), options={"cover": False},
                                memo=Memo(subject="เรื่องเดิม"))
    with Library.open(library) as mine:
        rid = mine.create_report(start)
        read = mine.load_report(rid)  # both clerks read the report as it was
        rv = mine.row_versions(rid)[REPORT_ROW]
        theirs = _second(library) or mine
        try:
            their_signer = dataclasses.replace(first, name="นางสาวของเขา")
            done = theirs.edit_cells(rid, _parts(read, rv, signers=(their_signer,),
                                                 options={"cover": True},
                                                 memo=Memo(subject="เรื่องเดิม",
                                                           facts="ข้อเท็จจริงของเขา")))
            assert done.saved and done.versions[REPORT_ROW] == rv + 3
            my_signer = dataclasses.replace(first, name="นายของฉัน")
            late = mine.edit_cells(rid, _parts(
                read, rv, signers=(my_signer,), options={"cover": False, "orientation": "portrait"},
                memo=Memo(subject="เรื่องของฉัน", facts="ข้อเท็จจริงของฉัน")))
            # the signers and the memo's facts: theirs are newer, so offered; the other
            # option and the other part of the memo were theirs to keep and mine to add
            assert sorted(c.edit.field for c in late.conflicts) == ["memo.facts", "signers"]
            assert {c.who for c in late.conflicts} == {theirs.who}
            now = mine.load_report(rid)
            assert now.signers == (their_signer,)
            assert now.options == {"cover": True, "orientation": "portrait"}
            assert (now.memo.subject, now.memo.facts) == ("เรื่องของฉัน", "ข้อเท็จจริงของเขา")
            # keep mine: sent again over their version; theirs: nothing to send
            signers = next(c for c in late.conflicts if c.edit.field == "signers")
            assert mine.edit_cells(rid, [signers.keep_mine()]).saved
            assert mine.load_report(rid).signers == (my_signer,)
            # a memo taken away over a memo another clerk has written to: a conflict too
            gone = mine.edit_cells(rid, _parts(read, rv, memo=None))
            assert [c.edit.field for c in gone.conflicts] == ["memo"]
            assert mine.load_report(rid).memo == now.memo
            logged = [(c.who, c.field) for c in mine.changes(rid)]
            assert logged == [(theirs.who, "signers"), (theirs.who, "options.cover"),
                              (theirs.who, "memo.facts"), (mine.who, "options.orientation"),
                              (mine.who, "memo.subject"), (mine.who, "signers")]
            assert mine.integrity_ok()
        finally:
            if theirs is not mine:
                theirs.close()


def test_each_clerk_logs_in_as_themselves_and_the_log_names_them(pg_cluster: Cluster,
                                                                 pg_url: str):
    database = pg_url.split("/")[3].split("?")[0]
    pg_cluster.sql("DROP ROLE IF EXISTS somchai; DROP ROLE IF EXISTS malee;"
                   " DROP ROLE IF EXISTS office_group")
    pg_cluster.sql("CREATE ROLE office_group NOLOGIN; CREATE ROLE somchai LOGIN;"
                   " CREATE ROLE malee LOGIN; GRANT office_group TO somchai, malee")
    pg_cluster.sql(f"ALTER DATABASE {database} OWNER TO office_group")
    pg_cluster.sql("ALTER SCHEMA public OWNER TO office_group", database)
    try:
        with Library.open(pg_cluster.url(database, "somchai")) as a:
            rid = a.create_report(_report())  # the first clerk makes the library
            with Library.open(pg_cluster.url(database, "malee")) as b:
                m = b.load_measures(rid)[1]
                b.update_measures(rid, [(m.id, "result", "มาลีบันทึก")])
                a.update_report(rid, title="สมชายตั้งชื่อ")
                assert [(c.who, c.field) for c in a.changes(rid)] == [
                    ("malee", "result"), ("somchai", "title")]
                assert a.who == "somchai" and b.who == "malee"
    finally:
        pg_cluster.drop_database(database)
        pg_cluster.sql("DROP ROLE somchai; DROP ROLE malee; DROP ROLE office_group")


def test_other_sessions_learn_of_a_change_within_a_second_and_see_who_is_there(pg_url: str):
    with Library.open(pg_url) as a, Library.open(pg_url) as b:
        rid = a.create_report(_report())
        watcher = a.watcher()
        try:
            assert watcher.poll() == set()
            a.show_report(rid)
            b.show_report(rid)
            assert a.others_on(rid) == [b.who]
            b.show_report(None)
            assert a.others_on(rid) == []
            m = b.load_measures(rid)[0]
            a.update_measures(rid, [(m.id, "result", "ของเราเอง")])
            assert watcher.wait(0.3) == set()  # our own edit is not news to us
            started = time.monotonic()
            run = itadesk("--library", pg_url, "cell", str(rid), "1", "result", "จากอีกเครื่อง")
            assert run.returncode == 0, run.stderr
            assert watcher.wait(1.0) == {rid}
            assert time.monotonic() - started < 30  # the process's start-up, mostly
            assert a.load_measures(rid)[0].result == "จากอีกเครื่อง"
        finally:
            watcher.close()


def test_the_command_line_reports_a_conflict_and_writes_nothing(library: Path | str):
    with Library.open(library) as lib:
        rid = lib.create_report(_report())
    read = itadesk("--library", library, "cell", str(rid), "2", "result")
    assert read.returncode == 0, read.stderr
    version, text = read.stdout.rstrip("\n").split("\t")
    first = itadesk("--library", library, "cell", str(rid), "2", "result", "สมชาย",
                    "--version", version, "--base", text)
    assert first.returncode == 0, first.stderr
    late = itadesk("--library", library, "cell", str(rid), "2", "result", "มาลี",
                   "--version", version, "--base", text)
    assert late.returncode == 8 and "บันทึกช่องนี้ไว้ก่อนแล้ว" in late.stderr
    assert late.stdout.split("\t")[:2] == ["conflict", str(int(version) + 1)]
    assert late.stdout.rstrip("\n").split("\t")[3] == "สมชาย"
    again = itadesk("--library", library, "cell", str(rid), "2", "result", "มาลี",
                    "--version", str(int(version) + 1), "--base", "สมชาย")
    assert again.returncode == 0, again.stderr
    with Library.open(library) as lib:
        assert lib.load_measures(rid)[1].result == "มาลี"


def _start_workers(pg_url: str, rid: int, clerks: int, rows_each: int,
                   shared: int) -> list[subprocess.Popen]:
    workers = []
    for n in range(clerks):
        rows = [str(r) for r in range(n * rows_each, (n + 1) * rows_each)]
        workers.append(subprocess.Popen(
            [sys.executable, "-m", "tests.office_worker", pg_url, str(rid), f"clerk{n}",
             *rows, "--shared", str(shared), "--pause", "0.25"], cwd=ROOT, stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    return workers


def _as_exchanged(pg_url: str, rid: int, tmp_path: Path) -> list[tuple[str, str]]:
    """The report's results and outcomes as its exchange file from the server has them
    (`itadesk save-json`), the file read back by `itadesk check`."""
    from itadesk.exchange.jsonfile import read_report

    path = tmp_path / "report.itadesk.json"
    saved = itadesk("--library", pg_url, "save-json", str(rid), "-o", path)
    assert saved.returncode == 0, saved.stderr
    checked = itadesk("check", path)
    assert checked.returncode in (0, 1), checked.stderr  # read whole; 1: things to fix
    return [(m.result, m.outcome) for m in read_report(path).measures]


@pytest.mark.parametrize("clerks, window", [
    (2, False),
    pytest.param(3, False, marks=pytest.mark.slow),  # the quick run keeps the plain case
    pytest.param(2, True, marks=pytest.mark.slow)],
    ids=["2-clerks", "3-clerks", "a-window-and-2-clerks"])
def test_clerks_in_their_own_processes_edit_one_report_through_a_server_restart(
        pg_cluster: Cluster, pg_url: str, clerks: int, window: bool,
        request: pytest.FixtureRequest, tmp_path: Path):
    """Clerks as processes of their own (and a clerk at the window, typing with keys),
    each editing their own rows and one cell all of them edit, while the server is
    stopped and started again: no edit lost, each conflict told or offered, the report
    whole (its exchange file from the server says the same as the library)."""
    rows_each = 8
    own = [clerks * rows_each + i for i in range(3)] if window else []  # the window's rows
    with Library.open(pg_url) as lib:
        rid = lib.create_report(_report(clerks * rows_each + len(own) + 1))
    shared = clerks * rows_each + len(own)  # the last row: every clerk edits its outcome
    desk = None
    if window:
        from .office_window import WindowClerk

        desk = WindowClerk(request.getfixturevalue("qtbot"), pg_url, rid)
        # typed over the cell before any clerk saved it, left once all of them did:
        # a conflict for sure, offered at the window
        desk.start_typing(shared, "outcome", "หน้าต่าง แก้ช่องร่วม")
    workers = _start_workers(pg_url, rid, clerks, rows_each, shared)
    try:
        for w in workers:
            assert w.stdout.readline().strip() == "ready", w.stderr.read()
        for w in workers:
            w.stdin.write("go\n")
            w.stdin.flush()
        first = [workers[0].stdout.readline()]  # an edit done: stop the server midway
        pg_cluster.stop("fast")
        time.sleep(1.5)
        pg_cluster.start()
        outputs = []
        for n, w in enumerate(workers):
            out, err = w.communicate(timeout=120)
            assert w.returncode == 0, err
            outputs.append((first[0] if n == 0 else "") + out)
    finally:
        for w in workers:
            if w.poll() is None:
                w.kill()
    assert all("lost\n" in out for out in outputs)  # each clerk met the restart
    lines = [line.split(" ", 3) for out in outputs for line in out.splitlines()
             if line != "lost"]
    on_shared = [(done, text) for done, row, field, text in lines if field == "outcome"]
    saved = [text for done, text in on_shared if done == "saved"]
    if desk is not None:
        qtbot = desk.qtbot
        # the window's connection went with the restart: its edit is kept, then sent and
        # met as a conflict with the clerks' text, which the window's clerk keeps over
        desk.finish_typing("ใช้ข้อความของฉัน")
        qtbot.waitUntil(lambda: bool(desk.asked), timeout=20000)
        assert "«หน้าต่าง แก้ช่องร่วม»" in desk.asked[0]
        assert any(f"«{text}»" in desk.asked[0] for text in saved)
        qtbot.waitUntil(lambda: not desk.window.office.banner.isVisible(), timeout=20000)
        desk.type_cell(own[0], "result", "ผลของหน้าต่าง แถวแรก")
        pg_cluster.stop("fast")  # and once more, while the window's clerk types
        try:
            desk.type_cell(own[1], "result", "ผลของหน้าต่าง ตอนเครื่องแม่ข่ายดับ")
            qtbot.waitUntil(desk.window.office.banner.isVisible)
            assert desk.shown(own[1], "result") == "ผลของหน้าต่าง ตอนเครื่องแม่ข่ายดับ"
        finally:
            pg_cluster.start()
        desk.type_cell(own[2], "result", "ผลของหน้าต่าง แถวสุดท้าย")
        qtbot.waitUntil(lambda: not desk.window.office.banner.isVisible(), timeout=20000)
        qtbot.waitUntil(lambda: desk.window.library.held_edits(rid) == [], timeout=10000)
        saved.append("หน้าต่าง แก้ช่องร่วม")
        desk.close()
    with Library.open(pg_url) as lib:
        measures = lib.load_measures(rid)
        # every clerk's own cells: every edit there, none lost
        for n in range(clerks):
            for r in range(n * rows_each, (n + 1) * rows_each):
                assert measures[r].result == f"ผลของ clerk{n} แถว {r}"
        assert [measures[r].result for r in own] == [
            "ผลของหน้าต่าง แถวแรก", "ผลของหน้าต่าง ตอนเครื่องแม่ข่ายดับ",
            "ผลของหน้าต่าง แถวสุดท้าย"][:len(own)]
        # the shared cell: one save per clerk at most, the others told of a conflict
        assert len(on_shared) == clerks
        assert saved and len(saved) + sum(d == "conflict" for d, _t in on_shared) == (
            clerks + bool(window))
        # the window's clerk kept their own text over the others' (the cell's last save)
        assert measures[shared].outcome in (saved[-1:] if window else saved)
        logged = [c.new for c in lib.changes(rid) if c.field == "outcome"]
        assert sorted(logged) == sorted(saved)  # each save logged once, no other write
        assert lib.integrity_ok()
        assert _as_exchanged(pg_url, rid, tmp_path) == [(m.result, m.outcome) for m in measures]


def test_a_password_in_the_address_is_never_repeated(tmp_path: Path, own_log: Path):
    from urllib.parse import quote

    url = f"postgresql://somchai:sekrit@/ita?host={quote(str(tmp_path), safe='')}"
    run = itadesk("--library", url, "list")
    assert run.returncode == 4 and "ติดต่อเครื่องแม่ข่าย" in run.stderr
    assert "sekrit" not in run.stderr + run.stdout
    logged = "".join(p.read_text(errors="replace") for p in own_log.rglob("*") if p.is_file())
    assert "sekrit" not in logged


def test_a_login_the_server_does_not_know_is_told_as_a_login_problem(pg_cluster: Cluster,
                                                                     pg_url: str):
    from itadesk.store.errors import LoginFailed

    database = pg_url.split("/")[3].split("?")[0]
    with pytest.raises(LoginFailed) as info:
        Library.open(pg_cluster.url(database, "ghost"))
    assert ".pgpass" in info.value.message


def test_a_clerks_drafts_of_a_server_library_stay_on_their_own_pc(
        pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from itadesk.domain.model import Draft
    from itadesk.store import ServerUnreachable

    monkeypatch.setenv("ITADESK_STATE", str(tmp_path / "somchai-pc"))
    with Library.open(pg_url) as a:
        rid = a.create_report(_report())
        mid = a.load_measures(rid)[0].id
        a.keep_draft(Draft(rid, mid, "result", "พิมพ์ค้างไว้", ""))
        monkeypatch.setenv("ITADESK_STATE", str(tmp_path / "malee-pc"))
        with Library.open(pg_url) as b:
            assert b.drafts(rid) == []  # never offered another clerk's typing
        a._conn.raw.close()  # the server is gone from here: the draft is still kept
        a._conn._reconnect = None
        a.keep_draft(Draft(rid, mid, "result", "พิมพ์ค้างไว้ต่อ", ""))
        with pytest.raises(ServerUnreachable):
            a.update_measures(rid, [(mid, "result", "พิมพ์ค้างไว้ต่อ")])
    monkeypatch.setenv("ITADESK_STATE", str(tmp_path / "somchai-pc"))
    with Library.open(pg_url) as a:
        assert [d.text for d in a.drafts(rid)] == ["พิมพ์ค้างไว้ต่อ"]
