"""One neutral document, built from a report, that every writer turns into a file."""

from .build import ExportOptions, build_document
from .model import (
    Align,
    Block,
    Cell,
    Document,
    Image,
    PageSetup,
    Paragraph,
    Row,
    Run,
    Section,
    Table,
)

__all__ = [
    "Align",
    "Block",
    "Cell",
    "Document",
    "ExportOptions",
    "Image",
    "PageSetup",
    "Paragraph",
    "Row",
    "Run",
    "Section",
    "Table",
    "build_document",
]
