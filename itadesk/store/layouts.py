"""The library's own layouts (table `layout`, schema step 3): kept as their JSON files."""

from __future__ import annotations

import dataclasses
import json
import logging

from ..domain import Layout, LayoutError, builtin_layouts
from ..domain.layout_files import layout_from_dict, layout_to_dict
from .dialect import Connection

log = logging.getLogger(__name__)


def load(conn: Connection) -> tuple[Layout, ...]:
    """The library's layouts; one that this version cannot read is left where it is."""
    out = []
    for layout_id, text in conn.execute("SELECT id, definition FROM layout ORDER BY id"):
        try:
            out.append(layout_from_dict(json.loads(text)))
        except (ValueError, LayoutError) as exc:  # a newer program's, say: kept, not used
            log.warning("layout %s in the library not used: %s", layout_id, exc)
    return tuple(out)


def store(conn: Connection, layout: Layout, now: str, *, replace: bool) -> Layout:
    """Keep `layout`; returns it as kept. An id of a shipped layout, or (unless `replace`)
    one the library has for another layout, is changed to a free one (own-1, own-2 …)."""
    own = load(conn)
    catalog = builtin_layouts().plus(own)
    layout = dataclasses.replace(layout, builtin=False)
    if not replace:  # the same layout kept before (under this id or another): that one
        same = [kept for kept in own if _same(kept, layout)]
        if same:
            return next((kept for kept in same if kept.id == layout.id), same[0])
    known = layout.id in catalog
    if known and (catalog.get(layout.id).builtin or not replace):
        layout = dataclasses.replace(layout, id=catalog.free_id())
    text = json.dumps(layout_to_dict(layout), ensure_ascii=False)
    conn.execute(
        "INSERT INTO layout (id, definition, created, updated) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (id) DO UPDATE SET definition = excluded.definition,"
        " updated = excluded.updated", (layout.id, text, now, now))
    return layout


def _same(a: Layout, b: Layout) -> bool:
    """The same layout, whatever its id."""
    return layout_to_dict(a) | {"id": ""} == layout_to_dict(b) | {"id": ""}
