"""Show how the exports differ from the golden files; --accept writes the new ones."""

from __future__ import annotations

import argparse
import shutil
import sys

from . import CASES, accept, differences, render, stale


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.golden", description=__doc__)
    parser.add_argument("--accept", action="store_true", help="write the new golden files")
    parser.add_argument("--stat", action="store_true", help="only which files differ")
    args = parser.parse_args()
    changed = 0
    for case in CASES:
        rendered = render(case)
        for name, diff in differences(case, rendered).items():
            changed += 1
            added = sum(1 for line in diff if line[:1] == "+" and line[:3] != "+++")
            removed = sum(1 for line in diff if line[:1] == "-" and line[:3] != "---")
            print(f"{case.name}/{name}: +{added} -{removed}")
            if not args.stat:
                sys.stdout.writelines(diff)
        if args.accept:
            accept(case, rendered)
    for folder in stale():
        changed += 1
        print(f"{folder.name}: no case makes it any more")
        if args.accept:
            shutil.rmtree(folder)
    if not changed:
        print("the exports are as the golden files say")
    elif args.accept:
        print(f"accepted: {changed} golden file(s) written or removed; commit tests/golden/")
    return 1 if changed and not args.accept else 0


if __name__ == "__main__":
    sys.exit(main())
