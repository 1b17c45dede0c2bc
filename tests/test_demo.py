"""The demo library holds the full content of the three seed reports."""

import re

import pytest

from itadesk.demo import add_demo_reports
from itadesk.exchange.jsonfile import read_report, report_to_dict
from itadesk.paths import resource
from itadesk.store import Library

from .conftest import ROOT

SEEDS = ROOT.parent / "shared" / "seeds"


def _norm(text: str) -> str:
    return re.sub(r"\s+|<[^>]+>", "", text)


def test_demo_reports_load_into_a_new_library(library_path):
    with Library.open(library_path) as lib:
        ids = add_demo_reports(lib)
        reports = [lib.load_report(i) for i in ids]
    by_town = {r.municipality: r for r in reports}
    assert [len(by_town[t].measures) for t in
            ("เทศบาลเมืองกาฬสินธุ์", "เทศบาลเมืองชัยนาท", "เทศบาลตำบลบ่อปลาทอง")] == [7, 6, 5]
    kalasin = by_town["เทศบาลเมืองกาฬสินธุ์"]
    assert kalasin.layout == "six-measures" and kalasin.fiscal_year == 2568
    assert kalasin.measures[6].title == "(๗) กลไกและมาตรการในการแก้ไขและป้องกันการทุจริตในหน่วยงาน"
    assert kalasin.measures[1].result.splitlines()[-1] == "๖. Traffy Fondue"
    chainat = by_town["เทศบาลเมืองชัยนาท"]
    assert chainat.signers[0].name == "นางสาวสุกัญญา อ่อนพร"
    assert chainat.memo is not None and chainat.memo.number == "ชน๕๒๐๐๖/-"
    assert chainat.memo.signer == chainat.signers[0]  # format 1: the first signer signs it
    # the row that a page break split in two is one measure again
    assert "ความโปร่งใสในหน่วยงาน เป็นประจำทุกปี" in chainat.measures[1].steps
    assert chainat.measures[4].owner == "-กองยุทธศาสตร์ฯ\n-งานนิติการ"
    bor = by_town["เทศบาลตำบลบ่อปลาทอง"]
    assert bor.measures[2].outcome.endswith("ที่ใช้การได้เรียบร้อย")
    assert "ตามความเป็นจริง" in bor.measures[4].outcome


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared/seeds is not beside this checkout")
def test_every_seed_cell_is_in_the_demo_report():
    """No row or cell of the published reports was left out (spaces aside)."""
    for seed, name in (("000", "kalasin-2568"), ("001", "chainat-2567"),
                       ("002", "borplathong-2568")):
        [path] = SEEDS.glob(f"{seed}_*.txt")
        demo = _norm(str(report_to_dict(read_report(resource("demo", f"{name}.itadesk.json")))))
        demo = demo.replace("\\n", "")
        for line in path.read_text(encoding="utf-8").splitlines():
            if "\t" not in line or "ผู้รับผิดชอบ" in line:
                continue
            for cell in line.split("\t"):
                for part in re.split(r"</?p>|<a [^>]*>|</a>|</?u>", cell):
                    piece = _norm(part)
                    # shorter pieces may have been re-joined across a page break
                    if len(piece) > 25:
                        assert piece[:25] in demo, (seed, piece[:40])
