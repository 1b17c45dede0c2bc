"""The clerk's library: one SQLite file of reports (migrations, backups), or the
office's library on a PostgreSQL server."""

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
    LoginFailed,
    NewerLibrary,
    NotAFile,
    NotALibrary,
    NotOnServer,
    RestoreFailed,
    ServerUnreachable,
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
    "LoginFailed",
    "NewerLibrary",
    "NotAFile",
    "NotALibrary",
    "NotOnServer",
    "RestoreFailed",
    "ServerUnreachable",
    "WriteFailed",
    "default_library_path",
]
