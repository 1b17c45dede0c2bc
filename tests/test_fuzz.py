"""Fuzzing the exports with generated reports (hypothesis): no exception, the .docx read
back with python-docx and the PDF read back with pypdf hold the input's text, after the
clean-up documented here.

New reports every run, drawn from a seed printed in pytest's header and with each fuzz
test's output (`ITADESK_FUZZ_SEED=N` replays run N; see tests/fuzzing.py). The default run
fuzzes a few hundred reports; `pytest -m slow` (CI) fuzzes 10,000 (ITADESK_FUZZ_REPORTS=N
for N, and at most N in the default run). A failing report is kept in tests/fuzz_cases/
and replayed by every run after.

Clean-up before comparing a Word file's text with the input: characters XML cannot hold
are dropped, white space is ignored; then the body's text is the input's, in order.

Clean-up before comparing a PDF's text with the input: characters XML cannot hold and the
zero-width ones are dropped, characters TH Sarabun New has no glyph for (emoji, Arabic) are
dropped, ำ is taken as ํ + า (shaping splits it; pypdf does not read /ActualText), the marks
over one letter are taken in code-point order (shaping may reorder them), ฤๅ/ฦๅ are taken
as ฤา/ฦา (one ligature glyph serves both; /ActualText, which pypdf does not read, says
which was written), white space is ignored; then every input character must be found in
the PDF text as often as in the input.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import docx
import pypdf
import pytest
from docx.table import Table as WordTable
from hypothesis import HealthCheck, Phase, given, note, seed, settings
from hypothesis import strategies as st
from hypothesis.control import current_build_context

from itadesk.document import Document, ExportOptions, build_document
from itadesk.domain import Measure, MeasureKind, Report, Score, Signer, builtin_layouts
from itadesk.export.docx import docx_bytes
from itadesk.export.pdf import pdf_bytes
from itadesk.export.pdf.fonts import register
from itadesk.thai.linebreak import WORD_JOINER

from . import fuzzing

THAI = st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B)
ODD = st.sampled_from(["\u200b", "\u200d", "\u0e48", "\u0e34", "😀", "مرحبا", "\x00", "\x07",
                       "\x1f", "\ufffe", "\n", "\t", "\r", " ", "www.ita-desk.go.th/ก?x=1",
                       "(ลงชื่อ)........", "ITA", "2568", "๒๕๖๘", "-", "•", "(๑)", "<&>"])
text = st.lists(st.one_of(THAI, ODD, st.sampled_from(["เจ้าหน้าที่", "ผู้ใหญ่", "กิ่ง", "น้ำ"])),
                max_size=60).map("".join)
# now and then a cell of 5,000 characters
long_text = st.sampled_from(["", "", "", "", "", "", "", "", "", "ก" * 5000,
                             "เจ้าหน้าที่ของเทศบาล " * 250])
measure = st.builds(
    Measure,
    kind=st.sampled_from([MeasureKind.MEASURE, MeasureKind.MEASURE, MeasureKind.SECTION]),
    title=text, steps=long_text | text, owner=text, timing=text, result=text,
    outcome=text, budget=text, code=st.sampled_from(["", "e6", "O35"]),
    scores=st.lists(st.builds(Score, topic=text, previous=st.sampled_from(["", "92.26", "x"]),
                              current=st.sampled_from(["", "๙๕.๓๑", "100"])), max_size=2)
    .map(tuple),
)
report = st.builds(
    Report,
    layout=st.sampled_from([lay.id for lay in builtin_layouts()]),
    title=text, municipality=text, district=text, province=text,
    fiscal_year=st.integers(min_value=2500, max_value=2700),
    opening=text, closing=text,
    signers=st.lists(st.builds(Signer, name=text, positions=st.lists(text, max_size=2)
                               .map(tuple)), max_size=2).map(tuple),
    measures=st.lists(measure, max_size=6).map(tuple),
)
options = st.builds(ExportOptions, cover=st.booleans(), thai_digits=st.booleans(),
                    continuation_word=st.booleans(), embed_fonts=st.just(False))

# what XML 1.0 cannot hold, and white space (\r comes back as \n, a tab as a tab element)
_NOT_WORD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff\\s]")
_DROP = re.compile("[\x00-\x1f\x7f\u200b\u200c\u200d\ufffe\uffff\ud800-\udfff\\s]")
_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]+")


def input_text(document: Document) -> str:
    return "".join(p.text for p in document.paragraphs())


# ------------------------------------------------------------------------------ Word
def _word_paragraphs(container) -> Iterator[str]:
    """The text of every paragraph, cells included, in reading order."""
    for block in container.iter_inner_content():
        if isinstance(block, WordTable):
            for row in block.rows:
                cells, index = row.cells, 0
                while index < len(cells):  # a spanning cell is listed once per column
                    yield from _word_paragraphs(cells[index])
                    index += cells[index].grid_span
        else:
            yield block.text


def check_word(report: Report, export_options: ExportOptions) -> None:
    document = build_document(report, export_options)
    opened = docx.Document(io.BytesIO(docx_bytes(document, embed=False)))
    # the word joiners the writer puts where Latin meets Thai are no text (ooxml.text)
    read_back = _NOT_WORD.sub("", "".join(_word_paragraphs(opened))).replace(WORD_JOINER, "")
    assert read_back == _NOT_WORD.sub("", input_text(document)).replace(WORD_JOINER, "")


# ------------------------------------------------------------------------------- PDF
def cleaned(value: str) -> str:
    from reportlab.pdfbase import pdfmetrics

    covered = pdfmetrics.getFont("THSarabunNew").face.charToGlyph
    value = _DROP.sub("", value.replace("\u0e33", "\u0e4d\u0e32"))
    # a character the font lacks is drawn as an empty box, which pypdf reads as U+FFFF
    # (dropped above): ฤ and ๅ on either side of it meet in the text read back (ฤ😀ๅ)
    value = "".join(c for c in value if ord(c) in covered and c != "\u25cc")
    value = re.sub("([\u0e24\u0e26])\u0e45", "\\1\u0e32", value)
    return _MARKS.sub(lambda m: "".join(sorted(m.group())), value)


def check_pdf(report: Report, export_options: ExportOptions) -> None:
    register()
    document = build_document(report, export_options)
    reader = pypdf.PdfReader(io.BytesIO(pdf_bytes(document)))
    extracted = "".join(page.extract_text() or "" for page in reader.pages)
    # Every character of the input is in the PDF as often as in the input (the PDF adds
    # page numbers and repeated headers; a row that runs over pages is drawn in pieces,
    # so the order of the extracted text is not the reading order).
    missing = Counter(cleaned(input_text(document)))
    missing.subtract(Counter(cleaned(extracted)))
    assert not +missing, +missing


CHECKS: dict[str, Callable[[Report, ExportOptions], None]] = {"word": check_word,
                                                               "pdf": check_pdf}


# ------------------------------------------------------------------------ the runs
def draw(count: int, each: Callable[[Report, ExportOptions], None],
         shrink: bool = True) -> None:
    """Call `each` on `count` reports (and options) drawn from this run's seed."""
    phases = [Phase.generate, Phase.shrink] if shrink else [Phase.generate]

    @settings(max_examples=count, deadline=None, database=None, phases=phases,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @seed(fuzzing.SEED)
    @given(report=report, options=options)
    def drawn(report: Report, options: ExportOptions) -> None:
        each(report, options)

    drawn()


def fuzz(check: str, count: int) -> None:
    print(f"\n{fuzzing.seed_line()}: {count} reports to {check}")
    done = 0

    def each(report: Report, export_options: ExportOptions) -> None:
        nonlocal done
        try:
            CHECKS[check](report, export_options)
        except Exception as error:
            if current_build_context().is_final:  # the smallest failing report
                found = f"seed {fuzzing.SEED}: {type(error).__name__}: {error}"[:500]
                path = fuzzing.keep(check, report, export_options, found)
                note(f"kept as {path}: every run replays it now; commit it with the fix")
            raise
        done += 1

    draw(count, each)
    print(f"{done} generated reports exported to {check} and read back")


def test_word_export_of_generated_reports():
    fuzz("word", fuzzing.QUICK // 2)


def test_pdf_export_of_generated_reports():
    fuzz("pdf", fuzzing.QUICK // 2)


@pytest.mark.slow
def test_word_export_of_ten_thousand_generated_reports():
    fuzz("word", fuzzing.FULL // 2)


@pytest.mark.slow
def test_pdf_export_of_ten_thousand_generated_reports():
    fuzz("pdf", fuzzing.FULL // 2)


@pytest.mark.parametrize("path", fuzzing.kept_cases(), ids=lambda p: p.stem)
def test_kept_fuzz_case(path: Path):
    check, kept_report, kept_options = fuzzing.load(path)
    CHECKS[check](kept_report, kept_options)


def test_a_failing_report_is_kept_and_replayed(monkeypatch, tmp_path):
    """A check that fails keeps the smallest failing report, which the next runs replay."""
    monkeypatch.setattr(fuzzing, "CASES", tmp_path)

    def fails_on_tone_marks(kept_report: Report, kept_options: ExportOptions) -> None:
        assert "\u0e48" not in kept_report.closing, "a tone mark in the closing"

    monkeypatch.setitem(CHECKS, "word", fails_on_tone_marks)
    with pytest.raises(AssertionError, match="a tone mark"):
        fuzz("word", 200)
    [path] = fuzzing.kept_cases()
    kind, kept_report, _options = fuzzing.load(path)
    # shrunk: what is not needed to fail is gone
    assert kind == "word" and "\u0e48" in kept_report.closing and not kept_report.measures
    assert (kept_report.title, kept_report.opening, kept_report.signers) == ("", "", ())
    with pytest.raises(AssertionError, match="a tone mark"):
        test_kept_fuzz_case(path)


@pytest.mark.parametrize("count", [0, 1000])
def test_empty_and_thousand_measure_reports(count, tmp_path):
    big = Report(measures=tuple(Measure(title=f"มาตรการที่ {i}", owner="สำนักปลัด")
                                for i in range(count)))
    document = build_document(big)
    assert docx.Document(io.BytesIO(docx_bytes(document, embed=False)))
    assert len(pypdf.PdfReader(io.BytesIO(pdf_bytes(document))).pages) >= 1


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_generated_word_files(tmp_path):
    samples: list[bytes] = []
    draw(25, lambda r, o: samples.append(docx_bytes(build_document(r, o), embed=False)),
         shrink=False)
    paths = []
    for i, data in enumerate(samples):
        path = tmp_path / f"fuzz{i}.docx"
        path.write_bytes(data)
        paths.append(str(path))
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/p",
                    "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), *paths],
                   capture_output=True, timeout=600, check=True)
    made = sorted((tmp_path / "pdf").glob("*.pdf"))
    assert len(made) == len(samples) == 25
    for pdf in made:
        assert pypdf.PdfReader(str(pdf)).pages
