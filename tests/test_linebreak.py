"""The Thai line breaker: the line-end rules, and properties that hold for any text."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from itadesk.thai.dates import MONTHS as MONTH_NAMES
from itadesk.thai.dates import SHORT_MONTHS
from itadesk.thai.linebreak import (
    DOUBTFUL,
    GLUE,
    LEADING_VOWELS,
    MARKS,
    NBSP,
    TIGHT,
    WORD,
    ZWSP,
    break_lines,
    break_offsets,
    clusters,
    opportunities,
    pieces,
    with_break_hints,
)
from itadesk.thai.segment import is_word, words


def width(text: str) -> float:
    return float(sum(0 if c in MARKS else 1 for c in text))


def ends(lines: list[str]) -> list[int]:
    out, position = [], 0
    for line in lines[:-1]:
        position += len(line)
        out.append(position)
    return out


THAI_WORDS = ["เจ้าหน้าที่", "ของ", "เทศบาล", "ตำบล", "ได้รับ", "การประเมิน", "คุณธรรม",
              "ความโปร่งใส", "ผู้ใหญ่", "กิ่ง", "ต่างๆ", "ฯลฯ", "ITA", "2568", "๒๕๖๘", " ",
              "www.kalasin-mu.go.th", "(ลงชื่อ)......", "น้ำ", "เเ", "ไม่", "วัฒนธรรม",
              "การทำงาน", "พฤติกรรม", "แนวทาง", "ในการ", "คุณลักษณะเฉพาะ", "ประชาสัมพันธ์",
              "พ.ศ. ", "ม.ค. ", "ข้อ ", "ปีงบประมาณ", "๓๐ ก.ย. ๖๘", "saraban@dla.go.th", "/",
              "นายสมชาย", "ต่าง ๆ", "การบริหารงานบุคคล", "ช่องทาง", "๑,๐๐๐.๕๐"]
thai_text = st.lists(st.sampled_from(THAI_WORDS), min_size=1, max_size=40).map("".join)
any_text = st.text(alphabet=st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B)
                   | st.sampled_from(" abc-./"), max_size=200)
MONTHS = MONTH_NAMES + SHORT_MONTHS
ABBREVIATION_AND_NUMBER = re.compile(r"(?:พ\.ศ\.|ม\.ค\.|ข้อ) ?[0-9๐-๙]+(?:[.,:/][0-9๐-๙]+)*")


@settings(max_examples=400, deadline=None)
@example(text="a \u0e47", columns=1)  # found by hypothesis: a break before a lone mark
@example(text="ต่าง ๆ", columns=3)
@example(text="เa", columns=1)  # found by hypothesis: a cut after a leading vowel
@example(text="aฯก", columns=1)  # found by hypothesis: ฯ glued on, then not cut again
@given(text=thai_text | any_text, columns=st.integers(min_value=1, max_value=40))
def test_lines_give_back_the_text_fit_and_keep_clusters(text, columns):
    lines = break_lines(text, float(columns), width)
    assert "".join(lines) == text
    for line in lines:
        # no line wider than the column (spaces may hang), unless one cluster is wider
        assert width(line.rstrip()) <= columns or len(list(clusters(line.rstrip()))) == 1
    for at in ends(lines):
        if at < len(text) and not text.startswith("ฯลฯ", at):  # a word of its own
            assert text[at] not in MARKS and text[at] not in "ๆฯะาำๅ", (text, lines)
            assert text[at - 1] not in LEADING_VOWELS, (text, lines)


@settings(max_examples=400, deadline=None)
@given(text=thai_text, columns=st.integers(min_value=1, max_value=40))
def test_no_word_that_fits_is_split_and_no_abbreviation_leaves_its_number(text, columns):
    lines = break_lines(text, float(columns), width)
    line_ends = ends(lines)
    position = 0
    for token in words(text):
        inside = [at for at in line_ends if position < at < position + len(token)]
        if inside and is_word(token):
            assert width(token) > columns, (token, lines)
        position += len(token)
    for m in ABBREVIATION_AND_NUMBER.finditer(text):
        # (a space or nothing on either side, and no month after: else it is part of a longer
        # piece, where the ranking of the breaks decides)
        after = text[m.end() :]
        alone = after in ("", " ") or (after[0] == " " and not after[1:].startswith(MONTHS))
        alone = alone and text[m.start() - 1 : m.start()] in ("", " ")
        if width(m.group()) <= columns and alone:
            assert not [at for at in line_ends if m.start() < at < m.end()], (m.group(), lines)


def test_breaks_fall_between_words():
    text = "เจ้าหน้าที่ของเทศบาลตำบลบ่อปลาทองได้รับการประเมินคุณธรรมและความโปร่งใส"
    lines = break_lines(text, 12, width)
    assert len(lines) > 3
    assert set(ends(lines)) <= set(break_offsets(text))


def test_words_of_seed_002_are_never_split_where_they_fit():
    # each was printed split in seed 002's report: "วัฒน|ธรรม", "พฤติ|กรรม", "และแนว|ทาง"
    for text, word in [("มุ่งเสริมสร้างวัฒนธรรมการทำงานเพื่อประโยชน์", "วัฒนธรรม"),
                       ("ติดตามตรวจสอบพฤติกรรมการทุจริต", "พฤติกรรม"),
                       ("การใช้ทรัพย์สินและแนวทางในการขอยืมทรัพย์สิน", "แนวทาง"),
                       ("รายละเอียดคุณลักษณะเฉพาะของพัสดุ", "คุณลักษณะ")]:
        start = text.index(word)
        for columns in range(len(word), 30):
            inside = [at for at in ends(break_lines(text, columns, width))
                      if start < at < start + len(word)]
            assert not inside, (word, columns)


def test_abbreviations_labels_and_dates_keep_their_numbers():
    for text, kept in [("ปีงบประมาณ พ.ศ. ๒๕๖๘", "พ.ศ. ๒๕๖๘"), ("ภายในวันที่ ๑๐ ม.ค. ๖๘", "๑๐ ม.ค. ๖๘"),
                       ("ตามข้อ ๑ และข้อ ๒", "ข้อ ๑"), ("ลงวันที่ ๓๐ ก.ย. ๖๘ แล้ว", "๓๐ ก.ย. ๖๘"),
                       ("เมื่อ ๓๐ กันยายน ๒๕๖๘ แล้ว", "๓๐ กันยายน ๒๕๖๘"),
                       ("ครั้งที่ ๒ แล้ว", "ที่ ๒"), ("ที่ว่าการอำเภอ อ.เมือง", "อ.เมือง"),
                       ("ภายในวันที่ ๑๐ ม.ค. ๖๘", "วันที่ ๑๐ ม.ค. ๖๘")]:
        start = text.index(kept)
        for columns in range(int(width(kept)), 30):
            inside = [at for at in ends(break_lines(text, columns, width))
                      if start < at < start + len(kept)]
            assert not inside, (text, columns, break_lines(text, columns, width))
    # a label gives way before a date does
    assert break_lines("ภายในวันที่ ๑๐ ม.ค. ๖๘", 12, width) == ["ภายใน", "วันที่ ", "๑๐ ม.ค. ๖๘"]
    # …and a date too long for its line still breaks, at its spaces
    assert break_lines("๓๐ กันยายน ๒๕๖๘", 8, width) == ["๓๐ ", "กันยายน ", "๒๕๖๘"]
    # a title and a name are two words: a line may end between them
    assert 3 in break_offsets("นายสมชาย")
    assert {level for _, level in opportunities("พ.ศ. ๒๕๖๘ ข้อ ๑")} == {TIGHT, GLUE, WORD}


def test_no_break_before_repeat_or_abbreviation_marks_or_inside_numbers():
    assert all(not p.startswith(("ๆ", "ฯ")) for p in pieces("ต่างๆนานาฯลฯ กรุงเทพฯ ต่าง ๆ"))
    text = "รวม ๑,๐๐๐.๕๐ บาท และ 2568/2569"
    assert "๑,๐๐๐.๕๐ " in pieces(text) and "2568/2569" in pieces(text)
    assert break_lines("๑,๐๐๐.๕๐", 4, width)[0] == "๑,๐๐"  # too long: between characters


def test_addresses_break_only_after_a_slash_or_a_dot():
    assert pieces("ดู www.kalasin-mu.go.th หรือ 2568/2569 ได้") == [
        "ดู ", "www.kalasin-mu.go.th ", "หรือ ", "2568/2569 ", "ได้"]
    assert break_lines("ดู www.kalasin-mu.go.th/ita2568 หรือ", 12, width) == [
        "ดู ", "www.", "kalasin-mu.", "go.th/", "ita2568 หรือ"]
    assert break_lines("saraban2@dla.go.th", 13, width) == ["saraban2@dla.", "go.th"]
    # never before the dot: where "saraban2@dla." is too wide, a last resort after the @
    assert break_lines("saraban2@dla.go.th", 12, width) == ["saraban2@", "dla.go.th"]
    # a line of dots stays with the words on either side of it
    assert pieces("(ลงชื่อ)........ผู้รายงาน")[0].startswith("(ลงชื่อ)........ผู้")


def test_an_overlong_word_breaks_between_the_words_it_is_made_of_then_clusters():
    assert break_lines("การบริหารงานบุคคล", 12, width) == ["การบริหารงาน", "บุคคล"]
    # ฯ stays on the word's last part (it was "ยุทธศาสต|ร์ฯ" in the measures plan's corpus)
    assert break_lines("-กองยุทธศาสตร์ฯ", 8, width) == ["-กอง", "ยุทธ", "ศาสตร์ฯ"]
    assert break_lines("ประชาสัมพันธ์", 5, width) == ["ประชา", "สัมพันธ์"]
    assert break_lines("ประชาสัมพันธ์", 2, width) == ["ป", "ระ", "ชา", "สัม", "พัน", "ธ์"]


def test_a_doubtful_break_only_where_a_sure_one_would_leave_the_line_half_empty():
    # "ทางการ" spans ช่องทาง|การ: a reader (and ICU) may read "ช่อง|ทางการ"
    text = "ประชาสัมพันธ์ช่องทางการติดต่อ"
    assert [level for at, level in opportunities(text)] == [WORD, DOUBTFUL, DOUBTFUL]
    assert break_lines(text, 18, width) == ["ประชาสัมพันธ์", "ช่องทางการติดต่อ"]
    # "เพิ่มเติม" alone would leave the line less than half full
    assert break_lines("เพิ่มเติมช่องทางการร้องเรียน", 13, width) == [
        "เพิ่มเติมช่องทาง", "การร้องเรียน"]


def test_the_window_hints_are_the_same_breaks():
    text = "ปีงบประมาณ พ.ศ. ๒๕๖๘ เจ้าหน้าที่ของเทศบาลได้รับวัฒนธรรมการทำงาน"
    hinted = with_break_hints(text)
    assert hinted.replace(ZWSP, "") == text
    position, hints = 0, []
    for ch in hinted:
        if ch == ZWSP:
            hints.append(position)
        else:
            position += 1
    levels = dict(opportunities(text))
    assert hints == [at for at, level in levels.items()
                     if level in (WORD, DOUBTFUL) and text[at - 1] != " "]
    # drawn only: a space that must not end a line becomes a no-break space
    assert "พ.ศ." + NBSP + "๒๕๖๘" in with_break_hints(text, keep_together=True)
