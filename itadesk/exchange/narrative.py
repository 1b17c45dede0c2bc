"""The narrative form read from lines: a heading per measure, then labelled paragraphs
("ผู้รับผิดชอบ: …", or the label on a line of its own above its text), with section
headings between measures.

A measure's heading is numbered ("๑. มาตรการ…", "1) …", "(๒) …") with the next number,
or marked by Word as a heading (Heading 1, 2…), or bold alone on its line, or a plain line
a label follows. A numbered line that goes on with a list in a field ("2. ประกาศ" after
"1. ประชุม") is the field's, unless it stands out (bold, a heading style). The heading's number
is left out of the title only where the layout's own heading form puts it back the same
("๑. " before the title of the first measure); any other number stays in the title, as
the clerk typed it. A heading one level above the measures' (Heading 1 over Heading 2),
a "ตัวชี้วัดที่ …" line, or a bold line that a measure heading follows is a section row.

Sub-numbers under a numbered heading ("๑. …" over "๑.๑ …", "๑.๒ …") are the section's
measures when the first has lines of its own before the second (labels, a description), and
the measure's steps when they follow one another as a list; "๑.๑.๑ …" under "๑.๑ …" are its
steps. Their numbers stay in the titles (the layout's heading form cannot print them back)
and the section keeps its "๑. " (a section's heading is printed as it is). A plain short
line over a description is a heading when the lines show that form (headings.py). A
description under a heading (its lines that are no label's) is the measure's result when
the measure has no labelled paragraphs, or none for the result under a plain heading.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..domain import Layout, Measure, MeasureKind
from ..domain.layouts import OWN_NUMBER
from ..thai.digits import to_arabic_digits
from . import parts
from .headings import LINE_CHARS, plain_headings, short_line, sub_number
from .tables import HEADING, norm, ratio
from .wordxml import Block, Para

_LOOK_AHEAD = 20  # lines between a bold heading and its first label


@dataclass(frozen=True)
class _Number:
    value: int
    kind: tuple[bool, str]  # Thai digits or not, and the form: "(", "." or ")"


def _number(text: str) -> _Number | None:
    match = OWN_NUMBER.match(text)
    digits = (match.group(1) or match.group(2)) if match else ""
    if not match or len(digits) > 3 or re.match(r"[๐-๙0-9]", text[match.end():]):
        return None  # no number, or a year or a decimal ("๑.๕ ล้านบาท")
    form = "(" if match.group(1) else match.group(3)
    return _Number(int(to_arabic_digits(digits)), (digits[0] in "๐๑๒๓๔๕๖๗๘๙", form))


def _label_patterns(layout: Layout) -> list[tuple[str, int, re.Pattern[str], str]]:
    out = []
    for order, column in enumerate(layout.columns):
        if order == 0:
            continue
        label = layout.label(column).rstrip(":： ")
        # "ผลการดำเนินการ (Output)" is often typed without its English
        plain = {re.sub(r"\s*\([^()]*\)", "", t).strip() for t in (label, column.header)}
        for text in {label, column.header, *plain} - {""}:
            pattern = r"\s*".join(re.escape(part) for part in text.split())
            out.append((column.field, order,
                        re.compile(rf"^\s*(?:[-•]\s*)?{pattern}\s*([:：])?\s*(.*)$"), norm(text)))
    # the longest first: "ผลลัพธ์หรือผลสัมฤทธิ์" before a shorter label it starts with
    return sorted(out, key=lambda item: -len(item[3]))


def _label(line: str, patterns) -> tuple[str, int, str] | None:
    for name, order, pattern, _ in patterns:
        match = pattern.match(line)
        if match and (match.group(1) or not match.group(2).strip()):
            return name, order, match.group(2).strip()
    stripped = line.strip()
    if stripped.endswith((":", "：")) and len(stripped) < 80:
        for name, order, _, normed in patterns:
            if ratio(norm(stripped), normed) >= 0.8:
                return name, order, ""
    return None


def _title_pattern(layout: Layout) -> re.Pattern[str] | None:
    """The layout's heading form ("{number}. {title}") as a pattern, to take the number
    off a heading that the writer would print the same way."""
    form = layout.narrative.heading_format
    if "{number}" not in form or "{title}" not in form:
        return None
    pattern = ""
    for piece in re.split(r"(\{number\}|\{title\})", form):
        if piece == "{number}":
            pattern += r"(?P<number>[๐-๙0-9]{1,3})"
        elif piece == "{title}":
            pattern += r"(?P<title>.+?)"
        else:
            pattern += r"\s*".join(re.escape(part) for part in piece.split(" "))
    return re.compile(rf"^\s*{pattern}\s*$")


def find_narrative(blocks: list[Block], layouts: list[Layout]):
    """(layout, lines, first line, line after the last, measures) of the narrative
    layout that reads the most measures, or None."""
    lines = [p for p in _flat(blocks) if not parts.is_noise(p.text)]
    best = None
    for layout in layouts:
        reader = _Reader(lines, layout)
        plain = plain_headings(lines, reader.labels, reader.numbers)
        # the plain form only where it reads more measures than the marked headings
        for found in (reader.read(), _Reader(lines, layout, plain).read() if plain else None):
            if found and (best is None or len(found[2]) > len(best[4])):
                best = (layout, lines, *found)
    return best


def _flat(blocks: list[Block]) -> list[Para]:
    out: list[Para] = []
    for block in blocks:
        if isinstance(block, Para):
            out.append(block)
        else:
            out.extend(Para(line, block.page) for line in block.lines())
    return out


class _Reader:
    def __init__(self, lines: list[Para], layout: Layout, plain: set[int] | None = None,
                 ) -> None:
        self.lines = lines
        self.layout = layout
        patterns = _label_patterns(layout)
        self.labels = [_label(p.text, patterns) for p in lines]
        self.numbers = [_number(p.text) for p in lines]
        self.subs = [sub_number(p.text) for p in lines]
        self.plain = plain or set()  # the lines that are headings by the plain form
        self.steps = next((k for k, c in enumerate(layout.columns) if c.field == "steps"), 0)
        self.title_form = _title_pattern(layout)
        levels = Counter(p.level for p, label in zip(lines, self.labels, strict=True)
                         if p.level and label is None)
        # the level most headings have is the measures'; a level above it, sections'
        self.level = max(levels, key=lambda lv: (levels[lv], lv)) if levels else 0
        self.measures: list[Measure] = []
        self.values: dict[str, list[str]] = {}
        self.current = ""  # the field being read ("": the title's lines)
        self.order = 0
        self.listed: _Number | None = None  # the current field's last numbered line
        self.numbered = 0  # the last measure heading's number
        self.path: tuple[int, ...] = ()  # the current heading's number and sub-number
        self.sub_mode = ""  # under a numbered heading: "measures" or "steps" by sub-numbers
        self.heading_text = ""  # the current heading as typed
        self.labelled = False  # the current measure has a labelled paragraph
        self.plain_heading = False  # the current measure's heading is a plain line
        self.described: list[int] = []  # the title's lines that describe the measure

    # -------------------------------------------------------------- kinds of line
    def _expected(self, number: _Number) -> bool:
        count = sum(m.kind is MeasureKind.MEASURE for m in self.measures) + bool(self.values)
        after_section = bool(self.measures) and not self.values and (
            self.measures[-1].kind is MeasureKind.SECTION)
        return number.value in (count + 1, self.numbered + 1) or (
            after_section and number.value == 1)

    def _bold(self, i: int) -> bool:
        para = self.lines[i]
        return para.bold and para.first and len(para.text) < 200 and self.labels[i] is None

    def _next_label(self, i: int) -> tuple[str, int, str] | None:
        """The label the lines after `i` come to before any other heading."""
        for k in range(i + 1, min(i + 1 + _LOOK_AHEAD, len(self.lines))):
            if self.labels[k] is not None:
                return self.labels[k]
            number = self.numbers[k]
            if self.lines[k].level or self._bold(k) or (number and number.value == 1):
                return None
        return None

    def _measure_heading(self, i: int) -> bool:
        para, number = self.lines[i], self.numbers[i]
        if self.labels[i] is not None or not para.first or HEADING.match(para.text):
            return False
        styled = bool(self.level) and para.level == self.level
        listed = self.listed
        goes_on = number is not None and listed is not None and (
            listed.kind == number.kind and listed.value == number.value - 1)
        if number is not None and self._expected(number) and (
                not goes_on or styled or (para.bold and not self.lines[i - 1].bold)):
            return True
        # a plain heading follows the start or another plain one (never in a field of a
        # measure headed otherwise)
        if styled or (i in self.plain and (not self.values or self.plain_heading)):
            return True
        following = self.labels[i + 1] if i + 1 < len(self.lines) else None
        if goes_on:
            return False
        # a line right under a heading is the title's next line
        in_title = bool(self.values) and not self.current
        if self._bold(i) and not para.centered and not in_title:
            label = self._next_label(i)
            return label is not None and (not self.current or label[1] <= self.order)
        # a plain line over a label: no paragraph's text (too long), and no heading among
        # numbered ones
        return following is not None and not in_title and (
            not self.current or following[1] <= self.order) and short_line(
            para.text, LINE_CHARS) and not (self.values and self.path)

    def _section_heading(self, i: int) -> bool:
        para = self.lines[i]
        if self.labels[i] is not None or not para.first:
            return False
        if self.level and 0 < para.level < self.level:
            return True
        following = self.labels[i + 1] if i + 1 < len(self.lines) else None
        ahead = i + 1 < len(self.lines) and self._ahead_is_heading(i + 1)
        if HEADING.match(para.text):
            return not self.current or (following is None and ahead)
        return self._bold(i) and bool(self.current) and ahead and self.numbers[i] is None

    def _ahead_is_heading(self, k: int) -> bool:
        number = self.numbers[k]
        para = self.lines[k]
        return (number is not None and self._expected(number)) or (
            bool(self.level) and para.level == self.level) or (
            self._bold(k) and self._next_label(k) is not None)

    # ----------------------------------------------------------------- reading
    def _close(self) -> None:
        values = self.values
        has_result = any(line.strip() for line in values.get("result", []))
        if self.described and "title" in values and not has_result and (
                not self.labelled or self.plain_heading) and "result" in self.layout.fields:
            title = values["title"]
            values["result"] = [title[k] for k in self.described] + values.get("result", [])
            values["title"] = [t for k, t in enumerate(title) if k not in self.described]
        if values:
            self.measures.append(Measure(**{k: "\n".join(v).strip()
                                            for k, v in values.items()}))
        self.values, self.current, self.order, self.listed = {}, "", 0, None
        self.labelled, self.plain_heading, self.described = False, False, []

    def _start(self, i: int, title: str, path: tuple[int, ...]) -> None:
        """A measure from heading line `i`."""
        self._close()
        self.values = {"title": [title]}
        self.path, self.heading_text = path, self.lines[i].text.strip()
        self.plain_heading = i in self.plain

    def _sub_heading(self, i: int) -> bool:
        """A sub-numbered line under the current heading, read (True) as the next measure
        of the section the heading becomes, or as a step."""
        sub, path = self.subs[i], self.path
        if sub is None or not path or not self.lines[i].first:
            return False
        text = self.lines[i].text.strip()
        first = len(sub) == len(path) + 1 and sub[:-1] == path and sub[-1] == 1
        if first and not self.current and len(path) == 1 and not self.sub_mode:
            self.sub_mode = "measures" if self._has_lines(i) else "steps"
            if self.sub_mode == "measures":
                # the heading was the section's: as typed, with the lines under it
                self.measures.append(Measure(kind=MeasureKind.SECTION, title="\n".join(
                    [self.heading_text, *self.values.get("title", [])[1:]]).strip()))
                self.values, self.described = {}, []
                self._start(i, text, sub)
                return True
        if (self.sub_mode == "measures" and len(path) == 2 and len(sub) == 2
                and sub[0] == path[0] and sub[1] == path[1] + 1):
            self._start(i, text, sub)
            return True
        if first and not self.current and self.steps:
            self.current, self.order, self.listed = "steps", self.steps, None
            self.values.setdefault("steps", []).append(text)
            return True
        return False

    def _has_lines(self, i: int) -> bool:
        """Whether the sub-numbered line `i` has lines of its own before the next."""
        sub = self.subs[i]
        k = i + 1
        if k >= len(self.lines) or parts.is_signature_start(self.lines[k].text):
            return False
        after = self.subs[k]
        return not (after is not None and len(after) == len(sub) and after[:-1] == sub[:-1])

    def _title(self, i: int) -> str:
        text = self.lines[i].text.strip()
        number = self.numbers[i]
        position = sum(m.kind is MeasureKind.MEASURE for m in self.measures) + 1
        match = self.title_form.match(text) if self.title_form else None
        if match and number is not None and number.value == position and (
                int(to_arabic_digits(match.group("number"))) == position):
            return match.group("title").strip()
        return text

    def read(self):
        """(first line, line after the last, measures) when the lines are this layout's
        headings and labelled paragraphs."""
        start = stop = None
        layout = self.layout
        for i, para in enumerate(self.lines):
            text = para.text.strip()
            label = self.labels[i]
            if start is not None and (
                    (layout.closing_label and norm(text) == norm(layout.closing_label))
                    or parts.is_signature_start(text)):
                stop = i
                break
            if label is not None and start is not None:
                self.current, self.order, self.labelled = label[0], label[1], True
                self.values.setdefault(self.current, [])
                self.listed = None
                if label[2]:
                    self.values[self.current].append(label[2])
                continue
            if start is not None and self._sub_heading(i):
                continue
            if self._measure_heading(i):
                if start is None:
                    start = self._sections_before(i)
                self._close()
                number = self.numbers[i]
                self._start(i, self._title(i), (number.value,) if number else ())
                self.sub_mode = ""
                self.numbered = number.value if number else self.numbered + 1
                continue
            if start is None:
                continue
            if self._section_heading(i):
                self._close()
                self.path, self.sub_mode = (), ""
                self.measures.append(Measure(kind=MeasureKind.SECTION, title=text))
                continue
            if self.numbers[i] is not None:
                self.listed = self.numbers[i]
            if not self.current and para.first and not para.bold and self.values:
                self.described.append(len(self.values["title"]))
            self.values.setdefault(self.current or "title", []).append(text)
        if start is None:
            return None
        self._close()
        return start, len(self.lines) if stop is None else stop, self.measures

    def _sections_before(self, i: int) -> int:
        """The first measure's line, or the section headings right above it."""
        start = i
        while start > 0 and (HEADING.match(self.lines[start - 1].text) or (
                self.level and 0 < self.lines[start - 1].level < self.level)):
            start -= 1
        # on paper (a PDF) Heading 1 over Heading 2 is a bold line over a bold line; bold
        # lines from the top down are the title block's
        above = start
        while above > 0 and self.lines[i].bold and self._bold(above - 1) and not (
                self.lines[above - 1].centered or self.numbers[above - 1]):
            above -= 1
        if above > 0:
            start = above
        for k in range(start, i):
            self.measures.append(Measure(kind=MeasureKind.SECTION,
                                         title=self.lines[k].text.strip()))
        return start
