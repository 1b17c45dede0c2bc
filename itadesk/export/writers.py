"""The writers, by format: a plain registry, as pandoc keeps its own.

Each writer is a module with one function, `render(document, options, progress) -> bytes`,
that turns the neutral document into a file's bytes; it is imported when first used
(python-docx and ReportLab take a while to load). A new format is a new module and its
line here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the command line reads FORMATS without loading the document model
    from ..document import Document, ExportOptions

Progress = Callable[[float], None]  # 0.0 … 1.0; may raise Cancelled to stop the job
Render = Callable[["Document", "ExportOptions", Progress | None], bytes]


@dataclass(frozen=True)
class Writer:
    format: str  # also the file name's ending
    module: str  # holds render()
    name: str  # for the clerk ("Word")

    @property
    def render(self) -> Render:
        return importlib.import_module(self.module).render


WRITERS: dict[str, Writer] = {w.format: w for w in (
    Writer("docx", "itadesk.export.docx", "Word"),
    Writer("pdf", "itadesk.export.pdf", "PDF"),
)}
FORMATS = tuple(WRITERS)
