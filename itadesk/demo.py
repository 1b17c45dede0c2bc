"""The three demo reports (seeds 000, 001, 002) that a new library starts with."""

from __future__ import annotations

from .exchange.jsonfile import read_report
from .paths import resource
from .store import Library

DEMO_FILES = ("kalasin-2568", "chainat-2567", "borplathong-2568")


def add_demo_reports(library: Library) -> list[int]:
    ids = []
    for name in DEMO_FILES:
        report = read_report(resource("demo", f"{name}.itadesk.json"))
        ids.append(library.create_report(report))
    return ids
