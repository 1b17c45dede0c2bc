"""The look is in the neutral document: change it there and both writers follow."""

import dataclasses
import io
import re
import subprocess
import zipfile

import pypdf
import pytest

from itadesk.document import Align, Document, Table, build_document
from itadesk.document.model import Border, Padding, PageNumbers, VAlign
from itadesk.domain import Measure, Report
from itadesk.export.docx import docx_bytes
from itadesk.export.pdf import pdf_bytes
from itadesk.export.writers import FORMATS, WRITERS

REPORT = Report(municipality="เทศบาลทดสอบ", measures=tuple(
    Measure(title=f"มาตรการที่ {i}", owner="สำนักปลัด", result="ทำแล้ว\n" * 30)
    for i in range(4)))


def restyled() -> Document:
    """The report's document with another look: every presentation value changed."""
    document = build_document(REPORT)
    sections = []
    for section in document.sections:
        blocks = tuple(dataclasses.replace(
            b, header_fill="FFCC00", padding=Padding(2.0, 3.0, 2.0, 3.0),
            border=Border(width_pt=1.0, color="FF0000"), body_valign=VAlign.BOTTOM)
            if isinstance(b, Table) else b for b in section.blocks)
        sections.append(dataclasses.replace(section, blocks=blocks))
    return dataclasses.replace(document, sections=tuple(sections), page_numbers=PageNumbers(
        format="หน้า {}", size_pt=12.0, at_top=False, align=Align.RIGHT, edge_mm=8.0))


def test_the_word_file_takes_its_look_from_the_document():
    with zipfile.ZipFile(io.BytesIO(docx_bytes(restyled(), embed=False))) as z:
        body = z.read("word/document.xml").decode()
        footers = [z.read(n).decode() for n in z.namelist() if n.startswith("word/footer")]
    assert 'w:fill="FFCC00"' in body and "F2F2F2" not in body
    assert '<w:top w:w="113" w:type="dxa"/>' in body  # 2 mm
    assert '<w:left w:w="170" w:type="dxa"/>' in body  # 3 mm
    assert 'w:sz="8" w:space="0" w:color="FF0000"' in body  # 1 pt, in eighths
    assert '<w:vAlign w:val="bottom"/>' in body
    assert 'w:footer="454"' in body and 'w:header="454"' in body  # 8 mm
    numbered = [f for f in footers if "PAGE" in f]
    assert numbered and '<w:jc w:val="right"/>' in numbered[0]
    assert '<w:sz w:val="24"/>' in numbered[0] and "หน้า " in numbered[0]


def test_the_pdf_takes_its_look_from_the_document(tmp_path):
    data = pdf_bytes(restyled())
    stream = pypdf.PdfReader(io.BytesIO(data)).pages[0].get_contents().get_data().decode(
        "latin-1")
    assert "1 .8 0 rg" in stream  # the header's fill
    assert ".94902 .94902 .94902 rg" not in stream
    assert "1 0 0 RG" in stream and "1 w" in stream  # red borders 1 pt wide
    path = tmp_path / "r.pdf"
    path.write_bytes(data)
    page = subprocess.run(["pdftotext", "-f", "2", "-l", "2", "-bbox", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout
    [(x_max, y_max)] = [(float(a), float(b)) for a, b in re.findall(
        r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">๒</word>', page)]
    page_width, page_height = 842, 595  # landscape A4 in points
    right_margin = 20 * 72 / 25.4
    assert x_max == pytest.approx(page_width - right_margin, abs=2)  # right aligned
    assert page_height - y_max < 8 * 72 / 25.4 + 8  # at the bottom, 8 mm up


def test_the_default_look_is_the_published_reports():
    [table] = [b for s in build_document(REPORT).sections for b in s.blocks
               if isinstance(b, Table)]
    assert table.header_fill == "F2F2F2" and table.header_valign is VAlign.CENTER
    assert table.padding == Padding(top_mm=0.8, right_mm=1.5, bottom_mm=0.8, left_mm=1.5)
    assert table.border == Border(width_pt=0.5, color="000000")
    assert build_document(REPORT).page_numbers == PageNumbers(
        format="- {} -", size_pt=16.0, at_top=True, align=Align.CENTER, edge_mm=10.0)


def test_every_registered_format_writes_its_kind_of_file(tmp_path):
    from itadesk.export.jobs import export_report

    assert FORMATS == ("docx", "pdf")
    magic = {"docx": b"PK\x03\x04", "pdf": b"%PDF-"}
    for fmt, writer in WRITERS.items():
        path = export_report(REPORT, tmp_path / f"r.{fmt}")
        assert path.read_bytes().startswith(magic[fmt]), writer.name
