"""A child of the window (an export, an import) runs below the window's priority."""

from __future__ import annotations

import contextlib
import os
import sys

POSIX_STEP = 5  # `nice` steps: enough for the window to win a busy core, not starved
BELOW_NORMAL_PRIORITY_CLASS = 0x4000


def give_way() -> None:
    """Lower this process's priority, so that on a machine whose cores are all busy the
    window keeps its turns (a 1,000-measure layout otherwise takes them: the window's event
    loop stopped for up to 100 ms at a time). Best effort: a refusal changes nothing."""
    with contextlib.suppress(OSError, AttributeError):
        if sys.platform == "win32":
            import ctypes

            kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
            kernel.SetPriorityClass(kernel.GetCurrentProcess(), BELOW_NORMAL_PRIORITY_CLASS)
        else:
            os.nice(POSIX_STEP)
