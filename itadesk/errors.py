"""The one kind of error a clerk is shown: a Thai sentence, and an English line for us."""

from __future__ import annotations

from pathlib import Path


class ClerkError(Exception):
    """`message` is plain Thai for the clerk (what happened, what to do); `english` says
    the same in a line for support, and str() adds the file and the technical detail."""

    english = ""  # each kind of error says it in English once; the class name if not

    def __init__(self, message: str, path: Path | None = None, detail: str = "",
                 english: str = "") -> None:
        self.message = message
        self.path = path
        self.detail = detail
        if english:
            self.english = english
        super().__init__(self.support_line())

    def support_line(self) -> str:
        parts = [self.english or f"{type(self).__name__}."]
        if self.path is not None:
            parts.append(f"[{self.path}]")
        if self.detail:
            parts.append(self.detail)
        return " ".join(parts)
