"""Importing last year's report: our own .docx, the same through LibreOffice, tables made
by hand with split rows and merged cells, JSON files, and hostile files."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile

import docx
import pytest

from itadesk import demo
from itadesk.document import ExportOptions
from itadesk.domain import MeasureKind
from itadesk.exchange.importing import ImportProblem, read_any
from itadesk.exchange.jsonfile import read_report, report_to_dict
from itadesk.export.jobs import export_report
from itadesk.paths import resource

DEMOS = tuple(demo.DEMOS.values())
FIELDS = ("title", "steps", "owner", "timing", "result", "outcome")


def same_measures(a, b) -> bool:
    return [[m.get(f) for f in FIELDS] for m in a.measures] == [
        [m.get(f) for f in FIELDS] for m in b.measures]


@pytest.mark.parametrize("name", DEMOS)
def test_export_then_import_gives_the_same_report(name, tmp_path):
    report = read_report(resource("demo", f"{name}.itadesk.json"))
    path = export_report(report, tmp_path / f"{name}.docx",
                         ExportOptions.from_report(report, thai_digits=False, embed_fonts=False))
    back = read_any(path)
    assert back.layout == report.layout and back.fiscal_year == report.fiscal_year
    assert (back.municipality, back.district, back.province) == (
        report.municipality, report.district, report.province)
    assert same_measures(back, report)


SOFFICE = shutil.which("soffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_import_after_a_trip_through_libreoffice(tmp_path):
    report = read_report(resource("demo", "borplathong-2568.itadesk.json"))
    (tmp_path / "src").mkdir()
    ours = export_report(report, tmp_path / "src" / "bor.docx", ExportOptions.from_report(
        report, thai_digits=False, embed_fonts=False))
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "docx", "--outdir", str(tmp_path / "lo"), str(ours)],
                   capture_output=True, timeout=240, check=True)
    back = read_any(tmp_path / "lo" / "bor.docx")
    assert same_measures(back, report)


def test_split_rows_merged_cells_and_header_variants(tmp_path):
    document = docx.Document()
    document.add_paragraph("รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใส")
    document.add_paragraph("ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ องค์การบริหารส่วนตำบลหนองบัว "
                           "อำเภอเมือง จังหวัดขอนแก่น")
    headers = ["มาตรการ / กิจกรรม", "วิธีดำเนินการ", "ระยะเวลา ดำเนินการ", "ผู้รับผิดชอบ",
               "ผลการดำเนินการ", "ผลลัพธ์หรือความสำเร็จ ของการดำเนินการ"]
    table = document.add_table(rows=0, cols=6)
    for values in (headers,
                   ["๑. มาตรการแรก", "- ประชุม", "ต.ค. ๖๖", "สำนักปลัด", "ทำแล้ว", "ดี"],
                   ["", "- ประกาศ", "", "", "ส่วนต่อ", ""],  # Word split it across pages
                   headers,  # the header repeated on the next page
                   ["หมวดพิเศษ"] * 6,  # merged below
                   ["๒. มาตรการสอง", "ขั้นตอน", "ทั้งปี", "กองคลัง", "ผล", "ผลลัพธ์"]):
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.text = value
    merged = table.rows[4].cells[0].merge(table.rows[4].cells[5])
    merged.text = "หมวดพิเศษ"
    path = tmp_path / "hand.docx"
    document.save(str(path))
    report = read_any(path)
    assert report.layout == "six-timing-first"
    assert report.fiscal_year == 2567
    assert report.municipality == "องค์การบริหารส่วนตำบลหนองบัว"
    assert report.province == "ขอนแก่น"
    first, section, second = report.measures
    assert first.steps == "- ประชุม\n- ประกาศ" and first.result == "ทำแล้ว\nส่วนต่อ"
    assert section.kind is MeasureKind.SECTION and section.title == "หมวดพิเศษ"
    assert second.owner == "กองคลัง"


def test_bad_files_are_refused_with_a_message(tmp_path):
    broken = tmp_path / "broken.itadesk.json"
    broken.write_text('{"format": 1, "report": {"fiscal_year": "สองพัน"}}', encoding="utf-8")
    with pytest.raises(ImportProblem) as info:
        read_any(broken)
    assert "report.fiscal_year" in info.value.message
    newer = tmp_path / "newer.itadesk.json"
    newer.write_text(json.dumps({"format": 9, "report": {}}), encoding="utf-8")
    with pytest.raises(ImportProblem) as info:
        read_any(newer)
    assert "รูปแบบที่ 9" in info.value.message
    not_json = tmp_path / "x.itadesk.json"
    not_json.write_text("{ ไม่ใช่ json", encoding="utf-8")
    with pytest.raises(ImportProblem):
        read_any(not_json)
    no_table = tmp_path / "letter.docx"
    d = docx.Document()
    d.add_paragraph("จดหมายทั่วไป ไม่มีตาราง")
    d.save(str(no_table))
    with pytest.raises(ImportProblem) as info:
        read_any(no_table)
    assert "ไม่พบตารางมาตรการ" in info.value.message
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<w:document/>")
        z.writestr("word/big.bin", b"\0" * (60 * 1024 * 1024))
    with pytest.raises(ImportProblem) as info:
        read_any(bomb)
    assert "ผิดปกติ" in info.value.message or "ใหญ่เกิน" in info.value.message
    entities = tmp_path / "entities.docx"
    with zipfile.ZipFile(entities, "w") as z:
        z.writestr("word/document.xml",
                   b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><w:document/>')
    with pytest.raises(ImportProblem):
        read_any(entities)


def test_json_round_trip_keeps_every_field(tmp_path):
    from itadesk.exchange.jsonfile import write_report

    report = read_report(resource("demo", "chainat-2567.itadesk.json"))
    path = tmp_path / "c.itadesk.json"
    write_report(report, path)
    assert report_to_dict(read_any(path)) == report_to_dict(report)
    assert "เทศบาลเมืองชัยนาท" in path.read_text(encoding="utf-8")  # Thai kept as Thai


def test_demo_files_follow_the_published_schema():
    import jsonschema

    from itadesk.paths import app_root

    schema = json.loads((app_root() / "resources" / "itadesk-exchange.schema.json").read_text())
    for name in DEMOS:
        data = json.loads(resource("demo", f"{name}.itadesk.json").read_text(encoding="utf-8"))
        jsonschema.validate(data, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"format": 3, "report": {}}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"format": 2, "report": {"memo": {"signer": []}}}, schema)


def test_a_format_1_file_still_imports_with_its_memo_typed(tmp_path):
    """The chainat demo as format 1 wrote it (memo in options.memo_form, signed by the
    first signer): read as the same report as today's format 2 demo, and written back
    as format 2, which reads the same again."""
    from itadesk.exchange.jsonfile import write_report

    from .conftest import SUPPORT

    old = SUPPORT / "chainat-2567.format1.itadesk.json"
    assert json.loads(old.read_text(encoding="utf-8"))["format"] == 1
    report = read_any(old)
    assert report == demo.read_demo("001")
    assert "memo_form" not in report.options
    assert report.memo is not None and report.memo.signer == report.signers[0]
    path = tmp_path / "again.itadesk.json"
    write_report(report, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == 2 and data["report"]["memo"]["number"] == "ชน๕๒๐๐๖/-"
    assert read_any(path) == report


def test_a_200_mb_file_is_refused_at_once(tmp_path):
    huge = tmp_path / "huge.itadesk.json"
    with huge.open("wb") as fh:  # sparse: nothing is really written
        fh.truncate(200 * 1024 * 1024)
    with pytest.raises(ImportProblem) as info:
        read_any(huge)
    assert "ใหญ่เกิน" in info.value.message
