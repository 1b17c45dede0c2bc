"""The command line's commands of the ITA year (`itadesk oit`, `itadesk pack`): kept
apart from cli.py, which is long enough."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from .domain.oit import (
    CONFIDENCE,
    ELEMENTS,
    SERVES,
    STATUS,
    OitYear,
    empty_year,
    shipped_year,
    shipped_years,
)
from .thai.digits import to_thai_digits

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from .exchange.jsonfile import Exchange


def catalogue_lines(year: OitYear) -> list[str]:
    fy = to_thai_digits(str(year.fiscal_year))
    out = [f"ปีงบประมาณ {fy} ({year.agency or 'ไม่ระบุประเภทหน่วยงาน'}): "
           f"{STATUS.get(year.status, year.status)} "
           f"ความมั่นใจ{CONFIDENCE.get(year.confidence, year.confidence)}",
           f"  ที่มา: {year.source or '-'}"]
    if not year.items:
        out.append("  ยังไม่มีรายการข้อ OIT ของปีนี้ กรอกได้ในหน้าต่างโปรแกรม "
                   "(ไฟล์ → รายการข้อ OIT…)")
    for item in year.items:
        serves = ", ".join(SERVES[s] for s in item.serves)
        out.append(f"{item.code}\t{item.title}")
        out.append(f"  ใช้ตอบ: {serves}; ความมั่นใจ{CONFIDENCE.get(item.confidence, '')}")
        out.append("  ต้องแสดง: " + "; ".join(ELEMENTS[e] for e in item.elements))
        if item.source:
            out.append(f"  ที่มา: {item.source}")
    return out


def print_catalogue(fiscal_year: int | None, library_path: Path) -> int:
    """Every shipped year, or one year (empty when the program does not ship it); the
    library's own version of a year in place of the shipped one."""
    own: dict[int, OitYear] = {}
    from .store.library import exists

    if exists(library_path):
        from .store import Library

        with Library.open(library_path, take_backup=False, create=False) as library:
            own = {fy: y for fy in (fiscal_year,) if fy is not None
                   and (y := library.own_oit_year(fy)) is not None}
    years = [fiscal_year] if fiscal_year is not None else list(shipped_years())
    for n, fy in enumerate(years):
        year = own.get(fy) or shipped_year(fy) or empty_year(fy)
        if n:
            print()
        print("\n".join(catalogue_lines(year)))
    if fiscal_year is not None and shipped_year(fiscal_year) is None:
        print(f"โปรแกรมไม่มีรายการข้อ OIT ของปี {to_thai_digits(str(fiscal_year))}",
              file=sys.stderr)
    return 0



def pack(args: argparse.Namespace, loaded: Exchange) -> int:
    """`itadesk pack`: the files written, one a line (the list file last)."""
    import dataclasses

    from .domain.oit import ITEM_OPTION
    from .domain.publication import publication_of, with_publication
    from .export.pack import write_pack

    report = loaded.report
    options = dict(report.options)
    if args.item:
        options[ITEM_OPTION] = args.item.strip()
    if args.link:
        options = with_publication(options, dataclasses.replace(
            publication_of(options), link=args.link.strip()))
    report = dataclasses.replace(report, options=options)
    sign = None
    if args.certificate:
        from .export.signing import ask_password, signer_from_file

        sign = signer_from_file(args.certificate, ask_password())
    for written in write_pack(report, args.output, layout=loaded.layout, year=loaded.oit,
                              sign=sign):
        print(written.path)
    return 0


def scores(args: argparse.Namespace, library_path: Path) -> int:
    """`itadesk scores`: the analysis and the proposed rows; with --add, a new
    improvement-plan report of the next year holding them (its number printed). Which
    columns were read goes to stderr, as the window shows it."""
    from .domain.scoresheet import improvement_plan
    from .exchange.scoresheet_file import read_sheet_noted

    sheet, notes = read_sheet_noted(args.file, args.year)
    print("\n".join(notes), file=sys.stderr)
    report = improvement_plan(sheet, args.municipality)
    print(report.opening)
    print()
    for m in report.measures:
        print(f"{m.kind}\t{m.code}\t{m.title}")
    if args.add:
        from .store import Library

        with Library.open(library_path, take_backup=False) as library:
            print(library.create_report(report))
    return 0


def keep_round(args: argparse.Namespace, library_path: Path,
               find: Callable[[object, str], int | None]) -> int:
    """`itadesk round REPORT 6|12`: the measures' current results kept as that round."""
    from .domain.rounds import ROUNDS, kept_rounds
    from .store import Library

    with Library.open(library_path, take_backup=False, create=False) as library:
        found = find(library, args.report)
        if found is None:
            return 3
        report = library.load_report(found)
        rounds = kept_rounds(report, args.round)
        library.set_rounds(found, rounds)
    print(f"เก็บผลการดำเนินการ{ROUNDS[args.round]}ของ {to_thai_digits(str(len(rounds)))} "
          "มาตรการแล้ว", file=sys.stderr)
    return 0
