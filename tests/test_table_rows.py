"""Table rows across pages, as an official document wants them: a row that fits on a page
is never broken (it goes whole to the next page, under the repeated header); only a row
taller than a whole page is split, between its lines. Read back page by page from the
real PDF (ours, and LibreOffice's of our Word file) with pdftotext."""

from __future__ import annotations

import itertools
import re
import shutil
import string
import subprocess
from pathlib import Path

import docx
import pytest

from itadesk.document import ExportOptions, build_document
from itadesk.domain import Measure, Report
from itadesk.export.docx import write_docx
from itadesk.export.pdf import write_pdf

SENTENCE = "ยกระดับการแก้ไขปัญหาการทุจริตและประพฤติมิชอบของหน่วยงาน "
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def tags(count: int) -> list[str]:
    """Latin marks (no digits: the export writes digits in Thai), one per row."""
    pairs = itertools.product(string.ascii_lowercase, repeat=2)
    return [f"row{a}{b}" for a, b in itertools.islice(pairs, count)]


def marked(tag: str, text: str) -> str:
    return f"{tag} {text}{tag}"


def rows_report(layout: str, count: int, seed: int = 0) -> Report:
    """Rows of 1 to about 10 lines, each cell starting and ending with its row's mark, so
    page ends fall on every kind of row."""
    measures = []
    for i, tag in enumerate(tags(count)):
        n = 1 + (i * 7 + seed) % 9
        measures.append(Measure(
            title=marked(tag, SENTENCE * (1 + (i + seed) % 3)),
            steps=marked(tag, SENTENCE * n),
            owner=marked(tag, "สำนักปลัดเทศบาล "),
            timing=marked(tag, "ต.ค. ๒๕๖๘ - ก.ย. ๒๕๖๙ "),
            monitoring=marked(tag, SENTENCE),
            result=marked(tag, SENTENCE * (1 + (i * 3 + seed) % 5)),
            outcome=marked(tag, SENTENCE * (1 + i % 2))))
    return Report(layout=layout, municipality="เทศบาลตำบลทดสอบ", measures=tuple(measures))


def page_texts(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return [page for page in text.split("\f") if page.strip()]


def pages_of_rows(pages: list[str], row_tags: list[str]) -> dict[str, list[int]]:
    """For each row's mark, the pages (from 1) it is seen on."""
    return {tag: [n for n, page in enumerate(pages, 1) if re.search(rf"\b{tag}\b", page)]
            for tag in row_tags}


def assert_no_row_broken(pages: list[str], row_tags: list[str]) -> None:
    seen = pages_of_rows(pages, row_tags)
    assert all(seen.values()), [t for t, p in seen.items() if not p]
    broken = {tag: where for tag, where in seen.items() if len(where) > 1}
    assert not broken, f"rows drawn on more than one page: {broken}"


@pytest.mark.parametrize("layout", ["six-measures", "improvement-plan", "measures-plan"])
def test_a_row_that_fits_on_a_page_is_never_broken_in_the_pdf(layout, tmp_path):
    for seed in range(3):
        report = rows_report(layout, 14, seed)
        pdf = tmp_path / f"{layout}-{seed}.pdf"
        write_pdf(build_document(report, ExportOptions.from_report(report)), pdf)
        pages = page_texts(pdf)
        assert len(pages) >= 3
        assert_no_row_broken(pages, tags(14))
        # the header row is repeated on every page of the table
        header = "ผู้รับผิดชอบ"
        assert all(header in page for page in pages[1:])


def words_by_page(pages: list[str], words: list[str]) -> list[int]:
    """The page (from 1) of each word, checking each is there once and whole."""
    found = [[n for n, page in enumerate(pages, 1) if re.search(rf"\b{w}\b", page)]
             for w in words]
    assert all(len(where) == 1 for where in found), [
        w for w, where in zip(words, found, strict=True) if len(where) != 1]
    return [where[0] for where in found]


def test_a_row_taller_than_a_page_is_split_between_its_lines_under_the_header(tmp_path):
    report, words = tall_report()
    pdf = tmp_path / "tall.pdf"
    write_pdf(build_document(report, ExportOptions.from_report(report)), pdf)
    pages = page_texts(pdf)
    # every word whole, once, in order: the row is cut only between lines
    where = words_by_page(pages, words)
    assert where == sorted(where) and where[0] < where[-1]
    assert all("ผู้รับผิดชอบ" in pages[n - 1] for n in set(where))
    # it starts right under the first row, on the first page of the table
    assert where[0] == 1


def word_rows(report: Report, path: Path) -> list:
    write_docx(build_document(report, ExportOptions.from_report(report)), path, embed=False)
    return docx.Document(str(path)).tables[0]._tbl.findall(f"{W}tr")


def cannot_split(row) -> bool:
    props = row.find(f"{W}trPr")
    return props is not None and props.find(f"{W}cantSplit") is not None


def test_the_word_rows_that_fit_on_a_page_cannot_split_and_a_taller_one_can(tmp_path):
    rows = word_rows(rows_report("six-measures", 4), tmp_path / "rows.docx")
    assert rows[0].find(f"{W}trPr").find(f"{W}tblHeader") is not None
    assert all(cannot_split(row) for row in rows)
    assert all(row.find(f"{W}trPr").find(f"{W}tblHeader") is None for row in rows[1:])
    # Word and LibreOffice cut off the text of an unsplittable row taller than a page
    rows = word_rows(tall_report()[0], tmp_path / "tall.docx")
    assert [cannot_split(row) for row in rows] == [True, True, False, True]


def libreoffice_pages(report: Report, path: Path) -> list[str]:
    write_docx(build_document(report, ExportOptions.from_report(report)), path, embed=False)
    subprocess.run([SOFFICE, "--headless",
                    f"-env:UserInstallation=file://{path.parent}/profile",
                    "--convert-to", "pdf", "--outdir", str(path.parent), str(path)],
                   capture_output=True, timeout=240, check=True)
    return page_texts(path.with_suffix(".pdf"))


@pytest.mark.slow  # LibreOffice lays out a long report
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_breaks_no_row_of_our_word_file_but_one_taller_than_a_page(tmp_path):
    pages = libreoffice_pages(rows_report("improvement-plan", 14, 1), tmp_path / "rows.docx")
    assert len(pages) >= 3
    assert_no_row_broken(pages, tags(14))
    report, words = tall_report()
    pages = libreoffice_pages(report, tmp_path / "tall.docx")
    assert len(pages) >= 2
    # nothing cut off: its Latin letters, the only ones of the report, all there in order
    # (LibreOffice breaks these marks at any letter, so they are read without the breaks)
    assert "".join(re.findall("[a-z]+", "".join(pages))) == "".join(words)


def tall_report() -> tuple[Report, list[str]]:
    words = [f"w{a}{b}" for a, b in itertools.islice(
        itertools.product(string.ascii_lowercase, repeat=2), 260)]
    tall = Measure(title="มาตรการยาวมาก", steps=" ".join(words), owner="สำนักปลัดเทศบาล")
    short = Measure(title="มาตรการสั้น", steps=SENTENCE, owner="กองคลัง")
    return Report(layout="six-measures", municipality="เทศบาลตำบลทดสอบ",
                  measures=(short, tall, short)), words


def sections_report(seed: int) -> tuple[Report, list[tuple[str, str]]]:
    """Headed sections (the improvement plan's ประเด็น rows) of one to three rows of
    varying height; each heading's mark with its first row's."""
    from itadesk.domain import MeasureKind

    measures, pairs = [], []
    row_tags = iter(tags(60))
    for n, head in enumerate(f"sec{a}{b}" for a, b in itertools.islice(
            itertools.product(string.ascii_lowercase, repeat=2), 14)):
        measures.append(Measure(kind=MeasureKind.SECTION, title=f"{head} ประเด็นที่ต้องพัฒนา"))
        for k in range(1 + (n + seed) % 3):
            tag = next(row_tags)
            if k == 0:
                pairs.append((head, tag))
            lines = 1 + (n * 5 + k * 3 + seed) % 7
            measures.append(Measure(title=marked(tag, SENTENCE), owner="กองคลัง",
                                    steps=marked(tag, SENTENCE * lines)))
    return Report(layout="improvement-plan", municipality="เทศบาลตำบลทดสอบ",
                  measures=tuple(measures)), pairs


def test_a_section_heading_row_goes_with_the_first_row_under_it(tmp_path):
    for seed in range(4):
        report, pairs = sections_report(seed)
        pdf = tmp_path / f"sections-{seed}.pdf"
        write_pdf(build_document(report, ExportOptions.from_report(report)), pdf)
        pages = page_texts(pdf)
        assert len(pages) >= 3
        seen = pages_of_rows(pages, [t for pair in pairs for t in pair])
        for head, first in pairs:
            assert seen[head] == seen[first][:1], (seed, head, seen[head], seen[first])
