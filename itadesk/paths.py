"""Where the shipped files live: the source tree, or the PyInstaller bundle.

The one place that knows; everything else asks here.
"""

from __future__ import annotations

import sys
from pathlib import Path


def app_root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def resource(*parts: str) -> Path:
    return app_root().joinpath("resources", *parts)


def font_dir() -> Path:
    return app_root() / "fonts"
