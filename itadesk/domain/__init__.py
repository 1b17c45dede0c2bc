"""The report and its parts as plain data; layouts as data. No Qt, no SQL.

Each name is loaded when first used (itadesk/lazy.py): `from itadesk.domain import Report`
works as ever, and importing domain.options alone does not read the layouts."""

from typing import TYPE_CHECKING

from ..lazy import names_from

if TYPE_CHECKING:
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

_WHERE = {
    **dict.fromkeys(("LayoutError", "builtin_layouts", "layout_by_id"), "layout_files"),
    **dict.fromkeys(("Column", "Layout", "LayoutCatalog", "UnknownLayout"), "layouts"),
    **dict.fromkeys(("Endorsement", "Memo"), "memo"),
    **dict.fromkeys(("MEASURE_TEXT_FIELDS", "REPORT_TEXT_FIELDS", "Draft", "Measure",
                     "MeasureKind", "Origin", "OriginKind", "Report", "ReportSummary",
                     "Score", "Signer"), "model"),
}
__getattr__ = names_from(__name__, _WHERE)

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
