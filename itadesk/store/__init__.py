"""The clerk's library: one SQLite file of reports, with migrations and backups."""

from .backup import Backup
from .errors import (
    BackupFailed,
    BackupMismatch,
    CopyFailed,
    CorruptLibrary,
    FolderNotWritable,
    LibraryError,
    LibraryInUse,
    LibraryMissing,
    LibraryReadOnly,
    NewerLibrary,
    NotAFile,
    NotALibrary,
    RestoreFailed,
    WriteFailed,
)
from .library import Library, default_library_path

__all__ = [
    "Backup",
    "BackupFailed",
    "BackupMismatch",
    "CopyFailed",
    "CorruptLibrary",
    "FolderNotWritable",
    "Library",
    "LibraryError",
    "LibraryInUse",
    "LibraryMissing",
    "LibraryReadOnly",
    "NewerLibrary",
    "NotAFile",
    "NotALibrary",
    "RestoreFailed",
    "WriteFailed",
    "default_library_path",
]
