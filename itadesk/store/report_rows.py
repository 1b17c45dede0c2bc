"""A report's own fields as the library keeps them (its row, its signers' rows, its memo's
rows), read and written one field at a time, and one part of a field at a time
(domain/report_parts.py) for the edits several clerks make (versions.py)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..domain import Signer
from ..domain.model import REPORT_TEXT_FIELDS
from ..domain.report_parts import FISCAL_YEAR, MEMO, OPTIONS, SIGNERS, field_of, text_of, with_text
from .dialect import Connection
from .memo_rows import read_memo, write_memo

_IN_ROW = (*REPORT_TEXT_FIELDS, FISCAL_YEAR, OPTIONS)  # columns of the report's own row


def read_signers(conn: Connection, report_id: int) -> tuple[Signer, ...]:
    return tuple(
        Signer(name=n, positions=tuple(p.split("\n")) if p else (), role=r)
        for n, p, r in conn.execute(
            "SELECT name, positions, role FROM signer WHERE report_id = ? ORDER BY position",
            (report_id,)))


def write_signers(conn: Connection, report_id: int, signers: Sequence[Signer]) -> None:
    conn.execute("DELETE FROM signer WHERE report_id = ?", (report_id,))
    conn.executemany(
        "INSERT INTO signer (report_id, position, name, positions, role) VALUES (?,?,?,?,?)",
        [(report_id, i, s.name, "\n".join(s.positions), s.role) for i, s in enumerate(signers)],
    )


def read_field(conn: Connection, report_id: int, field: str) -> Any:
    """The field's value as the library holds it (the caller knows the report is there)."""
    if field in _IN_ROW:
        value = conn.execute(f"SELECT {field} FROM report WHERE id = ?",
                             (report_id,)).fetchone()[0]
        return json.loads(value or "{}") if field == OPTIONS else value
    if field == SIGNERS:
        return read_signers(conn, report_id)
    if field == MEMO:
        return read_memo(conn, report_id)
    raise KeyError(field)


def write_field(conn: Connection, report_id: int, field: str, value: Any) -> None:
    if field in _IN_ROW:
        if field == OPTIONS:
            value = json.dumps(value, ensure_ascii=False)
        elif field == FISCAL_YEAR:
            value = int(value)
        conn.execute(f"UPDATE report SET {field} = ? WHERE id = ?", (value, report_id))
    elif field == SIGNERS:
        write_signers(conn, report_id, value)
    elif field == MEMO:
        write_memo(conn, report_id, value)
    else:
        raise KeyError(field)


def read_part(conn: Connection, report_id: int, part: str) -> str:
    return text_of(part, read_field(conn, report_id, field_of(part)))


def write_part(conn: Connection, report_id: int, part: str, text: str) -> None:
    field = field_of(part)
    write_field(conn, report_id, field,
                with_text(part, read_field(conn, report_id, field), text))
