"""Word export: real .docx files read back with python-docx, their XML, and LibreOffice."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest

from itadesk.document import ExportOptions, Table, build_document
from itadesk.domain import Measure, MeasureKind, Report, Score, Signer, builtin_layouts
from itadesk.exchange.importing import read_any
from itadesk.exchange.jsonfile import read_report
from itadesk.export import ExportError
from itadesk.export.docx import write_docx
from itadesk.export.docx.fonts import deobfuscate
from itadesk.paths import font_dir, resource

from .pdfcheck import column_text, in_order_ratio

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
THAI = re.compile(r"[\u0e00-\u0e7f]")


def demo(name: str) -> Report:
    return read_report(resource("demo", f"{name}.itadesk.json"))


def export(report: Report, path: Path, **options) -> Path:
    opts = ExportOptions.from_report(report, **options)
    write_docx(build_document(report, opts), path, embed=opts.embed_fonts)
    return path


def test_every_thai_run_has_complex_script_font_size_and_language(tmp_path):
    path = export(demo("kalasin-2568"), tmp_path / "k.docx", cover=True)
    document = docx.Document(str(path))
    runs = list(document.element.body.iter(f"{W}r"))
    thai_runs = [r for r in runs if THAI.search("".join(t.text or "" for t in r.iter(f"{W}t")))]
    assert len(thai_runs) > 80
    for r in thai_runs:
        rpr = r.find(f"{W}rPr")
        fonts = rpr.find(f"{W}rFonts")
        assert fonts.get(f"{W}cs") == "TH Sarabun New"
        assert fonts.get(f"{W}ascii") == "TH Sarabun New"
        assert not [a for a in fonts.attrib if "heme" in a]
        assert rpr.find(f"{W}szCs").get(f"{W}val") == rpr.find(f"{W}sz").get(f"{W}val")
        assert rpr.find(f"{W}lang").get(f"{W}bidi") == "th-TH"
        if rpr.find(f"{W}b") is not None:
            assert rpr.find(f"{W}bCs") is not None
    styles = document.styles.element
    default = styles.find(f"{W}docDefaults").find(f"{W}rPrDefault").find(f"{W}rPr")
    assert default.find(f"{W}rFonts").get(f"{W}cs") == "TH Sarabun New"
    assert default.find(f"{W}szCs").get(f"{W}val") == "32"
    assert "ar-SA" not in styles.xml


@pytest.mark.parametrize("layout", [lay for lay in builtin_layouts()], ids=lambda lay: lay.id)
def test_each_layout_table_headers_widths_and_page(layout, tmp_path):
    report = Report(layout=layout.id, municipality="เทศบาลทดสอบ", measures=(
        Measure(title="มาตรการหนึ่ง", owner="สำนักปลัด", timing="ต.ค. ๖๗", result="ทำแล้ว"),))
    document = docx.Document(str(export(report, tmp_path / "r.docx", embed_fonts=False)))
    section = document.sections[-1]
    if layout.form == "narrative":
        assert (section.page_width.mm, section.page_height.mm) == pytest.approx((210, 297),
                                                                                abs=0.1)
        assert not document.tables
        texts = [p.text for p in document.paragraphs]
        assert "๑. มาตรการหนึ่ง" in texts and "ผู้รับผิดชอบ:" in texts
        return
    landscape = layout.orientation == "landscape"
    page = (297, 210) if landscape else (210, 297)
    assert (section.page_width.mm, section.page_height.mm) == pytest.approx(page, abs=0.1)
    assert section.orientation == (1 if landscape else 0)
    margins = layout.margins(landscape)
    [table] = document.tables
    assert [c.text for c in table.rows[0].cells] == [c.header for c in layout.columns]
    tbl = table._tbl
    assert tbl.find(f"{W}tblPr").find(f"{W}tblLayout").get(f"{W}type") == "fixed"
    grid = [int(g.get(f"{W}w")) for g in tbl.find(f"{W}tblGrid")]
    total = sum(c.width for c in layout.columns)
    text_width = (page[0] - margins.left_mm - margins.right_mm) * 1440 / 25.4
    for g, c in zip(grid, layout.columns, strict=True):
        assert g == pytest.approx(text_width * c.width / total, abs=2)
    rows = tbl.findall(f"{W}tr")
    assert rows[0].find(f"{W}trPr").find(f"{W}tblHeader") is not None
    # no row breaks across pages (tests/test_table_rows.py), only the first repeats
    assert all(r.find(f"{W}trPr").find(f"{W}cantSplit") is not None for r in rows)
    assert all(r.find(f"{W}trPr").find(f"{W}tblHeader") is None for r in rows[1:])
    for tc in tbl.iter(f"{W}tc"):
        assert tc.find(f"{W}tcPr").find(f"{W}tcW") is not None


def test_fonts_are_embedded_and_can_be_read_back(tmp_path):
    path = export(demo("borplathong-2568"), tmp_path / "b.docx")
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        assert "word/fonts/font1.odttf" in names
        table = z.read("word/fontTable.xml").decode()
        settings = z.read("word/settings.xml").decode()
        rels = z.read("word/_rels/fontTable.xml.rels").decode()
        types = z.read("[Content_Types].xml").decode()
        keys = dict(re.findall(r'r:id="(rId\d+)" w:fontKey="(\{[0-9A-F-]+\})"', table))
        targets = dict(re.findall(r'Id="(rId\d+)"[^>]*Target="([^"]+)"', rels))
        if not targets:
            targets = {i: t for t, i in re.findall(r'Target="([^"]+)"[^>]*Id="(rId\d+)"', rels)}
        assert "<w:embedTrueTypeFonts/>" in settings
        assert "obfuscatedFont" in types
        regular = (font_dir() / "THSarabunNew-Regular.ttf").read_bytes()
        first = keys[next(iter(keys))]
        data = z.read("word/" + targets[next(iter(keys))].lstrip("/").removeprefix("word/"))
        assert data != regular and deobfuscate(data, first) == regular
        # the faces a report uses, and no more: nothing in a report is italic
        assert re.findall(r"<w:(embed\w+) ", table) == ["embedRegular", "embedBold"]
        assert len([n for n in names if n.startswith("word/fonts/")]) == 2
        assert "<w:i/>" not in z.read("word/document.xml").decode()
    unembedded = export(demo("borplathong-2568"), tmp_path / "b0.docx", embed_fonts=False)
    assert unembedded.stat().st_size < path.stat().st_size / 3


def test_page_numbers_thai_top_centre_and_cover_unnumbered(tmp_path):
    document = docx.Document(str(export(demo("kalasin-2568"), tmp_path / "k.docx", cover=True)))
    cover, body = document.sections
    assert cover.header.paragraphs[0].text == ""
    assert "PAGE" in body.header._element.xml
    assert body.header.paragraphs[0].alignment == 1
    number_type = body._sectPr.find(f"{W}pgNumType")
    assert number_type.get(f"{W}fmt") == "thaiNumbers"
    arabic = docx.Document(str(export(demo("kalasin-2568"), tmp_path / "a.docx",
                                      thai_digits=False, cover=False)))
    assert arabic.sections[-1]._sectPr.find(f"{W}pgNumType").get(f"{W}fmt") == "decimal"
    assert arabic.sections[-1]._sectPr.find(f"{W}titlePg") is not None  # page 1 unnumbered


def test_score_lines_and_signatures_in_the_file(tmp_path):
    report = Report(fiscal_year=2568, municipality="เทศบาลทดสอบ",
                    signers=(Signer("นายทดสอบ ใจดี", ("ปลัดเทศบาล",), "ผู้รายงาน"),),
                    measures=(Measure(title="ก", scores=(Score("ช่องทาง", "94.99", "98.72"),)),
                              Measure(kind=MeasureKind.SECTION, title="หมวดสอง")))
    document = docx.Document(str(export(report, tmp_path / "s.docx", embed_fonts=False)))
    cell = document.tables[0].rows[1].cells[5].text
    assert "มีคะแนนเฉลี่ยเพิ่มขึ้น ๓.๗๓ คะแนน" in cell and "ITA ปี ๒๕๖๗" in cell
    texts = [p.text for p in document.paragraphs]
    assert "(นายทดสอบ ใจดี)" in texts and "ปลัดเทศบาล" in texts


def test_read_only_target_keeps_the_old_file(tmp_path):
    target = tmp_path / "report.docx"
    target.write_bytes(b"old report")
    target.chmod(0o444)
    with pytest.raises(ExportError) as info:
        export(demo("borplathong-2568"), target)
    assert "อ่านอย่างเดียว" in info.value.message
    assert target.read_bytes() == b"old report"


def test_failed_write_leaves_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "report.docx"
    target.write_bytes(b"old report")
    report = demo("borplathong-2568")
    document = build_document(report)
    from itadesk.export import files

    def boom(src, dst):
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(files.os, "replace", boom)
    with pytest.raises(ExportError) as info:
        write_docx(document, target)
    assert "เปิดอยู่ในโปรแกรมอื่น" in info.value.message
    assert target.read_bytes() == b"old report"
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == ["report.docx"]


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_renders_it_with_the_embedded_fonts(tmp_path):
    report = demo("borplathong-2568")
    path = export(report, tmp_path / "bor.docx")
    out = subprocess.run(
        [SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        capture_output=True, text=True, timeout=240)
    pdf = tmp_path / "bor.pdf"
    assert pdf.exists(), out.stderr
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    names = [line.split()[0] for line in fonts.splitlines()[2:]]
    assert names and all("THSarabunNew" in n for n in names)
    assert all(" yes " in line for line in fonts.splitlines()[2:])
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True).stdout
    # the header row on every page that holds the table
    pages = [p for p in text.split("\f") if p.strip()]
    assert len(pages) >= 3
    for p in pages:
        assert "วิธีดำเนินการ" in p and "ผู้รับผิดชอบ" in p and "ผลการดำเนินการ" in p
    # each column's text, read top to bottom page after page, has the measures' text in order
    doc = build_document(report)
    [table] = [b for b in doc.sections[-1].blocks if isinstance(b, Table)]
    page = doc.sections[-1].page
    columns = column_text(pdf, page.left_mm, table.widths_mm)
    for index, column in enumerate(columns):
        expected = "".join(p.text for row in table.rows for p in row.cells[index].paragraphs)
        assert in_order_ratio(expected, column) >= 0.99, index


def _png(path: Path) -> Path:
    """A small real PNG (a grey square), written by hand: no imaging library needed."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    raw = b"".join(b"\x00" + b"\x80" * 20 for _ in range(20))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 20, 20, 8, 0,
                                                                      0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    return path


def test_memo_with_garuda_and_measure_extras(tmp_path):
    report = demo("chainat-2567")
    measures = list(report.measures)
    measures[0] = dataclasses.replace(measures[0], budget="๕,๐๐๐ บาท",
                                      problems="ประชาชนไม่ทราบช่องทาง",
                                      suggestions="เพิ่มป้ายประชาสัมพันธ์")
    report = dataclasses.replace(report, measures=tuple(measures))
    garuda = _png(tmp_path / "garuda.png")
    path = export(report, tmp_path / "m.docx", garuda_image=str(garuda), embed_fonts=False)
    document = docx.Document(str(path))
    assert len(document.inline_shapes) == 1
    assert document.inline_shapes[0].height.mm == pytest.approx(15, abs=0.1)
    result = document.tables[0].rows[1].cells[4].text
    assert "งบประมาณที่ใช้: ๕,๐๐๐ บาท" in result
    assert "ปัญหา/อุปสรรค: ประชาชนไม่ทราบช่องทาง" in result
    assert "ข้อเสนอแนะ: เพิ่มป้ายประชาสัมพันธ์" in result
    memo_section = document.sections[0]
    assert memo_section.left_margin.mm == pytest.approx(30, abs=0.1)
    assert memo_section.right_margin.mm == pytest.approx(20, abs=0.1)
    title = next(p for p in document.paragraphs if p.text == "บันทึกข้อความ")
    assert title.runs[0].font.size.pt == 29 and title.runs[0].font.bold
    field = next(p for p in document.paragraphs if p.text.startswith("ส่วนราชการ"))
    assert field.runs[0].font.size.pt == 20 and "w:leader=\"dot\"" in field._p.xml


def coded_report() -> Report:
    return Report(layout="improvement-plan", measures=(
        Measure(code="e8", title="หน่วยงานเผยแพร่ผลงาน", owner="สำนักปลัด"),
        Measure(code="O35", title="การเปิดเผยข้อมูล", owner="กองคลัง")))


def libreoffice_text(path: Path, tmp_path: Path) -> str:
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   capture_output=True, timeout=240, check=True)
    return subprocess.run(["pdftotext", "-layout", str(path.with_suffix(".pdf")), "-"],
                          capture_output=True, text=True, check=True).stdout


def test_a_question_code_is_one_word_where_latin_meets_thai(tmp_path):
    path = export(coded_report(), tmp_path / "codes.docx", embed_fonts=False)
    cells = [c.text for c in docx.Document(str(path)).tables[0].rows[1].cells]
    # one run, the code against its Thai digit with only a word joiner (no width) between
    assert cells[0] == "e\u2060๘ หน่วยงานเผยแพร่ผลงาน"
    imported = read_any(path).measures[0]
    # and read back as the clerk typed it: the code an identifier (test_import_word)
    assert (imported.code, imported.title) == ("e8", "หน่วยงานเผยแพร่ผลงาน")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_shows_a_question_code_without_a_gap(tmp_path):
    text = libreoffice_text(export(coded_report(), tmp_path / "codes.docx"), tmp_path)
    assert "e๘ หน่วยงานเผยแพร่ผลงาน" in text and "O๓๕ การเปิดเผยข้อมูล" in text
