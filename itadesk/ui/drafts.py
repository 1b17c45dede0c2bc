"""Nothing typed is lost: the text of an editor still open (a cell of the table, a field of
the detail pane, the report's details or the memo) is kept in the library as a draft a
moment after the clerk stops typing, and dropped once it is committed or thrown away. A
draft left by a crash is offered back when its report is opened again.

A draft's place is (measure id, field) for a measure's field, (0, 'report.<field>') or
(0, 'memo.<field>') for a form's (store/draft_rows.py).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from ..domain import REPORT_TEXT_FIELDS, Draft, Memo
from ..domain.memo import MEMO_FIELD_NAMES, MEMO_TEXT_FIELDS, NEW_MEMO
from ..domain.model import MEASURE_FIELD_NAMES
from ..domain.text import clean_cell_text
from ..store import Library, LibraryError
from .thai_edit import ThaiTextEdit

if TYPE_CHECKING:
    from .session import ReportSession

log = logging.getLogger(__name__)
Place = tuple[int, str]
# The memo's fields beyond its text fields that a form types into.
MEMO_SIGNER_FIELDS = {"signer_name": "ชื่อผู้ลงนามบันทึก", "signer_positions": "ตำแหน่งผู้ลงนามบันทึก"}
REPORT_FIELD_LABELS = {
    "title": "ชื่อรายงาน", "municipality": "หน่วยงาน", "district": "อำเภอ",
    "province": "จังหวัด", "period": "รอบการรายงาน", "prepared_by": "จัดทำโดย",
    "opening": "ย่อหน้าเปิด", "closing": "บทสรุปภาพรวม", "layout": "รูปแบบรายงาน",
}


class DraftKeeper(QObject):
    """Keeps open editors' texts as drafts: a write a moment after the last keystroke
    (and, while typing goes on, at least about once a second), never one per key."""

    notice = Signal(str)
    DELAY_MS = 400
    LONGEST_WAIT = 0.6  # s of typing without a pause before a draft is kept anyway

    def __init__(self, library: Library, report_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.report_id = report_id
        self._pending: dict[Place, tuple[str, str]] = {}  # place → (text, base)
        self._kept: dict[Place, str] = {}  # place → the text kept in the library
        self._since: float | None = None  # when the oldest pending key was typed
        self._warned = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DELAY_MS)
        self._timer.timeout.connect(self.flush)

    @property
    def active(self) -> bool:
        return not self.library.read_only

    def typed(self, place: Place, text: str, base: str) -> None:
        """The clerk typed: `text` is the editor's whole text, `base` the saved one."""
        if not self.active:
            return
        self._pending[place] = (text, base)
        now = time.monotonic()
        if self._since is None:
            self._since = now
        if now - self._since < self.LONGEST_WAIT or not self._timer.isActive():
            self._timer.start()  # a pause in typing, or the wait cut short: it fires

    def flush(self) -> None:
        """Keep what is pending now (the timer does it by itself)."""
        self._timer.stop()
        self._since = None
        pending, self._pending = self._pending, {}
        for place, (text, base) in pending.items():
            if text.strip() != base.strip():
                if self._kept.get(place) != text and self._write(
                        self.library.keep_draft,
                        Draft(self.report_id, place[0], place[1], text, base)):
                    self._kept[place] = text
            elif place in self._kept:
                self._drop(place)

    def finished(self, place: Place, committed: bool) -> None:
        """The editor closed: its text is saved (or thrown away as an undoable step), so the
        draft goes; or the save failed, and the draft is kept now."""
        if not self.active:
            return
        if committed:
            self._pending.pop(place, None)
            if place in self._kept:
                self._drop(place)
        elif place in self._pending:
            self.flush()

    def settle(self, saved: Callable[[Place], str | None]) -> None:
        """After what was open got committed (leaving the report, an export): the drafts
        of texts now saved go; the others are kept at once."""
        for place, (text, _base) in list(self._pending.items()):
            if text.strip() == (saved(place) or "").strip():
                del self._pending[place]
        self.flush()
        for place, text in list(self._kept.items()):
            if text.strip() == (saved(place) or "").strip():
                self._drop(place)

    def forget(self, place: Place) -> None:
        """A draft left from before (offered back and answered) is gone."""
        self._kept.pop(place, None)
        self._pending.pop(place, None)
        self._write(self.library.drop_draft, self.report_id, *place)

    def _drop(self, place: Place) -> None:
        if self._write(self.library.drop_draft, self.report_id, *place):
            self._kept.pop(place, None)

    def _write(self, action: Callable[..., None], *args: object) -> bool:
        try:
            action(*args)
        except LibraryError as exc:
            # typing goes on; the clerk is told once, not at every pause
            log.warning("draft not kept: %s", exc)
            if not self._warned:
                self._warned = True
                self.notice.emit("เก็บข้อความที่กำลังพิมพ์สำรองไว้ไม่ได้: " + exc.message)
            return False
        return True


def watch_field(session: ReportSession, widget: ThaiTextEdit | QLineEdit,
                place: Callable[[], Place | None]) -> None:
    """Keep `widget`'s text as a draft of `place` while typed; connect after the form's own
    commit, so that the draft goes only once the text is saved."""
    keeper = session.drafts

    def typed(*_args: object) -> None:
        where = place()
        if where is not None:
            base = saved_text(session, where)
            keeper.typed(where, widget.text(), base or "")

    def finished() -> None:
        where = place()
        if where is not None:
            keeper.finished(where, widget.text().strip() == (saved_text(session, where) or ""))

    if isinstance(widget, ThaiTextEdit):
        widget.edited.connect(typed)
        widget.focus_lost.connect(finished)
        widget.done.connect(finished)
    else:
        widget.textEdited.connect(typed)
        widget.editingFinished.connect(finished)


# ------------------------------------------------------------- places and texts
def saved_text(session: ReportSession, place: Place) -> str | None:
    """The text saved now in `place`; None if it is gone (a row deleted since)."""
    measure_id, name = place
    if measure_id:
        try:
            row = session.model.row_of(measure_id)
        except KeyError:
            return None
        return session.model.measure(row).get(name)
    part, _, field = name.partition(".")
    if part == "report" and field in REPORT_TEXT_FIELDS:
        return str(getattr(session.report, field))
    if part == "memo":
        memo = session.report.memo or NEW_MEMO
        if field in MEMO_FIELD_NAMES:
            return memo.get(field)
        if field == "signer_name":
            return memo.signer.name
        if field == "signer_positions":
            return "\n".join(memo.signer.positions)
    return None


def _with_memo_text(memo: Memo, field: str, text: str) -> Memo:
    import dataclasses

    if field == "signer_name":
        return memo.with_field("signer", dataclasses.replace(memo.signer, name=text.strip()))
    if field == "signer_positions":
        positions = tuple(p.strip() for p in text.split("\n") if p.strip())
        return memo.with_field("signer", dataclasses.replace(memo.signer, positions=positions))
    return memo.with_field(field, text.strip())


def place_changes(session: ReportSession, place: Place, text: str) -> dict[str, object] | None:
    """What putting `text` in a form's place sets on the report ({field: value})."""
    part, _, field = place[1].partition(".")
    if part == "report":
        return {field: text.strip()}
    return {"memo": _with_memo_text(session.report.memo or NEW_MEMO, field, text)}


def put_text(session: ReportSession, place: Place, text: str) -> bool:
    """Save `text` in `place` (an undo command's step: not itself undoable)."""
    if place[0]:
        return session.apply_cells([(place[0], place[1], clean_cell_text(text)[0])])
    changes = place_changes(session, place, text)
    return changes is not None and session.apply_report_fields(changes)


def take_text(session: ReportSession, place: Place, text: str, what: str) -> None:
    """Save `text` in `place` as one undoable step."""
    if place[0]:
        row = session.model.row_of(place[0])
        session.set_cells([(row, place[1], clean_cell_text(text)[0])], what)
        return
    for name, value in (place_changes(session, place, text) or {}).items():
        session.set_report_field(name, value, what)


def where_text(session: ReportSession, place: Place) -> str:
    """Where a draft was typed, as the clerk knows it: แถวที่ ๓ ช่อง «ผลการดำเนินการ»."""
    from ..thai.digits import to_thai_digits

    measure_id, name = place
    if measure_id:
        try:
            row = session.model.row_of(measure_id)
        except KeyError:
            return f"แถวที่ถูกลบไปแล้ว ช่อง «{MEASURE_FIELD_NAMES.get(name, name)}»"
        measure = session.model.measure(row)
        title = measure.title.strip().split("\n")[0]
        if len(title) > 60:
            title = title[:60] + "…"
        label = next((c.header for c in session.layout.columns if c.field == name), None)
        label = (label or MEASURE_FIELD_NAMES.get(name, name)).replace("\n", " ")
        return (f"ตารางมาตรการ แถวที่ {to_thai_digits(str(row + 1))} ช่อง «{label}»"
                + (f"\nมาตรการ «{title}»" if title else ""))
    part, _, field = name.partition(".")
    if part == "memo":
        labels = dict(MEMO_TEXT_FIELDS) | MEMO_SIGNER_FIELDS
        return f"บันทึกข้อความนำเรียน ช่อง «{labels.get(field, field)}»"
    return f"ข้อมูลรายงาน ช่อง «{REPORT_FIELD_LABELS.get(field, field)}»"


def focus_place(page: QWidget, place: Place) -> None:
    """Show the clerk where the draft was typed: its cell, or its field on its tab."""
    from .report_page import ReportPage

    assert isinstance(page, ReportPage)
    measure_id, name = place
    if measure_id:
        model = page.session.model
        try:
            row = model.row_of(measure_id)
        except KeyError:
            return
        page.show_table()
        column = next((i for i, c in enumerate(model.layout.columns) if c.field == name), None)
        index = model.index(row, 0 if model.is_section(row) or column is None else column)
        page.table.setCurrentIndex(index)
        page.table.scrollTo(index)
        page.table.setFocus()
        field_widget = page.detail.findChild(QWidget, f"detail_{name}")
        if column is None and field_widget is not None:  # a field of the detail pane only
            page.detail.area.ensureWidgetVisible(field_widget)
            field_widget.setFocus()
        return
    part, _, field = name.partition(".")
    form = page.memo if part == "memo" else page.form
    page.tabs.setCurrentWidget(form)
    widget = form.findChild(QWidget, f"{'memo' if part == 'memo' else 'field'}_{field}")
    if widget is not None:
        form.ensureWidgetVisible(widget)
        widget.setFocus()
