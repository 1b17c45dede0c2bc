"""Last year's PDF whose tables a reader of ruling lines gets wrong, made as clerks make
them: python-docx files (a bordered table inside a cell, Word's default for a table
inserted there; a report table with its borders removed) made into PDFs by LibreOffice,
read back as their Word files are, every field."""

from __future__ import annotations

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

from itadesk.domain import MeasureKind
from itadesk.exchange.importing import read_with_summary

from .test_import_pdf import _fields, _to_pdf, needs_soffice
from .test_import_word import PERIOD, PLAN_HEADERS, _table, signer_block

pytestmark = needs_soffice


def _top(document) -> None:
    for text in ("รายงานผลการดำเนินการตามแผนปรับปรุง", "ประจำปีงบประมาณ พ.ศ. ๒๕๖๗", PERIOD,
                 "องค์การบริหารส่วนตำบลหนองบัว อำเภอเมือง จังหวัดขอนแก่น",
                 "ตามที่ได้ประเมิน ITA ปี 2566 แล้ว จึงจัดทำแผนนี้"):
        document.add_paragraph(text)


def _bottom(document) -> None:
    document.add_paragraph("สรุป ทุกมาตรการดำเนินการแล้ว")
    signer_block(document)


def _nested_plan(path) -> None:
    """Ruled, a title row merged across over the header, with a ruled table in two
    cells: after a line and before another, and alone in its cell in the last row."""
    document = docx.Document()
    _top(document)
    table = _table(document, [
        ["แผนการดำเนินงานประจำปี"] * 5,
        PLAN_HEADERS,
        ["ตัวชี้วัดที่ ๙ การปรับปรุงระบบการทำงาน"] * 5,
        ["e๖ การให้บริการอย่างเท่าเทียม", "สำนักปลัด", "", "ต.ค. 66", "ดีขึ้น"],
        ["I10 การเปิดเผยข้อมูล", "กองคลัง", "เผยแพร่ทุกเดือน", "ทั้งปี", "เผยแพร่"],
        ["O35 ข้อมูลเพิ่มเติม", "กองช่าง", "ทำ", "", "ผล"],
    ])
    table.rows[0].cells[0].merge(table.rows[0].cells[4]).text = "แผนการดำเนินงานประจำปี"
    table.rows[2].cells[0].merge(table.rows[2].cells[4]).text = (
        "ตัวชี้วัดที่ ๙ การปรับปรุงระบบการทำงาน")
    cell = table.rows[3].cells[2]
    cell.text = "ดำเนินการดังนี้"
    steps = cell.add_table(rows=3, cols=2)
    steps.style = "Table Grid"
    for row, texts in enumerate([("ขั้นที่", "งาน"), ("1", "ประชุมคณะทำงาน"),
                                 ("2", "ขึ้นเว็บไซต์")]):
        steps.cell(row, 0).text, steps.cell(row, 1).text = texts
    cell.add_paragraph("ครบทุกขั้น")
    cell = table.rows[5].cells[3]
    alone = cell.add_table(rows=2, cols=2)  # the cell's first and only content
    alone.style = "Table Grid"
    cell._tc.remove(cell.paragraphs[0]._p)
    for row, texts in enumerate([("ไตรมาส", "เดือน"), ("๑", "ต.ค.")]):
        alone.cell(row, 0).text, alone.cell(row, 1).text = texts
    _bottom(document)
    document.save(str(path))


def _plain_plan(path) -> None:
    """The report table with no borders at all (the table style Word calls "Normal
    Table"), its header centred, a section row merged across it, a title over three
    lines, and rows enough to go on over the next page (no header repeated there)."""
    document = docx.Document()
    _top(document)
    rows = [
        PLAN_HEADERS,
        ["ตัวชี้วัดที่ ๙ การปรับปรุงระบบการทำงาน"] * 5,
        ["e๖ การให้บริการอย่างเท่าเทียม", "สำนักปลัด", "๑. ประชุม\n๒. ประกาศ", "ต.ค. 66",
         "ดีขึ้น 10 ครั้ง"],
        ["I10 การเปิดเผยข้อมูลข่าวสารของราชการต่อสาธารณะอย่างครบถ้วน", "กองคลัง",
         "เผยแพร่ทุกเดือน", "ทั้งปี", "เผยแพร่"],
    ]
    rows += [[f"มาตรการที่ {n} การพัฒนาระบบงานบริการประชาชน", "สำนักปลัด",
              f"๑. ประชุมครั้งที่ {n}\n๒. ประกาศผล\n๓. ติดตาม", "ทั้งปี", f"ผลลัพธ์ {n} เรื่อง"]
             for n in range(1, 17)]
    rows.append(["O35 ข้อมูลเพิ่มเติม", "กองช่าง", "ทำ", "ทุกไตรมาส", "ผล"])
    table = _table(document, rows, None)
    table.rows[1].cells[0].merge(table.rows[1].cells[4]).text = (
        "ตัวชี้วัดที่ ๙ การปรับปรุงระบบการทำงาน")
    for cell in table.rows[0].cells:
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _bottom(document)
    document.save(str(path))


def _plain_with_a_ruled_table(path) -> None:
    """No borders, its header as typed (left-aligned, a double space cut in one of its
    cells), a ruled table in a cell (a clerk removed the outer table's borders only)."""
    document = docx.Document()
    _top(document)
    table = _table(document, [
        PLAN_HEADERS,
        ["e๖ การให้บริการอย่างเท่าเทียม", "สำนักปลัด", "", "ต.ค. 66", "ดีขึ้น"],
        ["I10 การเปิดเผยข้อมูล", "กองคลัง", "เผยแพร่ทุกเดือน", "ทั้งปี", "เผยแพร่"],
    ], None)
    cell = table.rows[1].cells[2]
    cell.text = "ดำเนินการดังนี้"
    steps = cell.add_table(rows=2, cols=2)
    steps.style = "Table Grid"
    for row, texts in enumerate([("ขั้นที่", "งาน"), ("1", "ประชุม")]):
        steps.cell(row, 0).text, steps.cell(row, 1).text = texts
    _bottom(document)
    document.save(str(path))


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    """Each sample as Word file and PDF (one LibreOffice run makes both PDFs)."""
    folder = tmp_path_factory.mktemp("foreign")
    makers = {"nested": _nested_plan, "plain": _plain_plan, "mixed": _plain_with_a_ruled_table}
    for name, make in makers.items():
        make(folder / f"{name}.docx")
    first, *more = (folder / f"{name}.docx" for name in makers)
    _to_pdf(first, folder, *more)
    return {name: (folder / f"{name}.docx", folder / f"{name}.pdf") for name in makers}


def _both(samples, name):
    word, pdf = samples[name]
    from_word, _ = read_with_summary(word)
    from_pdf, summary = read_with_summary(pdf)
    return from_word, from_pdf, summary


def test_a_ruled_table_in_a_cell_reads_as_from_word(samples):
    from_word, from_pdf, summary = _both(samples, "nested")
    got = [(m.kind, m.code, m.title, m.owner, m.steps, m.timing, m.outcome)
           for m in from_pdf.measures]
    assert got == [
        (MeasureKind.SECTION, "", "ตัวชี้วัดที่ ๙ การปรับปรุงระบบการทำงาน", "", "", "", ""),
        # the nested table's cells one a line, row by row, between the cell's own lines
        (MeasureKind.MEASURE, "e6", "การให้บริการอย่างเท่าเทียม", "สำนักปลัด",
         "ดำเนินการดังนี้\nขั้นที่\nงาน\n1\nประชุมคณะทำงาน\n2\nขึ้นเว็บไซต์\nครบทุกขั้น",
         "ต.ค. 66", "ดีขึ้น"),
        (MeasureKind.MEASURE, "I10", "การเปิดเผยข้อมูล", "กองคลัง", "เผยแพร่ทุกเดือน",
         "ทั้งปี", "เผยแพร่"),
        # alone in the last row's cell: the row stays one measure, its columns the header's
        (MeasureKind.MEASURE, "O35", "ข้อมูลเพิ่มเติม", "กองช่าง", "ทำ", "ไตรมาส\nเดือน\n๑\nต.ค.",
         "ผล"),
    ]
    assert _fields(from_pdf) == _fields(from_word)
    assert [s.name for s in from_pdf.signers] == ["นางสาวใจดี มีสุข", "นายสมชาย ใจดี"]
    text = summary.text()
    assert "มาตรการ ๓ รายการ · หัวข้อหมวด ๑ แถว · ผู้ลงนาม ๒ คน" in text
    assert "ส่วนที่ไม่ได้นำเข้า: ไม่มี" in text  # the nested tables are no tables of their own


def test_a_table_without_borders_reads_as_from_word(samples):
    from_word, from_pdf, summary = _both(samples, "plain")
    assert from_pdf.layout == "improvement-plan"
    got = [(m.kind, m.code, m.title, m.owner, m.steps, m.timing, m.outcome)
           for m in from_pdf.measures]
    assert got[:3] == [
        (MeasureKind.SECTION, "", "ตัวชี้วัดที่ ๙ การปรับปรุงระบบการทำงาน", "", "", "", ""),
        (MeasureKind.MEASURE, "e6", "การให้บริการอย่างเท่าเทียม", "สำนักปลัด",
         "๑. ประชุม\n๒. ประกาศ", "ต.ค. 66", "ดีขึ้น 10 ครั้ง"),
        (MeasureKind.MEASURE, "I10", "การเปิดเผยข้อมูลข่าวสารของราชการต่อสาธารณะอย่างครบถ้วน",
         "กองคลัง", "เผยแพร่ทุกเดือน", "ทั้งปี", "เผยแพร่"),
    ]
    # over the page: every row one measure (the one cut at the foot too), none lost
    assert got[3:] == [(MeasureKind.MEASURE, "", f"มาตรการที่ {n} การพัฒนาระบบงานบริการประชาชน",
                        "สำนักปลัด", f"๑. ประชุมครั้งที่ {n}\n๒. ประกาศผล\n๓. ติดตาม", "ทั้งปี",
                        f"ผลลัพธ์ {n} เรื่อง") for n in range(1, 17)] + [
        (MeasureKind.MEASURE, "O35", "ข้อมูลเพิ่มเติม", "กองช่าง", "ทำ", "ทุกไตรมาส", "ผล")]
    assert summary.pages == 2
    # the paragraphs around it stay paragraphs: opening, closing, the signers' table
    assert from_pdf.opening == "ตามที่ได้ประเมิน ITA ปี 2566 แล้ว จึงจัดทำแผนนี้"
    assert from_pdf.closing == "สรุป ทุกมาตรการดำเนินการแล้ว"
    assert _fields(from_pdf) == _fields(from_word)
    text = summary.text()
    assert "«ผู้รับ ผิดชอบ» → «ผู้รับผิดชอบ»" in text  # the columns it mapped are told
    assert "ส่วนที่ไม่ได้นำเข้า: ไม่มี" in text


def test_a_ruled_table_in_a_table_without_borders_is_its_cells_text(samples):
    from_word, from_pdf, summary = _both(samples, "mixed")
    got = [(m.kind, m.code, m.title, m.owner, m.steps, m.timing, m.outcome)
           for m in from_pdf.measures]
    assert got == [
        (MeasureKind.MEASURE, "e6", "การให้บริการอย่างเท่าเทียม", "สำนักปลัด",
         "ดำเนินการดังนี้\nขั้นที่\nงาน\n1\nประชุม", "ต.ค. 66", "ดีขึ้น"),
        (MeasureKind.MEASURE, "I10", "การเปิดเผยข้อมูล", "กองคลัง", "เผยแพร่ทุกเดือน",
         "ทั้งปี", "เผยแพร่"),
    ]
    assert _fields(from_pdf) == _fields(from_word)
    # every header cell's words in its column (a double space cut one in two pieces)
    assert summary.columns == read_with_summary(samples["mixed"][0])[1].columns
    assert "ส่วนที่ไม่ได้นำเข้า: ไม่มี" in summary.text()
