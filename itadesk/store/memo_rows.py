"""The cover memo's rows (tables memo and memo_endorsement, library step 3)."""

from __future__ import annotations

import json

from ..domain import Endorsement, Memo, Signer
from ..domain.memo import MEMO_TEXT_FIELDS, OLD_FORM_KEY, from_form
from ..domain.options import GARUDA_IMAGE
from .dialect import Connection

_TEXTS = tuple(name for name, _label in MEMO_TEXT_FIELDS)
_COLUMNS = (*_TEXTS, "signer_name", "signer_positions", "signer_role", "garuda_image")
_QUOTED = ", ".join(f'"{c}"' for c in _COLUMNS)  # "to" is an SQL word


def _lines(text: str) -> tuple[str, ...]:
    return tuple(text.split("\n")) if text else ()


def read_memo(conn: Connection, report_id: int) -> Memo | None:
    row = conn.execute(f"SELECT {_QUOTED} FROM memo WHERE report_id = ?",
                       (report_id,)).fetchone()
    if row is None:
        return None
    values = dict(zip(_COLUMNS, row, strict=True))
    endorsements = tuple(
        Endorsement(text, name, _lines(positions)) for text, name, positions in conn.execute(
            "SELECT text, name, positions FROM memo_endorsement WHERE report_id = ?"
            " ORDER BY position", (report_id,)))
    return Memo(**{name: values[name] for name in _TEXTS},
                signer=Signer(values["signer_name"], _lines(values["signer_positions"]),
                              values["signer_role"]),
                endorsements=endorsements, garuda_image=values["garuda_image"])


def write_memo(conn: Connection, report_id: int, memo: Memo | None) -> None:
    """Replace the report's memo (None: it has none)."""
    conn.execute("DELETE FROM memo WHERE report_id = ?", (report_id,))
    if memo is None:
        return
    values = (*(getattr(memo, name) for name in _TEXTS), memo.signer.name,
              "\n".join(memo.signer.positions), memo.signer.role, memo.garuda_image)
    conn.execute(f"INSERT INTO memo (report_id, {_QUOTED}) VALUES (?{', ?' * len(_COLUMNS)})",
                 (report_id, *values))
    conn.executemany(
        "INSERT INTO memo_endorsement (report_id, position, text, name, positions)"
        " VALUES (?, ?, ?, ?, ?)",
        [(report_id, i, e.text, e.name, "\n".join(e.positions))
         for i, e in enumerate(memo.endorsements)])


def move_old_memos(conn: Connection) -> None:
    """Step 3: each report's options["memo_form"] (and its picture) into the memo tables."""
    for report_id, text in conn.execute("SELECT id, options FROM report").fetchall():
        try:
            options = json.loads(text or "{}")
        except ValueError:
            continue  # options the program could never read stay as they are
        if not isinstance(options, dict) or OLD_FORM_KEY not in options:
            continue  # a picture without a memo stays the export's choice
        first = conn.execute(
            "SELECT name, positions, role FROM signer WHERE report_id = ? ORDER BY position"
            " LIMIT 1", (report_id,)).fetchone()
        signer = Signer(first[0], _lines(first[1]), first[2]) if first else None
        memo = from_form(options.pop(OLD_FORM_KEY, None), signer,
                         options.pop(GARUDA_IMAGE, ""))
        write_memo(conn, report_id, memo)
        conn.execute("UPDATE report SET options = ? WHERE id = ?",
                     (json.dumps(options, ensure_ascii=False), report_id))
