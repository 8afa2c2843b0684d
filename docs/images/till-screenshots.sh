#!/bin/bash
# Takes the cashier and admin guides' screenshots of receipts, the customer display, the settings
# dialog, high contrast and the touch layout from the real loyalty-till in a virtual display: a demo
# till with a history, the workstation's preferences in a private loyalty-till.conf (a temporary
# XDG_CONFIG_HOME and no /etc/xdg, so the account's and the machine's settings are never read or
# changed), driven by keys.
#
#   docs/images/till-screenshots.sh [BUILD-DIR] [NAME...]
#       (default build/dev, every view; writes docs/images/till-*.png and admin-*.png)
#
# Needs ../shared/tools/shot (Xvfb, xdotool, ImageMagick) beside the repository, and sqlite3 (the
# receipt header and QR settings have no loyalty-ctl command).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/../.."
build=${1:-build/dev}
(($#)) && shift
only=("$@")
shot=../shared/tools/shot
till=$build/app/till/loyalty-till
ctl=$build/app/ctl/loyalty-ctl
[ -x "$shot" ] || { echo "needs $shot"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/demo.db
"$ctl" --db "$db" demo --members 2000 --history-days 20 >/dev/null
# The receipts' shop lines and survey QR code are settings in the till database (no loyalty-ctl command).
sqlite3 "$db" "INSERT OR REPLACE INTO settings (key, value) VALUES
    ('receipt.header', 'Bakery & Market Nord' || char(10) || 'Hauptstraße 12, 20095 Hamburg'),
    ('receipt.qr_url', 'https://survey.example.org/r/{sale}?till={till}')"

out=docs/images
card=2000000000428                            # the demo's member 42, Laura Krause
products=(--type 4006381000000 --type 4006381000017 --type 4006381000017 --type 41000090)
signin=(--type 2468)                          # the sign-in page: the demo manager's PIN, Enter
settings=(--key F10 --type 2468 --key F6)     # F10, the manager PIN, F6: the settings dialog
pause=(--key shift --key shift --key shift)   # a key that does nothing, for time to pass

# config NAME LINES...: a loyalty-till.conf of its own for one kind of workstation.
config() {
    local name=$1; shift
    mkdir -p "$work/$name/Loyalty Till"
    printf '%s\n' "$@" >"$work/$name/Loyalty Till/loyalty-till.conf"
}
# The receipt printer is a file (ESC/POS bytes appended), in a folder with a name fit for the pictures.
spool=/tmp/loyalty-till-screenshots
if mkdir "$spool" 2>/dev/null; then trap 'rm -rf "$work" "$spool"' EXIT; else spool=$work; fi
printer=("[printer]" "kind=file" "file_path=$spool/receipts.bin" "paper_width_mm=80" "auto_print=true")
config standard "${printer[@]}"
config display "${printer[@]}" "[customer_display]" "enabled=true"
config contrast "${printer[@]}" "[appearance]" "theme=high-contrast"
# A network printer that is not there (nothing listens on port 9 of this machine): the refusal is at once.
config unplugged "[printer]" "kind=network" "host=127.0.0.1" "port=9" "auto_print=true"
config touch "${printer[@]}" "[appearance]" "touch_layout=true"

wanted() {
    ((${#only[@]} == 0)) && return 0
    local name
    for name in "${only[@]}"; do [[ $name == "$1" ]] && return 0; done
    return 1
}

run() {  # run FILE CONFIG LANG STEPS... [-- TILL-ARGS...]
    local file=$1 conf=$2 lang=$3; shift 3
    wanted "$file" || return 0
    local steps=() args=()
    while (($#)) && [[ $1 != -- ]]; do steps+=("$1"); shift; done
    (($#)) && { shift; args=("$@"); }
    XDG_CONFIG_HOME=$work/$conf XDG_CONFIG_DIRS=$work/no-system-defaults \
        "$shot" "$out/$file.png" --wait 15 "${steps[@]}" -- "$till" --db "$db" --lang "$lang" "${args[@]}" \
        >"$work/$file.log" 2>&1 || { cat "$work/$file.log"; exit 1; }
    echo "$out/$file.png"
}

# A completed member sale: the success line says the receipt was printed.
run till-receipt-printed standard en "${signin[@]}" --type $card "${products[@]}" --key F12 "${pause[@]}"
# The same with the printer switched off: the sale is saved, the strip says why there is no receipt.
run till-receipt-failed unplugged en "${signin[@]}" --type $card "${products[@]}" --key F12 "${pause[@]}"
# Ctrl+P: the receipts of this till, the newest chosen, its COPY in the preview.
run till-receipts standard en "${signin[@]}" --key ctrl+p "${pause[@]}"
# A member sale, then Save as PDF from the receipts list (Alt+S, Enter takes the suggested
# ~/receipt-N.pdf in a HOME of its own), and the PDF as a PNG: the whole receipt as the till lays it
# out for paper, with the shop lines and the survey QR code.
if wanted till-receipt; then
    mkdir -p "$work/home"
    HOME=$work/home XDG_CONFIG_HOME=$work/standard XDG_CONFIG_DIRS=$work/no-system-defaults \
        "$shot" "$work/pdf-dialog.png" --wait 15 "${signin[@]}" --type $card "${products[@]}" --key F12 \
        "${pause[@]}" --key ctrl+p --key shift --key alt+s --key shift \
        --key shift --key Return "${pause[@]}" -- "$till" --db "$db" --lang en >"$work/pdf.log" 2>&1 ||
        { cat "$work/pdf.log"; exit 1; }
    pdf=$(find "$work/home" -name 'receipt-*.pdf' | head -n 1)
    [ -n "$pdf" ] || { echo "till-receipt: no PDF was saved (see $work/pdf-dialog.png)"; exit 1; }
    pdftoppm -png -r 150 -singlefile "$pdf" "$work/receipt"
    convert "$work/receipt.png" -trim +repage -bordercolor white -border 24 "$out/till-receipt.png"
    echo "$out/till-receipt.png"
fi
# The customer display beside the till on a one-screen machine (a window in the top right corner).
run till-customer-display display en "${signin[@]}" --type $card "${products[@]}" "${pause[@]}"
# … and its thank-you right after F12 (it stays 8 seconds, then the welcome comes back).
# (Here switched on from the command line, which wins over customer_display/enabled.)
run till-customer-display-thanks standard en "${signin[@]}" --type $card "${products[@]}" --key F12 "${pause[@]}" \
    -- --customer-display
# The settings dialog: the Till page, and the Receipt printer page after Print test receipt (Alt+P).
run admin-settings-till standard en "${signin[@]}" "${settings[@]}" "${pause[@]}"
run admin-settings-printer standard en "${signin[@]}" "${settings[@]}" --key ctrl+Tab --key ctrl+Tab \
    --key ctrl+Tab --key alt+p "${pause[@]}"
# The Scanner page with a card scanned while it shows (the till's wedge capture hands it to the test).
run admin-settings-scanner standard en "${signin[@]}" "${settings[@]}" --key ctrl+Tab --key ctrl+Tab \
    --key ctrl+Tab --key ctrl+Tab --key Tab --key Tab --key Tab --key Tab --key Tab --type $card "${pause[@]}"
run admin-settings-appearance standard en "${signin[@]}" "${settings[@]}" --key ctrl+Tab --key ctrl+Tab \
    "${pause[@]}"
# High contrast and the touch layout during a member sale; in high contrast F8 pressed once (the armed
# void says so in words and with a frame, not by colour alone).
run till-high-contrast contrast en "${signin[@]}" --type $card "${products[@]}" "${pause[@]}" --key F8
run till-touch touch en "${signin[@]}" --type $card "${products[@]}" "${pause[@]}"
# German: the completed sale with its receipt line.
run till-receipt-printed-de standard de "${signin[@]}" --type $card "${products[@]}" --key F12 "${pause[@]}"
