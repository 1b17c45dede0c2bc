"""`itadesk library copy FROM TO`: a library file to the office's server and back, every
report checked by its exchange file (what `save-json` writes), compared byte for byte."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from itadesk.demo import add_demo_reports
from itadesk.domain import Layout, Origin, OriginKind
from itadesk.domain.oit import OitItem, empty_year
from itadesk.domain.rounds import kept_rounds
from itadesk.store import Library

from .processes import itadesk
from .test_own_layouts import own_layout_file


def _exchange_files(location: str | Path, ids: list[int], folder: Path) -> list[bytes]:
    folder.mkdir()
    out = []
    for rid in ids:
        target = folder / f"{rid}.itadesk.json"
        run = itadesk("--library", location, "save-json", str(rid), "-o", target)
        assert run.returncode == 0, run.stderr
        out.append(target.read_bytes())
    return out


def _filled(path: Path, layout: Layout) -> list[int]:
    """The demos, a report in the clerk's own layout, an OIT year of the clerk's, kept
    rounds, an imported origin, and a deleted report (the numbers have a gap)."""
    with Library.open(path) as lib:
        ids = add_demo_reports(lib)
        gone = lib.create_report(lib.load_report(ids[0]))
        lib.delete_report(gone)
        kept = lib.add_layout(layout)
        first = lib.load_report(ids[0])
        own = dataclasses.replace(first, layout=kept.id, measures=first.measures[:3],
                                  origin=Origin(OriginKind.IMPORTED, "กองคลัง.docx", 2))
        ids.append(lib.create_report(own))
        lib.set_rounds(ids[1], kept_rounds(lib.load_report(ids[1]), "6"))
        year = lib.load_report(ids[0]).fiscal_year
        lib.keep_oit_year(dataclasses.replace(
            empty_year(year), status="edited", source="สถ.",
            items=(OitItem("O30", ("results",), "รายงานผลการดำเนินการตามมาตรการ",
                           ("owners", "link")),)))
    return ids


def test_every_report_goes_to_the_server_and_back_unchanged(tmp_path: Path, pg_url: str):
    from itadesk.domain.layout_files import layout_from_dict

    layout = layout_from_dict(json.loads(own_layout_file(tmp_path).read_text("utf-8")))
    source = tmp_path / "office.sqlite"
    ids = _filled(source, layout)
    before = _exchange_files(source, ids, tmp_path / "before")

    run = itadesk("library", "copy", source, pg_url)
    assert run.returncode == 0, run.stderr
    assert "ตรงกันทุกฉบับ" in run.stderr
    assert run.stdout.splitlines() == [f"{i}\t{i}" for i in sorted(ids)]  # numbers kept
    assert _exchange_files(pg_url, ids, tmp_path / "on-server") == before

    back = tmp_path / "back.sqlite"
    run = itadesk("library", "copy", pg_url, back)
    assert run.returncode == 0, run.stderr
    assert _exchange_files(back, ids, tmp_path / "back") == before
    with Library.open(source) as a, Library.open(back) as b:
        # what the exchange file does not carry comes along too: numbers, times, origins
        assert a.list_reports() == b.list_reports()
        assert [a.load_report(i) for i in ids] == [b.load_report(i) for i in ids]
        assert b.integrity_ok()


def test_a_copy_into_a_library_with_reports_is_refused_and_changes_nothing(
        tmp_path: Path, library: Path | str):
    source = tmp_path / "source.sqlite"
    with Library.open(source) as lib:
        add_demo_reports(lib)
    with Library.open(library) as lib:
        kept = add_demo_reports(lib)[:1]
        lib.delete_report(kept[0] + 1)
        before = lib.list_reports()
    run = itadesk("library", "copy", source, library)
    assert run.returncode != 0 and "มีรายงานอยู่แล้ว" in run.stderr
    with Library.open(library) as lib:
        assert lib.list_reports() == before


@pytest.mark.parametrize("where", ["sqlite", "server"])
def test_a_difference_found_after_the_copy_undoes_it_all(tmp_path: Path, pg_url: str,
                                                         monkeypatch, where: str):
    from itadesk.store import moving
    from itadesk.store.moving import CopyMismatch

    source = tmp_path / "source.sqlite"
    with Library.open(source) as lib:
        add_demo_reports(lib)
    target = pg_url if where == "server" else tmp_path / "target.sqlite"
    real = moving.exchange_of

    with Library.open(source) as a, Library.open(target) as b:
        last = max(r.id for r in a.list_reports())

        def lossy(library, report):  # the last report, read back, lost a measure's title
            data = real(library, report)
            if library is b and report.id == last:
                data["report"]["measures"][0]["title"] = ""
            return data

        monkeypatch.setattr(moving, "exchange_of", lossy)
        with pytest.raises(CopyMismatch) as info:
            moving.copy_library(a, b)
        assert f"เลขที่ {last}" in info.value.message and ".measures[0].title" in info.value.detail
    with Library.open(target) as b:
        assert b.list_reports() == [] and b.custom_layouts() == ()
