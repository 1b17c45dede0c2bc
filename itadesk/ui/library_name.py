"""Which library the window is on, said plainly: a clerk who finds a library without the
office's report must see at once that it is this PC's and not the server's."""

from __future__ import annotations

import urllib.parse
from typing import TYPE_CHECKING

from ..store.location import Location, display_path, is_server

if TYPE_CHECKING:
    from ..store import Library

LOCAL = "คลังรายงานในเครื่องนี้"


def server_of(url: str) -> str:
    """The server an address names (host, or the socket folder of `?host=`)."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or dict(urllib.parse.parse_qsl(parts.query)).get("host", "")
    if host and parts.port:
        host = f"{host}:{parts.port}"
    return host or "เครื่องนี้"


def location_name(location: Location) -> str:
    if is_server(location):
        url = str(location)
        return f"คลังรายงานบนเครื่องแม่ข่าย «{display_path(url).name}» ที่ {server_of(url)}"
    return f"{LOCAL} ({location})"


def library_name(library: Library) -> str:
    """"คลังรายงานบนเครื่องแม่ข่าย «ita» ที่ 192.168.1.10 (ผู้ใช้ somchai)" or
    "คลังรายงานในเครื่องนี้ (/home/…/library.sqlite)"."""
    said = location_name(library.location)
    return f"{said} (ผู้ใช้ {library.who})" if library.dialect.server else said
