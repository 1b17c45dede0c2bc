"""The report's exchange file carried unseen inside our exports, for the import to read.

A printed report cannot say what was typed: with Thai digits chosen (the default) "ร้อยละ 85"
prints as "ร้อยละ ๘๕", and reading the file back gives Thai digits. So each .docx holds the
report's exchange file as a custom XML part (customXml/itemN.xml with its properties part:
Word keeps such parts when it saves the file again, LibreOffice too, and neither shows
them), and each PDF holds it as an embedded file (an attachment, as PDF/A-3 has them; the
signature's incremental update leaves it as it is). Each also says whether the export turned
Arabic digits into Thai ones, which the import needs to tell an unchanged field from one
edited afterwards (exchange/carried.py).
"""

from __future__ import annotations

import json
import re
import uuid
from typing import Any
from xml.sax.saxutils import quoteattr

NAMESPACE = "urn:itadesk:exchange"
ROOT = "report"  # <report xmlns="urn:itadesk:exchange" thai-digits="1">JSON</report>
THAI_ATTRIBUTE = "thai-digits"
RT_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
RT_CUSTOM_PROPS = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps")
CT_CUSTOM_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
DS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
# One item of the data store per file; a fixed id keeps files reproducible.
ITEM_ID = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, NAMESPACE)).upper() + "}"
PDF_FILE = "itadesk-report.json"  # the attachment's name
PDF_THAI_KEY = "ITADeskThaiDigits"  # in its file specification, true or false
PDF_DESCRIPTION = "ข้อมูลรายงานของ ITA Desk (ใช้เมื่อนำเข้าไฟล์นี้กลับเข้าโปรแกรม)"


# What json.dumps leaves as it is but neither UTF-8 (a lone surrogate) nor XML (U+FFFE,
# U+FFFF) can hold; JSON's \u escapes keep them (it escapes the control characters itself).
_NOT_PORTABLE = re.compile("[\ud800-\udfff\ufffe\uffff]")


def json_text(data: dict[str, Any]) -> str:
    """An exchange file's JSON for carrying: Thai as Thai (half the bytes of escapes, and
    quicker to read back), compact, fit for UTF-8 and for XML's text."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return _NOT_PORTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def docx_item(carried: str, thai_digits: bool) -> bytes:
    """The custom XML part."""
    text = carried.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<{ROOT} xmlns={quoteattr(NAMESPACE)} {THAI_ATTRIBUTE}="{int(thai_digits)}">'
            f"{text}</{ROOT}>").encode()


def docx_props() -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
            f'<ds:datastoreItem ds:itemID="{ITEM_ID}" xmlns:ds="{DS_NS}"><ds:schemaRefs>'
            f'<ds:schemaRef ds:uri="{NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>'
            ).encode("ascii")


def add_to_docx(doc: Any, carried: str, thai_digits: bool) -> None:
    """`doc` (python-docx) gets the part, related from the main document as Word does."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    package = doc.part.package
    # python-docx's own template has an item already (Word's bibliography sources)
    name = package.next_partname("/customXml/item%d.xml")
    item = Part(name, "application/xml", docx_item(carried, thai_digits), package)
    props = Part(PackURI(name.replace("/item", "/itemProps")), CT_CUSTOM_PROPS,
                 docx_props(), package)
    item.relate_to(props, RT_CUSTOM_PROPS)
    doc.part.relate_to(item, RT_CUSTOM_XML)


def add_to_pdf(canvas: Any, carried: str, thai_digits: bool) -> None:
    """The canvas's document gets the attachment, named in the catalogue's name tree."""
    from reportlab.pdfbase.pdfdoc import (
        PDFArray,
        PDFDictionary,
        PDFName,
        PDFStream,
        PDFString,
        PDFZCompress,
    )

    doc = canvas._doc  # ReportLab has no public call for attachments
    data = carried.encode()
    stream = PDFStream(PDFDictionary({"Type": PDFName("EmbeddedFile"),
                                      # PDFName leaves the slash, which ends a name
                                      "Subtype": "/application#2Fjson",
                                      "Params": PDFDictionary({"Size": len(data)})}),
                       data, filters=[PDFZCompress])
    spec = PDFDictionary({
        "Type": PDFName("Filespec"), "F": PDFString(PDF_FILE), "UF": PDFString(PDF_FILE),
        "Desc": PDFString(PDF_DESCRIPTION), "AFRelationship": PDFName("Data"),
        "EF": PDFDictionary({"F": doc.Reference(stream)}),
        PDF_THAI_KEY: "true" if thai_digits else "false"})
    files = PDFDictionary({"Names": PDFArray([PDFString(PDF_FILE), doc.Reference(spec)])})
    doc.Catalog.Names = PDFDictionary({"EmbeddedFiles": files})
