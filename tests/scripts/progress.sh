#!/usr/bin/env bash
# The "reading files N of M" line: on a terminal only, never with -q or when stderr is not a
# terminal. WIJK_PROGRESS_DELAY_MS=0 shows it at once (normally after a second).
set -u
bin=$(cd "$1" && pwd)/wijk
pass=0 fail=0
check() { if eval "$2"; then pass=$((pass+1)); else echo "FAIL: $1"; fail=$((fail+1)); fi; }
if ! command -v script >/dev/null; then echo "skipped: script(1) not installed"; echo "0 passed, 0 failed"; exit 0; fi
out=$(WIJK_PROGRESS_DELAY_MS=0 script -qec "'$bin' -C examples --as-of 2026-11-26 validate" /dev/null 2>&1)
check "progress on a terminal" '[[ "$out" == *"reading files 16 of 16"* ]]'
out=$(WIJK_PROGRESS_DELAY_MS=0 script -qec "'$bin' -q -C examples --as-of 2026-11-26 validate" /dev/null 2>&1)
check "no progress with -q" '[[ "$out" != *"reading files"* ]]'
err=$(WIJK_PROGRESS_DELAY_MS=0 "$bin" -C examples --as-of 2026-11-26 validate 2>&1 >/dev/null)
check "no progress when stderr is not a terminal" '[[ "$err" != *"reading files"* ]]'
out=$(script -qec "'$bin' -C examples --as-of 2026-11-26 validate" /dev/null 2>&1)
check "no progress when loading is quick" '[[ "$out" != *"reading files"* ]]'
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
