"""Qt's bindings loaded first, with the import hook they install made cheap.

On load PySide6 replaces `__import__`: after every import, a module it has not met yet
is read whole from its source file (inspect.getsource) to learn whether it names PySide6,
for the opt-in `from __feature__ import snake_case, true_property` (napari#8584 found the
same tax). ITA Desk opts into no feature, nor does anything it loads; so the modules
loaded so far (typing, pathlib, argparse …), the standard library's others and this
program's own are entered in PySide6's table as they would have been, without the read:
some 60 source files, 10-15 ms of every start before the window's first paint, and more
when a report is first opened. A PySide6 without that table is left as it is.
"""

from __future__ import annotations

import os
import sys

import PySide6.QtCore  # noqa: F401  (loads shiboken, which installs the hook)

USES_PYSIDE, NOT_SWITCHING = 0, -1  # the table's values: feature set 0 = none chosen


def _skip_source_reads() -> None:
    feature = sys.modules.get("shibokensupport.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return
    for name in (*sys.modules, *sys.stdlib_module_names):
        table.setdefault(name, NOT_SWITCHING)
    package = __name__.rsplit(".", 2)[0]  # itadesk
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = [s for s in subfolders if s != "__pycache__"]
        inside = os.path.relpath(folder, root)
        prefix = package if inside == "." else f"{package}.{inside.replace(os.sep, '.')}"
        for file in files:
            if file.endswith(".py"):
                stem = file[:-3]
                table.setdefault(prefix if stem == "__init__" else f"{prefix}.{stem}",
                                 USES_PYSIDE)


_skip_source_reads()
