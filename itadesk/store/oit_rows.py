"""The library's own OIT catalogue years (table `oit_year`, schema step 6): a year the
clerk corrected or filled in, kept as its catalogue's JSON in place of the shipped one."""

from __future__ import annotations

import dataclasses
import json

from ..domain.oit import CatalogueError, OitYear, year_from_dict, year_to_dict
from .dialect import Connection


def load(conn: Connection, fiscal_year: int) -> OitYear | None:
    row = conn.execute("SELECT definition FROM oit_year WHERE fiscal_year = ?",
                       (fiscal_year,)).fetchone()
    if row is None:
        return None
    try:
        return year_from_dict(json.loads(row[0]))
    except (ValueError, CatalogueError) as exc:  # a newer program's, say: kept, not used
        import logging  # not at start: it takes a while to load, and is rarely needed

        logging.getLogger(__name__).warning("OIT year %s in the library not used: %s",
                                            fiscal_year, exc)
        return None


def years(conn: Connection) -> tuple[int, ...]:
    return tuple(r[0] for r in conn.execute("SELECT fiscal_year FROM oit_year ORDER BY 1"))


def store(conn: Connection, year: OitYear, now: str) -> OitYear:
    """Keep `year` as the library's (checked first: CatalogueError says what is wrong)."""
    year = dataclasses.replace(year_from_dict(year_to_dict(year)), builtin=False)
    conn.execute(
        "INSERT INTO oit_year (fiscal_year, definition, updated) VALUES (?, ?, ?)"
        " ON CONFLICT (fiscal_year) DO UPDATE SET definition = excluded.definition,"
        " updated = excluded.updated",
        (year.fiscal_year, json.dumps(year_to_dict(year), ensure_ascii=False), now))
    return year
