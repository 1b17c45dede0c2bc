"""The three demo reports (seeds 000, 001, 002) that a new library starts with, and that
`itadesk export --demo` and `itadesk check --demo` read."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .paths import resource

if TYPE_CHECKING:
    from .domain import Measure, Report
    from .store import Library

# seed → file in resources/demo (without .itadesk.json)
DEMOS = {"000": "kalasin-2568", "001": "chainat-2567", "002": "borplathong-2568"}


def demo_path(seed: str) -> Path:
    return resource("demo", f"{DEMOS[seed]}.itadesk.json")


def read_demo(seed: str) -> Report:
    # Imported here: the command line reads DEMOS to build its parser, at every start.
    from .exchange.jsonfile import read_report

    return read_report(demo_path(seed))


def demo_reports() -> list[Report]:
    """What a new library starts with (made in the transaction that makes the library),
    each known there as a sample (the window marks it; the files made of it are as ever)."""
    import dataclasses

    from .domain import Origin, OriginKind

    return [dataclasses.replace(read_demo(seed), origin=Origin(OriginKind.DEMO))
            for seed in DEMOS]


def add_demo_reports(library: Library) -> list[int]:
    return [library.create_report(report) for report in demo_reports()]


def demo_measures() -> list[Measure]:
    """Every measure of the three demos, in order (what the benchmarks repeat)."""
    return [m for seed in DEMOS for m in read_demo(seed).measures]
