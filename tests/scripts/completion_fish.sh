#!/usr/bin/env bash
# `wijk completion fish` in a real interactive fish under tmux (see completion_tmux.bash): loaded
# as fish autoloads it (~/.config/fish/completions/wijk.fish), and piped to `source`; Tab
# pressed, the screen read.
set -u
bin_dir=$(cd "$1" && pwd)
export PATH="$bin_dir:$PATH"
command -v fish >/dev/null || { echo "FAIL: fish is not installed (scripts/deps --test)"; exit 1; }
work=$(mktemp -d)
source tests/scripts/completion_tmux.bash
tmux_setup
mkdir -p "$work/xdg/config/fish/completions"
wijk completion fish > "$work/xdg/config/fish/completions/wijk.fish" || { echo "FAIL: wijk completion fish"; exit 1; }
# no greeting, no grey suggestions from history, a fixed prompt
cat > "$work/xdg/config/fish/config.fish" <<'RC'
set -g fish_greeting
set -g fish_autosuggestion_enabled 0
function fish_prompt; printf 'PROMPT> '; end
function fish_right_prompt; end
RC
shell_cmd="fish -i"
common_cases
expect descriptions "wijk -C examples summary partner de-" -- "de-gouden-kraan" "Buurtcafé De Gouden Kraan"

rm "$work/xdg/config/fish/completions/wijk.fish"
echo 'wijk completion fish | source' >> "$work/xdg/config/fish/config.fish"
# (no long common prefix: fish's list would show "…" for it)
expect sourced "wijk -C examples summary agreement s" -- schoon-heel-veilig-nieuw-west sterke-buurt-holendrecht
finish completion_fish
