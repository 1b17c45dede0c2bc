"""Small pieces the dialogs and forms share."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionComboBox,
    QStyleOptionViewItem,
    QStylePainter,
    QTableWidget,
    QWidget,
)

from .thai_edit import ThaiTextEdit


class ElidedLabel(QLabel):
    """One line of plain text that never widens the window: where it has less room than
    it needs it ends in "…", the whole text in its tooltip."""

    def __init__(self, parent: QWidget | None = None,
                 room: Callable[[], int] | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.room = room  # the width it may take, where the layout gives it its hint

    def setText(self, text: str) -> None:  # type: ignore[override]
        super().setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("…") * 4,
                     super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        if self.room is None:
            return hint
        least = self.minimumSizeHint().width()
        return QSize(max(least, min(hint.width(), self.room())), hint.height())

    def shown_text(self) -> str:
        """The text as drawn (elided to the width)."""
        room = self.contentsRect().width()
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, room)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setFont(self.font())
        painter.drawText(self.contentsRect(), int(self.alignment()), self.shown_text())


class ElidedComboBox(QComboBox):
    """A list to choose from as wide as its place, not as its longest item (the report's
    layout made the form wider than a laptop at 150 %): the chosen item ends in "…" where
    it is cut, whole in the tooltip and in the list that drops down."""

    def __init__(self, parent: QWidget | None = None, least: int = 16) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(least)
        self.currentTextChanged.connect(self.setToolTip)

    def _option(self) -> QStyleOptionComboBox:
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        return option

    def shown_text(self) -> str:
        """The chosen item's text as drawn (elided to the room the box has for it)."""
        room = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, self._option(),
            QStyle.SubControl.SC_ComboBoxEditField, self).width()
        return self.fontMetrics().elidedText(self.currentText(), Qt.TextElideMode.ElideRight,
                                             room)

    def showPopup(self) -> None:
        # the names whole in the list that drops down, however narrow the box
        view = self.view()
        view.setTextElideMode(Qt.TextElideMode.ElideNone)
        view.setMinimumWidth(view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint()
                             .width())
        super().showPopup()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = self._option()
        option.currentText = self.shown_text()
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


def typing_in(widget: QWidget) -> bool:
    """The keyboard is in this field (or in an editor of this table), or will be again
    when its window is the active one again."""
    focus = widget.window().focusWidget()
    return focus is not None and (focus is widget or widget.isAncestorOf(focus))


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


def button_row(*buttons: tuple[str, Callable[[], object]]) -> QHBoxLayout:
    """Buttons side by side from the left (add a row, remove the selected ones)."""
    row = QHBoxLayout()
    for text, on_click in buttons:
        button = QPushButton(text)
        button.clicked.connect(on_click)
        row.addWidget(button)
    row.addStretch(1)
    return row


def with_button(field: QWidget, text: str, on_click: Callable[[], object]) -> QHBoxLayout:
    """A field with a button beside it (a file or folder field and its "เลือก…")."""
    row = QHBoxLayout()
    row.addWidget(field, 1)
    button = QPushButton(text)
    button.clicked.connect(on_click)
    row.addWidget(button)
    return row


def rows_table(table: QTableWidget, multiline: Sequence[int], min_height: int) -> None:
    """A table of people or notes under a form: its columns share the width, its text
    wraps, a click selects the whole row (to remove it), the `multiline` columns are edited
    over several lines."""
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.setWordWrap(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    for column in multiline:
        table.setItemDelegateForColumn(column, MultiLineDelegate(table))
    table.setMinimumHeight(min_height)


class MultiLineDelegate(QStyledItemDelegate):
    """A cell edited over several lines (a signer's positions): Enter = next line,
    Ctrl+Enter = done."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = ThaiTextEdit(parent)
        editor.done.connect(lambda: (self.commitData.emit(editor),
                                     self.closeEditor.emit(editor)))
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, ThaiTextEdit)
        editor.set_text(index.data(Qt.ItemDataRole.EditRole) or "")

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, ThaiTextEdit)
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: QModelIndex | QPersistentModelIndex) -> None:
        rect = option.rect
        editor.setGeometry(rect.x(), rect.y(), rect.width(), max(rect.height(), 80))


class Scrolled(QScrollArea):
    """A dialog's contents that scroll where the screen has less room than they need
    (the export options at 150 % on a laptop were as tall as the screen, their buttons
    at its edge): as large as its contents where there is room, a few lines where not,
    the buttons kept outside it, always in sight."""

    def __init__(self, contents: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidget(contents)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def sizeHint(self) -> QSize:
        # all of it (QScrollArea's own hint stops at 24 lines), the scroll bar's width
        # spare: shown, it covers no text
        inner = self.widget().sizeHint()
        return QSize(inner.width() + self.verticalScrollBar().sizeHint().width(),
                     inner.height())

    def minimumSizeHint(self) -> QSize:
        inner = self.widget().minimumSizeHint()
        return QSize(inner.width() + self.verticalScrollBar().sizeHint().width(),
                     min(inner.height(), 4 * self.fontMetrics().height()))
