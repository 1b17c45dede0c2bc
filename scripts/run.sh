#!/usr/bin/env bash
# Set up (if needed) and open ITA Desk on the demo library.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/itadesk "$@"
