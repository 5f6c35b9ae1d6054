#!/usr/bin/env bash
# `wijk import leefbaarometer` on a national file (commands.md, [1.1]: read as a stream in
# bounded memory): a generated 200 MB CSV (WIJK_BIG_IMPORT_MB sets the size; never committed)
# imports in well under 100 MB of memory and in time linear in its size (asserted as a ratio
# against a file a tenth as large, and a generous bound so that a hang fails), lists 20
# unmatched codes and then the count, and writes a file that validate accepts. /dev/zero and a
# file without line ends end in a clear error, in bounded memory too.
set -u
bin=$(cd "$1" && pwd)/wijk
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
# Under AddressSanitizer (scripts/check's second build) shadow memory and quarantine add some
# 100 MB and the code runs several times slower: there the file is smaller and memory is not
# bounded (the normal build checks it).
if ldd "$bin" 2>/dev/null | grep -q libasan; then
  mb=${WIJK_BIG_IMPORT_MB:-20}
  limit_kb=$((4 * 1024 * 1024))
else
  mb=${WIJK_BIG_IMPORT_MB:-200}
  limit_kb=$((100 * 1024))
fi

# One row per buurt per year 2002-2022, every (code, year) once, all columns of the open data.
generate() { # MB FILE
  awk -v mb="$1" 'BEGIN {
    print "gm_code,wk_code,bu_code,jaar,lbm,afw,fys,onv,soc,vrz,won,kscore"
    limit = mb * 1000000
    for (c = 0; n < limit; c++)
      for (y = 2002; y <= 2022 && n < limit; y++) {
        v = (c * 7 + y) % 1000
        line = "GM" int(c / 10000) ",WK" int(c / 100) ",BU" sprintf("%08d", c) "," y ",3." v ",-0.0" v % 10 \
               ",0.0" v % 7 ",-0.0" v % 3 ",0.0" v % 5 ",0.0" v % 9 ",-0.0" v % 4 "," 1 + v % 9
        print line
        n += length(line) + 1
      }
  }' >"$2"
}
generate "$mb" "$tmp/national.csv"
generate "$((mb / 10 > 0 ? mb / 10 : 1))" "$tmp/tenth.csv"

mkdir "$tmp/repo"
printf 'format: 1\nlanguage: en\n' >"$tmp/repo/wijk.yaml"
{
  echo "neighbourhoods:"
  for i in 1 2 3 4 5 6 7 8 9; do echo "  - {id: buurt-$i, name: Buurt $i, municipality: Testdam, codes: [BU0000000$i]}"; done
  echo "  - {id: twee, name: Twee, municipality: Testdam, codes: [BU00000010, BU00000011]}"
} >"$tmp/repo/neighbourhoods.yaml"

seconds_now() { date +%s.%N; }
measure() { # NAME FILE ARGS...: runs the import under /usr/bin/time, sets $status $elapsed $rss_kb
  local name=$1 file=$2; shift 2
  local start; start=$(seconds_now)
  if [ -x /usr/bin/time ]; then
    timeout 600 /usr/bin/time -v -o "$tmp/$name.time" "$bin" -C "$tmp/repo" import leefbaarometer "$file" "$@" \
      >"$tmp/$name.out" 2>"$tmp/$name.err"
    status=$?
    rss_kb=$(awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }' "$tmp/$name.time")
  else
    timeout 600 "$bin" -C "$tmp/repo" import leefbaarometer "$file" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
    status=$?
    rss_kb=0
  fi
  elapsed=$(awk -v a="$start" -v b="$(seconds_now)" 'BEGIN { printf "%.2f", b - a }')
}

measure national "$tmp/national.csv" --source leefbaarometer-2024 -o "$tmp/repo/liveability.yaml"
[ "$status" = 0 ] && ok || { bad "$mb MB import: exit $status"; head -5 "$tmp/national.err"; }
echo "$mb MB: ${elapsed} s, ${rss_kb} KB peak RSS"
[ "${rss_kb:-0}" -lt "$limit_kb" ] && ok || bad "$mb MB import: ${rss_kb} KB peak RSS (bound: $limit_kb KB)"
awk -v e="$elapsed" 'BEGIN { exit !(e < 300) }' && ok || bad "$mb MB import took $elapsed s (bound: 300 s)"
national_s=$elapsed

# 11 codes match: 21 years each; the codes of `twee` are written with the record
records=$(grep -c '^  - neighbourhood:' "$tmp/repo/liveability.yaml")
[ "$records" = 231 ] && ok || bad "$records records written, expected 231"
grep -q 'code: BU00000011' "$tmp/repo/liveability.yaml" && ok || bad "no code: for a neighbourhood with two codes"
"$bin" -C "$tmp/repo" validate >"$tmp/validate.out" 2>&1 && ok || { bad "validate rejects the import"; head -5 "$tmp/validate.out"; }

# 20 codes listed, then how many more
listed=$(grep -c '^  BU[0-9]* ([0-9]* rows)$' "$tmp/national.err")
[ "$listed" = 20 ] && ok || bad "$listed unmatched codes listed, expected 20"
grep -q '^  and [0-9]* other code(s) ([0-9]* rows)$' "$tmp/national.err" && ok || { bad "no count of the other codes"; tail -3 "$tmp/national.err"; }
lines=$(wc -l <"$tmp/national.err")
[ "$lines" -le 23 ] && ok || bad "$lines lines on stderr"

# linear: ten times the bytes take at most 25 times as long (quadratic would be 100)
measure tenth "$tmp/tenth.csv" -o "$tmp/tenth.yaml"
[ "$status" = 0 ] && ok || bad "tenth import: exit $status"
echo "$((mb / 10)) MB: ${elapsed} s, ${rss_kb} KB peak RSS"
awk -v big="$national_s" -v small="$elapsed" 'BEGIN { exit !(big <= 25 * (small > 0.05 ? small : 0.05)) }' && ok ||
  bad "not linear: $mb MB in $national_s s, a tenth in $elapsed s"

# endless NUL bytes, and a file without line ends: a clear error at line 1, bounded memory
measure zero /dev/zero
[ "$status" = 1 ] && ok || bad "/dev/zero: exit $status"
grep -q '/dev/zero:1: NUL bytes' "$tmp/zero.err" && ok || { bad "/dev/zero: no clear error"; head -3 "$tmp/zero.err"; }
[ "${rss_kb:-0}" -lt "$limit_kb" ] && ok || bad "/dev/zero: ${rss_kb} KB peak RSS"
head -c 50000000 /dev/zero | tr '\0' 7 >"$tmp/one-line.csv"
measure one-line "$tmp/one-line.csv"
[ "$status" = 1 ] && ok || bad "no line ends: exit $status"
grep -q 'one-line.csv:1: a line longer than 1 MiB' "$tmp/one-line.err" && ok || { bad "no line ends: no clear error"; head -3 "$tmp/one-line.err"; }
[ "${rss_kb:-0}" -lt "$limit_kb" ] && ok || bad "no line ends: ${rss_kb} KB peak RSS"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
