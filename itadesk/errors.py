"""The one kind of error a clerk is shown: a Thai sentence, and the detail for us."""

from __future__ import annotations

from pathlib import Path


class ClerkError(Exception):
    """`message` is plain Thai for the clerk (what happened, what to do); str() keeps
    the file and the technical detail for the log."""

    def __init__(self, message: str, path: Path | None = None, detail: str = "") -> None:
        super().__init__(f"{message} [{path}] {detail}".strip())
        self.message = message
        self.path = path
        self.detail = detail
