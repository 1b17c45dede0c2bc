"""Embedding TH Sarabun New in the .docx, as Word does (ECMA-376 obfuscated fonts).

Each face becomes /word/fonts/fontN.odttf: the TrueType file with its first 32 bytes
XOR-ed with a key made from a fresh GUID, referenced from fontTable.xml with that GUID
as w:fontKey, and settings.xml says w:embedTrueTypeFonts. Word and LibreOffice read it;
recipients without the font then see the report as it was written.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from lxml import etree

from ...paths import font_dir
from .ooxml import FONT, W_NS

RT_FONT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
CT_OBFUSCATED = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
FACES = (
    ("embedRegular", "THSarabunNew-Regular.ttf"),
    ("embedBold", "THSarabunNew-Bold.ttf"),
    ("embedItalic", "THSarabunNew-Italic.ttf"),
    ("embedBoldItalic", "THSarabunNew-BoldItalic.ttf"),
)
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def obfuscate(data: bytes, guid: uuid.UUID) -> bytes:
    """XOR the first 32 bytes with the GUID's 16 bytes taken in reverse order, twice."""
    key = bytes.fromhex(guid.hex)[::-1]
    head = bytes(b ^ key[i % 16] for i, b in enumerate(data[:32]))
    return head + data[32:]


def deobfuscate(data: bytes, font_key: str) -> bytes:
    return obfuscate(data, uuid.UUID(font_key.strip("{}")))


def embed_fonts(document: DocxDocument, faces: tuple[tuple[str, str], ...] = FACES) -> None:
    package = document.part.package
    font_table = next(p for p in package.iter_parts()
                      if p.partname == "/word/fontTable.xml")
    root = parse_xml(font_table.blob)
    for font in root.findall(f"{{{W_NS}}}font"):
        if font.get(f"{{{W_NS}}}name") == FONT:
            root.remove(font)
    font_el = parse_xml(
        f'<w:font xmlns:w="{W_NS}" w:name="{FONT}"><w:panose1 w:val="020B0500040200020003"/>'
        '<w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/>'
        '<w:sig w:usb0="A100006F" w:usb1="5000205A" w:usb2="00000000" w:usb3="00000000" '
        'w:csb0="00010183" w:csb1="00000000"/></w:font>')
    for index, (tag, filename) in enumerate(faces, start=1):
        path: Path = font_dir() / filename
        guid = uuid.uuid4()
        part = Part(PackURI(f"/word/fonts/font{index}.odttf"), CT_OBFUSCATED,
                    obfuscate(path.read_bytes(), guid), package)
        rid = font_table.relate_to(part, RT_FONT)
        font_el.append(parse_xml(
            f'<w:{tag} xmlns:w="{W_NS}" xmlns:r="{R_NS}" r:id="{rid}" '
            f'w:fontKey="{{{str(guid).upper()}}}"/>'))
    root.append(font_el)
    # fontTable.xml is a plain Part in python-docx: its bytes are all there is to change.
    font_table._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                      standalone=True)
    settings = document.settings.element
    if settings.find(f"{{{W_NS}}}embedTrueTypeFonts") is None:
        element = parse_xml(f'<w:embedTrueTypeFonts xmlns:w="{W_NS}"/>')
        # Schema order: after zoom … printFormsData, before everything else we may meet.
        after = {"writeProtection", "view", "zoom", "removePersonalInformation",
                 "removeDateAndTime", "doNotDisplayPageBoundaries", "displayBackgroundShape",
                 "printPostScriptOverText", "printFractionalCharacterWidth", "printFormsData"}
        position = 0
        for i, child in enumerate(settings):
            if child.tag.split("}")[-1] in after:
                position = i + 1
        settings.insert(position, element)
