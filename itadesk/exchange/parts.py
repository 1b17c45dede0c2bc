"""The parts of a report around its measures, read from lines of text: the title block
(title lines, fiscal year, reporting period, municipality, อำเภอ/จังหวัด, จัดทำโดย), a cover
page, the opening and closing paragraphs, the signature blocks and the memo
(บันทึกข้อความ). Word and PDF files give the same lines, so both read them here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..domain import Signer
from ..thai.dates import parse_be_year
from ..thai.digits import to_arabic_digits

_YEAR = re.compile(r"(?:ประจำ)?ปีงบประมาณ\s*(?:พ\.\s*ศ\.)?\s*([๐-๙0-9]{4})")
_PERIOD = re.compile(r"^\s*รอบ\s*\S")
_PREPARED = re.compile(r"^\s*จัดทำโดย\s*(.*)$")
UNIT = re.compile(r"(?:เทศบาล(?:นคร|เมือง|ตำบล)|องค์การบริหารส่วน(?:ตำบล|จังหวัด)|อบต\.|อบจ\.)")
_DISTRICT = re.compile(r"(?:อำเภอ|อ\.)\s*([^\s]+)")
_PROVINCE = re.compile(r"(?:จังหวัด|จ\.)\s*([^\s]+)")
SIGN = re.compile(r"^\s*\(?\s*ลงชื่อ\s*\)?")
_NAME = re.compile(r"^\s*\(\s*([^()]{2,80}?)\s*\)\s*$")
_PAGE_NUMBER = re.compile(r"^\s*[-–]\s*[๐-๙0-9]{1,4}\s*[-–]\s*$")  # "- ๒ -"
_DOTS = re.compile(r"^[.…_\s]*")


def is_noise(line: str) -> bool:
    """A page number ("- ๒ -") or an empty line: nothing a clerk typed for the report."""
    return not line.strip() or bool(_PAGE_NUMBER.match(line))


def is_signature_start(line: str) -> bool:
    return bool(SIGN.match(line)) or is_name_line(line)


def is_name_line(line: str) -> bool:
    match = _NAME.match(line)
    return bool(match) and " " in match.group(1).strip() and not re.search(
        r"[0-9๐-๙]", match.group(1))


@dataclass
class Heading:
    """What the lines above the measures say."""

    title: str = ""
    fiscal_year: int | None = None
    period: str = ""
    municipality: str = ""
    district: str = ""
    province: str = ""
    prepared_by: str = ""
    opening: str = ""
    found: list[str] = field(default_factory=list)  # the Thai names of the parts read


def _join(a: str, b: str) -> str:
    """Two title lines as one (Thai joins words without a space)."""
    if not a or not b:
        return a or b
    thai = re.compile(r"[\u0e00-\u0e7f]")
    return a + b if thai.match(a[-1:]) and thai.match(b[:1]) else f"{a} {b}"


def read_place(text: str, heading: Heading) -> None:
    unit = UNIT.search(text)
    cut = re.search(r"\s*(?:อำเภอ|อ\.\s|เขต|จังหวัด|จ\.\s)", text)
    if unit and not heading.municipality:
        end = cut.start() if cut and cut.start() > unit.start() else len(text)
        heading.municipality = text[unit.start():end].strip()
    district = _DISTRICT.search(text)
    if district and not heading.district:
        heading.district = district.group(1)
    province = _PROVINCE.search(text)
    if province and not heading.province:
        heading.province = province.group(1)


def _is_place(line: str, heading: Heading) -> bool:
    """ "เทศบาลตำบลบ่อปลาทอง อำเภอปรางค์กู่ จังหวัดนครราชสีมา", not an opening that starts
    with the municipality's name."""
    if len(line) > 100 or len(line.split()) > 6:
        return False
    if re.match(r"^(?:อำเภอ|จังหวัด|เขต)", line):
        return not (heading.district and heading.province)
    return bool(UNIT.match(line)) and not heading.municipality


def read_heading(lines: list[str], *, cover: bool = False) -> Heading:
    """Title block (or cover page) lines: whatever follows them is the opening."""
    heading = Heading()
    title = ""
    rest: list[str] = []
    for index, raw in enumerate(lines):
        line = raw.strip()
        if is_noise(line):
            continue
        year = _YEAR.search(line)
        if year and heading.fiscal_year is None and len(line) < 200:
            heading.fiscal_year = parse_be_year(to_arabic_digits(year.group(1)))
            title = _join(title, line[:year.start()].strip())
            after = line[year.end():].strip()
            if after:
                read_place(after, heading)
            continue
        if _PERIOD.match(line) and not heading.period:
            heading.period = line
            continue
        prepared = _PREPARED.match(line)
        if prepared:
            heading.prepared_by = prepared.group(1).strip()
            continue
        if _is_place(line, heading):
            read_place(line, heading)
            continue
        if heading.fiscal_year is None and not heading.municipality and len(line) < 200 and (
                title or re.match(r"^(?:รายงาน|แบบ|แผน|มาตรการ|การ)", line)):
            title = _join(title, line)
            continue
        rest = [x.strip() for x in lines[index:] if not is_noise(x)]
        break
    if title and not heading.municipality:
        read_place(title, heading)
    heading.title = title
    heading.opening = "\n".join(rest)
    names = [("title", "ชื่อรายงาน"), ("fiscal_year", "ปีงบประมาณ"), ("period", "รอบการรายงาน"),
             ("municipality", "หน่วยงาน"), ("district", "อำเภอ"), ("province", "จังหวัด"),
             ("prepared_by", "จัดทำโดย")]
    heading.found = [thai for name, thai in names if getattr(heading, name)]
    return heading


def read_signers(lines: list[str]) -> list[Signer]:
    """Signature blocks: "(ลงชื่อ)…… ผู้รายงาน", "(name)", then a position per line."""
    signers: list[Signer] = []
    name, role, positions = "", "", []
    started = False

    def close() -> None:
        if started and (name or role or positions):
            signers.append(Signer(name, tuple(positions), role))

    for raw in lines:
        line = raw.strip()
        if is_noise(line):
            continue
        if SIGN.match(line):
            close()
            started = True
            rest = SIGN.sub("", line, count=1)
            role = _DOTS.sub("", rest).strip()
            if re.search(r"[.…_]{3,}", role):  # "(ลงชื่อ) นายก …… ผู้รายงาน"
                role = re.split(r"[.…_]{3,}", role)[-1].strip()
            name, positions = "", []
            continue
        named = _NAME.match(line)
        if named and is_name_line(line) and (not started or not name):
            if not started:
                close()
                started, role, positions = True, "", []
            name = named.group(1).strip()
            continue
        if named and is_name_line(line):
            close()
            name, role, positions = named.group(1).strip(), "", []
            continue
        if started:
            positions.append(line)
    close()
    return signers


_MEMO_HEADINGS = {"เรื่องเดิม": "background", "ข้อเท็จจริง": "facts",
                  "ข้อพิจารณาและเสนอแนะ": "proposal", "ข้อพิจารณา": "proposal",
                  "ข้อเสนอแนะ": "proposal"}


def is_memo_title(line: str) -> bool:
    return re.sub(r"\s+", "", line) == "บันทึกข้อความ"


def read_memo(lines: list[str]) -> tuple[dict[str, Any], Signer | None]:
    """The memo form's fields (as report.options["memo_form"] holds them) and its signer."""
    memo: dict[str, Any] = {}
    body: dict[str, list[str]] = {}
    current = ""
    tail: list[str] = []
    for raw in lines:
        line = raw.strip().rstrip("\t .…").strip() if raw.strip().endswith("\t") else raw.strip()
        line = line.replace("\t", " ").strip()
        if is_noise(line) or is_memo_title(line):
            continue
        # the closing line, or the signer's name when the memo has no closing line
        if tail or line.startswith("จึงเรียนมา") or is_name_line(line):
            tail.append(line)
            continue
        match = re.match(r"^ส่วนราชการ\s*(.*)$", line)
        if match and "agency" not in memo:
            memo["agency"] = match.group(1).strip()
            continue
        match = re.match(r"^ที่\s*(.*?)\s*วันที่\s*(.*)$", line)
        if match and "number" not in memo:
            memo["number"], memo["date"] = match.group(1).strip(), match.group(2).strip()
            continue
        match = re.match(r"^เรื่อง\s*(.*)$", line)
        if match and "subject" not in memo:
            memo["subject"] = match.group(1).strip()
            continue
        match = re.match(r"^เรียน\s*(.*)$", line)
        if match and "to" not in memo:
            memo["to"] = match.group(1).strip()
            continue
        key = _MEMO_HEADINGS.get(re.sub(r"\s+", "", line))
        if key:
            current = key
            continue
        body.setdefault(current or "facts", []).append(line)
    for key, values in body.items():
        memo[key] = "\n".join(values)
    signer = None
    if tail:
        closing = tail[0].startswith("จึงเรียนมา")
        if closing:
            memo["closing"] = tail[0]
        signer, endorsements = _memo_signers(tail[1:] if closing else tail)
        if endorsements:
            memo["endorsements"] = endorsements
    return memo, signer


def _memo_signers(lines: list[str]) -> tuple[Signer | None, list[dict[str, Any]]]:
    """The memo's signer (name, positions), then endorsements (text, name, positions):
    after a name, lines are positions until one starts a new note ("เรียน …")."""
    groups: list[tuple[list[str], str, list[str]]] = []
    text: list[str] = []
    in_positions = False
    for line in lines:
        named = _NAME.match(line)
        if named and is_name_line(line):
            groups.append((text, named.group(1).strip(), []))
            text, in_positions = [], True
        elif in_positions and not line.startswith("เรียน"):
            groups[-1][2].append(line)
        else:
            in_positions = False
            text.append(line)
    signer = None
    if groups and not groups[0][0]:
        first = groups.pop(0)
        signer = Signer(first[1], tuple(first[2]))
    endorsements = [{"text": "\n".join(t), "name": n, "positions": p} for t, n, p in groups]
    if text:  # a note nobody signed yet
        endorsements.append({"text": "\n".join(text), "name": "", "positions": []})
    return signer, endorsements
