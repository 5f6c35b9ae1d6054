#!/usr/bin/env bash
# SIGINT, SIGTERM and SIGHUP while `wijk checklist -o` writes a large report (commands.md,
# "Writes never destroy data"): 40 runs, each killed at a random moment, half of them soon
# after the temporary file appears, so that writes are caught in the act. After every run: no
# temporary file is left, the target is the old report or the new one, whole, and the status
# is 0 (it finished first) or 128 + the signal. A signal that was ignored when wijk started
# (nohup) stays ignored. A closed pipe ends quietly with 141, also when SIGPIPE is ignored.
set -u
bin=$(cd "$1" && pwd)/wijk
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

# A repository whose checklist is large: 300 agreements with 20 commitments each (~1 MB).
mkdir "$tmp/repo" "$tmp/out"
printf 'format: 1\nlanguage: en\n' >"$tmp/repo/wijk.yaml"
python3 - "$tmp/repo/data.yaml" <<'EOF'
import sys
out = ["neighbourhoods:", "  - {id: noord, name: Noord, municipality: Amsterdam}",
       "partners:", "  - {id: bp, name: Bewonersplatform, kind: residents}", "agreements:"]
for i in range(300):
    out.append(f"  - id: a{i}\n    partner: bp\n    title: Afspraak {i}\n    neighbourhoods: [noord]\n"
               f"    start: 2021-10-01\n    notice: 3 months\n    partner_provides:")
    for j in range(20):
        out.append(f"      - {{id: c{j}, description: Commitment {j} of agreement {i}, target: {j + 1}, unit: sessions}}")
open(sys.argv[1], "w").write("\n".join(out) + "\n")
EOF
run() { "$bin" -C "$tmp/repo" --as-of 2026-01-05 checklist "$@"; }
# In the background, with the default SIGINT (a script's `&` ignores it): env execs wijk, so
# that $! is wijk itself.
if env --default-signal=INT true 2>/dev/null; then
  start_in_background() { env --default-signal=INT "$bin" -C "$tmp/repo" --as-of 2026-01-05 checklist "$@" & }
else
  set -m
  start_in_background() { "$bin" -C "$tmp/repo" --as-of 2026-01-05 checklist "$@" & }
fi

run -o "$tmp/new.md" 2>"$tmp/err" || { cat "$tmp/err"; bad "the reference run failed"; }
# timed as the killed runs will run: with the parse cache the first run wrote (a cold first
# run, on a busy machine, took several times as long, and most kills then came after the end)
start=$(date +%s%N)
run -o "$tmp/new.md" 2>"$tmp/err" || { cat "$tmp/err"; bad "the reference run failed"; }
duration_ms=$((($(date +%s%N) - start) / 1000000))
printf 'the old report\n' >"$tmp/old.md"
seconds() { awk -v ms="$1" 'BEGIN { printf "%.3f", ms / 1000 }'; }
temporary_exists() { compgen -G "$tmp/out/.report.md.wijk-*" >/dev/null; }

signals=(INT TERM HUP)
numbers=(2 15 1)
caught=0
for i in $(seq 1 40); do
  k=$((i % 3))
  sig=${signals[$k]} number=${numbers[$k]}
  cp "$tmp/old.md" "$tmp/out/report.md"
  start_in_background -o "$tmp/out/report.md" 2>"$tmp/err"
  pid=$!
  if ((i % 2)); then
    for ((w = 0; w < 5000; w++)); do temporary_exists && break; sleep 0.002; done
    delay_ms=$((RANDOM % (duration_ms / 10 + 1)))
  else
    delay_ms=$((RANDOM % (duration_ms + 1)))
  fi
  sleep "$(seconds "$delay_ms")"
  writing=0
  temporary_exists && writing=1
  kill -s "$sig" "$pid" 2>/dev/null
  { wait "$pid"; } 2>/dev/null  # without bash's "Hangup" notice
  status=$?
  if [ "$status" = 0 ] || [ "$status" = $((128 + number)) ]; then ok; else bad "run $i (SIG$sig after $delay_ms ms): exit $status"; sed 's/^/  | /' "$tmp/err"; fi
  [ "$status" = $((128 + number)) ] && [ "$writing" = 1 ] && caught=$((caught + 1))
  left=$(ls -A "$tmp/out")
  if [ "$left" = report.md ]; then ok; else bad "run $i (SIG$sig after $delay_ms ms): left behind: $left"; rm -f "$tmp"/out/.report*; fi
  if cmp -s "$tmp/out/report.md" "$tmp/old.md" || cmp -s "$tmp/out/report.md" "$tmp/new.md"; then ok
  else bad "run $i (SIG$sig after $delay_ms ms): the target is neither the old report nor the new one"; fi
done
# Without kills that land while the temporary file exists, the test proves nothing.
if [ "$caught" -ge 5 ]; then ok; else bad "only $caught of 40 signals came during a write (run took $duration_ms ms)"; fi
echo "signals during a write: $caught of 40 (a run takes $duration_ms ms)"

# A signal ignored at the start (nohup, a background job): wijk goes on and finishes.
cp "$tmp/old.md" "$tmp/out/report.md"
(trap '' HUP; "$bin" -C "$tmp/repo" --as-of 2026-01-05 checklist -o "$tmp/out/report.md" 2>"$tmp/err" & pid=$!; sleep "$(seconds $((duration_ms / 2)))"; kill -s HUP $pid; wait $pid; echo $? >"$tmp/status")
if [ "$(cat "$tmp/status")" = 0 ] && cmp -s "$tmp/out/report.md" "$tmp/new.md"; then ok; else bad "an ignored SIGHUP: exit $(cat "$tmp/status")"; fi

# A closed pipe (| head): 141 and nothing on stderr, whether SIGPIPE kills wijk or is ignored
# (then the write fails with EPIPE).
run 2>"$tmp/err" | head -c 100 >/dev/null
status=${PIPESTATUS[0]}
if [ "$status" = 141 ] && [ ! -s "$tmp/err" ]; then ok; else bad "| head: exit $status"; cat "$tmp/err"; fi
(trap '' PIPE; run 2>"$tmp/err" | head -c 100 >/dev/null; echo "${PIPESTATUS[0]}" >"$tmp/status")
status=$(cat "$tmp/status")
if [ "$status" = 141 ] && [ ! -s "$tmp/err" ]; then ok; else bad "| head with SIGPIPE ignored: exit $status"; cat "$tmp/err"; fi

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
