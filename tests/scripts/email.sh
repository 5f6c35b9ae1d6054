#!/usr/bin/env bash
# `wijk reminders --format email` read by real clients: every message parsed by Python's `email`
# package (policy=default: headers decoded per RFC 2047, defects listed), its attachment by
# python3-icalendar, To/From/Subject with names outside ASCII; --out DIR replacing its own old
# files and no one else's; header injection through the data; and delivery for real: a local
# SMTP server (python3-aiosmtpd, tests/scripts/smtp_sink.py) on 127.0.0.1 and msmtp as the
# sendmail program, one message per owner arriving once with the right recipients, and a
# failing command (exit 3, naming who got nothing). Usage: tests/scripts/email.sh BIN_DIR
set -u
bin=$1/wijk
here=$(cd "$(dirname "$0")/.." && pwd)
data=$here/cli/reminders/_mail
py=/usr/bin/python3
missing=""
"$py" -c 'import icalendar' 2>/dev/null || missing="$missing python3-icalendar"
"$py" -c 'import aiosmtpd' 2>/dev/null || missing="$missing python3-aiosmtpd"
command -v msmtp >/dev/null 2>&1 || missing="$missing msmtp"
if [ -n "$missing" ]; then
  echo "missing:$missing (scripts/deps --test installs them)"
  echo "0 passed, 1 failed"
  exit 1
fi
tmp=$(mktemp -d)
sink_pid=""
cleanup() {
  [ -n "$sink_pid" ] && kill "$sink_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
export HOME=$tmp/home  # msmtp reads no configuration of the caller's
mkdir -p "$HOME"
fails=0
note() { echo "FAIL: $*"; fails=$((fails+1)); }

# 1. the messages, in English and in Dutch, with their JSON to compare
"$bin" -q -C "$data" --as-of 2026-11-26 reminders -f email --out "$tmp/en" >"$tmp/en.list" 2>"$tmp/en.err" || note "--out en: exit $?"
"$bin" -q -C "$data" --as-of 2026-11-26 reminders -f json >"$tmp/en.json" || note "json en"
"$bin" -q -C "$data" --as-of 2026-12-03 --lang nl reminders -f email --out "$tmp/nl" >"$tmp/nl.list" 2>"$tmp/nl.err" || note "--out nl: exit $?"
"$bin" -q -C "$data" --as-of 2026-12-03 --lang nl reminders -f json >"$tmp/nl.json" || note "json nl"

# 2. header injection: a staff name with a line break and a header after it (a warning in the
#    data, multi-line-text), and an organisation with one
mkdir -p "$tmp/hostile"
cp "$data/data.yaml" "$tmp/hostile/"
sed -e 's/^organisation: .*/organisation: "Eendracht\\r\\nBcc: org@evil.example"/' \
    -e 's/name: José Müller,/name: "José Müller\\r\\nBcc: victim@evil.example\\nX-Evil: 1",/' \
    "$data/wijk.yaml" >"$tmp/hostile/wijk.yaml"
"$bin" -q -C "$tmp/hostile" --as-of 2026-11-26 reminders -f email --out "$tmp/hostile-out" >/dev/null 2>"$tmp/hostile.err" \
  || note "hostile: exit $? $(cat "$tmp/hostile.err")"

# 3. --out replaces its own files only: an earlier run's message for an owner with nothing now
#    goes; the user's files (no wijk header, or not a regular file) stay
mkdir -p "$tmp/keep"
cp -r "$tmp/en" "$tmp/again"
printf 'From: me\r\nSubject: my own draft\r\n\r\nhello\r\n' >"$tmp/again/kees.eml"
printf 'not a message at all\n' >"$tmp/again/notes.eml"
printf 'keep me\n' >"$tmp/again/anouk.txt"
cp "$tmp/en/jose.eml" "$tmp/keep/jose-copy.eml"
ln -s "$tmp/keep/jose-copy.eml" "$tmp/again/bram.eml"
"$bin" -C "$data" --as-of 2026-11-26 reminders -f email --owner anouk --out "$tmp/again" >"$tmp/again.list" 2>"$tmp/again.err" \
  || note "--owner anouk --out: exit $?"
[ -f "$tmp/again/anouk.eml" ] || note "anouk.eml is not there"
[ ! -e "$tmp/again/jose.eml" ] || note "jose.eml (nothing for jose under --owner anouk) was not removed"
[ ! -e "$tmp/again/_fallback.eml" ] || note "_fallback.eml (nothing for it) was not removed"
[ -f "$tmp/again/kees.eml" ] || note "the user's kees.eml (no wijk header) was removed"
[ -f "$tmp/again/notes.eml" ] || note "the user's notes.eml was removed"
[ -f "$tmp/again/anouk.txt" ] || note "anouk.txt was removed"
[ -L "$tmp/again/bram.eml" ] && [ -f "$tmp/keep/jose-copy.eml" ] || note "a link named bram.eml, or what it points to, was removed"
grep -q "removed $tmp/again/jose.eml: this list has nothing for it" "$tmp/again.err" || note "stderr does not say jose.eml was removed and why: $(cat "$tmp/again.err")"
[ "$(cat "$tmp/again.list")" = "$tmp/again/anouk.eml" ] || note "stdout lists $(cat "$tmp/again.list")"
ls -A "$tmp/again" | grep -q '\.wijk-' && note "a temporary file was left in --out"

# 4. delivery: aiosmtpd on 127.0.0.1 (a free port, stopped after 60 s at most) and msmtp
mkdir -p "$tmp/smtp"
"$py" "$here/scripts/smtp_sink.py" "$tmp/smtp" 60 &
sink_pid=$!
for _ in $(seq 1 100); do [ -f "$tmp/smtp/port" ] && break; sleep 0.1; done
port=$(cat "$tmp/smtp/port" 2>/dev/null)
if [ -z "$port" ]; then
  note "the SMTP server did not start"
else
  msmtp="msmtp --host=127.0.0.1 --port=$port --auth=off --tls=off --from=wijk@eendracht.example -t"
  "$bin" -C "$data" --as-of 2026-11-26 reminders -f email --sendmail "$msmtp" >"$tmp/sent.out" 2>"$tmp/sent.err" \
    || note "--sendmail msmtp: exit $? $(cat "$tmp/sent.err")"
  [ -s "$tmp/sent.out" ] && note "--sendmail wrote to stdout: $(cat "$tmp/sent.out")"
  mkdir -p "$tmp/smtp-fail"
  # the second run: the command fails for jose only; the others are still sent, exit 3
  "$bin" -C "$data" --as-of 2026-11-26 reminders -f email \
    --sendmail "if [ \"\$WIJK_OWNER\" = jose ]; then cat >/dev/null; exit 75; fi; $msmtp" >/dev/null 2>"$tmp/fail.err"
  status=$?
  [ "$status" = 3 ] || note "a failing --sendmail: exit $status, not 3"
  grep -q "j.muller@eendracht.example" "$tmp/fail.err" || note "stderr does not name jose: $(cat "$tmp/fail.err")"
  grep -q "status 75" "$tmp/fail.err" || note "stderr does not give the command's status: $(cat "$tmp/fail.err")"
  for _ in $(seq 1 50); do [ "$(ls "$tmp/smtp" | grep -c '\.json$')" -ge 5 ] && break; sleep 0.1; done
  kill "$sink_pid" 2>/dev/null
  wait "$sink_pid" 2>/dev/null
  sink_pid=""
fi

"$py" - "$tmp" <<'EOF'
import datetime, email, email.policy, email.utils, glob, json, os, re, sys
import icalendar

tmp = sys.argv[1]
passed = failed = 0

def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what)

def parse(raw):
    return email.message_from_bytes(raw, policy=email.policy.default)

names = {"anouk": ("Anouk de Vries-Çelik", "a.devries@eendracht.example"),
         "jose": ("José Müller", "j.muller@eendracht.example"),
         "_fallback": ("", "wijkteam@eendracht.example")}
org = "Woonstichting Ééndracht"

def counts(n, late, nl):
    if nl:
        s = "1 herinnering" if n == 1 else f"{n} herinneringen"
        return s + (f", waarvan {late} te laat" if late else "")
    s = "1 reminder" if n == 1 else f"{n} reminders"
    return s + (f", {late} overdue" if late else "")

for lang in ("en", "nl"):
    data = json.load(open(f"{tmp}/{lang}.json", encoding="utf-8"))
    as_of = datetime.date.fromisoformat(data["as_of"])
    files = sorted(glob.glob(f"{tmp}/{lang}/*.eml"))
    listed = open(f"{tmp}/{lang}.list").read().split()
    check(sorted(listed) == files, f"{lang}: stdout lists the files written: {listed}")
    check([os.path.basename(f) for f in files] == ["_fallback.eml", "anouk.eml", "jose.eml"],
          f"{lang}: one file per owner with reminders and the fallback: {files}")
    for path in files:
        owner = os.path.basename(path)[:-4]
        raw = open(path, "rb").read()
        where = f"{lang}/{owner}"
        lines = raw.split(b"\r\n")
        check(raw.endswith(b"\r\n") and all(b"\n" not in l for l in lines[:-1]), f"{where}: CRLF line ends only")
        check(all(len(l) <= 78 for l in lines), f"{where}: a line over 78: {[l for l in lines if len(l) > 78][:1]}")
        check(all(b < 128 for b in raw), f"{where}: 7-bit (everything else encoded)")
        m = parse(raw)
        check(not m.defects, f"{where}: defects {m.defects}")
        name, addr = names[owner]
        to = m["To"].addresses
        check(len(to) == 1 and to[0].addr_spec == addr and to[0].display_name == name,
              f"{where}: To {m['To']!r}")
        frm = m["From"].addresses
        check(len(frm) == 1 and frm[0].addr_spec == "wijk@eendracht.example" and frm[0].display_name == org,
              f"{where}: From {m['From']!r}")
        mine = [r for r in data["reminders"]
                if (r["owner"] == owner if owner != "_fallback" else r["owner"] not in ("anouk", "jose"))]
        late = sum(r["overdue"] for r in mine)
        subject = f"{org}: {counts(len(mine), late, lang == 'nl')}"
        if owner == "_fallback":
            subject += " (zonder eigenaar met e-mail)" if lang == "nl" else " (no owner with e-mail)"
        check(str(m["Subject"]) == subject, f"{where}: Subject {str(m['Subject'])!r} != {subject!r}")
        date = email.utils.parsedate_to_datetime(m["Date"])
        check(date.date() == as_of and date.utcoffset() == datetime.timedelta(hours=1), f"{where}: Date {m['Date']}")
        check(re.fullmatch(r"<[^<>@\s]+@eendracht\.example>", str(m["Message-ID"])) is not None,
              f"{where}: Message-ID {m['Message-ID']}")
        check(m.get_content_type() == "multipart/mixed", f"{where}: multipart/mixed")
        alt = m.get_payload()[0]
        check(alt.get_content_type() == "multipart/alternative", f"{where}: multipart/alternative first")
        text = m.get_body(("plain",))
        html = m.get_body(("html",))
        check(text is not None and html is not None, f"{where}: text and HTML")
        check(text["Content-Transfer-Encoding"] == "quoted-printable" and text.get_content_charset() == "utf-8",
              f"{where}: text in UTF-8, quoted-printable")
        body, page = text.get_content(), html.get_content()
        for r in mine:
            check(r["summary"].split(": ", 1)[1] in body, f"{where}: text lacks {r['summary']!r}")
            title = r["title"].replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
            check(title in page, f"{where}: HTML lacks {title!r}")
        check("<b>" not in page.replace("<body", ""), f"{where}: data in the HTML is escaped")
        atts = [p for p in m.iter_attachments()]
        check(len(atts) == 1 and atts[0].get_content_type() == "text/calendar"
              and atts[0].get_filename().endswith(".ics"), f"{where}: one .ics attachment")
        cal = icalendar.Calendar.from_ical(atts[0].get_content())
        events = cal.walk("VEVENT")
        check(len(events) == len(mine), f"{where}: {len(events)} events for {len(mine)} reminders")
        for ev in events:
            start = ev.decoded("DTSTART")
            check(start >= as_of, f"{where}: an event before the as-of date ({start})")
        check(sum(ev.decoded("DTSTART") == as_of and int(ev.get("SEQUENCE")) > 0 for ev in events) == late,
              f"{where}: the overdue ones are on {as_of}")

# header injection
for path in sorted(glob.glob(f"{tmp}/hostile-out/*.eml")):
    raw = open(path, "rb").read()
    m = parse(raw)
    where = "hostile/" + os.path.basename(path)
    head = raw.split(b"\r\n\r\n", 1)[0]
    check(b"\r\nBcc:" not in head and b"\r\nX-Evil:" not in head, f"{where}: a header came from the data")
    check(m["Bcc"] is None and m["X-Evil"] is None, f"{where}: Bcc/X-Evil parsed")
    check(len(m["To"].addresses) == 1, f"{where}: one recipient: {m['To']!r}")
    if path.endswith("jose.eml"):
        # (the long name is split into encoded-words, between which Python's parser adds a space)
        check(m["To"].addresses[0].display_name.replace(" ", "") == "JoséMüllerBcc:victim@evil.exampleX-Evil:1",
              f"{where}: the name on one line: {m['To'].addresses[0].display_name!r}")
        check(m["To"].addresses[0].addr_spec == "j.muller@eendracht.example", f"{where}: the address")
check(len(glob.glob(f"{tmp}/hostile-out/*.eml")) == 3, "hostile: three messages")

# delivery through msmtp to the SMTP server
got = [json.load(open(p, encoding="utf-8")) for p in sorted(glob.glob(f"{tmp}/smtp/*.json"))]
first, second = got[:3], got[3:]
def recipients(batch):
    return sorted(tuple(g["rcpt_tos"]) for g in batch)
want = sorted((a,) for _, a in names.values())
check(recipients(first) == want, f"smtp: every owner's message once, to them: {recipients(first)}")
check(recipients(second) == sorted(r for r in want if r != ("j.muller@eendracht.example",)),
      f"smtp: after jose's failure the others still went: {recipients(second)}")
for g in first:
    m = parse(g["data"].encode("utf-8"))
    check(not m.defects, f"smtp: defects {m.defects}")
    check(g["mail_from"] == "wijk@eendracht.example", f"smtp: envelope sender {g['mail_from']}")
    check([a.addr_spec for a in m["To"].addresses] == g["rcpt_tos"], f"smtp: To {m['To']} != {g['rcpt_tos']}")
    owner = [o for o, (_, a) in names.items() if a == g["rcpt_tos"][0]][0]
    stored = parse(open(f"{tmp}/en/{owner}.eml", "rb").read())
    check(m.get_body(("plain",)).get_content() == stored.get_body(("plain",)).get_content(),
          f"smtp: {owner}: the delivered text is the one --out writes")

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
EOF
py_status=$?
if [ "$fails" -gt 0 ]; then
  echo "$fails shell check(s) failed"
  exit 1
fi
exit $py_status
