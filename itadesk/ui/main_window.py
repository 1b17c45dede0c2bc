"""The main window: the library, and the report being edited."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

# QtCore.Qt, not Qt: Qt's namespace (94 enums) is made at its first use, after the first
# paint (ui/app.py); a `from PySide6.QtCore import Qt` here would make it at import
from PySide6 import QtCore
from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QTimer,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QMoveEvent, QResizeEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

# Only what the window's first paint needs: the library, the domain and the sessions are
# loaded once it is painted (attach), the report's page when a report is opened; the
# message boxes and file dialogs by the commands that ask (QMessageBox's enums: 2.4 ms).
from .. import settings
from ..domain.round_names import PART_LABELS
from ..store.errors import BackupFailed, LibraryError, LibraryReadOnly
from ..thai.digits import to_thai_digits
from .guard import APP_TITLE, guarded, run_guarded
from .library_care import NETWORK_NOTICE, SAVE_COPY, ReadOnlyBanner, ask_copy_path
from .library_name import LOCAL, library_name, location_name
from .library_page import LibraryPage
from .resume import Resumer
from .status_bar import ClerkStatusBar
from .tips import explain
from .toolbars import EscClosesOverflow
from .undo import UndoChain
from .window_export import ExportActions
from .window_panes import PaneActions

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from ..domain import Report
    from ..domain.changes import Changes
    from ..exchange.jsonfile import Exchange
    from ..store import Backup, Library
    from .checks_pane import ChecksPane
    from .find_replace import FindReplaceDialog
    from .import_dialog import ImportDialog
    from .jobs import ExportJob
    from .office import OfficeDesk
    from .preview import PreviewPane
    from .preview_worker import PreviewWorker
    from .report_page import ReportPage
    from .session import LibrarySession, ReportSession


class MainWindow(ExportActions, PaneActions, QMainWindow):
    find_dialog: FindReplaceDialog | None = None
    library: Library  # from attach() on
    library_session: LibrarySession

    def __init__(self, library: Library | None = None, parent: QWidget | None = None) -> None:
        """The window, with `library` in it; without one, the window only (painted first
        at start-up: the library is read and shown by attach() right after)."""
        super().__init__(parent)
        self.attached = False
        self.office: OfficeDesk | None = None
        self.session: ReportSession | None = None
        self.report_page: ReportPage | None = None
        self.setWindowTitle(f"{APP_TITLE} — คลังรายงาน")
        self.setStatusBar(ClerkStatusBar(self))

        self.undo_chain = UndoChain(self)
        self.settings, self._settings_notice = settings.load()
        self.resumer = Resumer(self)
        self._last_folder = self.settings.last_folder or str(Path.home())
        self.export_job: ExportJob | None = None
        self.preview: PreviewPane | None = None
        self.preview_worker: PreviewWorker | None = None  # the preview's process, once wanted
        self.checks_pane: ChecksPane | None = None
        self.checks_dock: QDockWidget | None = None
        self.preview_dock: QDockWidget | None = None
        self.stack = QStackedWidget(self)
        self.library_page = LibraryPage(self)
        self.library_page.open_requested.connect(self.open_report)
        self.library_page.new_requested.connect(self.new_report)
        self.library_page.delete_requested.connect(self.delete_report)
        self.stack.addWidget(self.library_page)
        self.read_only_banner = ReadOnlyBanner(self)
        self.read_only_banner.save_copy_requested.connect(self.save_copy_for_editing)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.read_only_banner)
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.saved_label = QLabel("")
        self.progress_bar = QProgressBar()
        self.progress_bar.setMaximumWidth(220)
        self.progress_bar.hide()
        self.cancel_button = QPushButton("ยกเลิก")
        self.cancel_button.clicked.connect(self.cancel_export)
        self.cancel_button.hide()
        self.statusBar().addPermanentWidget(self.progress_bar)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self.statusBar().addPermanentWidget(self.saved_label)
        self._build_menus()
        room = self.screen().availableGeometry()
        # maximised as it shows (show_as_left): on a first start, when left maximised, or
        # when the size the clerk left no longer fits (kept at 100 %, started at 150 %)
        self._maximise = True
        if self.settings.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(self.settings.window_geometry.encode()))
            kept = self.normalGeometry() if self.isMaximized() else self.geometry()
            # a title bar's and borders' room: the window manager adds them outside
            fits = (kept.width() <= room.width() - 8 and kept.height() <= room.height() - 40)
            self._maximise = self.settings.window_maximised or self.isMaximized() or not fits
            if not self._maximise and not room.contains(kept.adjusted(-4, -36, 4, 4)):
                # partly off the screen (another screen's place): moved onto this one
                right, bottom = room.right() - kept.width() - 4, room.bottom() - kept.height() - 4
                kept.moveTo(max(room.left() + 4, min(kept.left(), right)),
                            max(room.top() + 36, min(kept.top(), bottom)))
                self.setGeometry(kept)
        if self._maximise:
            # the screen's room first: with no window manager there is nothing to maximise
            # it with (and a window restored maximised came back 25 pixels down, cut at the
            # bottom); a window manager maximises it as it shows (under openbox at 150 % a
            # window restored maximised at 100 % showed 607 × 379 in the middle)
            self.setGeometry(room)
        if self.settings.window_state:
            self.restoreState(QByteArray.fromBase64(self.settings.window_state.encode()))
        # Whether the clerk wants the page pane: the toggle shows it only with a report open
        # (checked and greyed out in the library, it looked pressed, as if on).
        self._preview_wanted = self.settings.preview_open
        # The size, place and docks are kept within a moment of each change, not only at a
        # clean exit: after a crash or a kill the window comes back as the clerk left it.
        self._keep_timer = QTimer(self)
        self._keep_timer.setSingleShot(True)
        self._keep_timer.setInterval(500)
        self._keep_timer.timeout.connect(self._keep_window)
        if library is not None:
            self.attach(library)

    def show_as_left(self) -> None:
        """Maximised on a first start, else as the clerk left it (maximised too when what
        was kept no longer fits the screen)."""
        if self._maximise:
            self.showMaximized()
        else:
            self.show()

    def _keep_window(self) -> None:
        if not self.isVisible():
            return
        self.settings.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode()
        self.settings.window_state = bytes(self.saveState().toBase64().data()).decode()
        self.settings.window_maximised = self.isMaximized()
        self._remember_preview_width()
        settings.save(self.settings)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.isVisible():
            self._keep_timer.start()

    def moveEvent(self, event: QMoveEvent) -> None:
        super().moveEvent(event)
        if self.isVisible():
            self._keep_timer.start()

    def attach(self, library: Library) -> None:
        """Show `library` in the window: its reports listed, its notices said."""
        from .office import OfficeDesk
        from .session import LibrarySession

        self.library = library
        self.library_session = LibrarySession(library, self)
        self.library_session.failed.connect(self.show_error)
        self.library_session.saved.connect(self._saved)
        self.library_session.changed.connect(self._library_changed)
        self.undo_chain.set_library(self.library_session)
        self.attached = True
        # F5 wherever the focus is: a form's field, the find dialog, a floating preview
        # (set here, not with the menus: Qt's namespace is not made before the first paint)
        self.preview_action.setShortcutContext(QtCore.Qt.ShortcutContext.ApplicationShortcut)
        self.office = OfficeDesk.attach(self)  # a server library: several clerks at once
        self.refresh_library()
        self.read_only_banner.show_for(library)
        notice, self._settings_notice = self._settings_notice, ""
        if library.network:
            notice = " · ".join(filter(None, [notice, NETWORK_NOTICE]))
        self._name_library()
        self.statusBar().showMessage(notice or library_name(library), 15000)

    # ------------------------------------------------------------------ menus
    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu("ไฟล์")
        self.library_action = self._action(file_menu, "คลังรายงาน", "Ctrl+L", self.show_library)
        self._action(file_menu, "สร้างรายงานใหม่…", QKeySequence.StandardKey.New, self.new_report)
        self._action(file_menu, "นำเข้ารายงาน (Word, PDF หรือไฟล์ ITA Desk)…", "Ctrl+Shift+O",
                     self.import_report)
        self._action(file_menu, "เรียกคืนจากสำเนาสำรอง…", None, self.restore_dialog)
        # the office's library and this PC's, one row: the menu fits a laptop at 150 %
        other_menu = file_menu.addMenu("เปิดคลังรายงานอื่น")
        self._action(other_menu, "เปิดคลังรายงานบนเครื่องแม่ข่าย…", None, self.open_server_library)
        self.local_action = self._action(other_menu, f"เปิด{LOCAL}", None,
                                         self.open_local_library)
        file_menu.addSeparator()
        self.export_docx_action = self._action(file_menu, "ส่งออกเป็น Word…", "Ctrl+E",
                                               self.export_docx)
        self.export_pdf_action = self._action(file_menu, "ส่งออกเป็น PDF…", "Ctrl+Shift+E",
                                              self.export_pdf)
        parts_menu = file_menu.addMenu("ส่งออกแผนหรือผลรายรอบ")
        self.part_actions = {
            part: self._action(parts_menu, f"{PART_LABELS[part]} (Word หรือ PDF)…", None,
                               lambda _checked=False, p=part: self.export_part(p))
            for part in PART_LABELS}
        self.options_action = self._action(file_menu, "ตัวเลือกการส่งออก…", None,
                                           self.edit_export_options)
        file_menu.addSeparator()
        # the panes beside the table are in มุมมอง (where the clerk looks first for what
        # is shown), with their buttons on the toolbar
        view_menu = QMenu("มุมมอง", self)
        self.preview_action = self._action(view_menu, "หน้ากระดาษข้างตาราง", "F5",
                                           self.toggle_preview)
        self.preview_action.setCheckable(True)
        self.checks_action = self._action(view_menu, "ตรวจรายงาน", "F7", self.show_checks)
        self.save_json_action = self._action(file_menu, "บันทึกเป็นไฟล์ .itadesk.json…", None,
                                             self.save_json)
        self.print_preview_action = self._action(file_menu, "ตัวอย่างก่อนสั่งพิมพ์…", None,
                                                 self.print_preview)
        self.print_action = self._action(file_menu, "พิมพ์…", QKeySequence.StandardKey.Print,
                                         self.print_report)
        # the year's work in a menu of its own: under ไฟล์ it made the menu taller than a
        # laptop's screen at 150 % (512 points), and Qt showed it in two columns
        year_menu = QMenu("ปี ITA", self)
        self.year_menu = year_menu
        self.next_year_action = self._action(year_menu, "สร้างรายงานปีงบประมาณถัดไป", None,
                                             self.create_next_year)
        self.keep6_action = self._action(year_menu, "เก็บผลการดำเนินการรอบ ๖ เดือน", None,
                                         lambda: self.keep_round("6"))
        self.keep12_action = self._action(year_menu, "เก็บผลการดำเนินการรอบ ๑๒ เดือน", None,
                                          lambda: self.keep_round("12"))
        self.scores_action = self._action(year_menu, "คะแนน ITA ปีที่แล้ว → แผนพัฒนาปีถัดไป…",
                                          None, self.plan_from_scores)
        year_menu.addSeparator()
        self.merge_action = self._action(year_menu, "รวมไฟล์จากหน่วยงานย่อย…", None,
                                         self.merge_parts)
        self.pack_action = self._action(year_menu, "ชุดเอกสารหลักฐาน…", None,
                                        self.evidence_pack)
        self.oit_action = self._action(year_menu, "รายการข้อ OIT…", None, self.edit_oit_year)
        self.report_actions = [self.export_docx_action, self.export_pdf_action,
                               self.options_action, self.pack_action, self.keep6_action,
                               self.keep12_action, self.preview_action,
                               self.print_preview_action, self.print_action,
                               self.checks_action, self.next_year_action,
                               self.save_json_action, self.merge_action]
        for action in self.report_actions:
            action.setEnabled(False)
        toolbar = self.addToolBar("ส่งออกและพิมพ์")
        toolbar.setObjectName("export_toolbar")
        EscClosesOverflow(toolbar)
        explain(self.report_actions)
        # The everyday buttons only: all of them did not fit 1366 pixels, and the rest
        # behind » opened a second row that Esc did not close (the clerk's next click
        # hit a button there). The others are in the menus.
        for action in (self.export_docx_action, self.export_pdf_action, self.preview_action,
                       self.print_preview_action, self.print_action, self.checks_action):
            toolbar.addAction(action)
        # the plan and the rounds need a report too, from the menu only
        self.report_actions.extend(self.part_actions.values())
        for action in self.part_actions.values():
            action.setEnabled(False)
        file_menu.addSeparator()
        self._action(file_menu, "ออกจากโปรแกรม", QKeySequence.StandardKey.Quit, self.close)

        edit_menu = menu.addMenu("แก้ไข")
        self.undo_action = self.undo_chain.undo_action
        self.redo_action = self.undo_chain.redo_action
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        # where a clerk looks for them; the keys are only named after a tab (the table
        # and the fields keep them: as the menu's own they would be taken from them)
        for text, what in (("ตัด\tCtrl+X", "cut"), ("คัดลอก\tCtrl+C", "copy"),
                           ("วาง\tCtrl+V", "paste")):
            self._action(edit_menu, text, None, lambda what=what: self._clipboard(what))
        edit_menu.addSeparator()
        self.find_action = self._action(edit_menu, "ค้นหา…", QKeySequence.StandardKey.Find,
                                        lambda: self.find(replace=False))
        self.replace_action = self._action(edit_menu, "ค้นหาและแทนที่…", "Ctrl+H",
                                           lambda: self.find(replace=True))
        for action in (self.find_action, self.replace_action):
            action.setEnabled(False)
            self.report_actions.append(action)

        self.rows_menu = menu.addMenu("แถว")
        self.rows_menu.setEnabled(False)
        menu.addMenu(year_menu)
        self._build_view_menu(view_menu)
        menu.addMenu(view_menu)

        help_menu = menu.addMenu("ช่วยเหลือ")
        self.help_action = self._action(help_menu, "วิธีใช้ ITA Desk", "F1", self.show_help)
        self._action(help_menu, "เกี่ยวกับ ITA Desk", None, self.about)

    def _clipboard(self, what: str) -> None:
        """ตัด, คัดลอก or วาง from the menu: on the field or the table being typed in."""
        from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

        widget = QApplication.focusWidget()
        if isinstance(widget, (QLineEdit, QPlainTextEdit)):
            getattr(widget, what)()
        elif self.report_page is not None and widget is not None and (
                widget is self.report_page.table or self.report_page.table.isAncestorOf(widget)):
            table = self.report_page.table
            {"cut": table.cut_selection, "copy": table.copy_selection,
             "paste": table.paste}[what]()

    def _build_view_menu(self, view_menu: QMenu) -> None:
        from .fonts import TEXT_SIZES

        view_menu.addSeparator()
        for text, keys, step in (
                ("ตัวอักษรในตารางใหญ่ขึ้น (หรือ Ctrl+หมุนล้อเมาส์)", QKeySequence.StandardKey.ZoomIn, 1),
                ("ตัวอักษรในตารางเล็กลง", QKeySequence.StandardKey.ZoomOut, -1),
                ("ตัวอักษรในตารางขนาดปกติ", "Ctrl+0", 0)):
            self._action(view_menu, text, keys, lambda step=step: self._zoom_table(step))
        sizes = view_menu.addMenu("ขนาดตัวอักษรในตาราง")
        self.text_size_actions: dict[int, QAction] = {}
        for size in TEXT_SIZES:
            action = self._action(sizes, to_thai_digits(f"{size} พอยต์"), None,
                                  lambda size=size: self._set_table_size(size))
            action.setCheckable(True)
            self.text_size_actions[size] = action
        self._show_table_size(self.settings.table_point_size)

    def _zoom_table(self, step: int) -> None:
        if self.report_page is not None:
            self.report_page.table.zoom(step)

    def _set_table_size(self, size: int) -> None:
        if self.report_page is not None:
            self.report_page.table.set_point_size(size)
        else:
            self._table_zoomed(size)

    def _table_zoomed(self, size: int) -> None:
        """The text size is the clerk's own: kept for every report and the next start."""
        self.settings.table_point_size = size
        settings.save(self.settings)
        self._show_table_size(size)

    def _show_table_size(self, size: int) -> None:
        for each, action in self.text_size_actions.items():
            action.setChecked(each == size)

    def _action(self, menu: QMenu, text: str,
                shortcut: str | QKeySequence.StandardKey | None,
                slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            # setShortcuts: setShortcut's overloads make Qt's namespace (16 ms) at once
            action.setShortcuts([QKeySequence(shortcut)])
        # before the library is attached (the window's first moments) a command waits
        action.triggered.connect(lambda: self.attached and run_guarded(self, slot))
        menu.addAction(action)
        return action

    # ---------------------------------------------------------------- library
    def _library_changed(self, changes: Changes) -> None:
        if changes.deleted and self.session is not None and (
                self.session.report_id == changes.report_id):
            self.show_library()  # its creation was undone from inside it
        self.refresh_library()
        if changes.created:
            self.library_page.select(changes.report_id)
            if changes.restored:
                # the message that it was deleted stayed after Ctrl+Z had brought it back
                self.statusBar().showMessage("นำรายงานกลับมาไว้ในคลังแล้ว", 10000)
        elif changes.deleted:
            self.statusBar().showMessage(
                "ลบรายงานออกจากคลังแล้ว นำกลับมาได้ด้วยเมนู แก้ไข › เลิกทำ (Ctrl+Z)", 10000)

    def refresh_library(self) -> None:
        self.library_page.show_reports(self.library.list_reports(), self.library.layouts())

    def show_library(self) -> None:
        self.close_report()
        self.resumer.closed()
        self.refresh_library()
        self.stack.setCurrentWidget(self.library_page)
        self.setWindowTitle(f"{APP_TITLE} — คลังรายงาน")
        self.library_page.take_keys()

    @guarded
    def new_report(self) -> None:
        from ..domain import Origin, OriginKind
        from .duplicates import place_report
        from .new_report import NewReportDialog

        dialog = NewReportDialog(self.library.layouts(), self)
        if dialog.exec() and dialog.report is not None:
            report = dataclasses.replace(
                dialog.report, options={**dialog.report.options, **self.settings.default_options})
            placed = place_report(self, self.library_session, report,
                                  Origin(OriginKind.CREATED), "สร้างรายงานใหม่")
            if placed.report_id is None:
                return
            # on its table (the tab the clerk fills), the keyboard in it: the first key
            # typed starts the first cell (the report's details are typed from the dialog)
            self.open_report(placed.report_id)
            if self.report_page is not None:
                self.report_page.show_table()

    @guarded
    def delete_report(self, report_id: int) -> None:
        from PySide6.QtWidgets import QMessageBox

        report = self.library.load_report(report_id)
        answer = QMessageBox.question(
            self, "ลบรายงาน",
            f"ลบรายงานของ «{report.municipality or 'ไม่ระบุหน่วยงาน'}» ปีงบประมาณ "
            f"{to_thai_digits(str(report.fiscal_year))} "
            f"({to_thai_digits(str(len(report.measures)))} มาตรการ) ใช่หรือไม่?\n"
            "ลบแล้วนำกลับมาได้ด้วยเมนู แก้ไข › เลิกทำ (Ctrl+Z) ก่อนปิดโปรแกรม "
            "หรือจากสำเนาสำรองที่โปรแกรมทำไว้ทุกครั้งที่เปิด",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.library_session.delete_report(
                report_id, f"ลบรายงาน {report.municipality or 'ไม่ระบุหน่วยงาน'}")

    # ----------------------------------------------------------------- report
    @guarded
    def open_report(self, report_id: int) -> None:
        # Loaded on first use: the table, its editors and the segmenter are not needed to
        # show the library, and the clerk sees the window sooner without them.
        from .report_page import ReportPage
        from .session import ReportSession

        self.close_report()
        session = ReportSession(self.library, report_id, self)
        session.failed.connect(self.show_error)
        if self.office is not None:
            self.office.follow(session)
        session.saved.connect(self._saved)
        page = ReportPage(session, self)
        page.notice.connect(lambda text: self.statusBar().showMessage(text, 6000))
        page.options_requested.connect(self.options_action.trigger)
        self.session, self.report_page = session, page
        self.undo_chain.set_report(session)
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        if self.settings.table_point_size:
            page.table.set_point_size(self.settings.table_point_size)
        page.table.zoomed.connect(self._table_zoomed)
        self.rows_menu.clear()
        for action in page.actions_by_name.values():
            self.rows_menu.addAction(action)
        self.rows_menu.setEnabled(True)
        for action in self.report_actions:
            action.setEnabled(True)
        if self._preview_wanted:
            self.preview_action.setChecked(True)
            self._open_preview(session)
        session.changed.connect(self._update_title)
        session.adopted.connect(self._adopted)
        self._update_title()
        page.table.setFocus()
        self.resumer.follow(page)
        session.drafts.notice.connect(lambda text: self.statusBar().showMessage(text, 15000))
        session.undo_stack.indexChanged.connect(self._undo_hint_done)
        # after the resumer has put the clerk back in place: a draft left by a crash is
        # offered in its own cell or field
        QTimer.singleShot(0, lambda: self._offer_drafts(page))

    def _undo_hint_done(self, _index: int) -> None:
        """A step undone or redone: a hint to press Ctrl+Z is no longer to the point."""
        if "Ctrl+Z" in self.statusBar().currentMessage():
            self.statusBar().clearMessage()

    @guarded
    def _offer_drafts(self, page: ReportPage) -> None:
        from .draft_offer import offer_drafts

        if self.report_page is page:
            offer_drafts(page, self)

    def _update_title(self, *_args: object) -> None:
        if self.session is not None:
            from ..domain.model import SAMPLE

            r = self.session.report
            # the copy's label too: two copies of one town and year looked the same; a
            # sample's mark, as its heading and the library list have it
            name = r.origin.with_copy(r.municipality or "รายงานใหม่")
            mark = f"{SAMPLE} " if r.origin.sample else ""
            self.setWindowTitle(f"{APP_TITLE} — {mark}{name} "
                                f"ปีงบประมาณ {to_thai_digits(str(r.fiscal_year))}")

    def _adopted(self, text: str) -> None:
        """A sample edited for the first time is the clerk's now: said once. After the
        step's own notice (a paste's «วางข้อมูล ๒ แถวแล้ว», said when the step returns),
        beside it, not in its place; a message from before the step (a cell editor's key
        hint, seen under Xvfb) is replaced."""
        self._update_title()
        before = self.statusBar().currentMessage()

        def say() -> None:
            said = self.statusBar().currentMessage()
            fresh = said and said != before
            self.statusBar().showMessage(f"{said} · {text}" if fresh else text, 15000)

        QTimer.singleShot(0, say)

    def find(self, replace: bool) -> None:
        """Ctrl+F / Ctrl+H: over the table and every field of the open report."""
        from .find_replace import FindReplaceDialog

        if self.report_page is None:
            return
        dialog = self.find_dialog
        if dialog is None or dialog.page is not self.report_page:
            if dialog is not None:
                dialog.deleteLater()
            dialog = self.find_dialog = FindReplaceDialog(self.report_page, self)
        dialog.open_for(replace)

    def close_report(self) -> None:
        if self.report_page is None or self.session is None:
            return
        if self.find_dialog is not None:
            self.find_dialog.close()
            self.find_dialog.deleteLater()
            self.find_dialog = None
        self.report_page.commit_pending()
        self.undo_chain.set_report(None)
        if self.office is not None:
            self.office.follow(None)
        self.stack.removeWidget(self.report_page)
        self.report_page.deleteLater()
        self.session.deleteLater()
        self.report_page = None
        self.session = None
        self.rows_menu.clear()
        self.rows_menu.setEnabled(False)
        for action in self.report_actions:
            action.setEnabled(False)
        self._close_preview()
        self.preview_action.setChecked(False)  # off, with nothing to show (_preview_wanted)
        self._close_checks()

    # ---------------------------------------------------------------- options
    def edit_export_options(self) -> None:
        from ..domain.options import carried_to_new_report, rebased
        from .export_options import ExportOptionsDialog

        if self.session is None:
            return
        shown = self.session.report.options
        dialog = ExportOptionsDialog(self.session.report, self)
        if dialog.exec():
            chosen = rebased(shown, dialog.chosen(), self.session.report.options)
            self.session.set_report_field("options", chosen, "เปลี่ยนตัวเลือกการส่งออก")
            # A new report starts with the options the clerk chose last.
            self.settings.default_options = carried_to_new_report(chosen)

    @guarded
    def evidence_pack(self) -> None:
        from .evidence_dialog import make_evidence_pack

        if self.session is not None:
            written = make_evidence_pack(self, self.session, Path(self._last_folder))
            if written:
                self._last_folder = str(written[0].parent)

    @guarded
    def keep_round(self, name: str) -> None:
        from .year_actions import keep_round_told

        if self.session is not None:
            if self.report_page is not None:
                self.report_page.commit_pending()  # a result still being typed is kept too
            keep_round_told(self, self.session, name)

    @guarded
    def plan_from_scores(self) -> None:
        from ..domain.oit import shipped_years
        from .scoresheet_dialog import edit_score_sheet
        from .year_actions import tell_plan_opened

        last = (self.session.report.fiscal_year - 1 if self.session is not None
                else shipped_years()[-1])
        before = self.report_page.heading.text() if self.report_page is not None else ""
        placed = edit_score_sheet(self, self.library_session, self.session,
                                  self._last_folder, last)
        if placed is not None and placed.report_id is not None:
            self.open_report(placed.report_id)
            if self.session is not None and self.session.report_id == placed.report_id:
                tell_plan_opened(self, placed, self.session, before)

    @guarded
    def edit_oit_year(self) -> None:
        from .oit_dialog import edit_oit_year

        year = self.session.report.fiscal_year if self.session is not None else None
        edit_oit_year(self, self.library, year)

    # ---------------------------------------------------------------- preview
    def _current_report(self) -> Report:
        """Read back from the library: what a file made now is made of. (The panes,
        which follow every edit, take the session's copy instead.)"""
        assert self.session is not None
        return self.library.load_report(self.session.report_id)

    # ------------------------------------------------------- files and years
    def import_report(self) -> None:
        from . import file_dialogs

        name, _ = file_dialogs.open_file_name(
            self, "นำเข้ารายงาน", self._last_folder,
            # the same words as the menu item: a file ending means nothing to a clerk
            "รายงาน Word, PDF หรือไฟล์ ITA Desk (*.docx *.pdf *.itadesk.json *.json)"
            ";;ทุกไฟล์ (*)")
        if name:
            self.import_with_summary(Path(name))

    def import_with_summary(self, path: Path) -> ImportDialog:
        """Read the file in a child process and show what was found; the report is added
        when the clerk presses นำเข้า."""
        from .import_dialog import ImportDialog

        dialog = ImportDialog(path, self, layouts=self.library.custom_layouts())
        dialog.finished.connect(lambda _code: self._import_chosen(dialog))
        dialog.open()
        return dialog

    def _import_chosen(self, dialog: ImportDialog) -> None:
        if dialog.error is not None:
            self.show_error(*dialog.error)
        elif dialog.result() == dialog.DialogCode.Accepted and dialog.found is not None:
            self.add_imported(dialog.found, dialog.source)
        dialog.deleteLater()

    @guarded
    def import_from(self, path: Path) -> int | None:
        """Read and add at once (no summary shown)."""
        from ..exchange.importing import read_file

        return self.add_imported(read_file(path, self.library.layouts())[0], path)

    @guarded
    def add_imported(self, found: Exchange, path: Path) -> int | None:
        from ..domain import Origin, OriginKind
        from .duplicates import place_report

        # the clerk's own layout the file carries is kept in the library first
        report = self.library.adopt(found)
        placed = place_report(self, self.library_session, report,
                              Origin(OriginKind.IMPORTED, path.name),
                              f"นำเข้ารายงานจาก {path.name}")
        report_id = placed.report_id
        if report_id is None:
            return None
        self._last_folder = str(path.parent)
        self.open_report(report_id)
        if placed.added:
            self.statusBar().showMessage(
                f"นำเข้ารายงาน {to_thai_digits(str(len(report.measures)))} มาตรการ"
                f"จาก {path.name} แล้ว", 10000)
        return report_id

    def save_json(self) -> None:
        from . import file_dialogs

        if self.session is None:
            return
        start = Path(self._last_folder) / self.suggested_name(".itadesk.json")
        name, _ = file_dialogs.save_file_name(self, "บันทึกเป็นไฟล์แลกเปลี่ยน", str(start),
                                              "รายงาน ITA Desk (*.itadesk.json)")
        if name:
            self.save_json_to(Path(name))

    @guarded
    def save_json_to(self, path: Path) -> bool:
        from ..exchange.jsonfile import write_report

        assert self.session is not None
        report = self._current_report()
        write_report(report, path, self.session.layout,
                     self.library.own_oit_year(report.fiscal_year))
        self._last_folder = str(path.parent)
        self.statusBar().showMessage(f"บันทึกไฟล์ {path.name} แล้ว", 8000)
        return True

    def merge_parts(self) -> None:
        from . import file_dialogs

        names, _ = file_dialogs.open_file_names(
            self, "รวมไฟล์จากหน่วยงานย่อย (เลือกได้หลายไฟล์ ตามลำดับที่ต้องการ)",
            self._last_folder, "รายงาน (*.itadesk.json *.json *.docx *.pdf)")
        if names:
            self.merge_from([Path(n) for n in names])

    @guarded
    def merge_from(self, paths: list[Path]) -> list[str] | None:
        """Add the measures of each part (in order) to the open report as one undoable
        step; returns the titles that now appear twice (also listed by the checks)."""
        from ..domain.merge import merge_parts
        from ..exchange.importing import read_any

        if self.session is None:
            return None
        parts = [read_any(p) for p in paths]
        measures, duplicates = merge_parts(self.session.model.measures(), parts)
        self.session.insert_measures(self.session.model.rowCount(), measures,
                                     to_thai_digits(f"รวม {len(paths)} ไฟล์จากหน่วยงานย่อย"))
        if duplicates:
            self.show_checks()
            self.statusBar().showMessage(
                to_thai_digits(f"รวมแล้ว {len(measures)} มาตรการ มี {len(duplicates)} "
                               "มาตรการที่ชื่อซ้ำ ดูในช่องตรวจรายงานแล้วเลือกเก็บไว้แถวเดียว"), 15000)
        else:
            self.statusBar().showMessage(to_thai_digits(f"รวมแล้ว {len(measures)} มาตรการ"), 10000)
        return duplicates

    def restore_dialog(self) -> None:
        from .app import choose_backup

        backups = self.library.backups()
        if not backups:
            self.show_error("ยังไม่มีสำเนาสำรอง (โปรแกรมทำสำเนาทุกครั้งที่เปิด)")
            return
        chosen = choose_backup(
            self, "เรียกคืนจากสำเนาสำรอง",
            "เลือกวันเวลาของสำเนาที่จะเรียกคืน (ข้อมูลตอนนี้จะถูกเก็บเป็นสำเนาไว้ "
            "เรียกคืนกลับมาได้):", backups)
        if chosen is not None:
            self.restore_from(chosen)

    @guarded
    def restore_from(self, backup: Backup) -> bool:
        """Put a backup in place of the library (the store checks it is this library's and
        backs up the state before, so restoring again undoes it)."""
        self.close_report()
        try:
            self.library.restore_from(backup)
        except LibraryError as exc:
            self.show_error(exc.message, str(exc))
            return False
        finally:
            self.show_library()
        # the library's steps before are not steps of the library now
        self.library_session.undo_stack.clear()
        self.statusBar().showMessage(
            f"เรียกคืนข้อมูลจากสำเนา {backup.label} แล้ว "
            "(ข้อมูลก่อนเรียกคืนอยู่ในรายการสำเนาสำรอง เรียกคืนกลับได้)", 15000)
        return True

    def take_startup_backup(self) -> None:
        """The start-up copy, once the window shows; a failure is told, work goes on."""
        try:
            self.library.take_backup()
        except BackupFailed as exc:
            self.library.backup_problem = exc
        if self.library.backup_problem is not None:
            self.statusBar().showMessage(self.library.backup_problem.message, 60000)

    def _use_library(self, opened: Library) -> None:
        """Go on in another library (the one before is closed)."""
        self.close_report()
        if self.office is not None:
            self.office.stop()
        self.library.close()
        # the steps of the library before are not steps of this one
        self.library_session.deleteLater()
        self.attach(opened)
        self.show_library()

    def _name_library(self) -> None:
        """Say which library this is, and keep a server library for the next start (the
        start without --library then opens it again, not a new library of this PC)."""
        from ..store.server import without_password

        said = library_name(self.library)
        office = self.settings.office_library
        if not self.library.dialect.server and office:  # e.g. the server did not answer
            said += (f"\nรายงานของสำนักงานอยู่ใน{location_name(office)} "
                     "(ไฟล์ › เปิดคลังรายงานอื่น › เปิดคลังรายงานบนเครื่องแม่ข่าย…)")
        self.library_page.where.setText(said)
        self.local_action.setEnabled(self.library.dialect.server)
        if self.library.dialect.server:
            kept = without_password(str(self.library.location))
            if self.settings.office_library != kept:
                self.settings.office_library = kept
                settings.save(self.settings)

    def open_server_library(self, url: str | None = None) -> bool:
        """The office's library on a server, from then on (kept in the settings: the next
        start opens it too; the password stays in the clerk's passfile)."""
        from ..store import Library
        from ..store.versions import local_user
        from .server_dialog import ServerDialog

        if url is None:
            dialog = ServerDialog(self, local_user())
            if self.settings.office_library:  # the office's, opened before: again in a click
                dialog.fill_from(self.settings.office_library)
            if dialog.exec() != ServerDialog.DialogCode.Accepted:
                return False
            url = dialog.url()
        try:
            opened = Library.open(url, take_backup=False)
        except LibraryError as exc:
            self.show_error(exc.message, str(exc))
            return False
        self._use_library(opened)
        self.statusBar().showMessage(f"เปิด{library_name(opened)}แล้ว", 15000)
        return True

    def open_local_library(self) -> bool:
        """Back to this PC's own library from the office's: from then on every start opens
        this one (the server's address is forgotten, not the library on it)."""
        from ..store.library import local_library_path
        from .app import open_library

        opened = open_library(local_library_path(), self)
        if opened is None:
            return False
        self.settings.office_library = ""
        settings.save(self.settings)
        self._use_library(opened)
        self.statusBar().showMessage(f"เปิด{library_name(opened)}แล้ว", 15000)
        return True

    def save_copy_for_editing(self, target: Path | None = None) -> bool:
        """A read-only library: write it whole elsewhere as a library of its own and go on
        in that copy (the report that was open stays open)."""
        from ..store import Library

        target = target or ask_copy_path(self, self.library, self._last_folder)
        if target is None:
            return False
        report_id = self.session.report_id if self.session is not None else None
        try:
            copy = self.library.save_copy(target)
            opened = Library.open(copy, take_backup=False)
        except LibraryError as exc:
            self.show_error(exc.message, str(exc))
            return False
        self._use_library(opened)
        if report_id is not None:
            self.open_report(report_id)
        self.statusBar().showMessage(f"บันทึกสำเนาที่แก้ไขได้แล้ว: {copy} (ต่อจากนี้แก้ไขในสำเนานี้)",
                                     15000)
        return True

    @guarded
    def create_next_year(self) -> int | None:
        from ..domain.nextyear import next_year
        from .duplicates import next_year_origin, place_report

        if self.session is None:
            return None
        this_year = self._current_report()
        placed = place_report(self, self.library_session, next_year(this_year),
                              next_year_origin(this_year), "สร้างรายงานปีงบประมาณถัดไป")
        report_id = placed.report_id
        if report_id is None:
            return None
        self.open_report(report_id)
        if placed.added:
            self.statusBar().showMessage(
                "สร้างรายงานปีงบประมาณถัดไปแล้ว (รายงานเดิมไม่เปลี่ยน) กรุณากรอกผลการดำเนินการ",
                10000)
        return report_id

    # ---------------------------------------------------------------- print
    def _pdf_now(self) -> bytes:
        from ..export.jobs import export_bytes

        assert self.report_page is not None
        self.report_page.commit_pending()
        assert self.session is not None
        return export_bytes(self._current_report(), "pdf", layout=self.session.layout)

    def print_to(self, printer: QPrinter) -> int:
        """Print the report as it is now on `printer`; returns the pages printed."""
        return self._print_data(self._pdf_now(), printer)

    def _printer(self) -> QPrinter:
        """A printer with the choices the clerk made last time for this report."""
        from PySide6.QtPrintSupport import QPrinter

        from .printing import apply_choices

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self.session is not None:
            apply_choices(printer, self.settings.printing.get(str(self.session.report_id), {}))
        return printer

    def _remember_printer(self, printer: QPrinter) -> None:
        from .printing import printer_choices

        if self.session is not None:
            self.settings.printing[str(self.session.report_id)] = printer_choices(printer)
            settings.save(self.settings)

    @guarded
    def print_report(self, data: bytes | None = None) -> None:
        from PySide6.QtPrintSupport import QPrintDialog

        if self.session is None:
            return
        printer = self._printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("พิมพ์รายงาน")
        if dialog.exec():
            self._remember_printer(printer)
            pages = self._print_data(data or self._pdf_now(), printer)
            self.statusBar().showMessage(to_thai_digits(f"ส่งพิมพ์แล้ว {pages} หน้า"), 8000)

    def _print_data(self, data: bytes, printer: QPrinter) -> int:
        from .printing import print_pdf

        return print_pdf(data, printer)

    @guarded
    def print_preview(self) -> None:
        from .printing import PrintPreview

        if self.session is None:
            return
        data = self._pdf_now()
        # the preview stays open while the print dialog asks (the clerk may look again)
        dialog = PrintPreview(data, self, on_print=lambda: self.print_report(data))
        self.print_preview_dialog = dialog  # for the tests
        dialog.exec()

    # ------------------------------------------------------------------ status
    def _saved(self, when: dt.datetime) -> None:
        self.saved_label.setText(
            f"บันทึกแล้ว {to_thai_digits(when.strftime('%H:%M:%S'))} น.")

    def show_error(self, message: str, english: str = "") -> None:
        from PySide6.QtWidgets import QMessageBox

        self.statusBar().showMessage(message, 15000)
        if self.attached and self.library.read_only and (
                message == LibraryReadOnly(self.library.path).message):
            # an edit refused: offer the way to a copy that can be edited
            box = QMessageBox(QMessageBox.Icon.Information, APP_TITLE, message, parent=self)
            copy = box.addButton(SAVE_COPY + "…", QMessageBox.ButtonRole.AcceptRole)
            box.addButton("ปิด", QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is copy:
                self.save_copy_for_editing()
            return
        box = QMessageBox(QMessageBox.Icon.Warning, APP_TITLE, message, parent=self)
        if english:
            box.setInformativeText(english)
        box.exec()

    def show_help(self) -> None:
        from ..store.backup import backup_dir, backup_root
        from .help import HelpDialog

        path, library_id = self.library.path, self.library.library_id
        backups = backup_dir(path, library_id) if library_id else backup_root(path)
        self.help_dialog = HelpDialog(library_name(self.library), backups, self,
                                      server=self.library.dialect.server)
        self.help_dialog.show()

    def about(self) -> None:
        from .about import AboutDialog

        AboutDialog(self.library.path, self).exec()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.export_job is not None and self.export_job.is_running():
            self.export_job.wait()  # a file half written is never left behind
        if self.attached:  # (closed before its library opened: nowhere to remember)
            self.resumer.remember()  # where the clerk was, reopened at the next start
        self._remember_preview_width()
        self.close_report()
        if self.office is not None:
            self.office.stop()
        if self.preview_worker is not None:
            self.preview_worker.shutdown()
            self.preview_worker = None
        self.settings.last_folder = self._last_folder
        self.settings.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode()
        self.settings.window_state = bytes(self.saveState().toBase64().data()).decode()
        self.settings.window_maximised = self.isMaximized()
        settings.save(self.settings)
        # The report's widgets were handed to deleteLater; delete them while Qt is whole
        # (left for the interpreter's exit, they crash it).
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        event.accept()


