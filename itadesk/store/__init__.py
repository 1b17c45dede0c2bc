"""The clerk's library: one SQLite file of reports, with migrations and backups."""

from .errors import (
    CorruptLibrary,
    FolderNotWritable,
    LibraryError,
    LibraryInUse,
    NewerLibrary,
    NotALibrary,
    WriteFailed,
)
from .library import Library, default_library_path

__all__ = [
    "CorruptLibrary",
    "FolderNotWritable",
    "Library",
    "LibraryError",
    "LibraryInUse",
    "NewerLibrary",
    "NotALibrary",
    "WriteFailed",
    "default_library_path",
]
