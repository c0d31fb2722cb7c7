#!/usr/bin/env bash
# hand_off_decode.sh — the native app under a virtual X display (1280 x 800, scale 1), tapped on
# its hand-off button (xdotool), and the QR code on the screen decoded by zbarimg (zbar-tools): it
# must read exactly SHARE_URL + ROUTE. The screenshot is kept. Used by ctest:
#   hand_off_decode.sh APP DATA_DIR SHARE_URL ROUTE SCREENSHOT.png
set -euo pipefail
if [ "${1:-}" != --inside ]; then
  exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" --inside "$@"
fi
shift
app=$1 data=$2 share=$3 route=$4 shot=$5
for tool in xdotool import zbarimg; do
  command -v "$tool" >/dev/null || { echo "hand_off_decode: $tool not found: run scripts/setup" >&2; exit 1; }
done
"$app" --data "$data" --share-url "$share" --route "$route" --scale 1 2>/dev/null &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
timeout 20 xdotool search --sync --name Fazhitong >/dev/null
sleep 1
# The button's centre at 1280 x 800, scale 1 (tests/ui/hand_off_test.cpp checks it is there).
xdotool mousemove 1165 726 click 1
expected="$share$route"
for attempt in 1 2 3 4 5; do
  sleep 0.5
  import -window root "$shot"
  got=$(zbarimg --raw -q -Sdisable -Sqrcode.enable "$shot" || true)
  if [ "$got" = "$expected" ]; then
    echo "hand_off_decode: the code on screen reads $got"
    exit 0
  fi
done
echo "hand_off_decode: expected $expected, zbarimg read '${got}' (screenshot: $shot)" >&2
exit 1
