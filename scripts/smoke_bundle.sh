#!/usr/bin/env bash
# Build the clerks' program (build.spec) and try it alone: no virtual environment, no
# source tree on the path. Prints the bundle's size. Used by .ci/run after the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${BUNDLE_DIR:-build/bundle}
.venv/bin/pyinstaller --noconfirm --log-level WARN --distpath "$out/dist" \
  --workpath "$out/work" build.spec
case $out in /*) ;; *) out="$PWD/$out" ;; esac
app="$out/dist/itadesk/itadesk"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"  # far from the source tree
alone() { env -i PATH=/usr/bin:/bin HOME="$tmp" LANG=C.UTF-8 "$@"; }
checks=0
alone "$app" --version | grep -q "ITA Desk"; checks=$((checks + 1))
for demo in 000 001 002; do
  alone "$app" export --demo "$demo" -o "$tmp/$demo.docx" >/dev/null
  unzip -tq "$tmp/$demo.docx" >/dev/null
  alone "$app" export --demo "$demo" -o "$tmp/$demo.pdf" >/dev/null
  pdffonts "$tmp/$demo.pdf" | grep -q "THSarabunNew"
  checks=$((checks + 2))
done
alone env QT_QPA_PLATFORM=offscreen ITADESK_QUIT_WHEN_SHOWN=1 \
  "$app" --library "$tmp/library.sqlite" 2>/dev/null | grep -q shown
checks=$((checks + 1))
# a hostile exchange file: checked against the schema inside the bundle, told in Thai
printf '{"format": 1, "report": {"signers": 7}}' >"$tmp/bad.itadesk.json"
code=0
alone "$app" --library "$tmp/library.sqlite" import "$tmp/bad.itadesk.json" 2>"$tmp/err" || code=$?
[ "$code" -eq 2 ] && grep -q "ผู้ลงนาม" "$tmp/err" && ! grep -q Traceback "$tmp/err"
checks=$((checks + 1))
# last year's PDF read inside the bundle (pdfplumber, pdfminer and their data collected),
# into a library of its own (the window's first start above added the demo reports)
alone "$app" --library "$tmp/pdf.sqlite" import "$tmp/000.pdf" >/dev/null
alone "$app" --library "$tmp/pdf.sqlite" list | grep -q "six-measures"
checks=$((checks + 1))
# the office library's driver (psycopg with its libpq) is in the bundle: a server that is
# not there is told in Thai (exit 4), not an import error
code=0
alone "$app" --library "postgresql://clerk@/itadesk?host=$tmp/no-server" list 2>"$tmp/err" || code=$?
[ "$code" -eq 4 ] && grep -q "เครื่องแม่ข่าย" "$tmp/err" && ! grep -q Traceback "$tmp/err"
checks=$((checks + 1))
size=$(du -sm "$(dirname "$app")" | cut -f1)
echo "bundle smoke test: all $checks checks ok; dist/itadesk is $size MB unpacked (target <= 250 MB)"
