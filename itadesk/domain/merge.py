"""Merging the parts that divisions send (exchange files) into one report."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from .model import Measure, MeasureKind, Report


def title_key(title: str) -> str:
    """Titles compared without spaces and leading numbers ("(๓) ช่องทาง…" = "๓. ช่องทาง…")."""
    text = re.sub(r"^\s*\(?[\d๐-๙]{1,3}[.)]\s*", "", title)
    return re.sub(r"\s+", "", text)


def merge_parts(existing: Sequence[Measure], parts: Sequence[Report]
                ) -> tuple[list[Measure], list[str]]:
    """Every part's measures, part after part in the given order, as new rows; and the
    titles that now appear more than once, for the clerk to choose between."""
    merged = [dataclasses.replace(m, id=None) for part in parts for m in part.measures]
    seen: dict[str, int] = {}
    for m in (*existing, *merged):
        if m.kind is MeasureKind.MEASURE and title_key(m.title):
            seen[title_key(m.title)] = seen.get(title_key(m.title), 0) + 1
    duplicates = []
    for m in merged:
        key = title_key(m.title)
        if m.kind is MeasureKind.MEASURE and seen.get(key, 0) > 1 and m.title not in duplicates:
            duplicates.append(m.title)
    return merged, duplicates
