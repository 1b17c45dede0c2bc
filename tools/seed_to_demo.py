"""How resources/demo/*.itadesk.json were made from the seed reports (kept as provenance).

    .venv/bin/python tools/seed_to_demo.py ../shared/seeds resources/demo

Reads the text extracted from three published reports (tab-separated rows, one header row
per printed page, <p> between paragraphs of a cell), joins rows that a page break split,
turns <p> and inline list markers into lines, and removes the spaces that the printed
cell's wrapping left inside Thai words (a space goes where the segmenter, given the text
without it, finds no word boundary). The result was then read through and corrected by
hand in the JSON files; re-running this script would undo those corrections.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from itadesk.domain import Measure, Report, Signer
from itadesk.exchange.jsonfile import report_from_dict, report_to_dict, write_report
from itadesk.thai.digits import to_arabic_digits
from itadesk.thai.segment import is_thai

LIST_START = re.compile(r"^(-|•|\(?[๐-๙0-9]+[.)])")


# Words before which Thai writers do put a space (a new clause or item); the seed's other
# spaces between two Thai letters are where the printed cell wrapped.
CLAUSE_WORDS = (
    "และ", "หรือ", "เช่น", "ได้แก่", "โดย", "เพื่อ", "ซึ่ง", "ทำให้", "แสดงให้เห็น", "ไม่ว่า",
    "รวมทั้ง", "รวมถึง", "ตาม", "ใน", "จาก", "ผ่าน", "ของ", "ให้", "มี", "ที่", "เป็น", "จึง",
    "พบว่า", "ทาง", "ณ", "คิดเป็น", "เพิ่มขึ้น", "ลดลง", "ได้คะแนน", "ประกาศ", "ITA",
    "ผลการประเมิน", "นอกจากนี้", "จะ", "อย่าง", "ทั้ง", "สามารถ", "ปี", "ปีงบประมาณ", "พ.ศ.",
)
NO_JOIN_AFTER = ("ฯ", "ฯลฯ")
WHOLE_WORDS = ("ณ", "ที่", "เรื่อง", "ประกาศ")
THAI_LETTER = re.compile(r"[\u0e01-\u0e4e]")


def heal_spaces(text: str) -> str:
    """Drop a space between two Thai letters unless a new clause starts after it."""
    text = re.sub(r"(?<=[a-z]-) (?=[a-z])", "", text)  # "www.kalasin- mu.go.th"
    out = []
    pieces = text.split(" ")
    out.append(pieces[0])
    for piece in pieces[1:]:
        prev = out[-1]
        thai_join = prev and piece and THAI_LETTER.match(prev[-1]) and THAI_LETTER.match(piece[0])
        keep = (
            not thai_join
            or piece.startswith(CLAUSE_WORDS)
            or prev.endswith(NO_JOIN_AFTER)
            or prev in WHOLE_WORDS
            or LIST_START.match(piece)
        )
        if keep:
            out.append(piece)
        else:
            out[-1] = prev + piece
    return " ".join(out)


NUMBERED = re.compile(r"(?:^|\s)([๐-๙]+)\.(?![๐-๙0-9])")


def split_items(text: str, field: str) -> str:
    """Items written inline ("๑. … ๒. …", "-… -…") become one line each."""
    if field in ("timing", "owner"):
        return text
    # "-item" always starts an item; "- item" only in a cell that is a dash list
    # (elsewhere " - " is a range: "รับ - จ่าย", "ม.ค. - เม.ย.")
    text = re.sub(r" (?=-[\u0e01-\u0e4e(A-Za-z])", "\n", text)
    if text.startswith("-"):
        text = re.sub(r" (?=- [\u0e01-\u0e4e(A-Za-z])", "\n", text)
    cuts = []
    last = 0
    for m in NUMBERED.finditer(text):
        value = int(to_arabic_digits(m.group(1)))
        if value == 1 or value == last + 1:
            if m.start() > 0 and text[m.start()].isspace():
                cuts.append(m.start())
            last = value
    chars = list(text)
    for c in cuts:
        chars[c] = "\n"
    return "\n".join(x.strip() for x in "".join(chars).split("\n") if x.strip())


def clean_cell(raw: str, field: str) -> str:
    raw = re.sub(r"<a [^>]*>(.*?)</a>", r" \1", raw)
    raw = re.sub(r"</?u>", "", raw)
    paras = [p for p in re.split(r"</?p>", raw) if p.strip()]
    out = []
    for p in paras:
        p = " ".join(p.split())
        p = heal_spaces(p)
        out.append(split_items(p, field))
    return "\n".join(out)


def join_continuation(prev: str, more: str) -> str:
    if not prev:
        return more
    if not more:
        return prev
    if LIST_START.match(more):
        return prev + "\n" + more
    if is_thai(prev[-1]) and is_thai(more[0]):
        return heal_spaces(prev + " " + more)
    return prev + " " + more


def parse_tables(text: str, fields: tuple[str, ...]) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    header_seen = False
    for line in text.split("\n"):
        if "\t" not in line:
            continue
        cells = line.split("\t")
        if ("ผู้รับผิดชอบ" in cells and not header_seen) or "ผู้รับผิดชอบ" in cells:
            header_seen = True
            continue
        cells += [""] * (len(fields) - len(cells))
        values = {f: clean_cell(c, f) for f, c in zip(fields, cells, strict=False)}
        if not values[fields[0]] and rows:
            for f in fields:
                rows[-1][f] = join_continuation(rows[-1][f], values[f])
        else:
            rows.append(values)
    return rows


MEMO_001 = {
    "agency": "งานวิเคราะห์นโยบายและแผน กองยุทธศาสตร์และงบประมาณ",
    "number": "ชน๕๒๐๐๖/-",
    "date": "๒๔ เมษายน ๒๕๖๗",
    "subject": "การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) "
               "ประจำปีงบประมาณ พ.ศ. ๒๕๖๗",
    "to": "ปลัดเทศบาลเมืองชัยนาท /นายกเทศมนตรีเมืองชัยนาท",
    "background": (
        "ตามที่ เทศบาลเมืองชัยนาท ได้เข้าร่วมประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของ"
        "หน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ ตามที่สำนักงานคณะกรรมการป้องกันและ"
        "ปราบปรามการทุจริตแห่งชาติ (ป.ป.ช.) กำหนด นั้น"
    ),
    "facts": (
        "การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปี"
        "งบประมาณ พ.ศ. ๒๕๖๗ ครอบคลุมการประเมิน ส่วนที่ ๓ การเปิดเผยข้อมูลทางเว็บไซต์ของ"
        "หน่วยงาน (Open Data Integrity and Transparency Assessment : OIT) ข้อคำถาม O๓๕ "
        "รายงานผลการดำเนินการป้องกันการทุจริตประจำปี ให้แสดงผลการดำเนินการที่มีวัตถุประสงค์"
        "เพื่อป้องกันการทุจริตหรือส่งเสริมมาตรฐานจริยธรรม หรือธรรมาภิบาล เป็นรายงานผลของปี "
        "พ.ศ. ๒๕๖๖ ที่มีรายละเอียดอย่างน้อยประกอบด้วย\n"
        "- (๑) ผลดำเนินการแต่ละโครงการ/กิจกรรม\n"
        "- (๒) รายละเอียดงบประมาณที่ใช้ดำเนินการแต่ละโครงการ/กิจกรรม*\n"
        "- (๓) ปัญหา/อุปสรรค\n"
        "- (๔) ข้อเสนอแนะ"
    ),
    "proposal": (
        "เพื่อให้การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปี"
        "งบประมาณ พ.ศ. ๒๕๖๗ ของเทศบาลเมืองชัยนาท เป็นไปด้วยความเรียบร้อย งานวิเคราะห์นโยบาย"
        "และแผน กองยุทธศาสตร์และงบประมาณ จึงได้จัดทำรายงานผลการดำเนินการป้องกันการทุจริต"
        "ประจำปีเสร็จเรียบร้อยแล้วเพื่อจะได้ดำเนินการเปิดเผยข้อมูลในเว็บไซต์ของเทศบาลเมืองชัยนาท "
        "และตอบแบบสำรวจการเปิดเผยข้อมูลสาธารณะ (OIT) ภายในกำหนดเวลาต่อไป"
    ),
    "closing": "จึงเรียนมาเพื่อโปรดทราบ",
    "endorsements": [
        {"text": "เรียน นายกเทศมนตรี\n-เพื่อโปรดทราบ", "name": "นายอรุณ คุ่มทัน",
         "positions": ["ปลัดเทศบาลเมืองชัยนาท"]},
    ],
}

TITLE = "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"

SEEDS: dict[str, dict] = {
    "000": dict(
        layout="six-measures", fields=("title", "steps", "owner", "timing", "result", "outcome"),
        report=dict(
            title=TITLE, municipality="เทศบาลเมืองกาฬสินธุ์", district="เมืองกาฬสินธุ์",
            province="กาฬสินธุ์", fiscal_year=2568,
            options={"cover": True, "title_block": True, "thai_digits": True},
        ),
        name="kalasin-2568",
    ),
    "001": dict(
        layout="six-guidelines", fields=("title", "steps", "owner", "timing", "result", "outcome"),
        report=dict(
            title=TITLE, municipality="เทศบาลเมืองชัยนาท", district="เมืองชัยนาท",
            province="ชัยนาท", fiscal_year=2567,
            prepared_by="งานวิเคราะห์นโยบายและแผน กองยุทธศาสตร์และงบประมาณ",
            opening=(
                "จากการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน "
                "ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ ได้มีการกำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใส"
                "ของเทศบาลเมืองชัยนาท โดยมีการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส"
                "ภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ ดังนี้"
            ),
            signers=(
                Signer("นางสาวสุกัญญา อ่อนพร",
                       ("หัวหน้าฝ่ายแผนงานและงบประมาณ",
                        "รักษาราชการแทน ผู้อำนวยการกองยุทธศาสตร์และงบประมาณ"), "ผู้รายงาน"),
                Signer("นายอรุณ คุ่มทัน", ("ปลัดเทศบาลเมืองชัยนาท",), "ผู้เสนอ"),
            ),
            options={"title_block": True, "opening": True, "memo": True,
                     "thai_digits": True, "memo_form": MEMO_001},
        ),
        name="chainat-2567",
    ),
    "002": dict(
        layout="six-timing-first",
        fields=("title", "steps", "timing", "owner", "result", "outcome"),
        report=dict(
            title=TITLE, municipality="เทศบาลตำบลบ่อปลาทอง", district="ปรางค์กู่",
            province="นครราชสีมา", fiscal_year=2568,
            opening=(
                "เทศบาลตำบลบ่อปลาทอง มีการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใส"
                "ภายในหน่วยงานปีงบประมาณ พ.ศ. ๒๕๖๘ ซึ่งมีผลการดำเนินการดังนี้"
            ),
            options={"title_block": True, "opening": True, "thai_digits": True},
        ),
        name="borplathong-2568",
    ),
}

# Corrections read off the printed reports where the extracted text misleads.
FIXES: tuple[tuple[str, int, str, str, str], ...] = (
    ("001", 4, "owner", "-กองยุทธศาสตร์ฯ -งานนิติการ", "-กองยุทธศาสตร์ฯ\n-งานนิติการ"),
    ("001", 5, "owner", "-กองการเจ้าหน้าที่ -กองยุทธศาสตร์ฯ",
     "-กองการเจ้าหน้าที่\n-กองยุทธศาสตร์ฯ"),
    ("000", 5, "result", "คู่มือ/แนว ทางการ", "คู่มือ/แนวทางการ"),
)
# Wraps the clause-word rule kept although they fall inside a phrase.
WRAP_FIXES = (
    ("ทรัพย์สิน ของ", "ทรัพย์สินของ"), ("ของ ทางราชการ", "ของทางราชการ"),
    ("ทรัพย์สิน ทางราชการ", "ทรัพย์สินทางราชการ"), ("ในสภาพ ที่ใช้การ", "ในสภาพที่ใช้การ"),
    ("ซึ่งมิใช่ เพื่อ", "ซึ่งมิใช่เพื่อ"), ("เจ้าหน้าที่ ของหน่วยงาน", "เจ้าหน้าที่ของหน่วยงาน"),
    ("เจ้าหน้าที่ ในหน่วยงาน", "เจ้าหน้าที่ในหน่วยงาน"), ("เจ้าหน้าที่ ที่นำ", "เจ้าหน้าที่ที่นำ"),
    ("และแนวทาง ในการ", "และแนวทางในการ"), ("ให้ เป็นไป", "ให้เป็นไป"),
    ("การพิจารณา เป็นไป อย่าง", "การพิจารณาเป็นไปอย่าง"), ("ที่ตรง ตาม", "ที่ตรงตาม"),
    ("ให้เป็นไป ตาม", "ให้เป็นไปตาม"), ("ให้ประชาชน สามารถ", "ให้ประชาชนสามารถ"),
    ("ความรู้ความเข้าใจและ สามารถ", "ความรู้ความเข้าใจและสามารถ"),
    ("ในจุด ที่", "ในจุดที่"), ("ชัดเจนและ มีการ", "ชัดเจนและมีการ"),
    ("จะกระทำมิได้ผู้ยืม", "จะกระทำมิได้ ผู้ยืม"), ("ภาครัฐมี เพิ่มขึ้น", "ภาครัฐมีเพิ่มขึ้น"),
    ("และเป็น ที่ไว้วางใจ", "และเป็นที่ไว้วางใจ"), ("ผ่านช่อง ทางการ", "ผ่านช่องทางการ"),
    ("ร่วมให้ เป็นไป", "ร่วมให้เป็นไป"), ("บอร์ดติด ประกาศ", "บอร์ดติดประกาศ"),
)

def main(seed_dir: Path, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for prefix, spec in SEEDS.items():
        [path] = seed_dir.glob(f"{prefix}_*.txt")
        rows = parse_tables(path.read_text(encoding="utf-8"), spec["fields"])
        for row in rows:
            for field, text in row.items():
                for old, new in WRAP_FIXES:
                    text = text.replace(old, new)
                row[field] = text
        for seed, index, field, old, new in FIXES:
            if seed == prefix:
                if old not in rows[index][field]:
                    raise SystemExit(f"fix not applicable: {seed} {index} {field} {old!r}")
                rows[index][field] = rows[index][field].replace(old, new)
        report = Report(layout=spec["layout"], measures=tuple(Measure(**r) for r in rows),
                        **spec["report"])
        # the memo was written as format 1's dict: typed as the reader types it
        report = report_from_dict(report_to_dict(report))
        write_report(report, out_dir / f"{spec['name']}.itadesk.json")
        print(prefix, len(rows), "measures")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
