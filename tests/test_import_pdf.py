"""Last year's PDF: the clerks' Word files of test_import_word.py made into PDFs by
LibreOffice (with TH Sarabun New installed for it) read back as their Word files do; our
own export read back; scans and broken files told in Thai."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from itadesk import demo
from itadesk.document import ExportOptions
from itadesk.exchange.importing import ImportProblem, read_with_summary
from itadesk.exchange.jsonfile import report_to_dict
from itadesk.export.jobs import export_report
from itadesk.paths import font_dir
from itadesk.thai.pdftext import drop_split_spaces, repair

from .test_import_word import _clerks_plan

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")


def _to_pdf(source: Path, folder: Path, *more: Path) -> Path:
    """`soffice --headless --convert-to pdf`, with the program's fonts in a home of its own
    (fontconfig reads ~/.fonts), so the PDF has TH Sarabun New as a clerk's would; `more`
    files in the same run (LibreOffice takes seconds to start)."""
    home = folder / "home"
    (home / ".fonts").mkdir(parents=True, exist_ok=True)
    for font in font_dir().glob("*.ttf"):
        shutil.copy(font, home / ".fonts")
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{folder}/profile",
                    "--convert-to", "pdf", "--outdir", str(folder), str(source),
                    *map(str, more)],
                   capture_output=True, timeout=240, check=True,
                   env={"HOME": str(home), "PATH": "/usr/bin:/bin"})
    return folder / f"{source.stem}.pdf"


def _fields(report):
    return (report.layout, report.title, report.fiscal_year, report.period,
            report.municipality, report.district, report.province, report.prepared_by,
            report.opening, report.closing, report.signers, report.measures, report.memo)


@needs_soffice
def test_a_clerks_plan_as_pdf_reads_as_its_word_file(tmp_path):
    source = tmp_path / "plan.docx"
    _clerks_plan(source)
    from_word, _ = read_with_summary(source)
    from_pdf, summary = read_with_summary(_to_pdf(source, tmp_path))
    # every field (test_import_word checks them), the nested table's cells too: lines of
    # the outer cell, one a cell, as from the Word file (they came as one line)
    assert from_pdf.measures[3].steps == from_word.measures[3].steps == "ขั้นที่\nงาน\n1\nขึ้นเว็บไซต์"
    assert _fields(from_pdf) == _fields(from_word)
    assert from_pdf.options["cover"] and from_pdf.options["memo"]
    text = summary.text()
    assert "มาตรการ ๕ รายการ · หัวข้อหมวด ๓ แถว · ผู้ลงนาม ๒ คน" in text
    assert "ส่วนที่ไม่ได้นำเข้า: ไม่มี" in text


@needs_soffice
def test_a_clerks_narrative_as_pdf(tmp_path):
    document = docx.Document()
    for text in ("รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใส", "ประจำปีงบประมาณ พ.ศ. 2567",
                 "เทศบาลตำบลหนองบัว อำเภอเมือง จังหวัดขอนแก่น", "1. มาตรการเผยแพร่ข้อมูล",
                 "โครงการ/กิจกรรม: ปรับปรุงเว็บไซต์", "ผู้รับผิดชอบ: สำนักปลัด",
                 "ผลการดำเนินการ (Output)", "- เผยแพร่ครบ", "2. มาตรการรับเรื่องร้องเรียน",
                 "ผู้รับผิดชอบ: กองคลัง", "ผลการดำเนินการ: ทำแล้ว"):
        document.add_paragraph(text)
    source = tmp_path / "story.docx"
    document.save(str(source))
    from_word, _ = read_with_summary(source)
    from_pdf, _ = read_with_summary(_to_pdf(source, tmp_path))
    assert from_pdf.layout == "narrative" and len(from_pdf.measures) == 2
    assert _fields(from_pdf) == _fields(from_word)


@pytest.mark.parametrize("seed,continuation", [(seed, False) for seed in sorted(demo.DEMOS)]
                         + [("001", True)])
def test_our_demo_pdf_exports_come_back_equal(seed, continuation, tmp_path):
    """Our own PDF read back field by field: text wrapped in narrow columns joined with the
    spaces the clerk typed (and no others), a row cut at the page foot and continued under
    the repeated header one measure, a heading's line breaks its own; the options the
    pages show (cover, memo, title block, digits, คำต่อหน้า) as they were."""
    report = demo.read_demo(seed)
    options = ExportOptions.from_report(report, continuation_word=continuation)
    path = export_report(report, tmp_path / "out.pdf", options)
    back, summary = read_with_summary(path)
    want, got = report_to_dict(report)["report"], report_to_dict(back)["report"]
    if not options.cover:  # only the cover prints จัดทำโดย
        want.pop("prepared_by")
        got.pop("prepared_by")
    shown = ExportOptions.from_report(back)
    for name in ("cover", "memo", "title_block", "thai_digits", "continuation_word"):
        assert getattr(shown, name) == getattr(options, name), name
    assert back.memo == report.memo
    want.pop("options")
    got.pop("options")
    assert len(back.measures) == len(report.measures)
    for index, (a, b) in enumerate(zip(got.pop("measures"), want.pop("measures"), strict=True)):
        assert a == b, index
    assert got == want
    assert not summary.left_out


def test_thai_text_of_a_pdf_is_repaired():
    # Private Use glyphs of the Sarabun family, "ํา" and "ำา" for SARA AM, tone before vowel
    assert repair("ป\uf70a") == "ป่"
    assert repair("ท\uf710\uf70b") == "ทั้"
    assert repair("น\u0e49\u0e4d\u0e32") == "น้ำ" == repair("น\u0e4d\u0e49\u0e32")
    assert repair("ดำาเนินการ") == "ดำเนินการ"
    assert repair("ท\u0e48\u0e35") == "ที่"
    # a space left inside a word goes, a space between words stays
    assert drop_split_spaces("การประ ชุม") == "การประชุม"
    assert drop_split_spaces("ประชุม คณะกรรมการ") == "ประชุม คณะกรรมการ"


def test_a_scan_and_broken_pdfs_are_told_in_thai(tmp_path):
    from reportlab.pdfgen import canvas

    scan = tmp_path / "scan.pdf"
    page = canvas.Canvas(str(scan))
    page.rect(50, 50, 400, 600, fill=1)  # a picture of a page: no text at all
    page.save()
    with pytest.raises(ImportProblem) as info:
        read_with_summary(scan)
    assert "ภาพสแกน" in info.value.message and info.value.english
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    with pytest.raises(ImportProblem) as info:
        read_with_summary(broken)
    assert "เสียหาย" in info.value.message or "ภาพสแกน" in info.value.message
    not_pdf = tmp_path / "letter.pdf"
    not_pdf.write_text("จดหมาย", encoding="utf-8")
    with pytest.raises(ImportProblem) as info:
        read_with_summary(not_pdf)
    assert "ไม่ใช่ไฟล์ PDF" in info.value.message
