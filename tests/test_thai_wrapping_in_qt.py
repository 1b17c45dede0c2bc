"""Break points in the table come from our segmenter, so Thai wraps between words even
where Qt has no libthai (Windows). A Qt without libthai is made here by putting a library
named libthai.so.0 that lacks libthai's functions first on the loader's path."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from itadesk.thai.linebreak import (
    DOUBTFUL,
    NBSP,
    WORD,
    break_offsets,
    opportunities,
    strip_break_hints,
)

TEXT = ("เจ้าหน้าที่ของเทศบาลตำบลบ่อปลาทองได้รับการประเมินคุณธรรมและความโปร่งใส"
        "ในการดำเนินงานของหน่วยงานภาครัฐประจำปีงบประมาณ")
# the line-end rules beyond words: abbreviations, labels and dates keep their numbers
RULES = ("ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ ส่งเสริมวัฒนธรรมการทำงานภายในวันที่ ๓๐ ก.ย. ๖๘ "
         "ตามข้อ ๑ ติดตามพฤติกรรมการทุจริตและแนวทางในการขอยืมทรัพย์สินราชการ ม.ค. ๖๘")

PROBE = r"""
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication
from itadesk.ui.fonts import ui_font
from itadesk.ui.cell_text import draw_wrapped
from itadesk.thai.linebreak import with_break_hints
app = QApplication([])
font = ui_font(15)
image = QImage(400, 2000, QImage.Format.Format_ARGB32)
painter = QPainter(image)
text, width = sys.argv[1], int(sys.argv[2])
plain = draw_wrapped(painter, text, font, QRect(0, 0, width, 2000))
# as the table shows its cells (MeasureTableModel, DisplayWithBreaksRole)
hinted = draw_wrapped(painter, with_break_hints(text, keep_together=True), font,
                      QRect(0, 0, width, 2000))
painter.end()
print(json.dumps({"plain": plain, "hinted": hinted}))
"""


def _lines(env_extra: dict[str, str], text: str = TEXT, width: int = 150
           ) -> dict[str, list[str]]:
    import os

    env = {**os.environ, **env_extra}
    out = subprocess.run([sys.executable, "-c", PROBE, text, str(width)], capture_output=True,
                         text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def _breaks(lines: list[str]) -> list[int]:
    pos, out = 0, []
    for line in lines[:-1]:
        pos += len(strip_break_hints(line))  # (a no-break space stands for one space)
        out.append(pos)
    return out


@pytest.fixture(scope="module")
def qt_without_libthai(tmp_path_factory) -> dict[str, str]:
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        pytest.skip("no C compiler to build a stand-in libthai")
    folder: Path = tmp_path_factory.mktemp("nolibthai")
    source = folder / "nothai.c"
    source.write_text("int itadesk_not_libthai = 1;\n")
    subprocess.run([cc, "-shared", "-fPIC", "-o", str(folder / "libthai.so.0"), str(source)],
                   check=True)
    (folder / "libthai.so").write_bytes((folder / "libthai.so.0").read_bytes())
    return {"LD_LIBRARY_PATH": str(folder)}


def test_without_libthai_qt_cannot_break_thai_but_our_hints_do(qt_without_libthai):
    result = _lines(qt_without_libthai)
    words = set(break_offsets(TEXT))
    # Qt alone (as on Windows) has no word boundary to use: it cuts anywhere
    plain_breaks = _breaks(result["plain"])
    assert plain_breaks, "the text must need several lines at this width"
    assert not set(plain_breaks) <= words
    # with the segmenter's hints every line ends at a word boundary
    hinted = result["hinted"]
    assert len(hinted) > 2
    assert set(_breaks(hinted)) <= words
    assert strip_break_hints("".join(hinted)) == TEXT


@pytest.mark.parametrize("width", [110, 150, 190])
def test_the_table_wraps_by_the_pdf_rules(qt_without_libthai, width):
    """Where every piece fits, the table ends its lines only between words or after spaces,
    never between an abbreviation, a label or a date and its number (the same rules,
    itadesk/thai/linebreak.py, as the PDF's lines)."""
    hinted = _lines(qt_without_libthai, RULES, width)["hinted"]
    assert len(hinted) > 3
    levels = dict(opportunities(RULES))
    assert strip_break_hints("".join(hinted)).replace(NBSP, " ") == RULES
    for at in _breaks(hinted):
        assert levels.get(at) in (WORD, DOUBTFUL), (RULES[at - 10 : at], RULES[at : at + 10])


# words libthai cut where our segmenter (and the PDF) keep them whole, as a clerk saw them
# in the window on Linux: "หน่วย / งาน", "ดำเนิน / การ", "ปี / งบประมาณ"
LIBTHAI_CUTS = ("ผลการประเมิน ITA ในหัวข้อ เจ้าหน้าที่ในหน่วยงานของท่าน มีการเรียกรับสินบน "
                "ได้คะแนน ITA ปีงบประมาณ ๒๕๖๘ ผลลัพธ์หรือความสำเร็จของการดำเนินการ")


@pytest.mark.parametrize("width", range(88, 200, 7))  # every word fits
def test_with_libthai_too_the_table_breaks_only_where_our_hints_do(width):
    """Qt with libthai (Linux) adds libthai's breaks to ours; the table takes only ours,
    so Linux shows the lines Windows and the PDF do."""
    from itadesk.thai.linebreak import with_break_hints

    hinted = _lines({}, LIBTHAI_CUTS, width)["hinted"]
    shown = with_break_hints(LIBTHAI_CUTS, keep_together=True)
    # (and after a no-break space where what it keeps together is wider than the line)
    ours = {i + 1 for i, ch in enumerate(shown) if ch in "\u200b "
            or (ch == NBSP and width < 120)}
    at = 0
    for line in hinted[:-1]:
        at += len(line)
        assert at in ours, (line, shown[at : at + 10])
    assert "".join(hinted) == shown
