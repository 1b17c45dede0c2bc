"""A throwaway PostgreSQL cluster on a socket in a temporary folder (no TCP, no service).

Debian's server binaries (package postgresql) are used as they are. initdb refuses to run
as root: as root the cluster runs as the `postgres` user the package made (or `nobody`).

A server outlives the test run that started it unless told to stop, and a killed run
(Ctrl+C twice, a timeout's SIGTERM or SIGKILL) tells it nothing. So each cluster's folder
names its owner (the process, with its start time: pids are reused) in OWNER_FILE; the
owner stops it at exit and on SIGTERM; and each new cluster first stops and removes the
clusters of owners that are gone (`stop_orphans`).
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import itertools
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import urllib.parse
from pathlib import Path

ENV_REQUIRE = "ITADESK_REQUIRE_POSTGRESQL"
SUPERUSER = "postgres"
PREFIX = "itadesk-pg-"
OWNER_FILE = "owner"  # "<pid> <start time>" of the process the cluster is for


def server_bin() -> Path | None:
    """The folder of initdb/pg_ctl: on PATH, else Debian's newest /usr/lib/postgresql/N."""
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                      key=lambda p: int(Path(p).parent.parent.name))
    return Path(versions[-1]).parent if versions else None


def _owner() -> str | None:
    """Who runs the server: us, unless we are root."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            pwd.getpwnam(name)
            return name
    raise RuntimeError("running as root with neither a postgres nor a nobody user")


def _started(pid: int) -> str | None:
    """When the process started (clock ticks since boot), None when there is none."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()[19]  # field 22; the name may hold spaces


def _owner_alive(root: Path) -> bool:
    try:
        pid, started = (root / OWNER_FILE).read_text().split()
    except (OSError, ValueError):
        return True  # no owner named (another program's, or being made): not ours to stop
    return _started(int(pid)) == started


def stop_orphans() -> list[Path]:
    """Stop and remove the clusters whose owner is gone; the folders removed."""
    removed = []
    for root in Path(tempfile.gettempdir()).glob(f"{PREFIX}*"):
        if not root.is_dir() or _owner_alive(root):
            continue
        bindir = server_bin()
        if bindir is not None and (root / "data" / "postmaster.pid").exists():
            _run(bindir, _owner(), root, "pg_ctl", "-D", str(root / "data"), "-m",
                 "immediate", "-w", "stop", check=False)
        shutil.rmtree(root, ignore_errors=True)
        removed.append(root)
    return removed


def _run(bindir: Path, owner: str | None, cwd: Path, tool: str, *args: str,
         check: bool = True) -> subprocess.CompletedProcess:
    command = [str(bindir / tool), *args]
    if owner:
        command = ["runuser", "-u", owner, "--", *command]
    return subprocess.run(command, capture_output=True, text=True, check=check, cwd=cwd)


def _exit_on_sigterm() -> None:
    """SIGTERM ends the process as an exception would, so that `finally` and atexit run
    (by default it ends it on the spot). A handler of the program's own is kept."""
    if (threading.current_thread() is threading.main_thread()
            and signal.getsignal(signal.SIGTERM) is signal.SIG_DFL):
        signal.signal(signal.SIGTERM, lambda number, _frame: sys.exit(128 + number))


class Cluster:
    def __init__(self, *, durable: bool = False) -> None:
        bindir = server_bin()
        if bindir is None:
            raise FileNotFoundError("PostgreSQL's initdb is not installed")
        stop_orphans()
        self.bin = bindir
        self.owner = _owner()
        self.durable = durable  # False for tests: no fsync, as a commit's wait is not tested
        self.root = Path(tempfile.mkdtemp(prefix=PREFIX))
        (self.root / OWNER_FILE).write_text(f"{os.getpid()} {_started(os.getpid())}\n")
        self.root.chmod(0o755)
        self.data = self.root / "data"
        self.socket = self.root / "socket"
        self.socket.mkdir()
        self.log = self.root / "server.log"
        if self.owner:
            info = pwd.getpwnam(self.owner)
            for path in (self.root, self.socket):
                os.chown(path, info.pw_uid, info.pw_gid)
        self._names = itertools.count(1)
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "-A", "trust",
                  "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")

    def _run(self, tool: str, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return _run(self.bin, self.owner, self.root, tool, *args, check=check)

    def start(self) -> None:
        _exit_on_sigterm()
        atexit.unregister(self.remove)  # once, however often it is started again
        atexit.register(self.remove)
        options = f"-k {self.socket} -c listen_addresses='' -c max_connections=100"
        if not self.durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        done = self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w",
                         "-t", "60", "-o", options, "start", check=False)
        if done.returncode != 0:
            log = self.log.read_text(errors="replace") if self.log.exists() else ""
            raise RuntimeError(f"pg_ctl start failed: {done.stdout}{done.stderr}{log}")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop", check=False)

    def url(self, database: str, user: str = SUPERUSER) -> str:
        host = urllib.parse.quote(str(self.socket), safe="")
        return f"postgresql://{user}@/{database}?host={host}"

    def sql(self, statement: str, database: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as conn:
            conn.execute(statement)

    def new_database(self) -> str:
        """An empty database of its own (a copy of template0: nothing to copy but the
        catalogue, a few milliseconds)."""
        name = f"t{os.getpid()}_{next(self._names)}"
        self.sql(f"CREATE DATABASE {name} TEMPLATE template0")
        return name

    def drop_database(self, name: str) -> None:
        self.sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def remove(self) -> None:
        if self.root.exists():
            self.stop("immediate")
            shutil.rmtree(self.root, ignore_errors=True)


def with_demos(url: str) -> str:
    """The server library at `url`, made with the demo reports if it is new (the window
    never puts them into a server library itself: ui/app.py)."""
    from itadesk.demo import demo_reports
    from itadesk.store import Library

    Library.open(url, take_backup=False, first_reports=demo_reports).close()
    return url
