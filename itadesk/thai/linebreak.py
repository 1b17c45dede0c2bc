"""Breaking Thai text into lines that fit a width, between words only.

Renderers that know no Thai (ReportLab) break at spaces or, failing that, anywhere; so
the PDF writer hands them lines already broken here. Rules:
- break between two Thai words (our segmenter), or after a space; spaces stay in the text;
- never between a consonant and its marks, after a leading vowel (เ แ โ ใ ไ), or before
  ๆ / ฯ (the segmenter's boundaries are filtered with these rules);
- English words, numbers, web addresses and "(ลงชื่อ)......" keep the usual rules: they
  break only at spaces;
- a single piece wider than the line is cut at grapheme-cluster boundaries.
Joining the lines gives back the text exactly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from .segment import is_thai, words

# Marks that belong to the character before them (never start a line).
MARKS = frozenset("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a"
                  "\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e")
LEADING_VOWELS = frozenset("เแโใไ")
NO_BREAK_BEFORE = MARKS | frozenset("ๆฯ\u0e33\u0e30\u0e32\u0e45")
Measure = Callable[[str], float]


def pieces(text: str) -> list[str]:
    """The text cut at every place a line may break (after spaces, between Thai words)."""
    out: list[str] = []
    current = ""
    for token in words(text):
        if not current:
            current = token
            continue
        left, right = current[-1], token[0]
        # Never before a mark, ๆ or ฯ, whatever stands before it (even a space: "ต่าง ๆ").
        breakable = right not in NO_BREAK_BEFORE and (
            (left.isspace() and not right.isspace())
            or (is_thai(left) and is_thai(right) and left not in LEADING_VOWELS)
        )
        if breakable:
            out.append(current)
            current = token
        else:
            current += token
    if current:
        out.append(current)
    return out


def clusters(text: str) -> Iterator[str]:
    """Grapheme clusters as Thai needs them: a letter with its marks, a leading vowel
    with the letter after it."""
    current = ""
    for ch in text:
        if current and ch not in MARKS and current[-1] not in LEADING_VOWELS:
            yield current
            current = ch
        else:
            current += ch
    if current:
        yield current


def break_lines(text: str, width: float, measure: Measure) -> list[str]:
    """Lines of `text` (one paragraph, no line feeds) no wider than `width`.

    `measure` gives a string's width (shaped, in the units of `width`). Widths of pieces
    are added, which holds for Thai, whose marks take no advance. Spaces at the end of a
    line hang past the width, as in every word processor.
    """
    lines: list[str] = []
    line = ""
    used = 0.0
    for piece in pieces(text):
        core = piece.rstrip()
        if used + measure(core) <= width:
            line += piece
            used += measure(piece)
            continue
        if line:
            lines.append(line)
        if measure(core) <= width:
            line, used = piece, measure(piece)
            continue
        *full, line = _cut(piece, width, measure)
        lines.extend(full)
        used = measure(line)
    lines.append(line)
    return lines


def _cut(piece: str, width: float, measure: Measure) -> list[str]:
    """Split an overlong piece into parts that fit, at grapheme-cluster boundaries."""
    parts: list[str] = []
    part = ""
    for cluster in clusters(piece):
        if part and measure((part + cluster).rstrip()) > width:
            parts.append(part)
            part = ""
        part += cluster
    if part:
        parts.append(part)
    return parts
