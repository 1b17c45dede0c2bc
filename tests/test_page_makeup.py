"""Page make-up of the PDF: a heading and a label go with the text they lead to; the
คำต่อหน้า word is a word. Read back page by page with pdftotext -layout."""

from __future__ import annotations

import itertools
import subprocess
from pathlib import Path

from itadesk.document import ExportOptions, build_document
from itadesk.domain import Measure, Report
from itadesk.export.docx import write_docx
from itadesk.export.pdf import write_pdf
from itadesk.export.pdf.pages import first_word

SENTENCE = "จัดประชุมชี้แจงแนวทางการปฏิบัติงานให้แก่พนักงานเทศบาลทุกส่วนราชการ "


def narrative(count: int = 24) -> Report:
    """Measures whose texts differ in length, so page ends fall on every kind of line."""
    measures = tuple(
        Measure(title=f"มาตรการส่งเสริมความโปร่งใสที่ {i + 1}",
                activity=SENTENCE * (1 + i % 5), timing="ตลอดปีงบประมาณ",
                owner="สำนักปลัดเทศบาล", result=SENTENCE * (1 + (i * 3) % 4))
        for i in range(count))
    return Report(layout="narrative", municipality="เทศบาลตำบลทดสอบ", measures=measures)


def pages_of(pdf: Path) -> list[list[str]]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return [[line.strip() for line in page.splitlines() if line.strip()]
            for page in text.split("\f") if page.strip()]


def test_a_heading_and_its_label_are_never_left_at_the_foot_of_a_page(tmp_path):
    found_any = False
    for count in (18, 24, 31):
        report = narrative(count)
        doc = build_document(report, ExportOptions.from_report(report))
        leading = {p.text.strip() for p in doc.paragraphs()
                   if p.role in ("heading", "label", "section")}
        pdf = tmp_path / f"n{count}.pdf"
        write_pdf(doc, pdf)
        pages = pages_of(pdf)
        assert len(pages) >= 3
        for number, page in enumerate(pages[:-1], 1):
            last = page[-1]
            assert last not in leading, f"page {number} ends with {last!r}"
            found_any = True
    assert found_any


def test_the_word_file_keeps_headings_and_labels_with_the_next_paragraph(tmp_path):
    import docx

    report = narrative(6)
    doc = build_document(report, ExportOptions.from_report(report))
    path = tmp_path / "n.docx"
    write_docx(doc, path, embed=False)
    roles = {p.text: p.role for p in doc.paragraphs()}
    seen = set()
    for paragraph in docx.Document(str(path)).paragraphs:
        role = roles.get(paragraph.text)
        kept = bool(paragraph.paragraph_format.keep_with_next)
        if role in ("heading", "label"):
            assert kept, paragraph.text
            seen.add(role)
        elif role == "body":
            assert not kept, paragraph.text
            seen.add(role)
    assert seen == {"heading", "label", "body"}


def test_the_continuation_word_is_a_word_not_a_list_number_or_a_year():
    assert first_word("๓. การจัดซื้อจัดจ้าง") == "การ"
    assert first_word("(๑) ประกาศเจตนารมณ์") == "ประกาศ"
    assert first_word("- รายงานผล") == "รายงาน"
    assert first_word("• ติดตามผล") == "ติดตาม"
    assert first_word("1) ติดตาม") == "ติดตาม"
    assert first_word("๒๕๖๕ มีการประชุม") == "มี"
    assert first_word("พ.ศ. ๒๕๖๕ เป็นต้นไป") == "พ.ศ. ๒๕๖๕"
    assert first_word("แผนปฏิบัติการ") == "แผน"
    assert first_word("๒๕๖๕") == ""  # nothing but a year: the next line gives the word
    assert first_word("๓.") == ""


def test_no_page_of_a_report_carries_a_bare_number_as_its_continuation_word(tmp_path):
    lists = "\n".join(f"{n}. {SENTENCE * 3}" for n in "๑๒๓๔๕๖")
    measures = tuple(Measure(title=f"มาตรการที่ {i + 1}", steps=lists, timing="๒๕๖๕",
                             owner="กองคลัง", result="๒๕๖๕\n" + SENTENCE * 2)
                     for i in range(10))
    report = Report(layout="narrative", measures=measures)
    pdf = tmp_path / "cw.pdf"
    write_pdf(build_document(report, ExportOptions.from_report(
        report, continuation_word=True)), pdf)
    pages = pages_of(pdf)
    assert len(pages) >= 3
    for page, following in itertools.pairwise(pages):
        last = page[-1]
        assert last.startswith("/") and last.endswith("..."), last
        word = last[1:-3]
        assert any(ch not in "๐๑๒๓๔๕๖๗๘๙0123456789.()-• " for ch in word), word
        assert word.replace(" ", "") in "".join(following).replace(" ", "")
