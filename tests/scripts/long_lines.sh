#!/usr/bin/env bash
# Time and memory grow with the size of the data, not with its layout (issue 13): records on one
# line load about as fast as in block style; thousands of dangling references to a big collection
# cost little more than valid ones; an excerpt of a problem on a long line is short; many files
# with a problem each cost bounded memory in text output. Timings are asserted only as ratios
# against the same data laid out or referenced the usual way, with a generous margin.
set -u
bin=$(cd "$1" && pwd)/wijk
pass=0 fail=0
check() { if eval "$2"; then pass=$((pass+1)); else echo "FAIL: $1"; fail=$((fail+1)); fi; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export WIJK_NO_CACHE=1
now() { date +%s.%N; }
took() { local t0; t0=$(now); "$@" >/dev/null 2>&1; awk -v a="$t0" -v b="$(now)" 'BEGIN { print b - a }'; }

python3 - "$work" <<'PY'
import os, sys
w = sys.argv[1]
n = 10000
for name in ("block", "line", "refs-ok", "refs-bad"):
    os.makedirs(os.path.join(w, name), exist_ok=True)
    open(os.path.join(w, name, "wijk.yaml"), "w").write("format: 1\n")
with open(os.path.join(w, "block", "p.yaml"), "w") as f:
    f.write("partners:\n")
    for i in range(n):
        f.write(f"  - id: partner-{i}\n    name: Partner \u00e9\u00e9n {i}\n    kind: other\n")
with open(os.path.join(w, "line", "p.yaml"), "w") as f:
    f.write("partners: [" + ", ".join(f"{{id: partner-{i}, name: Partner \u00e9\u00e9n {i}, kind: other}}" for i in range(n)) + "]\n")
hoods = "neighbourhoods:\n" + "".join(f"  - {{id: buurt-{i:05d}, name: B{i}, municipality: M}}\n" for i in range(5000))
for name, bad in (("refs-ok", False), ("refs-bad", True)):
    open(os.path.join(w, name, "n.yaml"), "w").write(hoods)
    with open(os.path.join(w, name, "p.yaml"), "w") as f:
        f.write("partners:\n")
        for i in range(3000):
            ref = (f"buurt-{i:05d}x" if i % 2 else "renamed-away") if bad else f"buurt-{i:05d}"
            f.write(f"  - {{id: p{i}, name: P, kind: other, neighbourhoods: [{ref}]}}\n")
PY
block=$(took "$bin" -C "$work/block" validate)
line=$(took "$bin" -C "$work/line" validate)
check "one line of 10,000 records loads within 3x block style (+1 s): $line s vs $block s" \
  "awk -v l=$line -v b=$block 'BEGIN { exit !(l <= 3 * b + 1) }'"
"$bin" -C "$work/line" validate >/dev/null; s=$?
check "the one-line file is valid" '[ $s = 0 ]'
ok=$(took "$bin" -C "$work/refs-ok" validate)
bad=$(took "$bin" -C "$work/refs-bad" validate)
check "3,000 dangling references to 5,000 ids cost within 4x valid ones (+2 s): $bad s vs $ok s" \
  "awk -v x=$bad -v y=$ok 'BEGIN { exit !(x <= 4 * y + 2) }'"
out=$("$bin" -C "$work/refs-bad" validate -f json)
n=$(grep -c '"rule": "dangling-ref"' <<<"$out")
check "every dangling reference reported ($n)" '[ "$n" = 3000 ]'
check "the suggestion is the closest id" '[[ "$out" == *"did you mean '"'"'buurt-00001'"'"'?"* ]]'

# a problem on a 170 KB line: a short excerpt
python3 -c "print('partners: [' + ', '.join('{id: p%d, name: N, kind: other}' % i for i in range(5000)) + ', {id: bad, name: N, kind: nope}]')" > "$work/line/p.yaml"
out=$("$bin" -C "$work/line" validate)
longest=$(awk '{ if (length($0) > m) m = length($0) } END { print m }' <<<"$out")
check "the excerpt of a problem on a 170 KB line is short ($longest characters)" '[ "$longest" -lt 400 ]'
check "and shows the value at fault" '[[ "$out" == *"kind: nope"* ]]'

# 5,000 files with one warning each: text output holds no copy of every file
mkdir -p "$work/many"
printf 'format: 1\n' > "$work/many/wijk.yaml"
python3 - "$work/many" <<'PY'
import os, sys
for i in range(5000):
    d = os.path.join(sys.argv[1], f"d{i // 1000}")
    os.makedirs(d, exist_ok=True)
    open(os.path.join(d, f"s{i}.yaml"), "w").write(
        f"strategies:\n  - {{id: s{i}, title: T, neighbourhoods: [], start: 2024-01-01, end: 2025-01-01}}\n" + "# padding\n" * 200)
PY
if [ -x /usr/bin/time ]; then
  text_kb=$(/usr/bin/time -f %M "$bin" -C "$work/many" validate 2>&1 >/dev/null | tail -1)
  json_kb=$(/usr/bin/time -f %M "$bin" -C "$work/many" validate -f json 2>&1 >/dev/null | tail -1)
  check "text output of 5,000 problems in 5,000 files within 1.5x the memory of JSON ($text_kb KiB vs $json_kb KiB)" \
    "[ $text_kb -le $((json_kb * 3 / 2)) ]"
else
  echo "skipped: GNU time not installed (memory)"
fi
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
