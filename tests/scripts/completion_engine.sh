#!/usr/bin/env bash
# The closed sets the completion engine offers (`wijk __complete`) are the ones the commands
# accept: for every option whose value is one of a list, the words completed equal the list
# in the command's own "is not one of" error. A format or table added to a command and not to
# src/cli/completion.cpp fails here (both read io/formats.cpp now; the man pages are checked by man_pages.sh).
set -u
bin_dir=$(cd "$1" && pwd)
wijk=$bin_dir/wijk
fail=0
# same LINE... : the words wijk completes after LINE equal those its error lists for LINE zz
same() {
  local accepted offered
  accepted=$("$wijk" -C examples "$@" zz 2>&1 >/dev/null | sed -n "s/.*is not one of: //p" | tr -d ' ' | tr ',' '\n' | sort)
  offered=$("$wijk" __complete wijk -C examples "$@" '' | cut -f1 | sort)
  if [ -z "$accepted" ] || [ "$accepted" != "$offered" ]; then
    echo "FAIL: wijk $*: accepts [$(echo $accepted)], completion offers [$(echo $offered)]"
    fail=1
  fi
}
for command in validate summary reminders checklist diff; do same "$command" --format; done
same log agreement buurtkamer-kolenkit --format
same reminders --kind
same reminders --group-by
same summary --csv
same summary -f csv --table
same summary neighbourhood kolenkit -f csv --table
same summary partner de-schakel --contacts -f csv --table
same summary agreement buurtkamer-kolenkit -f csv --table
same summary strategy noord-2024 -f csv --table
# the global ones: their errors come before any command runs
for option in --lang --color; do
  accepted=$("$wijk" "$option" zz validate 2>&1 | sed -n "s/.*is not one of: //p" | tr -d ' ' | tr ',' '\n' | sort)
  offered=$("$wijk" __complete wijk "$option" '' | sort)
  [ -n "$accepted" ] && [ "$accepted" = "$offered" ] || { echo "FAIL: $option: accepts [$(echo $accepted)], completion offers [$(echo $offered)]"; fail=1; }
done
[ $fail = 0 ] && echo "completion_engine: passed"
exit $fail
