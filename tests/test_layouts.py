"""Layouts are data: the shipped files validate, read back equal, and bad files say why."""

import json

import jsonschema
import pytest

from itadesk.document import Table, build_document
from itadesk.domain import LayoutError, Measure, Report, Score, builtin_layouts
from itadesk.domain.layout_files import (
    layout_from_dict,
    layout_to_dict,
    read_layout_file,
    read_layout_folder,
    schema,
)
from itadesk.paths import resource

SHIPPED = sorted(resource("layouts").glob("*.json"))


def test_every_shipped_file_follows_the_schema_and_is_loaded():
    assert len(SHIPPED) >= 5
    for path in SHIPPED:
        jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), schema())
    ids = builtin_layouts().ids
    assert {json.loads(p.read_text(encoding="utf-8"))["id"] for p in SHIPPED} == set(ids)
    assert ids[:5] == ("six-measures", "six-guidelines", "six-timing-first",
                       "improvement-plan", "narrative")
    assert all(layout.builtin for layout in builtin_layouts())


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_a_layout_written_out_reads_back_equal(path):
    layout = read_layout_file(path, builtin=True)
    again = layout_from_dict(json.loads(json.dumps(layout_to_dict(layout))), builtin=True)
    assert again == layout


def good() -> dict:
    return layout_to_dict(builtin_layouts().get("six-measures")) | {"id": "own-1"}


@pytest.mark.parametrize(("change", "where", "words"), [
    (lambda d: d.pop("columns"), "", "columns"),
    (lambda d: d["columns"][2].update(width=0), "columns[2].width", "ช่วง"),
    (lambda d: d["columns"][1].update(field="colour"), "columns[1].field", "colour"),
    (lambda d: d["columns"][1].update(field="title"), "columns[1].field", "ซ้ำ"),
    (lambda d: d.update(orientation="sideways"), "orientation", "portrait"),
    (lambda d: d.update(id="มาตรการ"), "id", "อักษรอังกฤษ"),
    (lambda d: d.update(score_lines_in="activity"), "score_lines_in", "activity"),
    (lambda d: d.update(colour="red"), "", "colour"),
    (lambda d: d["margins_mm"]["portrait"].pop("left"), "margins_mm.portrait", "left"),
    (lambda d: d.update(columns=[]), "columns", "ไม่ว่าง"),
])
def test_a_bad_layout_is_refused_in_thai_naming_the_place(change, where, words):
    data = good()
    change(data)
    with pytest.raises(LayoutError) as caught:
        layout_from_dict(data)
    assert caught.value.where == where
    assert words in caught.value.message


def test_a_broken_file_names_the_file(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps(good(), ensure_ascii=False), encoding="utf-8")
    (tmp_path / "b.json").write_text('{"format": 1, "id": ', encoding="utf-8")
    with pytest.raises(LayoutError) as caught:
        read_layout_folder(tmp_path)
    assert "b.json" in caught.value.message and "บรรทัด 1" in caught.value.message


def test_dropping_the_column_of_the_score_lines_moves_them_to_the_last_column():
    layout = builtin_layouts().get("six-measures")
    kept = [c for c in layout.columns if c.field not in ("outcome", "result")]
    changed = layout.with_columns(kept)
    assert changed.score_lines_in == changed.extras_in == "timing"
    assert changed.code_in == "title"
    report = Report(layout="six-measures", measures=(
        Measure(title="มาตรการ", code="e6", budget="๕,๐๐๐ บาท",
                scores=(Score("การเปิดเผยข้อมูล", "90", "95"),)),))
    [table] = [b for s in build_document(report, layout=changed).sections for b in s.blocks
               if isinstance(b, Table)]
    title, _steps, _owner, timing = (c.paragraphs for c in table.rows[0].cells)
    assert title[0].text == "e๖ มาตรการ"
    assert [p.text for p in timing][-1] == "งบประมาณที่ใช้: ๕,๐๐๐ บาท"
    assert any("การเปิดเผยข้อมูล" in p.text for p in timing)


def test_sizes_margins_and_labels_come_from_the_layout():
    layout = layout_from_dict(good() | {
        "orientation": "portrait", "sizes_pt": {"title": 20, "body": 15, "table": 13},
        "margins_mm": {"landscape": {"top": 10, "bottom": 10, "left": 10, "right": 10},
                       "portrait": {"top": 30, "bottom": 25, "left": 35, "right": 15}},
        "extras": [{"field": "problems", "label": "อุปสรรค —"}]})
    report = Report(municipality="เทศบาลทดสอบ", closing="ภาพรวม",
                    measures=(Measure(title="ก", result="ผล", problems="ฝนตก", budget="๑"),))
    doc = build_document(report, layout=layout)
    page = doc.sections[-1].page
    assert not page.landscape and (page.top_mm, page.left_mm, page.right_mm) == (30, 35, 15)
    [table] = [b for b in doc.sections[-1].blocks if isinstance(b, Table)]
    assert sum(table.widths_mm) == pytest.approx(210 - 35 - 15, abs=0.1)
    assert {p.size_pt for c in table.rows[0].cells for p in c.paragraphs} == {13}
    title = next(p for p in doc.paragraphs() if p.role == "title")
    assert title.size_pt == 20
    result_cell = [p.text for p in table.rows[0].cells[4].paragraphs]
    assert result_cell == ["ผล", "อุปสรรค — ฝนตก"]  # the budget is not one of this layout's


def test_narrative_labels_and_heading_from_the_layout():
    data = layout_to_dict(builtin_layouts().get("narrative")) | {"id": "own-2"}
    data["narrative"] |= {"heading_format": "มาตรการที่ {number} {title}",
                          "label_format": "• {header}", "label_indent_mm": 5}
    data["closing_label"] = "สรุป"
    report = Report(layout="own-2", closing="ดี",
                    measures=(Measure(title="ป้องกันสินบน", owner="กองคลัง"),))
    paragraphs = build_document(report, layout=layout_from_dict(data)).paragraphs()
    texts = [p.text for p in paragraphs]
    assert "มาตรการที่ ๑ ป้องกันสินบน" in texts and "• ผู้รับผิดชอบ" in texts
    assert texts[texts.index("สรุป") + 1] == "ดี"
    assert next(p for p in paragraphs if p.text == "• ผู้รับผิดชอบ").left_mm == 5


def test_the_exchange_schema_takes_the_layout_ids_from_the_layout_files():
    from itadesk.exchange.jsonfile import ExchangeError, report_from_dict

    for layout_id in builtin_layouts().ids:
        assert report_from_dict({"format": 1, "report": {"layout": layout_id}}).layout == layout_id
    with pytest.raises(ExchangeError) as caught:
        report_from_dict({"format": 1, "report": {"layout": "seven"}})
    assert caught.value.where == "report.layout"
    assert "measures-plan" in caught.value.message  # the ids the files give


def test_every_text_field_of_a_measure_has_its_thai_name():
    """One list of a measure's fields (with the Thai name the checks and the editor show):
    an attribute added without its name would fail here."""
    import dataclasses

    from itadesk.domain.model import MEASURE_FIELD_NAMES, MEASURE_TEXT_FIELDS, Measure

    attributes = [f.name for f in dataclasses.fields(Measure) if f.type == "str"]
    assert attributes == list(MEASURE_FIELD_NAMES) == list(MEASURE_TEXT_FIELDS)
    assert all(MEASURE_FIELD_NAMES.values())
