"""The library: open (checked, locked, migrated, backed up), read, and edit.

Every edit is one transaction: it is on disk when the method returns, or not at all.
Two back ends behind this one class (the differences: dialect.py): the SQLite file of one
PC (the default), held with SQLite's exclusive locking mode so that a second running copy
of the program cannot open it (the OS drops the lock if we die); and the office's library
on a PostgreSQL server (`postgresql://…`, server.py), which several clerks use at once.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain import (
    MEASURE_TEXT_FIELDS,
    Draft,
    Layout,
    LayoutCatalog,
    Measure,
    MeasureKind,
    Origin,
    OriginKind,
    Report,
    ReportSummary,
    Score,
    builtin_layouts,
    report_parts,
)
from ..domain.model import REPORT_TEXT_FIELDS, RoundText
from ..domain.oit import OitYear, shipped_year
from . import backup, draft_rows, oit_rows, opening, server, versions
from . import layouts as layout_store
from .backup import Backup
from .dialect import Connection, Dialect, dialect_of
from .errors import (
    BackupFailed,
    BackupMismatch,
    CopyFailed,
    CorruptLibrary,
    LibraryError,
    LibraryInUse,
    LibraryReadOnly,
    NotOnServer,
)
from .filesystem import on_network
from .location import ENV_LIBRARY as ENV_LIBRARY  # their old home: here
from .location import Location
from .location import default_library_path as default_library_path
from .location import local_library_path as local_library_path
from .memo_rows import read_memo, write_memo
from .opening import translate as _translate
from .report_rows import read_signers, write_signers

if TYPE_CHECKING:
    from ..exchange.jsonfile import Exchange

_MEASURE_COLUMNS = ("kind", *MEASURE_TEXT_FIELDS)
# Libraries this process holds. Needed because POSIX drops all of a process's locks on a
# file when any descriptor of it is closed: even reading the header of a library we hold
# would silently hand its lock to another copy of the program.
_OPEN_HERE: set[Path] = set()


def exists(location: Location) -> bool:
    """A file that is there; a server library is asked for when opened (create=False)."""
    return server.is_server(location) or Path(location).exists()


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


class Library:
    """An open library. Use `Library.open(path)`; close() when done."""

    def __init__(self, path: Path, conn: Connection, created: bool, *,
                 read_only: bool = False, network: bool = False, keep_backups: int = 10,
                 location: Location | None = None) -> None:
        self.path = path  # a server library's: its database's name (for the messages)
        self.location: Location = path if location is None else location
        self._conn: Any = conn
        self.dialect: Dialect = dialect_of(conn)
        self.who = self.dialect.who(conn)  # whom the change log names for our edits
        self._local_drafts: Any = None  # a server library's drafts, on this PC
        self.created = created  # True when this open made a new library
        self.read_only = read_only  # a file, folder or medium that takes no writes
        self.network = network  # on a network file system: kept with a rollback journal
        self.keep_backups = keep_backups
        self.library_id: str | None = _stored_id(conn)
        self.backup_problem: BackupFailed | None = None  # why the start-up copy failed
        self.last_saved: dt.datetime | None = None

    # ----------------------------------------------------------------- opening
    @classmethod
    def open(
        cls, path: Location, *, take_backup: bool = True, keep_backups: int = 10,
        create: bool = True, first_reports: Callable[[], Sequence[Report]] | None = None,
    ) -> Library:
        """Open (create=False: never make a missing or empty library, for commands that
        only read). A new library gets `first_reports()` in the transaction that makes it.
        A library that takes no writes is opened read-only (`read_only`, edits refused).
        `path` may be a server library's postgresql://… address.
        """
        if server.is_server(path):
            return cls._open_on_server(str(path), create=create, first_reports=first_reports)
        path = Path(path).expanduser().absolute()
        if path in _OPEN_HERE:
            raise LibraryInUse(path)
        existed = opening.check_path(path, create)
        read_only = existed and opening.is_read_only(path)
        network = on_network(path)
        seed = None
        if first_reports is not None:
            def seed(conn: Connection) -> None:
                for report in first_reports():
                    _insert_report(conn, report)
        conn = opening.connect(path, read_only)
        try:
            conn, created = opening.prepare(conn, path, read_only=read_only, network=network,
                                            existed=existed, create=create, seed=seed)
        except opening.Unreadable as exc:
            conn.close()
            raise opening.classify(path, exc.detail) from exc
        except CorruptLibrary as exc:
            conn.close()
            exc.backups = backup.backups_of_damaged(path)
            raise
        except BaseException:
            conn.close()
            raise
        lib = cls(path, conn, created, read_only=read_only, network=network,
                  keep_backups=keep_backups)
        _OPEN_HERE.add(path)
        if not read_only and lib.library_id:
            backup.remove_leftovers(path, lib.library_id)
        if take_backup:
            try:
                lib.take_backup(keep_backups)
            except BackupFailed as exc:
                lib.backup_problem = exc  # the clerk's work goes on; the window says so
        return lib

    @classmethod
    def _open_on_server(cls, url: str, *, create: bool,
                        first_reports: Callable[[], Sequence[Report]] | None) -> Library:
        shown = server.display_path(url)
        conn = server.connect(url)
        try:
            seed = None
            if first_reports is not None:
                def seed(conn: Connection) -> None:
                    for report in first_reports():
                        _insert_report(conn, report)
            created = server.prepare(conn, shown, create=create, seed=seed)
        except BaseException:
            conn.close()
            raise
        return cls(shown, conn, created, location=url)

    def take_backup(self, keep: int | None = None, *, even_new: bool = False) -> Path | None:
        """Copy the library into its backups folder; None when there is nothing to copy
        (a new library, unless even_new: a report about to be replaced) or nowhere to
        (read-only). Raises BackupFailed saying why."""
        if ((self.created and not even_new) or self.read_only or not self.library_id
                or self.dialect.server):  # the server's administrator backs it up
            return None
        try:
            return backup.take(self._conn, self.path, self.library_id,
                               keep=self.keep_backups if keep is None else keep)
        except (OSError, sqlite3.Error) as exc:
            raise BackupFailed(self.path, str(exc)) from exc

    def close(self) -> None:
        if self._conn is None:
            return
        if self._local_drafts is not None:
            self._local_drafts.close()
            self._local_drafts = None
        if not self.read_only and not self.dialect.server:
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self._conn.close()
        self._conn = None  # type: ignore[assignment]
        _OPEN_HERE.discard(self.path)

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ backups
    def backups(self) -> list[Backup]:
        """This library's copies, newest first (only its own: checked by the id inside)."""
        if not self.library_id or self.dialect.server:
            return []
        return backup.list_backups(self.path, self.library_id)

    def restore_from(self, copy: Backup) -> Path:
        """Put a copy of this library back in its place. The state before is backed up
        first (restoring that copy undoes this) and kept beside it as <name>-replaced-….
        Returns that file's path; refuses another library's copy (BackupMismatch)."""
        if self.read_only:
            raise LibraryReadOnly(self.path)
        if self.dialect.server:
            raise NotOnServer(self.path)
        if not self.library_id or copy.library_id not in (None, self.library_id):
            raise BackupMismatch(copy.path, f"{copy.library_id} is not {self.library_id}")
        # set aside and checked first: the backup taken next may retire the chosen copy
        tmp = backup.prepared_copy(self.path, copy, self.library_id)
        try:
            if not self.created:
                self.take_backup()
            self.close()
            try:
                kept = backup.swap(self.path, tmp, "replaced")
            finally:
                self._reopen()
        finally:
            backup.remove_temporary(tmp)
        return kept

    def _reopen(self) -> None:
        other = Library.open(self.path, take_backup=False, create=False,
                             keep_backups=self.keep_backups)
        self._conn, other._conn = other._conn, None  # type: ignore[assignment]
        self.created, self.read_only = False, other.read_only
        self.network, self.library_id = other.network, other.library_id

    def save_copy(self, target: Path) -> Path:
        """Write this library whole to `target` as a new library of its own (its own id,
        so its own backups): how a read-only library is made editable."""
        if self.dialect.server:
            raise NotOnServer(self.path, "save_copy")
        target = Path(target).expanduser().absolute()
        tmp = target.with_name(backup.fitted_name(f".{target.stem}", ".copy.tmp"))
        try:
            dest = sqlite3.connect(tmp, isolation_level=None)
            try:
                self._conn.backup(dest)
                dest.execute("PRAGMA query_only = OFF")
                dest.execute("UPDATE library_info SET value = ? WHERE key = 'id'",
                             (backup.new_library_id(),))
                dest.execute("PRAGMA journal_mode = DELETE")
            finally:
                dest.close()
            os.replace(tmp, target)
        except (OSError, sqlite3.Error) as exc:
            backup.remove_temporary(tmp)
            raise CopyFailed(target, str(exc)) from exc
        return target

    # ------------------------------------------------------------ transactions
    @contextlib.contextmanager
    def _tx(self, report_id: int | None = None, *,
            saves_work: bool = True) -> Iterator[Connection]:
        """One write transaction; with `report_id`, that report is this writer's alone
        until the commit (several clerks on a server)."""
        if self.read_only:
            raise LibraryReadOnly(self.path)
        conn, errors = self._conn, self.dialect.errors
        try:
            conn.execute(self.dialect.begin_write)
            if report_id is not None:
                self.dialect.lock_report(conn, report_id)
        except errors as exc:
            self._rollback()
            raise self._translate(exc) from exc
        try:
            yield conn
        except errors as exc:
            self._rollback()
            raise self._translate(exc) from exc
        except BaseException:
            self._rollback()
            raise
        try:
            conn.execute("COMMIT")
        except errors as exc:
            self._rollback()
            raise self._translate(exc) from exc
        if saves_work:
            self.last_saved = dt.datetime.now()

    def _rollback(self) -> None:
        with contextlib.suppress(*self.dialect.errors, LibraryError):
            self._conn.execute("ROLLBACK")

    def _translate(self, exc: Exception) -> Exception:
        if self.dialect.server:
            return server.translate(exc, self.path)
        return _translate(exc, self.path)  # type: ignore[arg-type]

    def _touch(self, conn: Connection, report_id: int) -> None:
        conn.execute("UPDATE report SET updated = ? WHERE id = ?", (_now(), report_id))
        # a sample edited is the clerk's work from then on (an undo leaves it so): in the
        # edit's own transaction, whichever step or clerk made it
        conn.execute("UPDATE report_origin SET kind = ? WHERE report_id = ? AND kind = ?",
                     (str(OriginKind.FROM_DEMO), report_id, str(OriginKind.DEMO)))
        self.dialect.announce(conn, report_id)

    # ------------------------------------------------------------------ reading
    def list_reports(self) -> list[ReportSummary]:
        return self._summaries("", ())

    def same_reports(self, municipality: str, fiscal_year: int,
                     kind_of: str | None = None) -> list[ReportSummary]:
        """The reports of this municipality (spaces and case aside) and fiscal year; given
        a layout id, only those of its family (a results report and a plan of one year
        are not the same report)."""
        there = self._summaries(
            " WHERE lower(trim(r.municipality)) = lower(trim(?)) AND r.fiscal_year = ?",
            (municipality, int(fiscal_year)))
        if kind_of is None:
            return there
        layouts = self.layouts()
        wanted = layouts.family(kind_of)
        return [s for s in there if layouts.family(s.layout) == wanted]

    def _summaries(self, where: str, args: tuple[Any, ...]) -> list[ReportSummary]:
        rows = self._conn.execute(
            f"""SELECT r.id, r.municipality, r.fiscal_year, r.layout, r.updated, r.title,
                      (SELECT count(*) FROM measure m WHERE m.report_id = r.id
                                                     AND m.kind = 'measure'),
                      r.created, o.kind, o.source, o.copy
               FROM report r LEFT JOIN report_origin o ON o.report_id = r.id{where}
               ORDER BY r.updated DESC, r.id DESC""", args
        ).fetchall()
        return [
            ReportSummary(id=r[0], municipality=r[1], fiscal_year=r[2], layout=r[3],
                          updated=r[4], title=r[5], measure_count=r[6], created=r[7],
                          origin=_origin(r[8:]))
            for r in rows
        ]

    def load_report(self, report_id: int) -> Report:
        conn = self._conn
        row = conn.execute(
            f"SELECT id, {', '.join(REPORT_TEXT_FIELDS)}, fiscal_year, options, created, updated"
            " FROM report WHERE id = ?",
            (report_id,),
        ).fetchone()
        if row is None:
            raise KeyError(report_id)
        texts = dict(zip(REPORT_TEXT_FIELDS, row[1 : 1 + len(REPORT_TEXT_FIELDS)], strict=True))
        fiscal_year, options, created, updated = row[1 + len(REPORT_TEXT_FIELDS) :]
        return Report(
            id=row[0], fiscal_year=fiscal_year, options=json.loads(options or "{}"),
            created=created, updated=updated, signers=read_signers(conn, report_id),
            memo=read_memo(conn, report_id), origin=_origin(conn.execute(
                "SELECT kind, source, copy FROM report_origin WHERE report_id = ?",
                (report_id,)).fetchone()),
            measures=tuple(self.load_measures(report_id)), **texts,
        )

    def load_measures(self, report_id: int) -> list[Measure]:
        conn = self._conn
        scores: dict[int, list[Score]] = {}
        for mid, topic, prev, cur in conn.execute(
            """SELECT s.measure_id, s.topic, s.previous, s.current FROM score s
               JOIN measure m ON m.id = s.measure_id WHERE m.report_id = ?
               ORDER BY s.measure_id, s.position""",
            (report_id,),
        ):
            scores.setdefault(mid, []).append(Score(topic, prev, cur))
        rounds: dict[int, list[RoundText]] = {}
        for mid, name, result, outcome in conn.execute(
            """SELECT r.measure_id, r.round, r.result, r.outcome FROM measure_round r
               JOIN measure m ON m.id = r.measure_id WHERE m.report_id = ?
               ORDER BY r.measure_id, CAST(r.round AS INTEGER)""",
            (report_id,),
        ):
            rounds.setdefault(mid, []).append(RoundText(name, result, outcome))
        out = []
        for row in conn.execute(
            f"SELECT id, {', '.join(_MEASURE_COLUMNS)} FROM measure"
            " WHERE report_id = ? ORDER BY position",
            (report_id,),
        ):
            mid = row[0]
            values = dict(zip(_MEASURE_COLUMNS, row[1:], strict=True))
            values["kind"] = MeasureKind(values["kind"])
            out.append(Measure(id=mid, scores=tuple(scores.get(mid, ())),
                               rounds=tuple(rounds.get(mid, ())), **values))
        return out

    def measure_count(self, report_id: int) -> int:
        return self._conn.execute(
            "SELECT count(*) FROM measure WHERE report_id = ?", (report_id,)
        ).fetchone()[0]

    # ------------------------------------------------------------------ editing
    def create_report(self, report: Report, keep_ids: bool = False) -> int:
        """Add a report (with its measures and signers); returns its id.

        keep_ids=True puts back a report that was deleted (undo) as it was: its id, its
        measures' ids, its times.
        """
        with self._tx() as conn:
            return _insert_report(conn, report, keep_ids)

    def replace_report(self, old_id: int, report: Report) -> int:
        """Delete one report and add another in one transaction (take a backup first)."""
        with self._tx(old_id) as conn:
            conn.execute("DELETE FROM report WHERE id = ?", (old_id,))
            return _insert_report(conn, report)

    def delete_report(self, report_id: int) -> None:
        with self._tx(report_id) as conn:
            conn.execute("DELETE FROM report WHERE id = ?", (report_id,))
            versions.log(conn, self.who, _now(), report_id, versions.REPORT_ROW, "-report")
            self.dialect.announce(conn, report_id)
        if self.dialect.server:  # its drafts went with it, as a file's do
            self._local().drop_report(report_id)

    def update_report(self, report_id: int, **fields: Any) -> None:
        """Set report fields (title, municipality, fiscal_year, signers, options …),
        whatever they hold now (several clerks: `edit_cells` checks first)."""
        now = _now()
        with self._tx(report_id) as conn:
            for name, value in fields.items():
                if report_parts.field_of(name) != name:
                    raise KeyError(name)
                versions.write_cell(conn, self.who, now, report_id, versions.REPORT_ROW,
                                    name, report_parts.text_of(name, value))
            self._touch(conn, report_id)

    def update_measures(self, report_id: int, changes: Iterable[tuple[int, str, str]]) -> None:
        """Set (measure id, field, text) triples, all in one transaction, whatever the
        cells hold now (several clerks: `edit_cells` checks first)."""
        now = _now()
        with self._tx(report_id) as conn:
            for measure_id, name, value in changes:
                if measure_id == versions.REPORT_ROW:
                    raise KeyError(measure_id)
                versions.write_cell(conn, self.who, now, report_id, measure_id, name, value)
            self._touch(conn, report_id)

    def edit_cells(self, report_id: int,
                   edits: Sequence[versions.CellEdit]) -> versions.EditOutcome:
        """Save the clerk's edits, each typed over the version of its row it names; one
        another clerk changed meanwhile comes back as a conflict, unwritten (versions.py)."""
        with self._tx(report_id) as conn:
            outcome = versions.apply(conn, self.who, _now(), report_id, edits)
            self._touch(conn, report_id)
        return outcome

    # ------------------------------------------------------- several clerks at once
    def show_report(self, report_id: int | None) -> None:
        """The report this session shows (None: the library list), for `others_on`."""
        if self.dialect.server:
            from .watch import session_name

            self._conn.application = session_name(report_id)
            self._conn.execute("SELECT set_config('application_name', ?, false)",
                               (self._conn.application,))

    def others_on(self, report_id: int) -> list[str]:
        """The logins of the other sessions showing this report (a server library)."""
        if not self.dialect.server:
            return []
        from .watch import session_name

        return [str(r[0]) for r in self._conn.execute(
            "SELECT DISTINCT usename FROM pg_stat_activity WHERE application_name = ?"
            " AND datname = current_database() AND pid <> pg_backend_pid() ORDER BY 1",
            (session_name(report_id),))]

    def watcher(self) -> Any:
        """A Watcher of the other sessions' changes (a server library), else None."""
        if not self.dialect.server:
            return None
        from .watch import Watcher

        return Watcher(str(self.location), own_pid=lambda: self._conn.backend_pid)

    def row_versions(self, report_id: int) -> dict[int, int]:
        return versions.row_versions(self._conn, report_id)

    def changes(self, report_id: int) -> list[versions.Change]:
        """Who changed what in the report, oldest first."""
        return versions.changes(self._conn, report_id)

    def set_scores(self, report_id: int, measure_id: int, scores: Sequence[Score]) -> None:
        with self._tx(report_id) as conn:
            _write_scores(conn, measure_id, scores)
            self._touch(conn, report_id)

    def set_rounds(self, report_id: int, rounds: dict[int, Sequence[RoundText]]) -> None:
        """Each measure's kept round texts (measure id → all its rounds), in one step."""
        with self._tx(report_id) as conn:
            for measure_id, texts in rounds.items():
                _write_rounds(conn, measure_id, texts)
            self._touch(conn, report_id)

    def set_measure_kind(self, report_id: int, measure_id: int, kind: MeasureKind) -> None:
        """A measure row made a section heading (full width) or back."""
        with self._tx(report_id) as conn:
            conn.execute("UPDATE measure SET kind = ? WHERE id = ? AND report_id = ?",
                         (str(MeasureKind(kind)), measure_id, report_id))
            self._touch(conn, report_id)

    def insert_measures(
        self, report_id: int, row: int, measures: Sequence[Measure], keep_ids: bool = False
    ) -> list[Measure]:
        """Insert before row `row`; returns the measures with their ids.

        keep_ids=True puts back measures that were deleted (undo), under their old ids.
        """
        with self._tx(report_id) as conn:
            out = _insert_measures(conn, report_id, row, measures, keep_ids)
            self._touch(conn, report_id)
        return out

    def restore_measures(self, report_id: int, items: Sequence[tuple[int, Measure]]) -> None:
        """Put deleted measures back at their rows (ascending), under their old ids."""
        with self._tx(report_id) as conn:
            for row, measure in sorted(items, key=lambda item: item[0]):
                _insert_measures(conn, report_id, row, [measure], keep_ids=True)
            self._touch(conn, report_id)

    def delete_measures(self, report_id: int, rows: Sequence[int]) -> None:
        """Delete the measures at these rows (indices in the report's order)."""
        with self._tx(report_id) as conn:
            ids = _ids_in_order(conn, report_id)
            for row in sorted(set(rows), reverse=True):
                conn.execute("DELETE FROM measure WHERE id = ?", (ids[row],))
                conn.execute(
                    "UPDATE measure SET position = position - 1"
                    " WHERE report_id = ? AND position > ?",
                    (report_id, row),
                )
            self._touch(conn, report_id)

    def move_measures(self, report_id: int, first: int, count: int, to: int) -> None:
        """Move rows first..first+count-1 so that the block starts at row `to`."""
        with self._tx(report_id) as conn:
            ids = _ids_in_order(conn, report_id)
            block = ids[first : first + count]
            rest = ids[:first] + ids[first + count :]
            order = rest[:to] + block + rest[to:]
            lo, hi = min(first, to), max(first, to) + count
            conn.executemany(
                "UPDATE measure SET position = ? WHERE id = ?",
                [(i, order[i]) for i in range(lo, min(hi, len(order)))],
            )
            self._touch(conn, report_id)

    # ----------------------------------------------------------------- layouts
    def custom_layouts(self) -> tuple[Layout, ...]:
        """The municipality's own layouts, kept in this library."""
        return layout_store.load(self._conn)

    def layouts(self) -> LayoutCatalog:
        """Every layout a report of this library may name: the shipped ones, then its own."""
        return builtin_layouts().plus(self.custom_layouts())

    def add_layout(self, layout: Layout, *, replace: bool = True) -> Layout:
        """Keep a layout of the clerk's; returns it as kept (its id may be a new one: a
        shipped layout's id, or with replace=False one the library has for another
        layout, is not taken)."""
        with self._tx() as conn:
            return layout_store.store(conn, layout, _now(), replace=replace)

    def oit_year(self, fiscal_year: int) -> OitYear | None:
        """The year's OIT items: the library's own version, else the shipped one."""
        return oit_rows.load(self._conn, fiscal_year) or shipped_year(fiscal_year)

    def own_oit_year(self, fiscal_year: int) -> OitYear | None:
        """The year's OIT items only if the clerk kept a version of them here."""
        return oit_rows.load(self._conn, fiscal_year)

    def keep_oit_year(self, year: OitYear) -> OitYear:
        with self._tx() as conn:
            return oit_rows.store(conn, year, _now())

    def adopt(self, found: Exchange) -> Report:
        """The report of an exchange file, ready for this library: the clerk's own layout it
        uses is kept here (under a new id if the library has another layout of that id)."""
        report = found.report
        if found.oit is not None and self.own_oit_year(found.oit.fiscal_year) is None:
            self.keep_oit_year(found.oit)  # the sender's items for a year we had not edited
        carried = {layout.id: layout for layout in found.layouts}
        if report.layout in carried and report.layout not in builtin_layouts():
            kept = self.add_layout(carried[report.layout], replace=False)
            report = report.with_field("layout", kept.id)
        return report

    # ------------------------------------------------------------------ drafts
    def keep_draft(self, draft: Draft) -> None:
        """Keep (or bring up to date) the text of an open editor; not an edit of the
        report: its times and the 'saved at' of the window stay as they were. A server
        library's drafts are kept on this PC, the clerk's own (local_drafts.py)."""
        if self.dialect.server:
            self._local().keep(draft, _now())
            return
        with self._tx(saves_work=False) as conn:
            draft_rows.keep(conn, draft, _now())

    def drop_draft(self, report_id: int, measure_id: int, field: str) -> None:
        """The editor was committed or its text thrown away: nothing left to offer."""
        if self.dialect.server:
            self._local().drop(report_id, measure_id, field)
            return
        with self._tx(saves_work=False) as conn:
            draft_rows.drop(conn, report_id, measure_id, field)

    def drafts(self, report_id: int) -> list[Draft]:
        """The drafts left in this report (by a crash), oldest first."""
        if self.dialect.server:
            return self._local().load(report_id)
        return draft_rows.load(self._conn, report_id)

    def hold_edits(self, report_id: int, edits: Sequence[versions.CellEdit]) -> None:
        """Edits a server that is away could not take: kept on this PC (held_edits) until
        they are sent (edits_sent)."""
        self._local().hold(report_id, edits)

    def held_edits(self, report_id: int) -> list[versions.CellEdit]:
        return self._local().held(report_id) if self.dialect.server else []

    def edits_sent(self, report_id: int, edits: Sequence[versions.CellEdit]) -> None:
        self._local().sent(report_id, edits)

    def _local(self) -> Any:
        if self._local_drafts is None:
            from .local_drafts import LocalDrafts

            self._local_drafts = LocalDrafts(self.library_id or "server")
        return self._local_drafts

    def integrity_ok(self) -> bool:
        return not self.dialect.problems(self._conn)


# ---------------------------------------------------------------------- helpers
def _stored_id(conn: Connection) -> str | None:
    try:
        row = conn.execute("SELECT value FROM library_info WHERE key = 'id'").fetchone()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


def _insert_report(conn: Connection, report: Report, keep_ids: bool = False) -> int:
    now = _now()
    kept = keep_ids and report.id is not None
    columns = (*REPORT_TEXT_FIELDS, "fiscal_year", "options", "created", "updated")
    values = (*(getattr(report, f) for f in REPORT_TEXT_FIELDS), report.fiscal_year,
              json.dumps(report.options, ensure_ascii=False), report.created or now,
              report.updated if kept and report.updated else now)
    if kept:
        columns, values = ("id", *columns), (report.id, *values)
    report_id = int(conn.execute(
        f"INSERT INTO report ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        " RETURNING id", values).fetchone()[0])
    if kept:
        dialect_of(conn).ids_given(conn, "report")
    write_signers(conn, report_id, report.signers)
    write_memo(conn, report_id, report.memo)
    origin = report.origin
    conn.execute("INSERT INTO report_origin (report_id, kind, source, copy) VALUES (?, ?, ?, ?)",
                 (report_id, str(origin.kind), origin.source, origin.copy))
    _insert_measures(conn, report_id, 0, report.measures, keep_ids=kept)
    return report_id


def _origin(row: Sequence[Any] | None) -> Origin:
    if row is None or row[0] is None:  # no row: made before step 7
        return Origin()
    known = {str(k) for k in OriginKind}
    return Origin(OriginKind(row[0] if row[0] in known else ""), row[1], int(row[2]))


def _ids_in_order(conn: Connection, report_id: int) -> list[int]:
    return [r[0] for r in conn.execute(
        "SELECT id FROM measure WHERE report_id = ? ORDER BY position", (report_id,))]


def _insert_measures(
    conn: Connection, report_id: int, row: int, measures: Sequence[Measure],
    keep_ids: bool,
) -> list[Measure]:
    if not measures:
        return []
    conn.execute(
        "UPDATE measure SET position = position + ? WHERE report_id = ? AND position >= ?",
        (len(measures), report_id, row),
    )
    cols = ", ".join(_MEASURE_COLUMNS)
    marks = ", ".join("?" * len(_MEASURE_COLUMNS))
    out = []
    for offset, m in enumerate(measures):
        values = [str(m.kind), *(getattr(m, f) for f in MEASURE_TEXT_FIELDS)]
        if keep_ids and m.id is not None:
            conn.execute(
                f"INSERT INTO measure (id, report_id, position, {cols}) VALUES (?, ?, ?, {marks})",
                (m.id, report_id, row + offset, *values),
            )
            mid = m.id
        else:
            mid = int(conn.execute(
                f"INSERT INTO measure (report_id, position, {cols}) VALUES (?, ?, {marks})"
                " RETURNING id", (report_id, row + offset, *values),
            ).fetchone()[0])
        _write_scores(conn, mid, m.scores)
        _write_rounds(conn, mid, m.rounds)
        out.append(dataclasses.replace(m, id=mid))
    if keep_ids and any(m.id is not None for m in measures):
        dialect_of(conn).ids_given(conn, "measure")
    return out


def _write_scores(conn: Connection, measure_id: int, scores: Sequence[Score]) -> None:
    conn.execute("DELETE FROM score WHERE measure_id = ?", (measure_id,))
    conn.executemany(
        "INSERT INTO score (measure_id, position, topic, previous, current) VALUES (?,?,?,?,?)",
        [(measure_id, i, s.topic, s.previous, s.current) for i, s in enumerate(scores)],
    )


def _write_rounds(conn: Connection, measure_id: int,
                  rounds: Sequence[RoundText]) -> None:
    conn.execute("DELETE FROM measure_round WHERE measure_id = ?", (measure_id,))
    conn.executemany(
        "INSERT INTO measure_round (measure_id, round, result, outcome) VALUES (?,?,?,?)",
        [(measure_id, r.round, r.result, r.outcome) for r in rounds],
    )
