"""What an import found, told in Thai before the report is added: the layout and the
columns it mapped, how many measures, section rows and signers, the parts recognised, and
what was left out with the page or table where it stood."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..thai.digits import to_thai_digits


@dataclass
class LeftOut:
    page: int | None  # None where the file has no pages (an exchange file)
    table: int | None
    text: str

    def where(self) -> str:
        parts = []
        if self.page:
            parts.append(f"หน้า {self.page}")
        if self.table:
            parts.append(f"ตาราง {self.table}")
        return to_thai_digits(" ".join(parts)) or "ในไฟล์"


@dataclass
class ImportSummary:
    source: str  # the file's name
    layout_name: str = ""
    columns: list[tuple[str, str]] = field(default_factory=list)  # (in the file, layout's)
    measures: int = 0
    sections: int = 0
    signers: int = 0
    parts: list[str] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)
    pages: int = 0
    notes: list[str] = field(default_factory=list)  # what the reader wants the clerk to know

    def leave_out(self, text: str, page: int | None = None, table: int | None = None) -> None:
        text = " ".join(text.split())
        if text:
            self.left_out.append(LeftOut(page, table, text))

    def lines(self, limit: int = 20) -> list[str]:
        n = to_thai_digits
        out = [f"นำเข้าจากไฟล์ «{self.source}»"]
        if self.layout_name:
            out.append(f"รูปแบบรายงาน: {self.layout_name}")
        out.append(f"มาตรการ {n(str(self.measures))} รายการ · หัวข้อหมวด {n(str(self.sections))} แถว "
                   f"· ผู้ลงนาม {n(str(self.signers))} คน")
        if self.columns:
            out.append("หัวตารางที่จับคู่กับรูปแบบ:")
            for found, wanted in self.columns:
                same = " ".join(found.split()) == wanted
                out.append(f"  «{' '.join(found.split())}»" + ("" if same else f" → «{wanted}»"))
        out.append("ส่วนที่อ่านได้: " + (", ".join(self.parts) if self.parts else "ไม่มี"))
        out.extend(f"หมายเหตุ: {note}" for note in self.notes)
        if self.left_out:
            out.append(f"ส่วนที่ไม่ได้นำเข้า ({n(str(len(self.left_out)))} แห่ง):")
            for item in self.left_out[:limit]:
                text = item.text if len(item.text) <= 80 else item.text[:80] + "…"
                out.append(f"  {item.where()}: «{text}»")
            if len(self.left_out) > limit:
                out.append(f"  และอีก {n(str(len(self.left_out) - limit))} แห่ง")
        else:
            out.append("ส่วนที่ไม่ได้นำเข้า: ไม่มี (นำเข้าครบทุกส่วน)")
        return out

    def text(self) -> str:
        return "\n".join(self.lines())
