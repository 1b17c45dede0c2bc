"""Settings that follow the clerk: last folder, window layout, default export options.

One JSON file in the per-user config folder (platformdirs). A damaged file never stops
the program: it is put aside, the defaults are used, and the clerk is told once.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

ENV_CONFIG = "ITADESK_CONFIG"


@dataclass
class Settings:
    last_folder: str = ""
    window_geometry: str = ""  # Qt's saveGeometry(), base64
    window_state: str = ""  # Qt's saveState(), base64
    # left maximised: Qt's saved geometry says so, but restored at another scale (150 %
    # then 100 %) it came back as a 640 × 480 window in a corner
    window_maximised: bool = False
    default_options: dict[str, Any] = field(default_factory=dict)
    printing: dict[str, Any] = field(default_factory=dict)  # report id -> printer choices
    table_point_size: int = 0  # the measure table's text size; 0 = the program's own
    preview_width: int = 0  # the preview pane's, as the clerk left it; 0 = the program's own
    preview_open: bool = False  # the preview pane shown beside the table, as the clerk left it
    # library path -> the report, tab and cell open there ({} on the library list)
    last_open: dict[str, Any] = field(default_factory=dict)
    # the office's library on a server, opened from the window (postgresql://…, never with
    # a password): the library of every start without --library or $ITADESK_LIBRARY
    office_library: str = ""


ENV_STATE = "ITADESK_STATE"


def state_folder(part: str) -> Path:
    """A folder of the per-user state (what the program keeps for itself between runs):
    $ITADESK_STATE/<part>, else platformdirs' state folder."""
    env = os.environ.get(ENV_STATE)
    if env:
        return Path(env) / part
    import platformdirs

    return Path(platformdirs.user_state_dir("ITA Desk", appauthor=False)) / part


def settings_path() -> Path:
    env = os.environ.get(ENV_CONFIG)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("ITA Desk", appauthor=False)) / "settings.json"


def load(path: Path | None = None) -> tuple[Settings, str]:
    """(settings, a Thai notice or "" when all was well)."""
    path = path or settings_path()
    if not path.exists():
        return Settings(), ""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not an object")
        known = {f.name: f for f in fields(Settings)}
        values = {}
        for name, value in data.items():
            if name in known and isinstance(value, type(getattr(Settings(), name))):
                values[name] = value
        return Settings(**values), ""
    except (OSError, ValueError, UnicodeDecodeError):
        aside = path.with_name(path.name + ".damaged")
        try:
            os.replace(path, aside)
        except OSError:
            aside = path
        return Settings(), (f"ไฟล์ตั้งค่าของโปรแกรมเสียหาย จึงใช้ค่าเริ่มต้นแทน "
                            f"(เก็บไฟล์เดิมไว้ที่ {aside}) รายงานทั้งหมดไม่ได้รับผลกระทบ")


def save(settings: Settings, path: Path | None = None) -> bool:
    """Written whole or not at all; False (and nothing else) if the folder refuses."""
    path = path or settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=1),
                       encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        return False
    return True
