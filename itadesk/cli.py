"""`itadesk` / `python -m itadesk`: the window, or the same jobs without one.

    itadesk [--library PATH]                      open the window
    itadesk export REPORT -o FILE [--format pdf]  export a report from the library
    itadesk export --demo 000 -o FILE             export a demo report (no library needed)
    itadesk list                                  the reports in the library
    itadesk layouts                               the layouts (shipped and the library's)
    itadesk layout add FILE                       keep a layout file in the library
    itadesk oit [YEAR]                            a fiscal year's OIT items (catalogue)
    itadesk pack REPORT -o FOLDER                 the evidence pack of a report's OIT item
    itadesk scores FILE --year Y [--add]          last year's ITA scores → analysis, plan rows
    itadesk round REPORT 6|12                     keep the results of a round (6 or 12 months)
    itadesk library copy FROM TO                  every report into another (empty) library
    itadesk cell REPORT ROW FIELD [TEXT]          a cell's version and text, or save TEXT

A library is a file, or the office's library on a PostgreSQL server: postgresql://…

--version and --help, and every command but the window, need no display.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__

if TYPE_CHECKING:
    from .exchange.jsonfile import Exchange
# Only what the window's start reads: the commands' lists (the demos, the export options,
# the formats) are loaded by the commands' parser and the commands (dataclasses, json and
# the export package otherwise came before the window's first paint).
from .store.location import ENV_LIBRARY, default_library_path, library_location

EXIT_OK, EXIT_USAGE, EXIT_NOT_FOUND, EXIT_LIBRARY, EXIT_EXPORT, EXIT_DAMAGED = 0, 2, 3, 4, 5, 6
EXIT_DUPLICATE = 7  # import: the library holds that municipality's year (6 is taken)
EXIT_CONFLICT = 8  # cell: another clerk saved that cell since the version named
EXIT_UNEXPECTED, EXIT_INTERRUPTED = 70, 130  # sysexits' EX_SOFTWARE; 128 + SIGINT


def _top_parser() -> argparse.ArgumentParser:
    """The options of the program itself (the window's), without the commands."""
    parser = argparse.ArgumentParser(
        prog="itadesk",
        description="ITA Desk: จัดทำรายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใส"
                    "ภายในหน่วยงาน (ไม่ระบุคำสั่ง = เปิดหน้าต่างโปรแกรม)",
    )
    parser.add_argument("--version", action="version", version=f"ITA Desk {__version__}")
    parser.add_argument(
        "--library", type=library_location, metavar="PATH",
        help=f"ไฟล์คลังรายงาน หรือคลังบนเครื่องแม่ข่าย postgresql://เครื่อง/ฐานข้อมูล "
             f"(ค่าเริ่มต้น: ${ENV_LIBRARY} หรือคลังในโฟลเดอร์ข้อมูลของผู้ใช้)",
    )
    return parser


def parse(argv: list[str] | None) -> argparse.Namespace:
    """The command line. The window's `--library PATH` (or nothing) is read by hand: the
    window's start does not wait for a parser (argparse's, its help texts each looked up
    in gettext's catalogues, was 5 ms of every start; the commands' 70 arguments more).
    Anything else (a command, --help, a mistake to tell) goes to the whole parser."""
    given = sys.argv[1:] if argv is None else list(argv)
    library: str | None = None
    if len(given) == 2 and given[0] == "--library":
        library = given[1]
    elif len(given) == 1 and given[0].startswith("--library="):
        library = given[0].removeprefix("--library=")
    window = not given or (library is not None and library != "" and
                           not library.startswith("-"))  # argparse's answer to those
    if window:
        return argparse.Namespace(
            library=None if library is None else library_location(library), command=None)
    return build_parser().parse_args(given)


def build_parser() -> argparse.ArgumentParser:
    from .demo import DEMOS
    from .domain.options import OIT_CODE_PLACES, ORIENTATIONS, SWITCHES
    from .export.writers import FORMATS

    demo_choices = ", ".join(DEMOS)
    parser = _top_parser()
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    export = commands.add_parser("export",
                                 help="ส่งออกรายงานเป็นไฟล์ Word หรือ PDF / export a report")
    export.add_argument("report", nargs="?",
                        help="เลขที่หรือชื่อหน่วยงานของรายงานในคลัง หรือไฟล์ .itadesk.json")
    export.add_argument("--demo", choices=sorted(DEMOS), help=f"รายงานตัวอย่าง {demo_choices}")
    export.add_argument("-o", "--output", type=Path, required=True, help="ไฟล์ที่จะบันทึก")
    export.add_argument("--format", choices=FORMATS,
                        help=f"{' หรือ '.join(FORMATS)} (ค่าเริ่มต้น: ตามนามสกุลของไฟล์)")
    export.add_argument("--orientation", choices=[name for name, _text in ORIENTATIONS])
    export.add_argument("--round", choices=("plan", "6", "12"),
                        help="แผนมาตรการ หรือผลรอบ ๖/๑๒ เดือนที่เก็บไว้ / the plan or a round")
    export.add_argument("--oit-code", choices=[name for name, _text in OIT_CODE_PLACES],
                        help="แสดงรหัสข้อ OIT ที่หัวรายงาน / where the title shows the OIT code")
    # for the window, which runs exports in a process of their own: progress lines and
    # the outcome go to a file (a windowed program on Windows has no usable stdout)
    export.add_argument("--status-file", type=Path, help=argparse.SUPPRESS)
    for switch in SWITCHES:
        export.add_argument(f"--{switch.name.replace('_', '-')}", dest=switch.name, default=None,
                            action=argparse.BooleanOptionalAction,
                            help=f"{switch.thai} / {switch.english}")
    commands.add_parser("list", help="รายการรายงานในคลัง / list the reports")
    check = commands.add_parser(
        "check", help="ตรวจรายงาน (ออกด้วยรหัส 1 เมื่อพบสิ่งที่ควรแก้) / check a report")
    check.add_argument("report", nargs="?", help="เลขที่ ชื่อหน่วยงาน หรือไฟล์ .itadesk.json")
    check.add_argument("--demo", choices=sorted(DEMOS))
    save = commands.add_parser("save-json", help="บันทึกรายงานเป็นไฟล์ .itadesk.json")
    save.add_argument("report", help="เลขที่หรือชื่อหน่วยงานของรายงานในคลัง")
    save.add_argument("-o", "--output", type=Path, required=True)
    imp = commands.add_parser("import", help="นำเข้ารายงานจากไฟล์ .itadesk.json .docx หรือ .pdf")
    imp.add_argument("file", type=Path)
    same = imp.add_mutually_exclusive_group()
    same.add_argument("--keep-both", action="store_true",
                      help="เก็บไว้ทั้งสองฉบับ ถ้าในคลังมีรายงานของหน่วยงานและปีนั้นแล้ว "
                           "/ keep both when the library has that report")
    same.add_argument("--replace", action="store_true",
                      help="แทนที่ฉบับเดิม (สำรองคลังไว้ก่อน) / replace it (backed up first)")
    # The window's child process: read the file, write the report as an exchange file and
    # the summary to the status file, add nothing to the library.
    imp.add_argument("--to-json", type=Path, help=argparse.SUPPRESS)
    imp.add_argument("--status-file", type=Path, help=argparse.SUPPRESS)
    imp.add_argument("--layouts", type=Path, help=argparse.SUPPRESS)  # the library's own
    # the window's preview process (export/preview_server.py): no help line, not for clerks
    server = commands.add_parser("preview-server")
    server.add_argument("folder", type=Path)
    server.add_argument("--parent-pid", type=int)
    commands.add_parser("layouts", help="รูปแบบรายงานที่ใช้ได้ / list the layouts")
    layout = commands.add_parser("layout", help="รูปแบบรายงานของหน่วยงาน / the library's layouts")
    layout_commands = layout.add_subparsers(dest="layout_command", metavar="COMMAND",
                                            required=True)
    add = layout_commands.add_parser(
        "add", help="เพิ่มรูปแบบรายงานจากไฟล์ .json ลงในคลัง (docs/layouts.md) / add a layout file")
    add.add_argument("file", type=Path)
    oit = commands.add_parser("oit", help="รายการข้อ OIT ของปีงบประมาณ / a year's OIT items")
    oit.add_argument("year", nargs="?", type=int, help="ปีงบประมาณ พ.ศ. (ไม่ระบุ = ทุกปีที่มี)")
    pack = commands.add_parser(
        "pack", help="ชุดเอกสารหลักฐานของข้อ OIT (รายงาน บันทึกข้อความ แบบขออนุมัติเผยแพร่) "
                     "/ the evidence pack")
    pack.add_argument("report", nargs="?", help="เลขที่ ชื่อหน่วยงาน หรือไฟล์ .itadesk.json")
    pack.add_argument("--demo", choices=sorted(DEMOS))
    pack.add_argument("-o", "--output", type=Path, required=True, help="โฟลเดอร์ที่จะบันทึก")
    pack.add_argument("--item", help="รหัสข้อ OIT เช่น O26 (ไม่ระบุ = ตามรายงาน)")
    pack.add_argument("--link", help="ลิงก์ที่เผยแพร่ (ไม่ระบุ = ตามที่เก็บไว้กับรายงาน)")
    pack.add_argument("--certificate", type=Path,
                      help="ไฟล์ใบรับรอง .p12/.pfx ของหน่วยงาน เพื่อลงลายมือชื่อดิจิทัลใน PDF")
    keep = commands.add_parser(
        "round", help="เก็บผลการดำเนินการของรอบ ๖ หรือ ๑๒ เดือน / keep a round's results")
    keep.add_argument("report", help="เลขที่หรือชื่อหน่วยงานของรายงานในคลัง")
    keep.add_argument("round", choices=("6", "12"))
    scores = commands.add_parser(
        "scores", help="ผลคะแนน ITA ปีที่แล้ว (.xlsx/.csv) → บทวิเคราะห์และแถวแผนพัฒนา "
                       "/ last year's scores → analysis and improvement-plan rows")
    scores.add_argument("file", type=Path)
    scores.add_argument("--year", type=int, required=True, help="ปีงบประมาณที่ประเมิน (พ.ศ.)")
    scores.add_argument("--add", action="store_true",
                        help="สร้างรายงานแผนพัฒนาของปีถัดไปในคลัง / add the plan to the library")
    scores.add_argument("--municipality", default="", help="ชื่อหน่วยงาน (สำหรับ --add)")
    moving = commands.add_parser("library", help="ย้ายหรือคัดลอกคลังรายงาน / move a library")
    moving_commands = moving.add_subparsers(dest="library_command", metavar="COMMAND",
                                            required=True)
    copy = moving_commands.add_parser(
        "copy", help="คัดลอกรายงานทุกฉบับไปยังคลังที่ยังว่าง (ไฟล์ หรือ postgresql://…) แล้วตรวจทีละฉบับ "
                     "/ copy every report into an empty library, each checked")
    copy.add_argument("source", type=library_location, metavar="FROM")
    copy.add_argument("target", type=library_location, metavar="TO")
    cell = commands.add_parser(
        "cell", help="อ่านหรือแก้ช่องหนึ่งของรายงาน (หลายคนพร้อมกัน) / read or save one cell")
    cell.add_argument("report", help="เลขที่หรือชื่อหน่วยงานของรายงานในคลัง")
    cell.add_argument("row", type=int, help="แถวที่ (1 = แถวแรก; 0 = ช่องของตัวรายงาน เช่น title)")
    cell.add_argument("field", help="ชื่อช่อง เช่น result, outcome, title")
    cell.add_argument("text", nargs="?", help="ข้อความใหม่ (ไม่ระบุ = พิมพ์รุ่นและข้อความปัจจุบัน)")
    cell.add_argument("--version", type=int, dest="over_version",
                      help="รุ่นของแถวที่อ่านไว้ก่อนพิมพ์ (ไม่ระบุ = รุ่นปัจจุบัน) / the version read")
    cell.add_argument("--base", help="ข้อความของช่องตอนอ่าน (ไม่ระบุ = ตามรุ่นที่ระบุ) / the text read")
    return parser


def _say(thai: str, english: str = "") -> None:
    """The clerk's Thai line, then the English line for support (the README's promise)."""
    print(thai, file=sys.stderr)
    if english:
        print(english, file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # Thai on a console that cannot show it: escaped
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    args = parse(argv)
    try:
        code = _run(args)
        if sys.stdout is not None:  # None in the windowed bundle
            sys.stdout.flush()  # here, where a closed pipe is still caught, not at the exit
        return code
    except KeyboardInterrupt:
        _say("หยุดตามที่สั่งแล้ว", "Interrupted.")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `itadesk list | head`: the reader had enough, nothing failed
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # the one place every command ends when something fails
        return _failed(args, exc)


def _run(args: argparse.Namespace) -> int:
    path = args.library or default_library_path()
    if args.command is not None:  # the window does it once it is painted (ui/app.py)
        from .export.files import cleanup_leftovers

        cleanup_leftovers()  # what a killed export left behind goes at the next start
    if args.command == "export":
        return _export(args, path)
    if args.command == "list":
        return _list(path)
    if args.command == "check":
        return _check(args, path)
    if args.command == "save-json":
        return _save_json(args, path)
    if args.command == "import":
        return _import(args, path)
    if args.command == "layouts":
        return _layouts(path)
    if args.command == "preview-server":
        from .export.preview_server import serve

        return serve(args.folder, args.parent_pid)
    if args.command == "layout":
        return _add_layout(args, path)
    if args.command == "oit":
        from .year_cli import print_catalogue

        return print_catalogue(args.year, path)
    if args.command == "round":
        from .year_cli import keep_round

        return keep_round(args, path, _find)
    if args.command == "scores":
        from .year_cli import scores

        return scores(args, path)
    if args.command == "cell":
        from .office_cli import cell

        return cell(args, path, _find)
    if args.command == "library":
        return _copy_library(args)
    if args.command == "pack":
        from .year_cli import pack

        loaded = _load_report(args, path)
        return loaded if isinstance(loaded, int) else pack(args, loaded)
    from .ui import qt_import  # noqa: F401  (first: Qt's import hook made cheap)
    from .ui.app import run  # Qt only when a window is wanted

    return run(path, [sys.argv[0]])


def _failed(args: argparse.Namespace, exc: Exception) -> int:
    """Thai for the clerk, English for support; the exit code says what kind of trouble."""
    from .domain import LayoutError, UnknownLayout
    from .exchange.checking import ExchangeError
    from .exchange.importing import ImportProblem
    from .export.errors import ExportError
    from .guard import explain
    from .store.errors import LibraryError
    from .store.server import is_server, without_password

    # a password typed into a server's address is never written to the log
    said = [without_password(a) if is_server(a) else a for a in sys.argv[1:]]
    told = explain(exc, f"itadesk {args.command or '(window)'}: {said}")
    if getattr(args, "status_file", None):  # the window waits for this line
        with contextlib.suppress(OSError), args.status_file.open("a", encoding="utf-8") as fh:
            fh.write(f"error {' '.join(told.thai.split())}\t{' '.join(told.english.split())}\n")
    if isinstance(exc, LibraryError):
        return _library_failed(exc)
    _say(told.thai, told.english)
    for kind, code in ((ExportError, EXIT_EXPORT), (ImportProblem, EXIT_USAGE),
                       (ExchangeError, EXIT_USAGE), (LayoutError, EXIT_USAGE),
                       (UnknownLayout, EXIT_USAGE)):
        if isinstance(exc, kind):
            return code
    return EXIT_UNEXPECTED


def _list(path: Path) -> int:
    from .store import Library

    with Library.open(path, take_backup=False, create=False) as library:
        for r in library.list_reports():
            print(f"{r.id}\t{r.fiscal_year}\t{r.layout}\t{r.measure_count}\t{r.municipality}")
    return EXIT_OK


def _library_failed(exc: Exception) -> int:
    """Say why the library could not be used; a damaged one names its backups."""
    from .store import CorruptLibrary, LibraryError

    assert isinstance(exc, LibraryError)
    _say(exc.message, str(exc))
    if not isinstance(exc, CorruptLibrary):
        return EXIT_LIBRARY
    if exc.backups:
        newest = exc.backups[0]
        _say(f"มีสำเนาสำรองของคลังนี้ {len(exc.backups)} ชุด ล่าสุดเมื่อ {newest.label} "
             f"อยู่ในโฟลเดอร์ «{newest.path.parent}» เปิดโปรแกรม ITA Desk แล้วเลือกสำเนาที่จะเรียกคืน",
             f"{len(exc.backups)} backups, newest {newest.taken.isoformat()}: {newest.path}. "
             "Open the ITA Desk window to restore one.")
    else:
        _say("ยังไม่มีสำเนาสำรองของคลังนี้", "No backups of this library were found.")
    return EXIT_DAMAGED


def _export(args: argparse.Namespace, path: Path) -> int:
    from .document import ExportOptions
    from .domain.options import SWITCHES
    from .export.jobs import export_report
    from .export.writers import FORMATS

    fmt = args.format or args.output.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        names, endings = " หรือ ".join(FORMATS), " หรือ ".join(f".{f}" for f in FORMATS)
        _say(f"ระบุรูปแบบไฟล์ด้วย --format {names} หรือให้ชื่อไฟล์ลงท้ายด้วย {endings}",
             f"Give --format {'|'.join(FORMATS)} or an output name ending in "
             f"{' or '.join('.' + f for f in FORMATS)}.")
        return EXIT_USAGE
    loaded = _load_report(args, path)
    if isinstance(loaded, int):
        return loaded
    report = loaded.report
    layout = loaded.layout
    if args.round:
        from .domain.rounds import plan_report, round_report

        report = plan_report(report) if args.round == "plan" else round_report(report,
                                                                               args.round)
        layout = None if args.round == "plan" else layout
    overrides = {s.name: getattr(args, s.name) for s in SWITCHES
                 if getattr(args, s.name) is not None}
    if args.orientation:
        overrides["orientation"] = args.orientation
    if args.oit_code:
        overrides["oit_code"] = args.oit_code
    options = ExportOptions.from_report(report, **overrides)
    output = args.output
    if output.suffix.lower() != f".{fmt}":  # --format wins over the name
        output = output.with_name(output.name + f".{fmt}")
    with contextlib.ExitStack() as stack:
        status, progress = _status_file(args, stack)
        export_report(report, output, options, progress=progress, layout=layout)
        if status:
            status.write("done\n")
    print(output)
    return EXIT_OK


def _status_file(args: argparse.Namespace, stack: contextlib.ExitStack,
                 ) -> tuple[Any, Callable[[float], None] | None]:
    """The window's status file and a progress callback writing to it (None, None without
    one). The stack closes it before the guard adds its "error" line, if the job fails."""
    if not args.status_file:
        return None, None
    from .background import give_way

    give_way()  # a status file: the window's child, which must not slow the window
    status = stack.enter_context(args.status_file.open("a", encoding="utf-8"))
    said = [-1]

    def progress(share: float) -> None:
        percent = int(share * 100)
        if percent != said[0]:  # the window shows whole percents: a line for each, no more
            said[0] = percent
            status.write(f"progress {share:.3f}\n")
            status.flush()

    return status, progress


def _load_report(args: argparse.Namespace, path: Path) -> Exchange | int:
    """The report a command names (demo, JSON file, or library) with the layouts it may
    name, or an exit code."""
    from .demo import DEMOS, read_demo
    from .exchange.jsonfile import Exchange, ExchangeError, read_exchange
    from .store import Library

    if getattr(args, "demo", None):
        return Exchange(read_demo(args.demo))
    wanted = args.report
    if wanted and wanted.endswith(".json") and Path(wanted).is_file():
        try:
            return read_exchange(Path(wanted))
        except ExchangeError as exc:
            where = f" (ตำแหน่ง {exc.where})" if exc.where else ""
            raise ExchangeError(f"อ่านไฟล์ «{wanted}» ไม่ได้: {exc.message}{where}", exc.where,
                                exc.english) from exc
    if not wanted:
        _say(f"ระบุรายงาน (เลขที่หรือชื่อหน่วยงาน) หรือ --demo {'|'.join(DEMOS)}",
             f"Name a report (id or municipality) or --demo {'|'.join(DEMOS)}.")
        return EXIT_USAGE
    with Library.open(path, take_backup=False, create=False) as library:  # reading only
        found = _find(library, wanted)
        if found is None:
            return EXIT_NOT_FOUND
        report = library.load_report(found)
        return Exchange(report, library.custom_layouts(),
                        library.own_oit_year(report.fiscal_year))


def _check(args: argparse.Namespace, path: Path) -> int:
    from .domain.checks import check_report

    loaded = _load_report(args, path)
    if isinstance(loaded, int):
        return loaded
    findings = check_report(loaded.report, loaded.layout, loaded.oit)
    for f in findings:
        fix = " (แก้ให้ได้ในหน้าต่างโปรแกรม)" if f.fix is not None else ""
        print(f"{f.where}: {f.message}{fix}")
    print(f"พบ {len(findings)} รายการที่ควรตรวจ" if findings else "ไม่พบสิ่งที่ต้องแก้")
    return 1 if findings else EXIT_OK


def _save_json(args: argparse.Namespace, path: Path) -> int:
    from .exchange.jsonfile import write_report

    loaded = _load_report(args, path)
    if isinstance(loaded, int):
        return loaded
    write_report(loaded.report, args.output, loaded.layout, loaded.oit)
    print(args.output)
    return EXIT_OK


def _import(args: argparse.Namespace, path: Path) -> int:
    from .domain import builtin_layouts
    from .exchange import importing
    from .store import Library

    with contextlib.ExitStack() as stack:
        status, progress = _status_file(args, stack)
        # the window's child is given the library's own layouts as files: the window
        # holds the library
        library = None if args.to_json else stack.enter_context(
            Library.open(path, take_backup=False))
        layouts = library.layouts() if library is not None else None
        if args.layouts:
            from .domain.layout_files import read_layout_folder

            layouts = builtin_layouts().plus(read_layout_folder(args.layouts))
        found, summary = importing.read_file(args.file, layouts, progress)
        if args.to_json:
            from .exchange.jsonfile import write_report

            # the report's layout goes with it when it is not a shipped one
            catalog = (layouts or builtin_layouts()).plus(found.layouts)
            layout = catalog.get(found.report.layout) if found.report.layout in catalog else None
            write_report(found.report, args.to_json,
                         layout if layout is not None and not layout.builtin else None)
        if status:
            status.writelines(f"summary {line}\n" for line in summary.lines())
            status.write("done\n")
        for line in summary.lines():  # stdout keeps only the new report's number
            print(line, file=sys.stderr)
        if library is not None:
            return _add_imported(args, library, library.adopt(found))
    return EXIT_OK


def _add_imported(args: argparse.Namespace, library: Any, report: Any) -> int:
    """Add the report, unless the library holds one of its municipality and year and
    neither --keep-both nor --replace says what to do."""
    import dataclasses

    from .domain import Origin, OriginKind
    from .thai.digits import to_thai_digits

    origin = Origin(OriginKind.IMPORTED, args.file.name)
    there = library.same_reports(report.municipality, report.fiscal_year, report.layout)
    if there and args.replace:
        library.take_backup(even_new=True)
        origin = dataclasses.replace(origin, copy=there[0].origin.copy)
        print(library.replace_report(there[0].id, dataclasses.replace(report, origin=origin)))
        return EXIT_OK
    if there and not args.keep_both:
        _say(f"ในคลังมีรายงานของ{report.municipality} ปีงบประมาณ "
             f"{to_thai_digits(str(report.fiscal_year))} อยู่แล้ว (เลขที่ "
             f"{', '.join(str(s.id) for s in there)}) จึงไม่ได้นำเข้า ถ้าต้องการเก็บไว้ทั้งสองฉบับ "
             "ให้ใส่ --keep-both ถ้าต้องการแทนที่ฉบับเดิม (สำรองคลังไว้ก่อน) ให้ใส่ --replace",
             "The library already holds a report of that municipality and fiscal year; "
             "nothing was added (use --keep-both or --replace).")
        return EXIT_DUPLICATE
    if there:
        origin = dataclasses.replace(origin, copy=max(s.origin.copy for s in there) + 1)
    print(library.create_report(dataclasses.replace(report, origin=origin)))
    return EXIT_OK


def _copy_library(args: argparse.Namespace) -> int:
    from .store import Library
    from .store.moving import copy_library

    with Library.open(args.source, take_backup=False, create=False) as source, \
            Library.open(args.target, take_backup=False) as target:
        pairs = copy_library(source, target)
    for old, new in pairs:
        print(f"{old}\t{new}")
    _say(f"คัดลอกรายงาน {len(pairs)} ฉบับไปยัง «{target.path.name}» แล้ว "
         "ตรวจเทียบไฟล์แลกเปลี่ยนของทุกฉบับแล้ว ตรงกันทุกฉบับ",
         f"Copied {len(pairs)} reports; every report's exchange file matches.")
    return EXIT_OK


def _layouts(path: Path) -> int:
    """id, form, orientation, columns, name: the shipped layouts, then the library's."""
    from .domain import builtin_layouts
    from .store import Library
    from .store.library import exists

    catalog = builtin_layouts()
    if exists(path):
        with Library.open(path, take_backup=False, create=False) as library:
            catalog = library.layouts()
    for layout in catalog:
        where = "โปรแกรม" if layout.builtin else "คลัง"
        print(f"{layout.id}\t{where}\t{layout.form}\t{layout.orientation}\t"
              f"{len(layout.columns)}\t{layout.name}")
    return EXIT_OK


def _add_layout(args: argparse.Namespace, path: Path) -> int:
    from .domain.layout_files import read_layout_file
    from .store import Library

    layout = read_layout_file(args.file)
    with Library.open(path, take_backup=False) as library:
        kept = library.add_layout(layout)
    if kept.id != layout.id:
        _say(f"รหัส «{layout.id}» เป็นของรูปแบบที่มากับโปรแกรม จึงเก็บเป็นรหัส «{kept.id}»",
             f"{layout.id!r} is a shipped layout's id: kept as {kept.id!r}.")
    print(f"{kept.id}\t{kept.name}")
    return EXIT_OK


def _find(library: object, wanted: str) -> int | None:
    from .store import Library

    assert isinstance(library, Library)
    reports = library.list_reports()
    if wanted.isdigit():
        for r in reports:
            if r.id == int(wanted):
                return r.id
    matches = [r for r in reports if wanted.strip() and wanted.strip() in r.municipality]
    if len(matches) == 1:
        return matches[0].id
    if not matches:
        _say(f"ไม่พบรายงาน «{wanted}» ในคลัง (ดูรายการด้วยคำสั่ง itadesk list)",
             f"No report {wanted!r} in the library (see: itadesk list).")
    else:
        _say(f"มีรายงานที่ตรงกับ «{wanted}» หลายฉบับ กรุณาระบุเลขที่:",
             "Several reports match; give the id:")
        for r in matches:
            _say(f"  {r.id}\t{r.fiscal_year}\t{r.municipality}")
    return None


if __name__ == "__main__":
    sys.exit(main())
