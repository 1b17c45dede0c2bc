"""Round trip (hypothesis): any report ITA Desk makes, exported to .docx and imported again,
is the same report: every field the file shows, digits as written (also Arabic ones typed
in a report printed with Thai digits), cover and title block.

The text is drawn from Thai words, digits and punctuation as clerks type them; lines are
not made to look like the parts the reader looks for (a "(ลงชื่อ)" line, a label, a score
line), which would be ambiguous in any printed report. On paper (a PDF) a line the clerk
ended with Enter just where the column was full, followed by a plain line, looks like one
line wrapped; our PDF marks where each paragraph ends (export/pdf/lines.py), so the texts
put in PDFs are any lines too.
"""

from __future__ import annotations

import dataclasses
import re
import tempfile
from pathlib import Path

import pypdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from itadesk.document import ExportOptions
from itadesk.domain import Measure, MeasureKind, Report, Score, Signer, builtin_layouts
from itadesk.domain.layouts import Form
from itadesk.exchange.importing import read_with_summary
from itadesk.export.jobs import export_report

WORDS = ("ประชุม", "ประกาศ", "มาตรการ", "เผยแพร่", "ข้อมูล", "สำนักปลัด", "กองคลัง", "ทุกไตรมาส",
         "ผลดี", "บุคลากร", "โปร่งใส", "No", "Gift", "Policy", "e-Service", "ร้อยละ")
LAYOUTS = [lay for lay in builtin_layouts()]


def _words(digits: str) -> st.SearchStrategy[str]:
    number = st.text(alphabet=digits, min_size=1, max_size=3)
    return st.lists(st.one_of(st.sampled_from(WORDS), number), min_size=1, max_size=5).map(
        " ".join)


def _text(digits: str, lines: int = 3) -> st.SearchStrategy[str]:
    item = st.one_of(_words(digits).map(lambda t: f"- {t}"),
                     _words(digits).map(lambda t: f"{digits[1]}. {t}"))
    line = st.one_of(_words(digits), item)
    return st.lists(line, min_size=1, max_size=lines).map("\n".join)


@st.composite
def reports(draw) -> tuple[Report, ExportOptions]:
    layout = draw(st.sampled_from(LAYOUTS))
    thai = draw(st.booleans())  # the export's choice
    # the digits as typed, whatever the export prints: Arabic ones printed as Thai come
    # back from the exchange file the file carries (exchange/carried.py)
    digits = draw(st.sampled_from(["๐๑๒๓๔๕๖๗๘๙", "0123456789"]))
    fields = [c.field for c in layout.columns]
    measures = []
    for _ in range(draw(st.integers(1, 4))):
        if layout.sections and draw(st.integers(0, 4)) == 0:
            measures.append(Measure(kind=MeasureKind.SECTION,
                                    title=f"ตัวชี้วัดที่ {digits[3]} " + draw(_words(digits))))
        values = {f: draw(st.one_of(st.just(""), _text(digits)))
                  for f in fields[1:]}
        values[fields[0]] = draw(_words(digits))  # a measure has its title
        if layout.form is Form.NARRATIVE:
            values = {f: v.replace(f"{digits[1]}. ", "- ") for f, v in values.items()}
        if layout.code_in:
            # an identifier: Arabic digits whatever the report prints (test_import_word)
            values["code"] = draw(st.sampled_from(["", "e6", "i10", "O35", "I7"]))
        if layout.extras_in:
            for extra in layout.extras:
                values[extra.field] = draw(st.one_of(st.just(""), _words(digits)))
        scores: tuple[Score, ...] = ()
        if layout.score_lines_in and draw(st.booleans()):
            scores = (Score(draw(_words(digits)), "90.25", draw(st.sampled_from(
                ["95.50", "88.00", "90.25"]))),)
        measures.append(Measure(scores=scores, **values))
    signers = tuple(Signer(f"นาย{draw(st.sampled_from(WORDS[:4]))} ใจดี",
                           (draw(st.sampled_from(["ปลัดเทศบาล", "หัวหน้าสำนักปลัด"])),),
                           draw(st.sampled_from(["ผู้รายงาน", "ผู้เสนอ", ""])))
                    for _ in range(draw(st.integers(0, 2))))
    cover = draw(st.booleans())
    report = Report(
        layout=layout.id, municipality="เทศบาลตำบล" + draw(st.sampled_from(["หนองบัว", "ท่าช้าง"])),
        district=draw(st.sampled_from(["เมือง", "ปรางค์กู่"])), province="ขอนแก่น",
        fiscal_year=draw(st.integers(2560, 2570)),
        period=draw(st.sampled_from(["", f"รอบ {digits[6]} เดือน"])),
        opening=draw(st.one_of(st.just(""), _words(digits))),
        closing=draw(st.one_of(st.just(""), _words(digits))),
        prepared_by="สำนักปลัด" if cover else "", signers=signers, measures=tuple(measures),
        options={"thai_digits": thai, "cover": cover})
    return report, ExportOptions.from_report(report, embed_fonts=False)


def _shows_next_words(path: Path) -> bool:
    """Some page ends in the next page's first word ("/ประชุม...")."""
    for page in pypdf.PdfReader(path).pages:
        lines = [line for line in page.extract_text().splitlines() if line.strip()]
        if lines and re.fullmatch(r"/\S.*\.\.\.", lines[-1].strip()):
            return True
    return False


def _round_trip(report: Report, options: ExportOptions, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = export_report(report, Path(folder) / f"r{suffix}", options)
        back, summary = read_with_summary(path)
        if suffix == ".pdf" and not _shows_next_words(path):
            # คำต่อหน้า names the next page's first word: a single page shows none, nor
            # one before a page that starts with a number
            options = dataclasses.replace(options, continuation_word=False)
    assert back.layout == report.layout
    assert back.measures == report.measures
    for name in ("municipality", "district", "province", "fiscal_year", "period", "opening",
                 "closing", "prepared_by", "signers", "title"):
        assert getattr(back, name) == getattr(report, name), name
    shown = ExportOptions.from_report(back)
    assert (shown.cover, shown.title_block, shown.continuation_word) == (
        options.cover, options.title_block, options.continuation_word)
    assert not summary.left_out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_export_then_import_gives_the_same_report(case):
    _round_trip(*case, ".docx")


def _as_pdf(case: tuple[Report, ExportOptions], continuation: bool,
            ) -> tuple[Report, ExportOptions]:
    report = dataclasses.replace(case[0], options={**case[0].options,
                                                  "continuation_word": continuation})
    return report, ExportOptions.from_report(report)


@pytest.mark.slow  # 6 s of the default run, which stays under five minutes; CI runs it
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports(), st.booleans())
def test_export_to_pdf_then_import_gives_the_same_report(case, continuation):
    """Our PDF read back: lines wrapped in narrow columns, spaces, list items, page
    breaks inside a row, คำต่อหน้า."""
    _round_trip(*_as_pdf(case, continuation), ".pdf")


@pytest.mark.slow
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports(), st.booleans())
def test_many_reports_to_pdf_and_back(case, continuation):
    _round_trip(*_as_pdf(case, continuation), ".pdf")


def _first_line_drawn(path: Path, start: str) -> str:
    """The first line of the paragraph that starts with `start`, as our PDF draws it."""
    import pdfplumber

    from itadesk.exchange.pdflines import lines_of

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            boxes = [page.bbox] + [cell for table in page.find_tables()
                                   for row in table.rows for cell in row.cells if cell]
            for box in boxes:
                for line in lines_of(page.within_bbox(box).chars):
                    if line.text.startswith(start):
                        return line.text
    raise AssertionError(f"no line starts with {start!r}")


def _enter_at_full_line(report: Report, field: str, folder: Path) -> Report:
    """The report with the text of `field` (of its first measure) cut by Enter where our
    PDF wrapped its first line, the rest a plain line."""
    first = export_report(report, folder / "first.pdf", ExportOptions.from_report(report))
    text = report.measures[0].get(field)
    drawn = _first_line_drawn(first, text[:12])
    assert len(drawn) < len(text)  # it wrapped, between two Thai words
    cut = f"{drawn.rstrip()}\n{text[len(drawn):].strip()}"
    return dataclasses.replace(report, measures=(report.measures[0].with_field(field, cut),))


@pytest.mark.parametrize("layout,field", [("six-measures", "steps"), ("narrative", "result")])
def test_a_full_line_ended_with_enter_then_a_plain_line(layout, field, tmp_path):
    """Our PDF read back: a line the clerk ended with Enter just where it was full, then a
    plain line (it came back joined to it), in a table's cell and in a narrative field."""
    text = "".join(WORDS[:9]) * 3  # Thai words without spaces: a wrap leaves no space
    report = Report(layout=layout, municipality="เทศบาลตำบลหนองบัว", fiscal_year=2567,
                    measures=(Measure(title="มาตรการ", owner="กอง").with_field(field, text),))
    report = _enter_at_full_line(report, field, tmp_path)
    path = export_report(report, tmp_path / "again.pdf", ExportOptions.from_report(report))
    back, _ = read_with_summary(path)
    assert back.measures == report.measures


def test_a_paragraph_over_a_page_break(tmp_path):
    """Our PDF read back: a paragraph outside the table that runs over a page break (it
    came back as two)."""
    sentence = " ".join(f"{WORDS[i % 8]}{WORDS[(i * 3) % 11]}" for i in range(40))
    long = " ".join(sentence for _ in range(12))  # more than a page
    for layout, fields in (("six-measures", {"closing": long}),
                           ("narrative", {"opening": "เปิด", "closing": "ปิด"})):
        measure = Measure(title="มาตรการ", owner="กอง", result=long if layout == "narrative"
                          else "ผล")
        report = Report(layout=layout, municipality="เทศบาลตำบลหนองบัว", fiscal_year=2567,
                        measures=(measure,), **fields)
        back, _ = read_with_summary(export_report(report, tmp_path / f"{layout}.pdf",
                                                  ExportOptions.from_report(report)))
        assert (back.closing, back.measures) == (report.closing, report.measures), layout
