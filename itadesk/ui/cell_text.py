"""A table cell's text in lines, broken where our segmenter says and nowhere else.

Qt breaks Thai lines with libthai where it can load it (Linux) and between no Thai letters
where it cannot (Windows), so a cell wrapped by Qt ended its lines in the middle of words
on Linux ("หน่วย / งาน", "ดำเนิน / การ") that the PDF, the Word file and Windows keep
whole. Here a line ends only after a break hint (U+200B, put in by with_break_hints) or a
space; a piece wider than the whole line is cut where it stops fitting. Qt only measures
(one unwrapped line of the paragraph) and draws (one unwrapped layout a line)."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QTextLayout, QTextOption

from ..thai.linebreak import NBSP, ZWSP
from ..thai.search import INVISIBLE

ELLIPSIS = "…"
FOUND_BACKGROUND = QColor("#ffe98a")  # the word find is on (as ThaiTextEdit.mark)
_ENDS_AFTER = frozenset((ZWSP, " ", "\t"))  # a line may end after these
_TRAILING = frozenset((ZWSP, " ", "\t"))  # not counted in a line's width

Span = tuple[int, int]  # [start, end) in the whole text


def _unwrapped(text: str, font: QFont) -> QTextLayout:
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.NoWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return layout


def _x(layout: QTextLayout, position: int) -> float:
    x = layout.lineAt(0).cursorToX(position)
    return float(x[0] if isinstance(x, tuple) else x)


def _paragraph_lines(text: str, font: QFont, width: float) -> list[Span]:
    """[start, end) of each line of one paragraph (no "\n" in it)."""
    n = len(text)
    if n == 0:
        return [(0, 0)]
    layout = _unwrapped(text, font)
    xs: dict[int, float] = {}

    def x(position: int) -> float:
        if position not in xs:
            xs[position] = _x(layout, position)
        return xs[position]

    def trimmed(end: int) -> int:
        while end > 0 and text[end - 1] in _TRAILING:
            end -= 1
        return end

    ends = [p for p in range(1, n) if text[p - 1] in _ENDS_AFTER
            and text[p] not in _ENDS_AFTER] + [n]
    lines: list[Span] = []
    start = 0
    while start < n:
        base, last = x(start), None
        for end in ends[bisect.bisect_right(ends, start):]:
            if x(trimmed(end)) - base > width + 0.01:
                break
            last = end
        if last is None:  # a piece wider than the whole line: cut where it stops fitting
            last = _cut(layout, start, ends[bisect.bisect_right(ends, start)], base + width, x,
                        font)
        lines.append((start, last))
        start = last
    return lines


def _cut(layout: QTextLayout, start: int, limit: int, right: float,
         x: Callable[[int], float], font: QFont) -> int:
    """Where a piece wider than the line is cut: after the last no-break space that
    fits (a number and its label kept together, "ปีงบประมาณ ๒๕๖๘", part the least
    badly there), or else where Qt would break it: between the words of a compound
    where Qt has libthai ("แสดงความคิดเห็น/" in a narrow column), anywhere without."""
    text = layout.text()
    fits = [p for p in range(start + 1, limit) if text[p - 1] == NBSP
            and x(p - 1) <= right + 0.01]
    if fits:
        return fits[-1]
    piece = QTextLayout(text[start:limit], font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    piece.setTextOption(option)
    piece.beginLayout()
    line = piece.createLine()
    line.setLineWidth(max(right - x(start), 1.0))
    piece.endLayout()
    return start + max(line.textLength(), 1)


_FONTS: dict[str, QFont] = {}  # by key: a QFont is not hashable


@functools.lru_cache(maxsize=8192)  # a cell is measured, fitted and painted: laid out once
def _lines_cached(text: str, font_key: str, width: float) -> tuple[Span, ...]:
    font = _FONTS[font_key]
    out: list[Span] = []
    offset = 0
    for paragraph in text.split("\n"):
        out.extend((offset + s, offset + e) for s, e in _paragraph_lines(paragraph, font, width))
        offset += len(paragraph) + 1
    return tuple(out)


def wrap_lines(text: str, font: QFont, width: float) -> tuple[Span, ...]:
    """[start, end) in `text` of each line as the table shows it (an empty paragraph is an
    empty line)."""
    key = font.key()  # family, size, weight…
    if key not in _FONTS:
        _FONTS[key] = QFont(font)
    return _lines_cached(text, key, float(width))


def wrapped_height(text: str, font: QFont, width: float) -> float:
    """Height of text laid out at `width` (text with U+200B between Thai words)."""
    if width <= 1:
        return 0.0
    return len(wrap_lines(text, font, width)) * QFontMetricsF(font).lineSpacing()


def line_top(text: str, font: QFont, width: float, position: int) -> float:
    """How far below the text's top the line holding text[position] is, laid out as
    `draw_wrapped` draws it."""
    spacing = QFontMetricsF(font).lineSpacing()
    lines = wrap_lines(text, font, width)
    for i, (start, end) in enumerate(lines):
        if position < end or (start == end and position <= start):
            return i * spacing
    return max(len(lines) - 1, 0) * spacing


def shown_span(text: str, shown: str, start: int, end: int) -> Span:
    """(start, end) of text[start:end] in `shown`: the same text with break hints put in
    (and a space kept with its number made a no-break one, one letter for one)."""
    places: list[int] = []
    j = 0
    for ch in text:
        while j < len(shown) and shown[j] in INVISIBLE and shown[j] != ch:
            j += 1
        places.append(j)
        j += 1
    places.append(len(shown))

    def at(i: int) -> int:
        return places[min(i, len(places) - 1)]

    return at(start), (at(end - 1) + 1 if end > start else at(start))


def draw_wrapped(painter: QPainter, text: str, font: QFont, rect: QRect,
                 mark: Span | None = None, centre: bool = False) -> list[str]:
    """Draw as `wrapped_height` measured; returns the lines drawn (for tests). Lines that
    do not fit are not drawn, and the last line drawn ends in "…" (a row not yet as tall
    as its text hid "ก.ย. ๒๕๖๙" below "ต.ค. ๒๕๖๘ -" with no sign of it). `mark`: a span
    of `text` drawn on yellow (the word find is on). `centre`: each line in the middle of
    the width, the lines in the middle of the height (a column's header)."""
    spacing = QFontMetricsF(font).lineSpacing()
    lines = wrap_lines(text, font, rect.width())
    room = max(int((rect.height() + 1) // spacing), 1)
    drawn: list[str] = []
    y = float(rect.top())
    if centre:
        y += max(rect.height() - min(len(lines), room) * spacing, 0) / 2
    painter.save()
    painter.setClipRect(rect)
    for i, (start, end) in enumerate(lines):
        piece = text[start:end]
        if i == room - 1 and len(lines) > room:
            drawn.append(_ending(painter, piece, font, rect, y))
            break
        if piece:
            layout = _unwrapped(piece, font)
            left = float(rect.left())
            if centre:
                left += max(rect.width() - layout.lineAt(0).naturalTextWidth(), 0) / 2
            if mark is not None and mark[0] < end and mark[1] > start:
                x1 = _x(layout, max(mark[0], start) - start)
                x2 = _x(layout, min(mark[1], end) - start)
                painter.fillRect(QRectF(left + min(x1, x2), y, abs(x2 - x1), spacing),
                                 FOUND_BACKGROUND)
            layout.draw(painter, QPointF(left, y))
        drawn.append(piece)
        y += spacing
    painter.restore()
    return drawn


def _ending(painter: QPainter, piece: str, font: QFont, rect: QRect, y: float) -> str:
    """The last line there is room for, with "…" after it (cut to make room)."""
    metrics = QFontMetricsF(font)
    shown = metrics.elidedText(piece.rstrip() + ELLIPSIS, Qt.TextElideMode.ElideRight,
                               rect.width())
    if not shown.endswith(ELLIPSIS):
        shown += ELLIPSIS
    painter.setFont(font)
    painter.drawText(QPointF(rect.left(), y + metrics.ascent()), shown)
    return shown
