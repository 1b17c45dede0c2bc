"""Word's automatic numbering and bullets (word/numbering.xml): the label a paragraph
shows ("1.", "(๒)", "ก)", a bullet) is not in its text, yet the clerk sees it and the
measures' headings and steps are told by it; so it is put back before the text ("- " for
a bullet), numbered as Word counts (per list, each level going on until a level above
it comes again).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..thai.digits import to_thai_digits

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_THAI_LETTERS = "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


@dataclass(frozen=True)
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


def _roman(number: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while number >= value:
            out += letters
            number -= value
    return out


def _formatted(number: int, fmt: str) -> str:
    if fmt in ("thaiNumbers", "thaiCounting"):
        return to_thai_digits(str(number))
    if fmt == "thaiLetters":
        return _THAI_LETTERS[(number - 1) % len(_THAI_LETTERS)]
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (number - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(number)
        return roman.upper() if fmt == "upperRoman" else roman
    return str(number)


def _int(value: str | None, default: int) -> int:
    return int(value) if value and value.isdigit() else default


@dataclass
class Numbering:
    """The lists of one Word file, counted as their paragraphs are read in order."""

    abstract: dict[str, dict[int, _Level]] = field(default_factory=dict)
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)
    counts: dict[str, list[int]] = field(default_factory=dict)  # per abstract list
    started: set[str] = field(default_factory=set)

    @classmethod
    def read(cls, xml: bytes | None) -> Numbering:
        numbering = cls()
        if not xml:
            return numbering
        from lxml import etree

        root = etree.fromstring(xml, etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False))
        for abstract in root.iter(f"{W}abstractNum"):
            levels: dict[int, _Level] = {}
            for lvl in abstract.iter(f"{W}lvl"):
                fmt = lvl.find(f"{W}numFmt")
                text = lvl.find(f"{W}lvlText")
                start = lvl.find(f"{W}start")
                levels[_int(lvl.get(f"{W}ilvl"), 0)] = _Level(
                    fmt.get(f"{W}val", "decimal") if fmt is not None else "decimal",
                    text.get(f"{W}val", "") if text is not None else "",
                    _int(start.get(f"{W}val") if start is not None else None, 1))
            numbering.abstract[abstract.get(f"{W}abstractNumId", "")] = levels
        for num in root.iter(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            overrides = {}
            for override in num.iter(f"{W}lvlOverride"):
                start = override.find(f"{W}startOverride")
                if start is not None:
                    overrides[_int(override.get(f"{W}ilvl"), 0)] = _int(
                        start.get(f"{W}val"), 1)
            numbering.nums[num.get(f"{W}numId", "")] = (
                ref.get(f"{W}val", "") if ref is not None else "", overrides)
        return numbering

    def label(self, num_id: str, level: int) -> str:
        """The next label of list `num_id` at `level` ("" when it shows none)."""
        if num_id not in self.nums:
            return ""
        abstract, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract, {})
        counts = self.counts.setdefault(abstract, [0] * 10)
        level = min(max(level, 0), 9)
        if num_id not in self.started:
            self.started.add(num_id)
            for lvl, start in overrides.items():
                if 0 <= lvl <= 9:
                    counts[lvl] = start - 1
        this = levels.get(level, _Level())
        counts[level] = (counts[level] or this.start - 1) + 1
        for deeper in range(level + 1, 10):
            counts[deeper] = 0
        if this.fmt == "bullet":
            return "-"
        if this.fmt == "none":
            return ""

        def number(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            of = levels.get(k, _Level())
            return _formatted(counts[k] or of.start, of.fmt)

        return re.sub(r"%([1-9])", number, this.text).strip()
