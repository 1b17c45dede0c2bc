"""The window's Ctrl+Z and Ctrl+Y over two histories: the open report's steps, and the
library's (a report created, imported or deleted).

In a report, Ctrl+Z takes back its own steps; once none are left it takes back the
report's creation, and nothing else of the library (another report deleted an hour ago
is not undone from inside this one). In the library, the library's steps.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoStack

if TYPE_CHECKING:
    from .session import LibrarySession, ReportSession

UNDO, REDO = "เลิกทำ", "ทำซ้ำ"


class UndoChain(QObject):
    """Made before the sessions it follows, so that it is gone before they are: a stack
    being destroyed still announces that it was cleared."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.undo_action = QAction(UNDO, parent)
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(REDO, parent)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.redo_action.triggered.connect(self.redo)
        self.library: LibrarySession | None = None
        self.report: ReportSession | None = None
        self.update()

    def set_library(self, library: LibrarySession) -> None:
        self._watch(self.library, library)
        self.library = library
        self.update()

    def set_report(self, report: ReportSession | None) -> None:
        self._watch(self.report, report)
        self.report = report
        self.update()

    def _watch(self, old: LibrarySession | ReportSession | None,
               new: LibrarySession | ReportSession | None) -> None:
        for session, connect in ((old, False), (new, True)):
            if session is not None:
                stack = session.undo_stack
                for signal in (stack.indexChanged, stack.canUndoChanged, stack.canRedoChanged):
                    if connect:
                        signal.connect(self.update)
                    else:
                        signal.disconnect(self.update)

    def _undo_stack(self) -> QUndoStack | None:
        library = self.library
        if self.report is not None:
            if self.report.undo_stack.canUndo():
                return self.report.undo_stack
            if library is not None and library.undo_concerns(self.report.report_id):
                return library.undo_stack
            return None
        return library.undo_stack if library is not None and library.undo_stack.canUndo() else None

    def _redo_stack(self) -> QUndoStack | None:
        session = self.report or self.library
        return session.undo_stack if session is not None and session.undo_stack.canRedo() else None

    def update(self, *_args: object) -> None:
        undo, redo = self._undo_stack(), self._redo_stack()
        self.undo_action.setEnabled(undo is not None)
        self.undo_action.setText(f"{UNDO} {undo.undoText()}" if undo else UNDO)
        self.redo_action.setEnabled(redo is not None)
        self.redo_action.setText(f"{REDO} {redo.redoText()}" if redo else REDO)

    def undo(self) -> None:
        self._step(self._undo_stack(), undo=True)

    def redo(self) -> None:
        self._step(self._redo_stack(), undo=False)

    def _step(self, stack: QUndoStack | None, undo: bool) -> None:
        if stack is not None:
            if self.report is not None and stack is self.report.undo_stack:
                # the report's own step: the window then goes to what it changed
                self.report.step(undo)
            elif undo:
                stack.undo()
            else:
                stack.redo()
        self.update()
