"""Golden files: what the exports of the demo reports say, kept in tests/golden/<case>/.

Per case (a demo report, maybe in another layout, with a set of export options):
document.json (the neutral document, `Document.to_json`), document.xml and styles.xml
(from the .docx, pretty-printed, relationship ids numbered in order of use, rsids
dropped) and pdf.txt (`pdftotext -layout` of the PDF). tests/test_golden.py compares;
after an intended change review the difference and accept it:

    .venv/bin/python -m tests.golden            # show what changed (exit 1 if anything)
    .venv/bin/python -m tests.golden --accept   # write the new golden files

pdf.txt is poppler's reading of the PDF (poppler-utils, installed by scripts/setup.sh);
another poppler may place the columns' text differently: accept after reviewing.
"""

from __future__ import annotations

import dataclasses
import difflib
import json
import re
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from itadesk.demo import DEMOS, read_demo
from itadesk.document import ExportOptions, build_document
from itadesk.domain import Report
from itadesk.export.docx import docx_bytes
from itadesk.export.pdf import pdf_bytes

HERE = Path(__file__).resolve().parent
FILES = ("document.json", "document.xml", "styles.xml", "pdf.txt")
SEED = {name: seed for seed, name in DEMOS.items()}
HINT = "review: .venv/bin/python -m tests.golden; accept: .venv/bin/python -m tests.golden --accept"


@dataclass(frozen=True)
class Case:
    demo: str  # file name in resources/demo, without .itadesk.json
    variant: str = "saved"  # the options the demo was saved with
    layout: str = ""  # another layout than the demo's
    options: dict[str, Any] = field(default_factory=dict)  # over the saved ones

    @property
    def name(self) -> str:
        return f"{self.demo}.{self.variant}"

    def report(self) -> Report:
        report = read_demo(SEED[self.demo])
        return dataclasses.replace(report, layout=self.layout) if self.layout else report


CASES = (
    Case("kalasin-2568"),
    Case("chainat-2567"),
    Case("borplathong-2568"),
    Case("kalasin-2568", "improvement-plan", layout="improvement-plan"),
    Case("chainat-2567", "narrative", layout="narrative"),
    Case("borplathong-2568", "portrait-arabic-cover",
         options={"orientation": "portrait", "thai_digits": False, "cover": True,
                  "continuation_word": True, "score_lines": False}),
    Case("kalasin-2568", "bare",
         options={"cover": False, "title_block": False, "opening": False, "closing": False,
                  "signatures": False, "page_numbers": False, "body_pt": 14.0,
                  "table_pt": 13.0, "title_pt": 16.0}),
)

_RSID = re.compile(r' w:rsid\w*="[^"]*"')
_RID = re.compile(r'(r:(?:id|embed|link))="(rId\d+)"')


def _pretty_xml(data: bytes) -> str:
    root = etree.fromstring(data, etree.XMLParser(remove_blank_text=True))
    text = _RSID.sub("", etree.tostring(root, pretty_print=True, encoding="unicode"))
    numbers: dict[str, int] = {}
    return _RID.sub(lambda m: f'{m[1]}="rId-{numbers.setdefault(m[2], len(numbers) + 1)}"',
                    text)


def _pdf_text(data: bytes) -> str:
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "golden.pdf"
        pdf.write_bytes(data)
        return subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout


def render(case: Case, report: Report | None = None) -> dict[str, str]:
    """The case's golden files as they would be now (of `report` instead, if given)."""
    import zipfile
    from io import BytesIO

    report = report or case.report()
    options = ExportOptions.from_report(report, **case.options)
    document = build_document(report, options)
    with zipfile.ZipFile(BytesIO(docx_bytes(document, embed=False))) as package:
        word = {name: _pretty_xml(package.read(f"word/{name}"))
                for name in ("document.xml", "styles.xml")}
    return {"document.json": json.dumps(document.to_json(), ensure_ascii=False, indent=1,
                                        sort_keys=True) + "\n",
            **word, "pdf.txt": _pdf_text(pdf_bytes(document))}


def differences(case: Case, rendered: dict[str, str]) -> dict[str, list[str]]:
    """Unified diffs (golden → now) of the files that differ; a missing golden file differs."""
    out = {}
    for name in FILES:
        path = HERE / case.name / name
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        if old != rendered[name]:
            out[name] = list(difflib.unified_diff(
                old.splitlines(keepends=True), rendered[name].splitlines(keepends=True),
                f"golden/{case.name}/{name}", f"now/{case.name}/{name}", n=2))
    return out


def accept(case: Case, rendered: dict[str, str]) -> None:
    folder = HERE / case.name
    folder.mkdir(exist_ok=True)
    for name in FILES:
        (folder / name).write_text(rendered[name], encoding="utf-8")


def stale() -> list[Path]:
    """Golden folders no case makes any more."""
    names = {case.name for case in CASES}
    return sorted(p for p in HERE.iterdir()
                  if p.is_dir() and p.name not in names and p.name != "__pycache__")
