"""A Word file's body as plain blocks: paragraphs and tables, in order, with their page.

Read straight from word/document.xml with lxml's iterparse, row by row, clearing what has
been read: a 10,000-row table costs a few MB, not python-docx's object per cell (which took
21 s and almost 1 GB). Only what recognition needs is kept: the text (tabs and line breaks
included, deleted revisions and field codes left out), the grid column and span of each
cell, its vertical merge, and whether a row is a repeated header row. A table inside a cell
gives its text to that cell, one line per paragraph.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ..thai.linebreak import WORD_JOINER, ZWSP
from .numbering import Numbering

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _BODY = f"{W}p", f"{W}tbl", f"{W}tr", f"{W}tc", f"{W}body"
_TEXT_TAGS = {f"{W}t", f"{W}tab", f"{W}br", f"{W}cr", f"{W}lastRenderedPageBreak",
              f"{W}noBreakHyphen", f"{W}sym"}
_RUN_PROPERTIES = re.compile(rb"<w:rPr>.*?</w:rPr>", re.DOTALL)
MAX_SPAN = 64  # no report has more columns; gridSpan="500" is clamped to the grid


def _plain(text: str) -> str:
    """The text as typed: no break hints nor the word joiners our Word writer puts where
    Latin meets Thai; no-break spaces as spaces."""
    return text.replace(ZWSP, "").replace(WORD_JOINER, "").replace("\xa0", " ")


@dataclass
class Para:
    text: str
    page: int
    centered: bool = False
    bold: bool = False  # every run with text is bold (a heading, a label)
    level: int = 0  # outline level of a heading (Word's Heading 1 → 1), else 0
    first: bool = True  # the first line of its paragraph (not after a line break)


@dataclass
class CellData:
    text: str
    column: int  # the first grid column it covers
    span: int = 1
    vmerge: str = ""  # "" (none), "restart", "continue"


@dataclass
class RowData:
    cells: list[CellData]
    header: bool = False  # w:tblHeader: Word repeats it on each page


@dataclass
class Grid:
    rows: list[RowData] = field(default_factory=list)
    page: int = 1
    number: int = 0  # 1 for the first table of the document
    columns: int = 0  # from w:tblGrid, or the widest row

    def lines(self) -> Iterator[str]:
        for row in self.rows:
            for cell in row.cells:
                yield from (line for line in cell.text.split("\n") if line.strip())


Block = Para | Grid


def _int(value: str | None, default: int, high: int) -> int:
    try:
        number = int(value or "")
    except ValueError:
        return default
    return min(max(number, 1), high)


@dataclass(frozen=True)
class Style:
    level: int = 0  # outline level, 1 for Heading 1
    bold: bool = False
    num: tuple[str, int] | None = None  # its automatic numbering: list id, level


def _num(ppr) -> tuple[str | None, int | None]:
    """The w:numPr of paragraph properties: (list id, level), either None if not said."""
    numpr = ppr.find(f"{W}numPr") if ppr is not None else None
    if numpr is None:
        return None, None
    num, ilvl = numpr.find(f"{W}numId"), numpr.find(f"{W}ilvl")
    level = ilvl.get(f"{W}val", "") if ilvl is not None else ""
    return (num.get(f"{W}val", "") if num is not None else None,
            int(level) if level.isdigit() else None)


def read_styles(styles_xml: bytes | None) -> dict[str, Style]:
    """Paragraph styles by id: the outline level ("heading 1" by its built-in name, which
    Word keeps in English whatever the language, or its outlineLvl) and bold, each as the
    style or the style it is based on says."""
    if not styles_xml:
        return {}
    from lxml import etree

    root = etree.fromstring(styles_xml, etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False))
    own: dict[str, tuple[int | None, bool | None, str, tuple[str | None, int | None]]] = {}
    for style in root.iter(f"{W}style"):
        if style.get(f"{W}type") != "paragraph":
            continue
        name_el = style.find(f"{W}name")
        name = name_el.get(f"{W}val", "") if name_el is not None else ""
        level: int | None = None
        heading = re.fullmatch(r"(?i)heading\s*([1-9])", name.strip())
        outline = _outline(style.find(f"{W}pPr"))
        level = int(heading.group(1)) if heading else outline
        b = style.find(f"{W}rPr/{W}b")
        bold = None if b is None else b.get(f"{W}val", "true") not in ("0", "false")
        based = style.find(f"{W}basedOn")
        own[style.get(f"{W}styleId", "")] = (
            level, bold, based.get(f"{W}val", "") if based is not None else "",
            _num(style.find(f"{W}pPr")))

    def resolve(style_id: str, depth: int = 0) -> Style:
        level, bold, based, (num, ilvl) = own.get(style_id, (None, None, "", (None, None)))
        parent = resolve(based, depth + 1) if based and depth < 10 else Style()
        numbered = parent.num if num is None else (num, ilvl or 0)
        return Style(parent.level if level is None else level,
                     parent.bold if bold is None else bold, numbered)

    return {style_id: resolve(style_id) for style_id in own}


class _Reader:
    def __init__(self, progress: Callable[[float], None] | None, size: int,
                 styles: dict[str, Style] | None = None,
                 numbering: Numbering | None = None) -> None:
        self.styles = styles or {}
        self.numbering = numbering or Numbering()
        self.blocks: list[Block] = []
        self.page = 1
        self.tables = 0
        self.grid: Grid | None = None
        self.row: list[CellData] = []
        self.column = 0
        self.cell_lines: list[str] = []
        self.progress = progress
        self.size = size

    def paragraph_text(self, p) -> tuple[str, int]:
        """The text of a paragraph and the page breaks it holds."""
        parts: list[str] = []
        breaks = 0
        for el in p.iter(*_TEXT_TAGS):
            tag = el.tag
            if tag == f"{W}t":
                parts.append(el.text or "")
            elif tag == f"{W}tab":
                if el.getparent() is not None and el.getparent().tag == f"{W}tabs":
                    continue  # a tab stop, not a tab
                parts.append("\t")
            elif tag == f"{W}br":
                if el.get(f"{W}type") == "page":
                    breaks += 1
                    parts.append("\n")
                else:
                    parts.append("\n")
            elif tag == f"{W}cr":
                parts.append("\n")
            elif tag == f"{W}noBreakHyphen":
                parts.append("-")
            elif tag == f"{W}lastRenderedPageBreak":
                breaks += 1
        ppr = p.find(f"{W}pPr")
        if ppr is not None and ppr.find(f"{W}pageBreakBefore") is not None:
            breaks += 1
        text = "".join(parts)
        label = self.label(ppr)
        return (f"{label} {text}" if label and text.strip() else text), breaks

    def label(self, ppr) -> str:
        """The number or bullet Word shows before the paragraph (numbering.py)."""
        num, level = _num(ppr)
        style = self.styles.get(_style_id(ppr))
        if style is not None and style.num is not None:
            num = style.num[0] if num is None else num
            level = style.num[1] if level is None else level
        if not num or num == "0":  # "0": the numbering taken off
            return ""
        return self.numbering.label(num, level or 0)

    def end_paragraph(self, p, _depth: int = 0) -> None:
        text, breaks = self.paragraph_text(p)
        text = _plain(text)
        self.page += breaks
        ppr = p.find(f"{W}pPr")
        jc = ppr.find(f"{W}jc") if ppr is not None else None
        centered = jc is not None and jc.get(f"{W}val") == "center"
        style = self.styles.get(_style_id(ppr), Style())
        outline = _outline(ppr)
        level = style.level if outline is None else outline
        bold = _is_bold(p, style.bold)
        for index, line in enumerate(text.split("\n")):
            self.blocks.append(Para(line, self.page, centered, bold, level, index == 0))
        if ppr is not None and ppr.find(f"{W}sectPr") is not None:
            self.page += 1  # a section ends here: the next starts on a new page

    def end_cell(self, tc) -> None:
        span, vmerge = 1, ""
        tcpr = tc.find(f"{W}tcPr")
        if tcpr is not None:
            grid_span = tcpr.find(f"{W}gridSpan")
            if grid_span is not None:
                high = self.grid.columns - self.column if self.grid and self.grid.columns else 0
                span = _int(grid_span.get(f"{W}val"), 1, max(high, 1) if high else MAX_SPAN)
            merge = tcpr.find(f"{W}vMerge")
            if merge is not None:
                vmerge = "restart" if merge.get(f"{W}val") == "restart" else "continue"
        lines = [line.strip() for line in self.cell_lines]
        self.row.append(CellData("\n".join(line for line in lines if line), self.column,
                                 span, vmerge))
        self.column += span
        self.cell_lines = []

    def end_row(self, tr) -> None:
        trpr = tr.find(f"{W}trPr")
        header = trpr is not None and trpr.find(f"{W}tblHeader") is not None
        grid_before = 0
        if trpr is not None:
            before = trpr.find(f"{W}gridBefore")
            if before is not None:
                grid_before = _int(before.get(f"{W}val"), 0, MAX_SPAN)
        columns = self.grid.columns if self.grid else 0
        excess = sum(c.span for c in self.row) + grid_before - columns
        if columns and excess > 0:
            # gridSpan="500" beside other cells: the cell spans what the others leave it
            for cell in sorted(self.row, key=lambda c: -c.span):
                cut = min(excess, cell.span - 1)
                cell.span -= cut
                excess -= cut
        column = grid_before
        for cell in self.row:
            cell.column = column
            column += cell.span
        assert self.grid is not None
        self.grid.rows.append(RowData(self.row, header))
        self.row = []
        self.column = 0


_BOLD = re.compile(rb'<w:b(?: w:val="(\w*)")?\s*/>')


def _bold_only(match: re.Match[bytes]) -> bytes:
    """A run's properties down to its bold (on, or off against a bold style)."""
    bold = _BOLD.search(match.group(0))
    if bold is None:
        return b""
    on = bold.group(1) in (None, b"1", b"true", b"on")
    return b"<w:rPr><w:b/></w:rPr>" if on else b'<w:rPr><w:b w:val="0"/></w:rPr>'


def _outline(ppr) -> int | None:
    """A w:outlineLvl's heading level (its value 0 is Heading 1; 9 is body text)."""
    outline = ppr.find(f"{W}outlineLvl") if ppr is not None else None
    if outline is None:
        return None
    value = outline.get(f"{W}val", "")
    return int(value) + 1 if value.isdigit() and int(value) < 9 else 0


def _style_id(ppr) -> str:
    style = ppr.find(f"{W}pStyle") if ppr is not None else None
    return style.get(f"{W}val", "") if style is not None else ""


def _is_bold(p, style_bold: bool = False) -> bool:
    """Every run with text is bold: by its own properties, or by the paragraph's style
    when it does not say otherwise."""
    runs = [r for r in p.iter(f"{W}r") if r.find(f"{W}t") is not None]

    def bold(run) -> bool:
        b = run.find(f"{W}rPr/{W}b")
        if b is None:
            return style_bold
        return b.get(f"{W}val", "true") not in ("0", "false", "off")

    return bool(runs) and all(bold(r) for r in runs)


def _in_cell(el) -> bool:
    for ancestor in el.iterancestors():
        if ancestor.tag == _TC:
            return True
        if ancestor.tag == _BODY:
            return False
    return False


def read_blocks(document_xml: bytes,
                progress: Callable[[float], None] | None = None,
                styles: dict[str, Style] | None = None,
                numbering: Numbering | None = None) -> list[Block]:
    """The body's paragraphs and tables in order (lxml errors pass to the caller)."""
    from lxml import etree

    if b"rPrChange" not in document_xml:
        # Run properties (fonts, sizes: half of a Word file's XML) say nothing we read;
        # dropped before parsing, they cost neither the parser nor the walk over each
        # paragraph. (A tracked change of them nests one in another: then kept.)
        document_xml = _RUN_PROPERTIES.sub(_bold_only, document_xml)
    reader = _Reader(progress, len(document_xml), styles, numbering)
    source = io.BytesIO(document_xml)
    # Only the ends of these elements: a table's or a cell's nesting is read from its
    # ancestors, which stay until the element that holds them is read.
    events = etree.iterparse(source, events=("end",), resolve_entities=False,
                             no_network=True, huge_tree=False, load_dtd=False,
                             tag=(_P, _TBL, _TR, _TC, f"{W}tblGrid"))
    seen = 0
    for _, el in events:
        tag = el.tag
        if tag == _P:
            parent = el.getparent()
            if parent is not None and parent.tag != _TC and not _in_cell(el):
                reader.end_paragraph(el, 0)
                _free(el)
            continue
        table = el if tag == _TBL else el.getparent()
        if tag == _TC:
            table = table.getparent() if table is not None else None
        if table is None or _in_cell(table):
            continue  # a nested table: its cell's paragraphs are read with the outer cell
        if reader.grid is None:
            reader.tables += 1
            reader.grid = Grid(page=reader.page, number=reader.tables)
        if tag == _TC:
            for paragraph in el.iter(_P):
                text, _ = reader.paragraph_text(paragraph)
                reader.cell_lines.extend(
                    _plain(text).split("\n"))
            reader.end_cell(el)
            el.clear(keep_tail=True)
        elif tag == _TR:
            reader.end_row(el)
            _free(el)
            seen += 1
            if reader.progress and seen % 500 == 0:
                reader.progress(min(source.tell() / max(reader.size, 1), 1.0))
        elif tag == _TBL:
            grid = reader.grid
            widest = max((c.column + c.span for r in grid.rows for c in r.cells), default=0)
            grid.columns = max(grid.columns, widest)
            reader.blocks.append(grid)
            reader.grid = None
            _free(el)
        else:  # tblGrid
            reader.grid.columns = min(len(el), MAX_SPAN)
    return reader.blocks


def _free(el) -> None:
    """Forget an element read to its end, and the siblings before it."""
    el.clear(keep_tail=True)
    parent = el.getparent()
    if parent is not None:
        while el.getprevious() is not None:
            del parent[0]
