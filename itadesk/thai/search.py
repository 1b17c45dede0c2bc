"""Finding text as a Thai reader sees it: the invisible break hints (U+200B and kin) are
not there, "ํา" (nikhahit + sara aa, as old fonts and some keyboards type it) is "ำ",
and Latin letters match in either case. Spans are given in the original text, so a
replacement keeps everything around the match as it was."""

from __future__ import annotations

INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff")
SPLIT_AM = "\u0e4d\u0e32"  # ํ + า
SARA_AM = "\u0e33"  # ำ


def searchable(text: str) -> tuple[str, list[int], list[int]]:
    """(the text as compared, each compared letter's start and end in `text`)."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in INVISIBLE:
            i += 1
            continue
        if text.startswith(SPLIT_AM, i):
            out.append(SARA_AM)
            starts.append(i)
            ends.append(i + 2)
            i += 2
            continue
        lower = ch.lower()
        out.append(lower if len(lower) == 1 else ch)
        starts.append(i)
        ends.append(i + 1)
        i += 1
    return "".join(out), starts, ends


def find_all(needle: str, text: str) -> list[tuple[int, int]]:
    """Every (start, end) of `needle` in `text`, not overlapping, as `searchable` compares."""
    wanted = searchable(needle)[0]
    if not wanted:
        return []
    hay, starts, ends = searchable(text)
    spans = []
    at = hay.find(wanted)
    while at >= 0:
        spans.append((starts[at], ends[at + len(wanted) - 1]))
        at = hay.find(wanted, at + len(wanted))
    return spans


def replace_all(text: str, needle: str, replacement: str) -> tuple[str, int]:
    """`text` with every match of `needle` replaced; (new text, how many)."""
    spans = find_all(needle, text)
    out, last = [], 0
    for start, end in spans:
        out.append(text[last:start])
        out.append(replacement)
        last = end
    out.append(text[last:])
    return "".join(out), len(spans)


def replace_at(text: str, span: tuple[int, int], replacement: str) -> str:
    start, end = span
    return text[:start] + replacement + text[end:]
