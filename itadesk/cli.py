"""`itadesk` / `python -m itadesk`: open the window; --version and --help need no display."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .store.library import ENV_LIBRARY, default_library_path


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="itadesk",
        description="ITA Desk: จัดทำรายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใส"
                    "ภายในหน่วยงาน (เปิดหน้าต่างโปรแกรม)",
    )
    parser.add_argument("--version", action="version", version=f"ITA Desk {__version__}")
    parser.add_argument(
        "--library", type=Path, metavar="PATH",
        help=f"ไฟล์คลังรายงาน (ค่าเริ่มต้น: ${ENV_LIBRARY} หรือ {default_library_path()})",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    path = args.library or default_library_path()
    from .ui.app import run  # Qt only when a window is wanted

    return run(path, [sys.argv[0]])


if __name__ == "__main__":
    sys.exit(main())
