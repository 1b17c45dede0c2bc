"""Hostile inputs, as a table: each one ends in a Thai message with an English line below
it, never a traceback, and changes nothing (the library keeps its reports, an old export
keeps its bytes, no temporary file stays). The figures are printed (run with -s)."""

from __future__ import annotations

import codecs
import contextlib
import json
import os
import shutil
import struct
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest

from itadesk import cli
from itadesk.demo import add_demo_reports
from itadesk.store import Library

from .conftest import mounted_tmpfs
from .processes import THAI, assert_clerk_message


def _file(content: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / "hostile.itadesk.json"
        path.write_bytes(content)
        return path
    return make


def _json(obj: object) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode("utf-8")


def _report(**fields: object) -> dict[str, object]:
    return {"format": 1, "report": {"municipality": "เทศบาลตำบลทดสอบ", **fields}}


def _word(folder: Path) -> Path:
    """A real report exported as Word, to be damaged."""
    path = folder / "good.docx"
    d = docx.Document()
    d.add_paragraph("รายงานผลการดำเนินการ เทศบาลตำบลทดสอบ ปีงบประมาณ พ.ศ. ๒๕๖๘")
    table = d.add_table(rows=2, cols=4)
    for cell, text in zip(table.rows[0].cells, ("มาตรการ/แนวทาง", "ขั้นตอน/วิธีการ",
                                               "ผู้รับผิดชอบ", "ผลการดำเนินการ"), strict=True):
        cell.text = text
    table.rows[1].cells[0].text = "มาตรการเผยแพร่ข้อมูล"
    d.save(str(path))
    return path


def _patched(fix: Callable[[bytearray, int, bool], None]) -> Callable[[Path], Path]:
    """The good file with every zip header (local and central) changed by `fix`."""
    def make(folder: Path) -> Path:
        data = bytearray(_word(folder).read_bytes())
        for magic, local in ((b"PK\x03\x04", True), (b"PK\x01\x02", False)):
            at = data.find(magic)
            while at >= 0:
                fix(data, at, local)
                at = data.find(magic, at + 4)
        path = folder / "hostile.docx"
        path.write_bytes(bytes(data))
        return path
    return make


def _method_9(data: bytearray, at: int, local: bool) -> None:
    field = at + (8 if local else 10)
    if struct.unpack_from("<H", data, field)[0] == zipfile.ZIP_DEFLATED:
        struct.pack_into("<H", data, field, 9)  # deflate64


def _password(data: bytearray, at: int, local: bool) -> None:
    field = at + (6 if local else 8)
    struct.pack_into("<H", data, field, struct.unpack_from("<H", data, field)[0] | 1)


def _bad_deflate(folder: Path) -> Path:
    good = _word(folder)
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 8, start + 80):
        data[i] ^= 0x55
    path = folder / "hostile.docx"
    path.write_bytes(bytes(data))
    return path


def _rezipped(change: Callable[[str, bytes], bytes | None]) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / "hostile.docx"
        with zipfile.ZipFile(_word(folder)) as src, zipfile.ZipFile(
                path, "w", zipfile.ZIP_DEFLATED) as out:
            for info in src.infolist():
                data = change(info.filename, src.read(info.filename))
                if data is not None:
                    out.writestr(info, data)
        return path
    return make


def _grid_span(name: str, data: bytes) -> bytes:
    if name != "word/document.xml":
        return data
    return data.replace(b"<w:tcW ", b'<w:gridSpan w:val="abc"/><w:tcW ', 2)


def _named(name: str, content: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        (folder / name).write_bytes(content)
        return folder / name
    return make


def _bytes_docx(content: bytes | Callable[[Path], bytes]) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / "hostile.docx"
        path.write_bytes(content(folder) if callable(content) else content)
        return path
    return make


def _bomb(folder: Path) -> Path:
    path = folder / "hostile.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<w:document/>")
        z.writestr("word/big.bin", b"\0" * (60 * 1024 * 1024))
    return path


def _folder_named(name: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.mkdir()
        return path
    return make


def _fifo(folder: Path) -> Path:
    path = folder / "pipe.itadesk.json"
    os.mkfifo(path)  # opening it would wait for ever
    return path


@dataclass(frozen=True)
class Import:
    """A file given to `itadesk import` (and to the window's import)."""

    name: str
    make: Callable[[Path], Path]
    says: str  # in the Thai message; "" = the file is fine and is imported
    strace: str = ""  # a failure injected into the system calls on this file


IMPORTS = [
    Import('"scores":"abc"', _file(_json(_report(measures=[{"title": "ก", "scores": "abc"}]))),
           "คะแนน ITA ต้องเป็นรายการ [ … ] แต่ในไฟล์เป็นข้อความ «abc»"),
    Import('"signers":7', _file(_json(_report(signers=7))),
           "ผู้ลงนาม ต้องเป็นรายการ [ … ] แต่ในไฟล์เป็นตัวเลข 7"),
    Import("10^5 levels of nesting", _file(
        b'{"format": 1, "report": {"options": ' + b"[" * 100_000 + b"]" * 100_000 + b"}}"),
        "ซ้อนกันลึกผิดปกติ"),
    Import("a 5,000-digit number", _file(
        b'{"format": 1, "report": {"fiscal_year": 1' + b"0" * 4999 + b"}}"), "ยาว ๕,๐๐๐ หลัก"),
    Import("a lone surrogate", _file(b'{"format": 1, "report": {"municipality": "\\ud800x"}}'),
           "ชื่อหน่วยงาน มีอักขระที่เสียหาย"),
    Import("a lone surrogate deep in the memo", _file(_json(_report(options={"memo_form": {
        "endorsements": [{"positions": ["ok", "\\udc00"]}]}})).replace(b"\\\\udc00", b"\\udc00")),
        "ตำแหน่งผู้บังคับบัญชา มีอักขระที่เสียหาย"),
    Import('"format":"1"', _file(_json({"format": "1", "report": {}})),
           "รูปแบบไฟล์ (format) ต้องเป็นตัวเลข 1 ถึง 2 แต่ในไฟล์เป็นข้อความ «1»"),
    Import("a newer format", _file(_json({"format": 3, "report": {}})),
           "รุ่นที่ใหม่กว่า (รูปแบบที่ 3)"),
    Import("a list, not a report", _file(b"[]"), "ไม่ใช่ไฟล์รายงานของ ITA Desk"),
    Import("no report part", _file(_json({"format": 1})), "ไม่มีส่วน report"),
    Import('"report": null', _file(_json({"format": 1, "report": None})),
           "ส่วนรายงาน (report) ต้องเป็นชุดข้อมูล"),
    Import("not UTF-8 (TIS-620)", _file(_json(_report()).decode().encode("cp874")), "UTF-8"),
    Import("cut off", _file(_json(_report())[:24]), "ไม่สมบูรณ์"),
    Import("an empty file", _file(b""), "ไม่สมบูรณ์"),
    Import("NaN as the year", _file(b'{"format": 1, "report": {"fiscal_year": NaN}}'), "NaN"),
    Import("1e400 as the year", _file(b'{"format": 1, "report": {"fiscal_year": 1e400}}'),
           "ปีงบประมาณ ต้องเป็นตัวเลขจำนวนเต็ม"),
    Import("the year 99999", _file(_json(_report(fiscal_year=99999))),
           "ปีงบประมาณ ต้องอยู่ระหว่าง 2500 ถึง 2700"),
    Import("the year in words", _file(_json(_report(fiscal_year="สองพัน"))),
           "ปีงบประมาณ ต้องเป็นตัวเลขจำนวนเต็ม"),
    Import('"measures": {}', _file(_json(_report(measures={}))), "มาตรการ ต้องเป็นรายการ"),
    Import("a row of an unknown kind", _file(_json(_report(measures=[{"kind": "row"}]))),
           "ชนิดแถว (kind) ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: measure, section"),
    Import("an unknown layout", _file(_json(_report(layout="seven"))), "รูปแบบรายงาน (layout)"),
    Import("a memo that is text", _file(_json(_report(options={"memo_form": "abc"}))),
           "บันทึกข้อความ ต้องเป็นชุดข้อมูล"),
    Import("a font of 0 points", _file(_json(_report(options={"body_pt": 0}))),
           "ต้องอยู่ระหว่าง 6 ถึง 72"),
    Import("a switch that is text", _file(_json(_report(options={"cover": "yes"}))),
           "ต้องเป็นค่าจริงหรือเท็จ"),
    Import("21 MB of JSON", _file(_json(_report()) + b" " * (21 * 1024 * 1024)), "ใหญ่เกิน"),
    Import("a folder named .json", _folder_named("folder.itadesk.json"), "ไม่ใช่ไฟล์รายงาน"),
    Import("a pipe named .json", _fifo, "ไม่ใช่ไฟล์รายงาน"),
    Import("a file that is not there", lambda folder: folder / "gone.itadesk.json", "ไม่พบไฟล์"),
    Import("a spreadsheet", _named("sheet.xlsx", b"PK\x03\x04"), "นำเข้าได้เฉพาะ"),
    Import("a Word file with a bad deflate stream", _bad_deflate, "เสียหาย"),
    Import("a Word file packed with method 9 (deflate64)", _patched(_method_9),
           "บีบอัดด้วยวิธีที่โปรแกรมนี้อ่านไม่ได้"),
    Import("a Word file with a zip password", _patched(_password), "ตั้งรหัสผ่านไว้"),
    Import("a password-protected Word file (OLE)",
           _bytes_docx(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000), "ตั้งรหัสผ่านไว้"),
    # a nonsense span has an obvious reading (one column): the clerk's text is kept
    Import('gridSpan="abc"', _rezipped(_grid_span), ""),
    Import("a Word document that is not XML", _rezipped(
        lambda name, data: data[: len(data) // 2] if name == "word/document.xml" else data),
        "มีโครงสร้างที่โปรแกรมอ่านไม่ได้"),
    Import("a PDF cut to its header", _named("hostile.pdf", b"%PDF-1.7\n" + bytes(range(256))),
           "เสียหาย"),
    Import("a text file named .pdf", _named("hostile.pdf", "จดหมาย".encode()), "ไม่ใช่ไฟล์ PDF"),
    Import("a Word file without its document", _rezipped(
        lambda name, data: None if name == "word/document.xml" else data),
        "ไม่ใช่ไฟล์ Word ที่อ่านได้"),
    Import("a Word file cut in half", _bytes_docx(
        lambda folder: _word(folder).read_bytes()[:3000]), "เสียหาย"),
    Import("random bytes as .docx", _bytes_docx(os.urandom(5000)), "ไม่ใช่ไฟล์ Word"),
    Import("an empty .docx", _bytes_docx(b""), "ไม่ใช่ไฟล์ Word"),
    Import("a zip bomb", _bomb, "ผิดปกติ"),
    Import("XML entities", _rezipped(lambda name, data: data.replace(
        b"?>", b'?><!DOCTYPE x [<!ENTITY a "aaaa">]>', 1) if name == "word/document.xml"
        else data), "ไม่ปลอดภัย"),
    Import("a Word file that vanishes once looked at", _word, "ไม่พบไฟล์",
           strace="openat:error=ENOENT"),
    Import("a Word file whose disk fails mid-read", _word, "อ่านไฟล์ «good.docx» ไม่สำเร็จ",
           strace="read:error=EIO"),
    Import("a UTF-8 byte-order mark (Notepad)", _file(codecs.BOM_UTF8 + _json(_report())), ""),
    Import("UTF-16 (Notepad's Unicode)", _file(
        json.dumps(_report(), ensure_ascii=False).encode("utf-16")), ""),
]


def _fill(disk: Path) -> None:
    with contextlib.suppress(OSError), (disk / "filler").open("wb", buffering=0) as fh:
        while True:
            fh.write(b"\0" * 4096)


@dataclass(frozen=True)
class Export:
    """A target given to `itadesk export` / `save-json`; the old file must stay as it was."""

    name: str
    target: Callable[[Path, contextlib.ExitStack], Path]
    says: str
    command: str = "export"


def _old(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"last year's report")
    return path


def _on_full_disk(name: str) -> Callable[[Path, contextlib.ExitStack], Path]:
    def target(folder: Path, stack: contextlib.ExitStack) -> Path:
        disk = stack.enter_context(mounted_tmpfs(folder / "stick", "256k"))
        path = _old(disk / name)
        _fill(disk)
        return path
    return target


def _on_write_protected_disk(folder: Path, stack: contextlib.ExitStack) -> Path:
    disk = stack.enter_context(mounted_tmpfs(folder / "stick", "256k"))
    path = _old(disk / "report.pdf")
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    return path


def _folder_target(folder: Path, _stack: contextlib.ExitStack) -> Path:
    path = folder / "report.pdf"
    _old(path / "inside.txt")
    return path


def _read_only_target(folder: Path, _stack: contextlib.ExitStack) -> Path:
    path = _old(folder / "report.pdf")
    path.chmod(0o444)
    return path


EXPORTS = [
    Export("a target that is a folder", _folder_target, "เป็นโฟลเดอร์ ไม่ใช่ไฟล์"),
    Export("a full disk", _on_full_disk("report.pdf"), "พื้นที่ในดิสก์หรือแฟลชไดรฟ์เต็ม"),
    Export("a write-protected disk", _on_write_protected_disk, "ป้องกันการเขียน"),
    Export("a name of 270 bytes", lambda folder, _s: folder / ("ร" * 90 + ".pdf"),
           "ชื่อไฟล์ยาวเกิน"),
    Export("a folder that is not there", lambda folder, _s: folder / "nowhere" / "r.pdf",
           "ไม่มีโฟลเดอร์นี้"),
    Export("a read-only target", _read_only_target, "อ่านอย่างเดียว"),
    Export("save-json onto a folder", _folder_target, "เป็นโฟลเดอร์ ไม่ใช่ไฟล์",
           command="save-json"),
    Export("save-json to a full disk", _on_full_disk("report.itadesk.json"),
           "พื้นที่ในดิสก์หรือแฟลชไดรฟ์เต็ม", command="save-json"),
]


def _run(args: list[str | Path], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    try:
        code = cli.main([str(a) for a in args])
    except Exception as exc:  # the command line would have shown a traceback: one problem
        return -1, f"Traceback: {type(exc).__name__}: {exc}"[:300]
    return code, capsys.readouterr().err


def _run_traced(args: list[str | Path], path: Path, inject: str) -> tuple[int, str]:
    """The command as a process of its own, with one kind of system call on `path` failing
    as a pulled USB stick or a file deleted by someone else makes it fail."""
    if shutil.which("strace") is None:
        pytest.skip("strace is not installed")
    call = inject.split(":")[0]
    run = subprocess.run(
        ["strace", "-f", "-qq", "-o", os.devnull, "-P", str(path), "-e", f"trace={call}",
         "-e", f"inject={inject}", sys.executable, "-m", "itadesk", *map(str, args)],
        capture_output=True, text=True, timeout=120)
    if "ptrace" in run.stderr and "Operation not permitted" in run.stderr:
        pytest.skip("strace may not trace here")
    return run.returncode, run.stderr


def _problem(err: str) -> str:
    try:
        assert_clerk_message(err)
    except AssertionError:
        return f"not a Thai message with an English line: {err!r}"
    return ""


def _snapshot(path: Path) -> bytes | list[str] | None:
    """What is at `path` (a file's bytes, a folder's names); None for nothing."""
    with contextlib.suppress(OSError):  # a name too long cannot even be looked at
        if path.is_file():
            return path.read_bytes()
        if path.is_dir():
            return sorted(str(p) for p in path.rglob("*"))
    return None


def _reports(library: Path) -> list[str]:
    with Library.open(library, take_backup=False) as lib:
        return sorted(r.municipality for r in lib.list_reports())


def test_hostile_inputs_each_get_a_thai_message(tmp_path: Path, library_path: Path,
                                                 own_log: Path, capsys):
    with Library.open(library_path) as lib:
        add_demo_reports(lib)
    before = _reports(library_path)
    problems: list[str] = []
    tried = refused = accepted = 0
    for number, case in enumerate(IMPORTS):
        folder = tmp_path / f"import-{number}"
        folder.mkdir()
        path = case.make(folder)
        args: list[str | Path] = ["--library", library_path, "import", path]
        code, err = (_run_traced(args, path, case.strace) if case.strace
                     else _run(args, capsys))
        tried += 1
        now = _reports(library_path)
        if not case.says:  # a good file in an odd dress: imported
            if code != 0 or now != sorted([*before, "เทศบาลตำบลทดสอบ"]):
                problems.append(f"{case.name}: not imported ({code}) {err}")
                continue
            with Library.open(library_path, take_backup=False) as lib:
                lib.delete_report(lib.list_reports()[0].id)
            accepted += 1
            continue
        problem = _problem(err)
        if code != cli.EXIT_USAGE or case.says not in err.splitlines()[0] or now != before:
            problem = f"exit {code}, {err!r}"
        refused += not problem
        problems += [f"{case.name}: {problem}"] if problem else []
    for number, case in enumerate(EXPORTS):
        folder = tmp_path / f"export-{number}"
        folder.mkdir()
        with contextlib.ExitStack() as stack:
            target = case.target(folder, stack)
            old = _snapshot(target)
            source = ["--demo", "002"] if case.command == "export" else ["1"]
            code, err = _run(["--library", library_path, case.command, *source, "-o", target],
                             capsys)
            tried += 1
            kept = _snapshot(target) == old
            leftovers = list(target.parent.glob(".*.part")) if target.parent.is_dir() else []
            problem = _problem(err)
            if code != cli.EXIT_EXPORT or case.says not in err.splitlines()[0] or not kept or (
                    leftovers):
                problem = f"exit {code}, old file kept: {kept}, left: {leftovers} {err!r}"
            refused += not problem
            problems += [f"{case.name}: {problem}"] if problem else []
    print(f"\nhostile inputs tried: {tried} ({len(IMPORTS)} files to import, {len(EXPORTS)} "
          f"export targets); {refused} refused with a Thai message and an English line, "
          f"{accepted} accepted as they should be; problems: {len(problems)}")
    assert not problems, "\n".join(problems)
    assert not own_log.exists()  # every one of them was foreseen: nothing "unexpected"


def test_the_window_tells_the_same_in_a_message_box(qtbot, tmp_path: Path, library_path: Path,
                                                     own_log: Path):
    from itadesk.ui.app import make_app, open_library
    from itadesk.ui.main_window import MainWindow

    from .ui_helpers import when_dialog_opens

    make_app()
    library = open_library(library_path)
    assert library is not None
    window = MainWindow(library)
    qtbot.addWidget(window)
    window.show()
    before = len(library.list_reports())
    problems: list[str] = []
    told: list[tuple[str, str]] = []

    def answer(box) -> None:
        told.append((box.text(), box.informativeText()))
        box.close()

    cases = [c for c in IMPORTS if c.says and not c.strace]
    try:
        for number, case in enumerate(cases):
            folder = tmp_path / f"window-{number}"
            folder.mkdir()
            when_dialog_opens(answer)
            result = window.import_from(case.make(folder))
            qtbot.waitUntil(lambda n=number: len(told) > n, timeout=10_000)
            thai, english = told[-1]
            if result is not None or case.says not in thai or not english or THAI.search(
                    english.split("[")[0]):
                problems.append(f"{case.name}: {result} {thai!r} / {english!r}")
        assert len(library.list_reports()) == before
    finally:
        window.close()
        library.close()
    print(f"\nhostile files tried in the window: {len(cases)}; problems: {len(problems)}")
    assert not problems, "\n".join(problems)
    assert not own_log.exists()


def test_read_only_commands_never_create_a_library(tmp_path: Path, capsys):
    mistyped = tmp_path / "Documents" / "ITA" / "libary.sqlite"
    for args in (["list"], ["export", "1", "-o", str(tmp_path / "x.pdf")], ["check", "1"],
                 ["save-json", "1", "-o", str(tmp_path / "x.itadesk.json")]):
        code, err = _run(["--library", mistyped, *args], capsys)
        assert code == cli.EXIT_LIBRARY and "ไม่พบคลังรายงาน" in err, (args, err)
        assert_clerk_message(err)
    assert not (tmp_path / "Documents").exists() and not list(tmp_path.glob("x.*"))


def test_an_unexpected_error_is_logged_and_named(tmp_path: Path, library_path: Path,
                                                  own_log: Path, capsys):
    """A library a newer or broken program changed (a column dropped): nothing foresaw it,
    so the clerk is told in Thai where the details are, and the log has the traceback."""
    import sqlite3

    with Library.open(library_path) as lib:
        add_demo_reports(lib)
    with sqlite3.connect(library_path) as conn:
        conn.execute("ALTER TABLE measure DROP COLUMN owner")
    conn.close()
    code, err = _run(["--library", library_path, "export", "1", "-o", tmp_path / "x.pdf"],
                     capsys)
    assert code == cli.EXIT_UNEXPECTED, err
    assert_clerk_message(err)
    log = own_log / "itadesk.log"
    assert str(log) in err.splitlines()[0] and str(log) in err.splitlines()[1]
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "owner" in text and "itadesk export" in text


def test_the_english_line_is_english(tmp_path: Path, capsys):
    """The README promises a second line in English, not the Thai again."""
    code, err = _run(["export", "--demo", "000", "-o", tmp_path / "nowhere" / "x.docx"], capsys)
    first, second = err.splitlines()[:2]
    assert code == cli.EXIT_EXPORT and THAI.search(first) and first != second
    assert second.startswith("The folder is missing or not writable.")


def test_a_bad_file_given_to_export_is_told_too(tmp_path: Path, capsys):
    path = _file(_json(_report(signers=7)))(tmp_path)
    code, err = _run(["export", path, "-o", tmp_path / "x.pdf"], capsys)
    assert code == cli.EXIT_USAGE and "ผู้ลงนาม ต้องเป็นรายการ" in err
    assert_clerk_message(err)
    assert not (tmp_path / "x.pdf").exists()



def test_the_schema_knows_what_the_program_knows():
    """One schema, checked against the code it describes: no field or layout left out."""
    from itadesk.domain import MEASURE_TEXT_FIELDS
    from itadesk.domain.model import REPORT_TEXT_FIELDS
    from itadesk.domain.options import ORIENTATIONS, SWITCHES
    from itadesk.exchange.checking import schema
    from itadesk.thai.dates import MAX_BE_YEAR, MIN_BE_YEAR

    report = schema()["properties"]["report"]["properties"]
    assert set(REPORT_TEXT_FIELDS) | {"fiscal_year", "signers", "options", "measures",
                                      "memo"} == set(report)
    from itadesk.domain.memo import MEMO_FIELD_NAMES
    assert MEMO_FIELD_NAMES | {"signer", "endorsements", "garuda_image"} == set(
        report["memo"]["properties"])
    assert "enum" not in report["layout"]  # the layout files say which ids there are
    year = report["fiscal_year"]
    assert (year["minimum"], year["maximum"]) == (MIN_BE_YEAR, MAX_BE_YEAR)
    measure = report["measures"]["items"]["properties"]
    assert set(MEASURE_TEXT_FIELDS) | {"kind", "scores", "rounds"} == set(measure)
    from itadesk.domain.options import OIT_CODE_PLACES
    from itadesk.domain.publication import PEOPLE, Publication
    from itadesk.domain.rounds import ROUNDS
    assert set(measure["rounds"]["items"]["properties"]["round"]["enum"]) == set(ROUNDS)
    options = report["options"]["properties"]
    assert {s.name for s in SWITCHES} <= set(options)
    assert set(options["orientation"]["enum"]) == {name for name, _ in ORIENTATIONS}
    assert set(options["oit_code"]["enum"]) == {name for name, _ in OIT_CODE_PLACES}
    import dataclasses
    assert set(options["publication"]["properties"]) == {
        f.name for f in dataclasses.fields(Publication)} and set(PEOPLE) <= {
        f.name for f in dataclasses.fields(Publication)}
