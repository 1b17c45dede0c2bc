import dataclasses

from itadesk.domain import Measure, Report, Score
from itadesk.domain.nextyear import next_year, shift_years


def test_timing_moves_one_year_in_every_spelling():
    assert shift_years("ม.ค. - เม.ย.๖๘") == "ม.ค. - เม.ย.๖๙"
    assert shift_years("ปีงบประมาณ พ.ศ.๒๕๖๘") == "ปีงบประมาณ พ.ศ.๒๕๖๙"
    assert shift_years("ตุลาคม 2567 - กันยายน 2568") == "ตุลาคม 2568 - กันยายน 2569"
    assert shift_years("ไตรมาสที่ ๑-๔") == "ไตรมาสที่ ๑-๔"
    assert shift_years("ทุก 12 เดือน") == "ทุก 12 เดือน"


def test_next_years_report_keeps_measures_and_moves_scores():
    this = Report(id=4, fiscal_year=2568, municipality="เทศบาลตำบลบ่อปลาทอง", closing="สรุป",
                  measures=(Measure(id=9, title="มาตรการ", steps="ประชุม", owner="สำนักปลัด",
                                    timing="ม.ค. - เม.ย.๖๘", result="ทำแล้ว", outcome="ดี",
                                    scores=(Score("ช่องทาง", "92.26", "95.31"),)),))
    nxt = next_year(this)
    assert nxt.id is None and nxt.fiscal_year == 2569 and nxt.closing == ""
    [m] = nxt.measures
    assert (m.id, m.title, m.steps, m.owner, m.timing) == (None, "มาตรการ", "ประชุม",
                                                           "สำนักปลัด", "ม.ค. - เม.ย.๖๙")
    assert m.result == "" and m.outcome == ""
    assert m.scores == (Score("ช่องทาง", "95.31", ""),)
    assert this.measures[0].result == "ทำแล้ว"  # the old report is untouched


def test_next_years_memo_has_no_number_or_date_and_names_next_year():
    from itadesk.demo import read_demo
    from itadesk.domain.checks import check_report
    from itadesk.domain.nextyear import next_year

    report = read_demo("001")  # its memo: ชน๕๒๐๐๖/-, ๒๔ เมษายน ๒๕๖๗
    memo = next_year(report).memo
    assert memo is not None and (memo.number, memo.date) == ("", "")
    assert memo.subject.endswith("พ.ศ. ๒๕๖๘") and memo.signer == report.memo.signer
    # and the checks say the date is to be filled in
    assert any(f.kind == "memo" for f in check_report(next_year(report)))


def test_next_year_of_a_plan_does_not_restate_last_years_scores_as_this_years():
    # The clerk's test: a plan written from the 2568 scores, moved on to 2570, printed
    # "ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ … ได้ ๗๘.๕๐": the 2568 figures under the wrong year.
    from itadesk.domain.scoresheet import (
        OPTION,
        QuestionScore,
        ScoreSheet,
        improvement_plan,
        sheet_of,
    )

    sheet = ScoreSheet(2568, {n: 90.0 for n in range(1, 11)} | {5: 78.5},
                       (QuestionScore("i18", 5, 70.0, "มีการแก้ไขปัญหาการทุจริต"),), 88.2)
    plan = improvement_plan(sheet, "เทศบาลตำบลหนองบัว")
    nxt = next_year(plan)
    assert nxt.fiscal_year == 2570
    assert "๗๘.๕๐" not in nxt.opening and "๒๕๖๙" not in nxt.opening
    assert sheet_of(nxt.options) is None and OPTION not in nxt.options
    assert sheet_of(plan.options) == sheet  # the plan itself keeps its sheet


def test_next_year_keeps_an_opening_the_clerk_wrote_over_the_analysis():
    from itadesk.domain.scoresheet import ScoreSheet, improvement_plan

    plan = improvement_plan(ScoreSheet(2568, {n: 90.0 for n in range(1, 11)}))
    own = dataclasses.replace(plan, opening="เทศบาลได้จัดทำแผนนี้ในปีงบประมาณ พ.ศ. ๒๕๖๙")
    assert next_year(own).opening == "เทศบาลได้จัดทำแผนนี้ในปีงบประมาณ พ.ศ. ๒๕๗๐"
