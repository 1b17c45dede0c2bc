"""Word files typed by other people, built here with python-docx the way clerks make them
(a memo before the report, a cover, one table per page, merged and nested cells, headings
inside the table, signers after it), never with ITA Desk's writers; and our own exports
read back whole."""

from __future__ import annotations

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from itadesk import demo
from itadesk.document import ExportOptions
from itadesk.domain import MeasureKind, Score
from itadesk.domain.memo import from_form
from itadesk.exchange.importing import ImportProblem, read_with_summary
from itadesk.exchange.jsonfile import report_to_dict
from itadesk.export.jobs import export_report

PLAN_HEADERS = ["ประเด็นที่ต้องปรับปรุงแก้ไข / ประเด็นที่ต้องพัฒนา", "ผู้รับ\nผิดชอบ",
                "ขั้นตอนหรือวิธีการ/ มาตรการ", "การแสดงผลและการกำกับติดตาม  กำหนดเวลาแล้วเสร็จ",
                "ผลลัพธ์ / ความสำเร็จ"]
PERIOD = "รอบ ๑๒ เดือน (ตุลาคม ๒๕๖๖ - กันยายน ๒๕๖๗)"


def _table(document, rows: list[list[str]], style: str | None = "Table Grid"):
    table = document.add_table(rows=0, cols=len(rows[0]))
    table.style = style  # ruled, as clerks' report tables are (the signers' table is not)
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.text = value
    return table


def _memo_and_cover(document) -> None:
    for text in ("บันทึกข้อความ", "ส่วนราชการ สำนักปลัด องค์การบริหารส่วนตำบลหนองบัว",
                 "ที่ ขก ๗๑๒๐๑/๑๒๓   วันที่ 1 ตุลาคม 2567",
                 "เรื่อง รายงานผลการดำเนินการตามแผนปรับปรุง", "เรียน นายกองค์การบริหารส่วนตำบลหนองบัว",
                 "เรื่องเดิม", "ตามที่ได้จัดทำแผนปรับปรุงไว้", "ข้อเท็จจริง", "ได้ดำเนินการครบแล้ว",
                 "จึงเรียนมาเพื่อโปรดทราบ", "(นางสาวใจดี มีสุข)", "นักวิเคราะห์นโยบายและแผน",
                 "เรียน นายก อบต.", "- เพื่อโปรดทราบ", "(นายสมชาย ใจดี)",
                 "ปลัดองค์การบริหารส่วนตำบลหนองบัว"):
        document.add_paragraph(text)
    document.add_page_break()
    for text in ("รายงานผลการดำเนินการตามแผนปรับปรุง", "ประจำปีงบประมาณ พ.ศ. ๒๕๖๗", PERIOD,
                 "องค์การบริหารส่วนตำบลหนองบัว", "อำเภอเมือง จังหวัดขอนแก่น",
                 "จัดทำโดย สำนักปลัด"):
        document.add_paragraph(text)
    document.add_page_break()


def _clerks_plan(path) -> None:
    """The improvement plan laid out one table per page, as a clerk typed it."""
    document = docx.Document()
    _memo_and_cover(document)
    for text in ("รายงานผลการดำเนินการ", "ตามแผนปรับปรุง",
                 "ประจำปีงบประมาณ พ.ศ. ๒๕๖๗", PERIOD,
                 "องค์การบริหารส่วนตำบลหนองบัว อำเภอเมือง จังหวัดขอนแก่น",
                 "ตามที่ได้ประเมิน ITA ปี 2566 แล้ว จึงจัดทำแผนนี้", "โดยมีรายละเอียดดังนี้"):
        document.add_paragraph(text)
    table = _table(document, [
        PLAN_HEADERS,
        ["เครื่องมือการประเมิน EIT"] * 5,  # merged across below
        ["ตัวชี้วัดที่ ๙ การปรับปรุงระบบการทำงาน", "", "", "", ""],
        ["e๖ การให้บริการอย่างเท่าเทียม", "สำนักปลัด", "๑. ประชุม", "ต.ค. 66", "ดีขึ้น 10 ครั้ง"],
        ["", "", "๒. ประกาศ", "พ.ย. 66", ""],  # the title merged down over three rows
        ["", "", "๓. ติดตาม", "ธ.ค. 66", ""],
        ["I10 การเปิดเผยข้อมูล", "กองคลัง", "", "ทั้งปี", "เผยแพร่"],
        ["o46 ไม่ใช่รหัส", "กองช่าง", "ทำ", "ทั้งปี", "ผล"],
        ["O35 ข้อมูลเพิ่มเติม", "กองช่าง", "ทำ", "ทั้งปี", "ผล"],
    ])
    table.rows[1].cells[0].merge(table.rows[1].cells[4]).text = "เครื่องมือการประเมิน EIT"
    title = table.rows[3].cells[0].merge(table.rows[5].cells[0])
    title.text = "e๖ การให้บริการอย่างเท่าเทียม"
    owner = table.rows[3].cells[1].merge(table.rows[5].cells[1])
    owner.text = "สำนักปลัด"
    nested = table.rows[6].cells[2].add_table(rows=2, cols=2)
    nested.cell(0, 0).text, nested.cell(0, 1).text = "ขั้นที่", "งาน"
    nested.cell(1, 0).text, nested.cell(1, 1).text = "1", "ขึ้นเว็บไซต์"
    # gridSpan="500" on one cell of a full row: the other cells keep their text
    row = table.rows[8]._tr
    row.tc_lst[1].get_or_add_tcPr().append(parse_xml(f'<w:gridSpan {nsdecls("w")} w:val="500"/>'))
    document.add_page_break()
    document.add_paragraph("- ๒ -")
    document.add_paragraph("ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต")
    _table(document, [PLAN_HEADERS,
                      ["i๒๕ การจัดการเรื่องร้องเรียน", "สำนักปลัด", "ตั้งกล่อง", "ทุกไตรมาส", "ลดลง"]])
    document.add_paragraph("สรุป ทุกมาตรการดำเนินการแล้ว")
    signer_block(document, "รักษาราชการแทน นายก อบต.")
    document.save(str(path))


def signer_block(document, *more_positions: str):
    """The two signers side by side in a borderless table, as clerks lay them out: the
    approver's position lines, and `more_positions` after them."""
    signers = _table(document, [["(ลงชื่อ).................................ผู้รายงาน",
                                 "(ลงชื่อ).................................ผู้อนุมัติ"]], None)
    for column, lines in ((0, ("(นางสาวใจดี มีสุข)", "นักวิเคราะห์นโยบายและแผน")),
                          (1, ("(นายสมชาย ใจดี)", "ปลัดองค์การบริหารส่วนตำบลหนองบัว",
                               *more_positions))):
        for line in lines:
            signers.cell(0, column).add_paragraph(line)
    return signers


def test_a_clerks_plan_one_table_per_page_comes_in_whole(tmp_path):
    path = tmp_path / "plan.docx"
    _clerks_plan(path)
    report, summary = read_with_summary(path)
    assert report.layout == "improvement-plan"
    assert (report.title, report.fiscal_year, report.period) == (
        "รายงานผลการดำเนินการตามแผนปรับปรุง", 2567, PERIOD)
    assert (report.municipality, report.district, report.province, report.prepared_by) == (
        "องค์การบริหารส่วนตำบลหนองบัว", "เมือง", "ขอนแก่น", "สำนักปลัด")
    assert report.opening == "ตามที่ได้ประเมิน ITA ปี 2566 แล้ว จึงจัดทำแผนนี้\nโดยมีรายละเอียดดังนี้"
    assert report.closing == "สรุป ทุกมาตรการดำเนินการแล้ว"
    kinds = [(m.kind, m.code, m.title) for m in report.measures]
    assert kinds == [
        (MeasureKind.SECTION, "", "เครื่องมือการประเมิน EIT"),
        (MeasureKind.SECTION, "", "ตัวชี้วัดที่ ๙ การปรับปรุงระบบการทำงาน"),
        (MeasureKind.MEASURE, "e6", "การให้บริการอย่างเท่าเทียม"),  # typed "e๖"
        (MeasureKind.MEASURE, "I10", "การเปิดเผยข้อมูล"),
        (MeasureKind.MEASURE, "", "o46 ไม่ใช่รหัส"),  # o runs to 45
        (MeasureKind.MEASURE, "O35", "ข้อมูลเพิ่มเติม"),
        (MeasureKind.SECTION, "", "ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต"),
        (MeasureKind.MEASURE, "i25", "การจัดการเรื่องร้องเรียน"),
    ]
    merged = report.measures[2]
    assert (merged.owner, merged.steps, merged.timing, merged.outcome) == (
        "สำนักปลัด", "๑. ประชุม\n๒. ประกาศ\n๓. ติดตาม", "ต.ค. 66\nพ.ย. 66\nธ.ค. 66",
        "ดีขึ้น 10 ครั้ง")  # Arabic digits stay Arabic
    assert report.measures[3].steps == "ขั้นที่\nงาน\n1\nขึ้นเว็บไซต์"  # the nested table
    wide = report.measures[5]
    assert (wide.owner, wide.steps, wide.timing, wide.outcome) == ("กองช่าง", "ทำ", "ทั้งปี", "ผล")
    assert [(s.name, s.positions, s.role) for s in report.signers] == [
        ("นางสาวใจดี มีสุข", ("นักวิเคราะห์นโยบายและแผน",), "ผู้รายงาน"),
        ("นายสมชาย ใจดี", ("ปลัดองค์การบริหารส่วนตำบลหนองบัว", "รักษาราชการแทน นายก อบต."),
         "ผู้อนุมัติ")]
    # signed by the report's first signer (the memo's signer, found by name), role and all
    assert report.memo is not None and report.memo.signer == report.signers[0]
    assert "memo_form" not in report.options
    assert report.memo == from_form({
        "agency": "สำนักปลัด องค์การบริหารส่วนตำบลหนองบัว", "number": "ขก ๗๑๒๐๑/๑๒๓",
        "date": "1 ตุลาคม 2567", "subject": "รายงานผลการดำเนินการตามแผนปรับปรุง",
        "to": "นายกองค์การบริหารส่วนตำบลหนองบัว", "background": "ตามที่ได้จัดทำแผนปรับปรุงไว้",
        "facts": "ได้ดำเนินการครบแล้ว", "closing": "จึงเรียนมาเพื่อโปรดทราบ",
        "endorsements": [{"text": "เรียน นายก อบต.\n- เพื่อโปรดทราบ", "name": "นายสมชาย ใจดี",
                          "positions": ["ปลัดองค์การบริหารส่วนตำบลหนองบัว"]}]},
        report.signers[0])
    assert report.options["cover"] and report.options["memo"]
    assert report.options["thai_digits"] is False  # the clerk typed Arabic digits too
    text = summary.text()
    assert "มาตรการ ๕ รายการ" in text and "หัวข้อหมวด ๓ แถว" in text and "ผู้ลงนาม ๒ คน" in text
    for part in ("บันทึกข้อความ", "หน้าปก", "รอบการรายงาน", "จัดทำโดย", "ย่อหน้าเปิด", "บทสรุป"):
        assert part in text
    assert "«ผู้รับ ผิดชอบ» → «ผู้รับผิดชอบ»" in text
    assert "ส่วนที่ไม่ได้นำเข้า: ไม่มี" in text


def test_what_is_left_out_is_told_with_its_page_and_table(tmp_path):
    document = docx.Document()
    document.add_paragraph("รายงานผลการดำเนินการ ประจำปีงบประมาณ พ.ศ. 2567")
    _table(document, [["รายการ", "งบประมาณ"], ["ค่าวัสดุ", "5,000"]])  # not a report's table
    document.add_page_break()
    _table(document, [PLAN_HEADERS, ["มาตรการ", "กอง", "ทำ", "ปี", "ผล"]])
    document.add_page_break()
    document.add_paragraph("หมายเหตุ ตารางถัดไปเป็นภาคผนวก")
    _table(document, [PLAN_HEADERS, ["มาตรการสอง", "กอง", "ทำ", "ปี", "ผล"]])
    path = tmp_path / "odd.docx"
    document.save(str(path))
    report, summary = read_with_summary(path)
    assert [m.title for m in report.measures] == ["มาตรการ", "มาตรการสอง"]
    where = [(item.page, item.table, item.text) for item in summary.left_out]
    assert where == [(1, 1, "รายการ งบประมาณ ค่าวัสดุ 5,000"),
                     (3, None, "หมายเหตุ ตารางถัดไปเป็นภาคผนวก")]
    assert "หน้า ๑ ตาราง ๑: «รายการ งบประมาณ ค่าวัสดุ 5,000»" in summary.text()


def test_a_clerks_narrative_report(tmp_path):
    document = docx.Document()
    for text in (
            "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใส", "ประจำปีงบประมาณ พ.ศ. 2567",
            "เทศบาลตำบลหนองบัว อำเภอเมือง จังหวัดขอนแก่น", "เทศบาลได้ดำเนินการดังนี้",
            "1. มาตรการเผยแพร่ข้อมูล", "โครงการ/กิจกรรม: ปรับปรุงเว็บไซต์",
            "ขั้นตอนหรือวิธีการปฏิบัติ", "- รวบรวมข้อมูล", "- ขึ้นเว็บไซต์ www.nongbua.go.th",
            "ช่วงระยะเวลาในการดำเนินการ : ต.ค. 2566 - ก.ย. 2567", "ผู้รับผิดชอบ: สำนักปลัด",
            "ผลการดำเนินการ (Output)", "๑) เผยแพร่ครบ", "๒) มีผู้เข้าชม 1,200 ครั้ง",
            "งบประมาณที่ใช้: 5,000 บาท",
            "2. มาตรการรับเรื่องร้องเรียน", "ผู้รับผิดชอบ: กองคลัง", "ผลการดำเนินการ: ทำแล้ว",
            "ผลลัพธ์หรือผลสัมฤทธิ์ (Outcome/Result):", "เรื่องร้องเรียนลดลง",
            "บทสรุปภาพรวม:", "ทุกมาตรการบรรลุเป้าหมาย",
            "(ลงชื่อ)..............................ผู้รายงาน", "(นายสมชาย ใจดี)", "ปลัดเทศบาล"):
        document.add_paragraph(text)
    path = tmp_path / "story.docx"
    document.save(str(path))
    report, summary = read_with_summary(path)
    assert report.layout == "narrative"
    assert (report.fiscal_year, report.municipality, report.opening) == (
        2567, "เทศบาลตำบลหนองบัว", "เทศบาลได้ดำเนินการดังนี้")
    first, second = report.measures
    assert (first.title, first.activity, first.steps, first.timing, first.owner) == (
        "มาตรการเผยแพร่ข้อมูล", "ปรับปรุงเว็บไซต์", "- รวบรวมข้อมูล\n- ขึ้นเว็บไซต์ www.nongbua.go.th",
        "ต.ค. 2566 - ก.ย. 2567", "สำนักปลัด")
    assert (first.result, first.budget) == ("๑) เผยแพร่ครบ\n๒) มีผู้เข้าชม 1,200 ครั้ง", "5,000 บาท")
    assert (second.title, second.owner, second.result, second.outcome) == (
        "มาตรการรับเรื่องร้องเรียน", "กองคลัง", "ทำแล้ว", "เรื่องร้องเรียนลดลง")
    assert report.closing == "ทุกมาตรการบรรลุเป้าหมาย"
    assert [(s.name, s.positions, s.role) for s in report.signers] == [
        ("นายสมชาย ใจดี", ("ปลัดเทศบาล",), "ผู้รายงาน")]
    assert "มาตรการ ๒ รายการ" in summary.text()


@pytest.mark.parametrize("seed", sorted(demo.DEMOS))
def test_our_demo_exports_come_back_equal(seed, tmp_path):
    report = demo.read_demo(seed)
    path = export_report(report, tmp_path / "out.docx",
                         ExportOptions.from_report(report, embed_fonts=False))
    back, summary = read_with_summary(path)
    want, got = report_to_dict(report)["report"], report_to_dict(back)["report"]
    shown = ExportOptions.from_report(report)
    if not shown.cover:  # only the cover prints จัดทำโดย
        want.pop("prepared_by")
        got.pop("prepared_by")
    for name in ("cover", "memo", "title_block", "thai_digits"):
        assert getattr(ExportOptions.from_report(back), name) == getattr(shown, name), name
    assert back.memo == report.memo
    want.pop("options")
    got.pop("options")
    assert got == want
    assert not summary.left_out


def test_codes_scores_and_extras_go_back_to_their_fields(tmp_path):
    from itadesk.domain import Measure, Report, Signer

    report = Report(layout="six-guidelines", municipality="เทศบาลตำบลทดสอบ", district="เมือง",
                    province="ขอนแก่น", fiscal_year=2568, period=PERIOD, opening="เปิด",
                    closing="ปิด", signers=(Signer("นายหนึ่ง สอง", ("ปลัด",), "ผู้รายงาน"),),
                    measures=(Measure(code="o12", title="มาตรการ", steps="ทำ", owner="กอง",
                                      timing="ปี", result="ผล", outcome="ดี",
                                      budget="5,000 บาท", problems="ไม่มี",
                                      scores=(Score("การเปิดเผย", "90.50", "95.25"),)),),
                    options={"thai_digits": False})
    path = export_report(report, tmp_path / "x.docx",
                         ExportOptions.from_report(report, embed_fonts=False))
    back, _ = read_with_summary(path)
    assert back.measures == report.measures
    assert (back.period, back.opening, back.closing, back.signers) == (
        report.period, report.opening, report.closing, report.signers)


def test_a_word_file_without_measures_is_told_in_thai(tmp_path):
    document = docx.Document()
    document.add_paragraph("จดหมายทั่วไป")
    table = _table(document, [["ก", "ข"], ["ค", "ง"]])
    assert table is not None
    path = tmp_path / "letter.docx"
    document.save(str(path))
    with pytest.raises(ImportProblem) as info:
        read_with_summary(path)
    assert "ไม่พบตารางมาตรการ" in info.value.message



def test_the_command_line_prints_the_summary(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "plan.docx"
    _clerks_plan(path)
    done = subprocess.run([sys.executable, "-m", "itadesk", "--library",
                           str(tmp_path / "lib.sqlite"), "import", str(path)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().isdigit()  # stdout: the new report's number, as before
    assert "มาตรการ ๕ รายการ · หัวข้อหมวด ๓ แถว · ผู้ลงนาม ๒ คน" in done.stderr
    assert "ส่วนที่อ่านได้: บันทึกข้อความ, หน้าปก" in done.stderr


def test_a_memo_without_a_closing_line_keeps_its_signer_out_of_the_facts(tmp_path):
    """The lead's clerk: the memo signer's lines came back inside ข้อเท็จจริง."""
    import dataclasses

    from itadesk.domain import Signer
    from itadesk.domain.memo import Memo

    report = demo.read_demo("002")
    signer = Signer("นายสมชาย ใจดี", ("ปลัดเทศบาลตำบลบ่อปลาทอง",))
    report = dataclasses.replace(report, signers=(signer,), memo=Memo(
        agency="สำนักปลัด", subject="รายงานผล", to="นายกเทศมนตรี", facts="ได้ดำเนินการแล้ว",
        signer=signer), options={**report.options, "memo": True})
    path = export_report(report, tmp_path / "m.docx",
                         ExportOptions.from_report(report, embed_fonts=False))
    back, _ = read_with_summary(path)
    assert back.memo is not None
    assert back.memo.facts == "ได้ดำเนินการแล้ว"
    assert (back.memo.signer.name, back.memo.signer.positions) == (signer.name, signer.positions)


def test_a_code_comes_back_as_the_clerk_typed_it_from_thai_digits(tmp_path):
    """Our export prints codes in Thai digits as published reports do ("i๑๐"); the code
    field is an identifier ("เช่น O35, i10, e6") and comes back so, the rest as printed."""
    from itadesk.domain import Measure, Report

    report = Report(layout="improvement-plan", municipality="เทศบาลตำบลทดสอบ", fiscal_year=2568,
                    measures=(Measure(code="i10", title="มาตรการ ๒ ข้อ", owner="กอง"),
                              Measure(code="O35", title="เผยแพร่", owner="กอง"),
                              Measure(code="e6", title="บริการ", owner="กอง")),
                    options={"thai_digits": True})
    for suffix in (".docx", ".pdf"):
        path = export_report(report, tmp_path / f"x{suffix}",
                             ExportOptions.from_report(report, embed_fonts=False))
        back, _ = read_with_summary(path)
        assert [(m.code, m.title) for m in back.measures] == [
            ("i10", "มาตรการ ๒ ข้อ"), ("O35", "เผยแพร่"), ("e6", "บริการ")], suffix


def test_steps_numbered_by_word_in_a_cell_keep_their_numbers(tmp_path):
    document = docx.Document()
    table = _table(document, [PLAN_HEADERS, ["มาตรการ", "กอง", "", "ปี", "ผล"]])
    cell = table.rows[1].cells[2]
    cell.paragraphs[0].text = "ประชุม"
    cell.paragraphs[0].style = document.styles["List Number"]
    cell.add_paragraph("ประกาศ", style="List Number")
    path = tmp_path / "steps.docx"
    document.save(str(path))
    report, _ = read_with_summary(path)
    assert report.measures[0].steps == "1. ประชุม\n2. ประกาศ"  # they came without


def test_a_table_of_the_clerks_own_columns_comes_in_by_their_names(tmp_path):
    """Four columns a clerk chose (three of them a layout's, by name or one of its "/"
    alternatives): the rows come in under those fields, and the fourth column is told as
    left out with its text. It came in as one narrative measure, every cell's text in
    ผู้รับผิดชอบ, and the summary said nothing was left out."""
    document = docx.Document()
    document.add_paragraph("รายงานผลการดำเนินการ ปีงบประมาณ พ.ศ. ๒๕๖๘")
    document.add_paragraph("เทศบาลตำบลทดลอง อำเภอเมือง จังหวัดน่าน")
    _table(document, [["มาตรการ", "ผลการดำเนินการ", "ผู้รับผิดชอบ", "หมายเหตุ"],
                      ["ประชุมชี้แจงเจ้าหน้าที่", "ประชุมแล้ว ๒ ครั้ง", "สำนักปลัด", "ทำต่อปีหน้า"],
                      ["เผยแพร่ข้อมูลทางเว็บไซต์", "เผยแพร่ทุกเดือน", "กองคลัง", ""]])
    path = tmp_path / "own.docx"
    document.save(str(path))
    report, summary = read_with_summary(path)
    assert [(m.title, m.result, m.owner) for m in report.measures] == [
        ("ประชุมชี้แจงเจ้าหน้าที่", "ประชุมแล้ว ๒ ครั้ง", "สำนักปลัด"),
        ("เผยแพร่ข้อมูลทางเว็บไซต์", "เผยแพร่ทุกเดือน", "กองคลัง")]
    assert [header for header, _ in summary.columns] == [
        "มาตรการ", "ผู้รับผิดชอบ", "ผลการดำเนินการ"]
    [left] = summary.left_out
    assert "«หมายเหตุ»" in left.text and "ทำต่อปีหน้า" in left.text
    assert (left.page, left.table) == (1, 1)
