"""Where a line of Thai may end: the one set of rules for the window, the PDF and the checks.

Renderers that know no Thai (ReportLab; Qt on Windows, which has no libthai) break at
spaces or, failing that, anywhere; so the PDF writer hands them lines broken here, and the
window shows its text with these breaks marked (U+200B, display only). Every place between
two grapheme clusters gets a level:
- WORD: after spaces, and between two Thai words (our segmenter); after "/" or "-"
  before a Thai word;
- DOUBTFUL: between two Thai words where another word of the dictionary spans the place
  ("ช่องทาง|การ" inside "ทางการ"): a reader may stumble there, and other segmenters (ICU's)
  may see no boundary at all; taken where no WORD break leaves the line nearly full;
- GLUE: kept on one line where the whole fits: a label and its number (ข้อ ๑, ครั้งที่ ๒),
  a word and an abbreviation or a number typed against it (ปีงบประมาณพ.ศ.), a web or e-mail
  address after "/" or ".";
- TIGHT: kept together harder still: an abbreviation and its number or name (พ.ศ. ๒๕๖๘,
  ม.ค. ๖๘, อ.เมือง), a date (๓๐ ก.ย. ๖๘);
- LAST_RESORT: any other place between two tokens (punctuation against a word, Thai against
  Latin), for a piece no other break can make fit;
- and, inside one token wider than the line, any place between clusters.
Never: inside a cluster (before a mark or ะ า ำ ๅ, after เ แ โ ใ ไ), before ๆ or ฯ (but for
"ฯลฯ", as a last resort), before a space or closing punctuation, after opening punctuation,
inside a number. "นาย" / "นาง" and the name after them are two words (a line may
break between them). Joining the lines gives back the text exactly.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from functools import lru_cache
from itertools import pairwise

from .dates import MONTHS, SHORT_MONTHS
from .digits import ADDRESS
from .segment import (
    CLUSTER,
    FOLLOWING_VOWELS,
    LEADING_VOWELS,
    MARKS,
    parts,
    segmentation,
    words,
)

ZWSP = "\u200b"
# Invisible, no break: what the Word writer puts where Latin meets Thai (see ooxml.text).
WORD_JOINER = "\u2060"
NBSP = "\u00a0"
WORD, DOUBTFUL, GLUE, TIGHT, LAST_RESORT = 0, 1, 2, 3, 4
# A line ends at a DOUBTFUL break rather than at a WORD break that leaves it less full.
FULL_ENOUGH = 0.5
Measure = Callable[[str], float]

# Never at the start of a line.
NO_BREAK_BEFORE = MARKS | FOLLOWING_VOWELS | frozenset("ๆฯ")
# Punctuation that never starts a line, and that never ends one.
_CLOSING = frozenset(".,:;!?)]}”’…%")
_OPENING = frozenset("([{“‘")
# Words a number follows, to be kept with it (the last word before the space is looked at,
# so "ครั้งที่" and "ลำดับที่" come with "ที่").
LABELS = frozenset((
    "ข้อ", "ที่", "หน้า", "มาตรา", "วรรค", "หมู่", "ปี", "งบประมาณ", "ปีงบประมาณ", "ร้อยละ",
    "จำนวน", "ไตรมาส", "ระดับ", "รอบ", "งวด", "ชั้น", "เดือน", "ภาคผนวก", "ตาราง", "เล่ม",
    "ฉบับ", "ลำดับ", "อันดับ", "ห้อง", "โทร", "โทรศัพท์", "โทรสาร", "เลขที่", "หมายเลข",
))
_DIGITS = frozenset("0123456789๐๑๒๓๔๕๖๗๘๙")
_D = "[0-9๐-๙]"
_MONTH = "|".join(re.escape(m) for m in sorted(MONTHS + SHORT_MONTHS, key=len, reverse=True))
# A date is found from its numbers: day and month (and year) after a day, month before a year.
_NUMBER = re.compile(rf"{_D}+")
_DAY_MONTH_YEAR = re.compile(
    rf"\s*(?:{_MONTH})(?:\s*(?:พ\.ศ\.\s*)?{_D}{{2,4}}(?!{_D}))?")
_MONTH_BEFORE = re.compile(rf"(?:{_MONTH})\s*(?:พ\.ศ\.\s*)?$")
# Where a web or e-mail address may be; the address pattern is tried only around these.
_ADDRESS_HINT = re.compile(r"[A-Za-z0-9]\.[A-Za-z]|@|://")
# Thai letters, vowels and marks: not digits, ฿ or the signs ฯ ๆ ๏ ๚ ๛ sit among them.
_LETTERS = frozenset(chr(c) for c in range(0x0E01, 0x0E4F) if not 0x0E3B <= c <= 0x0E3F)


def _abbreviation(token: str) -> bool:
    return len(token) > 1 and token[-1] == "." and token[-2] in _LETTERS


@lru_cache(maxsize=4096)
def opportunities(text: str) -> tuple[tuple[int, int], ...]:
    """(offset, level) of every place a line may break, in order; see the module."""
    tokens, doubtful = segmentation(text)
    if len(tokens) < 2:
        return ()
    out: list[tuple[int, int]] = []
    pos = len(tokens[0])
    left = tokens[0]
    letters = _LETTERS
    for i in range(1, len(tokens)):
        right = tokens[i]
        first, last = right[0], left[-1]
        if first in letters and last in letters:  # two Thai words, the common case
            if first not in NO_BREAK_BEFORE and last not in LEADING_VOWELS:
                if right[-1] == "." and _abbreviation(right):
                    # an abbreviation typed against the word before it stays with it (ICU too)
                    out.append((pos, GLUE))
                else:
                    out.append((pos, DOUBTFUL if pos in doubtful else WORD))
            elif right == "ฯลฯ" and last not in LEADING_VOWELS:
                out.append((pos, LAST_RESORT))
        else:
            level = _level(tokens, i, left, right)
            if level is not None:
                out.append((pos, level))
        pos += len(right)
        left = right
    if not out:
        return ()
    _raise_inside(out, text, _dates(text), lambda at, level: max(level, TIGHT))
    _raise_inside(out, text, _addresses(text),
                  lambda at, level: GLUE if text[at - 1] in "/." else LAST_RESORT)
    return tuple(out)


def _raise_inside(out: list[tuple[int, int]], text: str, spans: list[tuple[int, int]],
                  level_of: Callable[[int, int], int]) -> None:
    if not spans:
        return
    offsets = [at for at, _ in out]
    for start, end in spans:
        for k in range(bisect_right(offsets, start), bisect_left(offsets, end)):
            out[k] = (out[k][0], level_of(*out[k]))


def _dates(text: str) -> list[tuple[int, int]]:
    spans = []
    for number in _NUMBER.finditer(text):
        start, end = number.span()
        after = _DAY_MONTH_YEAR.match(text, end) if end - start <= 2 else None
        if after:
            spans.append((start, after.end()))
        if 2 <= end - start <= 4:
            before = _MONTH_BEFORE.search(text, max(0, start - 16), start)
            if before:
                spans.append((before.start(), end))
    return spans


def _addresses(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    done = 0
    for hint in _ADDRESS_HINT.finditer(text):
        if hint.start() < done:
            continue
        start = text.rfind(" ", 0, hint.start()) + 1
        end = text.find(" ", hint.end())
        done = len(text) if end < 0 else end
        spans.extend(m.span() for m in ADDRESS.finditer(text, start, done))
    return spans


def _level(tokens: list[str], i: int, left: str, right: str) -> int | None:
    """The level of the break between tokens i - 1 and i, other than two Thai words."""
    first, last = right[0], left[-1]
    if (first in NO_BREAK_BEFORE or first in _CLOSING or first.isspace()
            or last in LEADING_VOWELS or last in _OPENING):
        # "ฯลฯ" is a word of its own: rather before it than inside it
        return LAST_RESORT if right == "ฯลฯ" and last not in LEADING_VOWELS else None
    if last.isspace():
        if first in _DIGITS and i >= 2:
            before = tokens[i - 2]
            if _abbreviation(before):
                return TIGHT
            if before in LABELS or before.endswith("ที่"):
                return GLUE
        return WORD
    if last == "." and (first in _LETTERS or first in _DIGITS):
        return TIGHT
    if first in _LETTERS:
        if last in "/-–" and len(left) == 1:
            return WORD
        if last in _DIGITS:
            return GLUE
    elif first in _DIGITS and last in _LETTERS:
        return GLUE
    return LAST_RESORT


def break_offsets(text: str) -> list[int]:
    """Offsets where a line may end as it would between words (WORD or DOUBTFUL)."""
    return [at for at, level in opportunities(text) if level <= DOUBTFUL]


def pieces(text: str) -> list[str]:
    """The text cut at every break between words: what lines are made of where all fits."""
    out: list[str] = []
    last = 0
    for at in break_offsets(text):
        out.append(text[last:at])
        last = at
    if last < len(text) or not out:
        out.append(text[last:])
    return out


def clusters(text: str) -> Iterator[str]:
    """Grapheme clusters as Thai line breaking needs them (ๆ and ฯ go with the one before)."""
    current = ""
    for m in CLUSTER.finditer(text):
        cluster = m.group()
        if current and cluster[0] not in "ๆฯ":
            yield current
            current = cluster
        else:
            current += cluster
    if current:
        yield current


@lru_cache(maxsize=50_000)
def with_break_hints(text: str, keep_together: bool = False) -> str:
    """The text with U+200B where a line may break between Thai words, for display only
    (never stored). With `keep_together`, a space that must not end a line (พ.ศ. ๒๕๖๘)
    becomes U+00A0, which Qt honours: for text that is only drawn, never edited."""
    if not any("\u0e01" <= c <= "\u0e5b" for c in text):
        return text
    parts: list[str] = []
    last = 0
    for at, level in opportunities(text):
        if level <= DOUBTFUL and not text[at - 1].isspace():
            parts.append(text[last:at])
            parts.append(ZWSP)
            last = at
        elif keep_together and level in (GLUE, TIGHT) and text[at - 1] == " ":
            parts.append(text[last : at - 1])
            parts.append(NBSP)
            last = at
    if not parts:
        return text
    parts.append(text[last:])
    return "".join(parts)


def strip_break_hints(text: str) -> str:
    return text.replace(ZWSP, "")


def break_lines(text: str, width: float, measure: Measure) -> list[str]:
    """Lines of `text` (one paragraph, no line feeds) no wider than `width`.

    `measure` gives a string's width (shaped, in the units of `width`). Widths of pieces
    are added, which holds for Thai, whose marks take no advance. Spaces at the end of a
    line hang past the width, as in every word processor. A line that must break ends at
    its last WORD break (or a later DOUBTFUL one, if that leaves the line too empty); failing
    those, at its last GLUE break, then TIGHT, then LAST_RESORT; a single token wider than
    the line is cut between the words it is made of, or else between clusters.
    """
    found = opportunities(text)
    if not found:
        return _fit_one(text, width, measure)
    cuts = [0, *(at for at, _ in found), len(text)]
    segs = [text[a:b] for a, b in pairwise(cuts)]
    levels = [0, *(level for _, level in found)]  # levels[k]: the break before segs[k]
    full = [measure(s) for s in segs]
    core = [measure(s.rstrip()) if s[-1].isspace() else w
            for s, w in zip(segs, full, strict=True)]
    lines: list[str] = []
    start = 0  # the first seg of the line being filled
    used = 0.0
    k = 0
    while k < len(segs):
        if used + core[k] <= width or k == start:
            if k == start and core[k] > width:
                *done, rest = _cut(segs[k], width, measure)
                lines.extend(done)
                segs[k], full[k], core[k] = rest, measure(rest), measure(rest.rstrip())
            used += full[k]
            k += 1
            continue
        best = _best_break(levels, full, start, k, width)
        lines.append("".join(segs[start:best]))
        start = best
        used = sum(full[start:k])
    lines.append("".join(segs[start:]))
    return lines


def _best_break(levels: list[int], full: list[float], start: int, k: int,
                width: float) -> int:
    """Where the line of segs[start:k] ends, seg k not fitting: the latest break of the
    lowest level, but a DOUBTFUL break after the last WORD one where that WORD one would
    leave the line less than FULL_ENOUGH full."""
    best = max(range(start + 1, k + 1), key=lambda j: (-levels[j], j))
    if levels[best] == WORD:
        later = [j for j in range(best + 1, k + 1) if levels[j] == DOUBTFUL]
        if later and sum(full[start:best]) < FULL_ENOUGH * width:
            return later[-1]
    return best


def _fit_one(text: str, width: float, measure: Measure) -> list[str]:
    if measure(text.rstrip()) <= width:
        return [text]
    return _cut(text, width, measure)


def _cut(piece: str, width: float, measure: Measure) -> list[str]:
    """Split an overlong piece into parts that fit: between the words a too-wide word is
    made of (ปี|งบประมาณ), and where one of those is still too wide, between clusters."""
    out: list[str] = []
    current = ""
    for item in _items(words(piece)):
        for unit in _units(item, width, measure):
            if current and measure((current + unit).rstrip()) > width:
                out.append(current)
                current = ""
            current += unit
    if current:
        out.append(current)
    return out


def _items(tokens: list[str]) -> list[str]:
    """Tokens, each with what may not be parted from it: a token starting with a mark,
    ๆ or ฯ joins the one before, as does one after a leading vowel."""
    out: list[str] = []
    for token in tokens:
        if out and (token[0] in NO_BREAK_BEFORE or out[-1][-1] in LEADING_VOWELS):
            out[-1] += token
        else:
            out.append(token)
    return out


_TAIL = re.compile(r"[\sๆฯ]*$")


def _units(item: str, width: float, measure: Measure) -> list[str]:
    """An item as it fits: whole, or cut into the words it is made of, or into clusters;
    a ๆ or ฯ at its end stays on the last part ("ยุทธ|ศาสตร์ฯ")."""
    if measure(item.rstrip()) <= width:
        return [item]
    tail = _TAIL.search(item).group()
    core = item[: len(item) - len(tail)] or item
    tail = item[len(core) :]
    inner = _items(parts(core))
    if len(inner) > 1:
        units = [unit for part in inner for unit in _units(part, width, measure)]
    else:
        units = list(clusters(core))
    units[-1] += tail
    return units
