"""Narrative reports as clerks type them in Word (built here with python-docx, never with
ITA Desk's writers): measure headings numbered "๑.", "1)" or "(๒)", or marked only by a
heading style or bold, with a line of description under them and numbered steps in the
fields; sections above them. Every measure comes in, with its number and its paragraphs."""

from __future__ import annotations

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from itadesk.document import ExportOptions
from itadesk.domain import MeasureKind
from itadesk.exchange.importing import read_with_summary
from itadesk.export.jobs import export_report

from .test_import_pdf import _to_pdf, needs_soffice

TOP = ("รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใส", "ประจำปีงบประมาณ พ.ศ. 2567",
       "เทศบาลตำบลหนองบัว อำเภอเมือง จังหวัดขอนแก่น", "เทศบาลได้ดำเนินการดังนี้")


def _body(owner: str) -> list[tuple[str, str]]:
    return [("p", f"ผู้รับผิดชอบ: {owner}"), ("p", "ผลการดำเนินการ"), ("p", "1. ประชุม"),
            ("p", "2. ประกาศ")]


def _bold(document, text: str) -> None:
    """Ctrl+B in Word: bold for Latin and for Thai (complex script) letters."""
    run = document.add_paragraph().add_run(text)
    run.bold = True
    run._r.get_or_add_rPr().append(parse_xml(f"<w:bCs {nsdecls('w')}/>"))


def _story(path, items: list[tuple[str, str]]) -> None:
    document = docx.Document()
    for text in TOP:
        document.add_paragraph(text)
    for kind, text in items:
        if kind in ("h1", "h2"):
            document.add_heading(text, int(kind[1]))
        elif kind == "bold":
            _bold(document, text)
        else:
            document.add_paragraph(text)
    document.add_paragraph("(ลงชื่อ)..............................ผู้รายงาน")
    document.add_paragraph("(นายสมชาย ใจดี)")
    document.save(str(path))


def _measures(report) -> list[tuple]:
    return [(m.kind, m.title, m.owner, m.result) for m in report.measures]


MEASURE, SECTION = MeasureKind.MEASURE, MeasureKind.SECTION
STEPS = "1. ประชุม\n2. ประกาศ"


@pytest.mark.parametrize("first,second,titles", [
    # the layout's own form: the writer puts "๑. " back, so the title is without it
    ("๑. มาตรการเผยแพร่", "๒. มาตรการรับเรื่อง", ("มาตรการเผยแพร่", "มาตรการรับเรื่อง")),
    # other forms keep their number, as typed
    ("1) มาตรการเผยแพร่", "2) มาตรการรับเรื่อง", ("1) มาตรการเผยแพร่", "2) มาตรการรับเรื่อง")),
    ("(๑) มาตรการเผยแพร่", "(๒) มาตรการรับเรื่อง",
     ("(๑) มาตรการเผยแพร่", "(๒) มาตรการรับเรื่อง")),
])
def test_numbered_headings_with_a_description_under_them(first, second, titles, tmp_path):
    path = tmp_path / "story.docx"
    _story(path, [("p", first), ("p", "เพื่อให้ประชาชนรู้"), *_body("สำนักปลัด"),
                  ("p", second), *_body("กองคลัง")])
    report, summary = read_with_summary(path)
    assert report.layout == "narrative"
    assert _measures(report) == [
        (MEASURE, f"{titles[0]}\nเพื่อให้ประชาชนรู้", "สำนักปลัด", STEPS),
        (MEASURE, titles[1], "กองคลัง", STEPS)]
    assert report.opening == "เทศบาลได้ดำเนินการดังนี้"
    assert not summary.left_out
    # and our export of it reads back the same: the number is printed once
    again, _ = read_with_summary(export_report(
        report, tmp_path / "again.docx", ExportOptions.from_report(report, embed_fonts=False)))
    assert again.measures == report.measures


def test_a_numbered_heading_after_a_numbered_list_of_the_same_kind(tmp_path):
    """ "๒. มาตรการ…" right after a field's "๑. ประชุม": a heading when it stands out (bold),
    a list item when it goes on with the list in plain text."""
    path = tmp_path / "story.docx"
    document = docx.Document()
    for text in TOP:
        document.add_paragraph(text)
    _bold(document, "๑. มาตรการเผยแพร่")
    for text in ("ผลการดำเนินการ", "๑. ประชุม", "๒. ประกาศ"):
        document.add_paragraph(text)
    _bold(document, "๒. มาตรการรับเรื่อง")
    document.add_paragraph("ผู้รับผิดชอบ: กองคลัง")
    document.save(str(path))
    report, _ = read_with_summary(path)
    assert [(m.title, m.result, m.owner) for m in report.measures] == [
        ("มาตรการเผยแพร่", "๑. ประชุม\n๒. ประกาศ", ""), ("มาตรการรับเรื่อง", "", "กองคลัง")]


def test_headings_by_their_word_style(tmp_path):
    """Heading 1 over Heading 2: sections over measures, none of them numbered."""
    path = tmp_path / "styled.docx"
    _story(path, [("h1", "การเปิดเผยข้อมูล"), ("h2", "มาตรการเผยแพร่"), ("p", "เพื่อให้ประชาชนรู้"),
                  *_body("สำนักปลัด"), ("h2", "มาตรการรับเรื่อง"), *_body("กองคลัง"),
                  ("h1", "การป้องกันการทุจริต"), ("h2", "มาตรการงดรับของขวัญ"),
                  ("p", "ประกาศนโยบาย"), *_body("กองช่าง")])
    report, summary = read_with_summary(path)
    assert _measures(report) == [
        (SECTION, "การเปิดเผยข้อมูล", "", ""),
        (MEASURE, "มาตรการเผยแพร่\nเพื่อให้ประชาชนรู้", "สำนักปลัด", STEPS),
        (MEASURE, "มาตรการรับเรื่อง", "กองคลัง", STEPS),
        (SECTION, "การป้องกันการทุจริต", "", ""),
        (MEASURE, "มาตรการงดรับของขวัญ\nประกาศนโยบาย", "กองช่าง", STEPS)]
    assert report.opening == "เทศบาลได้ดำเนินการดังนี้"
    assert "มาตรการ ๓ รายการ · หัวข้อหมวด ๒ แถว" in summary.text()


def test_headings_in_bold_only(tmp_path):
    path = tmp_path / "bold.docx"
    _story(path, [("bold", "มาตรการเผยแพร่"), ("p", "เพื่อให้ประชาชนรู้"), *_body("สำนักปลัด"),
                  ("bold", "หมวดการป้องกันการทุจริต"), ("bold", "มาตรการรับเรื่อง"),
                  ("p", "ช่องทางออนไลน์"), *_body("กองคลัง")])
    report, _ = read_with_summary(path)
    assert _measures(report) == [
        (MEASURE, "มาตรการเผยแพร่\nเพื่อให้ประชาชนรู้", "สำนักปลัด", STEPS),
        (SECTION, "หมวดการป้องกันการทุจริต", "", ""),
        (MEASURE, "มาตรการรับเรื่อง\nช่องทางออนไลน์", "กองคลัง", STEPS)]


@needs_soffice
def test_headings_by_style_and_bold_read_the_same_from_a_pdf(tmp_path):
    """On paper a heading style shows as bold: LibreOffice's PDF of the file reads as the
    file does."""
    path = tmp_path / "styled.docx"
    _story(path, [("h1", "การเปิดเผยข้อมูล"), ("h2", "มาตรการเผยแพร่"), *_body("สำนักปลัด"),
                  ("bold", "มาตรการรับเรื่อง"), ("p", "ช่องทางออนไลน์"), *_body("กองคลัง")])
    from_word, _ = read_with_summary(path)
    from_pdf, _ = read_with_summary(_to_pdf(path, tmp_path))
    assert _measures(from_pdf) == _measures(from_word) == [
        (SECTION, "การเปิดเผยข้อมูล", "", ""), (MEASURE, "มาตรการเผยแพร่", "สำนักปลัด", STEPS),
        (MEASURE, "มาตรการรับเรื่อง\nช่องทางออนไลน์", "กองคลัง", STEPS)]


def test_headings_and_steps_numbered_by_word(tmp_path):
    """Word's automatic numbering and bullets (List Number, List Bullet): the number or
    bullet the clerk sees is not in the text; the headings are told by it and the steps
    keep it (they came in without it, the headings lost in the opening)."""
    path = tmp_path / "lists.docx"
    document = docx.Document()
    for text in TOP:
        document.add_paragraph(text)
    for title, owner in (("มาตรการเผยแพร่", "สำนักปลัด"), ("มาตรการรับเรื่อง", "กองคลัง")):
        document.add_paragraph(title, style="List Number")
        document.add_paragraph("เพื่อให้ประชาชนรู้")
        document.add_paragraph("ขั้นตอนหรือวิธีการปฏิบัติ")
        document.add_paragraph("ประชุม", style="List Bullet")
        document.add_paragraph("ประกาศ", style="List Bullet")
        document.add_paragraph(f"ผู้รับผิดชอบ: {owner}")
    document.save(str(path))
    report, _ = read_with_summary(path)
    assert [(m.title, m.steps, m.owner) for m in report.measures] == [
        ("มาตรการเผยแพร่\nเพื่อให้ประชาชนรู้", "- ประชุม\n- ประกาศ", "สำนักปลัด"),
        ("มาตรการรับเรื่อง\nเพื่อให้ประชาชนรู้", "- ประชุม\n- ประกาศ", "กองคลัง")]
    assert report.opening == "เทศบาลได้ดำเนินการดังนี้"
