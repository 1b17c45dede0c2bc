"""Qt stays under itadesk/ui: the core imports and works with PySide6 unavailable."""

import subprocess
import sys

CODE = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6."):
            raise ImportError("PySide6 is blocked in this test")
sys.meta_path.insert(0, Block())
import importlib, pkgutil, itadesk
for info in pkgutil.walk_packages(itadesk.__path__, "itadesk."):
    if info.name.startswith("itadesk.ui") or info.name == "itadesk.__main__":
        continue
    importlib.import_module(info.name)
import itadesk.cli
print("ok")
"""


def test_core_packages_import_without_qt():
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_version_and_help_need_no_display():
    env_free = {"PATH": "/usr/bin:/bin", "HOME": "/tmp"}
    for flag in ("--version", "--help"):
        out = subprocess.run([sys.executable, "-m", "itadesk", flag], capture_output=True,
                             text=True, timeout=120, env=env_free)
        assert out.returncode == 0, out.stderr
    assert "ITA Desk 0.1.0" in subprocess.run(
        [sys.executable, "-m", "itadesk", "--version"], capture_output=True, text=True,
        env=env_free, timeout=120).stdout
