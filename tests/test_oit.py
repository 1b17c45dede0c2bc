"""The OIT catalogue as data: the shipped years load and validate, a report's checks use
its item's elements, the title block shows the code where asked, `itadesk oit` prints."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import tomllib

import pytest

from itadesk.demo import read_demo
from itadesk.document import ExportOptions, build_document
from itadesk.domain.checks import check_report
from itadesk.domain.oit import (
    CatalogueError,
    shipped_year,
    shipped_years,
    year_from_dict,
    year_to_dict,
)
from itadesk.domain.publication import Person, Publication, with_publication
from itadesk.paths import resource


def test_every_shipped_year_validates_and_says_how_sure_it_is():
    assert shipped_years() == (2565, 2566, 2567, 2568, 2569)
    for fy in shipped_years():
        with resource("oit", f"{fy}.toml").open("rb") as fh:
            raw = tomllib.load(fh)
        year = year_from_dict(raw, builtin=True)  # the schema's check
        assert year == shipped_year(fy) and year.fiscal_year == fy and year.source
        assert year_from_dict(year_to_dict(year)) == year
        if year.status == "unconfirmed":  # nothing invented for a year we did not find
            assert year.items == () and year.confidence == "unknown"
    assert [i.code for i in shipped_year(2566).items] == ["O42", "O43"]
    assert shipped_year(2569).serving("results").code == "O26"
    assert shipped_year(2569).serving("analysis").code == "O25"
    assert shipped_year(2569).item("O26").confidence == "medium-low"
    assert shipped_year(2567).items == () and shipped_year(2568).status == "unconfirmed"
    assert shipped_year(2570) is None


def test_a_broken_catalogue_is_told_in_thai_with_its_place():
    data = year_to_dict(shipped_year(2569))
    data["items"][1]["code"] = "26"
    with pytest.raises(CatalogueError) as caught:
        year_from_dict(data)
    assert caught.value.where == "items[1].code" and "O26" in caught.value.message
    data["items"][1]["code"] = "O25"
    with pytest.raises(CatalogueError, match="ซ้ำ"):
        year_from_dict(data)
    data["items"][1]["code"] = "O26"
    data["items"][1]["elements"] = ["owners", "signature"]
    with pytest.raises(CatalogueError) as caught:
        year_from_dict(data)
    assert caught.value.where == "items[1].elements[1]"


def _report_2569(**options):
    report = read_demo("000")
    return dataclasses.replace(report, fiscal_year=2569, options={**report.options, **options})


def _oit(findings):
    return [f for f in findings if f.kind == "oit"]


def test_a_results_report_is_checked_by_its_items_elements():
    report = _report_2569()
    measures = list(report.measures)
    first = next(i for i, m in enumerate(measures) if m.kind == "measure")
    measures[first] = dataclasses.replace(measures[first], owner="", result=" - ")
    report = dataclasses.replace(report, measures=tuple(measures))
    found = _oit(check_report(report))
    assert {(f.row, f.field) for f in found if f.row is not None} == {
        (first, "owner"), (first, "result")}
    whole = [f.message for f in found if f.row is None]
    assert any("O26" in m and "ลิงก์" in m for m in whole)
    assert any("O26" in m and "รับทราบ" in m for m in whole)
    # they name where the clerk fills them in (the new-clerk test looked for a page
    # "หน้าการเผยแพร่" the window does not have)
    assert all("ชุดเอกสารหลักฐาน" in m for m in whole if "ลิงก์" in m or "รับทราบ" in m)
    # once published and acknowledged, only the rows are left
    done = dataclasses.replace(report, options=with_publication(report.options, Publication(
        link="https://www.example.go.th/ita/o26", acknowledged_on="๑๕ กันยายน ๒๕๖๙",
        executive=Person("นายสมชาย ใจดี", "นายกเทศมนตรี"))))
    assert all(f.row is not None for f in _oit(check_report(done)))
    # a bad link is named
    bad = dataclasses.replace(done, options=with_publication(done.options, Publication(
        link="เว็บเทศบาล", acknowledged_on="๑ ต.ค. ๒๕๖๙")))
    assert any("ดูไม่ถูกต้อง" in f.message for f in _oit(check_report(bad)))


def test_the_plan_item_does_not_ask_for_results_and_an_unknown_item_is_named():
    report = _report_2569(oit_item="O25")
    measures = tuple(dataclasses.replace(m, result="") for m in report.measures)
    report = dataclasses.replace(report, measures=measures)
    assert not [f for f in _oit(check_report(report)) if f.field == "result"]
    assert [f for f in _oit(check_report(dataclasses.replace(
        report, layout="six-measures", options={"oit_item": ""}))) if f.field == "result"]
    wrong = _oit(check_report(_report_2569(oit_item="O99")))
    assert len(wrong) == 1 and "O99" in wrong[0].message
    # a year without items asks for nothing it cannot know
    assert _oit(check_report(dataclasses.replace(report, fiscal_year=2568))) == []


def test_the_title_block_shows_the_code_where_the_clerk_wants_it():
    report = _report_2569()

    def first_titles(place):
        document = build_document(report, ExportOptions.from_report(report, oit_code=place))
        report_part = next(s for s in document.sections if s.name == "report")
        return [(p.role, p.text, p.align) for p in report_part.blocks[:2]]

    assert first_titles("none")[0][1] == report.title
    above = first_titles("above")
    assert above[0] == ("oit-code", "O26", "right") and above[1][1] == report.title
    before = first_titles("before")
    assert before[0][1] == f"O26 {report.title}"
    plan = dataclasses.replace(report, layout="measures-plan")
    assert build_document(plan, ExportOptions(oit_code="above")).sections[-1].blocks[0].text == (
        "O25")


def test_itadesk_oit_prints_a_year():
    run = subprocess.run([sys.executable, "-m", "itadesk", "oit", "2569"],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "O26\tรายงานผลการดำเนินการ" in run.stdout and "ความมั่นใจค่อนข้างต่ำ" in run.stdout
    unknown = subprocess.run([sys.executable, "-m", "itadesk", "oit", "2567"],
                             capture_output=True, text=True, timeout=60)
    assert unknown.returncode == 0 and "ยังไม่ยืนยัน" in unknown.stdout
    every = subprocess.run([sys.executable, "-m", "itadesk", "oit"],
                           capture_output=True, text=True, timeout=60)
    assert all(f"O4{n}" in every.stdout for n in (2, 3)) and "๒๕๖๕" in every.stdout
