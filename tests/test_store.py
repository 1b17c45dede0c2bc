import dataclasses
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from itadesk.domain import Measure, MeasureKind, Report, Score, Signer
from itadesk.store import (
    CorruptLibrary,
    FolderNotWritable,
    Library,
    LibraryInUse,
    NewerLibrary,
    NotALibrary,
    WriteFailed,
)
from itadesk.store.schema import APPLICATION_ID, LATEST_VERSION

from .conftest import SUPPORT


def _report(n: int = 3) -> Report:
    return Report(
        municipality="เทศบาลตำบลบ่อปลาทอง",
        district="ปรางค์กู่",
        province="นครราชสีมา",
        fiscal_year=2568,
        layout="six-timing-first",
        signers=(Signer("นายอรุณ คุ่มทัน", ("ปลัดเทศบาลเมืองชัยนาท",), "ผู้ตรวจสอบ"),),
        options={"thai_digits": True},
        measures=tuple(
            Measure(title=f"มาตรการที่ {i}", owner="สำนักปลัด",
                    scores=(Score("หัวข้อ", "92.26", "95.31"),) if i == 0 else ())
            for i in range(n)
        ),
    )


def test_round_trip(library: Path | str):
    with Library.open(library) as lib:
        assert lib.created
        rid = lib.create_report(_report())
    with Library.open(library) as lib:
        assert not lib.created
        report = lib.load_report(rid)
        assert report.municipality == "เทศบาลตำบลบ่อปลาทอง"
        assert report.signers[0].positions == ("ปลัดเทศบาลเมืองชัยนาท",)
        assert report.options == {"thai_digits": True}
        assert [m.title for m in report.measures] == ["มาตรการที่ 0", "มาตรการที่ 1", "มาตรการที่ 2"]
        assert report.measures[0].scores == (Score("หัวข้อ", "92.26", "95.31"),)
        [summary] = lib.list_reports()
        assert summary.measure_count == 3 and summary.fiscal_year == 2568


def test_a_deleted_report_comes_back_whole(library: Path | str):
    with Library.open(library) as lib:
        rid = lib.create_report(_report())
        other = lib.create_report(_report(1))
        before = lib.load_report(rid)
        lib.delete_report(rid)
        assert [r.id for r in lib.list_reports()] == [other]
        assert lib.create_report(before, keep_ids=True) == rid
        assert lib.load_report(rid) == before  # ids, scores, signers, times
        # a report given again without keep_ids is a new one
        assert lib.create_report(before) not in (rid, other)


def test_library_is_wal_with_foreign_keys_and_version(library_path: Path):
    with Library.open(library_path) as lib:
        lib.create_report(_report())
    conn = sqlite3.connect(library_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()


def test_insert_delete_restore_move(library: Path | str):
    with Library.open(library) as lib:
        rid = lib.create_report(_report(3))
        inserted = lib.insert_measures(rid, 1, [Measure(title="ใหม่"),
                                                Measure(kind=MeasureKind.SECTION, title="หมวด")])
        titles = [m.title for m in lib.load_measures(rid)]
        assert titles == ["มาตรการที่ 0", "ใหม่", "หมวด", "มาตรการที่ 1", "มาตรการที่ 2"]
        before = lib.load_measures(rid)
        lib.delete_measures(rid, [0, 3])
        assert [m.title for m in lib.load_measures(rid)] == ["ใหม่", "หมวด", "มาตรการที่ 2"]
        # undo of the delete: the same measures, same ids, same places, scores included
        lib.insert_measures(rid, 0, [before[0]], keep_ids=True)
        lib.insert_measures(rid, 3, [before[3]], keep_ids=True)
        assert lib.load_measures(rid) == before
        lib.move_measures(rid, 0, 2, 2)
        titles = [m.title for m in lib.load_measures(rid)]
        assert titles == ["หมวด", "มาตรการที่ 1", "มาตรการที่ 0", "ใหม่", "มาตรการที่ 2"]
        assert inserted[1].kind is MeasureKind.SECTION


def test_move_block(library: Path | str):
    with Library.open(library) as lib:
        rid = lib.create_report(_report(5))
        lib.move_measures(rid, 0, 2, 3)  # rows 0,1 after row 4
        assert [m.title[-1] for m in lib.load_measures(rid)] == ["2", "3", "4", "0", "1"]
        lib.move_measures(rid, 3, 2, 0)
        assert [m.title[-1] for m in lib.load_measures(rid)] == ["0", "1", "2", "3", "4"]
        lib.move_measures(rid, 4, 1, 3)
        assert [m.title[-1] for m in lib.load_measures(rid)] == ["0", "1", "2", "4", "3"]


def test_update_fields_and_report(library: Path | str):
    with Library.open(library) as lib:
        rid = lib.create_report(_report(2))
        m0, m1 = lib.load_measures(rid)
        lib.update_measures(
            rid, [(m0.id, "steps", "๑. ประชุม\n๒. ประกาศ"), (m1.id, "owner", "กองคลัง")]
        )
        lib.update_report(rid, fiscal_year=2569, municipality="เทศบาลเมืองชัยนาท",
                          signers=(Signer("ก"), Signer("ข", ("ปลัด", "รักษาราชการแทน"))))
        report = lib.load_report(rid)
        assert report.measures[0].steps == "๑. ประชุม\n๒. ประกาศ"
        assert report.measures[1].owner == "กองคลัง"
        assert report.fiscal_year == 2569
        assert [s.name for s in report.signers] == ["ก", "ข"]
        with pytest.raises(KeyError):
            lib.update_measures(rid, [(m0.id, "id; DROP TABLE report", "x")])
        assert lib.load_report(rid).measures[0].steps == "๑. ประชุม\n๒. ประกาศ"


def test_delete_report_cascades(library: Path | str):
    with Library.open(library) as lib:
        rid = lib.create_report(_report(3))
        lib.delete_report(rid)
        assert lib.list_reports() == []
        assert lib.measure_count(rid) == 0


def test_text_file_is_not_a_library(library_path: Path):
    library_path.write_text("สวัสดี ไม่ใช่ฐานข้อมูล", encoding="utf-8")
    before = library_path.read_bytes()
    with pytest.raises(NotALibrary) as info:
        Library.open(library_path)
    assert "ไม่ใช่คลังรายงาน" in info.value.message
    assert library_path.read_bytes() == before


def test_other_sqlite_database_is_not_a_library(library_path: Path):
    conn = sqlite3.connect(library_path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    before = library_path.read_bytes()
    with pytest.raises(NotALibrary):
        Library.open(library_path)
    assert library_path.read_bytes() == before


def test_newer_library_is_refused_untouched(library_path: Path):
    with Library.open(library_path) as lib:
        lib.create_report(_report())
    conn = sqlite3.connect(library_path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.commit()
    conn.close()
    before = library_path.read_bytes()
    with pytest.raises(NewerLibrary) as info:
        Library.open(library_path)
    assert "รุ่นที่ใหม่กว่า" in info.value.message
    assert library_path.read_bytes() == before


def test_another_programs_database_on_the_server_is_not_a_library(pg_url: str):
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
    with pytest.raises(NotALibrary) as info:
        Library.open(pg_url)
    assert "ไม่ใช่คลังรายงาน" in info.value.message
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
                            ).fetchone()[0] == 1


def test_newer_library_on_the_server_is_refused_untouched(pg_url: str):
    import psycopg

    with Library.open(pg_url) as lib:
        rid = lib.create_report(_report())
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("UPDATE itadesk_schema SET version = %s", (LATEST_VERSION + 1,))
    with pytest.raises(NewerLibrary):
        Library.open(pg_url)
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("UPDATE itadesk_schema SET version = %s", (LATEST_VERSION,))
    with Library.open(pg_url) as lib:
        assert lib.load_report(rid).municipality == "เทศบาลตำบลบ่อปลาทอง"


def test_a_command_that_only_reads_makes_no_library_on_the_server(pg_url: str):
    from itadesk.store import LibraryMissing

    with pytest.raises(LibraryMissing):
        Library.open(pg_url, create=False)
    with Library.open(pg_url) as lib:
        assert lib.created and lib.backups() == [] and lib.take_backup() is None


def test_a_server_that_is_not_there_is_said_so(pg_cluster, tmp_path: Path):
    from urllib.parse import quote

    from itadesk.store.errors import ServerUnreachable

    url = f"postgresql://postgres@/nowhere?host={quote(str(tmp_path), safe='')}"
    with pytest.raises(ServerUnreachable) as info:
        Library.open(url)
    assert "เครื่องแม่ข่าย" in info.value.message


def test_corrupt_library(library_path: Path):
    with Library.open(library_path) as lib:
        lib.create_report(_report(200))
    data = bytearray(library_path.read_bytes())
    data[2 * 4096 : 4 * 4096] = bytes(range(256)) * 32  # scribble over pages 3-4 (measures)
    library_path.write_bytes(bytes(data))
    with pytest.raises(CorruptLibrary) as info:
        Library.open(library_path)
    assert "เสียหาย" in info.value.message


def test_second_process_cannot_open_the_library(library_path: Path):
    with Library.open(library_path) as lib:
        lib.create_report(_report())
        with pytest.raises(LibraryInUse):
            Library.open(library_path)
        code = (
            "import sys, pathlib\n"
            "from itadesk.store import Library, LibraryInUse\n"
            "try:\n"
            f"    Library.open(pathlib.Path({str(library_path)!r}))\n"
            "except LibraryInUse:\n"
            "    sys.exit(3)\n"
        )
        proc = subprocess.run([sys.executable, "-c", code], timeout=60)
        assert proc.returncode == 3
        # and we still hold it, and can still write
        lib.create_report(_report(1))
    code_ok = code.replace("sys.exit(3)", "sys.exit(4)")
    assert subprocess.run([sys.executable, "-c", code_ok], timeout=60).returncode == 0


def test_folder_that_cannot_be_made(tmp_path: Path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(FolderNotWritable) as info:
        Library.open(blocker / "library.sqlite")
    assert "not-a-folder" in info.value.message


def test_full_disk_keeps_last_good_state(library_path: Path):
    with Library.open(library_path) as lib:
        rid = lib.create_report(_report(2))
        pages = lib._conn.execute("PRAGMA page_count").fetchone()[0]
        lib._conn.execute(f"PRAGMA max_page_count = {pages + 2}")
        huge = [Measure(title="ก" * 20_000) for _ in range(20)]
        with pytest.raises(WriteFailed) as info:
            lib.insert_measures(rid, 0, huge)
        assert "ดิสก์เต็ม" in info.value.message
        assert [m.title for m in lib.load_measures(rid)] == ["มาตรการที่ 0", "มาตรการที่ 1"]
        assert lib.integrity_ok()
        # still usable for small edits
        m0 = lib.load_measures(rid)[0]
        lib.update_measures(rid, [(m0.id, "owner", "กองช่าง")])


def test_backups_at_startup_keep_ten(library_path: Path):
    with Library.open(library_path) as lib:
        lib.create_report(_report())
    for _ in range(12):
        Library.open(library_path).close()
    with Library.open(library_path) as lib:
        backups = lib.backups()
        assert len(backups) == 10
        copy = sqlite3.connect(backups[0].path)
        assert copy.execute("SELECT count(*) FROM measure").fetchone()[0] == 3
        copy.close()


def test_kept_version_1_library_opens(tmp_path: Path):
    path = tmp_path / "old.sqlite"
    shutil.copy(SUPPORT / "library-v1.sqlite", path)
    with Library.open(path) as lib:
        [summary] = lib.list_reports()
        report = lib.load_report(summary.id)
        assert report.municipality == "เทศบาลเมืองชัยนาท"
        assert len(report.measures) == 2
        assert report.measures[1].owner == "-กองยุทธศาสตร์ฯ\n-งานนิติการ"
        assert lib.integrity_ok()
        # step 2 gave it an id of its own, kept from then on
        library_id = lib.library_id
        assert library_id and len(library_id) == 32
    with Library.open(path) as lib:
        assert lib.library_id == library_id
        assert lib._conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        assert lib.load_report(summary.id).memo is None  # step 3: no memo, none made


def test_kept_version_2_library_gets_its_memo_typed(tmp_path: Path):
    """Step 3 from a version-2 file (made by the program of then from demo 001, with a
    picture chosen): the memo leaves the options for its own tables, signed by the
    report's first signer, and the export's memo page is the same as before."""
    from itadesk.demo import read_demo
    from itadesk.document import build_document

    path = tmp_path / "v2.sqlite"
    shutil.copy(SUPPORT / "library-v2.sqlite", path)
    before = sqlite3.connect(path)
    assert before.execute("PRAGMA user_version").fetchone()[0] == 2
    [old_options] = before.execute("SELECT options FROM report").fetchone()
    before.close()
    assert "memo_form" in json.loads(old_options)
    with Library.open(path) as lib:
        [summary] = lib.list_reports()
        report = lib.load_report(summary.id)
    assert "memo_form" not in report.options and "garuda_image" not in report.options
    memo = report.memo
    assert memo is not None and memo.number == "ชน๕๒๐๐๖/-" and memo.date == "๒๔ เมษายน ๒๕๖๗"
    assert memo.signer == report.signers[0] and memo.signer.name == "นางสาวสุกัญญา อ่อนพร"
    assert [e.name for e in memo.endorsements] == ["นายอรุณ คุ่มทัน"]
    assert memo.endorsements[0].positions == ("ปลัดเทศบาลเมืองชัยนาท",)
    assert memo.garuda_image == "/ไม่มี/ครุฑ.png"
    assert memo == read_demo("001").memo.with_field("garuda_image", "/ไม่มี/ครุฑ.png")
    [page] = [s for s in build_document(report).sections if s.name == "memo"]
    [demo_page] = [s for s in build_document(read_demo("001")).sections if s.name == "memo"]
    assert page == demo_page


def test_memo_is_saved_replaced_and_removed(library: Path | str):
    from itadesk.domain import Endorsement, Memo

    memo = Memo(agency="กองคลัง", date="๑ ตุลาคม ๒๕๖๘", to="นายกเทศมนตรี",
                signer=Signer("นางสาว ก", ("หัวหน้าฝ่าย", "รักษาราชการแทน")),
                endorsements=(Endorsement("เรียน นายก\n-เพื่อโปรดทราบ", "นาย ข", ("ปลัด",)),
                              Endorsement("ทราบ", "นาย ค")))
    with Library.open(library) as lib:
        rid = lib.create_report(dataclasses.replace(_report(), memo=memo))
        assert lib.load_report(rid).memo == memo
        lib.update_report(rid, memo=memo.with_field("date", "๒ ตุลาคม ๒๕๖๘"))
        assert lib.load_report(rid).memo.date == "๒ ตุลาคม ๒๕๖๘"
        lib.update_report(rid, memo=None)
        assert lib.load_report(rid).memo is None
        lib.update_report(rid, memo=memo)
        lib.delete_report(rid)
        assert lib._conn.execute("SELECT count(*) FROM memo_endorsement").fetchone()[0] == 0


def test_step_7_from_a_kept_version_6_library_keeps_where_reports_came_from(tmp_path: Path):
    """Step 7 (report_origin) from a version-6 file made by the program of then (demo 001
    twice, alike): both are of unknown origin and first copies; a report added now keeps
    its origin and copy, and an undone deletion puts them back."""
    from itadesk.domain import Origin, OriginKind

    path = tmp_path / "v6.sqlite"
    shutil.copy(SUPPORT / "library-v6.sqlite", path)
    before = sqlite3.connect(path)
    assert before.execute("PRAGMA user_version").fetchone()[0] == 6
    before.close()
    with Library.open(path) as lib:
        old = lib.list_reports()
        assert len(old) == 2 and {s.origin for s in old} == {Origin()}
        assert all(s.created for s in old)
        same = lib.same_reports(" เทศบาลเมืองชัยนาท ", 2567)
        assert {s.id for s in same} == {s.id for s in old}
        assert lib.same_reports("เทศบาลเมืองชัยนาท", 2568) == []
        origin = Origin(OriginKind.IMPORTED, "ชัยนาท.docx", 3)
        rid = lib.create_report(dataclasses.replace(lib.load_report(old[0].id), id=None,
                                                    origin=origin))
        assert lib.load_report(rid).origin == origin
        whole = lib.load_report(rid)
        lib.delete_report(rid)
        lib.create_report(whole, keep_ids=True)
        assert lib.load_report(rid).origin == origin
        assert lib.list_reports()[0].origin == origin
        assert lib.integrity_ok()


@pytest.mark.parametrize("version", range(1, LATEST_VERSION))
def test_a_server_library_of_each_older_version_is_migrated_by_the_same_steps(
        pg_url: str, version: int):
    from itadesk.store import server
    from itadesk.store.schema import MIGRATIONS

    conn = server.connect(pg_url)
    conn.execute("BEGIN")
    conn.execute("CREATE TABLE itadesk_schema (application TEXT NOT NULL, version INTEGER"
                 " NOT NULL)")
    conn.execute("INSERT INTO itadesk_schema VALUES ('ITAD', ?)", (version,))
    for step in MIGRATIONS[:version]:
        step(conn)
    rid = conn.execute(
        "INSERT INTO report (layout, municipality, fiscal_year, created, updated)"
        " VALUES ('six-timing-first', 'เทศบาลตำบลบ่อปลาทอง', 2568, 'x', 'y') RETURNING id"
    ).fetchone()[0]
    conn.execute("INSERT INTO measure (report_id, position, title) VALUES (?, 0, 'มาตรการ')",
                 (rid,))
    conn.execute("COMMIT")
    conn.close()
    with Library.open(pg_url) as lib:
        assert not lib.created
        report = lib.load_report(rid)
        assert report.municipality == "เทศบาลตำบลบ่อปลาทอง"
        assert [m.title for m in report.measures] == ["มาตรการ"]
        assert report.measures[0].monitoring == "" and lib.library_id
        assert lib.dialect.version(lib._conn) == LATEST_VERSION
        lib.update_measures(rid, [(report.measures[0].id, "monitoring", "ทุกเดือน")])
        assert lib.load_report(rid).measures[0].monitoring == "ทุกเดือน"


def test_a_draft_is_kept_brought_up_to_date_and_dropped(library: Path | str):
    from itadesk.domain.model import Draft

    with Library.open(library) as lib:
        rid = lib.create_report(_report(1))
        mid = lib.load_measures(rid)[0].id
        saved = lib.last_saved
        lib.keep_draft(Draft(rid, mid, "steps", "๑. ประชุ", ""))
        lib.keep_draft(Draft(rid, mid, "steps", "๑. ประชุม", ""))
        lib.keep_draft(Draft(rid, 0, "report.opening", "ด้วย", "เดิม"))
        assert lib.last_saved == saved  # a draft is not an edit of the report
    with Library.open(library) as lib:
        assert sorted((d.measure_id, d.field, d.text, d.base) for d in lib.drafts(rid)) == [
            (0, "report.opening", "ด้วย", "เดิม"), (mid, "steps", "๑. ประชุม", "")]
        lib.drop_draft(rid, mid, "steps")
        assert [d.field for d in lib.drafts(rid)] == ["report.opening"]
        lib.delete_report(rid)
        assert lib.drafts(rid) == []
