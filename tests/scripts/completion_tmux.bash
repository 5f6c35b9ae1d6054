# Shared by tests/scripts/completion_{bash,zsh,fish}.sh (sourced, not a test itself): drives a
# real interactive shell under tmux, types a command line, presses Tab and reads the screen.
#
# Robustness: a private tmux server (-L, no ~/.tmux.conf), a fixed TERM and pane size, a clean
# environment (HOME, XDG folders and shell rc files of the test's own), a fresh shell for every
# case (no state from the one before), and bounded waits that poll capture-pane instead of
# sleeping a fixed time. A case that does not show what it should within $TMUX_WAIT seconds
# fails with the screen it saw.
#
# The caller sets: bin_dir (the wijk binary's folder), work (a temporary folder, removed by the
# caller), shell_cmd (the command that starts the shell with its setup, run in $work/cwd), and
# calls `tmux_setup` first. The prompt of every shell must be "PROMPT> ".

TMUX_WAIT=${TMUX_WAIT:-15}
fail=0
cases=0

tmux_setup() {
  command -v tmux >/dev/null || { echo "FAIL: tmux is not installed (scripts/deps --test)"; exit 1; }
  socket="wijk-test-$$-0"
  mkdir -p "$work/home" "$work/cwd" "$work/xdg/config" "$work/xdg/data" "$work/xdg/cache"
  # the repositories the cases name: ./examples, ~/data, and the current folder for one case
  cp -r examples "$work/cwd/examples"
  cp -r examples "$work/home/data"
  trap 'tmux -L "$socket" kill-server 2>/dev/null; rm -rf "$work"' EXIT
}

t() { tmux -L "$socket" "$@"; }

screen() { t capture-pane -p -J -t wijk:0 2>/dev/null; }

# wait_for STRING: poll the screen until it shows STRING (fixed text); false after $TMUX_WAIT s
wait_for() {
  local deadline=$((SECONDS + TMUX_WAIT))
  while [ $SECONDS -le $deadline ]; do
    screen | grep -qF -- "$1" && return 0
    sleep 0.1
  done
  return 1
}

# a shell started afresh in FOLDER (relative to $work), with the test's environment only
start_shell() {
  local folder=$1
  # a server of its own for every case: a server that is still going away cannot take the next
  t kill-server 2>/dev/null
  socket="wijk-test-$$-$cases"
  t -f /dev/null new-session -d -s wijk -x 200 -y 60 -c "$work/$folder" \
    env -i HOME="$work/home" TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 \
    PATH="$bin_dir:/usr/local/bin:/usr/bin:/bin" \
    XDG_CONFIG_HOME="$work/xdg/config" XDG_DATA_HOME="$work/xdg/data" XDG_CACHE_HOME="$work/xdg/cache" \
    INPUTRC="$work/inputrc" ZDOTDIR="$work/zdot" \
    $shell_cmd
  t set-option -t wijk remain-on-exit on >/dev/null
  wait_for "PROMPT> "
}

# expect [-C FOLDER] NAME TYPED -- WANT... [-not NOT...]: in a fresh shell, type TYPED, press
# Tab, and the screen must show every WANT and none of the NOTs (fixed strings).
expect() {
  local folder=cwd
  if [ "$1" = -C ]; then folder=$2; shift 2; fi
  local name=$1 typed=$2
  shift 2
  [ "$1" = -- ] && shift
  cases=$((cases + 1))
  if ! start_shell "$folder"; then
    echo "FAIL [$name]: no prompt within ${TMUX_WAIT}s:"; screen | sed 's/^/    | /'; fail=1; return
  fi
  t send-keys -t wijk:0 -l -- "$typed"
  wait_for "PROMPT> $typed" || { echo "FAIL [$name]: the typed line did not show"; fail=1; return; }
  t send-keys -t wijk:0 Tab
  local want not=0 ok=1
  for want in "$@"; do
    if [ "$want" = -not ]; then not=1; continue; fi
    if [ $not = 0 ]; then
      wait_for "$want" || { ok=0; echo "FAIL [$name] '$typed<Tab>': missing '$want'"; }
    fi
  done
  # what must not be there is looked for once the wanted text is in (the screen has settled)
  not=0
  for want in "$@"; do
    if [ "$want" = -not ]; then not=1; continue; fi
    if [ $not = 1 ] && screen | grep -qF -- "$want"; then ok=0; echo "FAIL [$name] '$typed<Tab>': shows '$want'"; fi
  done
  if [ $ok = 0 ]; then
    fail=1
    screen | sed '/^$/d; s/^/    | /'
  fi
}

finish() {
  t kill-server 2>/dev/null
  local name=$1
  if [ $fail = 0 ]; then echo "$name: $cases cases passed"; else echo "$name: failed"; fi
  exit $fail
}

# The cases every shell must pass (what the screen shows differs: bash lists words, zsh and fish
# words with descriptions; the words are the same).
common_cases() {
  expect command "wijk val" -- "PROMPT> wijk validate"
  expect commands "wijk s" -- summary schema -not validate
  expect option "wijk reminders --ki" -- "PROMPT> wijk reminders --kind"
  expect option-values "wijk reminders --kind " -- decide notice renewal expiry evaluation strategy-end
  expect format-per-command "wijk validate --format g" -- github gitlab -not parsable
  expect reminders-formats "wijk reminders --format " -- text markdown json ics xlsx email
  expect reminders-filters "wijk -C examples reminders --" -- --owner --partner --neighbourhood --kind --within --check
  expect summary-kinds "wijk summary " -- neighbourhood partner agreement strategy
  # the ids of the kind named, not the kinds again
  expect summary-agreement-ids "wijk -C examples summary agreement s" -- \
    schoon-heel-veilig-nieuw-west speelplein-slotervaart spreekuur-venserpolder sterke-buurt-holendrecht -not strategy
  expect summary-agreement-tables "wijk -C examples summary agreement buurtkamer-kolenkit --table " -- \
    provisions commitments evaluations results -not watchlist
  expect portfolio-tables "wijk summary --table " -- neighbourhoods watchlist spending provisions -not results
  expect data-equals "wijk --data=examples reminders --partner de" -- de-gouden-kraan de-schakel "PROMPT> wijk --data=examples"
  expect tilde "wijk -C ~/data reminders --owner " -- anouk bram fatima joost
  expect option-equals "wijk -C examples reminders --neighbourhood=geu" -- "PROMPT> wijk -C examples reminders --neighbourhood=geuzenveld"
  expect -C cwd/examples current-folder "wijk checklist --agreement taal" -- "PROMPT> wijk checklist --agreement taalcafe-slotermeer"
  expect folders "wijk init exa" -- "PROMPT> wijk init examples/"
  expect shells "wijk completion " -- bash zsh fish
  # no data root: nothing to offer, and no error in the middle of the line
  expect -C home no-data-root "wijk reminders --partner x" -- "PROMPT> wijk reminders --partner x" -not "wijk:"
}
