"""No silent duplicates: next year's report made twice, the same file imported twice.
The window asks (open the one there / keep both / replace) and each answer does what it
says; the command line refuses with exit code 7 unless --keep-both or --replace."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from itadesk.demo import demo_path
from itadesk.domain import OriginKind
from itadesk.store import Library

from .test_cli import itadesk
from .test_window import open_window  # noqa: F401
from .ui_helpers import click_button, when_dialog_opens


def _answer(text: str, asked: list[str]):
    def answer(box) -> None:
        asked.append(box.text())
        click_button(text)(box)
    return answer


def _ids(window) -> set[int]:
    return {r.id for r in window.library.list_reports()}


def test_next_year_twice_asks_and_each_answer_does_what_it_says(open_window, qtbot):  # noqa: F811
    window = open_window()
    reports = {r.municipality: r.id for r in window.library.list_reports()}
    this_year = reports["เทศบาลตำบลบ่อปลาทอง"]
    window.open_report(this_year)
    first = window.create_next_year()
    assert first is not None
    made = window.library.load_report(first)
    assert made.origin.kind is OriginKind.NEXT_YEAR
    assert made.origin.source == "เทศบาลตำบลบ่อปลาทอง ปีงบประมาณ ๒๕๖๘"
    before = _ids(window)

    # open the one there: nothing added, that one shown
    asked: list[str] = []
    window.open_report(this_year)
    when_dialog_opens(_answer("เปิดฉบับที่มีอยู่", asked))
    assert window.create_next_year() == first
    assert "เทศบาลตำบลบ่อปลาทอง ปีงบประมาณ ๒๕๖๙ อยู่แล้ว" in asked[0]
    assert _ids(window) == before and window.session.report_id == first

    # keep both: a second copy, told apart in the library list
    window.open_report(this_year)
    when_dialog_opens(_answer("เก็บไว้ทั้งสองฉบับ", asked))
    second = window.create_next_year()
    assert second is not None and _ids(window) == before | {second}
    assert window.library.load_report(second).origin.copy == 2
    window.show_library()
    table = window.library_page.table
    row = next(r for r in range(table.rowCount())
               if table.item(r, 0).data(Qt.ItemDataRole.UserRole) == second)
    assert table.item(row, 0).text() == "เทศบาลตำบลบ่อปลาทอง (ฉบับที่ ๒)"
    assert table.item(row, 5).text().startswith(
        "ปีถัดไปของ เทศบาลตำบลบ่อปลาทอง ปีงบประมาณ ๒๕๖๘ · ")

    # replace: backed up first, the newest one replaced, and Ctrl+Z brings it back whole
    copies = len(window.library.backups())
    kept = window.library.load_report(second)
    window.open_report(this_year)
    when_dialog_opens(_answer("แทนที่ฉบับเดิม", asked))
    third = window.create_next_year()
    assert third is not None and len(asked) == 3
    assert len(window.library.backups()) == copies + 1
    assert _ids(window) == before | {third}  # the second copy went, its place taken
    assert window.library.load_report(third).origin.copy == 2
    window.show_library()
    window.library_session.undo_stack.undo()
    assert _ids(window) == before | {second}
    assert window.library.load_report(second) == kept

    # cancel: nothing at all
    window.open_report(this_year)
    when_dialog_opens(_answer("ยกเลิก", asked))
    assert window.create_next_year() is None and _ids(window) == before | {second}


def test_the_same_file_imported_twice_asks_first(open_window, qtbot, tmp_path):  # noqa: F811
    window = open_window()
    count = len(window.library.list_reports())
    asked: list[str] = []
    when_dialog_opens(_answer("เปิดฉบับที่มีอยู่", asked))
    shown = window.import_from(demo_path("001"))  # the demo the library started with
    assert asked and "เทศบาลเมืองชัยนาท ปีงบประมาณ ๒๕๖๗ อยู่แล้ว" in asked[0]
    assert len(window.library.list_reports()) == count
    assert window.library.load_report(shown).municipality == "เทศบาลเมืองชัยนาท"
    when_dialog_opens(_answer("เก็บไว้ทั้งสองฉบับ", asked))
    added = window.import_from(demo_path("001"))
    origin = window.library.load_report(added).origin
    assert (origin.kind, origin.source, origin.copy) == (
        OriginKind.IMPORTED, "chainat-2567.itadesk.json", 2)


def test_the_command_line_refuses_a_duplicate_unless_told(tmp_path: Path):
    library = tmp_path / "lib.sqlite"
    file = str(demo_path("002"))
    first = itadesk("--library", str(library), "import", file)
    assert first.returncode == 0, first.stderr  # a library made by a command starts empty
    with Library.open(library, take_backup=False) as lib:
        before = {r.id for r in lib.list_reports()}
    again = itadesk("--library", str(library), "import", file)
    assert again.returncode == 7
    assert "อยู่แล้ว" in again.stderr and "--keep-both" in again.stderr
    assert again.stdout == ""
    with Library.open(library, take_backup=False) as lib:
        assert {r.id for r in lib.list_reports()} == before
    both = itadesk("--library", str(library), "import", "--keep-both", file)
    assert both.returncode == 0, both.stderr
    replaced = itadesk("--library", str(library), "import", "--replace", file)
    assert replaced.returncode == 0, replaced.stderr
    third = int(replaced.stdout.split()[-1])
    with Library.open(library, take_backup=False) as lib:
        ids = {r.id for r in lib.list_reports()}
        # the newest copy replaced (SQLite may give the new one the number it freed)
        assert third in ids and len(ids) == len(before) + 1
        assert lib.load_report(third).origin.copy == 2
        assert sorted(r.origin.copy for r in lib.list_reports()) == [1, 2]
        assert lib.backups()  # taken before the replacement


def test_next_year_asks_only_about_a_report_of_the_same_kind(open_window, qtbot):  # noqa: F811
    """The clerk's 76.png: next year's copy of the improvement PLAN was offered as this
    results report's next year ("เปิดฉบับที่มีอยู่" would have opened the plan)."""
    from itadesk.domain.layouts import Family, family
    from itadesk.domain.scoresheet import improvement_plan

    from .test_scoresheet import TYPED

    kinds = {lay.id: family(lay) for lay in window_layouts()}
    assert kinds == {"six-measures": Family.RESULTS, "six-guidelines": Family.RESULTS,
                     "six-timing-first": Family.RESULTS, "narrative": Family.RESULTS,
                     "measures-plan": Family.MEASURES_PLAN,
                     "improvement-plan": Family.IMPROVEMENT_PLAN}
    window = open_window()
    town = "เทศบาลตำบลบ่อปลาทอง"
    this_year = next(r.id for r in window.library.list_reports() if r.municipality == town)
    plan = window.library_session.create_report(improvement_plan(TYPED, town), "แผน")
    assert window.library.load_report(plan).fiscal_year == 2569  # next year's, a plan
    asked: list[str] = []
    window.open_report(this_year)
    when_dialog_opens(_answer("ยกเลิก", asked), tries=5)  # had it asked (it did)
    made = window.create_next_year()
    qtbot.wait(200)  # that answer no longer waits for a question
    assert asked == [] and made not in (None, plan)  # the plan there is another report
    assert window.library.load_report(made).layout == "six-timing-first"
    # made again: now it is asked, about the results report of that year, not the plan
    window.open_report(this_year)
    when_dialog_opens(_answer("เปิดฉบับที่มีอยู่", asked))
    assert window.create_next_year() == made
    assert len(asked) == 1 and "ปีงบประมาณ ๒๕๖๙ อยู่แล้ว" in asked[0]
    assert "ฉบับ" not in asked[0].split("อยู่แล้ว")[1]  # one report there, not two


def window_layouts():
    from itadesk.domain import builtin_layouts

    return builtin_layouts()
