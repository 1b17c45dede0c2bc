"""The command line: the same export jobs without a window."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx

from itadesk.demo import add_demo_reports
from itadesk.store import Library


def itadesk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "itadesk", *args], capture_output=True,
                          text=True, timeout=120)


def test_export_a_demo_report(tmp_path: Path):
    out = tmp_path / "chainat.docx"
    result = itadesk("export", "--demo", "001", "-o", str(out), "--no-embed-fonts", "--cover")
    assert result.returncode == 0, result.stderr
    document = docx.Document(str(out))
    assert document.tables[0].rows[0].cells[0].text == "มาตรการ/แนวทาง"
    texts = [p.text for p in document.paragraphs]
    assert "บันทึกข้อความ" in texts  # the demo's memo switch is on


def test_export_from_the_library_by_name_or_id(tmp_path: Path):
    library = tmp_path / "library.sqlite"
    with Library.open(library) as lib:
        ids = add_demo_reports(lib)
    listing = itadesk("--library", str(library), "list")
    assert listing.returncode == 0 and "เทศบาลตำบลบ่อปลาทอง" in listing.stdout
    by_name = itadesk("--library", str(library), "export", "บ่อปลาทอง", "-o",
                      str(tmp_path / "a.docx"), "--no-embed-fonts", "--no-thai-digits")
    assert by_name.returncode == 0, by_name.stderr
    assert "ประจำปีงบประมาณ พ.ศ. 2568" in [p.text for p in
                                         docx.Document(str(tmp_path / "a.docx")).paragraphs]
    by_id = itadesk("--library", str(library), "export", str(ids[0]), "-o",
                    str(tmp_path / "b.docx"), "--no-embed-fonts")
    assert by_id.returncode == 0, by_id.stderr
    ambiguous = itadesk("--library", str(library), "export", "เทศบาล", "-o",
                        str(tmp_path / "c.docx"))
    assert ambiguous.returncode == 3 and "หลายฉบับ" in ambiguous.stderr
    assert not (tmp_path / "c.docx").exists()


def test_bad_requests_get_clear_messages(tmp_path: Path):
    assert itadesk("export", "-o", str(tmp_path / "x.docx")).returncode == 2
    wrong = itadesk("export", "--demo", "000", "-o", str(tmp_path / "x.txt"))
    assert wrong.returncode == 2 and "--format docx" in wrong.stderr
    pdf = itadesk("export", "--demo", "002", "-o", str(tmp_path / "bor.pdf"))
    assert pdf.returncode == 0, pdf.stderr
    assert (tmp_path / "bor.pdf").read_bytes().startswith(b"%PDF")
    target = tmp_path / "locked.docx"
    target.write_bytes(b"old")
    target.chmod(0o444)
    locked = itadesk("export", "--demo", "000", "-o", str(target))
    assert locked.returncode == 5 and "อ่านอย่างเดียว" in locked.stderr
    assert target.read_bytes() == b"old"


def test_window_starts_shows_the_demo_library_and_takes_a_backup(tmp_path: Path):
    import os

    library = tmp_path / "library.sqlite"
    env = {**os.environ, "ITADESK_QUIT_WHEN_SHOWN": "1", "QT_QPA_PLATFORM": "offscreen"}
    for start in range(2):
        run = subprocess.run([sys.executable, "-m", "itadesk", "--library", str(library)],
                             capture_output=True, text=True, timeout=120, env=env)
        assert run.returncode == 0 and "shown" in run.stdout, run.stderr
        backups = list((tmp_path / "backups").glob("*/*.sqlite"))
        # the first start makes the library (nothing to back up); each later one copies it
        assert len(backups) == start
    with Library.open(library) as lib:
        assert len(lib.list_reports()) == 3


def test_check_import_and_save_json(tmp_path: Path):
    library = tmp_path / "library.sqlite"
    checked = itadesk("check", "--demo", "000")
    assert checked.returncode == 1 and "ปีเดียวกันสองครั้ง" in checked.stdout
    clean = tmp_path / "clean.itadesk.json"
    from itadesk.domain import Measure, Report
    from itadesk.exchange.jsonfile import write_report

    write_report(Report(municipality="เทศบาลสะอาด", measures=(Measure(
        title="(๑) มาตรการ", owner="สำนักปลัด", timing="ไตรมาสที่ ๑", result="ทำแล้ว"),)), clean)
    assert itadesk("check", str(clean)).returncode == 0
    imported = itadesk("--library", str(library), "import", str(clean))
    assert imported.returncode == 0, imported.stderr
    report_id = imported.stdout.strip()
    saved = tmp_path / "again.itadesk.json"
    assert itadesk("--library", str(library), "save-json", report_id, "-o", str(saved)
                   ).returncode == 0
    assert "เทศบาลสะอาด" in saved.read_text(encoding="utf-8")
    bad = tmp_path / "bad.itadesk.json"
    bad.write_text("[]", encoding="utf-8")
    refused = itadesk("--library", str(library), "import", str(bad))
    assert refused.returncode == 2 and "ไม่ใช่ไฟล์รายงาน" in refused.stderr
    with Library.open(library) as lib:
        assert [r.municipality for r in lib.list_reports()] == ["เทศบาลสะอาด"]
