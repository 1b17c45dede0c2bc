"""The neutral document, built from reports, without any writer."""

import json

import pytest

from itadesk.document import ExportOptions, Table, build_document
from itadesk.document.scores import score_lines
from itadesk.domain import Measure, MeasureKind, Report, Score, Signer, builtin_layouts
from itadesk.exchange.jsonfile import read_report
from itadesk.paths import resource


def demo(name: str) -> Report:
    return read_report(resource("demo", f"{name}.itadesk.json"))


def tables(doc):
    return [b for s in doc.sections for b in s.blocks if isinstance(b, Table)]


@pytest.mark.parametrize("layout", [lay for lay in builtin_layouts() if lay.form == "table"],
                         ids=lambda lay: lay.id)
def test_every_table_layout_has_its_exact_headers_and_widths(layout):
    report = Report(layout=layout.id, municipality="เทศบาลทดสอบ",
                    measures=(Measure(title="ก", owner="ข"),))
    doc = build_document(report)
    [table] = tables(doc)
    assert [c.paragraphs[0].text for c in table.header.cells] == [c.header for c in layout.columns]
    page = doc.sections[-1].page
    assert page.landscape == (layout.orientation == "landscape")
    margins = layout.margins(page.landscape)
    assert (page.left_mm, page.right_mm, page.top_mm, page.bottom_mm) == (
        margins.left_mm, margins.right_mm, margins.top_mm, margins.bottom_mm)
    assert sum(table.widths_mm) == pytest.approx(page.text_width_mm, abs=0.1)


def test_narrative_is_portrait_with_numbered_headings_and_labels():
    report = Report(layout="narrative", municipality="เทศบาลทดสอบ", closing="ภาพรวมดี",
                    measures=(Measure(title="มาตรการป้องกันสินบน", activity="โครงการ No Gift",
                                      steps="- ประกาศ\n- ประชาสัมพันธ์", owner="สำนักปลัด"),))
    doc = build_document(report)
    assert not doc.sections[-1].page.landscape
    texts = [p.text for p in doc.paragraphs()]
    assert "๑. มาตรการป้องกันสินบน" in texts
    assert "โครงการ/กิจกรรม:" in texts and "ผู้รับผิดชอบ:" in texts
    assert "บทสรุปภาพรวม:" in texts
    roles = {p.text: p.role for p in doc.paragraphs()}
    assert roles["- ประกาศ"] == "list"


def test_thai_digits_everywhere_but_addresses():
    report = Report(municipality="เทศบาล", fiscal_year=2568,
                    measures=(Measure(title="1. มาตรการ", result="ดู www.kalasin-mu.go.th 2568"),))
    texts = " ".join(p.text for p in build_document(report).paragraphs())
    assert "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘" in texts
    assert "๑. มาตรการ" in texts
    assert "www.kalasin-mu.go.th ๒๕๖๘" in texts
    arabic = build_document(report, ExportOptions(thai_digits=False))
    assert "ประจำปีงบประมาณ พ.ศ. 2568" in " ".join(p.text for p in arabic.paragraphs())


def test_score_lines_from_the_numbers():
    assert score_lines(Score("ช่องทางการเผยแพร่ข้อมูลข่าวสาร", "๙๔.๙๙", "98.72"), 2568) == [
        "ผลการประเมิน ITA ในหัวข้อช่องทางการเผยแพร่ข้อมูลข่าวสาร",
        "ITA ปี 2567 ได้คะแนน 94.99 คะแนน",
        "ITA ปี 2568 ได้คะแนน 98.72 คะแนน",
        "มีคะแนนเฉลี่ยเพิ่มขึ้น 3.73 คะแนน",
    ]
    assert score_lines(Score("", "100", "75"), 2568)[-1] == "มีคะแนนเฉลี่ยลดลง 25.00 คะแนน"
    assert score_lines(Score("", "90.5", "90.50"), 2568)[-1] == "มีคะแนนเฉลี่ยเท่าเดิม"
    assert score_lines(Score("x", "", "98"), 2568) == ["ผลการประเมิน ITA ในหัวข้อx",
                                                       "ITA ปี 2568 ได้คะแนน 98.00 คะแนน"]


def test_score_lines_go_in_the_outcome_cell():
    report = Report(fiscal_year=2568, measures=(
        Measure(title="ก", outcome="ผลดี", scores=(Score("หัวข้อ", "94.99", "98.72"),)),))
    [table] = tables(build_document(report))
    outcome = [p.text for p in table.rows[0].cells[5].paragraphs]
    assert outcome == ["ผลดี", "ผลการประเมิน ITA ในหัวข้อหัวข้อ", "ITA ปี ๒๕๖๗ ได้คะแนน ๙๔.๙๙ คะแนน",
                       "ITA ปี ๒๕๖๘ ได้คะแนน ๙๘.๗๒ คะแนน", "มีคะแนนเฉลี่ยเพิ่มขึ้น ๓.๗๓ คะแนน"]
    no_scores = build_document(report, ExportOptions(score_lines=False))
    assert [p.text for p in tables(no_scores)[0].rows[0].cells[5].paragraphs] == ["ผลดี"]


def test_list_lines_get_a_hanging_indent():
    report = Report(measures=(Measure(steps="ขั้นตอน\n- ประชุม\n๑. ประกาศ\n(๒) แจ้งเวียน\n1) ติดตาม"),))
    [table] = tables(build_document(report))
    steps = table.rows[0].cells[1].paragraphs
    assert [p.role for p in steps] == ["cell", "list", "list", "list", "list"]
    assert steps[1].hanging_mm > 0 and steps[0].hanging_mm == 0


def test_section_rows_span_the_table():
    report = Report(layout="improvement-plan", measures=(
        Measure(kind=MeasureKind.SECTION, title="เครื่องมือการประเมิน EIT ตัวชี้วัดที่ 7"),
        Measure(code="e6", title="หน่วยงานเผยแพร่ผลงาน", owner="สำนักปลัด"),
    ))
    [table] = tables(build_document(report))
    assert table.rows[0].spans_all and len(table.rows[0].cells) == 1
    assert table.rows[1].cells[0].paragraphs[0].text == "e๖ หน่วยงานเผยแพร่ผลงาน"


def test_parts_follow_the_switches_and_pages_are_numbered_after_the_cover():
    report = demo("chainat-2567")
    doc = build_document(report, ExportOptions.from_report(report, cover=True))
    assert [s.name for s in doc.sections] == ["memo", "cover", "report"]
    memo, cover, body = doc.sections
    assert not memo.page.page_numbers and not cover.page.page_numbers
    assert body.page.page_numbers and body.page.restart_numbering
    memo_texts = [p.text for p in memo.blocks if hasattr(p, "runs")]
    assert "บันทึกข้อความ" in memo_texts
    assert any(t.startswith("ส่วนราชการ งานวิเคราะห์นโยบายและแผน") for t in memo_texts)
    assert "(นางสาวสุกัญญา อ่อนพร)" in memo_texts
    body_texts = [p.text for p in body.blocks if hasattr(p, "runs")]
    assert body_texts[0] == report.title
    assert any(t.startswith("(ลงชื่อ)") and t.endswith("ผู้รายงาน") for t in body_texts)
    plain = build_document(report, ExportOptions(memo=False, signatures=False,
                                                 title_block=False, opening=False))
    assert [s.name for s in plain.sections] == ["report"]
    assert plain.sections[0].page.first_page_unnumbered
    assert [type(b).__name__ for b in plain.sections[0].blocks] == ["Table"]


def test_all_demo_text_reaches_the_document():
    for name in ("kalasin-2568", "chainat-2567", "borplathong-2568"):
        report = demo(name)
        doc = build_document(report, ExportOptions(thai_digits=False))
        text = "\n".join(p.text for p in doc.paragraphs())
        for m in report.measures:
            for field in ("title", "steps", "owner", "timing", "result", "outcome"):
                for line in m.get(field).split("\n"):
                    assert line.strip() in text, (name, field, line)


def test_options_from_the_report_ignore_bad_values():
    report = Report(options={"cover": "yes", "thai_digits": False, "table_pt": 14, "x": 1})
    options = ExportOptions.from_report(report)
    assert options.cover is False and options.thai_digits is False and options.table_pt == 14


def test_document_dumps_to_json():
    doc = build_document(demo("borplathong-2568"))
    data = json.loads(json.dumps(doc.to_json(), ensure_ascii=False))
    assert data["type"] == "Document"
    assert data["sections"][-1]["blocks"][-1]["type"] == "Table"


def test_signer_positions_each_on_a_line():
    report = Report(signers=(Signer("นายอรุณ คุ่มทัน", ("ปลัดเทศบาล", "รักษาราชการแทน"), ""),))
    texts = [p.text for p in build_document(report).paragraphs()]
    i = texts.index("(นายอรุณ คุ่มทัน)")
    assert texts[i - 1].startswith("(ลงชื่อ)") and texts[i + 1 : i + 3] == [
        "ปลัดเทศบาล", "รักษาราชการแทน"]
