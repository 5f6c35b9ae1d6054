#!/usr/bin/env bash
# `wijk reminders -f ics` parsed by a real iCalendar library (Debian's python3-icalendar):
# every event's SUMMARY, UID, DTSTART and DTEND agree with the JSON output of the same run,
# every line ends in CRLF and is at most 75 octets, every VEVENT has DTSTAMP and UID and two
# VALARMs (30 and 7 days before). Usage: tests/scripts/ics.sh BIN_DIR
set -u
bin=$1/wijk
here=$(cd "$(dirname "$0")/.." && pwd)
py=""
for p in /usr/bin/python3 python3; do
  if "$p" -c 'import icalendar' 2>/dev/null; then py=$p; break; fi
done
if [ -z "$py" ]; then
  echo "python3 with the icalendar module is missing (scripts/deps --test installs python3-icalendar)"
  echo "0 passed, 1 failed"
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# data folder | as-of date | global options | reminders options
runs=(
  "$here/cli/reminders/_data|2026-11-26||"
  "$here/cli/reminders/_data|2026-11-26|--lang nl|"
  "$here/cli/reminders/_data|2027-02-25||--within 1y"
  "$here/cli/reminders/leap-day/data|2027-12-15||"
  "$here/cli/reminders/ics-hostile/data|2026-11-26||"
)
i=0
for run in "${runs[@]}"; do
  IFS='|' read -r data asof global extra <<<"$run"
  i=$((i+1))
  # shellcheck disable=SC2086
  "$bin" -q -C "$data" --as-of "$asof" $global reminders $extra -f ics >"$tmp/$i.ics" || { echo "run $i: wijk failed"; }
  # shellcheck disable=SC2086
  "$bin" -q -C "$data" --as-of "$asof" $global reminders $extra -f json >"$tmp/$i.json" || { echo "run $i: wijk failed"; }
done
"$py" - "$tmp" "$i" <<'EOF'
import datetime, json, sys
import icalendar

tmp, runs = sys.argv[1], int(sys.argv[2])
passed = failed = 0

def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what)

for n in range(1, runs + 1):
    raw = open(f"{tmp}/{n}.ics", "rb").read()
    data = json.load(open(f"{tmp}/{n}.json", encoding="utf-8"))
    check(raw.endswith(b"\r\n"), f"run {n}: ends in CRLF")
    lines = raw.split(b"\r\n")[:-1]
    check(all(b"\n" not in l and b"\r" not in l for l in lines), f"run {n}: every line ends in CRLF")
    long = [l for l in lines if len(l) > 75]
    check(not long, f"run {n}: lines longer than 75 octets: {long[:1]}")
    try:
        cal = icalendar.Calendar.from_ical(raw)
    except Exception as e:  # noqa: BLE001
        check(False, f"run {n}: does not parse: {e}")
        continue
    check(str(cal.get("VERSION")) == "2.0", f"run {n}: VERSION 2.0")
    check(cal.get("PRODID") is not None, f"run {n}: PRODID")
    check(str(cal.get("CALSCALE")) == "GREGORIAN", f"run {n}: CALSCALE")
    events = cal.walk("VEVENT")
    reminders = data["reminders"]
    check(len(events) == len(reminders), f"run {n}: {len(events)} events for {len(reminders)} reminders")
    uids = set()
    for ev, r in zip(events, reminders):
        ident = r["strategy"] if r["kind"] == "strategy-end" else r["agreement"]
        uid = f'{r["kind"]}-{ident}-{r["date"]}@wijk'
        day = datetime.date.fromisoformat(r["date"])
        check("DTSTAMP" in ev and "UID" in ev, f"run {n}: {uid}: DTSTAMP and UID")
        check(str(ev.get("UID")) == uid, f"run {n}: UID {ev.get('UID')} != {uid}")
        check(str(ev.get("SUMMARY")) == r["summary"], f"run {n}: SUMMARY {ev.get('SUMMARY')!r} != {r['summary']!r}")
        check(ev.decoded("DTSTART") == day, f"run {n}: {uid}: DTSTART {ev.decoded('DTSTART')} != {day}")
        check(ev.decoded("DTEND") == day + datetime.timedelta(days=1), f"run {n}: {uid}: DTEND")
        check(ev.decoded("DTSTAMP") == datetime.datetime.fromisoformat(data["as_of"] + "T00:00:00+00:00"),
              f"run {n}: {uid}: DTSTAMP is the as-of date")
        check(str(ev.get("DESCRIPTION")).startswith(r["message"]), f"run {n}: {uid}: DESCRIPTION")
        alarms = ev.walk("VALARM")
        triggers = sorted(a.decoded("TRIGGER") for a in alarms)
        check(triggers == [datetime.timedelta(days=-30), datetime.timedelta(days=-7)], f"run {n}: {uid}: alarms {triggers}")
        check(all(str(a.get("ACTION")) == "DISPLAY" and a.get("DESCRIPTION") for a in alarms), f"run {n}: {uid}: alarm action")
        check(uid not in uids, f"run {n}: {uid} unique")
        uids.add(uid)

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
EOF
