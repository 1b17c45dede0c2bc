import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SUPPORT = Path(__file__).resolve().parent / "support"


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "library.sqlite"


@pytest.fixture(autouse=True)
def own_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test has its own settings file: the tester's own are never touched."""
    path = tmp_path / "config" / "settings.json"
    monkeypatch.setenv("ITADESK_CONFIG", str(path))
    return path


@pytest.fixture(autouse=True)
def own_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test notes its pending writes in its own place."""
    path = tmp_path / "state"
    monkeypatch.setenv("ITADESK_STATE", str(path))
    return path


def pytest_report_header() -> str:
    from . import fuzzing

    return fuzzing.seed_line()
