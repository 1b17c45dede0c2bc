"""Our Thai line breaks judged by ICU: the demo reports and a corpus made from their text.

Shared by tests/test_thai_breaks.py and bench/bench_thai_breaks.py. The judge is
tools/pdf_thai_breaks.py (a copy of the shared `pdf-thai-breaks`), run with Debian's
python3, which has PyICU; it reads the PDF back with `pdftotext -bbox-layout`.
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from itadesk.demo import DEMOS as SEEDS
from itadesk.demo import read_demo
from itadesk.document import ExportOptions, Paragraph, Table, build_document
from itadesk.domain import Measure, Report, builtin_layouts
from itadesk.export.pdf import write_pdf
from itadesk.export.pdf.fonts import face_name, register, text_width
from itadesk.export.pdf.lines import layout_paragraph, mm
from itadesk.thai.segment import is_word, words

ROOT = Path(__file__).resolve().parent.parent
JUDGE = ROOT / "tools" / "pdf_thai_breaks.py"
DEMOS = tuple(SEEDS.values())  # kalasin-2568, chainat-2567, borplathong-2568: seeds 000–002
FIELDS = ("title", "steps", "owner", "timing", "result", "outcome")


@dataclass(frozen=True)
class Verdict:
    joins: int
    agreed: int
    cluster_breaks: int
    examples: tuple[str, ...]

    @property
    def agreement(self) -> float:
        return self.agreed / self.joins if self.joins else 1.0


def judge_available() -> bool:
    return (shutil.which("pdftotext") is not None and Path("/usr/bin/python3").is_file()
            and subprocess.run(["/usr/bin/python3", "-c", "import icu"],
                               capture_output=True).returncode == 0)


def demo(name: str) -> Report:
    return read_demo(next(seed for seed, file in SEEDS.items() if file == name))


def source_text(report: Report) -> str:
    """Every text of the report, one paragraph a line (a space in it is a break ICU allows)."""
    return "\n".join(m.get(f) for m in report.measures for f in FIELDS)


def judge(report: Report, folder: Path, name: str) -> Verdict:
    pdf = folder / f"{name}.pdf"
    write_pdf(build_document(report, ExportOptions.from_report(report)), pdf)
    xhtml = folder / f"{name}.html"
    subprocess.run(["pdftotext", "-bbox-layout", str(pdf), str(xhtml)], check=True)
    source = folder / f"{name}.txt"
    source.write_text(source_text(report), encoding="utf-8")
    out = subprocess.run(["/usr/bin/python3", str(JUDGE), str(xhtml), str(source)],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    joins, agreed, clusters = (int(x) for x in out[0].split())
    return Verdict(joins, agreed, clusters, tuple(out[1:]))


def paragraphs(report: Report) -> Iterator[tuple[Paragraph, float]]:
    """Every paragraph of the report's document, with the width (pt) the PDF sets it in."""
    document = build_document(report, ExportOptions.from_report(report))
    for section in document.sections:
        for block in section.blocks:
            if isinstance(block, Table):
                pad = mm(block.padding.left_mm + block.padding.right_mm)
                for row in block.rows:
                    for cell, w in zip(row.cells, block.widths_mm, strict=False):
                        for p in cell.paragraphs:
                            yield p, mm(w) - pad
            elif isinstance(block, Paragraph):
                yield block, mm(section.page.text_width_mm)


def words_split_that_fitted(report: Report) -> list[str]:
    """Line ends inside a dictionary word (as the segmenter cuts the paragraph) that is no
    wider than its line: "…วัฒน|ธรรม…" where "วัฒนธรรม" would have fitted. The words are
    measured in the regular face (a bold paragraph is set a little wider)."""
    register()
    out = []
    for p, width in paragraphs(report):
        lines = layout_paragraph(p, width)
        ends = set()
        position = 0
        for line in lines[:-1]:
            position += len(line.text)
            ends.add(position)
        position = 0
        for token in words(p.text):
            inside = [at for at in ends if position < at < position + len(token)]
            # with the ๆ or ฯ after it, which no line may start with
            whole = token + re.match(r"[ๆฯ]*", p.text[position + len(token):]).group()
            if inside and is_word(token) and min(line.width for line in lines) >= text_width(
                    whole, face_name()) * p.size_pt / 1000:
                at = inside[0]
                out.append(f"{p.text[max(0, at - 15):at]}|{p.text[at:at + 15]}")
            position += len(token)
    return out


def corpus(min_chars: int = 200_000, seed: int = 16) -> list[Report]:
    """Report-like Thai made from the demo reports' text (the three seed reports, cleaned:
    tools/seed_to_demo.py): each column's phrases (as the seeds put them in that column)
    shuffled into new paragraphs and cells, a report in each shipped layout, so that
    lines end where the demos never put them."""
    phrases = {f: [phrase for name in DEMOS for m in demo(name).measures
                   for line in m.get(f).splitlines() for phrase in line.split(" ") if phrase]
               for f in FIELDS}
    rng = random.Random(seed)
    reports = []
    layouts = list(builtin_layouts())
    for layout in layouts:
        measures = []
        chars = 0
        while chars < min_chars / len(layouts):
            texts = {}
            for f in FIELDS:
                count = 1 if f in ("owner", "timing") else rng.randint(1, 3)
                lines = [_paragraph(rng, phrases[f]) for _ in range(count)]
                texts[f] = "\n".join(lines)
                chars += sum(len(line) for line in lines)
            measures.append(Measure(**texts))
        reports.append(Report(municipality="เทศบาลทดสอบ", layout=layout.id,
                              measures=tuple(measures)))
    return reports


def _paragraph(rng: random.Random, phrases: list[str]) -> str:
    """Phrases joined with a space or without, as Thai clauses are; a paragraph never
    starts with ๆ or ฯ (the judge would take its start for a line broken before them)."""
    chosen = rng.choices(phrases, k=rng.randint(1, 12))
    while chosen[0][0] in "ๆฯ":
        chosen[0] = rng.choice(phrases)
    return "".join(p + rng.choice((" ", "")) for p in chosen).strip()
