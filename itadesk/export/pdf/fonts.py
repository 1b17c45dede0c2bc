"""TH Sarabun New for ReportLab: registered once, shaped with HarfBuzz, extractable.

Shaping puts Thai marks where they belong by substituting alternate glyphs (uni0E49.alt2
…) that the font reaches through Private Use code points (U+F700–U+F71D); ReportLab then
writes those code points into the PDF's ToUnicode map, so copying "ปีงบประมาณ" from the PDF
gives "ป\\uf702งบประมาณ". We write the base character instead, read from the glyph's name.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

import uharfbuzz
from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from ...paths import font_dir

FACES = {
    (False, False): ("THSarabunNew", "THSarabunNew-Regular.ttf"),
    (True, False): ("THSarabunNew-Bold", "THSarabunNew-Bold.ttf"),
    (False, True): ("THSarabunNew-Italic", "THSarabunNew-Italic.ttf"),
    (True, True): ("THSarabunNew-BoldItalic", "THSarabunNew-BoldItalic.ttf"),
}
# Line box of TH Sarabun New (hhea ascender 844, descender 457, line gap 30, per 1000).
ASCENT, LINE = 0.844, 1.331
_lock = threading.Lock()
_registered = False
# (PostScript face name, code point) → the text that code point stands for
_PRIVATE_TEXT: dict[tuple[str, int], str | None] = {}
_GLYPH_NAME = re.compile(r"^uni((?:[0-9A-F]{4})+)(?:\.\w+)?$")
# TH Sarabun New picks its tone-mark alternates through "liga" (without it marks collide).
FEATURES = {"kern": True, "liga": True}
# Ligatures named after their first letter only: the text they stand for. One glyph serves
# both ฤา and ฤๅ: the map says ฤา, and lines holding either carry /ActualText (writer.py).
_LIGATURES = {"uni0E24.liga": "ฤา", "uni0E26.liga": "ฦา"}


def face_name(bold: bool = False, italic: bool = False) -> str:
    return FACES[(bold, italic)][0]


def register() -> None:
    """Register the four faces with ReportLab (once per process)."""
    global _registered
    with _lock:
        if _registered:
            return
        for name, filename in FACES.values():
            pdfmetrics.registerFont(TTFont(name, str(font_dir() / filename), shapable=True))
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap
        # Compressed streams stay binary: ASCII85 only makes them larger and slower.
        rl_config.useA85 = 0
        _registered = True


@lru_cache(maxsize=8)
def hb_font(name: str) -> uharfbuzz.Font:
    filename = next(f for n, f in FACES.values() if n == name)
    face = uharfbuzz.Face(uharfbuzz.Blob.from_file_path(str(font_dir() / filename)))
    return uharfbuzz.Font(face)  # scale = units per em = 1000


def shape(text: str, name: str) -> uharfbuzz.Buffer:
    """`text` shaped in face `name`: the one place that decides how (measured and drawn
    alike)."""
    buf = uharfbuzz.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    # Left to right always: a stray Arabic word must not turn the line around.
    buf.direction = "ltr"
    uharfbuzz.shape(hb_font(name), buf, FEATURES)
    return buf


@lru_cache(maxsize=200_000)
def text_width(text: str, name: str) -> float:
    """Shaped advance of `text` in 1/1000 em (multiply by size/1000 for points)."""
    if not text:
        return 0.0
    return float(sum(p.x_advance for p in shape(text, name).glyph_positions))


def shaped_glyphs(text: str, name: str) -> list[int]:
    """HarfBuzz's glyph ids for `text` (what the PDF must draw)."""
    return [info.codepoint for info in shape(text, name).glyph_infos]


def _private_text(base_font_name: str, code: int) -> str | None:
    """What a private-use code point of our font stands for, from its glyph's name."""
    face = base_font_name.split("+", 1)[-1]
    key = (face, code)
    if key not in _PRIVATE_TEXT:
        _PRIVATE_TEXT[key] = _from_glyph_name(face, code)
    return _PRIVATE_TEXT[key]


def _from_glyph_name(face: str, code: int) -> str | None:
    for name, _file in FACES.values():
        font = pdfmetrics.getFont(name)
        postscript = font.face.name
        if isinstance(postscript, bytes):
            postscript = postscript.decode("latin-1")
        if postscript != face:
            continue
        gid = font.face.charToGlyph.get(code)
        if gid is None:
            return None
        glyph = hb_font(name).glyph_to_string(gid)
        if glyph in _LIGATURES:
            return _LIGATURES[glyph]
        match = _GLYPH_NAME.match(glyph)
        if not match:
            return None
        hexes = match.group(1)
        return "".join(chr(int(hexes[i : i + 4], 16)) for i in range(0, len(hexes), 4))
    return None


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap, with shaped alternates mapped back to their letters."""
    entries = []
    for i, code in enumerate(subset):
        text = _private_text(fontname, code) if 0xE000 <= code <= 0xF8FF else None
        target = "".join(f"{ord(c):04X}" for c in text) if text else f"{code:04X}"
        entries.append(f"<{i:02X}> <{target}>")
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo", f"<< /Registry ({fontname})", f"/Ordering ({fontname})",
        "/Supplement 0", ">> def", f"/CMapName /{fontname} def", "/CMapType 2 def",
        "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>", "endcodespacerange",
        f"{len(subset)} beginbfchar", *entries, "endbfchar", "endcmap",
        "CMapName currentdict /CMap defineresource pop", "end", "end",
    ])
