"""Small pieces the dialogs share."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialogButtonBox


def ok_cancel(ok_text: str, on_ok: Callable[[], object],
              on_cancel: Callable[[], object]) -> QDialogButtonBox:
    """OK / Cancel buttons in Thai (Qt's own say "OK" and "Cancel")."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("ยกเลิก")
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(on_cancel)
    return buttons
