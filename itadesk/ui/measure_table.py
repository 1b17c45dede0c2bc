"""The measure table view: wrapped Thai cells, rows that grow, a long-text editor,
copy and paste of cell ranges as tab-separated text.

Row heights are fitted lazily: a row's exact height needs its cells segmented and laid
out, which for 1,000 measures would take seconds; rows first get a cheap estimate and
are fitted exactly when they come into view.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QWidget,
)

from ..domain.text import clean_cell_text, finished_cell_text, parse_tsv, to_tsv
from ..thai.digits import to_thai_digits
from ..thai.linebreak import with_break_hints
from .cell_text import ELLIPSIS, draw_wrapped, line_top, shown_span, wrapped_height
from .fonts import TABLE_POINT_SIZE, ui_font
from .measure_model import DisplayWithBreaksRole, MeasureTableModel
from .table_keys import OPEN_KEYS, Hint, WordTabs
from .thai_edit import ThaiTextEdit

if TYPE_CHECKING:
    from .drafts import DraftKeeper, Place

ModelIndex = QModelIndex | QPersistentModelIndex
PADDING = 6
MIN_ROW = 32
MAX_ROW = 4000
# A header of four lines took a third of the table at 150 % on a laptop.
HEADER_LINES = 3
# A row is shown no taller than this share of the table's height (and never under
# CAP_LINES lines of text): one long measure filled the whole table on a laptop, and the
# clerk saw a single row at a time. Its cut cell ends in "…"; the cell's editor and find
# show the whole text.
ROW_CAP_SHARE = 0.5
CAP_LINES = 4
CUT_TIP = "ข้อความในช่องนี้ยาวกว่าที่แสดง: ดับเบิลคลิกหรือกด F2 เพื่ออ่านและแก้ทั้งหมด"
TIP_CHARS = 600  # of a cut cell's text in its tooltip, before "…"
MIN_POINT_SIZE, MAX_POINT_SIZE = 10, 36

# The table's colours: black text on each background (contrast 14:1 and more, WCAG AA asks
# 4.5:1), the current cell framed in dark blue whether the table has focus or not.
TEXT = QColor("#000000")
SELECTED_BACKGROUND = QColor("#cfe3ff")
SECTION_BACKGROUND = QColor("#eef3fb")
FOCUS_FRAME = QColor("#1a56b0")
FOCUS_WIDTH = 2
# The narrowest a column gets: its header's longest word, and a month with its year
# whole (at 1366 pixels with the preview open, "ผู้รับผิดชอบ" was cut and "๒๕๖๘" broke
# as "๒๕ / ๖๘"); where these do not fit the table scrolls sideways instead.
YEAR_SAMPLE = "ต.ค. ๒๕๖๘ -"
HEADER_MARGIN = 12
# Shown in the status bar while a cell is typed in (Enter does not finish a cell, as in
# Word's tables: the clerk who pressed it to confirm got an empty line and no word why).
EDIT_KEYS = "Enter ขึ้นบรรทัดใหม่ · Ctrl+Enter หรือ Tab เสร็จช่องนี้ · Esc ยกเลิก"


def tip_html(text: str) -> str:
    """A tooltip's text that Qt wraps (its lines kept)."""
    import html

    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"


def share_width(available: int, weights: list[float], least: list[int]) -> list[int]:
    """`available` pixels shared by weight, each at least its `least` (a column given its
    least takes no more; the others share the rest); the least of each where even that is
    more than there is."""
    if sum(least) >= available:
        return list(least)
    widths = list(least)
    free = set(range(len(weights)))
    room = available
    while free:
        total = sum(weights[i] for i in free) or 1.0
        short = [i for i in free if room * weights[i] / total < least[i]]
        if not short:
            break
        for i in short:
            free.discard(i)
            room -= least[i]
    total = sum(weights[i] for i in free) or 1.0
    for i in free:
        widths[i] = int(room * weights[i] / total)
    widths[max(free) if free else -1] += available - sum(widths)
    return widths


class CellDelegate(QStyledItemDelegate):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.set_point_size(TABLE_POINT_SIZE)

    def set_point_size(self, size: int) -> None:
        self.font = ui_font(size)
        self.section_font = ui_font(size, bold=True)

    def _font_for(self, index: ModelIndex) -> QFont:
        model = index.model()
        if isinstance(model, MeasureTableModel) and model.is_section(index.row()):
            return self.section_font
        return self.font

    def initStyleOption(self, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        super().initStyleOption(option, index)
        option.text = index.data(DisplayWithBreaksRole) or ""
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        option.font = self._font_for(index)
        option.displayAlignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        model = index.model()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        view = opt.widget
        # framed while the table has focus and after (the clerk sees where typing goes)
        current = bool(opt.state & QStyle.StateFlag.State_HasFocus) or (
            isinstance(view, QAbstractItemView) and view.currentIndex() == index)
        # The style's own selection (white on blue while focused) and dotted focus are
        # not drawn: one light background and one dark frame, readable in every state.
        opt.state &= ~(QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus)
        if selected:
            painter.fillRect(opt.rect, SELECTED_BACKGROUND)
        elif isinstance(model, MeasureTableModel) and model.is_section(index.row()):
            painter.fillRect(opt.rect, SECTION_BACKGROUND)
        widget = opt.widget
        style = widget.style() if widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        painter.save()
        painter.setPen(TEXT)
        mark = None
        if isinstance(view, MeasureTable) and view.found is not None and (
                view.found[:2] == (index.row(), index.column())):
            mark = shown_span(index.data(Qt.ItemDataRole.EditRole) or "", text,
                              *view.found[2:])
        lines = draw_wrapped(painter, text, opt.font, opt.rect.adjusted(PADDING, PADDING,
                                                                        -PADDING, -PADDING),
                             mark)
        if lines and lines[-1].endswith(ELLIPSIS) and isinstance(view, MeasureTable) and (
                not view.is_cut(index.row())):
            view.refit_later(index.row())  # the row is shorter than its text: fit it
        if current:
            pen = painter.pen()
            pen.setColor(FOCUS_FRAME)
            pen.setWidth(FOCUS_WIDTH)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(opt.rect).adjusted(1, 1, -1, -1))
        painter.restore()

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView,
                  option: QStyleOptionViewItem, index: ModelIndex) -> bool:
        """A cell cut by the row cap says so when the mouse rests on it, with its text."""
        if (event.type() == QEvent.Type.ToolTip and isinstance(view, MeasureTable)
                and view.is_cut(index.row())
                and self.cell_height(index, option.rect.width()) > option.rect.height()):
            text = str(index.data(Qt.ItemDataRole.EditRole) or "")
            if len(text) > TIP_CHARS:
                text = text[:TIP_CHARS] + ELLIPSIS
            # as rich text Qt wraps it to the screen: a plain line ran off it, cut
            QToolTip.showText(event.globalPos(), tip_html(f"{CUT_TIP}\n\n{text}"), view)
            return True
        return super().helpEvent(event, view, option, index)

    def cell_height(self, index: ModelIndex, width: int) -> int:
        text = index.data(DisplayWithBreaksRole) or ""
        inner = width - 2 * PADDING
        return math.ceil(wrapped_height(text, self._font_for(index), inner)) + 2 * PADDING

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        return QSize(option.rect.width(), self.cell_height(index, option.rect.width()))

    # --------------------------------------------------------------- editing
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: ModelIndex) -> QWidget:
        editor = ThaiTextEdit(parent)
        editor.setFont(self._font_for(index))
        editor.setFrameShape(ThaiTextEdit.Shape.NoFrame)
        # It may reach over the rows below: a clear edge says where the cell's text ends.
        editor.setStyleSheet("ThaiTextEdit { border: 2px solid #3b7ddd; background: white; }")
        editor.setToolTip(EDIT_KEYS)
        editor.done.connect(lambda: self._finish(editor))
        view = self.parent()
        if isinstance(view, MeasureTable):
            view.editor_opened(editor, index)
        return editor

    def _finish(self, editor: ThaiTextEdit) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        assert isinstance(editor, ThaiTextEdit)
        editor.set_text(index.data(Qt.ItemDataRole.EditRole) or "")

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: ModelIndex) -> None:
        assert isinstance(editor, ThaiTextEdit)
        # The view turns this into an undoable, saved change (see MeasureTable.commit_text).
        view = self.parent()
        if isinstance(view, MeasureTable):
            view.commit_text(index.row(), index.column(), editor.text())

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: ModelIndex) -> None:
        rect = QRect(option.rect)
        # A long text gets room to be read while typed, below the cell if need be; a
        # cell cut short by the row cap shows its whole text, as far as the table goes.
        height = max(rect.height(), 160)
        view = self.parent()
        if isinstance(view, MeasureTable) and view.is_cut(index.row()):
            whole = self.cell_height(index, rect.width())
            height = max(height, min(whole, view.viewport().height() - max(rect.top(), 0)))
        rect.setHeight(height)
        editor.setGeometry(rect)


class WrappingHeader(QHeaderView):
    """Column headers in bold, wrapped over several lines like the printed reports, at
    most HEADER_LINES of them (the whole header in its tooltip)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setFont(ui_font(TABLE_POINT_SIZE, bold=True))
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSectionsClickable(False)
        self.setHighlightSections(False)

    def sectionSizeFromContents(self, logical: int) -> QSize:
        size = super().sectionSizeFromContents(logical)
        model = self.model()
        if model is None:
            return size
        text = with_break_hints(str(model.headerData(logical, self.orientation()) or ""),
                                keep_together=True)
        height = wrapped_height(text, self.font(), max(self.sectionSize(logical) - 12, 20))
        most = QFontMetricsF(self.font()).lineSpacing() * HEADER_LINES
        return QSize(size.width(), math.ceil(min(height, most)) + 12)

    def paintSection(self, painter: QPainter, rect: QRect, logical: int) -> None:
        painter.save()
        painter.fillRect(rect, QColor("#f2f2f2"))
        painter.setPen(QColor("#c8c8c8"))
        painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.setPen(self.palette().windowText().color())
        painter.setFont(self.font())
        model = self.model()
        text = with_break_hints(str(model.headerData(logical, self.orientation()) or ""),
                                keep_together=True)
        # broken where the cells are (not by Qt's own Thai breaks); "…" past HEADER_LINES
        draw_wrapped(painter, text, self.font(), rect.adjusted(6, 6, -6, -6), centre=True)
        painter.restore()


class MeasureTable(WordTabs, QTableView):
    """Signals carry edits to the session; the table itself never changes the model."""

    cells_edited = Signal(list)  # [(row, column, text)]
    # Esc over changed text: measure id, field, the saved text, the text thrown away
    thrown_away = Signal(int, str, str, str)
    drafts: DraftKeeper | None = None  # keeps the open editor's text while it is typed
    paste_requested = Signal(int, int, list)  # row, column, rows of cells
    notice = Signal(str)
    zoomed = Signal(int)  # the text's new point size
    _scrolled_to: QPersistentModelIndex | None = None
    _cap = 0  # the row cap the rows' heights were set under (0: none yet, being built)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.point_size = TABLE_POINT_SIZE
        self.row_actions: list[QAction] = []  # the page's row actions, for the right-click menu
        self.setHorizontalHeader(WrappingHeader(self))
        self.delegate = CellDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setWordWrap(True)
        self.setFont(ui_font(TABLE_POINT_SIZE))
        self.setAlternatingRowColors(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # The columns share the viewport's width: a scroll bar that came and went with the
        # rows' height (a pane opened under the table, a row added) moved every column
        # from under the mouse. Always there, as in Excel, it never changes the width.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setStyleSheet("QTableView { gridline-color: #c8c8c8; }")
        palette = self.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Highlight, SELECTED_BACKGROUND)
            palette.setColor(group, QPalette.ColorRole.HighlightedText, TEXT)
            palette.setColor(group, QPalette.ColorRole.Text, TEXT)
        self.setPalette(palette)
        vheader = self.verticalHeader()
        vheader.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vheader.setMinimumSectionSize(MIN_ROW)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._fitted: set[int] = set()
        self._refit: set[int] = set()
        self._found: tuple[int, int, int, int] | None = None
        self._cap = self.row_cap()  # the cap the rows' heights were set under
        self._refit_timer = QTimer(self)  # the table's own: it ends with the table
        self._refit_timer.setSingleShot(True)
        self._refit_timer.setInterval(0)
        self._refit_timer.timeout.connect(self._refit_rows)
        self._min_widths: tuple[object, list[int]] = (None, [])
        self._open_edit: tuple[ThaiTextEdit, Place, str] | None = None
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit_visible_rows)
        self.verticalScrollBar().valueChanged.connect(self._schedule_fit)

    # ------------------------------------------------------------ model wiring
    def setModel(self, model: QAbstractItemModel | None) -> None:
        old = self.model()
        if isinstance(old, MeasureTableModel):
            for signal in (old.modelReset, old.rowsInserted, old.rowsRemoved, old.rowsMoved,
                           old.layoutChanged):
                signal.disconnect(self._structure_changed)
            old.dataChanged.disconnect(self._data_changed)
        super().setModel(model)
        if isinstance(model, MeasureTableModel):
            for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved,
                           model.rowsMoved, model.layoutChanged):
                signal.connect(self._structure_changed)
            model.dataChanged.connect(self._data_changed)
        self._structure_changed()

    def table_model(self) -> MeasureTableModel:
        model = self.model()
        assert isinstance(model, MeasureTableModel)
        return model

    def _structure_changed(self, *_args: Any) -> None:
        model = self.model()
        if not isinstance(model, MeasureTableModel):
            return
        # rows came, went or moved: a fitted row number may now be another row
        self._fitted.clear()
        self._cap = self.row_cap()  # the text's size may have changed
        self._fit_columns()
        self.clearSpans()
        columns = model.columnCount()
        for row in range(model.rowCount()):
            if model.is_section(row) and columns > 1:
                self.setSpan(row, 0, 1, columns)
        self._estimate_rows()
        self._schedule_fit()

    def _data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex,
                      *_args: Any) -> None:
        for row in range(top_left.row(), bottom_right.row() + 1):
            self._fitted.discard(row)
            self.fit_row(row)

    # ----------------------------------------------------------- geometry
    def resizeEvent(self, event: QEvent) -> None:  # type: ignore[override]
        super().resizeEvent(event)
        if self._fit_columns() or self.row_cap() != self._cap:
            self._recap()
        self._schedule_fit()

    def updateGeometries(self) -> None:
        super().updateGeometries()
        # the viewport's height changes with the header's and a scroll bar's, not only
        # with the table's
        if self._cap and self.row_cap() != self._cap:
            self._schedule_fit()  # not in here: rows set now would lay it out again

    def _recap(self) -> None:
        self._cap = self.row_cap()
        self._fitted.clear()
        self._estimate_rows()

    def row_cap(self) -> int:
        """The tallest a row is shown (see ROW_CAP_SHARE)."""
        lines = QFontMetricsF(self.delegate.font).lineSpacing() * CAP_LINES
        return max(int(self.viewport().height() * ROW_CAP_SHARE),
                   math.ceil(lines) + 2 * PADDING, MIN_ROW)

    def _shown_whole(self, row: int) -> bool:
        """The row find is on is not capped: its word may be in the part cut off."""
        return self._found is not None and self._found[0] == row

    def _set_height(self, row: int, height: int) -> None:
        """A row's height for text `height` tall: no taller than the cap."""
        cap = MAX_ROW if self._shown_whole(row) else self._cap
        self.setRowHeight(row, min(cap, MAX_ROW, max(MIN_ROW, height)))

    def is_cut(self, row: int) -> bool:
        """Whether the row is shown shorter than its text because of the cap."""
        return not self._shown_whole(row) and self.rowHeight(row) >= min(self._cap, MAX_ROW)

    @property
    def found(self) -> tuple[int, int, int, int] | None:
        """The word find is on: (row, column, start, end) in the cell's text, drawn on
        yellow; its row shown whole."""
        return self._found

    @found.setter
    def found(self, value: tuple[int, int, int, int] | None) -> None:
        rows = {f[0] for f in (self._found, value) if f is not None}
        self._found = value
        for row in rows:
            self.fit_row(row)

    def min_widths(self) -> list[int]:
        """Each column's narrowest (see YEAR_SAMPLE), for this layout and text size."""
        model = self.table_model()
        key = (model.layout.columns, self.point_size)
        if self._min_widths[0] != key:
            header = QFontMetricsF(self.horizontalHeader().font())
            year = QFontMetricsF(self.delegate.font).horizontalAdvance(YEAR_SAMPLE)
            widths = []
            for column in range(model.columnCount()):
                text = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
                words = re.split(r"[\u200b\s]+", with_break_hints(text, keep_together=True))
                widest = max((header.horizontalAdvance(w) for w in words if w), default=0.0)
                widths.append(math.ceil(max(widest + HEADER_MARGIN, year + 2 * PADDING)) + 2)
            self._min_widths = (key, widths)
        return self._min_widths[1]

    def _fit_columns(self) -> bool:
        """Share the width among the columns as the layout's relative widths say, none
        narrower than its header's longest word and a month's year."""
        model = self.model()
        if not isinstance(model, MeasureTableModel) or not model.columnCount():
            return False
        widths = share_width(self.viewport().width(),
                             [c.width for c in model.layout.columns], self.min_widths())
        changed = False
        for i, width in enumerate(widths):
            if self.columnWidth(i) != width:
                self.setColumnWidth(i, width)
                changed = True
        if changed:
            self._fitted.clear()
            header = self.horizontalHeader()
            header.setFixedHeight(max(header.sectionSizeFromContents(i).height()
                                      for i in range(model.columnCount())))
        return changed

    def _estimate_rows(self) -> None:
        """A cheap height for every row (no segmentation), until it is fitted exactly."""
        model = self.model()
        if not isinstance(model, MeasureTableModel):
            return
        metrics = QFontMetricsF(self.delegate.font)
        # Thai marks take no width: a character is on average narrower than the average.
        char = metrics.averageCharWidth() * 0.8
        line = metrics.lineSpacing()
        widths = [max(self.columnWidth(c) - 2 * PADDING, 20) for c in range(model.columnCount())]
        fields = [model.field(c) for c in range(model.columnCount())]
        header = self.verticalHeader()
        header.blockSignals(True)
        for row in range(model.rowCount()):
            if row in self._fitted:
                continue
            measure = model.measure(row)
            lines = 1
            for field, width in zip(fields, widths, strict=True):
                per_line = max(int(width / char), 1)
                cell = sum(max(1, math.ceil(len(p) / per_line))
                           for p in measure.get(field).split("\n"))
                lines = max(lines, cell)
            self._set_height(row, int(lines * line) + 2 * PADDING)
        header.blockSignals(False)

    def _schedule_fit(self, *_args: Any) -> None:
        self._fit_timer.start()

    def fit_row(self, row: int) -> None:
        model = self.model()
        if not isinstance(model, MeasureTableModel) or row >= model.rowCount():
            return
        if model.is_section(row):
            width = sum(self.columnWidth(c) for c in range(model.columnCount()))
            height = self.delegate.cell_height(model.index(row, 0), width)
        else:
            height = max(self.delegate.cell_height(model.index(row, c), self.columnWidth(c))
                         for c in range(model.columnCount()))
        self._set_height(row, height)
        self._fitted.add(row)

    def refit_later(self, row: int) -> None:
        """A row found shorter than its text as it was painted (its height fitted for
        other widths, or only estimated): fitted again once the paint is over."""
        self._refit.add(row)
        self._refit_timer.start()

    def _refit_rows(self) -> None:
        rows, self._refit = self._refit, set()
        for row in rows:
            self.fit_row(row)

    def fit_visible_rows(self) -> None:
        model = self.model()
        if not isinstance(model, MeasureTableModel) or not model.rowCount():
            return
        if self.row_cap() != self._cap:
            self._recap()
        wanted, self._scrolled_to = self._scrolled_to, None
        for _ in range(3):  # a row fitted taller than its guess moves those under it
            self._fit_from(self.rowAt(0))
            if wanted is None or not wanted.isValid():
                break
            index = self.model().index(wanted.row(), wanted.column())
            rect, room = self.visualRect(index), self.viewport().rect()
            if room.contains(rect) or (rect.height() > room.height() and room.intersects(rect)):
                break
            self.updateGeometries()  # the scroll range of the rows just fitted
            super().scrollTo(index)

    def _fit_from(self, top: int) -> None:
        """Fit until the viewport is full, with a few rows beyond for smooth scrolling."""
        model = self.table_model()
        row, filled, extra = max(top, 0), 0, 0
        height = self.viewport().height()
        while row < model.rowCount() and extra < 3:
            if row not in self._fitted:
                self.fit_row(row)
            filled += self.rowHeight(row)
            if filled > height:
                extra += 1
            row += 1

    def scrollTo(self, index: ModelIndex,
                 hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible
                 ) -> None:
        super().scrollTo(index, hint)
        # scrolled by rows' guessed heights: scrolled again once those in sight are fitted
        if hint == QAbstractItemView.ScrollHint.EnsureVisible and index.isValid():
            self._scrolled_to = QPersistentModelIndex(index)
            self._schedule_fit()

    # ------------------------------------------------------------- editing
    def edit(self, index: QModelIndex, trigger: QAbstractItemView.EditTrigger | None = None,
             event: QEvent | None = None) -> bool:
        # A cell cut by the row cap is edited from the table's top, where its editor has
        # the room to show it all: scrolled there once the editor was made, the editor
        # stayed where the cell had been and ran under the table's edge.
        if trigger is not None and index.isValid() and self.is_cut(index.row()) and (
                self.state() != QAbstractItemView.State.EditingState
                and trigger & self.editTriggers()):
            self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)
        return super().edit(index, trigger, event)

    def commit_open_editor(self) -> None:
        """Hand an open cell editor's text over (saved and undoable) and close it."""
        if self.state() == QAbstractItemView.State.EditingState:
            current = self.currentIndex()
            # Leaving the cell makes Qt commit and close its editor.
            self.setCurrentIndex(QModelIndex())
            self.setCurrentIndex(current)

    def editor_opened(self, editor: ThaiTextEdit, index: ModelIndex) -> None:
        self.notice.emit(EDIT_KEYS)
        model = self.table_model()
        measure = model.measure(index.row())
        if measure.id is None:
            return
        place = (measure.id, model.cell_field(index.row(), index.column()))
        base = measure.get(place[1])
        self._open_edit = (editor, place, base)
        editor.edited.connect(
            lambda: self.drafts is not None and self.drafts.typed(place, editor.text(), base))

    def closeEditor(self, editor: object, hint: Hint) -> None:
        opened, self._open_edit = self._open_edit, None
        if opened is None or opened[0] is not editor:
            super().closeEditor(editor, hint)
            return
        _editor, (measure_id, name), base = opened
        typed = finished_cell_text(clean_cell_text(opened[0].text())[0])
        if hint == Hint.RevertModelCache and typed != base:
            self.thrown_away.emit(measure_id, name, base, typed)  # one undo step brings it back
        super().closeEditor(editor, hint)
        if self.drafts is not None:
            model = self.table_model()
            try:
                now = model.measure(model.row_of(measure_id)).get(name)
            except KeyError:
                now = None
            # kept as a draft if the save failed: nothing typed is lost
            self.drafts.finished((measure_id, name),
                                 hint == Hint.RevertModelCache or now == typed)

    def drop_untouched_editor(self) -> None:
        """Close an open cell editor with nothing typed in it, unsaved: an undo has just
        changed the table. Left open, it showed the undone text (Qt puts it there) over
        the text it had opened with, and Esc then "threw away" the difference as a new
        step, which took the redo away."""
        opened = self._open_edit
        if opened is None:
            return
        editor, (measure_id, name), base = opened
        model = self.table_model()
        try:
            now = model.measure(model.row_of(measure_id)).get(name)
        except KeyError:
            now = base  # its row went with the step: nothing of it to keep
        typed = finished_cell_text(clean_cell_text(editor.text())[0])
        if typed in (base, now):
            self._open_edit = (editor, (measure_id, name), typed)  # nothing thrown away
            self.closeEditor(editor, Hint.RevertModelCache)

    def commit_text(self, row: int, column: int, text: str) -> None:
        self.cells_edited.emit([(row, column, finished_cell_text(text))])

    # ------------------------------------------------------------- empty
    EMPTY_HINT = ("ตารางยังว่าง\n\nพิมพ์ได้เลย แถวแรกเริ่มที่ช่องแรก (หรือกด Ctrl+Shift+N เพิ่มแถว)\n"
                  "หรือคัดลอกตารางจาก Word หรือ Excel แล้วคลิกที่ตารางนี้และกด Ctrl+V\n"
                  "หรือนำเข้ารายงานปีก่อนจากเมนู ไฟล์ › นำเข้ารายงาน (Ctrl+Shift+O)\n\n"
                  "กด F1 เพื่อดูวิธีใช้")

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is not None and not model.rowCount():
            # an empty table says how to start, where the rows would be
            painter = QPainter(self.viewport())
            painter.setPen(QColor("#444444"))
            painter.setFont(ui_font(self.point_size + 1))
            painter.drawText(self.viewport().rect().adjusted(24, 24, -24, -24),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                             | Qt.TextFlag.TextWordWrap, self.EMPTY_HINT)
            painter.end()

    # ------------------------------------------------------------- zoom
    def set_point_size(self, size: int) -> None:
        """The table's text size (Ctrl+wheel, Ctrl++, Ctrl+-, Ctrl+0), rows refitted."""
        size = max(MIN_POINT_SIZE, min(int(size or TABLE_POINT_SIZE), MAX_POINT_SIZE))
        if size == self.point_size:
            return
        self.point_size = size
        self.delegate.set_point_size(size)
        self.setFont(ui_font(size))
        self.horizontalHeader().setFont(ui_font(size, bold=True))
        self._structure_changed()
        self.zoomed.emit(size)

    def zoom(self, step: int) -> None:
        self.set_point_size(TABLE_POINT_SIZE if step == 0 else self.point_size + step)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoom(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def _zoom_key(self, event: Any) -> int | None:
        if event.matches(QKeySequence.StandardKey.ZoomIn) or (
                event.modifiers() & Qt.KeyboardModifier.ControlModifier
                and event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Equal)):
            return 1
        if event.matches(QKeySequence.StandardKey.ZoomOut) or (
                event.modifiers() & Qt.KeyboardModifier.ControlModifier
                and event.key() == Qt.Key.Key_Minus):
            return -1
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and (
                event.key() == Qt.Key.Key_0):
            return 0
        return None

    # ------------------------------------------------------------- right-click
    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        index = self.indexAt(event.pos())
        if index.isValid() and not self.selectionModel().isSelected(index):
            self.setCurrentIndex(index)
        menu = QMenu(self)
        # the window's undo and redo, as in Word's right-click menu (a cut or a wrong
        # paste is taken back from where it was made)
        for name in ("undo_action", "redo_action"):
            action = getattr(self.window(), name, None)
            if isinstance(action, QAction):
                menu.addAction(action)
        if menu.actions():
            menu.addSeparator()
        for text, keys, slot in (
                ("แก้ไขข้อความในช่องนี้", "F2", lambda: self.edit(self.currentIndex())),
                ("ตัด", QKeySequence.StandardKey.Cut, self.cut_selection),
                ("คัดลอก", QKeySequence.StandardKey.Copy, self.copy_selection),
                ("วาง", QKeySequence.StandardKey.Paste, self.paste),
                ("ล้างข้อความในช่องที่เลือก", "Delete", self.clear_selection_cells)):
            action = menu.addAction(text)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
        if self.row_actions:
            menu.addSeparator()
            for action in self.row_actions:
                if action.isVisible():
                    menu.addAction(action)
        self.context_menu = menu  # for the tests
        menu.exec(event.globalPos())
        menu.deleteLater()

    def _starts_first_row(self, event: Any) -> bool:
        """A letter, Enter or F2 in an empty table: the first row is added and its first
        cell made current, then the key does there what it does in any cell."""
        model = self.model()
        typing = bool(event.text().strip()) and not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier)
        if model is None or model.rowCount() or self.append_row is None or not (
                typing or event.key() in OPEN_KEYS):
            return False
        if not self.append_row() or not model.rowCount():
            return False
        self.setCurrentIndex(model.index(0, 0))
        return True

    def keyPressEvent(self, event: Any) -> None:
        step = self._zoom_key(event)
        if step is not None:
            self.zoom(step)
            return
        self._starts_first_row(event)
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return
        if event.matches(QKeySequence.StandardKey.Cut):
            self.cut_selection()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and (
            self.state() != QAbstractItemView.State.EditingState
        ):
            self.clear_selection_cells()
            return
        super().keyPressEvent(event)

    def selected_block(self) -> tuple[int, int, int, int] | None:
        """The bounding block of the selection: (top, left, bottom, right)."""
        indexes = self.selectedIndexes()
        if not indexes:
            current = self.currentIndex()
            if not current.isValid():
                return None
            indexes = [current]
        rows = [i.row() for i in indexes]
        cols = [i.column() for i in indexes]
        return min(rows), min(cols), max(rows), max(cols)

    def copy_selection(self, said: str = "คัดลอก") -> None:
        block = self.selected_block()
        if block is None:
            return
        top, left, bottom, right = block
        model = self.table_model()
        rows = [
            [model.index(r, c).data(Qt.ItemDataRole.EditRole) or ""
             for c in range(left, right + 1)]
            for r in range(top, bottom + 1)
        ]
        QApplication.clipboard().setText(to_tsv(rows))
        self.notice.emit(to_thai_digits(f"{said} {len(rows)} แถว × {right - left + 1} ช่องแล้ว"))

    def show_found(self) -> None:
        """The cell of `found` made current, scrolled so that its word is in sight: in a
        row taller than the table only the cell's top was."""
        if self.found is None:
            return
        index = self.model().index(*self.found[:2])
        self.setCurrentIndex(index)
        self.scrollTo(index)
        # once the table has done its own scrolling to the new current cell
        QTimer.singleShot(0, self, self._scroll_to_found)

    def _scroll_to_found(self) -> None:
        if self.found is None:
            return
        self._scrolled_to = None  # the word is what is to be in sight, not the cell's top
        row, column, start, _end = self.found
        index = self.model().index(row, column)
        shown = index.data(DisplayWithBreaksRole) or ""
        at = shown_span(index.data(Qt.ItemDataRole.EditRole) or "", shown, start, start + 1)[0]
        font = self.delegate._font_for(index)
        width = self.columnWidth(column) - 2 * PADDING
        top = self.visualRect(index).top() + PADDING + line_top(shown, font, width, at)
        spacing = QFontMetricsF(font).lineSpacing()
        room = self.viewport().height()
        if top < 0 or top + spacing > room:
            self.updateGeometries()  # the scroll range of a row just shown whole
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + int(top - room / 3))
        self.viewport().update()

    def cut_selection(self) -> None:
        """Copied, then emptied: one step Ctrl+Z takes back."""
        self.copy_selection("ตัด")
        if not self.selectedIndexes() and self.currentIndex().isValid():
            current = self.currentIndex()
            self.cells_edited.emit([(current.row(), current.column(), "")])
            return
        self.clear_selection_cells()

    def paste(self) -> None:
        text = QApplication.clipboard().text()
        if not text:
            return
        current = self.currentIndex()
        row = current.row() if current.isValid() else self.table_model().rowCount()
        column = current.column() if current.isValid() else 0
        self.paste_requested.emit(max(row, 0), max(column, 0), parse_tsv(text))

    def clear_selection_cells(self) -> None:
        indexes = self.selectedIndexes()
        if indexes:
            self.cells_edited.emit([(i.row(), i.column(), "") for i in indexes])
