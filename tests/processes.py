"""Running the real program as other processes at the same time as a test."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

HOLD = Path(__file__).resolve().parent / "support" / "hold_fsync"
THAI = re.compile("[\u0e00-\u0e7f]")


def itadesk(*args: str | Path, env: dict[str, str] | None = None,
            timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "itadesk", *map(str, args)],
                          capture_output=True, text=True, timeout=timeout, env=env)


def start(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "itadesk", *map(str, args)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def hold_env(gate: Path, only: str = "") -> dict[str, str]:
    """The environment that makes a writer wait at its fsync until `gate` exists
    (only the processes whose command line contains `only`)."""
    path = os.environ.get("PYTHONPATH")
    return {"PYTHONPATH": f"{HOLD}{os.pathsep}{path}" if path else str(HOLD),
            "ITADESK_HOLD_AT": str(gate), "ITADESK_HOLD_ARG": only}


def wait_for(gate: Path, proc: subprocess.Popen[str] | None = None,
             timeout: float = 60) -> None:
    """Until the held writer says it waits (its temporary file is written, not renamed)."""
    marker = Path(f"{gate}.waiting")
    deadline = time.monotonic() + timeout
    while not marker.exists():
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"the writer ended before it was held: {proc.communicate()}")
        assert time.monotonic() < deadline, "the writer was never held"
        time.sleep(0.02)


class Held:
    """An `itadesk` command held in the middle of writing its file."""

    def __init__(self, tmp: Path, *args: str | Path, name: str = "held") -> None:
        self.gate = tmp / f"{name}.go"
        self.proc = start(*args, env={**os.environ, **hold_env(self.gate)})
        wait_for(self.gate, self.proc)

    def __enter__(self) -> Held:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proc.poll() is None:  # a test that failed midway leaves no process behind
            self.gate.touch()
            self.proc.kill()
            self.proc.communicate(timeout=30)

    def release(self) -> subprocess.CompletedProcess[str]:
        self.gate.touch()
        out, err = self.proc.communicate(timeout=120)
        return subprocess.CompletedProcess(self.proc.args, self.proc.returncode, out, err)


def assert_clerk_message(stderr: str) -> None:
    """What a clerk sees when something goes wrong: Thai, then English, no traceback."""
    assert "Traceback" not in stderr, stderr
    lines = stderr.strip().splitlines()
    assert len(lines) >= 2, stderr
    assert THAI.search(lines[0]), stderr
    english = lines[1].split(" [")[0]  # then the file's name, which may well be Thai
    assert english.isascii() and re.search("[A-Za-z]{3}", english), stderr
