"""Tests only: Python loads this at start when its folder is on PYTHONPATH.

It holds a writer in the middle of a write, so a test can start other processes while a
temporary file exists: the first os.fsync (the export's, just before the rename) of a
process whose command line contains $ITADESK_HOLD_ARG writes "$ITADESK_HOLD_AT.waiting"
and waits until the file $ITADESK_HOLD_AT exists (at most a minute). No sleep guesses.
"""

import os
import sys
import time

_gate = os.environ.get("ITADESK_HOLD_AT")
if _gate:
    _real_fsync = os.fsync
    _held: list[bool] = []

    def _fsync(fd: int) -> None:
        wanted = os.environ.get("ITADESK_HOLD_ARG", "")
        if not _held and wanted in " ".join(sys.argv):
            _held.append(True)
            with open(f"{_gate}.waiting", "w", encoding="utf-8") as fh:
                fh.write(str(os.getpid()))
            deadline = time.monotonic() + 60
            while not os.path.exists(_gate) and time.monotonic() < deadline:
                time.sleep(0.02)
        _real_fsync(fd)

    os.fsync = _fsync
