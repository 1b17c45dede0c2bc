"""PDF export: real files read back with poppler, line breaks judged by ICU."""

from __future__ import annotations

import itertools
import re
import subprocess
from pathlib import Path

import pytest

from itadesk import demo
from itadesk.document import ExportOptions, Table, build_document
from itadesk.domain import Measure, MeasureKind, Report, builtin_layouts
from itadesk.exchange.jsonfile import read_report
from itadesk.export import ExportError
from itadesk.export.pdf import write_pdf
from itadesk.export.pdf.fonts import face_name, register, shaped_glyphs
from itadesk.paths import resource

from .pdfcheck import column_text, in_order_ratio

DEMOS = tuple(demo.DEMOS.values())


def demo(name: str) -> Report:
    return read_report(resource("demo", f"{name}.itadesk.json"))


def export(report: Report, path: Path, **options) -> Path:
    write_pdf(build_document(report, ExportOptions.from_report(report, **options)), path)
    return path


def pdftotext(pdf: Path, *flags: str) -> str:
    return subprocess.run(["pdftotext", *flags, str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


@pytest.mark.parametrize("name", DEMOS)
def test_demo_text_headers_and_fonts(name, tmp_path):
    report = demo(name)
    pdf = export(report, tmp_path / f"{name}.pdf")
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(re.match(r"[A-Z]{6}\+THSarabunNew", r) for r in rows)
    assert all(r.split()[-5:-3] == ["yes", "yes"] for r in rows)  # embedded, subset
    text = pdftotext(pdf, "-layout")
    assert "\uf700" not in text and not re.search("[\uf700-\uf8ff]", text)
    assert "ปีงบประมาณ" in text  # shaped marks extract as the real letters
    document = build_document(report)
    [table] = [b for b in document.sections[-1].blocks if isinstance(b, Table)]
    headers = [c.paragraphs[0].text for c in table.header.cells]
    # the header row on every page the table runs over, once per page
    all_pages = text.split("\f")
    with_header = [i for i, p in enumerate(all_pages) if "ผู้รับผิดชอบ" in p]
    assert len(with_header) >= 2
    for i in range(with_header[0], with_header[-1] + 1):
        assert all_pages[i].count("ผู้รับผิดชอบ") == 1, (name, i)
    columns = column_text(pdf, document.sections[-1].page.left_mm, table.widths_mm)
    for index, column in enumerate(columns):
        # the exact header, read down its column, on each table page
        assert column.count(headers[index].replace(" ", "")) >= len(with_header), index
        expected = "".join(p.text for row in table.rows for p in row.cells[index].paragraphs)
        assert in_order_ratio(expected, column) >= 0.99, (name, index)


def test_all_layouts_and_parts(tmp_path):
    for layout in builtin_layouts():
        report = Report(layout=layout.id, municipality="เทศบาลทดสอบ", closing="สรุปภาพรวม",
                        measures=(Measure(kind=MeasureKind.SECTION, title="หมวดหนึ่ง"),
                                  Measure(title="มาตรการ", owner="สำนักปลัด", steps="- ก\n- ข")))
        pdf = export(report, tmp_path / f"{layout.id}.pdf", cover=True)
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        assert "Pages:          2" in info or "Pages:           2" in info
        size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
        text = pdftotext(pdf)
        assert "หมวดหนึ่ง" in text and "สำนักปลัด" in text
        assert size is not None


def test_page_numbers_and_properties(tmp_path):
    pdf = export(demo("kalasin-2568"), tmp_path / "k.pdf", cover=True)
    pages = [p.replace(" ", "") for p in pdftotext(pdf, "-layout").split("\f")]
    assert "-๑-" not in pages[0]  # none on the cover
    assert "-๑-" in pages[1] and "-๒-" in pages[2]
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "เทศบาลเมืองกาฬสินธุ์" in info  # author
    arabic = [p.replace(" ", "") for p in pdftotext(
        export(demo("kalasin-2568"), tmp_path / "a.pdf", thai_digits=False, cover=False),
        "-layout").split("\f")]
    assert "-2-" in arabic[1] and "-1-" not in arabic[0]  # Thai style: page 1 unnumbered


def test_shaped_glyphs_are_what_harfbuzz_gives():
    """The glyphs our PDF operators name are HarfBuzz's, marks' alternates included."""
    import io

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfgen.canvas import Canvas

    from itadesk.export.pdf.glyphs import GlyphWriter

    register()
    face = face_name()
    text = "ที่ นี้ ผู้ใหญ่ กิ่ง"
    canvas = Canvas(io.BytesIO())
    ops = GlyphWriter(canvas).line(10, 10, [(text, face, 16)])
    font = pdfmetrics.getFont(face)
    subsets = font.state[canvas._doc].subsets
    drawn = []
    for font_resource, array in re.findall(r"(/\S+) [\d.]+ Tf \[(.*?)\] TJ", ops):
        subset = int(font_resource.rsplit("+", 1)[1])
        for byte in re.findall(r"<([0-9A-F]{2})>", array):  # one hex string per glyph
            drawn.append(font.face.charToGlyph[subsets[subset][int(byte, 16)]])
    expected = shaped_glyphs(text, face)
    assert drawn == expected
    plain = [font.face.charToGlyph[ord(c)] for c in text]
    assert expected != plain  # the marks' alternates were chosen




def test_read_only_target_keeps_the_old_pdf(tmp_path):
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")
    target.chmod(0o444)
    with pytest.raises(ExportError):
        export(demo("borplathong-2568"), target)
    assert target.read_bytes() == b"old"


def test_continuation_word_at_the_foot_of_every_page_but_the_last(tmp_path):
    pdf = export(demo("borplathong-2568"), tmp_path / "cw.pdf", continuation_word=True)
    pages = [p for p in pdftotext(pdf, "-layout").split("\f") if p.strip()]
    assert len(pages) >= 3
    for page, following in itertools.pairwise(pages):
        last = page.rstrip().splitlines()[-1].strip()
        assert last.startswith("/") and last.endswith("..."), last
        word = last[1:-3]
        assert word and word in following.replace(" ", "")
    assert not pages[-1].rstrip().splitlines()[-1].strip().endswith("...")
    plain = pdftotext(export(demo("borplathong-2568"), tmp_path / "p.pdf"), "-layout")
    assert not any(p.rstrip().endswith("...") for p in plain.split("\f") if p.strip())


def one_line_pdf(text: str, path: Path) -> Path:
    from itadesk.document import Document, PageSetup, Paragraph, Run, Section

    page = PageSetup(page_numbers=False)
    write_pdf(Document(title="t", sections=(Section(page, (Paragraph((Run(text),)),)),)), path)
    return path


# ฤ and ๅ drawn as one ligature (which a reader takes for ฤา) though something invisible
# was typed between them (HarfBuzz ligates across it), and a character the font lacks
# (drawn as its empty box, which a reader takes for U+FFFD)
@pytest.mark.parametrize("typed", ["ฤๅษี", "ฤ\u200bๅ", "ฦ\u2060ๅ", "ฤ\u200dๅ", "ฤ😀ๅ"])
def test_copied_text_is_what_was_typed_where_the_glyphs_say_otherwise(typed, tmp_path):
    copied = pdftotext(one_line_pdf(typed, tmp_path / "t.pdf"))
    assert copied.strip("\f\n") == typed


def test_only_lines_whose_glyphs_read_otherwise_carry_actual_text(tmp_path):
    import pypdf

    def actual_texts(text: str) -> int:
        pdf = one_line_pdf(text, tmp_path / "a.pdf")
        return pypdf.PdfReader(pdf).pages[0].get_contents().get_data().count(b"/ActualText")

    assert actual_texts("ฤๅษี") == 1 and actual_texts("ทำ") == 1  # ฤา's glyph; ํ + า
    assert actual_texts("ฤาษี") == 0 and actual_texts("ที่นี่") == 0  # the glyphs read so


def test_thai_after_a_word_of_another_script_is_shaped_as_thai(tmp_path):
    import pypdf

    # the fuzz found it (tests/fuzz_cases/pdf-7355f5aafff7.json): shaped as Arabic, the run
    # had ๅ and ฤ drawn the other way round, as the ligature of ฤา
    pdf = one_line_pdf("مرحباกกๅฤกข", tmp_path / "a.pdf")
    assert pypdf.PdfReader(pdf).pages[0].extract_text().endswith("กกๅฤกข")
    assert shaped_glyphs("مرحباกๅฤ", face_name())[-3:] == shaped_glyphs("กๅฤ", face_name())
