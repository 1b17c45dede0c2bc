"""Thai text as a PDF gives it back, repaired.

Fonts of the Sarabun family (and Word's Thai fonts) draw the marks above and below a
consonant with glyphs of the Private Use Area (U+F700…), shifted for tall consonants; a
PDF's text layer often names those glyphs, not the letters. SARA AM is often given as
NIKHAHIT + SARA AA ("ํา"), or as "ำา" (LibreOffice names both glyphs), and a tone mark
before the vowel it sits on.
"""

from __future__ import annotations

import re

# The Private Use glyphs of Thai fonts (the Windows/Mac convention) and their letters.
_PUA = str.maketrans({
    0xF700: "ฐ", 0xF701: "ิ", 0xF702: "ี", 0xF703: "ึ", 0xF704: "ื", 0xF705: "่",
    0xF706: "้", 0xF707: "๊", 0xF708: "๋", 0xF709: "์", 0xF70A: "่", 0xF70B: "้",
    0xF70C: "๊", 0xF70D: "๋", 0xF70E: "์", 0xF70F: "ญ", 0xF710: "ั", 0xF711: "ํ",
    0xF712: "็", 0xF713: "่", 0xF714: "้", 0xF715: "๊", 0xF716: "๋", 0xF717: "์",
    0xF718: "ุ", 0xF719: "ู", 0xF71A: "ฺ",
})
_TONE = "\u0e48-\u0e4c"
_VOWEL_MARK = "\u0e31\u0e34-\u0e3a\u0e47"
_THAI = re.compile(r"[\u0e00-\u0e7f]")


def repair(text: str) -> str:
    text = text.translate(_PUA)
    text = re.sub(f"\u0e4d([{_TONE}]?)\u0e32", "\\1\u0e33", text)  # ํา, ํ่า → ำ, ่ำ
    text = text.replace("\u0e33\u0e32", "\u0e33")  # "ำา": SARA AM drawn as ํ + า, both named
    text = re.sub(f"([{_TONE}])([{_VOWEL_MARK}])", r"\2\1", text)  # the vowel first
    return text


def join_wrapped(before: str, after: str) -> str:
    """Two lines of a cell the renderer wrapped, as one: Thai is written without spaces
    between words, so a wrap between Thai letters joins them; Latin words get their space
    back."""
    if _THAI.match(before[-1:]) and _THAI.match(after[:1]):
        return before + after
    return f"{before} {after}"


_GAP = re.compile(r"([\u0e00-\u0e7f]+) ([\u0e00-\u0e7f]+)")


def drop_split_spaces(text: str) -> str:
    """A space the renderer left inside a Thai word (a justified line's gap, a cut word)
    goes where the segmenter reads the two sides as one word; a space between two words
    stays, as the clerk typed it."""
    from .segment import words

    def join(match: re.Match[str]) -> str:
        left, right = match.group(1), match.group(2)
        apart = words(left)[-1:] + words(right)[:1]
        together = words(apart[0] + apart[1]) if len(apart) == 2 else []
        return left + right if len(together) == 1 else match.group(0)

    # twice: "ก ข ค" has overlapping pairs
    return _GAP.sub(join, _GAP.sub(join, text))
