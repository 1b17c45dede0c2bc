"""ไฟล์ → ปี ITA in the real window: keeping a round is one undoable step that leaves the
other round alone; last year's score sheet becomes next year's improvement plan."""

from __future__ import annotations

from pathlib import Path

from itadesk.demo import add_demo_reports
from itadesk.domain.model import MeasureKind
from itadesk.domain.rounds import round_text
from itadesk.store import Library
from itadesk.thai.digits import to_thai_digits
from itadesk.ui.year_actions import plan_from_scores

from .test_scoresheet import ROWS
from .test_window import open_window  # noqa: F401 (the fixture)
from .ui_helpers import click_button, when_dialog_opens


def test_rounds_kept_from_the_window_undo_as_one_step(open_window, qtbot,  # noqa: F811
                                                      library_path: Path):
    with Library.open(library_path) as library:
        rid = add_demo_reports(library)[0]
    window = open_window()
    window.open_report(rid)
    session = window.session
    row = next(r for r in range(session.model.rowCount())
               if session.model.measure(r).kind is MeasureKind.MEASURE)
    session.set_cells([(row, "result", "ครึ่งปี")])
    when_dialog_opens(click_button("ตกลง"), name="round_kept")
    window.keep6_action.trigger()
    session.set_cells([(row, "result", "ทั้งปี")])
    when_dialog_opens(click_button("ตกลง"), name="round_kept")
    window.keep12_action.trigger()
    mid = session.model.measure(row).id

    def kept(name: str) -> str | None:
        measure = next(m for m in window.library.load_report(rid).measures if m.id == mid)
        text = round_text(measure, name)
        return text.result if text else None

    assert (kept("6"), kept("12")) == ("ครึ่งปี", "ทั้งปี")
    assert round_text(session.model.measure(row), "12").result == "ทั้งปี"  # the view too
    window.undo_action.trigger()  # the 12-month keep goes, the 6-month one stays
    assert (kept("6"), kept("12")) == ("ครึ่งปี", None)
    window.redo_action.trigger()
    assert kept("12") == "ทั้งปี"


def test_a_score_sheet_becomes_next_years_plan(open_window, qtbot, tmp_path: Path):  # noqa: F811
    window = open_window()
    sheet = tmp_path / "ita.csv"
    sheet.write_text("\n".join(",".join(r) for r in ROWS), encoding="utf-8")
    rid = plan_from_scores(window.library_session, sheet, 2568, "เทศบาลตัวอย่าง")
    assert rid is not None
    report = window.library.load_report(rid)
    assert (report.layout, report.fiscal_year) == ("improvement-plan", 2569)
    assert [m.code for m in report.measures if m.code] == ["e7", "e8", "O36"]
    window.undo_action.trigger()
    assert rid not in [r.id for r in window.library.list_reports()]


def test_the_same_score_sheet_taken_twice_asks_first(open_window, qtbot,  # noqa: F811
                                                     tmp_path: Path):
    """The sheet → plan step no longer doubles a plan silently: a plan of that municipality
    and year already there brings the duplicate question; a results report of that year
    is no duplicate of a plan."""
    from itadesk.domain import OriginKind, Report

    window = open_window()
    window.library_session.create_report(
        Report(municipality="เทศบาลตัวอย่าง", fiscal_year=2569), "รายงานผล")
    sheet = tmp_path / "ita.csv"
    sheet.write_text("\n".join(",".join(r) for r in ROWS), encoding="utf-8")
    asked: list[str] = []

    def answer(text: str):
        def act(box) -> None:
            asked.append(box.text())
            click_button(text)(box)
        return act

    first = plan_from_scores(window.library_session, sheet, 2568, "เทศบาลตัวอย่าง", window)
    assert first is not None and asked == []  # the results report there is not a plan
    made = window.library.load_report(first)
    assert made.origin.kind is OriginKind.SCORES and made.origin.text() == (
        "แผนพัฒนาจากคะแนน ITA ใน ita.csv")

    plans = lambda: [r for r in window.library.list_reports()  # noqa: E731
                     if r.layout == "improvement-plan"]
    when_dialog_opens(answer("เปิดฉบับที่มีอยู่"))
    assert plan_from_scores(window.library_session, sheet, 2568, "เทศบาลตัวอย่าง",
                            window) == first
    assert len(asked) == 1 and "ปีงบประมาณ ๒๕๖๙" in asked[0]
    assert len(plans()) == 1
    when_dialog_opens(answer("เก็บไว้ทั้งสองฉบับ"))
    second = plan_from_scores(window.library_session, sheet, 2568, "เทศบาลตัวอย่าง", window)
    assert second not in (None, first) and len(plans()) == 2
    assert window.library.load_report(second).origin.copy == 2


def test_keeping_a_round_says_what_was_kept_and_asks_before_replacing_it(
        open_window, qtbot, library_path: Path):  # noqa: F811
    """The clerk's 73.png: «เก็บผลการดำเนินการรอบ ๖ เดือน» on a report of 12 months said
    only a status line; now what was kept (how many measures, as which round), where it
    is seen, and a question before a round kept already is replaced."""
    with Library.open(library_path) as library:
        rid = add_demo_reports(library)[0]
        library.update_report(rid, period="รอบ ๑๒ เดือน (ตุลาคม ๒๕๖๗ - กันยายน ๒๕๖๘)")
    window = open_window()
    window.open_report(rid)
    session = window.session
    measures = [r for r in range(session.model.rowCount())
                if session.model.measure(r).kind is MeasureKind.MEASURE]
    row = measures[0]
    session.set_cells([(row, "result", "ครึ่งปีแรก")])
    told: list[str] = []
    when_dialog_opens(click_button("ตกลง", told), name="round_kept")
    window.keep6_action.trigger()
    count = len(measures)
    assert told[0].startswith(f"เก็บผลการดำเนินการรอบ ๖ เดือนของ {to_thai_digits(str(count))}"
                              " มาตรการแล้ว\n")
    assert "ไว้เป็นผลรอบ ๖ เดือน (ตุลาคม ๒๕๖๗ - มีนาคม ๒๕๖๘)" in told[0]
    assert "รายงานนี้ระบุช่วงเวลาเป็นรอบ ๑๒ เดือน" in told[0]
    assert "ไฟล์ → ส่งออกแผนหรือผลรายรอบ → ผลการดำเนินการรอบ ๖ เดือน" in told[0]
    assert "ไฟล์ → ส่งออกแผนหรือผลรายรอบ" in window.statusBar().currentMessage()
    mid = session.model.measure(row).id

    def kept() -> str | None:
        measure = next(m for m in window.library.load_report(rid).measures if m.id == mid)
        text = round_text(measure, "6")
        return text.result if text else None

    assert kept() == "ครึ่งปีแรก"
    # kept again with another text: asked first; «ไม่เก็บ» leaves the kept round alone
    session.set_cells([(row, "result", "ทั้งปี")])
    asked: list[str] = []
    when_dialog_opens(click_button("ไม่เก็บ", asked), name="keep_round_question")
    window.keep6_action.trigger()
    assert asked[0].startswith("ผลการดำเนินการรอบ ๖ เดือนเก็บไว้แล้ว เก็บใหม่แทนที่ใช่หรือไม่?")
    assert "ผลรอบ ๖ เดือนที่เก็บไว้ของ ๑ มาตรการ" in asked[0]
    assert kept() == "ครึ่งปีแรก" and len(told) == 1
    when_dialog_opens(click_button("เก็บแทนที่ของเดิม", asked), name="keep_round_question")
    when_dialog_opens(click_button("ตกลง", told), name="round_kept")
    window.keep6_action.trigger()
    assert kept() == "ทั้งปี" and len(asked) == 2 and len(told) == 2
    # the same texts kept again replace nothing: nothing to ask
    when_dialog_opens(click_button("ตกลง", told), name="round_kept")
    window.keep6_action.trigger()
    assert len(asked) == 2 and len(told) == 3
