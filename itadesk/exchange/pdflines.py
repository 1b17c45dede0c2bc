"""A PDF page's characters as lines of text, and lines as the paragraphs they were.

A PDF keeps no paragraphs: only lines, each where the renderer put it. Two lines are one
paragraph when the renderer wrapped the first: when our line breaker (thai/linebreak.py,
the one the PDF writer uses) given the two lines as one text and the first line's width
ends the first line where it ends. If the next line's first words would have fitted, the
clerk pressed Enter there. A list item ("- …", "๑. …") after a line that ends without a
space starts a line of its own too: a breaker breaks before one only after a space.

Spaces are the ones the file draws (ours, Word's and LibreOffice's draw every typed space
as a glyph), so the room a justified line adds between Thai words is no space; a wrap at
a space keeps it (drawn at the end of the line), a wrap between Thai words joins them.
A file that draws no spaces at all gets them back from the gaps between the glyphs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from ..thai.linebreak import break_lines
from ..thai.pdftext import drop_split_spaces, join_wrapped, repair
from ..thai.segment import MARKS, is_thai, words

_MARKS = {"P": True, "Span": False}  # export/pdf/lines.py: PARAGRAPH_END, _GOES_ON
LINE_TOLERANCE = 3.0  # points: glyphs this close in height are on one line
LINE_PITCH = 1.331  # a line's height per point of its size (TH Sarabun New's line box)
# a line that starts a list item ("-", "•", "๑.", "(๑)", "๑)"), not a number ("๙๙.๓๘")
LIST_START = re.compile(r"^\s*(?:[-•–]|\(?[๐-๙0-9]{1,3}[.)](?![๐-๙0-9])|\([๐-๙0-9]{1,3}\))")
_LEADER = re.compile(r"\.{4,}$")


@dataclass
class Line:
    """One line of text as drawn: where, how big, and what it says (repaired)."""

    top: float
    x0: float
    x1: float
    text: str
    size: float
    bold: bool  # every glyph with ink is bold
    any_bold: bool  # some glyph is (our writer measures such a paragraph in bold)
    trailing: str = ""  # the spaces drawn after the text (a wrap at a space)
    leader: bool = False  # a dotted leader ended it (the dots are left out of text)
    # our writer's mark (export/pdf/lines.py): True when the line ends its paragraph,
    # False when the paragraph goes on; None when the line carries no mark of ours
    ends: bool | None = None

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2


def rows_of(lines: list[Line]) -> list[list[Line]]:
    """Lines (top to bottom) at one height together, each row left to right."""
    rows: list[list[Line]] = []
    for line in lines:
        if rows and abs(rows[-1][0].top - line.top) <= LINE_TOLERANCE:
            rows[-1].append(line)
        else:
            rows.append([line])
    for row in rows:
        row.sort(key=lambda line: line.x0)
    return rows


def _bold(ch: dict) -> bool:
    return "bold" in str(ch.get("fontname", "")).lower()


def lines_of(chars: list[dict], spaces_drawn: bool = True, apart: bool = False,
             gap: float = 4.0) -> list[Line]:
    """The lines the characters make, top to bottom; `apart`: a line is cut where a gap
    of `gap` letters' size or more parts it (two signers side by side)."""
    ordered = sorted(enumerate(chars), key=lambda item: (round(item[1]["top"]), item[0]))
    rows: list[list[tuple[int, dict]]] = []
    for item in ordered:
        if rows and abs(rows[-1][0][1]["top"] - item[1]["top"]) <= LINE_TOLERANCE:
            rows[-1].append(item)
        else:
            rows.append([item])
    out = []
    for row in rows:
        # left to right; a mark (no advance) drawn where its letter ends goes before
        # whatever starts there (LibreOffice draws a space before the word it follows)
        row.sort(key=lambda item: (round(item[1]["x0"], 1),
                                   item[1]["x1"] - item[1]["x0"] > 0.01, item[0]))
        for part in _apart([ch for _, ch in row], gap) if apart else [[ch for _, ch in row]]:
            line = _line(part, spaces_drawn)
            if line is not None:
                out.append(line)
    return out


def _apart(row: list[dict], gap: float) -> list[list[dict]]:
    parts: list[list[dict]] = [[]]
    last = None
    for ch in row:
        if last is not None and ch["x0"] - last["x1"] > gap * float(ch.get("size", 10)):
            parts.append([])
        parts[-1].append(ch)
        if ch["text"].strip():
            last = ch
    return parts


def _line(row: list[dict], spaces_drawn: bool) -> Line | None:
    leader = False
    ink = [i for i, ch in enumerate(row) if ch["text"].strip()]
    if not ink:
        return None
    # a dotted leader: four dots or more after a gap, at the end of the line (a memo's
    # field, Word's tab leader); a clerk's typed "....." follows its word without a gap
    end = ink[-1] + 1
    dots = end
    while dots > 0 and row[dots - 1]["text"] == ".":
        dots -= 1
    if end - dots >= 4 and dots > 0 and row[dots]["x0"] - row[dots - 1]["x1"] > 0.5:
        leader = True
        row = row[:dots]
    parts: list[str] = []
    last = None
    for ch in row:
        size = float(ch.get("size", 10))
        # a file that draws its spaces has none in a gap, but a gap of a letter's size
        # or more is no justified line's: words apart (a nested table's cells)
        if last is not None and ch["x0"] - last["x1"] > (1.0 if spaces_drawn else 0.25) * size:
            parts.append(" ")
        parts.append(ch["text"])
        last = ch
    raw = "".join(parts)
    text = repair(raw.strip())
    if not spaces_drawn:
        text = drop_split_spaces(text)
    if not text:
        return None
    trailing = raw[len(raw.rstrip()):] if not leader else ""
    inked = [ch for ch in row if ch["text"].strip()]
    sizes = sorted(float(ch.get("size", 10)) for ch in inked)
    tags = [ch.get("tag") for ch in inked if ch.get("tag") in _MARKS]
    return Line(
        top=min(ch["top"] for ch in inked), x0=inked[0]["x0"],
        x1=max(ch["x1"] for ch in inked), text=text, size=sizes[len(sizes) // 2],
        bold=all(_bold(ch) for ch in inked), any_bold=any(_bold(ch) for ch in inked),
        trailing=trailing, leader=leader, ends=_MARKS[tags[-1]] if tags else None)


@dataclass
class Metrics:
    """The advance of each letter as the file draws it, per point of size, in each face
    (bold or not): alone, and before the letter that follows it (kerned: a leading vowel
    before its consonant). A renderer measures a line piece by piece between the places
    it may break, so a piece's width is its letters kerned among themselves."""

    alone: dict[tuple[str, bool], float] = field(default_factory=dict)
    pairs: dict[tuple[str, str, bool], float] = field(default_factory=dict)
    _seen: dict[tuple[str, str, bool], Counter[int]] = field(default_factory=dict)

    def add(self, chars: list[dict]) -> None:
        spacing = [ch for ch in chars if len(ch["text"]) == 1 and ch["x1"] > ch["x0"]]
        for ch in spacing:
            size = float(ch.get("size", 0)) or 10.0
            self.alone.setdefault((repair(ch["text"]), _bold(ch)), (ch["x1"] - ch["x0"]) / size)
        for a, b in pairwise(spacing):
            size = float(a.get("size", 0)) or 10.0
            advance = b["x0"] - a["x0"]
            # kerning draws a pair closer; a justified line's gap or a new line is no pair
            if abs(b["top"] - a["top"]) < 1 and 0 < advance < a["x1"] - a["x0"] - 0.01:
                key = (repair(a["text"]), repair(b["text"]), _bold(a))
                # in thousandths of the size, as fonts count (positions are rounded to
                # 1/100 point: the most frequent count is the font's)
                counts = self._seen.setdefault(key, Counter())
                counts[round(advance * 1000 / size)] += 1
                self.pairs[key] = counts.most_common(1)[0][0] / 1000

    def measure(self, bold: bool, size: float) -> Callable[[str], float]:
        known = list(self.alone.values())
        average = sum(known) / len(known) if known else 0.5
        alone, pairs = self.alone, self.pairs

        def width(letter: str) -> float:
            found = alone.get((letter, bold))
            return found if found is not None else alone.get((letter, not bold), average)

        def measure(text: str) -> float:
            # SARA AM is drawn as NIKHAHIT (a mark) and SARA AA
            letters = [c for c in text.replace("\u0e33", "\u0e32") if c not in MARKS]
            total = 0.0
            for i, letter in enumerate(letters):
                following = letters[i + 1] if i + 1 < len(letters) else None
                kerned = pairs.get((letter, following, bold)) if following else None
                total += kerned if kerned is not None else width(letter)
            return total * size

        return measure


@dataclass
class Reading:
    """What the whole file says of its text: whether it draws spaces, how far apart a
    paragraph's lines are (per point of size), how wide its letters are, whether its lines
    were broken by our line breaker (the file says ITA Desk made it), and the lines our
    writer always starts anew (a label such as "ปัญหา/อุปสรรค:", an ITA score line)."""

    spaces: bool = True
    pitch: float = LINE_PITCH
    metrics: Metrics = field(default_factory=Metrics)
    our_breaks: bool = False
    own_lines: re.Pattern[str] | None = None

    def goes_on(self, line: Line) -> bool | None:
        """Whether our writer marked `line` as going on in the next line (None: the
        file does not say; another program's /P and /Span marks are not ours)."""
        return None if not self.our_breaks or line.ends is None else not line.ends


def wrapped(first: Line, second: Line, width: float, reading: Reading,
            after: Sequence[Line] = ()) -> bool:
    """Whether a renderer breaking lines `width` points wide ended `first` where it ends
    because `second`'s first words did not fit (else the clerk pressed Enter there).

    In our own PDFs the breaker given the two lines as one text (and the lines `after`
    them: a word kept with the next one, "ไตรมาส ๓", moves down with it) ends the first
    line exactly there. Other renderers break elsewhere (ICU and Word cut "ร้อง|เรียน", which
    we keep whole): there the line wrapped when the next line's first word would not
    have fitted in the room it left."""
    if first.leader:
        return False
    if not first.trailing and (LIST_START.match(second.text) or (
            reading.own_lines is not None and reading.own_lines.match(second.text))):
        return False  # a renderer breaks before these only at a space
    # our writer measures a paragraph in its boldest face
    measure = reading.metrics.measure(first.any_bold or second.any_bold, first.size)
    if reading.our_breaks:
        return _breaks_there([first, second, *after], width, measure)
    # the line as drawn when it is wider than measured (kerning the metrics do not know)
    drawn = first.x1 - first.x0 + (measure(first.trailing) if first.trailing else 0.0)
    room = width - max(measure(first.text + first.trailing), drawn)
    return measure(first_word(second.text)) > room


def _breaks_there(lines: Sequence[Line], width: float, measure: Callable[[str], float],
                  ) -> bool:
    text = "".join(line.text + line.trailing for line in lines)
    first = lines[0]
    return len(break_lines(text, width, measure)[0]) == len(first.text) + len(first.trailing)


_LATIN_WORD = re.compile(r"[^\s\u0e00-\u0e7f]+?(?=[\s/\-\u0e00-\u0e7f]|$)[/\-]?")


def first_word(text: str) -> str:
    """The least a renderer would have moved up to the line before: the first Thai word
    (our segmenter's), or the first Latin word (to a space, "/" or "-")."""
    if not text:
        return ""
    if is_thai(text[0]):
        return words(text)[0]
    match = _LATIN_WORD.match(text)
    return match.group(0) if match else text.split(" ")[0]


def separator(first: str, trailing: str, second: str, spaces: bool = True) -> str:
    """What comes between a wrapped line and the next: the space the line ended in (the
    renderer wrapped there), or nothing (it wrapped between two Thai words or inside a
    long word); in a file that draws no spaces, nothing between Thai letters, else a
    space."""
    if not spaces:
        return "" if join_wrapped(first, second) == first + second else " "
    return " " if trailing else ""


def _centred(first: Line, second: Line, left: float, right: float) -> bool:
    """Centred lines share their middle and start in from the left edge (the first may
    fill the line); a list item's first line starts at the edge, the rest further in."""
    return abs(first.center - second.center) < 1.5 and abs(first.x0 - second.x0) > 1.5 and (
        second.x0 > left + 1.5 and (first.x0 > left + 1.5 or right - first.x1 < 1.5))


def _our_indent(first: Line, last: Line, line: Line) -> bool:
    """Whether `line` starts where our writer starts a paragraph's later lines: all at one
    place, further in than a list item's first line (its hanging indent), else at the
    first line's start or left of it (a first-line indent)."""
    from ..document.build import LIST_ITEM  # what our writer indents as a list item

    if last is not first:
        return abs(line.x0 - last.x0) < 1.0
    if LIST_ITEM.match(first.text):
        return line.x0 > first.x0 + 1.0
    return line.x0 < first.x0 + 1.0


def room_for(first: Line, second: Line, left: float, right: float, reading: Reading,
             ) -> float | None:
    """The width `first` was broken to, when `second` could go on with its paragraph in a
    box whose text runs from `left` to `right`: the next line down, as big, as bold,
    aligned as a paragraph's lines are (centred on the same middle, or under the first
    line and no further in than a hanging indent); else None."""
    step = second.top - first.top
    if not 0 < step <= 1.1 * reading.pitch * first.size or abs(first.size - second.size) > 0.5:
        return None
    if first.bold != second.bold:
        return None
    if _centred(first, second, left, right):
        return 2 * (right - first.center)
    if left - 1.5 <= second.x0 <= first.x0 + 20:
        return right - first.x0
    return None


def continues(first: Line, second: Line, left: float, right: float, reading: Reading,
              after: Sequence[Line] = ()) -> bool:
    """Whether `second` goes on with the paragraph `first` ends: it may, and `first`
    wrapped."""
    width = room_for(first, second, left, right, reading)
    return width is not None and wrapped(first, second, width, reading, after)


def paragraphs(lines: list[Line], left: float, right: float, reading: Reading,
               ) -> list[tuple[Line, str, Line]]:
    """The lines of one box (a cell, a page's text) as paragraphs: (first line, text,
    last line) each; the box's text runs from `left` to `right`."""
    out: list[tuple[Line, str, Line]] = []
    for index, line in enumerate(lines):
        marked = reading.goes_on(out[-1][2]) if out else None
        if marked is not None:
            if marked:
                out[-1] = join(out[-1], line, reading)
            else:
                out.append((line, line.text, line))
        elif out and reading.our_breaks and not _centred(out[-1][2], line, left, right) and (
                not _our_indent(out[-1][0], out[-1][2], line)):
            out.append((line, line.text, line))  # a line starts where none goes on
        elif out and continues(out[-1][2], line, left, right, reading,
                               lines[index + 1:index + 3]):
            out[-1] = join(out[-1], line, reading)
        else:
            out.append((line, line.text, line))
    return out


def join(paragraph: tuple[Line, str, Line], line: Line, reading: Reading,
         ) -> tuple[Line, str, Line]:
    """A paragraph (first line, text, last line) going on with `line`."""
    first, text, last = paragraph
    return first, text + separator(text, last.trailing, line.text, reading.spaces) + (
        line.text), line
