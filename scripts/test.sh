#!/usr/bin/env bash
# Set up (if needed), then lint and run every test, Qt offscreen: the quick ones (what a
# bare `pytest` runs), then the slow ones (`pytest -m slow`). Arguments go to both runs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
# the tests on a PostgreSQL library fail here instead of being skipped if it is missing
export ITADESK_REQUIRE_POSTGRESQL=1
.venv/bin/ruff check .
.venv/bin/python -m pytest "$@"
# exit status 5 is "no test collected" (arguments that name no slow test): not a failure
.venv/bin/python -m pytest -m slow "$@" || [ $? -eq 5 ]
