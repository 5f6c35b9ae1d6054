#!/usr/bin/env bash
# `wijk reminders -f ics` parsed by a real iCalendar library (Debian's python3-icalendar):
# every event's SUMMARY, UID, DTSTART and DTEND agree with the JSON output of the same run,
# every line ends in CRLF and is at most 75 octets, every VEVENT has DTSTAMP and UID; one ahead
# has two VALARMs (30 and 7 days before), an overdue one is on the as-of date ("Overdue since
# ...", SEQUENCE the days overdue, one alarm that day). UIDs: kind, id and term end (or
# evaluation year), one domain per repository; the calendar's name does not change with the
# date; an empty list is a valid calendar. Usage: tests/scripts/ics.sh BIN_DIR
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
  "$here/cli/reminders/_data|2026-11-26||--kind strategy-end --within 1d"
  "$here/cli/reminders/_mail|2026-11-26||"
  "$here/cli/reminders/_mail|2026-12-03|--lang nl|"
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

import re

names = {}    # run -> X-WR-CALNAME
domains = {}  # run -> the UIDs' domain
for n in range(1, runs + 1):
    raw = open(f"{tmp}/{n}.ics", "rb").read()
    data = json.load(open(f"{tmp}/{n}.json", encoding="utf-8"))
    as_of = datetime.date.fromisoformat(data["as_of"])
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
    tz = cal.walk("VTIMEZONE")
    check(len(tz) == 1 and str(tz[0].get("TZID")) == "Europe/Amsterdam", f"run {n}: VTIMEZONE Europe/Amsterdam")
    names[n] = str(cal.get("X-WR-CALNAME"))
    check("20" not in names[n], f"run {n}: the calendar's name holds no date: {names[n]!r}")
    events = cal.walk("VEVENT")
    reminders = data["reminders"]
    check(len(events) == len(reminders), f"run {n}: {len(events)} events for {len(reminders)} reminders")
    uids = set()
    for ev, r in zip(events, reminders):
        ident = r["strategy"] if r["kind"] == "strategy-end" else r["agreement"]
        if r["kind"] == "evaluation":
            about = re.search(r"\b(\d{4})\b", r["summary"]).group(1)  # "Evaluation 2026: ..."
        else:
            about = r.get("term_end") or r["date"]
        uid = str(ev.get("UID"))
        local, _, domain = uid.partition("@")
        check(local == f'{r["kind"]}-{ident}-{about}', f"run {n}: UID {uid} is not kind-id-{about}")
        check(domain.endswith(".wijk") and "/" not in domain, f"run {n}: UID domain {domain}")
        domains.setdefault(n, domain)
        check(domains[n] == domain, f"run {n}: one domain per repository ({domain} != {domains[n]})")
        day = datetime.date.fromisoformat(r["date"])
        shown = as_of if r["overdue"] else day
        summary = str(ev.get("SUMMARY"))
        check("\n" not in summary and "\r" not in summary, f"run {n}: {uid}: SUMMARY holds a line break")
        check("DTSTAMP" in ev and "UID" in ev, f"run {n}: {uid}: DTSTAMP and UID")
        check(ev.decoded("DTSTART") == shown, f"run {n}: {uid}: DTSTART {ev.decoded('DTSTART')} != {shown}")
        check(ev.decoded("DTEND") == shown + datetime.timedelta(days=1), f"run {n}: {uid}: DTEND")
        check(ev.decoded("DTSTAMP") == datetime.datetime.fromisoformat(data["as_of"] + "T00:00:00+00:00"),
              f"run {n}: {uid}: DTSTAMP is the as-of date")
        check(int(ev.get("SEQUENCE")) == (-r["days"] if r["overdue"] else 0), f"run {n}: {uid}: SEQUENCE")
        alarms = ev.walk("VALARM")
        triggers = sorted(a.decoded("TRIGGER") for a in alarms)
        if r["overdue"]:
            check(any(summary.startswith(f'{since} {r["date"]}: ') for since in ("Overdue since", "Te laat sinds")),
                  f"run {n}: {uid}: overdue SUMMARY {summary!r}")
            check(triggers == [datetime.timedelta(hours=9)], f"run {n}: {uid}: overdue alarm {triggers}")
        else:
            check(summary == r["summary"], f"run {n}: SUMMARY {summary!r} != {r['summary']!r}")
            check(triggers == [datetime.timedelta(days=-30), datetime.timedelta(days=-7)], f"run {n}: {uid}: alarms {triggers}")
        check(r["message"] in str(ev.get("DESCRIPTION")), f"run {n}: {uid}: DESCRIPTION")
        check(all(str(a.get("ACTION")) == "DISPLAY" and a.get("DESCRIPTION") for a in alarms), f"run {n}: {uid}: alarm action")
        check(uid not in uids, f"run {n}: {uid} unique")
        uids.add(uid)

check(len(cal.walk("VEVENT")) > 0, "the last run has events")
empty = icalendar.Calendar.from_ical(open(f"{tmp}/6.ics", "rb").read())
check(len(empty.walk("VEVENT")) == 0 and len(empty.subcomponents) == 1, "run 6: an empty list is a calendar of one VTIMEZONE")
check(names[1] == names[3] == names[6], f"the calendar's name does not change with the date: {names[1]!r} {names[3]!r}")
# (runs 4 and 5 are two repositories without an organisation in folders both named "data": they
# share a domain, as the man page says)
check(domains[1] != domains[4] and domains[1] != domains[7] and domains[4] != domains[7],
      f"UIDs of different repositories differ: {domains}")

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
EOF
