"""Cues of the narrative form's headings that narrative.py reads besides numbers, styles and
bold: sub-numbers ("๑.๑ …", "1.2 …", "๑.๑.๒ …") and plain headings — a short line that a
description follows, typed with nothing to mark it ("มาตรการเผยแพร่ข้อมูลต่อสาธารณะ", then
paragraphs of what was done, no labels).

A plain line is taken for a heading only where little else could make it one: in a file
with a report's title block (its title or fiscal year), after the memo, that block and the
opening (up to the opening's "… ดังนี้"); short (well under
a line of A4 text) and without a final stop; a longer paragraph right under it; not under
a label of its own line (that label's text); and two of them at least (the next measure's
heading of the same form).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..thai.digits import to_arabic_digits
from . import parts
from .tables import HEADING, LIST_LINE
from .wordxml import Para

# "๑.๑ ", "1.2) ", "๑.๑.๒ ": two or three parts; not a decimal ("๑.๕๐ ล้าน", "๐.๘๐")
_SUB = re.compile(r"^\s*([๐-๙0-9]{1,2})\.([๐-๙0-9]{1,2})(?:\.([๐-๙0-9]{1,2}))?[.)]?")
_MARKS = re.compile(r"[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")  # Thai vowels and tones above/below
_FINAL = (".", ":", "：", ";", ",", "!", "?", "…", "ฯลฯ")
_INTRO = re.compile(r"ดังนี้\s*[:：]?\s*$")  # "… โดยมีผลการดำเนินการ ดังนี้"
_REPORT_START = re.compile(r"^\s*(?:รายงาน|แบบ|แผน|มาตรการ)")
HEADING_CHARS = 70  # a heading's letters at most: some two thirds of a line of A4 text
LINE_CHARS = 120  # about a line and a third: a plain line longer than this is no heading


def sub_number(text: str) -> tuple[int, ...] | None:
    """(1, 2) for "๑.๒ …", (1, 1, 2) for "1.1.2 …"; None for anything else."""
    match = _SUB.match(text)
    if not match or re.match(r"[๐-๙0-9.]", text[match.end():]):
        return None
    pieces = [p for p in match.groups() if p]
    if any(p[0] in "0๐" for p in pieces):  # "๑.๐๒": a decimal, not a number of a list
        return None
    return tuple(int(to_arabic_digits(p)) for p in pieces)


def letters(text: str) -> int:
    """The letters of a line as its width goes (marks above and below take none)."""
    return len(_MARKS.sub("", text.strip()))


def short_line(text: str, most: int = HEADING_CHARS) -> bool:
    """Short, and without the stop that ends a sentence or leads into a list."""
    text = text.strip()
    return 2 <= letters(text) <= most and not text.endswith(_FINAL) and not (
        _INTRO.search(text) or LIST_LINE.match(text))


def plain_headings(lines: Sequence[Para], labels: Sequence[object | None],
                   numbers: Sequence[object | None]) -> set[int]:
    """The lines that are headings by the plain form alone (none when fewer than two)."""
    found: list[int] = []
    start = _body_start([p.text for p in lines], lines)
    for i in range(start, len(lines) - 1):
        para, below = lines[i], lines[i + 1]
        above = labels[i - 1] if i > 0 else None
        if (labels[i] is not None or numbers[i] is not None or not para.first or para.bold
                or para.level or para.centered or sub_number(para.text)
                or HEADING.match(para.text) or parts.is_signature_start(para.text)
                or not short_line(para.text) or (above is not None and not above[2])):
            continue
        if (labels[i + 1] is not None or below.bold or below.level
                or parts.is_signature_start(below.text)
                or letters(below.text) < max(1.5 * letters(para.text), letters(para.text) + 20)):
            continue
        found.append(i)
    # an opening's short line over its paragraph: the opening runs to its "… ดังนี้"
    if len(found) >= 2:
        intro = next((k for k in range(start, found[1]) if _INTRO.search(lines[k].text)), None)
        if intro is not None:
            found = [i for i in found if i > intro]
    return set(found) if len(found) >= 2 else set()


def _body_start(texts: list[str], lines: Sequence[Para]) -> int:
    """The first line after the memo, the title block and the opening's first line."""
    start = 0
    memo = next((i for i, t in enumerate(texts) if parts.is_memo_title(t)), None)
    if memo is not None:
        # the memo runs to the report's title on a later page
        start = next((k for k in range(memo + 1, len(texts)) if lines[k].page > lines[memo].page
                      and (_REPORT_START.match(texts[k]) or "ปีงบประมาณ" in texts[k])),
                     len(texts))
    heading = parts.read_heading(texts[start:])
    opening = heading.opening
    if not opening or not (heading.title or heading.fiscal_year):
        return len(texts)  # no report's title block above: a letter's headings, not measures
    first = opening.split("\n")[0]
    return next((k for k in range(start, len(texts)) if texts[k].strip() == first), len(texts))
