"""The report and its parts as plain data; layouts as data. No Qt, no SQL."""

from .layouts import LAYOUTS, Column, Layout, layout_by_id
from .model import (
    MEASURE_TEXT_FIELDS,
    REPORT_TEXT_FIELDS,
    Measure,
    MeasureKind,
    Report,
    ReportSummary,
    Score,
    Signer,
)

__all__ = [
    "LAYOUTS",
    "MEASURE_TEXT_FIELDS",
    "REPORT_TEXT_FIELDS",
    "Column",
    "Layout",
    "Measure",
    "MeasureKind",
    "Report",
    "ReportSummary",
    "Score",
    "Signer",
    "layout_by_id",
]
