"""The layout editor in the real window, driven by mouse clicks and key presses: a copy of
a layout renamed, its columns dropped, moved, added and retitled, kept in the library,
used by the report (undoably), and exported from the window with its headers."""

from __future__ import annotations

from pathlib import Path

import docx
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from itadesk.ui.layout_editor import LayoutEditorDialog

from .pdfcheck import column_text
from .test_window import open_window  # noqa: F401 (the fixture)
from .ui_helpers import click_button, type_text, when_dialog_opens

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


def click(widget) -> None:
    QTest.mouseClick(widget, LEFT)


def click_row(dialog: LayoutEditorDialog, row: int) -> None:
    view = dialog.list
    QTest.mouseClick(view.viewport(), LEFT, Qt.KeyboardModifier.NoModifier,
                     view.visualItemRect(view.item(row)).center())
    assert view.currentRow() == row


def retype(widget, text: str) -> None:
    """Select what the box holds and type over it, as a clerk would."""
    click(widget)
    QTest.keyClick(widget, Qt.Key.Key_A, CTRL)
    type_text(widget, text)


def edit_in_dialog(dialog) -> None:
    assert isinstance(dialog, LayoutEditorDialog)
    headers = [dialog.list.item(i).text().split("  —  ")[0].split(". ", 1)[1]
               for i in range(dialog.list.count())]
    assert headers == ["มาตรการ/แนวทาง", "วิธีการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลาดำเนินการ",
                       "ผลการดำเนินการ", "ผลลัพธ์หรือความสำเร็จของการดำเนินการ"]
    retype(dialog.name_edit, "แบบเทศบาลเมืองชัยนาท")
    click_row(dialog, 5)  # ผลลัพธ์… goes
    click(dialog.buttons["drop"])
    click_row(dialog, 3)  # ระยะเวลา before ผู้รับผิดชอบ
    click(dialog.buttons["up"])
    click_row(dialog, 0)
    retype(dialog.header_edit, "มาตรการ/โครงการ")
    retype(dialog.width_box, "2.5")
    click(dialog.buttons["add"])  # the first free field: the ITA question code
    assert dialog.focusWidget() is dialog.header_edit
    type_text(dialog.header_edit, "ข้อที่")
    for _ in range(5):
        click(dialog.buttons["up"])
    assert not dialog.buttons["up"].isEnabled()  # at the top now
    # the orientation by keyboard: the closed box steps to the next choice
    dialog.orientation.setFocus()
    QTest.keyClick(dialog.orientation, Qt.Key.Key_Down)
    click(dialog.ok_button)


def test_the_clerk_makes_and_uses_a_layout_of_the_municipality(open_window, qtbot,  # noqa: F811
                                                               tmp_path: Path):
    window = open_window()
    reports = {r.municipality: r.id for r in window.library.list_reports()}
    window.open_report(reports["เทศบาลเมืองชัยนาท"])
    page = window.report_page
    page.tabs.setCurrentWidget(page.form)
    when_dialog_opens(edit_in_dialog)
    click(page.form.own_layout_button)

    expected = ["ข้อที่", "มาตรการ/โครงการ", "วิธีการดำเนินการ", "ระยะเวลาดำเนินการ",
                "ผู้รับผิดชอบ", "ผลการดำเนินการ"]
    session = window.session
    [own] = window.library.custom_layouts()
    assert own.name == "แบบเทศบาลเมืองชัยนาท" and own.orientation == "portrait"
    assert [c.header for c in own.columns] == expected
    assert [c.field for c in own.columns] == ["code", "title", "steps", "timing", "owner",
                                              "result"]
    assert own.columns[1].width == 2.5
    assert own.extras_in == "result" and own.score_lines_in == "result"  # outcome was dropped
    assert window.library.load_report(session.report_id).layout == own.id
    assert [session.model.headerData(i, Qt.Orientation.Horizontal)
            for i in range(session.model.columnCount())] == expected
    assert page.form.layout_box.currentData() == own.id

    # switching to it is one step: undone and done again
    window.undo_action.trigger()
    assert window.library.load_report(session.report_id).layout == "six-guidelines"
    window.redo_action.trigger()
    assert window.library.load_report(session.report_id).layout == own.id

    # exported from the window (in a process of its own, from an exchange file)
    done: list[str] = []

    def close(box) -> None:
        done.append(box.text())
        click_button("ปิด")(box)

    for count, suffix in enumerate((".docx", ".pdf"), start=1):
        when_dialog_opens(close)
        assert window.export_to(tmp_path / f"own{suffix}") is not None
        qtbot.waitUntil(lambda n=count: len(done) == n, timeout=60_000)
        assert "เรียบร้อยแล้ว" in done[-1], done[-1]
    [table, *_] = docx.Document(str(tmp_path / "own.docx")).tables
    assert [c.text for c in table.rows[0].cells] == expected
    widths = [c.width for c in own.columns]
    columns = column_text(tmp_path / "own.pdf", 30,
                          tuple(160 * w / sum(widths) for w in widths))
    for header, text in zip(expected, columns, strict=True):
        assert header.replace(" ", "") in text


def test_a_header_left_empty_is_asked_for(qtbot):
    from itadesk.domain import builtin_layouts

    dialog = LayoutEditorDialog(builtin_layouts(), "improvement-plan")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    click_row(dialog, 2)
    retype(dialog.header_edit, "")
    QTest.keyClick(dialog.header_edit, Qt.Key.Key_Backspace)
    click(dialog.ok_button)
    assert dialog.isVisible() and dialog.made is None
    assert "ช่องที่ 3 ยังไม่มีหัวตาราง" in dialog.error.text()
    assert dialog.focusWidget() is dialog.header_edit
    type_text(dialog.header_edit, "วิธีการ")
    click(dialog.ok_button)
    assert dialog.made is not None and dialog.made.columns[2].header == "วิธีการ"
    assert dialog.made.id == "own-1" and not dialog.made.builtin
