"""The tests' throwaway PostgreSQL clusters do not outlive the test run that made them: a
run ended by SIGTERM stops its own, and one killed outright has its cluster stopped and
removed by the next run's first cluster (tests/pgcluster.py)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import ROOT
from .pgcluster import server_bin, stop_orphans

pytestmark = pytest.mark.skipif(server_bin() is None, reason="PostgreSQL is not installed")
# a test run of its own: a cluster made and started, then waiting to be ended
RUN = ("from tests.pgcluster import Cluster\n"
       "import time\n"
       "cluster = Cluster()\n"
       "cluster.start()\n"
       "print(cluster.root, flush=True)\n"
       "time.sleep(300)\n")


def _run_until_started() -> tuple[subprocess.Popen, Path, int]:
    run = subprocess.Popen([sys.executable, "-c", RUN], cwd=ROOT, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
    line = run.stdout.readline().strip()
    assert line, run.stderr.read()
    root = Path(line)
    server = int((root / "data" / "postmaster.pid").read_text().split()[0])
    return run, root, server


def _gone(pid: int, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        with open(f"/proc/{pid}/stat") as stat:  # a zombie is gone too (init reaps it)
            if stat.read().rsplit(")", 1)[1].split()[0] == "Z":
                return True
        time.sleep(0.1)
    return False


def test_a_run_ended_or_killed_leaves_no_server_running():
    run, root, server = _run_until_started()
    run.send_signal(signal.SIGTERM)  # a timeout's way of ending a run
    run.wait(60)
    assert _gone(server) and not root.exists()

    run, root, server = _run_until_started()
    run.kill()  # SIGKILL: nothing of the run's own is left to stop its server
    run.wait(60)
    swept = stop_orphans()  # what the next run's first cluster does first
    # another test run on this machine (its first cluster) may have swept it a moment before
    assert root in swept or not root.exists()
    assert _gone(server) and not root.exists()
