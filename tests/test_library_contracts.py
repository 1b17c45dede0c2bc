"""What the writers rely on in ReportLab, python-docx and uharfbuzz beyond (or below) their
documented API. pyproject.toml keeps each below its next minor version; before raising a
bound, run this file and the golden tests with the new version: a failure here names what
changed and which of our modules relies on it."""

from __future__ import annotations

import io
import re
from importlib.metadata import version

import docx
import pytest
import uharfbuzz
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import XmlPart
from lxml import etree
from reportlab.lib.utils import TimeStamp
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.pdfdoc import PDFDocument
from reportlab.pdfgen.canvas import Canvas

from itadesk.export.pdf.fonts import FEATURES, face_name, hb_font, register, shape
from itadesk.export.pdf.glyphs import GlyphWriter


def need(condition: object, library: str, what: str, where: str) -> None:
    if not condition:
        pytest.fail(f"{library} {version(library)} changed what {where} relies on: {what}. "
                    f"Adapt {where}, then raise the bound in pyproject.toml.", pytrace=False)


# --------------------------------------------------------------------------- ReportLab
def test_reportlab_canvas_document_and_subsets():
    register()
    canvas = Canvas(io.BytesIO())
    doc = getattr(canvas, "_doc", None)
    need(isinstance(doc, PDFDocument), "reportlab", "Canvas._doc is the canvas's PDFDocument",
         "itadesk/export/pdf/glyphs.py (GlyphWriter)")
    font = pdfmetrics.getFont(face_name())
    split = font.splitString("ก", doc)
    need(len(split) == 1 and isinstance(split[0][1], bytes), "reportlab",
         "TTFont.splitString(text, doc) gives [(subset, bytes)]", "itadesk/export/pdf/glyphs.py")
    need(re.fullmatch(r"/\w+\+0", font.getSubsetInternalName(split[0][0], doc)), "reportlab",
         "getSubsetInternalName gives '/<name>+<subset>'", "itadesk/export/pdf/fonts.py")
    state = font.state[doc]
    need(state.internalName and ord("ก") in state.subsets[split[0][0]], "reportlab",
         "TTFont.state[doc] holds internalName and the subsets' code points",
         "itadesk/export/pdf/fonts.py (ExtractableFont)")
    liga = next(g for g in range(len(font.face.charWidths) * 2)
                if hb_font(face_name()).glyph_to_string(g) == "uni0E24.liga")
    font.hbFont(16)
    code = font.hbAddPrivate("uni0E24.liga", liga, 500)
    need(0xE000 <= code <= 0xF8FF and font.face.charToGlyph[code] == liga
         and code in font.face.glyphToChar[liga], "reportlab",
         "hbAddPrivate gives a ligature a private code point in charToGlyph/glyphToChar",
         "itadesk/export/pdf/glyphs.py")


def test_reportlab_page_streams_and_opaque_colours():
    register()
    out = io.BytesIO()
    canvas = Canvas(out, pageCompression=0)
    canvas.addLiteral("n 1 2 3 4 re S")
    canvas.showPage()
    pages = canvas._doc.Pages.pages
    need(len(pages) == 1 and pages[0].stream.endswith("n 1 2 3 4 re S\n \n"), "reportlab",
         "Canvas._doc.Pages.pages[i].stream holds the page's operators as text, settable to "
         "bytes before save", "itadesk/export/pdf/writer.py (_pages_as_bytes)")
    pages[0].stream = pages[0].stream.encode("ascii")
    canvas.save()
    need(b"n 1 2 3 4 re S" in out.getvalue(), "reportlab", "a page stream given as bytes is "
         "written as it is", "itadesk/export/pdf/writer.py (_pages_as_bytes)")
    canvas = Canvas(io.BytesIO())
    before = len(canvas._code)
    canvas.setStrokeAlpha(1)
    canvas.setFillAlpha(1)
    need(len(canvas._code) == before and canvas._doc._pdfVersion >= (1, 4), "reportlab",
         "an opaque alpha writes no operator but makes the file PDF 1.4 (what HexColor "
         "colours did)", "itadesk/export/pdf/tables.py (_draw_row)")


def test_reportlab_writes_our_to_unicode_maps_and_its_own_for_other_fonts():
    register()
    assert ttfonts.makeToUnicodeCMap.__module__ == "reportlab.pdfbase.ttfonts", (
        "ReportLab's makeToUnicodeCMap was replaced for the whole process: our faces' own "
        "class (itadesk/export/pdf/fonts.py, ExtractableFont) is the place for that")
    other = ttfonts.TTFont("ContractDejaVu", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdfmetrics.registerFont(other)
    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.addLiteral(GlyphWriter(canvas).line(10, 10, [("ปีงบประมาณ", face_name(), 16)]))
    canvas.setFont("ContractDejaVu", 12)
    canvas.drawString(10, 40, "abc")
    canvas.save()
    streams = [s.content for name, s in canvas._doc.idToObject.items()
               if name.startswith("toUnicodeCMap:")]
    ours = [s for s in streams if "THSarabunNew" in s]
    need(ours and len(streams) == 2, "reportlab",
         "TTFont.addObjects names each subset's ToUnicode stream 'toUnicodeCMap:<font>'",
         "itadesk/export/pdf/fonts.py (ExtractableFont)")
    need(not re.search(r"<[0-9A-F]{2}> <F7", ours[0]) and "<0E35>" in ours[0], "reportlab",
         "the shaped alternates' entries in our ToUnicode map are the letters",
         "itadesk/export/pdf/fonts.py (ExtractableFont.addObjects)")
    [dejavu] = [s for s in streams if "DejaVu" in s]
    need("<61>" in dejavu or "<0061>" in dejavu, "reportlab",
         "another font's ToUnicode map is ReportLab's own", "itadesk/export/pdf/fonts.py")


def test_reportlab_dates_from_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    need(TimeStamp(0).t == 1700000000, "reportlab",
         "a document's time stamp (its dates and id) comes from SOURCE_DATE_EPOCH",
         "itadesk/export/pdf/writer.py (reproducible files)")
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    need(abs(TimeStamp(0).t - __import__("time").time()) < 60, "reportlab",
         "without SOURCE_DATE_EPOCH and not invariant, the time now",
         "itadesk/export/pdf/writer.py")


# ------------------------------------------------------------------------- python-docx
def test_python_docx_elements_and_template():
    document = docx.Document()
    where = "itadesk/export/docx/writer.py"
    paragraph = document.add_paragraph("ก")
    need(etree.QName(paragraph._p).localname == "p", "python-docx", "Paragraph._p", where)
    section = document.sections[0]
    need(etree.QName(section._sectPr).localname == "sectPr", "python-docx", "Section._sectPr",
         where)
    need(etree.QName(section.header._element).localname == "hdr", "python-docx",
         "_Header._element", where)
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    defaults = document.styles.element.find(f"{w}docDefaults")
    need(defaults is not None and len(defaults.find(f"{w}rPrDefault")) == 1
         and len(defaults.find(f"{w}pPrDefault")) == 1, "python-docx",
         "the default template's docDefaults hold one rPr and one pPr", where)


def test_python_docx_font_table_can_be_made_an_xml_part():
    document = docx.Document()
    main = document.part
    old = main.part_related_by(RT.FONT_TABLE)
    [rid] = [rid for rid, rel in main.rels.items() if rel.reltype == RT.FONT_TABLE]
    main.drop_rel(rid)
    need(rid not in main.rels, "python-docx", "Part.drop_rel drops an implicit relationship",
         "itadesk/export/docx/fonts.py")
    new = XmlPart.load(old.partname, old.content_type, old.blob, old.package)
    main.relate_to(new, RT.FONT_TABLE)
    out = io.BytesIO()
    document.save(out)
    reopened = docx.Document(out)
    need(reopened.part.part_related_by(RT.FONT_TABLE).blob.count(b"<w:fonts") == 1,
         "python-docx", "a part put in place of the font table is saved once",
         "itadesk/export/docx/fonts.py")


# --------------------------------------------------------------------------- uharfbuzz
def test_uharfbuzz_scale_names_and_shaping():
    register()
    font = hb_font(face_name())
    where = "itadesk/export/pdf/fonts.py and glyphs.py"
    need(font.scale == (1000, 1000), "uharfbuzz",
         "a Font's scale is the face's units per em (1000): advances are read per 1000 em",
         where)
    buf = shape("ป่", face_name())
    names = [font.glyph_to_string(i.codepoint) for i in buf.glyph_infos]
    need(any(re.fullmatch(r"uni0E48\.\w+", n) for n in names), "uharfbuzz",
         f"shaping ป่ with {FEATURES} picks the tone mark's alternate glyph, named "
         f"uni0E48.<suffix> (got {names})", where)
    need(buf.direction == "ltr" and all(p.x_advance >= 0 for p in buf.glyph_positions),
         "uharfbuzz", "Buffer.direction and glyph_positions' x_advance", where)
    need(hasattr(uharfbuzz.Blob, "from_file_path"), "uharfbuzz", "Blob.from_file_path", where)
