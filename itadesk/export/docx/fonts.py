"""Embedding TH Sarabun New in the .docx, as Word does (ECMA-376 obfuscated fonts).

Each face becomes /word/fonts/fontN.odttf: the TrueType file with its first 32 bytes
XOR-ed with a key made from a GUID, referenced from fontTable.xml with that GUID as
w:fontKey, and settings.xml says w:embedTrueTypeFonts. The GUID is derived from the
font file's hash (the obfuscation hides nothing: the key is in the file), so the same
report gives the same bytes. Word and LibreOffice read it;
recipients without the font then see the report as it was written.
"""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml import parse_xml

from ...paths import font_dir
from .ooxml import FONT, W_NS

RT_FONT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
CT_OBFUSCATED = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
FACES = (
    ("embedRegular", "THSarabunNew-Regular.ttf"),
    ("embedBold", "THSarabunNew-Bold.ttf"),
)  # nothing in a report is italic: Word draws a slanted face itself if a clerk asks
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# name-based GUIDs (RFC 4122 version 5) for the font keys, from the font's SHA-256
_FONT_KEYS = uuid.UUID("6f0e2d4c-1b3a-4e59-8c7d-2a1f0e9d8c7b")


def font_key(data: bytes) -> uuid.UUID:
    return uuid.uuid5(_FONT_KEYS, hashlib.sha256(data).hexdigest())


def obfuscate(data: bytes, guid: uuid.UUID) -> bytes:
    """XOR the first 32 bytes with the GUID's 16 bytes taken in reverse order, twice."""
    key = bytes.fromhex(guid.hex)[::-1]
    head = bytes(b ^ key[i % 16] for i, b in enumerate(data[:32]))
    return head + data[32:]


def deobfuscate(data: bytes, font_key: str) -> bytes:
    return obfuscate(data, uuid.UUID(font_key.strip("{}")))


def embed_fonts(document: DocxDocument, faces: tuple[tuple[str, str], ...] = FACES) -> None:
    font_table = _editable_font_table(document)
    root = font_table.element
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
        data = path.read_bytes()
        guid = font_key(data)
        part = Part(PackURI(f"/word/fonts/font{index}.odttf"), CT_OBFUSCATED,
                    obfuscate(data, guid), font_table.package)
        rid = font_table.relate_to(part, RT_FONT)
        font_el.append(parse_xml(
            f'<w:{tag} xmlns:w="{W_NS}" xmlns:r="{R_NS}" r:id="{rid}" '
            f'w:fontKey="{{{str(guid).upper()}}}"/>'))
    root.append(font_el)
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


def _editable_font_table(document: DocxDocument) -> XmlPart:
    """fontTable.xml as an XML part, put in place of python-docx's plain (bytes-only) one."""
    main = document.part
    old = main.part_related_by(RT.FONT_TABLE)
    if isinstance(old, XmlPart):
        return old
    [rid] = [rid for rid, rel in main.rels.items() if rel.reltype == RT.FONT_TABLE]
    main.drop_rel(rid)
    font_table = XmlPart.load(old.partname, old.content_type, old.blob, old.package)
    main.relate_to(font_table, RT.FONT_TABLE)
    return font_table
