"""The report and its parts as plain data; layouts as data. No Qt, no SQL."""

from .layout_files import LayoutError, builtin_layouts, layout_by_id
from .layouts import Column, Layout, LayoutCatalog, UnknownLayout
from .memo import Endorsement, Memo
from .model import (
    MEASURE_TEXT_FIELDS,
    REPORT_TEXT_FIELDS,
    Draft,
    Measure,
    MeasureKind,
    Origin,
    OriginKind,
    Report,
    ReportSummary,
    Score,
    Signer,
)

__all__ = [
    "MEASURE_TEXT_FIELDS",
    "REPORT_TEXT_FIELDS",
    "Column",
    "Draft",
    "Endorsement",
    "Layout",
    "LayoutCatalog",
    "LayoutError",
    "Measure",
    "MeasureKind",
    "Memo",
    "Origin",
    "OriginKind",
    "Report",
    "ReportSummary",
    "Score",
    "Signer",
    "UnknownLayout",
    "builtin_layouts",
    "layout_by_id",
]
