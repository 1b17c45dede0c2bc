"""Checks, each tried on text taken from the seed reports."""

from __future__ import annotations

from itadesk.domain import Measure, MeasureKind, Report
from itadesk.domain.checks import check_report


def kinds(report: Report) -> list[tuple[str, int | None, str]]:
    return [(f.kind, f.row, f.field) for f in check_report(report)]


def report(*measures: Measure, fiscal_year: int = 2568, layout: str = "six-measures") -> Report:
    return Report(fiscal_year=fiscal_year, layout=layout, measures=measures)


def full(**fields: str) -> Measure:
    base = {"title": "(๑) มาตรการ", "owner": "ทุกสำนัก/กอง", "timing": "ไตรมาสที่ ๑-๔",
            "result": "ดำเนินการแล้ว"}
    return Measure(**{**base, **fields})


def test_required_fields_of_the_layout():
    found = kinds(report(Measure(title="(๑) มาตรการ", owner="", timing="", result="")))
    assert ("required", 0, "owner") in found and ("required", 0, "timing") in found
    assert ("required", 0, "result") in found
    assert kinds(report(full())) == []
    # section rows are headings, not measures
    assert kinds(report(Measure(kind=MeasureKind.SECTION, title="หมวด"), full(),
                        layout="improvement-plan")) == []


def test_one_year_named_twice_where_two_are_compared_seed_000():
    text = ("ผลการประเมิน ITA ในหัวข้อ ช่องทางการเผยแพร่ข้อมูลข่าวสารที่สามารถเข้าถึงได้ง่าย "
            "ITA ปี ๒๕๖๗ ได้คะแนน ๙๔.๙๙ คะแนน ITA ปี ๒๕๖๗ ได้คะแนน ๙๘.๗๒ คะแนน "
            "มีคะแนนเฉลี่ยเพิ่มขึ้น ๓.๗๓ คะแนน")
    [finding] = check_report(report(full(outcome=text)))
    assert finding.kind == "year" and finding.field == "outcome"
    assert finding.fix is not None
    assert "ITA ปี ๒๕๖๗ ได้คะแนน ๙๔.๙๙ คะแนน ITA ปี ๒๕๖๘ ได้คะแนน ๙๘.๗๒" in finding.fix


def test_years_neither_this_nor_last_fiscal_year():
    [finding] = check_report(report(full(result="ผลการประเมินความพึงพอใจในปีงบประมาณ ๒๕๖๕ ร้อยละ ๘๓")))
    assert finding.kind == "year" and "๒๕๖๕" in finding.message
    # the year of a law is not a report year (seed 000: พ.ศ. ๒๕๔๐)
    assert kinds(report(full(result="ตาม พ.ร.บ.ข้อมูลข่าวสารของราชการ พ.ศ.๒๕๔๐"))) == []


def test_timing_outside_the_fiscal_year():
    assert kinds(report(full(timing="ม.ค. - เม.ย.๖๘"))) == []  # seed 002, FY 2568
    [finding] = check_report(report(full(timing="ตุลาคม ๒๕๖๘ - ธันวาคม ๒๕๖๘")))
    assert finding.kind == "timing" and "ตุลาคม ๒๕๖๘" in finding.message


def test_the_same_paragraph_twice_seed_002():
    repeated = ("ผลการประเมิน ITA ในหัวข้อหน่วยงานเปิดโอกาสให้บุคคลภายนอกได้เข้ามามีส่วนร่วม"
                "ปรับปรุงพัฒนาการดำเนินงาน ปีงบประมาณ ๒๕๖๘ ได้คะแนนร้อยละ ๗๕.๐๐")
    found = kinds(report(full(outcome=f"{repeated} ตามความเป็นจริง {repeated}")))
    assert ("repeat", 0, "outcome") in found
    lines = check_report(report(full(outcome=f"{repeated}\n{repeated}")))
    fix = next(f.fix for f in lines if f.kind == "repeat")
    assert fix == repeated
    adjacent = kinds(report(full(result=repeated), full(title="(๒) ถัดไป", result=repeated)))
    assert ("repeat", 1, "result") in adjacent


def test_space_left_inside_a_word_by_a_pdf_copy_seed_002():
    [finding] = check_report(report(full(result="แสดงให้เห็นว่าผู้มีส่วนได้ ส่วนเสีย ภายนอก")))
    assert finding.kind == "split-word"
    assert finding.fix == "แสดงให้เห็นว่าผู้มีส่วนได้ส่วนเสีย ภายนอก"
    # spaces between phrases stay
    assert kinds(report(full(result="ได้ง่าย สะดวก รวดเร็ว และง่ายมากขึ้น"))) == []
    # "งาน|ประจำ" is a word too, but "งาน" is the end of "ดำเนินงาน", not a word of its own
    assert kinds(report(full(result="สรุปผลการดำเนินงาน ประจำปี"))) == []


def test_gaps_and_repeats_in_numbering_and_bad_addresses():
    found = kinds(report(full(title="(๑) ก"), full(title="(๒) ข"), full(title="(๒) ค"),
                         full(title="(๕) ง")))
    assert ("numbering", 2, "title") in found and ("numbering", 3, "title") in found
    bad = kinds(report(full(result="เว็บไซต์ www.kalasin- mu.go.th และ https://เทศบาล")))
    assert ("url", 0, "result") in bad
    assert kinds(report(full(result="๑. เว็บไซต์ www.kalasin-mu.go.th"))) == []


def test_checking_again_redoes_only_the_measures_that_changed():
    import dataclasses

    from itadesk.demo import demo_measures
    from itadesk.domain.checks import ReportChecker

    demo = demo_measures()
    measures = [dataclasses.replace(demo[i % len(demo)], id=i + 1) for i in range(60)]
    checker = ReportChecker()

    def again(measures: list[Measure], **fields: object) -> int:
        r = dataclasses.replace(report(*measures), **fields)
        assert checker.check(r) == check_report(r)  # the same as checking it whole
        return checker.checked

    assert again(measures) == 60
    assert again(measures) == 0
    # one cell: one measure checked, and its new finding is there
    measures[7] = measures[7].with_field("outcome", "ITA ปี 2567 ได้ 90 ITA ปี 2567 ได้ 95")
    assert again(measures) == 1
    # rows moved or removed: nothing to check, the rows of the findings follow
    measures.insert(0, measures.pop(7))
    del measures[30]
    assert again(measures) == 0
    measures.insert(3, full(title="(๙๙) ใหม่", timing="ปี ๒๕๗๐"))  # no id yet: checked
    assert again(measures) == 1
    # another fiscal year changes what every measure's years mean
    assert again(measures, fiscal_year=2570) == 60


def test_half_score_lines_a_memo_without_a_date_and_a_period_outside_the_year():
    from itadesk.domain import Memo, Score
    from itadesk.thai.dates import period_text

    report = Report(
        fiscal_year=2568, layout="six-measures", options={"memo": True},
        memo=Memo(agency="กองคลัง"), period="รอบ ๖ เดือน (เดือนตุลาคม ๒๕๖๖ - มีนาคม ๒๕๖๗)",
        measures=(Measure(title="ก", steps="ข", owner="ค", timing="ง", result="จ",
                          outcome="ฉ", scores=(Score("หัวข้อ", "94.99", ""),
                                               Score("อื่น", "เก้าสิบ", "90"))),))
    found = {(f.kind, f.row, f.field, f.message) for f in check_report(report)}
    assert ("score", 0, "scores", "คะแนน ITA ข้อที่ ๑ ยังไม่มีคะแนนปี ๒๕๖๘ "
            "(บรรทัดคะแนนจะพิมพ์ไม่ครบ)") in found
    assert ("score", 0, "scores", "คะแนน ITA ข้อที่ ๒ ปี ๒๕๖๗ «เก้าสิบ» ไม่ใช่ตัวเลข "
            "จึงไม่ถูกพิมพ์") in found
    assert ("memo", None, "memo.date", "บันทึกข้อความยังไม่ได้ใส่วันที่") in found
    assert any(kind == "period" and "๒๕๖๖" in message for kind, _r, _f, message in found)
    fixed = Report(fiscal_year=2568, layout="six-measures", memo=Memo(date="๑ ตุลาคม ๒๕๖๘"),
                   period=period_text(2568, 12), measures=report.measures[:0])
    assert check_report(fixed) == []
