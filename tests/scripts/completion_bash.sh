#!/usr/bin/env bash
# `wijk completion bash` in a real interactive bash under tmux (see completion_tmux.bash): the
# installed way (the file bash-completion loads), Tab pressed, the screen read. Then the script's
# function called directly for a few more lines, and the hidden `wijk completion --ids`.
set -u
bin_dir=$(cd "$1" && pwd)
export PATH="$bin_dir:$PATH"
work=$(mktemp -d)
source tests/scripts/completion_tmux.bash
tmux_setup
wijk completion bash > "$work/wijk.bash" || { echo "FAIL: wijk completion bash"; exit 1; }
# readline: list the candidates on the first Tab, never ask "Display all?", no pager
printf 'set show-all-if-ambiguous on\nset completion-query-items 0\nset page-completions off\nset bell-style none\n' > "$work/inputrc"
printf 'PS1="PROMPT> "\nsource %q\n' "$work/wijk.bash" > "$work/bashrc"
shell_cmd="bash --noprofile --rcfile $work/bashrc -i"
common_cases

# the function itself, for lines a terminal makes awkward to type
bash --norc --noprofile -c '
  source "$1" || { echo "FAIL: the script does not load"; exit 1; }
  fail=0
  [[ $(complete -p wijk) == "complete -F _wijk wijk" ]] || { echo "FAIL: complete -p wijk: $(complete -p wijk)"; fail=1; }
  # expect WORD... -- EXPECTED: COMP_WORDS as bash splits them (at "="), the last one completed
  expect() {
    local words=() want
    while [ "$1" != -- ]; do words+=("$1"); shift; done
    want=$2
    COMP_WORDS=("${words[@]}"); COMP_CWORD=$(( ${#words[@]} - 1 )); COMPREPLY=()
    _wijk
    local got="${COMPREPLY[*]}"
    if [ "$got" != "$want" ]; then echo "FAIL: [${words[*]}] gives [$got], expected [$want]"; fail=1; fi
  }
  expect wijk -C examples checklist --agreement buurtk -- "buurtkamer-kolenkit buurtkamer-venserpolder"
  expect wijk --data = examples reminders --owner a -- "anouk"
  expect wijk -C examples reminders --owner = -- "anouk bram fatima joost"
  expect wijk -C examples reminders --owner = b -- "bram"
  expect wijk -C examples summary strategy n -- "nieuw-west-2023 noord-2024"
  expect wijk -C examples summary neighbourhood kolenkit --table l -- "liveability"
  expect wijk summary --table w -- "watchlist"
  expect wijk --lang "" -- "en nl"
  expect wijk import leefbaarometer --s -- "--source"
  expect wijk schema --c -- "--config --color"
  exit $fail
' bash "$work/wijk.bash" || fail=1
# the hidden helper: ids of a kind, sorted; unknown kinds are a usage error
wijk -C examples completion --ids neighbourhoods | head -1 | grep -qx geuzenveld || { echo "FAIL: --ids neighbourhoods"; fail=1; }
wijk -C examples completion --ids bogus >/dev/null 2>&1; [ $? = 2 ] || { echo "FAIL: --ids bogus"; fail=1; }
finish completion_bash
