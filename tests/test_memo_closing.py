"""What the memo tab shows is what the memo prints: its closing line showed «จึงเรียนมา
เพื่อโปรดทราบ» in grey (a hint), a clerk took it for the line, and the memo printed had
none."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit

from itadesk.domain.memo import USUAL_CLOSING

from .test_window import activate, create_report, open_window  # noqa: F401  (the fixture)
from .test_window_detail import _export, _pdf_text, _squeezed
from .ui_helpers import type_text

CLOSING = _squeezed(USUAL_CLOSING)


def _memo_tab(qtbot, window):
    page = window.report_page
    memo = page.memo
    bar = page.tabs.tabBar()
    index = page.tabs.indexOf(memo)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert page.tabs.currentWidget() is memo
    return memo


def test_a_new_memo_prints_the_closing_line_it_shows(open_window, qtbot, tmp_path):  # noqa: F811
    window = open_window()
    report_id = create_report(qtbot, window, "เทศบาลตำบลหนองบัว")
    memo = _memo_tab(qtbot, window)
    closing = memo.lines["closing"]
    # real text, in black: what the memo prints
    assert closing.text() == USUAL_CLOSING
    assert closing.placeholderText().startswith("เช่น ")

    qtbot.mouseClick(memo.switch, Qt.MouseButton.LeftButton,  # on its box
                     pos=QPoint(8, memo.switch.height() // 2))
    assert memo.switch.isChecked()
    subject = memo.lines["subject"]
    qtbot.mouseClick(subject, Qt.MouseButton.LeftButton)
    type_text(subject, "รายงานผลการดำเนินการ")
    qtbot.keyClick(subject, Qt.Key.Key_Return)
    saved = window.library.load_report(report_id).memo
    assert saved is not None and saved.closing == USUAL_CLOSING

    pdf = tmp_path / "with.pdf"
    _export(qtbot, window, pdf)
    assert CLOSING in _squeezed(_pdf_text(pdf))

    # emptied: the field shows its hint (an example), and the memo prints no closing line
    activate(qtbot, window)
    qtbot.mouseClick(closing, Qt.MouseButton.LeftButton)
    closing.selectAll()
    qtbot.keyClick(closing, Qt.Key.Key_Delete)
    qtbot.keyClick(closing, Qt.Key.Key_Return)
    assert window.library.load_report(report_id).memo.closing == ""
    assert closing.text() == "" and closing.placeholderText().startswith("เช่น ")
    pdf = tmp_path / "without.pdf"
    _export(qtbot, window, pdf)
    printed = _squeezed(_pdf_text(pdf))
    assert "รายงานผลการดำเนินการ" in printed and CLOSING not in printed


def test_the_form_s_grey_hints_are_examples(open_window, qtbot):  # noqa: F811
    """No hint in the report's form or its memo reads as a value typed there."""
    window = open_window()
    create_report(qtbot, window, "เทศบาลตำบลหนองบัว")
    page = window.report_page
    hints = {}
    for form in (page.form, page.memo):
        for kind in (QLineEdit, QTextEdit, QPlainTextEdit):
            for edit in form.findChildren(kind):
                if edit.placeholderText():
                    hints[edit.objectName()] = edit.placeholderText()
    assert "memo_closing" in hints and "field_period" in hints, hints
    hints.pop("memo_garuda")  # says what goes there (a picture file), not a value
    assert all(hint.startswith("เช่น ") for hint in hints.values()), hints
