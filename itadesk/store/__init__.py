"""The clerk's library: one SQLite file of reports (migrations, backups), or the
office's library on a PostgreSQL server.

Each name is loaded when first used (itadesk/lazy.py): `from itadesk.store import Library`
works as ever, and store.errors or store.location alone do not load SQLite and the domain."""

from typing import TYPE_CHECKING

from ..lazy import names_from

if TYPE_CHECKING:
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
    from .library import Library
    from .location import default_library_path

_ERRORS = ("BackupFailed", "BackupMismatch", "CopyFailed", "CorruptLibrary",
           "FolderNotWritable", "LibraryError", "LibraryInUse", "LibraryMissing",
           "LibraryReadOnly", "LoginFailed", "NewerLibrary", "NotAFile", "NotALibrary",
           "NotOnServer", "RestoreFailed", "ServerUnreachable", "WriteFailed")
__getattr__ = names_from(__name__, {"Backup": "backup", **dict.fromkeys(_ERRORS, "errors"),
                                    "Library": "library", "default_library_path": "location"})

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
