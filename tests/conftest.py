import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from .pgcluster import ENV_REQUIRE, Cluster, server_bin

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SUPPORT = Path(__file__).resolve().parent / "support"


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "library.sqlite"


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    """One PostgreSQL cluster for the whole run (a database of its own per test).
    Skipped where PostgreSQL is not installed, unless $ITADESK_REQUIRE_POSTGRESQL is set
    (scripts/test.sh sets it, so CI never skips these tests)."""
    if server_bin() is None:
        if os.environ.get(ENV_REQUIRE):
            pytest.fail(f"PostgreSQL is not installed and ${ENV_REQUIRE} is set")
        pytest.skip("PostgreSQL is not installed")
    cluster = Cluster()
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.remove()


@pytest.fixture
def pg_url(pg_cluster: Cluster) -> Iterator[str]:
    """An empty database of this test's own, as a library address."""
    name = pg_cluster.new_database()
    yield pg_cluster.url(name)
    pg_cluster.drop_database(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def library(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """Where a test's library is, on each back end in turn: a file, or a server address."""
    if request.param == "sqlite":
        return tmp_path / "library.sqlite"
    return request.getfixturevalue("pg_url")


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


@contextlib.contextmanager
def mounted_tmpfs(folder: Path, size: str) -> Iterator[Path]:
    """A small disk of its own at `folder` (root only; the test is skipped elsewhere)."""
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a disk here: {done.stderr!r}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """384 KB: room for a library of about 350 KB (and its write-ahead log), none for a
    copy of it."""
    with mounted_tmpfs(tmp_path / "disk", "384k") as disk:
        yield disk


@pytest.fixture(autouse=True)
def own_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test has its own log folder: unexpected errors are written there."""
    path = tmp_path / "log"
    monkeypatch.setenv("ITADESK_LOG", str(path))
    return path
