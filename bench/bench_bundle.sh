#!/usr/bin/env bash
# Bundle size (issue: a program a clerk can install): builds dist/itadesk with build.spec,
# tries it alone, and prints its size and its ten largest parts. Target <= 250 MB on Linux.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/smoke_bundle.sh
echo "largest parts (MB):"
du -sm build/bundle/dist/itadesk/_internal/* build/bundle/dist/itadesk/_internal/PySide6/Qt/lib/* \
  | sort -rn | head -10
