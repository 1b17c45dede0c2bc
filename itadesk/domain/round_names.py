"""The names of the rounds and of the parts exported from one report (domain/rounds.py),
apart so that the window's menus name them without loading the domain."""

from __future__ import annotations

ROUNDS = {"6": "รอบ ๖ เดือน", "12": "รอบ ๑๒ เดือน"}
# What the window's ไฟล์ → ส่งออกแผนหรือผลรายรอบ offers (the command line's
# `export --round`), and how its files are named.
PART_LABELS = {"plan": "แผน/มาตรการ (ต้นปี)", "6": f"ผลการดำเนินการ{ROUNDS['6']}",
               "12": f"ผลการดำเนินการ{ROUNDS['12']}"}
PART_FILES = {"plan": "มาตรการ", "6": "ผลรอบ6เดือน", "12": "ผลรอบ12เดือน"}
