"""WordprocessingML for the neutral document's paragraphs, runs and tables, as text.

Built as strings and parsed once per block: faster than python-docx's object API for
large tables, and every property Thai needs is set explicitly on every run.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from ...document.model import Align, Paragraph, Run, Table, VAlign
from ...thai.linebreak import WORD_JOINER

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = f'xmlns:w="{W_NS}"'
FONT = "TH Sarabun New"
TWIPS_PER_MM = 1440 / 25.4

# XML 1.0 cannot hold these; a clerk's text never means them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# LibreOffice sets a gap about a space wide where Latin letters or digits meet Thai inside
# a run ("e ๘" for the question code e๘, "การ 8"); a word joiner there (invisible, and no
# line break) closes it, and Word shows nothing of it either.
_SCRIPT_CHANGE = re.compile(
    "(?<=[A-Za-z0-9])(?=[\u0e01-\u0e5b])|(?<=[\u0e01-\u0e5b])(?=[A-Za-z0-9])")
JC = {Align.LEFT: "left", Align.CENTER: "center", Align.RIGHT: "right",
       Align.JUSTIFY: "both"}


def twips(mm: float) -> int:
    return round(mm * TWIPS_PER_MM)


def strip_not_xml(value: str) -> str:
    return _NOT_XML.sub("", value)


def text(value: str) -> str:
    return escape(_SCRIPT_CHANGE.sub(WORD_JOINER, strip_not_xml(value)))


def rpr(size_pt: float, bold: bool = False, underline: bool = False) -> str:
    """Run properties: the font and size twice, once for Latin and once for Thai (cs)."""
    half_points = round(size_pt * 2)
    return (
        "<w:rPr>"
        f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
        + ("<w:b/><w:bCs/>" if bold else "")
        + f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'
        + ('<w:u w:val="single"/>' if underline else "")
        + '<w:lang w:val="th-TH" w:eastAsia="th-TH" w:bidi="th-TH"/>'
        "</w:rPr>"
    )


def run(r: Run, size_pt: float) -> str:
    props = rpr(size_pt, r.bold, r.underline)
    if r.dotted_fill:
        return f"<w:r>{props}<w:tab/></w:r>"
    if not r.text:
        return ""
    return f'<w:r>{props}<w:t xml:space="preserve">{text(r.text)}</w:t></w:r>'


def ppr(p: Paragraph, line_width_mm: float | None = None, section: str = "") -> str:
    parts = ["<w:pPr>"]
    if p.keep_with_next:
        parts.append("<w:keepNext/>")
    if line_width_mm is not None and any(r.dotted_fill for r in p.runs):
        parts.append(f'<w:tabs><w:tab w:val="right" w:leader="dot" '
                     f'w:pos="{twips(line_width_mm)}"/></w:tabs>')
    parts.append(f'<w:spacing w:before="{round(p.space_before_pt * 20)}" '
                 f'w:after="{round(p.space_after_pt * 20)}" w:line="240" w:lineRule="auto"/>')
    left = p.left_mm + p.hanging_mm
    if left or p.hanging_mm or p.first_line_mm:
        ind = f'<w:ind w:left="{twips(left)}"'
        if p.hanging_mm:
            ind += f' w:hanging="{twips(p.hanging_mm)}"'
        elif p.first_line_mm > 0:
            ind += f' w:firstLine="{twips(p.first_line_mm)}"'
        elif p.first_line_mm < 0:
            ind += f' w:hanging="{twips(-p.first_line_mm)}"'
        parts.append(ind + "/>")
    parts.append(f'<w:jc w:val="{JC[p.align]}"/>')
    parts.append(rpr(p.size_pt, any(r.bold for r in p.runs)))  # the paragraph mark too
    parts.append(section)
    parts.append("</w:pPr>")
    return "".join(parts)


def paragraph(p: Paragraph, line_width_mm: float | None = None, section: str = "") -> str:
    runs = "".join(run(r, p.size_pt) for r in p.runs)
    return f"<w:p {NSDECL}>{ppr(p, line_width_mm, section)}{runs}</w:p>"


def _cell(paragraphs: tuple[Paragraph, ...], width: int, span: int = 1,
          fill: str | None = None, valign: VAlign = VAlign.TOP) -> str:
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if fill:
        props += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
    if valign is not VAlign.TOP:
        props += f'<w:vAlign w:val="{valign}"/>'
    body = "".join(
        f"<w:p>{ppr(p)}{''.join(run(r, p.size_pt) for r in p.runs)}</w:p>" for p in paragraphs
    ) or "<w:p/>"
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{body}</w:tc>"


def table(t: Table, whole: list[bool] | None = None) -> str:
    """The table; `whole`, per body row, whether it is kept from breaking across pages."""
    widths = [twips(w) for w in t.widths_mm]
    # w:sz counts eighths of a point
    border = (f'w:val="single" w:sz="{round(t.border.width_pt * 8)}" w:space="0" '
              f'w:color="{t.border.color}"')
    pad = t.padding
    out = [
        f"<w:tbl {NSDECL}><w:tblPr>"
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        f"<w:tblBorders><w:top {border}/><w:left {border}/><w:bottom {border}/>"
        f"<w:right {border}/><w:insideH {border}/><w:insideV {border}/></w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:top w:w="{twips(pad.top_mm)}" w:type="dxa"/>'
        f'<w:left w:w="{twips(pad.left_mm)}" w:type="dxa"/>'
        f'<w:bottom w:w="{twips(pad.bottom_mm)}" w:type="dxa"/>'
        f'<w:right w:w="{twips(pad.right_mm)}" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
        'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
        "</w:tblPr><w:tblGrid>"
    ]
    out.extend(f'<w:gridCol w:w="{w}"/>' for w in widths)
    out.append("</w:tblGrid>")
    # The header row repeats on every page. A row that fits on a page does not break
    # across pages (an official document's row goes whole to the next page, as in our
    # PDF); one taller than a page may split: Word and LibreOffice would cut it off.
    out.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
    out.extend(_cell(c.paragraphs, w, fill=t.header_fill, valign=t.header_valign)
               for c, w in zip(t.header.cells, widths, strict=True))
    out.append("</w:tr>")
    for index, row in enumerate(t.rows):
        keep = whole is None or whole[index]
        out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>" if keep else "<w:tr>")
        if row.spans_all:
            out.append(_cell(row.cells[0].paragraphs, sum(widths), span=len(widths),
                             valign=t.body_valign))
        else:
            out.extend(_cell(c.paragraphs, w, valign=t.body_valign)
                       for c, w in zip(row.cells, widths, strict=True))
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)
