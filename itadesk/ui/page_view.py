"""The page pane's and the print preview's view of the report's PDF: which page the clerk
is on, the zoom it is shown at, and zooming and paging that keep the clerk's place.

QPdfView counts as current the page under a line 40 % down the view and keeps the scroll
bar's value through a zoom. In the narrow pane a landscape page is shorter than that, so
the page at the top was not the one named («หน้า ๖» over page ๕) and ▶ went two pages on;
"+" kept the pixels' offset, not the page, and jumped back a page. So the page shown is
worked out here from the pages' places (laid out as QPdfView lays them out), and the
view is scrolled by it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QMargins, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtPdfWidgets import QPdfView
from shiboken6 import isValid

from ..thai.digits import to_thai_digits

ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.2, 4.0
MARGIN = 6  # QPdfView's own margin round the pages

Rect = tuple[int, int, int, int]  # x, y, width, height in the view's document, in pixels


def _pixels_per_point() -> float:
    screen = QGuiApplication.primaryScreen()  # what QPdfView takes its resolution from
    return (screen.logicalDotsPerInch() if screen is not None else 72.0) / 72.0


def page_rects(view: QPdfView) -> list[Rect]:
    """Each page's place in the view's document, as QPdfView lays them out in its
    MultiPage mode: one under the other, each its own size in the fit modes."""
    document = view.document()
    if document is None or not document.pageCount():
        return []
    mode, zoom = view.zoomMode(), view.zoomFactor()
    margins, spacing = view.documentMargins(), view.pageSpacing()
    room_w, room_h = view.viewport().width(), view.viewport().height()
    scale = _pixels_per_point()
    sizes: list[tuple[int, int]] = []
    for page in range(document.pageCount()):
        points = document.pagePointSize(page)
        w, h = round(points.width() * scale), round(points.height() * scale)
        if mode == QPdfView.ZoomMode.Custom:
            w, h = round(points.width() * scale * zoom), round(points.height() * scale * zoom)
        elif mode == QPdfView.ZoomMode.FitToWidth and w > 0:
            factor = (room_w - margins.left() - margins.right()) / w
            w, h = round(w * factor), round(h * factor)
        elif mode == QPdfView.ZoomMode.FitInView and w > 0 and h > 0:
            factor = min((room_w - margins.left() - margins.right()) / w,
                         (room_h - spacing) / h)
            w, h = round(w * factor), round(h * factor)
        sizes.append((w, h))
    total = max(w for w, _h in sizes) + margins.left() + margins.right()
    y = margins.top()
    rects: list[Rect] = []
    for w, h in sizes:
        rects.append(((max(total, room_w) - w) // 2, y, w, h))
        y += h + spacing
    return rects


def shown_page(view: QPdfView) -> int:
    """The page the clerk is on: the first in sight by at least half of itself (or half
    the view, for a page taller than it)."""
    rects = page_rects(view)
    top = view.verticalScrollBar().value()
    room = view.viewport().height()
    for page, (_x, y, _w, h) in enumerate(rects):
        seen = min(y + h, top + room) - max(y, top)
        if seen > 0 and seen >= min(h, room) / 2:
            return page
    return page_at(view, room / 2)[0] if rects else 0


def page_at(view: QPdfView, y: float) -> tuple[int, float]:
    """(page, share down it) of the point `y` pixels down the view: the page nearest."""
    rects = page_rects(view)
    if not rects:
        return 0, 0.0
    at = view.verticalScrollBar().value() + y

    def away(page: int) -> float:
        top, height = rects[page][1], rects[page][3]
        return 0.0 if top <= at < top + height else min(abs(at - top), abs(at - top - height))

    page = min(range(len(rects)), key=away)
    _x, top, _w, h = rects[page]
    return page, min(max((at - top) / h, 0.0), 1.0) if h else 0.0


def scroll_to_page(view: QPdfView, page: int) -> None:
    """Page `page`'s top at the view's top (the last page's too: see keep_room_below)."""
    rects = page_rects(view)
    if rects:
        keep_room_below(view)
        view.verticalScrollBar().setValue(rects[min(max(page, 0), len(rects) - 1)][1])
        show_page_across(view)


def go_page(view: QPdfView, step: int) -> None:
    scroll_to_page(view, shown_page(view) + step)


def keep_room_below(view: QPdfView) -> None:
    """Room under the last page for it to be scrolled to the view's top: else, with
    several pages in the view, the last ones could never be the page the clerk is on."""
    rects = page_rects(view)
    if not rects:
        return
    margins = view.documentMargins()
    bottom = max(MARGIN, view.viewport().height() - rects[-1][3] - view.pageSpacing())
    if margins.bottom() != bottom:
        view.setDocumentMargins(QMargins(margins.left(), margins.top(), margins.right(),
                                         bottom))


def shown_zoom(view: QPdfView) -> float:
    """The zoom the clerk sees: in the fit modes QPdfView reports 1.0 whatever it shows,
    so "+" from a whole page would jump to a huge zoom."""
    document = view.document()
    if (view.zoomMode() == QPdfView.ZoomMode.Custom or document is None
            or not document.pageCount()):
        return view.zoomFactor()
    page = shown_page(view)
    points = document.pagePointSize(page).width() * _pixels_per_point()
    return page_rects(view)[page][2] / points if points else view.zoomFactor()


def page_and_zoom(view: QPdfView, printed: str = "") -> str:
    """"หน้า ๒ จาก ๘ · ๔๕ %": where the clerk is in the view's document, and how large
    its page is shown; `printed`, the page's own number where it is another ("หน้า ๓ จาก
    ๑๐ (เลขหน้า ๑) · …", in the report's digits)."""
    document = view.document()
    count = document.pageCount() if document is not None else 0
    place = to_thai_digits(f"หน้า {shown_page(view) + 1} จาก {count}")
    own = f" (เลขหน้า {printed})" if printed else ""
    return f"{place}{own} · {to_thai_digits(str(round(shown_zoom(view) * 100)))} %"


def _page_extent(view: QPdfView) -> tuple[float, float] | None:
    """(left, width) in pixels of the current page in the view's document; None where
    the document is no wider than the view. Every page is laid out in the middle of the
    widest one's width (a portrait memo in that of the landscape table pages)."""
    if view.horizontalScrollBar().maximum() <= 0:
        return None
    rects = page_rects(view)
    if not rects:
        return None
    x, _y, w, _h = rects[shown_page(view)]
    return x, w


def show_page_across(view: QPdfView, share: float | None = None) -> None:
    """Scroll sideways so the current page is in sight: in the middle where the view
    holds its width, else the point `share` across it in the view's middle (None: the
    least move that shows no grey beside it). Left where it was, a zoomed portrait page
    showed its left margin and the grey beside it, its text cut at the right."""
    extent = _page_extent(view)
    if extent is None:
        return
    left, width = extent
    margins = view.documentMargins()
    room = view.viewport().width()
    first, last = left - margins.left(), left + width + margins.right() - room
    bar = view.horizontalScrollBar()
    if last <= first:
        value = (first + last) / 2
    elif share is None:
        value = min(max(bar.value(), first), last)
    else:
        value = min(max(left + share * width - room / 2, first), last)
    bar.setValue(round(value))


def zoom_view(view: QPdfView, factor: float, at: float | None = None) -> None:
    """Zoomed with the page the clerk is on still the one shown ("+" kept the scroll
    bar's pixels and jumped back a page): that page's top stays put where the page is
    all in sight; else the point `at` pixels down the view (None: its middle) where it
    is on that page; else the top of what is in sight of it; at worst its top goes to
    the view's top."""
    zoom = max(MIN_ZOOM, min(shown_zoom(view) * factor, MAX_ZOOM))
    rects = page_rects(view)
    page = shown_page(view)
    bar = view.verticalScrollBar()
    at = view.viewport().height() / 2 if at is None else at
    share_across = 0.5
    extent = _page_extent(view)
    if extent is not None and extent[1] > 0:
        middle = view.horizontalScrollBar().value() + view.viewport().width() / 2
        share_across = min(max((middle - extent[0]) / extent[1], 0.0), 1.0)
    anchors: list[tuple[int, float, float]] = []  # page, share down it, pixels down the view
    if rects:
        _x, y, _w, h = rects[page]
        room = view.viewport().height()
        if bar.value() <= y and y + h <= bar.value() + room:
            anchors.append((page, 0.0, y - bar.value()))  # all in sight: its top stays
        elif h:
            under, share = page_at(view, at)
            if under == page:
                anchors.append((page, share, at))
            seen = max(bar.value(), y)  # the top of what is in sight of it
            anchors.append((page, (seen - y) / h, seen - bar.value()))
        anchors.append((page, 0.0, 0.0))
    view.setZoomMode(QPdfView.ZoomMode.Custom)
    view.setZoomFactor(zoom)
    rects = page_rects(view)
    if rects:
        keep_room_below(view)
        for anchor, share, offset in anchors:
            _x, y, _w, h = rects[anchor]
            bar.setValue(round(y + share * h - offset))
            if shown_page(view) == page:
                break
    show_page_across(view, share_across)


Anchor = tuple[int, float]  # the page the clerk is on, and the view's top down it


def _anchor(view: QPdfView) -> Anchor | None:
    rects = page_rects(view)
    if not rects:
        return None
    page = shown_page(view)
    _x, y, _w, h = rects[page]
    return page, (view.verticalScrollBar().value() - y) / h if h else 0.0


def _restore(view: QPdfView, anchor: Anchor | None) -> None:
    rects = page_rects(view)
    if anchor is None or anchor[0] >= len(rects):
        return
    keep_room_below(view)
    _x, y, _w, h = rects[anchor[0]]
    view.verticalScrollBar().setValue(round(y + anchor[1] * h))


def keep_page(view: QPdfView, change: Callable[[], object]) -> None:
    """`change` the view's zoom mode or room, on the same page after it (QPdfView keeps
    the scroll bar's pixels: fitted to the width, the clerk was pages away)."""
    anchor = _anchor(view)
    change()
    _restore(view, anchor)


class _PageWatch(QObject):
    """The view's child: `say` after each change of its page, its zoom or its room;
    `turned` once the page the clerk is on is another. A new width of the view (the
    pane dragged wider, its line moved under its buttons) keeps the page it showed."""

    def __init__(self, view: QPdfView, say: Callable[[], object],
                 turned: Callable[[], object] | None) -> None:
        super().__init__(view)
        self.view, self.say, self.turned = view, say, turned
        self.page = -1
        self.anchor: Anchor | None = None  # where the clerk was, before a new room
        self.resized = False  # the view's room changed: its anchor is kept till laid out
        view.viewport().installEventFilter(self)
        view.zoomFactorChanged.connect(lambda _zoom: say())
        view.zoomModeChanged.connect(lambda _mode: self._room())
        view.verticalScrollBar().valueChanged.connect(lambda _value: self._scrolled())
        document = view.document()
        if document is not None:  # another report's pages: another last page's room
            document.statusChanged.connect(lambda _status: self._room())

    def _scrolled(self) -> None:
        if not self.resized:
            self.anchor = _anchor(self.view)
        page = shown_page(self.view)
        if page != self.page:
            self.page = page
            if self.turned is not None:
                self.turned()
        self.say()

    def _room(self) -> None:
        document = self.view.document() if isValid(self.view) else None
        if document is None or not isValid(document):
            return  # the document says its status changed as it is deleted
        keep_room_below(self.view)
        self.say()

    def _laid_out(self) -> None:
        if self.resized:
            self.resized = False
            _restore(self.view, self.anchor)
        self._room()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Resize:
            # once the view's room is laid out (after its window's): a whole page or
            # the full width is another zoom at another size (it said ๒ % as it opened);
            # the timer goes with the view
            if not self.resized:
                self.resized = True
                QTimer.singleShot(0, self, self._laid_out)
        elif kind == QEvent.Type.Wheel and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            # Ctrl+wheel zooms about the mouse, as in Word and the PDF readers
            steps = event.angleDelta().y() / 120
            if steps:
                zoom_view(self.view, ZOOM_STEP ** steps, event.position().y())
            return True
        return False


def follow_page(view: QPdfView, say: Callable[[], object],
                turned: Callable[[], object] | None = None) -> None:
    """`say` where the clerk is whenever it changes; `turned` when the page does."""
    _PageWatch(view, say, turned)
