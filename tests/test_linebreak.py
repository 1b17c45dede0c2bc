"""The Thai line breaker: properties, and agreement with a second segmenter."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from itadesk.thai.linebreak import LEADING_VOWELS, MARKS, break_lines, clusters, pieces
from itadesk.thai.segment import break_offsets


def width(text: str) -> float:
    return float(sum(0 if c in MARKS else 1 for c in text))


THAI_WORDS = ["เจ้าหน้าที่", "ของ", "เทศบาล", "ตำบล", "ได้รับ", "การประเมิน", "คุณธรรม",
              "ความโปร่งใส", "ผู้ใหญ่", "กิ่ง", "ต่างๆ", "ฯลฯ", "ITA", "2568", "๒๕๖๘", " ",
              "www.kalasin-mu.go.th", "(ลงชื่อ)......", "น้ำ", "เเ", "ไม่"]
thai_text = st.lists(st.sampled_from(THAI_WORDS), min_size=1, max_size=40).map("".join)
any_text = st.text(alphabet=st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B)
                   | st.sampled_from(" abc-./"), max_size=200)


@settings(max_examples=300, deadline=None)
@example(text="a \u0e47", columns=1)  # found by hypothesis: a break before a lone mark
@example(text="ต่าง ๆ", columns=3)
@given(text=thai_text | any_text, columns=st.integers(min_value=1, max_value=40))
def test_lines_give_back_the_text_fit_and_keep_clusters(text, columns):
    lines = break_lines(text, float(columns), width)
    assert "".join(lines) == text
    for line in lines:
        # no line wider than the column (spaces may hang), unless one cluster is wider
        assert width(line.rstrip()) <= columns or len(list(clusters(line.rstrip()))) == 1
    position = 0
    for line in lines[:-1]:
        position += len(line)
        if position < len(text):
            assert text[position] not in MARKS, (text, lines)
            assert text[position - 1] not in LEADING_VOWELS, (text, lines)


def test_breaks_fall_between_words():
    text = "เจ้าหน้าที่ของเทศบาลตำบลบ่อปลาทองได้รับการประเมินคุณธรรมและความโปร่งใส"
    lines = break_lines(text, 12, width)
    assert len(lines) > 3
    boundaries = set(break_offsets(text))
    position = 0
    for line in lines[:-1]:
        position += len(line)
        assert position in boundaries


def test_english_numbers_and_addresses_break_only_at_spaces():
    assert pieces("ดู www.kalasin-mu.go.th หรือ 2568/2569 ได้") == [
        "ดู ", "www.kalasin-mu.go.th ", "หรือ ", "2568/2569 ", "ได้"]
    assert "(ลงชื่อ)........ผู้รายงาน" in pieces("(ลงชื่อ)........ผู้รายงาน")


def test_repeat_and_abbreviation_marks_stay_with_their_word():
    assert all(not p.startswith(("ๆ", "ฯ")) for p in pieces("ต่างๆนานาฯลฯ กรุงเทพฯ"))
