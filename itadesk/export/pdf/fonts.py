"""TH Sarabun New for ReportLab: registered once, shaped with HarfBuzz, extractable.

Shaping puts Thai marks where they belong by substituting alternate glyphs (uni0E49.alt2
…) that the font reaches through Private Use code points (U+F700–U+F71D); ReportLab then
writes those code points into the PDF's ToUnicode map, so copying "ปีงบประมาณ" from the PDF
gives "ป\\uf702งบประมาณ". Our faces (ExtractableFont, no change to ReportLab itself) write
the base character instead, read from the glyph's name.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

import uharfbuzz
from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFDocument
from reportlab.pdfbase.ttfonts import TTFont

from ...paths import font_dir

FACES = {  # bold or not (nothing in a report is italic)
    False: ("THSarabunNew", "THSarabunNew-Regular.ttf"),
    True: ("THSarabunNew-Bold", "THSarabunNew-Bold.ttf"),
}
# Line box of TH Sarabun New (hhea ascender 844, descender 457, line gap 30, per 1000).
ASCENT, LINE = 0.844, 1.331
_lock = threading.Lock()
_registered = False
# (PostScript face name, code point) → the text that code point stands for
_PRIVATE_TEXT: dict[tuple[str, int], str | None] = {}
_HAS_THAI = re.compile("[\u0e01-\u0e5b]")
_GLYPH_NAME = re.compile(r"^uni((?:[0-9A-F]{4})+)(?:\.\w+)?$")
# TH Sarabun New picks its tone-mark alternates through "liga" (without it marks collide).
FEATURES = {"kern": True, "liga": True}
# Ligatures named after their first letter only: the text they stand for. One glyph serves
# both ฤา and ฤๅ: the map says ฤา, and a line drawn with it where ฤๅ was typed carries
# /ActualText (lines.py).
_LIGATURES = {"uni0E24.liga": "ฤา", "uni0E26.liga": "ฦา"}


def face_name(bold: bool = False) -> str:
    return FACES[bold][0]


def register() -> None:
    """Register the faces with ReportLab (once per process)."""
    global _registered
    with _lock:
        if _registered:
            return
        for name, filename in FACES.values():
            pdfmetrics.registerFont(ExtractableFont(name, str(font_dir() / filename),
                                                    shapable=True))
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
    # HarfBuzz takes the script of the first letter for the whole run: Thai after a word of
    # a script the font lacks (Arabic) would be shaped by that script's rules (ๅฤ came out
    # as the ligature of ฤา). The font has Thai and Latin only; the rest are empty boxes.
    if buf.script not in ("Thai", "Latn") and _HAS_THAI.search(text):
        buf.script = "Thai"
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
        return None if gid is None else _named_text(name, gid)
    return None


def _named_text(name: str, gid: int) -> str | None:
    """The text a glyph stands for by its name (uni0E49.alt2: ้; uni0E24.liga: ฤา)."""
    glyph = hb_font(name).glyph_to_string(gid)
    if glyph in _LIGATURES:
        return _LIGATURES[glyph]
    match = _GLYPH_NAME.match(glyph)
    if not match:
        return None
    hexes = match.group(1)
    return "".join(chr(int(hexes[i : i + 4], 16)) for i in range(0, len(hexes), 4))


def glyph_text(name: str, gid: int) -> str:
    """What a reader copying the PDF gets for glyph `gid` of face `name`: what our ToUnicode
    map says for it (ReportLab's code for the glyph, or the letters of a shaped alternate or
    a ligature); nothing for a glyph that stands for no letter (the empty box drawn for a
    character the font lacks)."""
    chars = pdfmetrics.getFont(name).face.glyphToChar.get(gid)
    if chars and not 0xE000 <= chars[0] <= 0xF8FF:
        return chr(chars[0])
    return _named_text(name, gid) or ""


_CMAP_ENTRY = re.compile(r"^<([0-9A-F]{2})> <(E[0-9A-F]{3}|F[0-8][0-9A-F]{2})>$", re.M)


class ExtractableFont(TTFont):
    """A TrueType face whose ToUnicode maps say which letters a shaped alternate stands for.

    ReportLab makes one ToUnicode map per subset when the document is written (here); we
    rewrite its private-use entries in our subsets' maps only (ReportLab's module-level
    makeToUnicodeCMap, used by every font, stays as it is).
    """

    def addObjects(self, doc: PDFDocument) -> None:
        prefix = self.state[doc].internalName + "+"
        super().addObjects(doc)
        fonts = doc.idToObject["BasicFonts"].dict
        for name, pdf_font in fonts.items():
            if name.startswith(prefix):
                cmap = doc.idToObject[pdf_font.ToUnicode.name]
                cmap.content = extractable_cmap(pdf_font.BaseFont, cmap.content)


def extractable_cmap(base_font_name: str, cmap: str) -> str:
    """ReportLab's ToUnicode CMap with shaped alternates mapped back to their letters."""

    def entry(match: re.Match[str]) -> str:
        text = _private_text(base_font_name, int(match[2], 16))
        if not text:
            return match[0]
        return f"<{match[1]}> <{''.join(f'{ord(c):04X}' for c in text)}>"

    return _CMAP_ENTRY.sub(entry, cmap)


@lru_cache(maxsize=8)
def underline_metrics(name: str) -> tuple[float, float]:
    """The face's underline position (below the baseline: negative) and thickness, per
    1000 em, from its 'post' table."""
    face = pdfmetrics.getFont(name).face
    return float(face.underlinePosition), float(face.underlineThickness)
