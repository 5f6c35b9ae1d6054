#!/usr/bin/env bash
# Every man page lints clean, and every command and option that --help shows is in its page.
set -u
bin=$1/wijk
pass=0 fail=0
check() { if "$@"; then pass=$((pass+1)); else fail=$((fail+1)); fi; }
lint() {
  local out
  out=$(mandoc -T lint -W warning "$1" 2>&1)
  [ -z "$out" ] || { echo "mandoc: $out"; return 1; }
  out=$(groff -man -ww -z "$1" 2>&1)
  [ -z "$out" ] || { echo "groff: $out"; return 1; }
}
for page in man/*.1 man/*.5; do check lint "$page"; done
# the options and subcommands of a --help text
options_of() { "$bin" "$@" --help | grep -oE '(^|[ ,])--?[a-zA-Z][a-zA-Z-]*' | sed 's/^[ ,]//' | sort -u; }
commands=$("$bin" --help | sed -n '/^Subcommands:/,$p' | awk 'NR>1 && NF {print $1}')
in_page() { # page word
  grep -qF -- "$2" "$1" || grep -qF -- "$(printf '%s' "$2" | sed 's/-/\\-/g')" "$1"
}
for c in $commands; do
  page=man/wijk-$c.1
  if [ ! -f "$page" ]; then echo "missing man page $page"; fail=$((fail+1)); continue; fi
  check in_page man/wijk.1 "$c" || echo "wijk.1 does not mention $c"
  for o in $(options_of "$c"); do
    case "$o" in -h|--help) continue;; esac
    if ! in_page "$page" "$o" && ! in_page man/wijk.1 "$o"; then
      echo "$page: option $o is not documented"; fail=$((fail+1))
    else pass=$((pass+1)); fi
  done
done
for o in $(options_of); do
  case "$o" in -h|--help) continue;; esac
  check in_page man/wijk.1 "$o" || echo "wijk.1: option $o is not documented"
done
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
