#!/usr/bin/env bash
# `wijk reminders -f ics` imported into real calendar programs (Debian's calcurse and khal, run
# without a terminal, with a temporary HOME and configuration): the overdue reminders show on the
# as-of date, not on their past day; the next day's calendar moves them in khal (same UID,
# higher SEQUENCE) instead of adding copies; an empty list imports as a calendar.
# Usage: tests/scripts/ics_clients.sh BIN_DIR
set -u
bin=$1/wijk
here=$(cd "$(dirname "$0")/.." && pwd)
mail=$here/cli/reminders/_mail
missing=""
command -v calcurse >/dev/null 2>&1 || missing="$missing calcurse"
command -v khal >/dev/null 2>&1 || missing="$missing khal"
if [ -n "$missing" ]; then
  echo "missing:$missing (scripts/deps --test installs them)"
  echo "0 passed, 1 failed"
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/.config XDG_DATA_HOME=$tmp/home/.local/share TZ=Europe/Amsterdam
mkdir -p "$HOME"
passed=0 failed=0
check() {  # check WHAT COMMAND...
  local what=$1
  shift
  if "$@"; then passed=$((passed+1)); else failed=$((failed+1)); echo "FAIL: $what"; fi
}
has_line() { grep -qxF -- "$2" "$1"; }
lacks() { ! grep -qF -- "$2" "$1"; }
count_is() { [ "$(grep -cF -- "$2" "$1")" = "$3" ]; }

"$bin" -q -C "$mail" --as-of 2026-11-26 reminders -f ics >"$tmp/day1.ics" || echo "wijk failed (day 1)"
"$bin" -q -C "$mail" --as-of 2026-11-27 reminders -f ics >"$tmp/day2.ics" || echo "wijk failed (day 2)"
"$bin" -q -C "$mail" --as-of 2026-11-26 --lang nl reminders -f ics >"$tmp/nl.ics" || echo "wijk failed (nl)"
"$bin" -q -C "$here/cli/reminders/_data" --as-of 2026-11-26 reminders --kind strategy-end --within 1d -f ics \
  >"$tmp/empty.ics" || echo "wijk failed (empty)"
moestuin="Overdue since 2026-06-01: Evaluation 2026: Moestuin Zuid (moestuin)"
portiek="Overdue since 2026-06-01: Evaluation 2026: Schone portieken (schoon-portiek)"

# calcurse: -i imports, -Q queries a day (its dates are MM/DD/YYYY)
cc() { timeout 60 calcurse -D "$1" "${@:2}" </dev/null; }
mkdir -p "$tmp/cc" "$tmp/cc-empty" "$tmp/cc-nl"
cc "$tmp/cc" -i "$tmp/day1.ics" >"$tmp/cc.import" 2>&1
check "calcurse imports the calendar" grep -q "8 events / 0 todos / 0 skipped" "$tmp/cc.import"
cc "$tmp/cc" -Q --from 11/26/2026 --days 1 >"$tmp/cc.day" 2>&1
check "calcurse: the overdue evaluation of moestuin on the as-of date" has_line "$tmp/cc.day" " * $moestuin"
check "calcurse: the overdue evaluation of schoon-portiek on the as-of date" has_line "$tmp/cc.day" " * $portiek"
cc "$tmp/cc" -Q --from 06/01/2026 --days 1 >"$tmp/cc.past" 2>&1
check "calcurse: nothing left on the past day" lacks "$tmp/cc.past" "Evaluation 2026"
cc "$tmp/cc" -Q --from 11/30/2026 --days 1 >"$tmp/cc.ahead" 2>&1
check "calcurse: a reminder ahead keeps its day" grep -q "Notice deadline: Buurtkamer" "$tmp/cc.ahead"
cc "$tmp/cc-nl" -i "$tmp/nl.ics" >/dev/null 2>&1
cc "$tmp/cc-nl" -Q --from 11/26/2026 --days 1 >"$tmp/cc-nl.day" 2>&1
check "calcurse: Dutch titles" has_line "$tmp/cc-nl.day" " * Te laat sinds 2026-06-01: Evaluatie 2026: Moestuin Zuid (moestuin)"
cc "$tmp/cc-empty" -i "$tmp/empty.ics" >"$tmp/cc-empty.import" 2>&1
check "calcurse imports an empty list (exit 0, nothing skipped)" grep -q "0 apps / 0 events / 0 todos / 0 skipped" "$tmp/cc-empty.import"

# khal: a vdir calendar, imported with --batch, listed per day
mkdir -p "$tmp/khal/cal"
cat >"$tmp/khal/config" <<EOF
[calendars]
[[wijk]]
path = $tmp/khal/cal
type = calendar
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = Europe/Amsterdam
default_timezone = Europe/Amsterdam
[sqlite]
path = $tmp/khal/khal.db
EOF
kh() { timeout 60 khal -c "$tmp/khal/config" "$@" </dev/null; }
list() { kh list --format "{start-date} {title}" "$1" 1d 2>&1; }
check "khal imports the calendar" kh import --batch -a wijk "$tmp/day1.ics"
list 2026-11-26 >"$tmp/k1.day"
check "khal: moestuin overdue on the as-of date" has_line "$tmp/k1.day" "2026-11-26 $moestuin"
check "khal: schoon-portiek overdue on the as-of date" has_line "$tmp/k1.day" "2026-11-26 $portiek"
list 2026-06-01 >"$tmp/k1.past"
check "khal: nothing left on the past day" lacks "$tmp/k1.past" "Evaluation 2026"
check "khal imports the next day's calendar" kh import --batch -a wijk "$tmp/day2.ics"
list 2026-11-26 >"$tmp/k2.before"
list 2026-11-27 >"$tmp/k2.day"
check "khal: the overdue items moved to the next as-of date" has_line "$tmp/k2.day" "2026-11-27 $moestuin"
check "khal: not left behind on the day before" lacks "$tmp/k2.before" "Overdue since"
check "khal: one copy each (same UID)" count_is "$tmp/k2.day" "$moestuin" 1
check "khal: one event per reminder after two imports" \
  test "$(ls "$tmp/khal/cal" | wc -l)" = "$(grep -c '^BEGIN:VEVENT' "$tmp/day2.ics")"
check "khal imports an empty list" kh import --batch -a wijk "$tmp/empty.ics"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
