"""Paragraphs → lines, and lines → PDF text: breaking, alignment, justification, underline.

Lines come from our Thai line breaker (ReportLab would cut Thai words anywhere); each is
shaped by HarfBuzz so marks sit right. A justified line but the last of its paragraph is
spread to the full width: the extra space goes to the places a line may break (between
Thai words, after spaces), so nothing comes between a letter and its marks.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, NamedTuple

from reportlab.pdfgen.canvas import Canvas

from ...document.model import Align, Paragraph
from ...thai.linebreak import break_lines, pieces
from .fonts import ASCENT, LINE, face_name, text_width, underline_metrics

if TYPE_CHECKING:
    from .pages import Pages

PT_PER_MM = 72 / 25.4
# The most room a justified line adds at one break, in em. A line that would need more
# (the words before a long name that is one dictionary word and went to the next line) is
# set flush left, as its paragraph's last line is: spread, its few words stand apart like a
# list. Ordinary lines of the demo memos add at most 0.25 em; that Chainat line, 0.8 em.
MAX_STRETCH_EM = 0.4


def mm(value: float) -> float:
    return value * PT_PER_MM


class Span(NamedTuple):
    """Text in one face and size."""

    text: str
    face: str
    size: float
    underline: bool = False

    def width(self) -> float:
        return text_width(self.text, self.face) * self.size / 1000


class _Drawn(NamedTuple):
    text: str
    used: float  # the width of its text, the trailing spaces left out
    spans: tuple[tuple[str, str, float], ...]  # (text, face, size) of each span
    gaps: tuple[float, ...]
    underlined: bool


@dataclass
class Line:
    """One laid-out line: its spans, where it starts, how wide its box is."""

    spans: list[Span]
    x: float  # offset from the left edge of the paragraph's box
    width: float  # the box width available
    size: float
    align: Align
    fill_dots: bool = False
    last: bool = False  # the paragraph's last line (a justified one stays flush left)
    gaps: list[float] = field(default_factory=list)  # extra space after each span

    @property
    def height(self) -> float:
        return self.size * LINE

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)

    @cached_property
    def drawn(self) -> _Drawn:
        """What drawing needs of the line, worked out once: a line is laid out once per
        process (layout_paragraph) and the preview's process draws it at every refresh.
        Not to be asked before the line is finished (justify changes its spans)."""
        return _Drawn(self.text, self.text_width(),
                      tuple((s.text, s.face, s.size) for s in self.spans), tuple(self.gaps),
                      any(s.underline for s in self.spans))

    def text_width(self) -> float:
        total = 0.0
        for i, span in enumerate(self.spans):
            if i == len(self.spans) - 1:
                span = span._replace(text=span.text.rstrip())
            total += span.width()
        return total


def layout_paragraph(p: Paragraph, width: float) -> list[Line]:
    """Lines of a paragraph in a box `width` points wide (not to be changed: the same
    paragraph in the same width is laid out once per process, so the preview's process
    lays out again only the paragraphs an edit changed)."""
    return list(_layout_paragraph(p, width))


@lru_cache(maxsize=20_000)
def _layout_paragraph(p: Paragraph, width: float) -> tuple[Line, ...]:
    size = p.size_pt
    first_x = mm(p.left_mm + (p.first_line_mm if not p.hanging_mm else 0.0))
    rest_x = mm(p.left_mm + p.hanging_mm)
    runs = [r for r in p.runs if r.text]
    fill = any(r.dotted_fill for r in p.runs)
    if not runs:
        return (Line([], first_x, width - first_x, size, p.align, fill, last=True),)
    # One face measures the whole paragraph: the boldest its runs use (conservative).
    measure_face = face_name(any(r.bold for r in runs))
    text = "".join(r.text for r in runs)
    # Each run's look, by character, to cut the broken lines back into spans.
    looks: list[tuple[str, bool]] = []
    for r in runs:
        looks.extend([(face_name(r.bold), r.underline)] * len(r.text))

    def measure(s: str) -> float:
        return text_width(s, measure_face) * size / 1000

    out: list[Line] = []
    position = 0
    for i, raw in enumerate(_break_varying(text, width - first_x, width - rest_x, measure)):
        spans: list[Span] = []
        start = position
        for j in range(len(raw) + 1):
            at = position + j
            if j == len(raw) or (at > start and looks[at] != looks[at - 1]):
                if at > start:
                    face, underline = looks[start]
                    spans.append(Span(text[start:at], face, size, underline))
                start = at
        position += len(raw)
        x = first_x if i == 0 else rest_x
        out.append(Line(spans, x, width - x, size, p.align))
    out[-1].last = True
    out[-1].fill_dots = fill
    for line in out:
        if line.align is Align.JUSTIFY and not line.last:
            justify(line)
    return tuple(out)


def _break_varying(text: str, first_width: float, rest_width: float,
                   measure: Callable[[str], float]) -> list[str]:
    """Break with a first line of another width than the rest (indents)."""
    if first_width == rest_width:
        return break_lines(text, rest_width, measure)
    head = break_lines(text, first_width, measure)[0]
    if len(head) >= len(text):
        return [head]
    return [head, *break_lines(text[len(head):], rest_width, measure)]


def justify(line: Line) -> None:
    """Spread the line to its box: the spans are cut where the line may break and the
    room left over is shared equally among those places (unless each would get more than
    MAX_STRETCH_EM: then the line stays flush left)."""
    slack = line.width - line.text_width()
    body = line.text.rstrip()
    cuts: list[int] = []
    at = 0
    for piece in pieces(body)[:-1]:
        at += len(piece)
        cuts.append(at)
    if slack <= 0 or not cuts:
        return
    extra = slack / len(cuts)
    if extra > MAX_STRETCH_EM * line.size:
        return
    spans: list[Span] = []
    gaps: list[float] = []
    start = 0
    for span in line.spans:
        end = start + len(span.text)
        inner = [c - start for c in cuts if start < c < end]
        offsets = [0, *inner, len(span.text)]
        for a, b in itertools.pairwise(offsets):
            spans.append(span._replace(text=span.text[a:b]))
            gaps.append(extra if start + b in cuts else 0.0)
        start = end
    line.spans, line.gaps = spans, gaps


def align_offset(align: Align, room: float, used: float) -> float:
    if align is Align.CENTER:
        return max(room - used, 0) / 2
    if align is Align.RIGHT:
        return max(room - used, 0)
    return 0.0


# What a reader copying the PDF gets is the text its glyphs' ToUnicode entries say, in the
# order they are drawn; where that is not the text typed, the line carries the text as
# /ActualText. So where shaping splits SARA AM (ำ) into NIKHAHIT and SARA AA ("ํา": not the
# letter, so searching the PDF for "ดำเนินการ" would find nothing), where one ligature
# glyph stands for ฤา as for ฤๅ (also when something invisible was typed between ฤ and ๅ:
# HarfBuzz ligates across it), and where a character the font lacks is drawn as an empty
# box. Justified lines carry it always: a reader would take the space added between Thai
# words for spaces typed. The decision is made on the glyphs drawn, not on the text.
#
# A line of a paragraph is marked too (marked content, which viewers do not show): /P when
# it ends its paragraph (the clerk pressed Enter there, or the text ends), /Span when the
# paragraph goes on on the next line, in its box or on the next page. On paper the two
# can look the same (a line ended by Enter just where it was full); our importer reads
# the mark (exchange/pdflines.py).
PARAGRAPH_END, PARAGRAPH_GOES_ON = "P", "Span"


def actual_text(text: str, needed: bool, tag: str | None, ops: str) -> str:
    """``ops`` inside the /ActualText span (if needed) and the mark (if a tag), as one
    literal: the same bytes as one literal each, ReportLab joins them with newlines."""
    # the mark inside the /Span (poppler takes /ActualText from a /Span only; pdfminer
    # gives a glyph the innermost tag)
    if not needed and tag is None:
        return ops
    parts = []
    if needed:
        utf16 = ("\ufeff" + text).encode("utf-16-be").hex().upper()
        parts.append(f"/Span <</ActualText <{utf16}>>> BDC")
    if tag is not None:
        parts.append(f"/{tag} BMC")
    parts.append(ops)
    parts.extend(["EMC"] * (needed + (tag is not None)))
    return "\n".join(parts)


def _draw(pages: Pages, text: str, x: float, baseline: float,
          spans: Sequence[tuple[str, str, float]], gaps: Sequence[float] = (),
          tag: str | None = None) -> None:
    ops, copied = pages.glyphs.drawn(x, baseline, spans, gaps)
    pages.canvas.addLiteral(actual_text(text, copied != text or any(gaps), tag, ops))


def draw_text(pages: Pages, text: str, face: str, size: float, x: float, baseline: float
              ) -> None:
    if text:
        _draw(pages, text, x, baseline, [(text, face, size)])


def draw_line(pages: Pages, line: Line, box_left: float, top: float) -> None:
    baseline = top - ASCENT * line.size
    drawn = line.drawn
    used = drawn.used
    x = box_left + line.x + align_offset(line.align, line.width, used)
    if line.spans:
        pages.saw_text(drawn.text)
        _draw(pages, drawn.text, x, baseline, drawn.spans, drawn.gaps,
              PARAGRAPH_END if line.last else PARAGRAPH_GOES_ON)
        if drawn.underlined:  # nearly no line is: a tenth of a layout
            _underline(pages.canvas, line, x, baseline)
    if line.fill_dots:
        face = face_name()
        dot = text_width(".", face) * line.size / 1000
        start = x + used + dot
        count = int((box_left + line.x + line.width - start) / dot)
        if count > 0:
            draw_text(pages, "." * count, face, line.size, start, baseline)


def _underline(canvas: Canvas, line: Line, x: float, baseline: float) -> None:
    """One rule under each stretch of underlined spans (across the space justification
    put between them), at the font's underline position; never under trailing spaces."""
    stretches: list[list[float]] = []
    gaps = line.gaps or [0.0] * len(line.spans)
    last = len(line.spans) - 1
    before = False  # the span before was underlined
    for i, (span, gap) in enumerate(zip(line.spans, gaps, strict=True)):
        shown = span._replace(text=span.text.rstrip()) if i == last else span
        if span.underline and shown.text:
            if before:
                stretches[-1][1] = x + shown.width()
            else:
                stretches.append([x, x + shown.width()])
        before = span.underline and bool(shown.text)
        x += span.width() + gap
    if not stretches:
        return
    position, thickness = underline_metrics(line.spans[0].face)
    canvas.saveState()
    canvas.setLineWidth(thickness * line.size / 1000)
    y = baseline + position * line.size / 1000
    for start, end in stretches:
        canvas.line(start, y, end, y)
    canvas.restoreState()
