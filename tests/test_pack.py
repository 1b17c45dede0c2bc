"""The evidence pack: every file written, each readable (pdftotext, python-docx), named by
item and year, naming the item inside; the memo and the form say what the report says."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from itadesk.demo import read_demo
from itadesk.domain.publication import Person, Publication, with_publication
from itadesk.export.pack import LIST_NAME, NoItem, write_pack


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _report():
    report = dataclasses.replace(read_demo("001"), fiscal_year=2569)
    return dataclasses.replace(report, options=with_publication(report.options, Publication(
        link="https://www.chainatcity.go.th/ita/o26", acknowledged_on="๓๐ กันยายน ๒๕๖๙",
        executive=Person("นายสมศักดิ์ ตัวอย่าง", "นายกเทศมนตรีเมืองชัยนาท"),
        provider=Person("นางสาวสุกัญญา อ่อนพร", "หัวหน้าฝ่ายแผนงานและงบประมาณ", "๒๙ ก.ย. ๒๕๖๙"),
        publisher=Person("นายเว็บ ดูแลระบบ", "นักวิชาการคอมพิวเตอร์"))))


def test_the_pack_holds_every_file_named_by_item_and_year(tmp_path: Path):
    written = write_pack(_report(), tmp_path / "pack")
    names = sorted(f.path.name for f in written)
    assert names == sorted([
        "O26-รายงานผล-๒๕๖๙.pdf", "O26-รายงานผล-๒๕๖๙.docx",
        "O26-บันทึกข้อความ-๒๕๖๙.pdf", "O26-บันทึกข้อความ-๒๕๖๙.docx",
        "O26-แบบขออนุมัติเผยแพร่-๒๕๖๙.pdf", "O26-แบบขออนุมัติเผยแพร่-๒๕๖๙.docx", LIST_NAME])
    assert sorted(p.name for p in (tmp_path / "pack").iterdir()) == names  # nothing else
    folder = tmp_path / "pack"
    for stem in ("O26-รายงานผล-๒๕๖๙", "O26-บันทึกข้อความ-๒๕๖๙", "O26-แบบขออนุมัติเผยแพร่-๒๕๖๙"):
        for text in (pdf_text(folder / f"{stem}.pdf"), docx_text(folder / f"{stem}.docx")):
            assert "๒๕๖๙" in text
    memo = pdf_text(folder / "O26-บันทึกข้อความ-๒๕๖๙.pdf")
    for wanted in ("บันทึกข้อความ", "ข้อ O26", "O26-รายงานผล-๒๕๖๙.pdf", "( ) ทราบ",
                   "นายสมศักดิ์ ตัวอย่าง", "๓๐ กันยายน ๒๕๖๙", "จึงเรียนมาเพื่อโปรดทราบและพิจารณา",
                   "นางสาวสุกัญญา อ่อนพร"):
        assert wanted in memo, wanted
    memo_docx = docx_text(folder / "O26-บันทึกข้อความ-๒๕๖๙.docx")
    assert "ข้อ O26" in memo_docx and "นายกเทศมนตรีเมืองชัยนาท" in memo_docx
    form = docx_text(folder / "O26-แบบขออนุมัติเผยแพร่-๒๕๖๙.docx")
    for wanted in ("แบบฟอร์มการขออนุมัติเผยแพร่ข้อมูลผ่านเว็บไซต์ของหน่วยงาน", "เทศบาลเมืองชัยนาท",
                   "https://www.chainatcity.go.th/ita/o26", "ผู้รับผิดชอบการให้ข้อมูล",
                   "ผู้อนุมัติรับรอง", "ผู้รับผิดชอบการนำข้อมูลขึ้นเผยแพร่", "นายเว็บ ดูแลระบบ",
                   "๒๙ ก.ย. ๒๕๖๙", "ข้อ O26", "จำนวน ๖ มาตรการ"):
        assert wanted in form, wanted
    assert "https://www.chainatcity.go.th/ita/o26" in pdf_text(
        folder / "O26-แบบขออนุมัติเผยแพร่-๒๕๖๙.pdf")
    listing = (folder / LIST_NAME).read_text(encoding="utf-8")
    assert "ข้อ O26" in listing and all(n in listing for n in names if n != LIST_NAME)


def test_a_year_without_items_needs_the_clerks_item(tmp_path: Path):
    report = read_demo("000")  # 2568: unconfirmed, no items shipped
    with pytest.raises(NoItem) as caught:
        write_pack(report, tmp_path / "none")
    assert "ข้อ OIT" in caught.value.message and not (tmp_path / "none").exists()
    named = dataclasses.replace(report, options={**report.options, "oit_item": "O43"})
    written = write_pack(named, tmp_path / "named")
    assert (tmp_path / "named" / "O43-รายงานผล-๒๕๖๘.pdf") in [f.path for f in written]


def test_itadesk_pack_writes_the_folder(tmp_path: Path):
    out = tmp_path / "หลักฐาน"
    run = subprocess.run([sys.executable, "-m", "itadesk", "pack", "--demo", "002", "--item",
                          "O26", "--link", "https://www.borplathong.go.th/o26", "-o", str(out)],
                         capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr
    printed = [Path(line) for line in run.stdout.splitlines()]
    assert len(printed) == 7 and all(p.is_file() for p in printed)
    assert "https://www.borplathong.go.th/o26" in (out / LIST_NAME).read_text(encoding="utf-8")
    refused = subprocess.run([sys.executable, "-m", "itadesk", "pack", "--demo", "002", "-o",
                              str(tmp_path / "x")], capture_output=True, text=True, timeout=120)
    assert refused.returncode != 0 and "ข้อ OIT" in refused.stderr
