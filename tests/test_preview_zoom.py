"""The page pane's and the print preview's zoom keep the page the clerk was reading
(the new clerk's "+" jumped back a page), and their buttons say in words what they do."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QToolButton

from itadesk.thai.digits import to_thai_digits

from .test_preview import _long_report, _previewed
from .test_window import open_window  # noqa: F401  (the fixture)


def _settle(qtbot) -> None:
    qtbot.wait(200)  # the view lays out and draws its pages after the event


def _button(parent, sign: str) -> QToolButton:
    """The tool button whose text carries `sign` (its words may stand beside it)."""
    found = [b for b in parent.findChildren(QToolButton) if sign in b.text().split()
             or b.text() == sign]
    assert len(found) == 1, [b.text() for b in parent.findChildren(QToolButton)]
    return found[0]


def _page_at_middle(view) -> int:
    """The page under the middle of what the view shows (by its current page's top and
    the pages' heights as laid out)."""
    from itadesk.ui.page_view import page_at

    return page_at(view, view.viewport().height() / 2)[0]


def test_zooming_the_page_pane_keeps_the_page_shown(open_window, qtbot):  # noqa: F811
    window = open_window()
    preview = _previewed(window, qtbot, window.library.create_report(_long_report()))
    assert preview.document.pageCount() >= 5
    preview.view.pageNavigator().jump(3, QPointF())
    _settle(qtbot)
    for sign in ("+", "+", "+", "−", "−", "−", "−", "−"):
        before = preview.current_page()
        qtbot.mouseClick(_button(preview, sign), Qt.MouseButton.LeftButton)
        _settle(qtbot)
        assert preview.current_page() == before, (sign, before, preview.current_page())
        # and the page is in sight, not only named: it is under the view's middle
        # (or, with several pages in the view, shown at all)
        assert _page_at_middle(preview.view) in (before, before + 1, before - 1) or (
            preview.view.zoomFactor() < 0.5), sign
    # zoomed in till a page is taller than the view, then scrolled down it: "+" keeps
    # the point in the middle where it is
    view = preview.view
    for _ in range(12):
        if _rects(view)[preview.current_page()][3] > 1.5 * view.viewport().height():
            break
        qtbot.mouseClick(_button(preview, "+"), Qt.MouseButton.LeftButton)
    _settle(qtbot)
    scroll = view.verticalScrollBar()
    scroll.setValue(scroll.value() + view.viewport().height() // 3)
    _settle(qtbot)
    page, share = _middle(view)
    qtbot.mouseClick(_button(preview, "+"), Qt.MouseButton.LeftButton)
    _settle(qtbot)
    after, share_after = _middle(view)
    assert after == page and abs(share_after - share) < 0.05, (page, share, after, share_after)


def test_the_page_pane_goes_one_page_at_a_time(open_window, qtbot):  # noqa: F811
    """In the narrow pane a landscape page is shorter than half the view: ▶ went two
    pages on (Qt counts the page under a line 40 % down the view as the current one)."""
    window = open_window()
    preview = _previewed(window, qtbot, window.library.create_report(_long_report()))
    count = preview.document.pageCount()
    steps = min(count - 1, 8)  # a stretch of pages each way (all 27 took 11 s)
    following, back = _button(preview, "▶"), _button(preview, "◀")
    for page in range(1, steps + 1):
        qtbot.mouseClick(following, Qt.MouseButton.LeftButton)
        _settle(qtbot)
        assert preview.current_page() == page
        assert preview.status.text().startswith(to_thai_digits(f"หน้า {page + 1} จาก"))
    preview.go(count)  # to the last page
    _settle(qtbot)
    assert preview.current_page() == count - 1
    qtbot.mouseClick(following, Qt.MouseButton.LeftButton)  # the last: it stays
    assert preview.current_page() == count - 1
    for page in range(count - 2, count - 2 - steps, -1):
        qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
        _settle(qtbot)
        assert preview.current_page() == page


def _middle(view) -> tuple[int, float]:
    from itadesk.ui.page_view import page_at

    return page_at(view, view.viewport().height() / 2)


def test_ctrl_wheel_zooms_the_page_pane_about_the_mouse(open_window, qtbot):  # noqa: F811
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    window = open_window()
    preview = _previewed(window, qtbot, window.library.create_report(_long_report()))
    view = preview.view
    view.pageNavigator().jump(4, QPointF())
    _settle(qtbot)
    shown = preview.status.text()
    before = view.zoomFactor(), preview.current_page()
    at = QPoint(view.viewport().width() // 2, view.viewport().height() // 2)
    wheel = QWheelEvent(QPointF(at), QPointF(view.viewport().mapToGlobal(at)), QPoint(0, 0),
                        QPoint(0, 120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase,
                        False)
    QApplication.sendEvent(view.viewport(), wheel)
    _settle(qtbot)
    assert wheel.type() == QEvent.Type.Wheel
    assert preview.status.text() != shown  # zoomed, not scrolled
    assert preview.current_page() == before[1]


def test_zooming_the_print_preview_keeps_the_page_shown(open_window, qtbot):  # noqa: F811
    from itadesk.document import ExportOptions, build_document
    from itadesk.export.pdf import laid_out
    from itadesk.ui.printing import PrintPreview

    report = _long_report()
    data = laid_out(build_document(report, ExportOptions.from_report(report))).data
    window = open_window()
    dialog = PrintPreview(data, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.view.pageNavigator().jump(3, QPointF())
    _settle(qtbot)
    navigator = dialog.view.pageNavigator()
    assert navigator.currentPage() == 3
    for key in ("in", "in", "in", "out", "out", "in"):
        before = navigator.currentPage()
        qtbot.mouseClick(dialog.buttons[key], Qt.MouseButton.LeftButton)
        _settle(qtbot)
        assert navigator.currentPage() == before, (key, before, navigator.currentPage())
    dialog.close()


def _whole(widget, within) -> bool:
    """`widget` in sight whole inside `within`, at no less than the room it asks."""
    box = widget.geometry()
    box.moveTopLeft(widget.mapTo(within, QPoint(0, 0)))
    return (widget.isVisible() and within.rect().contains(box)
            and widget.width() >= widget.sizeHint().width())


def _apart(widgets) -> bool:
    boxes = [w.geometry().translated(w.parentWidget().mapTo(w.window(), QPoint(0, 0)))
             for w in widgets]
    return not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


def test_the_pane_buttons_say_in_words_what_they_do_and_fit_when_narrow(
        open_window, qtbot):  # noqa: F811
    window = open_window()  # 1280 × 800
    preview = _previewed(window, qtbot, window.library.create_report(_long_report()))
    dock = window.preview_dock
    words = {"previous": "หน้าก่อน", "next": "หน้าถัดไป", "out": "ย่อ", "in": "ขยาย",
             "width": "พอดีกว้าง"}
    signs = {"previous": "◀", "next": "▶", "out": "−", "in": "+", "width": "↔"}
    window.resizeDocks([dock], [640], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: abs(dock.width() - 640) < 20)
    _settle(qtbot)
    buttons = preview.buttons
    for key, button in buttons.items():
        assert signs[key] in button.text() and words[key] in button.text(), button.text()
        assert _whole(button, preview), key
    status = preview.status
    assert _whole(status, preview) and _apart([*buttons.values(), status])
    assert status.text().startswith("หน้า ") and status.y() < preview.view.y()
    # the pane at its narrowest the clerk's laptop gives it (300 points at 150 %)
    for width in (420, 300, 260):
        window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)
        qtbot.waitUntil(lambda width=width: dock.width() <= width + 20)
        _settle(qtbot)
        for key, button in buttons.items():
            assert signs[key] in button.text() and _whole(button, preview), (width, key)
        assert _whole(status, preview), width  # «หน้า ๒ จาก ๒๗ · ๓๒ %» read whole
        assert status.fontMetrics().horizontalAdvance(status.text()) <= status.width()
        assert _apart([*buttons.values(), status]), width
        assert status.geometry().bottom() < preview.view.y()
    window.resizeDocks([dock], [640], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: words["in"] in buttons["in"].text())


def test_fitting_the_width_and_a_wider_pane_keep_the_page_shown(open_window, qtbot):  # noqa: F811
    """↔ after "+", or the pane dragged wider or narrower (or its line moved under its
    buttons), kept the scroll bar's pixels and showed another page."""
    window = open_window()
    preview = _previewed(window, qtbot, window.library.create_report(_long_report()))
    dock = window.preview_dock
    for _ in range(4):
        qtbot.mouseClick(preview.buttons["next"], Qt.MouseButton.LeftButton)
    _settle(qtbot)
    page = preview.current_page()
    assert page >= 4
    for _ in range(2):
        qtbot.mouseClick(preview.buttons["in"], Qt.MouseButton.LeftButton)
    _settle(qtbot)
    assert preview.current_page() == page
    qtbot.mouseClick(preview.buttons["width"], Qt.MouseButton.LeftButton)
    _settle(qtbot)
    assert preview.current_page() == page
    share = _top_down(preview.view, page)
    for width in (640, 300, 480):
        window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)
        qtbot.waitUntil(lambda width=width: abs(dock.width() - width) < 30)
        _settle(qtbot)
        assert preview.current_page() == page, width
        # the same place on it at the view's top, not a neighbour's lower half
        assert abs(_top_down(preview.view, page) - share) < 0.02, width


def _rects(view):
    from itadesk.ui.page_view import page_rects

    return page_rects(view)


def _top_down(view, page: int) -> float:
    """How far down page `page` the view's top is, as a share of the page."""
    from itadesk.ui.page_view import page_rects

    _x, y, _w, h = page_rects(view)[page]
    return (view.verticalScrollBar().value() - y) / h
