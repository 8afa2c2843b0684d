#!/usr/bin/env bash
# Starts the real loyalty-till in a private Xvfb display on a fresh demo database, signs in as the
# demo's manager (PIN 2468), types a member card and two products the way a scanner does, and saves
# screenshots (the sign-in page, the empty sale, the sale, the completed sale). Fails if no window
# appears, or if the PIN or the scans visibly change nothing (the sign-in page still in front).
#   till-window-screenshot.sh LOYALTY_TILL LOYALTY_CTL OUT_DIR
set -euo pipefail
till=$1 ctl=$2 out=$3
for tool in Xvfb xdotool import; do
    command -v "$tool" >/dev/null || { echo "missing $tool (./dev test installs xvfb, xdotool, imagemagick)"; exit 1; }
done
mkdir -p "$out"
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# With a sales history the demo also makes its staff ("Demo Manager", PIN 2468); 30 days keep it quick.
"$ctl" --db "$work/demo.db" demo --members 2000 --history-days 30 >/dev/null

# Xvfb picks a free display itself and writes its number to fd 3 once it accepts connections, so
# there is no race with other X servers on the machine or with its own start-up.
Xvfb -displayfd 3 -screen 0 1366x768x24 -nolisten tcp 3>"$work/display" >"$work/xvfb.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do
    [[ -s $work/display ]] && break
    sleep 0.1
done
[[ -s $work/display ]] || { echo "Xvfb did not start:"; cat "$work/xvfb.log"; exit 1; }
export DISPLAY=":$(head -n 1 "$work/display")"

"$till" --db "$work/demo.db" --lang en >"$work/till.log" 2>&1 &
till_pid=$!
pids+=("$till_pid")

window=""
for _ in $(seq 1 80); do
    window=$(xdotool search --onlyvisible --pid "$till_pid" 2>/dev/null | head -n 1 || true)
    [[ -n $window ]] && break
    kill -0 "$till_pid" 2>/dev/null || { echo "loyalty-till exited:"; cat "$work/till.log"; exit 1; }
    sleep 0.25
done
[[ -n $window ]] || { echo "no loyalty-till window within 20 s"; cat "$work/till.log"; exit 1; }
sleep 0.5
import -window root "$out/till-signin.png"

# The sign-in page comes first; the demo manager is the only account, so only the PIN is typed.
xdotool windowfocus --sync "$window" 2>/dev/null || true
xdotool type --delay 5 2468
xdotool key Return
# The PIN check runs a slow KDF: wait (up to 20 s) until the screen is no longer the sign-in page.
differs() { [[ $(compare -metric AE "$out/$1" "$out/$2" null: 2>&1 || true) != 0 ]]; }
for _ in $(seq 1 80); do
    sleep 0.25
    import -window root "$out/till-empty.png"
    differs till-signin.png till-empty.png && break
done
sleep 0.5
import -window root "$out/till-empty.png"

for code in 2000000000428 4006381000000 4006381000024 41000090; do
    xdotool type --delay 5 "$code"
    xdotool key Return
    sleep 0.2
done
sleep 0.5
import -window root "$out/till-sale.png"
xdotool key F12
sleep 0.5
import -window root "$out/till-complete.png"
kill -0 "$till_pid" 2>/dev/null || { echo "loyalty-till died during the sale:"; cat "$work/till.log"; exit 1; }
for f in till-signin.png till-empty.png till-sale.png till-complete.png; do
    [[ -s $out/$f ]] || { echo "screenshot $f is empty"; exit 1; }
done
# Two screenshots that do not differ in a single pixel: the PIN or the scans did not arrive.
differs till-signin.png till-empty.png || { echo "the PIN did not open the sale screen"; cat "$work/till.log"; exit 1; }
differs till-empty.png till-sale.png || { echo "the scans did not reach the sale"; cat "$work/till.log"; exit 1; }
echo "screenshots in $out"
