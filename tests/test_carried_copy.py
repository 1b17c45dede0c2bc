"""Digits as typed, back from our own exports: a clerk types Arabic digits ("1.", "ร้อยละ 85"),
exports with Thai digits (the default), imports the file again and gets Arabic digits back,
from the exchange file the .docx (a custom XML part) and the .pdf (an attachment) carry.
What was edited in Word afterwards follows the visible text; a broken or hostile copy is
a note, never a failed import; a file with Thai digits and no copy says so."""

from __future__ import annotations

import dataclasses
import io
import json
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest

from itadesk.document import ExportOptions, build_document
from itadesk.domain import Measure, MeasureKind, Report, Signer
from itadesk.exchange.carried import IGNORED, THAI_ONLY
from itadesk.exchange.importing import read_with_summary
from itadesk.export.docx import docx_bytes
from itadesk.export.jobs import export_bytes, export_report
from itadesk.export.pdf import pdf_bytes
from itadesk.export.signing import signer_from_file

from .test_import_pdf import SOFFICE, needs_soffice
from .test_signing import PASSWORD, make_certificate, validate

REPORT = Report(
    layout="six-measures", municipality="เทศบาลตำบลหนองบัว", district="เมือง",
    province="ขอนแก่น", fiscal_year=2568, period="รอบ 6 เดือน (ตุลาคม 2567 - มีนาคม 2568)",
    opening="ผลการดำเนินการร้อยละ 85 ของแผน", closing="สรุป 3 มาตรการ",
    signers=(Signer("นายสมชาย ใจดี", ("ปลัดเทศบาล 2",), "ผู้รายงาน"),),
    measures=(
        Measure(kind=MeasureKind.SECTION, title="ตัวชี้วัดที่ 9 การป้องกันการทุจริต"),
        Measure(title="1. ประชุมชี้แจง ร้อยละ 85", steps="1. ประกาศ\n2. เผยแพร่ 12 ครั้ง",
                owner="กอง 2", timing="ต.ค. 2567", result="ร้อยละ 90",
                outcome="ผ่าน 100%"),
        Measure(title="2. เผยแพร่ข้อมูล", steps="- ทุก 3 เดือน", owner="สำนักปลัด",
                result="4 ครั้ง", outcome="ประชาชน 250 คน"),
        Measure(title="3. No Gift Policy", owner="กองคลัง", result="ประกาศ 1 ฉบับ"),
    ))
FIELDS = ("title", "municipality", "district", "province", "fiscal_year", "period",
          "opening", "closing", "signers", "measures")


def _same(back: Report, report: Report = REPORT) -> None:
    for name in FIELDS:
        assert getattr(back, name) == getattr(report, name), name


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_arabic_digits_come_back_as_typed(suffix, tmp_path):
    path = export_report(REPORT, tmp_path / f"r{suffix}")  # Thai digits: the default
    shown = _visible_text(path)
    assert "ร้อยละ ๘๕" in shown and "ร้อยละ 85" not in shown  # the file cannot say it
    back, summary = read_with_summary(path)
    _same(back)
    assert back.options["thai_digits"] is True  # the export's choice, as the file shows
    assert any("คืนตัวเลขตามที่พิมพ์ไว้" in note for note in summary.notes)
    assert "คืนตัวเลขตามที่พิมพ์ไว้" in summary.text()


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_spaces_and_breaks_the_file_does_not_keep_come_back_too(suffix, tmp_path):
    """A field is recognised whatever spaces and line breaks the reader leaves (runs of
    spaces, empty lines, a space at a line's end), and comes back as typed."""
    typed = "ผลการประชุม  ร้อยละ 85 \n\nครั้งที่ 2   ของปี"
    report = dataclasses.replace(REPORT, measures=(
        dataclasses.replace(REPORT.measures[1], result=typed),))
    back, _ = read_with_summary(export_report(report, tmp_path / f"r{suffix}"))
    assert back.measures[0].result == typed


def test_a_cell_edited_in_word_follows_the_visible_text(tmp_path):
    path = export_report(REPORT, tmp_path / "r.docx")
    document = docx.Document(str(path))
    table = _measures_table(document)
    row = next(r for r in table.rows if "เผยแพร่ข้อมูล" in r.cells[0].text)
    row.cells[2].paragraphs[0].runs[0].text = "กองช่าง ๕"  # typed in Word: Thai digits
    document.save(str(path))
    back, _ = read_with_summary(path)
    edited = dataclasses.replace(REPORT.measures[2], owner="กองช่าง ๕")
    _same(back, dataclasses.replace(REPORT, measures=(
        *REPORT.measures[:2], edited, *REPORT.measures[3:])))


def test_measures_removed_and_added_in_word_follow_the_visible_document(tmp_path):
    path = export_report(REPORT, tmp_path / "r.docx")
    document = docx.Document(str(path))
    table = _measures_table(document)
    rows = {r.cells[0].text.split("\n")[0]: r for r in table.rows}
    second = next(r for name, r in rows.items() if "เผยแพร่ข้อมูล" in name)
    third = next(r for name, r in rows.items() if "No Gift" in name)
    second._tr.getparent().remove(second._tr)  # removed in Word
    added = table.add_row()  # a new last row, typed with Thai digits
    for cell, text in zip(added.cells, ("๔. มาตรการใหม่", "", "กอง ๔"), strict=False):
        cell.text = text
    assert third._tr.getnext() is added._tr
    document.save(str(path))
    back, _ = read_with_summary(path)
    new = Measure(title="๔. มาตรการใหม่", owner="กอง ๔")
    assert back.measures == (*REPORT.measures[:2], REPORT.measures[3], new)


@pytest.mark.slow
@needs_soffice
def test_the_copy_survives_a_save_by_libreoffice(tmp_path):
    """LibreOffice (as a recipient without Word has it) saves the .docx again: the custom
    XML part stays, and the digits still come back."""
    path = export_report(REPORT, tmp_path / "r.docx")
    out = tmp_path / "saved"
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=180)
    back, _ = read_with_summary(out / "r.docx")
    _same(back)


@pytest.mark.parametrize("copy", [
    "{not json",  # damaged
    '{"format": 2, "report": {"measures": "many"}}',  # not what the schema says
    '{"format": 99, "report": {}}',  # from a later program
    "[" * 5000 + "]" * 5000,  # nested past any report
])
@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_a_broken_copy_is_a_note_and_the_visible_text_is_read(copy, suffix, tmp_path):
    document = dataclasses.replace(_document(), carried=copy)
    path = tmp_path / f"r{suffix}"
    path.write_bytes(docx_bytes(document, embed=False) if suffix == ".docx"
                     else pdf_bytes(document))
    back, summary = read_with_summary(path)
    assert back.measures[1].title == "๑. ประชุมชี้แจง ร้อยละ ๘๕"  # as the file shows
    assert back.period == "รอบ ๖ เดือน (ตุลาคม ๒๕๖๗ - มีนาคม ๒๕๖๘)"
    assert len(back.measures) == len(REPORT.measures)
    assert any(note.startswith(IGNORED.split("{")[0]) for note in summary.notes)
    assert THAI_ONLY in summary.notes


@pytest.mark.parametrize("item", [
    b"\x00\xffgarbage urn:itadesk:exchange \xfe",  # not XML
    b'<!DOCTYPE r [<!ENTITY x "1">]><report xmlns="urn:itadesk:exchange">&x;</report>',
    b'<other xmlns="urn:itadesk:exchange">{}</other>',
    b'<report xmlns="urn:itadesk:exchange" thai-digits="1"></report>',
])
def test_a_hostile_custom_part_is_a_note(item, tmp_path):
    path = export_report(REPORT, tmp_path / "r.docx")
    path.write_bytes(_with_item(path.read_bytes(), item))
    back, summary = read_with_summary(path)
    assert back.measures[1].title == "๑. ประชุมชี้แจง ร้อยละ ๘๕"
    assert any(note.startswith(IGNORED.split("{")[0]) for note in summary.notes)


def test_a_damaged_custom_part_is_a_note_and_not_a_damaged_file(tmp_path):
    """Bytes of the part's compressed data changed: its checksum fails as it is read."""
    path = export_report(REPORT, tmp_path / "r.docx")
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as package:
        info = next(i for i in package.infolist() if i.filename.startswith("customXml/item")
                    and b"urn:itadesk" in package.read(i))
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    middle = start + info.compress_size // 2
    data[middle:middle + 8] = bytes(b ^ 0x5A for b in data[middle:middle + 8])
    path.write_bytes(bytes(data))
    back, summary = read_with_summary(path)
    assert back.measures[1].title == "๑. ประชุมชี้แจง ร้อยละ ๘๕"
    assert any(note.startswith(IGNORED.split("{")[0]) for note in summary.notes)


def _pdf_with_names(names) -> bytes:
    """A one-page PDF whose catalogue's name tree is what `names(doc)` makes."""
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.drawString(72, 720, "report")
    canvas._doc.Catalog.Names = names(canvas._doc)
    canvas.save()
    return out.getvalue()


def test_a_hostile_pdf_name_tree_is_walked_within_bounds():
    from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary

    from itadesk.exchange.carried import from_pdf

    def cyclic(doc):  # each node's kids are itself, twice: endless, and wider each level
        node = PDFDictionary({})
        ref = doc.Reference(node)
        node["Kids"] = PDFArray([ref, ref, ref, ref])
        return PDFDictionary({"EmbeddedFiles": ref})

    assert from_pdf(_pdf_with_names(cyclic)) is None


def test_an_attachment_packed_otherwise_is_a_note():
    from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFStream, PDFString

    from itadesk.exchange.carried import CarriedProblem, from_pdf

    def lzw(doc):
        stream = PDFStream(PDFDictionary({"Filter": "/LZWDecode"}), b"\x80\x0b\x60", filters=[])
        spec = PDFDictionary({"EF": PDFDictionary({"F": doc.Reference(stream)}),
                              "ITADeskThaiDigits": "true"})
        return PDFDictionary({"EmbeddedFiles": PDFDictionary({"Names": PDFArray(
            [PDFString("itadesk-report.json"), doc.Reference(spec)])})})

    with pytest.raises(CarriedProblem, match="บีบอัด"):
        from_pdf(_pdf_with_names(lzw))


def test_a_file_with_thai_digits_and_no_copy_warns(tmp_path):
    path = tmp_path / "r.docx"
    path.write_bytes(docx_bytes(dataclasses.replace(_document(), carried=""), embed=False))
    back, summary = read_with_summary(path)
    assert back.opening == "ผลการดำเนินการร้อยละ ๘๕ ของแผน"
    assert summary.notes == [THAI_ONLY]
    assert f"หมายเหตุ: {THAI_ONLY}" in summary.text()


def test_arabic_digits_exported_as_typed_need_no_copy_and_no_warning(tmp_path):
    report = dataclasses.replace(REPORT, options={"thai_digits": False})
    back, summary = read_with_summary(export_report(report, tmp_path / "r.pdf"))
    _same(back, report)
    assert summary.notes == []


def test_a_signed_pdf_keeps_its_copy_and_verifies(tmp_path):
    p12, cert = make_certificate(tmp_path)
    signed = signer_from_file(p12, PASSWORD)(export_bytes(REPORT, "pdf"))
    _, status = validate(signed, cert)
    assert status.intact and status.valid and status.bottom_line
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed)
    back, _ = read_with_summary(path)
    _same(back)


def test_the_preview_carries_no_copy():
    """The window's preview is only looked at: carrying would cost every refresh."""
    from itadesk.exchange.jsonfile import report_to_dict
    from itadesk.export.preview_server import render

    data, *_ = render(json.dumps(report_to_dict(REPORT), ensure_ascii=False).encode())
    assert b"/EmbeddedFiles" not in data and b"/Filespec" not in data
    assert b"/EmbeddedFiles" in export_bytes(REPORT, "pdf")


# ---------------------------------------------------------------- helpers
def _document():
    return build_document(REPORT, ExportOptions.from_report(REPORT, embed_fonts=False))


def _visible_text(path: Path) -> str:
    if path.suffix == ".pdf":
        return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                              check=True).stdout
    document = docx.Document(str(path))
    return "\n".join([p.text for p in document.paragraphs] + [
        c.text for t in document.tables for r in t.rows for c in r.cells])


def _measures_table(document):
    return next(t for t in document.tables if "ผู้รับผิดชอบ" in t.rows[0].cells[2].text)


def _with_item(data: bytes, item: bytes) -> bytes:
    """The package with our custom XML part's content replaced."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for member in src.infolist():
            body = src.read(member)
            if member.filename.startswith("customXml/item") and b"urn:itadesk" in body:
                body = item
            dst.writestr(member, body)
    return out.getvalue()
