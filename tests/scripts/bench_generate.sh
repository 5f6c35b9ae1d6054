#!/usr/bin/env bash
# The benchmark generator cannot rot: bench/generate at a tiny scale writes a repository that
# `wijk validate` passes with no errors and no warnings, byte-identical for the same seed and
# different for another; and the baselines of bench/run still build and read it.
set -u
bin=$1/wijk
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

python3 bench/generate --scale 0.002 --seed 7 --out "$tmp/a" -q || bad "generate failed"
python3 bench/generate --scale 0.002 --seed 7 --out "$tmp/b" -q || bad "generate (again) failed"
python3 bench/generate --scale 0.002 --seed 8 --out "$tmp/c" -q || bad "generate (seed 8) failed"

# clean under validate, as of the snapshot date the generator writes for, and a year later
for as_of in 2026-11-26 2027-11-26; do
  out=$("$bin" -C "$tmp/a" --as-of "$as_of" validate -f json 2>&1)
  status=$?
  if [ $status = 0 ] && python3 -c 'import json, sys; d = json.loads(sys.argv[1]); sys.exit(d["errors"] + d["warnings"] != 0)' "$out"; then
    ok
  else
    bad "validate --as-of $as_of: exit $status"; printf '%s\n' "$out" | head -40
  fi
done

# every collection is there
for part in wijk.yaml strategies.yaml neighbourhoods liveability partners agreements evaluations; do
  [ -e "$tmp/a/$part" ] && ok || bad "no $part"
done

# reproducible: same seed, same bytes; another seed, other data
diff -r "$tmp/a" "$tmp/b" >/dev/null && ok || bad "same seed gave different output"
diff -r -q "$tmp/a" "$tmp/c" >/dev/null && bad "another seed gave the same output" || ok

# --force replaces only a folder the generator wrote
python3 bench/generate --scale 0.002 --seed 7 --out "$tmp/a" -q 2>/dev/null && bad "a non-empty --out without --force was accepted" || ok
python3 bench/generate --scale 0.002 --seed 7 --out "$tmp/a" --force -q && ok || bad "--force on an earlier run failed"
mkdir -p "$tmp/mine" && echo keep > "$tmp/mine/file"
python3 bench/generate --scale 0.002 --out "$tmp/mine" --force -q 2>/dev/null && bad "--force removed a folder it did not write" || ok
[ -f "$tmp/mine/file" ] && ok || bad "--force removed a file it did not write"

# the baselines still build and read every file
if command -v "${CXX:-g++}" >/dev/null && [ -f /usr/include/yaml-cpp/yaml.h ]; then
  if "${CXX:-g++}" -std=c++20 -O0 -Wall -Wextra -Wpedantic -Werror -pthread bench/baseline.cpp -lyaml-cpp -o "$tmp/baseline"; then
    files=$(find "$tmp/a" -name '*.yaml' -not -name wijk.yaml | wc -l)
    "$tmp/baseline" -j 2 "$tmp/a" | grep -q "^$files files, [1-9][0-9]* nodes" && ok || bad "baseline -j 2"
    "$tmp/baseline" --io "$tmp/a" | grep -q "^$files files, [1-9][0-9]* bytes read" && ok || bad "baseline --io"
  else
    bad "bench/baseline.cpp does not build"
  fi
fi
if python3 -c 'import yaml' 2>/dev/null; then
  python3 bench/py_baseline.py safe_load "$tmp/a" | grep -q "files parsed" && ok || bad "py_baseline safe_load"
fi
bash -n bench/run && ok || bad "bench/run has a syntax error"

echo "bench_generate: $pass passed, $fail failed"
[ $fail = 0 ]
