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
  # -K utf-8: the Dutch pages may hold letters such as ë as UTF-8 (preconv)
  out=$(groff -K utf-8 -man -ww -z "$1" 2>&1)
  [ -z "$out" ] || { echo "groff: $out"; return 1; }
}
for page in man/*.1 man/*.5 man/nl/*.1 man/nl/*.5; do check lint "$page"; done
# every English page has its Dutch summary, which points to the English page as the complete one
has_dutch() { # english-page
  local nl=man/nl/$(basename "$1")
  [ -f "$nl" ] || { echo "missing Dutch page $nl"; return 1; }
  grep -q 'De Engelse pagina' "$nl" || { echo "$nl does not say that the English page is complete"; return 1; }
}
for page in man/*.1 man/*.5; do check has_dutch "$page"; done
# the options and subcommands of a --help text
options_of() { "$bin" "$@" --help | grep -oE '(^|[ ,])--?[a-zA-Z][a-zA-Z-]*' | sed 's/^[ ,]//' | sort -u; }
commands=$("$bin" --help | sed -n '/^Subcommands:/,$p' | awk 'NR>1 && NF {print $1}')
in_page() { # page word
  grep -qF -- "$2" "$1" || grep -qF -- "$(printf '%s' "$2" | sed 's/-/\\-/g')" "$1"
}
for dir in man man/nl; do
  for c in $commands; do
    page=$dir/wijk-$c.1
    if [ ! -f "$page" ]; then echo "missing man page $page"; fail=$((fail+1)); continue; fi
    check in_page $dir/wijk.1 "$c" || echo "$dir/wijk.1 does not mention $c"
    # the command's options, and those of its own subcommands (import leefbaarometer)
    for sub in "" $("$bin" "$c" --help | sed -n '/^Subcommands:/,$p' | awk 'NR>1 && NF {print $1}'); do
      for o in $(options_of "$c" $sub); do
        case "$o" in -h|--help) continue;; esac
        if ! in_page "$page" "$o" && ! in_page $dir/wijk.1 "$o"; then
          echo "$page: option $o${sub:+ of $sub} is not documented"; fail=$((fail+1))
        else pass=$((pass+1)); fi
      done
    done
  done
  for o in $(options_of); do
    case "$o" in -h|--help) continue;; esac
    check in_page $dir/wijk.1 "$o" || echo "$dir/wijk.1: option $o is not documented"
  done
done
# every format a command writes (the "is not one of" list, from the one table io/formats.cpp)
# is in its pages, in bold as the pages name values
formats_of() { # command (log needs its record to get that far)
  local args=("$1"); [ "$1" = log ] && args=(log agreement buurtkamer-kolenkit)
  "$bin" -C examples "${args[@]}" --format zz 2>&1 >/dev/null | sed -n 's/.*is not one of: //p' | sed 's/ (.*//' | tr -d ' ' | tr ',' '\n'
}
format_in_page() { # page format: a line ".B json" / ".BR json ," or an inline \fBjson\fR
  grep -qE '^\.B(R|I)? +"?'"$2"'([ ,.;)"]|$)|\\fB'"$2"'\\f' "$1" || { echo "$1: format $2 is not documented"; return 1; }
}
for c in $commands; do
  if options_of "$c" | grep -qx -- --format && [ -z "$(formats_of "$c")" ]; then
    echo "wijk $c has --format but no list of its formats"; fail=$((fail+1))
  fi
  for f in $(formats_of "$c"); do
    for dir in man man/nl; do check format_in_page $dir/wijk-$c.1 "$f"; done
  done
done
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
