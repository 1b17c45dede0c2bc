"""Where the library is: a file, or the office's server library (`postgresql://…`).
Light on purpose: the command line reads it before anything else is loaded."""

from __future__ import annotations

import os
import urllib.parse
from pathlib import Path

ENV_LIBRARY = "ITADESK_LIBRARY"
APP_NAME = "ITA Desk"
SCHEMES = ("postgresql://", "postgres://")

Location = Path | str  # a library file, or a server library's postgresql://… address


def is_server(location: object) -> bool:
    return isinstance(location, str) and location.lower().startswith(SCHEMES)


def display_path(url: str) -> Path:
    """What the messages name: Path(…).name is the database's name."""
    return Path(urllib.parse.urlsplit(url).path.strip("/") or "postgres")


def library_location(text: str | Path) -> Location:
    """What a clerk typed or a setting holds: a server address as it is, else a file."""
    return str(text) if is_server(str(text)) else Path(text).expanduser()


def default_library_path() -> Location:
    """$ITADESK_LIBRARY, else the office's server library the clerk opened in the window,
    else library.sqlite in the per-user data folder (platformdirs)."""
    env = os.environ.get(ENV_LIBRARY)
    if env:
        return library_location(env)
    from ..settings import load

    office = load()[0].office_library
    if is_server(office):
        return office
    return local_library_path()


def local_library_path() -> Path:
    """This PC's own library: library.sqlite in the per-user data folder (platformdirs)."""
    import platformdirs  # only when no library was named: one import less at start-up

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "library.sqlite"
