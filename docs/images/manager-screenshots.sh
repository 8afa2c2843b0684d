#!/bin/bash
# Takes the manager guide's screenshots from the real loyalty-till in a virtual display: a demo till
# with a history, signed in as the demo manager, driven by keys as a manager would.
#
#   docs/images/manager-screenshots.sh [BUILD-DIR]     (default build/dev; writes docs/images/manager-*.png)
#
# Needs ../shared/tools/shot (Xvfb, xdotool, ImageMagick) beside the repository.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/../.."
build=${1:-build/dev}
shot=../shared/tools/shot
till=$build/app/till/loyalty-till
ctl=$build/app/ctl/loyalty-ctl
[ -x "$shot" ] || { echo "needs $shot"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/demo.db
"$ctl" --db "$db" demo --members 3000 --history-days 120 >/dev/null

out=docs/images
signin=(--type 2468)                          # the sign-in page: the demo manager's PIN, Enter
manager=("${signin[@]}" --key F10 --type 2468) # F10 and the manager PIN
search=(--key a --key n --key n --key a --key shift --key shift)
pause=(--key shift --key shift --key shift)   # a key that does nothing, for time to pass

run() {  # run NAME STEPS...
    local name=$1; shift
    "$shot" "$out/manager-$name.png" --wait 15 "$@" -- "$till" --db "$db" --lang en >/dev/null 2>&1
    echo "docs/images/manager-$name.png"
}
run signin
run search "${manager[@]}" "${search[@]}"
run member "${manager[@]}" "${search[@]}" --key Return "${pause[@]}"
run privacy "${manager[@]}" "${search[@]}" --key Return --key shift --key ctrl+Tab --key ctrl+Tab --key ctrl+Tab \
    "${pause[@]}"
run audit "${manager[@]}" --key F4 "${pause[@]}"
run reports "${manager[@]}" --key F3 "${pause[@]}" "${pause[@]}" "${pause[@]}"
