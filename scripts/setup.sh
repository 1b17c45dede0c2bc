#!/usr/bin/env bash
# Sets up ITA Desk on Debian/Ubuntu: the system libraries Qt needs (also headless), the
# checking tools, and a virtual environment .venv with the program and its test tools.
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

DEB_PACKAGES=(
  # Qt 6 (PySide6 wheels) at run time, on a screen or offscreen
  libegl1 libgl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6
  libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libxrender1 libxi6
  # Qt breaks Thai lines between words with libthai where it exists (Linux only)
  libthai0
  # checking the exports and looking at the window: pdftotext/pdffonts/pdftoppm, a Word
  # reader (LibreOffice, as a recipient without Word sees the .docx), a virtual screen and
  # its keyboard (tools/clerk_screens.py)
  poppler-utils libreoffice-writer-nogui xvfb xdotool fonts-dejavu-core unzip
  # failing a read or an open of one file, as a pulled USB stick does (tests/test_hostile.py);
  # recording the store's file calls for the power-cut test (tests/test_power_cut.py)
  strace
  # ICU's Thai line breaker for Debian's python3: an independent judge of our line breaks
  python3-icu
  python3-venv
  # the office's shared library: the tests start a throwaway cluster of Debian's server
  # on a socket in a temporary folder (tests/pgcluster.py); psycopg's wheel brings libpq
  postgresql
)

missing=()
for p in "${DEB_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "Installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Python 3.12 or newer: PySide6 6.12 releases a reference to None on every call of a
# method that returns nothing; from 3.12 on None is immortal, on 3.11 the program crashes
# once None's count runs out ("Fatal Python error: none_dealloc").
is_new_enough() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; }
find_python() {
  local c
  for c in ${PYTHON:-} "$HOME"/.pyenv/versions/3.12*/bin/python3 \
           "$HOME"/.pyenv/versions/3.13*/bin/python3 python3.12 python3.13 python3; do
    if command -v "$c" >/dev/null 2>&1 && is_new_enough "$c"; then
      echo "$c"
      return 0
    fi
  done
  return 1
}
if [ -x .venv/bin/python ] && ! is_new_enough .venv/bin/python; then
  echo "Rebuilding .venv with Python 3.12 or newer"
  rm -rf .venv
fi
if [ ! -x .venv/bin/python ]; then
  PY=$(find_python) || {
    echo "ITA Desk needs Python 3.12 or newer (python3.12 / python3.13); none was found." >&2
    exit 1
  }
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test,build]"
# Qt's own words in Thai (PySide6 ships no Thai): built from the .ts kept in the repo
.venv/bin/pyside6-lrelease -silent resources/translations/qtbase_th.ts \
    -qm resources/translations/qtbase_th.qm
