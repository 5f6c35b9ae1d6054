#!/usr/bin/env bash
# `wijk completion bash` in a real bash: the script loads, registers `complete -F _wijk wijk`,
# and its function completes commands, options, known values and ids from the data.
set -u
bin_dir=$(cd "$1" && pwd)
repo_root=$(pwd)
export PATH="$bin_dir:$PATH"
script=$(mktemp)
trap 'rm -f "$script"' EXIT
wijk completion bash > "$script" || { echo "FAIL: wijk completion bash"; exit 1; }

bash --norc --noprofile -c '
  set -u
  source "$1" || { echo "FAIL: the script does not load"; exit 1; }
  fail=0
  [[ $(complete -p wijk) == "complete -F _wijk wijk" ]] || { echo "FAIL: complete -p wijk: $(complete -p wijk)"; fail=1; }
  # expect "WORDS..." -- EXPECTED: complete the last word of WORDS
  expect() {
    local line=$1 want=$2
    read -ra COMP_WORDS <<< "$line"
    [[ $line == *" " ]] && COMP_WORDS+=("")
    COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
    COMPREPLY=()
    _wijk
    local got="${COMPREPLY[*]}"
    if [ "$got" != "$want" ]; then echo "FAIL: [$line] gives [$got], expected [$want]"; fail=1; fi
  }
  expect "wijk val" "validate"
  expect "wijk s" "summary schema"
  expect "wijk reminders --kind " "decide notice renewal expiry evaluation strategy-end"
  expect "wijk reminders --kind e" "expiry evaluation"
  expect "wijk -C examples --as-of 2026-11-26 reminders --k" "--kind"
  expect "wijk validate --format g" "github gitlab"
  expect "wijk validate -f " "text parsable github gitlab json"
  expect "wijk reminders -f " "text markdown json ics xlsx email"
  expect "wijk summary --format " "text markdown csv json html xlsx"
  expect "wijk reminders --se" "--sendmail"
  expect "wijk --lang " "en nl"
  expect "wijk summary --color a" "auto always"
  expect "wijk completion " "bash zsh fish"
  expect "wijk import " "leefbaarometer"
  expect "wijk import leefbaarometer --s" "--source"
  expect "wijk schema --c" "--config --color"
  # ids from the data, through the hidden `wijk completion --ids`
  expect "wijk -C examples reminders --partner de" "de-gouden-kraan de-schakel"
  expect "wijk -C examples checklist --agreement buurtk" "buurtkamer-kolenkit buurtkamer-venserpolder"
  expect "wijk -C examples summary --neighbourhood x" ""
  expect "wijk -C examples reminders --owner a" "anouk"
  exit $fail
' bash "$script" || exit 1
cd "$repo_root"
# the hidden helper: ids of a kind, sorted; unknown kinds are a usage error
wijk -C examples completion --ids neighbourhoods | head -1 | grep -qx geuzenveld || { echo "FAIL: --ids neighbourhoods"; exit 1; }
wijk -C examples completion --ids bogus >/dev/null 2>&1; [ $? = 2 ] || { echo "FAIL: --ids bogus"; exit 1; }
echo "completion_bash: passed"
