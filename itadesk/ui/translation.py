"""Qt's own words in Thai: the buttons of every question (ใช่/ไม่ใช่, ตกลง/ยกเลิก), the
file and print dialogs, the menus of text fields. PySide6 ships no Thai translation of
Qt, so resources/translations/qtbase_th.ts is ours; its .qm is built with the lrelease
that PySide6 ships, by scripts/setup.sh and build.spec (and here, once, into the user's
cache folder, when a checkout runs without it)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Qt's namespace through its module (QtCore.Qt when called): made at its first use, not
# at import (ui/app.py paints the window first)
from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from ..paths import resource

SOURCE = "qtbase_th.ts"
BUILT = "qtbase_th.qm"


def lrelease() -> str | None:
    import shutil

    import PySide6

    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    shipped = Path(PySide6.__file__).parent / name
    if shipped.exists():
        return str(shipped)
    return shutil.which("pyside6-lrelease")


def build(source: Path, target: Path) -> bool:
    """The .qm from the .ts; False if lrelease is missing or fails."""
    import subprocess  # built once, then read from the cache: not loaded at every start

    tool = lrelease()
    if tool is None:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([tool, "-silent", str(source), "-qm", str(target)],
                          capture_output=True, timeout=60)
    return done.returncode == 0 and target.exists()


def compiled() -> Path | None:
    """The built translation: beside its source (setup, bundle) or in the user's cache."""
    source = resource("translations", SOURCE)
    beside = resource("translations", BUILT)
    if beside.exists() and (not source.exists()
                            or beside.stat().st_mtime >= source.stat().st_mtime):
        return beside
    if not source.exists():
        return None
    import platformdirs

    cache = Path(os.environ.get("ITADESK_CACHE")
                 or platformdirs.user_cache_dir("ITA Desk", appauthor=False)) / BUILT
    if cache.exists() and cache.stat().st_mtime >= source.stat().st_mtime:
        return cache
    return cache if build(source, cache) else None


def own_dialogs() -> None:
    """Qt's own dialogs, not the system's: their labels come from the translation, never
    from the system's language. (Before the first dialog, not before the first paint.)"""
    QCoreApplication.setAttribute(QtCore.Qt.ApplicationAttribute.AA_DontUseNativeDialogs,
                                  True)


def install(app: QCoreApplication) -> bool:
    """Qt's strings in Thai (in Qt's own dialogs too, with own_dialogs())."""
    QLocale.setDefault(QLocale(QLocale.Language.Thai, QLocale.Country.Thailand))
    path = compiled()
    if path is None:
        return False
    translator = QTranslator(app)
    if not translator.load(str(path)):
        return False
    app.installTranslator(translator)
    return True
