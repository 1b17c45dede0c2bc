"""The evidence pack's own documents, built from the report as neutral documents (so both
writers make them): the บันทึกข้อความ asking the executive to acknowledge the report and
approve its publication, and the publication-request form (แบบฟอร์มการขออนุมัติเผยแพร่
ข้อมูลผ่านเว็บไซต์ของหน่วยงาน) with its three signatures.

What they say comes from the report (its title, year, period, municipality, measures,
signers, memo if it has one) and from its publication record (link, executive, who
provided, approved and published); what nobody has typed is left as dotted lines to be
filled by hand, as the printed forms are.
"""

from __future__ import annotations

from ..domain import Layout, Memo, Report, Signer, builtin_layouts
from ..domain.memo import Endorsement
from ..domain.model import MeasureKind
from ..domain.oit import OitItem
from ..domain.publication import Person, Publication
from .build import MEMO_MARGINS, ExportOptions, _page
from .build import _Builder as Builder
from .model import Align, Cell, Document, Paragraph, Row, Run, Section, Table

FORM_TITLE = "แบบฟอร์มการขออนุมัติเผยแพร่ข้อมูลผ่านเว็บไซต์ของหน่วยงาน"
DOTS = "." * 30
SIGN_DOTS = "." * 28
ROLES = (("provider", "ผู้รับผิดชอบการให้ข้อมูล"), ("approver", "ผู้อนุมัติรับรอง"),
         ("publisher", "ผู้รับผิดชอบการนำข้อมูลขึ้นเผยแพร่"))


def _year(report: Report) -> str:
    return f"ประจำปีงบประมาณ พ.ศ. {report.fiscal_year}"


def _title(report: Report) -> str:
    return report.title.strip() or "รายงานผลการดำเนินการ"


def pack_memo(report: Report, item: OitItem, publication: Publication,
              attachments: list[str]) -> Memo:
    """The memo to the executive: what the report is, the item it answers, what is
    attached, and the request to acknowledge it and approve its publication."""
    own = report.memo or Memo()
    municipality = report.municipality.strip()
    measures = sum(1 for m in report.measures if m.kind is MeasureKind.MEASURE)
    period = f" {report.period.strip()}" if report.period.strip() else ""
    executive = publication.executive
    attached = "\n".join(f"{n}. {name}" for n, name in enumerate(attachments, 1))
    signer = own.signer if own.signer.name.strip() else (
        report.signers[0] if report.signers else Signer())
    if not signer.name.strip():  # room for the name and position by hand
        signer = Signer(SIGN_DOTS, (f"ตำแหน่ง {SIGN_DOTS}",))
    where = f" ที่ {publication.link}" if publication.link else ""
    return Memo(
        agency=own.agency or " ".join(p for p in (report.prepared_by.strip(), municipality) if p),
        number=own.number,
        date=own.date,
        subject=f"ขอรายงาน{_title(report)} {_year(report)} และขออนุมัติเผยแพร่บนเว็บไซต์",
        to=executive.position or own.to or "นายกเทศมนตรี",
        background=(f"ตามที่สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ (สำนักงาน ป.ป.ช.) "
                    f"กำหนดให้หน่วยงานภาครัฐเข้ารับการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน"
                    f"ของหน่วยงานภาครัฐ (ITA) {_year(report)} โดยหน่วยงานต้องเปิดเผยข้อมูล"
                    f"ข้อ {item.code} {item.title} บนเว็บไซต์ของหน่วยงาน นั้น"),
        facts=(f"{municipality or 'หน่วยงาน'}ได้จัดทำ{_title(report)} {_year(report)}{period} "
               f"จำนวน {measures} มาตรการ เรียบร้อยแล้ว รายละเอียดตามเอกสารที่แนบมาพร้อมนี้ ได้แก่\n"
               f"{attached}"),
        proposal=(f"เห็นควรเสนอ{executive.position or 'ผู้บริหาร'}เพื่อโปรดทราบ"
                  f"{_title(report)} และพิจารณาอนุมัติให้เผยแพร่บนเว็บไซต์ของ"
                  f"{municipality or 'หน่วยงาน'}{where} เพื่อเป็นหลักฐานประกอบการประเมิน "
                  f"ข้อ {item.code}"),
        closing="จึงเรียนมาเพื่อโปรดทราบและพิจารณา",
        signer=signer,
        endorsements=(Endorsement(
            text=("ความเห็นของผู้บริหาร\n(   ) ทราบ   (   ) อนุมัติให้เผยแพร่   "
                  f"(   ) อื่น ๆ {DOTS}"),
            name=executive.name or SIGN_DOTS,
            positions=(executive.position or f"ตำแหน่ง {SIGN_DOTS}",
                       f"วันที่ {publication.acknowledged_on or SIGN_DOTS}")),),
        garuda_image=own.garuda_image,
    )


class _Builder(Builder):
    """The report's builder, keeping the item's code as the NACC writes it (O26): a code,
    so its digits stay Arabic when the rest turn Thai."""

    def __init__(self, report: Report, options: ExportOptions, code: str) -> None:
        super().__init__(report, options, _any_layout(report))
        self.code = code

    def t(self, text: str) -> str:
        return self.code.join(super(_Builder, self).t(part) for part in text.split(self.code))


def memo_document(report: Report, item: OitItem, memo: Memo,
                  options: ExportOptions) -> Document:
    """The memo alone, laid out as the government memo form (as the report's own memo)."""
    builder = _Builder(report, options, item.code)
    return Document(
        title=memo.subject, thai_digits=options.thai_digits,
        sections=(Section(_page(MEMO_MARGINS, landscape=False, page_numbers=False),
                          tuple(builder.memo(memo)), name="memo"),),
        metadata={"municipality": report.municipality, "fiscal_year": str(report.fiscal_year),
                  "part": "memo"})


def _any_layout(report: Report) -> Layout:
    """The report's shipped layout, else the first one: these pages read only its sizes."""
    layouts = builtin_layouts()
    return layouts.get(report.layout) if report.layout in layouts else layouts.get(
        "six-measures")


def form_document(report: Report, item: OitItem, publication: Publication,
                  options: ExportOptions) -> Document:
    """The publication-request form: a one-column table of its fields, then a table of
    the three signatures (name, position, date) side by side."""
    builder = _Builder(report, options, item.code)
    page = _page(MEMO_MARGINS, landscape=False, page_numbers=False)
    width = page.text_width_mm

    def cell(*lines: tuple[str, str], align: Align = Align.LEFT) -> Cell:
        paragraphs = []
        for label, value in lines:
            runs = [Run(builder.t(label), bold=True)] if label else []
            if value:
                runs.append(Run((" " if label else "") + builder.t(value)))
            paragraphs.append(Paragraph(runs=tuple(runs), size_pt=16, align=align,
                                        role="form-field"))
        return Cell(tuple(paragraphs))

    municipality = report.municipality.strip()
    place = builder.place()
    summary = publication.summary or (
        f"{_title(report)} {_year(report)}"
        + (f" {report.period.strip()}" if report.period.strip() else "")
        + f" จำนวน {sum(1 for m in report.measures if m.kind is MeasureKind.MEASURE)} มาตรการ "
          f"เพื่อเป็นหลักฐานประกอบการประเมิน ITA ข้อ {item.code} {item.title}")
    fields = Table(
        widths_mm=(width,),
        header=Row((cell((FORM_TITLE, ""), align=Align.CENTER),)),
        rows=(
            Row((cell(("ชื่อหน่วยงาน:", place or municipality or DOTS)),)),
            Row((cell(("วัน/เดือน/ปี:", publication.provider.date or DOTS)),)),
            Row((cell(("หัวข้อ:", f"ข้อ {item.code} {item.title} {_year(report)}")),)),
            Row((cell(("รายละเอียดข้อมูล (โดยสรุปหรือเอกสารแนบ):", ""), ("", summary)),)),
            Row((cell(("Link ภายนอก:", publication.link or DOTS)),)),
            Row((cell(("หมายเหตุ:", DOTS)),)),
        ),
        header_size_pt=18, body_size_pt=16)
    signatures = Table(
        widths_mm=(width / 3,) * 3,
        header=Row(tuple(cell((thai, ""), align=Align.CENTER) for _name, thai in ROLES)),
        rows=(Row(tuple(_signature_cell(builder, getattr(publication, name))
                        for name, _thai in ROLES)),),
        header_size_pt=16, body_size_pt=15)
    blocks = (builder.para("", role="space", size=8), fields,
              builder.para("", role="space", size=12), signatures)
    return Document(title=FORM_TITLE, thai_digits=options.thai_digits,
                    sections=(Section(page, blocks, name="publication-form"),),
                    metadata={"municipality": municipality,
                              "fiscal_year": str(report.fiscal_year), "part": "form"})


def _signature_cell(builder: Builder, person: Person) -> Cell:
    lines = [("", 24.0, f"(ลงชื่อ){SIGN_DOTS}"),
             ("", 0.0, f"({person.name})" if person.name else f"({SIGN_DOTS})"),
             ("ตำแหน่ง ", 0.0, person.position or SIGN_DOTS),
             ("วันที่ ", 0.0, person.date or SIGN_DOTS)]
    return Cell(tuple(
        Paragraph(runs=(Run(builder.t(label + text)),), size_pt=15, align=Align.CENTER,
                  space_before_pt=before, role="signature")
        for label, before, text in lines))


