"""The neutral document → a .docx that Word and LibreOffice show as the printed reports.

Thai needs the complex-script properties (w:cs, w:szCs, w:bCs, w:lang/@w:bidi) on every
run and in the defaults; python-docx sets only the Latin ones, so we set them all.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.section import _Header
from docx.shared import Mm

from ...document.build import ExportOptions
from ...document.model import (
    Document,
    Image,
    PageNumbers,
    PageSetup,
    Paragraph,
    Table,
)
from ..carried import add_to_docx
from ..files import write_atomically
from ..pdf.tables import rows_fitting_a_page
from . import ooxml
from .fonts import embed_fonts
from .ooxml import FONT, NSDECL, W_NS

# The share of a page (under the table's header) a row may take, as our PDF measures it,
# and still be kept from breaking in the Word file: LibreOffice's lines of our rows come
# out as tall as ours, Word's Thai line breaking may make a row a line or two taller.
WORD_SHARE = 0.85


def write_docx(document: Document, path: Path, *, embed: bool = True,
               progress: Callable[[float], None] | None = None) -> None:
    """Write the document to `path` (whole, or not at all)."""
    data = docx_bytes(document, embed=embed, progress=progress)
    write_atomically(Path(path), lambda fh: fh.write(data))


def render(document: Document, options: ExportOptions,
           progress: Callable[[float], None] | None = None) -> bytes:
    """The registry's entry (export/writers.py)."""
    return docx_bytes(document, embed=options.embed_fonts, progress=progress)


def docx_bytes(document: Document, *, embed: bool = True,
               progress: Callable[[float], None] | None = None) -> bytes:
    out = io.BytesIO()
    _build(document, embed, progress).save(out)
    when = source_date()
    return _stamped(out.getvalue(), when) if when else out.getvalue()


def source_date() -> dt.datetime | None:
    """SOURCE_DATE_EPOCH (reproducible builds), when set, as a naive UTC time."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC).replace(tzinfo=None) if epoch else None


def _stamped(data: bytes, when: dt.datetime) -> bytes:
    """The package with every member dated `when` (python-docx dates them now)."""
    stamp = max(when, dt.datetime(1980, 1, 1)).timetuple()[:6]  # zip counts from 1980
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for member in src.infolist():
            fixed = zipfile.ZipInfo(member.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = member.external_attr
            dst.writestr(fixed, src.read(member))
    return out.getvalue()


# ---------------------------------------------------------------------- build
def _build(document: Document, embed: bool,
           progress: Callable[[float], None] | None = None) -> DocxDocument:
    doc = docx.Document()
    _set_defaults(doc)
    _set_properties(doc, document)
    body = doc.element.body
    final_sectpr = body.get_or_add_sectPr()
    total = sum(len(s.blocks) for s in document.sections) or 1
    done = 0
    for index, section in enumerate(document.sections):
        last = index == len(document.sections) - 1
        for block in section.blocks:
            done += 1
            if progress:
                progress(0.05 + 0.8 * done / total)
            for element in _elements(doc, block, section.page):
                final_sectpr.addprevious(element)
        if last:
                _apply_page(final_sectpr, section.page, document.page_numbers)
        else:
            # A section ends with a paragraph that carries its properties.
            holder = parse_xml(f"<w:p {NSDECL}><w:pPr><w:sectPr/></w:pPr></w:p>")
            _apply_page(holder[0][0], section.page, document.page_numbers)
            final_sectpr.addprevious(holder)
    for section, word_section in zip(document.sections, doc.sections, strict=True):
        _headers(word_section, section.page, document)
    if embed:
        embed_fonts(doc)
    if document.carried:
        add_to_docx(doc, document.carried, document.thai_digits)
    return doc


def _elements(doc: DocxDocument, block: object, page: PageSetup) -> list:
    if isinstance(block, Paragraph):
        return [parse_xml(ooxml.paragraph(block, page.text_width_mm))]
    if isinstance(block, Table):
        # Measured as our PDF lays it out, with room to spare: Word and LibreOffice break
        # Thai lines and space them a little otherwise.
        whole = rows_fitting_a_page(block, page, share=WORD_SHARE)
        # Word wants a paragraph between two tables and after a table that ends a section;
        # it keeps with the next when the last row does (before the signatures), or the
        # chain from the row to them would break at it.
        keep = "<w:keepNext/>" if _last_row_kept(block) else ""
        return [parse_xml(ooxml.table(block, whole)),
                parse_xml(f'<w:p {NSDECL}><w:pPr>{keep}<w:spacing w:after="0"/>'
                          f"{ooxml.rpr(6)}</w:pPr></w:p>")]
    if isinstance(block, Image):
        paragraph = doc.add_paragraph()  # made by python-docx for the picture relationship
        paragraph.alignment = {"left": 0, "center": 1, "right": 2}.get(str(block.align), 0)
        paragraph.add_run().add_picture(block.path, height=Mm(block.height_mm))
        element = paragraph._p
        element.getparent().remove(element)
        return [element]
    raise TypeError(f"unknown block {block!r}")


def _last_row_kept(table: Table) -> bool:
    paragraphs = [p for cell in table.rows[-1].cells for p in cell.paragraphs] if (
        table.rows) else []
    return bool(paragraphs) and all(p.keep_with_next for p in paragraphs)


def _apply_page(sectpr, page: PageSetup, numbers: PageNumbers) -> None:
    w = f"{{{W_NS}}}"
    for child in list(sectpr):
        if child.tag in (f"{w}pgSz", f"{w}pgMar", f"{w}pgNumType", f"{w}titlePg", f"{w}cols",
                         f"{w}docGrid", f"{w}type"):
            sectpr.remove(child)
    width, height = ooxml.twips(page.page_width_mm), ooxml.twips(page.page_height_mm)
    orient = ' w:orient="landscape"' if page.landscape else ""
    fmt = "thaiNumbers"
    start = ' w:start="1"' if page.restart_numbering else ""
    xml = (
        f'<w:x {NSDECL}><w:type w:val="nextPage"/>'
        f'<w:pgSz w:w="{width}" w:h="{height}"{orient}/>'
        f'<w:pgMar w:top="{ooxml.twips(page.top_mm)}" w:right="{ooxml.twips(page.right_mm)}" '
        f'w:bottom="{ooxml.twips(page.bottom_mm)}" w:left="{ooxml.twips(page.left_mm)}" '
        f'w:header="{ooxml.twips(numbers.edge_mm)}" w:footer="{ooxml.twips(numbers.edge_mm)}" '
        'w:gutter="0"/>'
        f'<w:pgNumType w:fmt="{fmt}"{start}/>'
        '<w:cols w:space="720"/>'
        + ("<w:titlePg/>" if page.first_page_unnumbered else "")
        + '<w:docGrid w:linePitch="360"/></w:x>'
    )
    # headerReference/footerReference (added later by python-docx) go first; these follow.
    for child in parse_xml(xml):
        sectpr.append(child)


def _headers(word_section, page: PageSetup, document: Document) -> None:
    """Page numbers where the document says ("- ๒ -" top centre), in the header or the
    footer; an empty first-page one under titlePg."""
    numbers = document.page_numbers
    header = word_section.header if numbers.at_top else word_section.footer
    header.is_linked_to_previous = False
    _clear(header, keep_empty=not page.page_numbers)
    if page.page_numbers:
        before, _, after = (ooxml.text(part) for part in numbers.format.partition("{}"))
        # Word shows the PAGE field in Thai digits through w:pgNumType w:fmt="thaiNumbers".
        # LibreOffice (7.4, and its sources since) cannot be told so by the file: its import
        # maps fmt values through ConvertNumberingType (thaiNumbers, thaiCounting: Arabic;
        # thaiLetters: ก ข ค) and the field's switches \* ThaiArabic, ThaiCardText and
        # ThaiLetter all to letters; nor do w:cs, w:rtl or a Thai language on the field's runs
        # change its digits. It shows Thai ones only with the reader's own setting (Tools >
        # Options > Language Settings > Complex Text Layout > Numerals: Context).
        props = ooxml.rpr(numbers.size_pt)
        field = (
            f'<w:p {NSDECL}><w:pPr><w:jc w:val="{ooxml.JC[numbers.align]}"/>{props}</w:pPr>'
            f'<w:r>{props}<w:t xml:space="preserve">{before}</w:t></w:r>'
            f'<w:r>{props}<w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r>{props}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            f'<w:r>{props}<w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r>{props}<w:t>{"๑" if document.thai_digits else "1"}</w:t></w:r>'
            f'<w:r>{props}<w:fldChar w:fldCharType="end"/></w:r>'
            f'<w:r>{props}<w:t xml:space="preserve">{after}</w:t></w:r></w:p>'
        )
        header._element.append(parse_xml(field))
    if page.first_page_unnumbered:
        first = word_section.first_page_header if numbers.at_top else (
            word_section.first_page_footer)
        first.is_linked_to_previous = False
        _clear(first)
    if not document.thai_digits:
        sectpr = word_section._sectPr
        number_type = sectpr.find(f"{{{W_NS}}}pgNumType")
        if number_type is not None:
            number_type.set(f"{{{W_NS}}}fmt", "decimal")


def _clear(header: _Header, keep_empty: bool = True) -> None:
    element = header._element
    for child in list(element):
        element.remove(child)
    if keep_empty:
        element.append(parse_xml(f"<w:p {NSDECL}/>"))  # a header holds at least one paragraph


def _set_defaults(doc: DocxDocument) -> None:
    """TH Sarabun New 16 pt for Latin and Thai alike, Thai language, single spacing."""
    styles = doc.styles.element
    w = f"{{{W_NS}}}"
    defaults = styles.find(f"{w}docDefaults")
    rpr_default = defaults.find(f"{w}rPrDefault")
    rpr_default.remove(rpr_default[0])
    rpr_default.append(parse_xml(ooxml.rpr(16).replace("<w:rPr>", f"<w:rPr {NSDECL}>", 1)))
    ppr_default = defaults.find(f"{w}pPrDefault")
    ppr_default.remove(ppr_default[0])
    ppr_default.append(parse_xml(
        f'<w:pPr {NSDECL}><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'))
    # No style may bring back a theme font or another complex-script language.
    for fonts in styles.iter(f"{w}rFonts"):
        for attr in list(fonts.attrib):
            if attr.endswith("Theme") or attr.endswith("theme"):
                del fonts.attrib[attr]
        for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
            fonts.set(f"{w}{attr}", FONT)
    for lang in styles.iter(f"{w}lang"):
        lang.set(f"{w}bidi", "th-TH")
    for size in styles.iter(f"{w}sz"):
        parent = size.getparent()
        if parent.find(f"{w}szCs") is None:
            size.addnext(parse_xml(f'<w:szCs {NSDECL} w:val="{size.get(f"{w}val")}"/>'))


def _set_properties(doc: DocxDocument, document: Document) -> None:
    props = doc.core_properties

    def plain(value: str) -> str:
        # Properties hold at most 255 characters, and none that XML forbids.
        return ooxml.strip_not_xml(value)[:255]

    props.title = plain(document.title)
    props.author = plain(document.metadata.get("municipality", "")) or "ITA Desk"
    props.comments = "ITA Desk"
    # Reproducible files: SOURCE_DATE_EPOCH, when set, fixes the stamps.
    when = source_date() or dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    props.created = when
    props.modified = when
    props.last_modified_by = "ITA Desk"
    props.revision = 1
