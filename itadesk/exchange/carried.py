"""The exchange file our .docx and .pdf carry (export/carried.py), read back on import.

The visible document always decides what the report holds: its measures, and each field's
text. The carried copy only says how a field was typed where the visible text is what the
export made of it: a field whose visible text equals the carried text after the export's
digit conversion (spaces and line breaks aside, which a reader keeps otherwise) is taken
as typed, so "ร้อยละ 85" printed as "ร้อยละ ๘๕" comes back with its Arabic digits. A field edited
in Word afterwards differs, and stays as it is seen; measures added or removed in Word are
matched as a sequence, so the others still find their own. A copy that is missing, damaged
or hostile is a note in the summary, and the import goes on from the visible text.
"""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from ..domain import Report
from ..export.carried import NAMESPACE, PDF_FILE, PDF_THAI_KEY, ROOT, THAI_ATTRIBUTE
from ..thai.digits import THAI_DIGITS, to_thai_digits
from .checking import FORMAT, MAX_BYTES, ExchangeError, parse
from .jsonfile import exchange_from_dict
from .summary import ImportSummary

ITEM = re.compile(r"customXml/item\d+\.xml")
MAX_ITEMS = 50  # a Word file's custom XML parts worth looking into
MAX_NAMES = 1000  # entries of a PDF's attachment name tree walked
MAX_DEPTH = 8  # of that tree
# Fields the visible document does not show, or that are not text: the visible ones stay.
KEEP = frozenset({"id", "kind", "options", "origin", "created", "updated", "fiscal_year"})
RESTORED = "คืนตัวเลขตามที่พิมพ์ไว้จากสำเนาข้อมูลที่ ITA Desk แนบไว้ในไฟล์ ({} ช่อง)"
THAI_ONLY = "ตัวเลขในไฟล์เป็นเลขไทย อาจไม่ตรงกับที่พิมพ์ไว้"
IGNORED = "สำเนาข้อมูลที่แนบในไฟล์ใช้ไม่ได้ จึงนำเข้าตามข้อความที่เห็นในไฟล์ สาเหตุ: {}"


@dataclass(frozen=True)
class Carried:
    """The copy a file carries, parsed (bounded) and not yet checked against the schema:
    that is done when the copy is used, which a big report's import may not need."""

    data: Any  # None where the export printed the digits as typed: nothing to read
    thai_digits: bool  # the export turned Arabic digits into Thai ones


class CarriedProblem(Exception):
    """The carried copy is there but cannot be used; the message is Thai, for the note."""


# ------------------------------------------------------------------ reading
def docx_reader(archive: Any) -> Callable[[], Carried | None]:
    """What reads the copy in an open, checked Word package, once the package is closed;
    a damaged part fails then, as a note, and not the import."""
    try:
        item = _docx_item(archive)
    except (zlib.error, zipfile.BadZipFile, EOFError, OSError) as exc:
        problem = CarriedProblem("ข้อมูลที่บีบอัดไว้เสียหาย")
        problem.__cause__ = exc

        def failed() -> Carried | None:
            raise problem
        return failed
    return lambda: None if item is None else from_docx_item(item)


def _docx_item(archive: Any) -> bytes | None:
    """Our custom XML part (Word may renumber the parts when it saves, so each item is
    looked into)."""
    items = [info for info in archive.infolist() if ITEM.fullmatch(info.filename)]
    for info in items[:MAX_ITEMS]:
        if info.file_size > MAX_BYTES * 2:  # JSON's escapes make Thai six bytes
            continue
        with archive.open(info) as fh:
            head = fh.read(512)
        if NAMESPACE.encode() in head:
            return archive.read(info)
    return None


def from_docx_item(item: bytes) -> Carried:
    from lxml import etree

    if b"<!DOCTYPE" in item or b"<!ENTITY" in item:
        raise CarriedProblem("มีโครงสร้างที่ไม่ปลอดภัย")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=True)
    try:
        root = etree.fromstring(item, parser)
    except etree.LxmlError as exc:
        raise CarriedProblem("ไม่ใช่ XML ที่อ่านได้") from exc
    if root.tag != f"{{{NAMESPACE}}}{ROOT}":
        raise CarriedProblem("ไม่ใช่ข้อมูลรายงานของ ITA Desk")
    return _carried((root.text or "").encode("utf-8"), root.get(THAI_ATTRIBUTE) == "1")


def from_pdf(data: bytes) -> Carried | None:
    """The PDF's attachment of that name, if any."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1
    from pdfminer.psexceptions import PSException

    try:
        catalog = PDFDocument(PDFParser(io.BytesIO(data))).catalog
        names = resolve1(catalog.get("Names"))
        tree = resolve1(names.get("EmbeddedFiles")) if isinstance(names, dict) else None
        spec = _find_name(tree, PDF_FILE.encode(), MAX_DEPTH, [MAX_NAMES])
        if spec is None:
            return None
        files = resolve1(spec.get("EF"))
        stream = resolve1(files.get("F")) if isinstance(files, dict) else None
        if stream is None or not hasattr(stream, "get_rawdata"):
            raise CarriedProblem("ไม่มีข้อมูลในไฟล์แนบ")
        filters = [str(getattr(f, "name", f)) for f, _ in stream.get_filters()]
        raw = stream.get_rawdata() or b""
        thai = resolve1(spec.get(PDF_THAI_KEY)) is True
    except (PSException, ValueError, TypeError, KeyError, AttributeError, IndexError,
            RecursionError, AssertionError) as exc:
        # pdfminer meets a broken file with whatever its parser was doing (pdffile.py)
        raise CarriedProblem("โครงสร้าง PDF ของไฟล์แนบเสียหาย") from exc
    if filters == ["FlateDecode"]:
        inflate = zlib.decompressobj()
        try:
            raw = inflate.decompress(raw, MAX_BYTES + 1)
        except zlib.error as exc:
            raise CarriedProblem("ข้อมูลที่บีบอัดไว้เสียหาย") from exc
    elif filters:
        raise CarriedProblem("บีบอัดด้วยวิธีที่โปรแกรมไม่รู้จัก")
    return _carried(raw, thai)


def _find_name(tree: Any, wanted: bytes, depth: int, budget: list[int]) -> dict | None:
    """The value of `wanted` in a PDF name tree, bounded in depth and entries."""
    from pdfminer.pdftypes import resolve1

    if not isinstance(tree, dict) or depth < 0:
        return None
    pairs = resolve1(tree.get("Names"))
    if isinstance(pairs, list):
        for key, value in zip(pairs[::2], pairs[1::2], strict=False):
            budget[0] -= 1
            if budget[0] < 0:
                return None
            if resolve1(key) == wanted:
                found = resolve1(value)
                return found if isinstance(found, dict) else None
    kids = resolve1(tree.get("Kids"))
    for kid in kids if isinstance(kids, list) else ():
        budget[0] -= 1  # a hostile tree's nodes count too, not only its names
        if budget[0] < 0:
            return None
        found = _find_name(resolve1(kid), wanted, depth - 1, budget)
        if found is not None:
            return found
    return None


def _carried(data: bytes, thai: bool) -> Carried:
    if not thai:  # printed as typed: the visible text is the typed text
        return Carried(None, thai)
    try:
        return Carried(parse(data), thai)
    except ExchangeError as exc:
        raise CarriedProblem(exc.message) from exc


def _typed(carried: Carried, shown: list[str]) -> Report | None:
    """The report as typed, where it may say more than the visible texts with Thai digits
    (`shown`); None where it cannot."""
    if carried.data is None or not shown:
        return None
    data = carried.data
    if _plain(data):
        texts = _json_texts(data["report"])
        if not any(_converts(t) for t in texts) and _within(shown, texts):
            # No digit was turned Thai and every Thai digit shown is typed so: nothing to
            # restore, and checking a big copy (a second a thousand measures) is not needed.
            return None
    try:
        return exchange_from_dict(data).report
    except ExchangeError as exc:
        raise CarriedProblem(exc.message) from exc


def _within(shown: list[str], texts: list[str]) -> bool:
    """Each of `shown` is one of `texts`, as the reader keeps it (mostly it is exactly)."""
    exact = set(texts)
    missing = [t for t in shown if t not in exact]
    if not missing:
        return True
    kept = {_norm(t) for t in texts}
    return all(_norm(t) in kept for t in missing)


def _plain(data: Any) -> bool:
    """Shaped like an exchange file this program writes (a copy shaped otherwise goes to
    the schema, which names what is wrong)."""
    return isinstance(data, dict) and data.get("format") in range(1, FORMAT + 1) and (
        isinstance(data.get("report"), dict))


def _json_texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for item in value.values() for t in _json_texts(item)]
    if isinstance(value, list):
        return [t for item in value for t in _json_texts(item)]
    return []


_ARABIC = re.compile("[0-9]")
_THAI = re.compile(f"[{THAI_DIGITS}]")


def _converts(text: str) -> bool:
    return bool(_ARABIC.search(text)) and to_thai_digits(text) != text


def _to_thai(text: str) -> str:
    """to_thai_digits, quick where there is no Arabic digit (most texts)."""
    return to_thai_digits(text) if _ARABIC.search(text) else text


# ---------------------------------------------------------------- restoring
def apply(report: Report, summary: ImportSummary, read: Callable[[], Carried | None],
          ) -> Report:
    """The visible report with each unchanged field as typed, when the file carries its
    exchange file; the summary tells what came of it."""
    shown = [text for text in _texts(report) if _THAI.search(text)]
    try:
        carried = read()
        typed = None if carried is None else _typed(carried, shown)
    except CarriedProblem as exc:
        summary.notes.append(IGNORED.format(to_thai_digits(str(exc))))
        carried = typed = None
    if carried is None:  # no copy: the file cannot say how its digits were typed
        if shown:
            summary.notes.append(THAI_ONLY)
        return report
    if typed is None:
        return report
    merge = _Merge(carried.thai_digits)
    restored = merge.value(report, typed)
    if merge.restored:
        summary.notes.append(RESTORED.format(to_thai_digits(str(merge.restored))))
    return restored


def _norm(text: str) -> str:
    """A field's text without its spaces and line breaks: where the reader breaks lines
    and keeps spaces otherwise than typed (empty lines, runs of spaces, a PDF's line
    wrapped between two words or a space dropped between Thai words), the typed text is
    still recognised, and comes back with its own."""
    return "".join(text.split())


def _texts(value: Any) -> list[str]:
    """Every text in a report's fields, in order (the carried-over fields excepted)."""
    if isinstance(value, str):
        return [value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [t for f in dataclasses.fields(value) if f.name not in KEEP
                for t in _texts(getattr(value, f.name))]
    if isinstance(value, tuple):
        return [t for item in value for t in _texts(item)]
    return []


class _Merge:
    def __init__(self, thai_digits: bool) -> None:
        self.convert: Callable[[str], str] = _to_thai if thai_digits else str
        self.restored = 0

    def value(self, shown: Any, typed: Any) -> Any:
        if type(shown) is not type(typed):  # a memo only one of them has, say
            return shown
        if isinstance(shown, str):
            return self.text(shown, typed)
        if dataclasses.is_dataclass(shown) and not isinstance(shown, type):
            return dataclasses.replace(shown, **{
                f.name: self.value(getattr(shown, f.name), getattr(typed, f.name))
                for f in dataclasses.fields(shown) if f.init and f.name not in KEEP})
        if isinstance(shown, tuple):
            if all(isinstance(item, str) for item in (*shown, *typed)):
                # a signer's position lines: line by line, when as many
                return tuple(self.text(s, t) for s, t in zip(shown, typed, strict=True)) if (
                    len(shown) == len(typed)) else shown
            return self.sequence(shown, typed)
        return shown

    def text(self, shown: str, typed: str) -> str:
        if shown == typed or _norm(shown) != _norm(self.convert(typed)):
            return shown
        self.restored += 1
        return typed

    def sequence(self, shown: tuple, typed: tuple) -> tuple:
        """Measures (signers, scores) paired as a sequence: one added or removed in Word
        leaves the others paired with their own; one edited there pairs in its place."""
        seen = [tuple(_norm(t) for t in _texts(item)) for item in shown]
        made = [tuple(_norm(self.convert(t)) for t in _texts(item)) for item in typed]
        # The same start and end paired first: the matcher is slow on long runs of alike
        # measures, and what Word changed is mostly a few rows in between.
        start = 0
        while start < min(len(seen), len(made)) and seen[start] == made[start]:
            start += 1
        end = 0
        while end < min(len(seen), len(made)) - start and seen[-1 - end] == made[-1 - end]:
            end += 1
        pairs = [(i, i) for i in range(start)]
        pairs += [(len(seen) - 1 - k, len(made) - 1 - k) for k in range(end)]
        matcher = SequenceMatcher(None, seen[start:len(seen) - end],
                                  made[start:len(made) - end], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag in ("equal", "replace"):
                pairs += [(start + i, start + j) for i, j in
                          zip(range(i1, i2), range(j1, j2), strict=False)]
        out = list(shown)
        for i, j in pairs:
            out[i] = self.value(shown[i], typed[j])
        return tuple(out)
