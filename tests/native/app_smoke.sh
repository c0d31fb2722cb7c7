#!/usr/bin/env bash
# app_smoke.sh — runs the native app under a virtual X display on a data folder and checks the
# text of the screen it drew (its text mirror). Used by ctest:
#   app_smoke.sh APP DATA_DIR ROUTE EXPECTED_TEXT...
set -euo pipefail
app=$1 data=$2 route=$3
shift 3
out=$(mktemp)
trap 'rm -f "$out"' EXIT
xvfb-run -a -s "-screen 0 1280x800x24" "$app" --data "$data" --route "$route" --frames 3 --mirror-out "$out" 2>/dev/null
for expected in "$@"; do
  if ! grep -qF -- "$expected" "$out"; then
    echo "app_smoke: the screen at $route does not show: $expected" >&2
    echo "--- it shows:" >&2
    cat "$out" >&2
    exit 1
  fi
done
echo "app_smoke: $route shows all $# expected lines"
