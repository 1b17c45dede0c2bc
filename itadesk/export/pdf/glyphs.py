"""Shaped Thai lines written as PDF text operators, straight from HarfBuzz's output.

ReportLab can do this (shapeStr, then a text object), but glyph by glyph in Python twice
over; a 100-measure report spent most of its time there. Here each line is shaped once
and written as one TJ array: every glyph placed at HarfBuzz's offset and the pen moved by
HarfBuzz's advance, a rise (Ts) where a mark sits above or below its letter.

The preview's process draws nearly the same lines at every refresh. A line's operators
name the glyphs by their codes in the document's font subsets, which ReportLab hands out
in the order glyphs are first used; there (``reuse``) each document starts by giving the
codes of every Thai letter and mark (REUSABLE) in one fixed order, so those glyphs have the
same code in every document, and a line made of them only is written once per process.
A preview file is thus what a fresh process makes of the report: the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from .fonts import glyph_text, hb_font, shape


@lru_cache(maxsize=50_000)
def _shaped(text: str, face: str) -> tuple[tuple[int, int, int, int], ...]:
    """(glyph id, x advance, x offset, y offset) of each glyph: shaped once per process."""
    buf = shape(text, face)
    return tuple((info.codepoint, pos.x_advance, pos.x_offset, pos.y_offset)
                 for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True))


# Code points given their subset codes first, in this order, in a document that reuses lines:
# the Thai block, the font's Private Use alternates of the marks (fonts.py), and typographic
# punctuation (ReportLab gives ASCII its own codes in every document). 121 + 8 fit in the
# first subset's 159 free codes.
REUSABLE = (*range(0x0E00, 0x0E80), *range(0xF700, 0xF720),
            0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2026)
_MAX_REUSED = 200_000  # lines kept per process (a 100-measure report draws ~1,000)
_reused: dict[tuple[tuple[tuple[str, str, float], ...], tuple[float, ...]], tuple[str, str]] = {}


@lru_cache(maxsize=8)
def _fixed_codes(face: str) -> frozenset[int]:
    """The code points of `face` whose subset codes are the same in every document that
    reuses lines: ASCII and REUSABLE (those the font has)."""
    chars = pdfmetrics.getFont(face).face.charToGlyph
    return frozenset(c for c in (*range(32, 127), *REUSABLE) if c in chars)


def _give_fixed_codes(doc: object, faces: Sequence[str]) -> None:
    for face in faces:
        font = pdfmetrics.getFont(face)
        font.splitString("".join(chr(c) for c in sorted(_fixed_codes(face)) if c >= 127), doc)
        font.getSubsetInternalName(0, doc)  # its resource name, in this order too


@lru_cache(maxsize=20_000)
def _n(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text if text not in ("-0", "") else "0"


class GlyphWriter:
    """Per document: maps HarfBuzz glyph ids to the codes of ReportLab's font subsets."""

    def __init__(self, canvas: Canvas, reuse: Sequence[str] = ()) -> None:
        """``reuse``: the faces whose lines are kept for the next document (the preview's
        process): their Thai glyphs get fixed codes now."""
        self.canvas = canvas
        # ReportLab keeps its subsets per document, and has no public name for the canvas's
        # (tests/test_library_contracts.py checks it is still there)
        self.doc = canvas._doc
        self._codes: dict[tuple[str, int], tuple[str, int, float, str]] = {}
        # what follows the position, and the text a reader copying it gets, per line drawn
        # (a table's header, on every page)
        self._bodies: dict[tuple[tuple[tuple[str, str, float], ...], tuple[float, ...]],
                           tuple[str, str]] = {}
        self.reuse = frozenset(reuse)
        if reuse:
            _give_fixed_codes(self.doc, reuse)

    def _code(self, face: str, gid: int, advance: int) -> tuple[str, int, float, str]:
        """(PDF font resource, byte in that subset, the glyph's own width per 1000, the text
        a reader copying it gets)."""
        key = (face, gid)
        found = self._codes.get(key)
        if found is None:
            font = pdfmetrics.getFont(face)
            chars = font.face.glyphToChar.get(gid)
            if chars:
                code = chars[0]
            else:  # a glyph no character reaches (a ligature): ReportLab gives it a code
                font.hbFont(16)
                code = font.hbAddPrivate(hb_font(face).glyph_to_string(gid), gid, advance)
            [(subset, data)] = font.splitString(chr(code), self.doc)
            resource = font.getSubsetInternalName(subset, self.doc)
            found = (resource, data[0], font.face.charWidths.get(code, advance),
                     glyph_text(face, gid))
            self._codes[key] = found
        return found

    def line(self, x: float, baseline: float, spans: Sequence[tuple[str, str, float]],
             gaps: Sequence[float] = ()) -> str:
        """PDF operators (BT … ET) drawing the spans one after another from (x, baseline),
        the pen moved on by gaps[i] points more after span i (justified lines)."""
        return self.drawn(x, baseline, spans, gaps)[0]

    def drawn(self, x: float, baseline: float, spans: Sequence[tuple[str, str, float]],
              gaps: Sequence[float] = ()) -> tuple[str, str]:
        """The operators of `line`, and the text a reader copying those glyphs gets (in
        the order they are drawn), which may not be the text typed."""
        key = (tuple(spans), tuple(gaps))
        found = self._bodies.get(key)
        if found is None:
            found = _reused.get(key) if self.reuse else None
            if found is None:
                ops, read, fixed = self._body(spans, gaps)
                found = (ops, read)
                if fixed and self.reuse:
                    if len(_reused) >= _MAX_REUSED:
                        _reused.clear()
                    _reused[key] = found
            self._bodies[key] = found
        return f"BT 1 0 0 1 {_n(x)} {_n(baseline)} Tm {found[0]}", found[1]

    def _body(self, spans: Sequence[tuple[str, str, float]], gaps: Sequence[float]
              ) -> tuple[str, str, bool]:
        """(operators, the text read, whether every glyph has a fixed code: a line that
        can be reused in another document)."""
        ops = []
        fixed = True
        read: list[str] = []
        for i, (text, face, size) in enumerate(spans):
            if not text:
                continue
            current_font = None
            rise = 0
            array: list[str] = []
            if face not in self.reuse:
                fixed = False
            codes = _fixed_codes(face) if fixed else frozenset()
            glyph_to_char = pdfmetrics.getFont(face).face.glyphToChar
            for gid, x_advance, x_offset, y_offset in _shaped(text, face):
                resource, byte, width, copied = self._code(face, gid, x_advance)
                if fixed:
                    chars = glyph_to_char.get(gid)
                    fixed = bool(chars) and chars[0] in codes
                read.append(copied)
                if resource != current_font or y_offset != rise:
                    if array:
                        ops.append(f"[{' '.join(array)}] TJ")
                        array = []
                    if resource != current_font:
                        ops.append(f"{resource} {_n(size)} Tf")
                        current_font = resource
                    if y_offset != rise:
                        rise = y_offset
                        ops.append(f"{_n(rise * size / 1000)} Ts")
                if x_offset:
                    array.append(_n(-x_offset))
                array.append(f"<{byte:02X}>")  # a hex string needs no escaping
                adjust = width - x_advance + x_offset
                if adjust:
                    array.append(_n(adjust))
            gap = gaps[i] if i < len(gaps) else 0.0
            if gap:
                array.append(_n(-gap * 1000 / size))  # TJ counts 1/1000 em, leftwards
            if array:
                ops.append(f"[{' '.join(array)}] TJ")
            if rise:
                ops.append("0 Ts")
        ops.append("ET")
        return " ".join(ops), "".join(read), fixed
