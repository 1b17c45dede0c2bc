"""The evidence pack of one report (ไฟล์ → ชุดเอกสารหลักฐาน…, `itadesk pack`): for the OIT
item it answers, the report as PDF and .docx, the memo to the executive, the
publication-request form, all named by item and year (O26-รายงานผล-๒๕๖๙.pdf), each
written whole or not at all, and a short Thai list of what is in the folder."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..document import Document, ExportOptions, build_document
from ..document.evidence import FORM_TITLE, form_document, memo_document, pack_memo
from ..domain import Layout, Report
from ..domain.oit import OitItem, OitYear, item_of, report_item_code, shipped_year
from ..domain.publication import publication_of
from ..thai.digits import to_thai_digits
from .errors import ExportError
from .files import write_atomically
from .writers import FORMATS, WRITERS

LIST_NAME = "รายการเอกสาร.txt"
# What the report is the evidence of, in its file's name.
KIND_WORDS = {"results": "รายงานผล", "measures": "มาตรการ", "analysis": "ผลการวิเคราะห์"}
Sign = Callable[[bytes], bytes]  # a signed copy of a PDF's bytes (export/signing.py)


class NoItem(ExportError):
    """The report names no OIT item the pack could be named by."""


@dataclass(frozen=True)
class PackFile:
    path: Path
    what: str  # Thai, for the list


def pack_item(report: Report, year: OitYear | None = None) -> OitItem:
    """The item the pack is for; NoItem (in Thai) when neither the report nor the year's
    catalogue says one."""
    year = year or shipped_year(report.fiscal_year)
    item = item_of(report, year)
    code = report_item_code(report.options)
    if item is None and code:  # named by the clerk in a year the program does not know
        item = OitItem(code, ("results",), report.title.strip() or "รายงานผลการดำเนินการ", ())
    if item is None:
        fy = to_thai_digits(str(report.fiscal_year))
        raise NoItem(f"ยังไม่ทราบว่ารายงานนี้เป็นหลักฐานของข้อ OIT ใดในปี {fy} "
                     "กรุณาเลือกข้อ OIT ของรายงานก่อน (หรือระบุ --item เช่น O26)",
                     english=f"No OIT item for this report in {report.fiscal_year}: "
                             "choose one (or give --item).")
    return item


def write_pack(report: Report, folder: Path, *, layout: Layout | None = None,
               year: OitYear | None = None, options: ExportOptions | None = None,
               sign: Sign | None = None) -> list[PackFile]:
    """Write the pack into `folder` (made if missing); the list of what was written,
    the list file last. `sign` signs each PDF before it is written."""
    item = pack_item(report, year)
    options = options or ExportOptions.from_report(report)
    publication = publication_of(report.options)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    fy = to_thai_digits(str(report.fiscal_year))
    kind = next((k for k in ("results", "measures", "analysis") if k in item.serves), "results")

    def name(word: str, fmt: str) -> Path:
        return folder / f"{item.code}-{word}-{fy}.{fmt}"

    report_names = [name(KIND_WORDS[kind], fmt).name for fmt in FORMATS]
    form_names = [name("แบบขออนุมัติเผยแพร่", fmt).name for fmt in FORMATS]
    memo = pack_memo(report, item, publication,
                     [f"{report.title.strip()} ({' และ '.join(report_names)})",
                      f"{FORM_TITLE} ({' และ '.join(form_names)})"])
    documents: list[tuple[str, str, Document]] = [
        (KIND_WORDS[kind], f"{report.title.strip()} (ข้อ {item.code})",
         build_document(report, options, layout)),
        ("บันทึกข้อความ", "บันทึกข้อความเสนอผู้บริหารเพื่อทราบและอนุมัติให้เผยแพร่",
         memo_document(report, item, memo, options)),
        ("แบบขออนุมัติเผยแพร่", FORM_TITLE, form_document(report, item, publication, options)),
    ]
    written: list[PackFile] = []
    for word, what, document in documents:
        for fmt in FORMATS:
            data = WRITERS[fmt].render(document, options, None)
            if fmt == "pdf" and sign is not None:
                data = sign(data)
            path = name(word, fmt)
            write_atomically(path, lambda fh, data=data: fh.write(data))
            written.append(PackFile(path, f"{what} ({WRITERS[fmt].name})"))
    listing = folder / LIST_NAME
    text = "\n".join(_list_lines(report, item, publication.link, written, sign is not None))
    write_atomically(listing, lambda fh: fh.write((text + "\n").encode("utf-8")))
    written.append(PackFile(listing, "รายการเอกสารในโฟลเดอร์นี้"))
    return written


def _list_lines(report: Report, item: OitItem, link: str, files: list[PackFile],
                signed: bool) -> list[str]:
    fy = to_thai_digits(str(report.fiscal_year))
    out = [f"ชุดเอกสารหลักฐาน ข้อ {item.code} {item.title}",
           f"{report.municipality.strip()} ปีงบประมาณ พ.ศ. {fy}", ""]
    out += [f"{to_thai_digits(str(n))}. {f.path.name}: {f.what}" for n, f in enumerate(files, 1)]
    out.append("")
    out.append(f"ลิงก์ที่เผยแพร่: {link}" if link else
               "ยังไม่ได้กรอกลิงก์ที่เผยแพร่ (กรอกแล้วทำชุดเอกสารใหม่)")
    if signed:
        out.append("ไฟล์ PDF ทุกไฟล์ลงลายมือชื่อดิจิทัลด้วยใบรับรองของหน่วยงาน")
    return out
