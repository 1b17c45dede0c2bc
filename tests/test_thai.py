import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from itadesk.thai.dates import (
    fiscal_period_text,
    fiscal_year_bounds,
    fiscal_year_of,
    parse_be_year,
    thai_date,
)
from itadesk.thai.digits import parse_decimal_text, parse_int, to_arabic_digits, to_thai_digits
from itadesk.thai.linebreak import ZWSP, break_offsets, strip_break_hints, with_break_hints
from itadesk.thai.segment import segmentation, words


def test_thai_digits_everywhere_but_addresses():
    text = (
        "ร้อยละ 83.02 ดู www.kalasin-mu.go.th/ita2568 หรือ https://x.go.th/a?b=1"
        " mail: saraban2@dla.go.th"
    )
    out = to_thai_digits(text)
    assert "ร้อยละ ๘๓.๐๒" in out
    assert "www.kalasin-mu.go.th/ita2568" in out
    assert "https://x.go.th/a?b=1" in out
    assert "saraban2@dla.go.th" in out
    assert to_arabic_digits(out) == text


def test_numbers_typed_in_thai_digits():
    assert parse_int("๒๕๖๘") == 2568
    assert parse_int(" 1,000 ") == 1000
    assert parse_int("๒๕๖x") is None
    assert parse_decimal_text("๙๘.๗๒") == "98.72"
    assert parse_decimal_text("abc") is None


@pytest.mark.parametrize(
    ("typed", "year"),
    [("๒๕๖๘", 2568), ("พ.ศ. ๒๕๖๗", 2567), ("2025", 2568), ("25", None), ("", None)],
)
def test_parse_be_year(typed, year):
    assert parse_be_year(typed) == year


def test_fiscal_year():
    assert fiscal_year_of(dt.date(2023, 10, 1)) == 2567
    assert fiscal_year_of(dt.date(2024, 9, 30)) == 2567
    assert fiscal_year_bounds(2567) == (dt.date(2023, 10, 1), dt.date(2024, 9, 30))
    assert fiscal_period_text(2567) == "ตุลาคม ๒๕๖๖ - กันยายน ๒๕๖๗"


def test_thai_date_as_in_memo_of_seed_001():
    assert thai_date(dt.date(2024, 4, 24)) == "๒๔ เมษายน ๒๕๖๗"
    assert thai_date(dt.date(2024, 4, 24), short=True) == "๒๔ เม.ย. ๖๗"


def test_segmenter_finds_word_boundaries():
    text = "เจ้าหน้าที่ของเทศบาลตำบลบ่อปลาทองได้รับการประเมิน"
    tokens = words(text)
    assert "".join(tokens) == text
    assert tokens[:2] == ["เจ้าหน้าที่", "ของ"]
    assert "ได้รับ" in tokens


def test_break_hints_are_between_words_only():
    text = "เจ้าหน้าที่ของเทศบาล ต่างๆ ฯลฯ www.kalasin-mu.go.th เที่ยง"
    hinted = with_break_hints(text)
    assert strip_break_hints(hinted) == text
    assert hinted.startswith(f"เจ้าหน้าที่{ZWSP}ของ{ZWSP}เทศบาล ")
    for off in break_offsets(text):
        # never before a mark, ๆ or ฯ; never after a leading vowel
        assert text[off] not in "ัิีึืุู็่้๊๋์ๆฯ"
        assert text[off - 1] not in "เแโใไ"
    assert "ต่าง\u200bๆ" not in hinted
    assert "www.kalasin-mu.go.th" in hinted


def test_text_without_thai_is_untouched():
    assert with_break_hints("ITA 2568 E-Service") == "ITA 2568 E-Service"


@pytest.mark.parametrize("expected", [
    # seed 002's report: maximal matching took "ธรรมการ", "กรรมการ", "ทางใน" and split the
    # words around them at line ends ("วัฒน|ธรรม", "พฤติ|กรรม", "แนว|ทาง", "คุณ|ลักษณะ")
    "วัฒนธรรม|การ|ทำงาน",
    "พฤติกรรม|การ|ทุจริต",
    "และ|แนวทาง|ใน|การ",
    "คุณลักษณะ|เฉพาะ",
    "เจ้าหน้าที่|ของ|เทศบาลตำบล|บ่อ|ปลาทอง|ได้รับ|การ|ประเมิน",
])
def test_the_most_probable_words_by_the_thai_national_corpus(expected):
    assert "|".join(words(expected.replace("|", ""))) == expected


def test_numbers_abbreviations_and_the_rest_are_tokens_of_their_own():
    assert words("พ.ศ.๒๕๖๘ ร้อยละ ๘๓.๐๒ (ลงชื่อ)........ผู้รายงาน ITA-2568") == [
        "พ.ศ.", "๒๕๖๘", " ", "ร้อยละ", " ", "๘๓.๐๒", " ", "(", "ลงชื่อ", ")", "........",
        "ผู้", "รายงาน", " ", "ITA", "-", "2568"]
    # letters no word covers stay together, as one unknown word
    assert words("ฃฃฃกับ") == ["ฃฃฃ", "กับ"]


def test_doubtful_boundaries_lie_inside_another_word():
    tokens, doubtful = segmentation("ช่องทางการติดต่อ")
    assert tokens == ["ช่องทาง", "การ", "ติดต่อ"]
    assert 7 in doubtful  # "ทางการ" spans ช่องทาง|การ
    assert segmentation("การทำงาน") == (["การ", "ทำงาน"], set())


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B)
               | st.sampled_from(" .-/abc12"), max_size=80))
def test_words_give_back_the_text(text):
    assert "".join(words(text)) == text


def test_the_model_is_the_one_its_sources_make():
    out = subprocess.run([sys.executable, "tools/make_dictionary.py", "--check"],
                         cwd=Path(__file__).resolve().parent.parent, capture_output=True,
                         text=True)
    assert out.returncode == 0, out.stderr
