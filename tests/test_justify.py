"""Justified and underlined text in the PDF, read back with poppler."""

import html
import re
import subprocess

import pytest

from itadesk.document import Align, Document, PageSetup, Paragraph, Run, Section
from itadesk.export.pdf import write_pdf
from itadesk.export.pdf.fonts import face_name, text_width
from itadesk.export.pdf.lines import MAX_STRETCH_EM, layout_paragraph, mm
from itadesk.thai.linebreak import MARKS, NO_BREAK_BEFORE, pieces

TEXT = ("การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำ"
        "ปีงบประมาณ พ.ศ. ๒๕๖๗ ครอบคลุมการประเมินการเปิดเผยข้อมูลทางเว็บไซต์ของหน่วยงาน"
        "ให้แสดงผลการดำเนินการที่มีวัตถุประสงค์เพื่อป้องกันการทุจริตหรือส่งเสริมมาตรฐานจริยธรรม")
PAGE = PageSetup(left_mm=30, right_mm=20, page_numbers=False)


def document(*paragraphs: Paragraph) -> Document:
    return Document(title="t", sections=(Section(PAGE, paragraphs),))


def lines_of(pdf) -> list[tuple[float, float, str]]:
    """(xMin, xMax, text) of each line poppler finds."""
    out = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    found = []
    for line in re.findall(r"<line (.*?)</line>", out, re.S):
        x_min, x_max = re.search(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', line).groups()
        words = [html.unescape(w) for w in re.findall(r">([^<>]*)</word>", line)]
        found.append((float(x_min), float(x_max), " ".join(words)))
    return found


def test_justified_lines_reach_the_right_margin_and_the_last_stays_left(tmp_path):
    pdf = tmp_path / "j.pdf"
    paragraph = Paragraph((Run(TEXT),), align=Align.JUSTIFY)
    write_pdf(document(paragraph, Paragraph((Run(TEXT),))), pdf)
    found = lines_of(pdf)
    right = mm(210 - 20)
    left_lines = len(layout_paragraph(Paragraph((Run(TEXT),)), mm(160)))
    justified, ragged = found[:left_lines], found[left_lines:]
    assert len(justified) == len(ragged) >= 3
    space = text_width(" ", face_name()) * 16 / 1000  # a line's last space hangs out
    for x_min, x_max, text in justified[:-1]:
        assert x_min == pytest.approx(mm(30), abs=1)
        assert x_max - (space if text.endswith(" ") else 0) == pytest.approx(right, abs=1.5)
    assert justified[-1][1] < right - 20  # the last line is not spread
    assert justified[-1][1] == pytest.approx(ragged[-1][1], abs=0.5)
    assert any(x_max < right - 5 for _a, x_max, _t in ragged[:-1])  # left aligned is ragged


# From the Chainat memo: a line spread wide (the name of the NACC is one dictionary word).
WIDE = ("ตามที่ เทศบาลเมืองชัยนาท ได้เข้าร่วมประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงาน"
        "ภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ ตามที่สำนักงานคณะกรรมการป้องกันและปราบปรามการ"
        "ทุจริตแห่งชาติ (ป.ป.ช.) กำหนด นั้น")


@pytest.mark.parametrize("text", [TEXT, WIDE], ids=["plain", "wide"])
def test_copied_text_of_a_justified_paragraph_is_what_was_written(text, tmp_path):
    pdf = tmp_path / "j.pdf"
    write_pdf(document(Paragraph((Run(text),), align=Align.JUSTIFY, first_line_mm=25)), pdf)
    copied = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                            check=True).stdout
    # lines joined give the text back: no space where none was typed, none lost
    assert "".join(copied.strip("\f\n").split("\n")) == text


def test_the_extra_space_goes_only_between_words_and_at_spaces():
    [first, *_rest, last] = layout_paragraph(Paragraph((Run(TEXT),), align=Align.JUSTIFY),
                                             mm(160))
    assert any(first.gaps) and not any(last.gaps)
    allowed = set()
    at = 0
    for piece in pieces(first.text.rstrip())[:-1]:
        at += len(piece)
        allowed.add(at)
    at = 0
    for span, gap in zip(first.spans, first.gaps, strict=True):
        at += len(span.text)
        if gap:
            assert at in allowed
            after = first.text[at]
            assert after not in MARKS and after not in NO_BREAK_BEFORE
    assert len([g for g in first.gaps if g]) == len(allowed)
    assert len({round(g, 6) for g in first.gaps if g}) == 1  # shared equally


def test_underlined_runs_are_underlined_in_the_pdf(tmp_path):
    from PIL import Image

    pdf = tmp_path / "u.pdf"
    paragraph = Paragraph((Run("ไม่ขีดเส้น "), Run("ขีดเส้นใต้", underline=True),
                           Run(" ไม่ขีด")), size_pt=20)
    write_pdf(document(paragraph), pdf)
    subprocess.run(["pdftoppm", "-r", "100", "-png", "-singlefile", str(pdf),
                    str(tmp_path / "u")], check=True)
    image = Image.open(tmp_path / "u.png").convert("L")
    [(x_min, x_max, _t)] = lines_of(pdf)
    scale = 100 / 72
    top = round(mm(PAGE.top_mm) * scale)
    rows = range(top, top + round(20 * 1.33 * scale))
    # a rule: a row that is dark over a long stretch, under the underlined words only
    darkest = max(rows, key=lambda y: sum(image.getpixel((x, y)) < 128
                                          for x in range(image.width)))
    dark = [x for x in range(image.width) if image.getpixel((x, darkest)) < 128]
    assert len(dark) > 0.3 * (x_max - x_min) * scale
    words = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout
    boxes = {html.unescape(t): (float(a), float(b)) for a, b, t in re.findall(
        r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</word>',
        words)}
    start, end = boxes["ขีดเส้นใต้"]
    assert min(dark) / scale == pytest.approx(start, abs=2)
    assert max(dark) / scale == pytest.approx(end, abs=2)


def widest_gaps(pdf) -> list[tuple[float, float, float]]:
    """(widest space between two neighbouring glyphs, first glyph's x0, last glyph's x1) of
    each line of the PDF's first page, from the glyph boxes pdfplumber reads."""
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        chars = document.pages[0].chars
    rows: dict[float, list] = {}
    for char in chars:
        rows.setdefault(round(char["bottom"]), []).append(char)
    out = []
    for _bottom, row in sorted(rows.items()):
        row.sort(key=lambda c: c["x0"])
        right = row[0]["x1"]
        widest = 0.0
        for char in row[1:]:
            widest = max(widest, char["x0"] - right)  # marks overlap their letter: < 0
            right = max(right, char["x1"])
        out.append((widest, row[0]["x0"], right))
    return out


def test_a_line_too_loose_to_justify_is_set_flush_left(tmp_path):
    # WIDE's second line holds the words before the NACC's name, which does not fit after
    # them: spread, its ten gaps took 0.8 em each
    pdf = tmp_path / "j.pdf"
    write_pdf(document(Paragraph((Run(WIDE),), align=Align.JUSTIFY, first_line_mm=25)), pdf)
    found = widest_gaps(pdf)
    assert len(found) == 3
    space = text_width(" ", face_name()) * 16 / 1000
    right = mm(210 - 20)
    for widest, _x0, _x1 in found:
        assert widest <= space + MAX_STRETCH_EM * 16 + 0.5
    (_, _, first_end), (loose, _, loose_end), _last = found
    assert first_end == pytest.approx(right, abs=1.5)  # the first line is still justified
    assert loose_end < right - 20 and loose < space + 0.5  # the loose one is not spread
    lines = layout_paragraph(Paragraph((Run(WIDE),), align=Align.JUSTIFY, first_line_mm=25),
                             mm(160))
    assert not any(lines[1].gaps) and any(lines[0].gaps)
