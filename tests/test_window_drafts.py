"""Nothing typed is lost: the text of an open editor is kept in the library as a draft a
moment after the last key, survives kill -9 of the program and is offered back in its
cell; Esc's discard and a draft thrown away are undoable steps."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from itadesk.domain import Draft
from itadesk.store import Library

from .test_window import activate, click_cell, open_window  # noqa: F401
from .ui_helpers import type_text, when_dialog_opens

CTRL = Qt.KeyboardModifier.ControlModifier
ROOT = Path(__file__).resolve().parent.parent
TYPED = "ประชุมคณะทำงาน ๒ ครั้ง\nเผยแพร่ผลทางเว็บไซต์"

# The program as a clerk runs it: the window on the library, a cell opened by a key and
# typed into with real key events, never committed; then it waits to be killed.
TYPIST = r"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, sys.argv[2])
from pathlib import Path
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from itadesk.ui.app import make_app, open_library
from itadesk.ui.main_window import MainWindow
from tests.ui_helpers import type_text

make_app([])
library = open_library(Path(sys.argv[1]))
window = MainWindow(library)
window.resize(1280, 800)
window.show()
window.activateWindow()
QTest.qWaitForWindowActive(window)
rid = {r.municipality: r.id for r in library.list_reports()}["เทศบาลเมืองชัยนาท"]
window.open_report(rid)
table = window.report_page.table
index = table.model().index(1, 2)
table.scrollTo(index)
QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                 pos=table.visualRect(index).center())
field = window.session.model.cell_field(1, 2)
measure = window.session.model.measure(1)
text = sys.argv[3]
type_text(table, text[0])  # a key opens the cell's editor with that key
editor = QApplication.focusWidget()
assert editor is not table, editor
type_text(editor, text[1:])
QTest.qWait(1300)  # a pause in typing, longer than the draft's second
print("typed", rid, measure.id, field, flush=True)
while True:
    QTest.qWait(50)
"""


def test_a_draft_typed_in_a_cell_survives_kill_9_and_is_offered_back(
        open_window, qtbot, library_path: Path):  # noqa: F811
    proc = subprocess.Popen([sys.executable, "-c", TYPIST, str(library_path), str(ROOT), TYPED],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=os.environ.copy())
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith("typed"), (line, proc.stderr.read() if proc.poll() else "")
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    _typed, rid, measure_id, field = line.split()
    rid, measure_id = int(rid), int(measure_id)
    with Library.open(library_path, take_backup=False) as lib:
        base = next(m for m in lib.load_measures(rid) if m.id == measure_id).get(field)
        [draft] = lib.drafts(rid)  # the cell's text as it was when the program died
    assert (draft.measure_id, draft.field, draft.base) == (measure_id, field, base)
    typed = TYPED  # a key on the cell starts its text anew (as in Excel); base is the old
    assert draft.text == typed

    asked: list[str] = []

    def take(dialog) -> None:
        table = window.report_page.table
        cell = table.visualRect(table.currentIndex())
        cell.moveTopLeft(table.viewport().mapToGlobal(cell.topLeft()))
        room, frame = dialog.screen().availableGeometry(), dialog.frameGeometry()
        assert room.contains(frame)  # all of it in reach, its buttons too
        if max(cell.left() - room.left(), room.right() - cell.right()) > frame.width() + 24:
            assert not frame.intersects(cell)  # the cell stays in sight where there is room
        asked.append(dialog.findChild(QLabel, "draft_where").text())
        asked.append(dialog.text.text())
        dialog.take.click()

    when_dialog_opens(take)
    window = open_window()
    assert window.resumer.resume()  # as at the program's start: the report opened before
    qtbot.waitUntil(lambda: len(asked) == 2, timeout=5000)
    assert asked[1] == typed
    assert "แถวที่ ๒" in asked[0]
    table = window.report_page.table
    assert (table.currentIndex().row(), table.currentIndex().column()) == (1, 2)
    saved = window.library.load_report(rid)
    measure = next(m for m in saved.measures if m.id == measure_id)
    assert measure.get(field) == typed  # taken: committed at once
    assert window.library.drafts(rid) == []
    # one undo step takes it back out (the clerk's click brings the window back first)
    activate(qtbot, window)
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert window.session.model.measure(1).get(field) == base


def test_a_draft_thrown_away_comes_back_with_ctrl_z(open_window, qtbot):  # noqa: F811
    window = open_window()
    reports = {r.municipality: r.id for r in window.library.list_reports()}
    rid = reports["เทศบาลเมืองกาฬสินธุ์"]
    window.library.keep_draft(Draft(rid, 0, "memo.facts", "ตามที่ได้รับแจ้งจากจังหวัด", ""))
    seen: list[str] = []

    def throw(dialog) -> None:
        seen.append(dialog.text.text())
        seen.append(window.report_page.tabs.currentWidget().objectName())
        dialog.findChild(QPushButton, "draft_throw").click()

    when_dialog_opens(throw)
    window.open_report(rid)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    page = window.report_page
    assert seen[0] == "ตามที่ได้รับแจ้งจากจังหวัด"
    assert page.tabs.currentWidget() is page.memo  # offered where it was typed
    memo = window.library.load_report(rid).memo
    assert memo is None or memo.facts == ""
    assert window.library.drafts(rid) == []
    # Ctrl+Z where the keys are now (the field itself: nothing typed there to take back)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.memo.texts["facts"],
                    timeout=3000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
    assert window.library.load_report(rid).memo.facts == "ตามที่ได้รับแจ้งจากจังหวัด"
    assert page.memo.texts["facts"].text() == "ตามที่ได้รับแจ้งจากจังหวัด"


def test_form_fields_keep_drafts_until_left(open_window, qtbot):  # noqa: F811
    """The memo's paragraphs and the detail pane's fields are saved when left; until then
    their text is kept as a draft within a second of the last key, then dropped."""
    window = open_window()
    reports = {r.municipality: r.id for r in window.library.list_reports()}
    rid = reports["เทศบาลเมืองชัยนาท"]
    window.open_report(rid)
    page = window.report_page
    page.tabs.setCurrentWidget(page.memo)
    facts = page.memo.texts["facts"]
    facts.setFocus()
    qtbot.waitUntil(facts.hasFocus)
    type_text(facts, "ข้อเท็จจริงที่ยังพิมพ์ไม่เสร็จ")
    qtbot.waitUntil(lambda: [d.field for d in window.library.drafts(rid)] == ["memo.facts"],
                    timeout=3000)
    assert window.library.drafts(rid)[0].text.endswith("ยังพิมพ์ไม่เสร็จ")
    page.memo.lines["subject"].setFocus()  # leaving the field saves it: the draft goes
    qtbot.waitUntil(lambda: window.library.drafts(rid) == [], timeout=3000)
    assert window.library.load_report(rid).memo.facts.endswith("ยังพิมพ์ไม่เสร็จ")


def test_esc_in_a_cell_throws_the_text_away_as_one_undo_step(open_window, qtbot):  # noqa: F811
    window = open_window()
    reports = {r.municipality: r.id for r in window.library.list_reports()}
    rid = reports["เทศบาลเมืองชัยนาท"]
    window.open_report(rid)
    table = window.report_page.table
    table.setFocus()
    click_cell(qtbot, table, 2, 1)
    field = window.session.model.cell_field(2, 1)
    before = window.session.model.measure(2).get(field)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not table
    qtbot.keyClick(editor, Qt.Key.Key_End, CTRL)
    type_text(editor, "\nย่อหน้าที่พิมพ์ยาวแล้วเผลอกด Esc")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is table
    measure_id = window.session.model.measure(2).id

    def saved() -> str:
        return next(m for m in window.library.load_measures(rid) if m.id == measure_id).get(field)

    assert saved() == before  # Esc still means: not this text
    assert "Ctrl+Z" in window.statusBar().currentMessage()
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert saved() == before + "\nย่อหน้าที่พิมพ์ยาวแล้วเผลอกด Esc"
    assert "Ctrl+Z" not in window.statusBar().currentMessage()  # the hint is done with
    assert window.session.model.measure(2).get(field) == saved()
    qtbot.keyClick(table, Qt.Key.Key_Y, CTRL)
    assert saved() == before
    assert window.library.drafts(rid) == []


def test_typing_right_after_adding_a_row_goes_into_it_with_the_preview_open(
        open_window, qtbot):  # noqa: F811
    """The keys were in the preview (just opened, or clicked): «เพิ่มแถวท้ายตาราง» then
    typing lost the whole sentence; now the new row takes it."""
    window = open_window()
    reports = {r.municipality: r.id for r in window.library.list_reports()}
    rid = reports["เทศบาลตำบลบ่อปลาทอง"]
    window.open_report(rid)
    window.preview_action.trigger()
    preview = window.preview
    assert preview is not None
    preview.view.setFocus()
    qtbot.waitUntil(preview.view.hasFocus)
    page = window.report_page
    rows = window.session.model.rowCount()
    page.actions_by_name["add"].trigger()  # as the toolbar button does
    assert window.session.model.rowCount() == rows + 1
    assert QApplication.focusWidget() is page.table
    type_text(page.table, "ม")  # a key opens the new cell's editor with that key
    editor = QApplication.focusWidget()
    type_text(editor, "าตรการใหม่ที่พิมพ์ทันที")
    qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL)
    assert window.library.load_measures(rid)[-1].title == "มาตรการใหม่ที่พิมพ์ทันที"


def test_the_draft_question_leaves_its_cell_in_sight_on_a_laptop_screen(qtbot):
    """On 1366 × 768 the question goes beside the cell, on the half of the window where
    it fits, never over the cell and never past the screen's edge."""
    from PySide6.QtCore import QRect

    from itadesk.ui.draft_offer import DraftOffer, beside

    dialog = DraftOffer(None, Draft(1, 2, "result", "ข้อความที่พิมพ์ไว้", ""), "แถวที่ ๒", "เดิม")
    qtbot.addWidget(dialog)
    screen = QRect(0, 0, 1366, 728)
    size = dialog.sizeHint()
    for cell in (QRect(337, 332, 95, 300), QRect(900, 200, 120, 200), QRect(20, 500, 200, 60)):
        place = QRect(beside(dialog, cell, screen), size)
        assert screen.contains(place), (cell, place)
        assert not place.intersects(cell), (cell, place)
