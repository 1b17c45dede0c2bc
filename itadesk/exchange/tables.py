"""Measures from a Word file's tables: which layout the header row is, which grid column
holds which field, and each row as a measure, a section heading, or the rest of the
measure above.

A report is often laid out as one table per page, with the header repeated (as a header
row, or a new table with the same header); every such table continues the first. Rows
merged down (vMerge) and rows Word split over a page (the title cell empty) are one
measure. A row merged across every column, or whose only text is a heading such as
"ตัวชี้วัดที่ ๙ …", is a section row. A question code (e1–e15, i1–i30, o1–o45) at the start of
the code column goes into the code field; the extras ("งบประมาณที่ใช้: …") and the ITA score
lines our writer adds to a cell go back to their fields.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ..domain import Layout, Measure, MeasureKind, Score
from ..thai.digits import to_arabic_digits
from .wordxml import Grid, RowData

# A heading typed as a row of the table, or as a paragraph between two tables.
HEADING = re.compile(r"^\s*(?:ตัวชี้วัดที่|เครื่องมือการประเมิน|ส่วนที่\s*[0-9๐-๙]|หมวดที่)")
CODE = re.compile(r"^\s*([EeIiOo])\s*([0-9๐-๙]{1,2})(?![0-9๐-๙])[\s.:)\-]*")
CODE_RANGE = {"e": 15, "i": 30, "o": 45}
_SCORE_YEAR = re.compile(r"^ITA ปี\s*([0-9๐-๙]{4})\s*ได้คะแนน\s*([0-9๐-๙.,]+)\s*คะแนน$")
_SCORE_CHANGE = re.compile(r"^มีคะแนนเฉลี่ย(?:(?:เพิ่มขึ้น|ลดลง)\s*[0-9๐-๙.,]+\s*คะแนน|เท่าเดิม)$")
_TOPIC = "ผลการประเมิน ITA ในหัวข้อ"
MIN_RATIO = 0.6
# a line that starts a list item ("-", "•", "๑.", "(๑)", "๑)"): never the rest of a line
LIST_LINE = re.compile(r"^\s*(?:[-•–]|\(?[๐-๙0-9]{1,3}[.)]|\([๐-๙0-9]{1,3}\))")


def norm(text: str) -> str:
    """A header as compared: no spaces, line breaks, slashes or punctuation."""
    text = unicodedata.normalize("NFC", text).replace("\u0e4d\u0e32", "\u0e33")
    return re.sub(r"[\s/／\\\-–—.:;,()（）\u200b]+", "", text).lower()


def ratio(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


@dataclass
class Mapping:
    """A layout found in a header row: the grid column of each field it maps."""

    layout: Layout
    columns: dict[str, int]  # field → grid column
    headers: dict[str, str]  # field → the header as the file writes it
    score: float
    header_norm: tuple[str, ...] = ()


LOOSE_RATIO = 0.75  # a header's likeness where only some of the layout's columns are there


def _alike(layout_header: str, header: str) -> float:
    """The likeness of a clerk's header to one of the layout's: to the whole, or to one of
    its "/" alternatives ("มาตรการ" is one of "มาตรการ/กิจกรรม/แนวทางที่ดำเนินการ")."""
    parts = [norm(part) for part in layout_header.split("/") if norm(part)]
    return max([ratio(norm(layout_header), header)] + [0.95 * ratio(p, header) for p in parts])


def match_header(row: RowData, layouts, loose: bool = False) -> Mapping | None:
    """The layout whose headers the row's cells are, nearly all of them; `loose`: a table
    of fewer columns, some of them the layout's (the first among them), most of its own
    cells alike to one of the layout's."""
    cells = [(c.column, c.text, norm(c.text)) for c in row.cells if c.text.strip()]
    if len(cells) < 2:
        return None
    best: Mapping | None = None
    for layout in layouts:
        wanted = [(col.field, col.header) for col in layout.columns]
        pairs = sorted((((_alike(h, n) if loose else ratio(norm(h), n)), f, column, text)
                        for f, h in wanted for column, text, n in cells), reverse=True)
        used_fields: set[str] = set()
        used_columns: set[int] = set()
        columns: dict[str, int] = {}
        headers: dict[str, str] = {}
        total = 0.0
        for r, f, column, text in pairs:
            if r < (LOOSE_RATIO if loose else MIN_RATIO) or f in used_fields or (
                    column in used_columns):
                continue
            used_fields.add(f)
            used_columns.add(column)
            columns[f] = column
            headers[f] = text
            total += r
        need = (len(cells) + 2) // 2 if loose else max(2, len(wanted) - 1)
        if len(columns) < max(need, 2) or layout.columns[0].field not in columns:
            continue
        # a header cell the layout has no column for counts against it
        total -= 0.5 * (len(cells) - len(columns))
        if best is None or total > best.score + 1e-9:
            best = Mapping(layout, columns, headers, total,
                           tuple(n for _, _, n in cells))
    return best


def find_header(grid: Grid, layouts, loose: bool = False) -> tuple[Mapping, int] | None:
    """The header in the first rows of a table (a title row may stand above it)."""
    for index, row in enumerate(grid.rows[:3]):
        found = match_header(row, layouts, loose)
        if found is not None:
            return found, index
    return None


def is_header_again(row: RowData, mapping: Mapping) -> bool:
    # a row of measures is no header: its cells are longer than any header (and comparing
    # them letter by letter would cost seconds over a long report)
    longest = max(len(h) for h in mapping.header_norm)
    filled = [c.text for c in row.cells if c.text.strip()]
    if any(len(t) > 3 * longest for t in filled) or len(filled) < len(mapping.columns) - 1:
        return False
    texts = tuple(norm(t) for t in filled)
    if texts == mapping.header_norm:
        return True
    found = match_header(row, [mapping.layout])
    return found is not None and found.score >= len(mapping.columns) - 1.0


@dataclass
class TableReader:
    """Rows of one or more tables (one per page) read into measures."""

    mapping: Mapping
    measures: list[Measure] = field(default_factory=list)
    merged: dict[str, str] = field(default_factory=dict)  # vMerge restart text per field
    skipped_headers: int = 0

    @property
    def grid_columns(self) -> int:
        return max(self.mapping.columns.values()) + 1

    def add_section(self, text: str) -> None:
        self.measures.append(Measure(kind=MeasureKind.SECTION, title=text))

    def add_rows(self, rows: list[RowData], columns: int) -> None:
        for row in rows:
            self.add_row(row, columns)

    def add_row(self, row: RowData, columns: int) -> None:
        cells = [c for c in row.cells]
        filled = [c for c in cells if c.text.strip()]
        if not filled:
            return
        if is_header_again(row, self.mapping):
            self.skipped_headers += 1
            return
        if (len(cells) == 1 and columns > 1) or (
                len(filled) == 1 and HEADING.match(filled[0].text)
                and filled[0].column == min(self.mapping.columns.values())):
            self.add_section(filled[0].text)
            return
        values: dict[str, str] = {}
        continued: set[str] = set()
        taken: set[int] = set()
        for name, column in sorted(self.mapping.columns.items(), key=lambda kv: kv[1]):
            cell = next((c for c in cells if c.column <= column < c.column + c.span), None)
            if cell is None or id(cell) in taken:
                values[name] = ""  # one cell spread over two fields fills the first only
                continue
            taken.add(id(cell))
            if cell.vmerge == "continue":
                continued.add(name)
                values[name] = ""
                continue
            if cell.vmerge == "restart":
                self.merged[name] = cell.text
            else:
                self.merged.pop(name, None)
            values[name] = cell.text
        title_field = self.mapping.layout.columns[0].field
        previous = self.measures[-1] if self.measures else None
        if not values.get(title_field) and previous is not None and (
                previous.kind is MeasureKind.MEASURE):
            # Word split the row over a page, or the title is merged down: the same measure
            for name, text in values.items():
                if text and name not in continued:
                    before = previous.get(name)
                    previous = previous.with_field(name, f"{before}\n{text}" if before else text)
            self.measures[-1] = previous
            return
        for name in continued:  # e.g. one owner merged down over several measures
            values[name] = self.merged.get(name, "")
        if any(values.values()):
            self.measures.append(Measure(**values))

    def finish(self, fiscal_year: int) -> list[Measure]:
        layout = self.mapping.layout
        return [unpack(m, layout, fiscal_year) if m.kind is MeasureKind.MEASURE else m
                for m in self.measures]


def own_lines(layouts) -> re.Pattern[str]:
    """The lines our writer starts anew in a cell: an extra's label ("ปัญหา/อุปสรรค:") and
    the ITA score lines (a PDF reader keeps them apart from the line above)."""
    labels = sorted({e.label.strip() for lay in layouts for e in lay.extras if e.label.strip()},
                    key=len, reverse=True)
    starts = [re.escape(label) for label in labels] + [
        re.escape(_TOPIC.split(" ใน")[0]), r"ITA ปี\s*[0-9๐-๙]{4}", "มีคะแนนเฉลี่ย"]
    return re.compile("^(?:" + "|".join(starts) + ")")


def split_code(text: str) -> tuple[str, str]:
    """("e6", "rest") when the text starts with an ITA question code ("e๖ …", "E 6 …"),
    else ("", text). The code is an identifier: its letter as typed, Arabic digits (a
    report prints it with Thai digits when its text has them)."""
    match = CODE.match(text)
    if not match:
        return "", text
    letter, digits = match.group(1), match.group(2)
    number = int(to_arabic_digits(digits))
    if not 1 <= number <= CODE_RANGE[letter.lower()]:
        return "", text
    return f"{letter}{number}", text[match.end():]


def unpack(measure: Measure, layout: Layout, fiscal_year: int) -> Measure:
    """The code, the extras and the score lines out of the cells they were printed in."""
    if layout.code_in:
        code, rest = split_code(measure.get(layout.code_in))
        if code:
            measure = measure.with_field(layout.code_in, rest).with_field("code", code)
    if layout.extras_in and layout.extras:
        measure = _extras(measure, layout)
    if layout.score_lines_in:
        measure = _scores(measure, layout.score_lines_in, fiscal_year)
    return measure


def _extras(measure: Measure, layout: Layout) -> Measure:
    lines = measure.get(layout.extras_in).split("\n")
    labels = [(e.field, e.label.strip()) for e in layout.extras]
    found: dict[str, list[str]] = {}
    current = ""
    keep: list[str] = []
    for line in lines:
        hit = next(((f, lab) for f, lab in labels
                    if line.startswith(lab) and f != layout.extras_in), None)
        if hit is not None and not measure.get(hit[0]) and hit[0] not in found:
            current = hit[0]
            found[current] = [line[len(hit[1]):].strip()]
        elif current:
            found[current].append(line)
        else:
            keep.append(line)
    if not found:
        return measure
    measure = measure.with_field(layout.extras_in, "\n".join(keep))
    for name, values in found.items():
        measure = measure.with_field(name, "\n".join(values).strip())
    return measure


def _scores(measure: Measure, field_name: str, fiscal_year: int) -> Measure:
    lines = measure.get(field_name).split("\n")
    start = len(lines)
    while start > 0 and _is_score_line(lines[start - 1]):
        start -= 1
    # a topic counts only before a year line (the text may begin "ผลการประเมิน…" too)
    for i in range(len(lines) - 1, start - 1, -1):
        if not _SCORE_YEAR.match(lines[i]) and not _SCORE_CHANGE.match(lines[i]) and not (
                i + 1 < len(lines) and _SCORE_YEAR.match(lines[i + 1])):
            start = i + 1
            break
    block = lines[start:]
    if not block:
        return measure
    scores: list[Score] = []
    current: Score | None = None
    for line in block:
        year = _SCORE_YEAR.match(line)
        if year:
            when = int(to_arabic_digits(year.group(1)))
            value = to_arabic_digits(year.group(2)).replace(",", "")
            if current is None:
                current = Score()
            if when == fiscal_year - 1:
                if current.previous or current.current:
                    scores.append(current)
                    current = Score()
                current = Score(current.topic, value, "")
            elif when == fiscal_year:
                if current.current:
                    scores.append(current)
                    current = Score()
                current = Score(current.topic, current.previous, value)
            else:
                return measure  # not lines we wrote: leave the text as it is
        elif _SCORE_CHANGE.match(line):
            continue
        else:
            if current is not None:
                scores.append(current)
            topic = line[len(_TOPIC):] if line.startswith(_TOPIC) else line
            current = Score(topic=topic)
    if current is not None:
        scores.append(current)
    return dataclasses.replace(measure.with_field(field_name, "\n".join(lines[:start])),
                               scores=tuple(scores))


def _is_score_line(line: str) -> bool:
    return bool(_SCORE_YEAR.match(line) or _SCORE_CHANGE.match(line)
                or line.startswith("ผลการประเมิน"))
