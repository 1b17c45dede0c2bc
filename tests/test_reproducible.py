"""Reproducible files: the same report and SOURCE_DATE_EPOCH give the same bytes, in Word
and PDF alike (font keys from the font's hash, member dates and document ids from the
epoch); without SOURCE_DATE_EPOCH the files carry the time they were made."""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pypdf
import pytest

from itadesk.demo import read_demo
from itadesk.document import ExportOptions, build_document
from itadesk.export.docx import docx_bytes
from itadesk.export.pdf import pdf_bytes

EPOCH = 1_700_000_000  # 2023-11-14 22:13:20 UTC
EPOCH_TIME = dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.UTC)


def _export(fmt: str, out: Path, env: dict[str, str]) -> bytes:
    subprocess.run([sys.executable, "-m", "itadesk", "export", "--demo", "002", "--cover",
                    "--continuation-word", "-o", str(out)], env=env, check=True,
                   capture_output=True, timeout=120)
    return out.read_bytes()


def _dates(fmt: str, data: bytes) -> list[dt.datetime]:
    """When the file says it was made and last changed, as aware times."""
    if fmt == "pdf":
        info = pypdf.PdfReader(io.BytesIO(data)).metadata
        return [info.creation_date, info.modification_date]
    core = docx.Document(io.BytesIO(data)).core_properties
    return [core.created.replace(tzinfo=dt.UTC), core.modified.replace(tzinfo=dt.UTC)]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_same_report_and_source_date_give_the_same_bytes(fmt, tmp_path):
    # Two processes with different hash seeds: no byte may depend on a set's order.
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(EPOCH)}
    first = _export(fmt, tmp_path / f"a.{fmt}", {**env, "PYTHONHASHSEED": "1"})
    second = _export(fmt, tmp_path / f"b.{fmt}", {**env, "PYTHONHASHSEED": "2"})
    assert first == second, f"two {fmt} exports of one report differ"
    assert _dates(fmt, first) == [EPOCH_TIME, EPOCH_TIME]
    if fmt == "docx":
        with zipfile.ZipFile(io.BytesIO(first)) as package:
            assert {m.date_time for m in package.infolist()} == {(2023, 11, 14, 22, 13, 20)}
            assert any(n.startswith("word/fonts/") for n in package.namelist())


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_without_source_date_the_file_says_when_it_was_made(fmt, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    document = build_document(read_demo("000"), ExportOptions(embed_fonts=False))
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    data = docx_bytes(document, embed=False) if fmt == "docx" else pdf_bytes(document)
    after = dt.datetime.now(dt.UTC)
    for when in _dates(fmt, data):
        assert before <= when <= after, f"{fmt} says it was made {when}, not now"


def test_a_zip_of_a_date_before_1980_still_opens(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    data = docx_bytes(build_document(read_demo("001")), embed=False)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert package.testzip() is None
        assert {m.date_time for m in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
