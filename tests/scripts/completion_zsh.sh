#!/usr/bin/env bash
# `wijk completion zsh` in a real interactive zsh under tmux (see completion_tmux.bash): loaded
# as packages install it (the file _wijk in a folder of $fpath, then compinit), and as the man
# page says for ~/.zshrc (source <(wijk completion zsh)); Tab pressed, the screen read.
set -u
bin_dir=$(cd "$1" && pwd)
export PATH="$bin_dir:$PATH"
command -v zsh >/dev/null || { echo "FAIL: zsh is not installed (scripts/deps --test)"; exit 1; }
work=$(mktemp -d)
source tests/scripts/completion_tmux.bash
tmux_setup
mkdir -p "$work/zdot" "$work/functions"
wijk completion zsh > "$work/functions/_wijk" || { echo "FAIL: wijk completion zsh"; exit 1; }
# compinit -u: the test's folders belong to whoever runs it; -d: its dump file stays in $work;
# no LIST_AMBIGUOUS: the first Tab lists the candidates also when it inserted a common prefix
cat > "$work/zdot/.zshrc" <<RC
fpath=($work/functions \$fpath)
autoload -U compinit && compinit -u -d $work/zcompdump
unsetopt LIST_AMBIGUOUS
PROMPT='PROMPT> '
RC
shell_cmd="zsh -i"
common_cases
# descriptions beside the words
expect descriptions "wijk -C examples summary partner de-" -- "de-gouden-kraan" "Buurtcafé De Gouden Kraan"

# sourced from ~/.zshrc, after compinit
cat > "$work/zdot/.zshrc" <<RC
autoload -U compinit && compinit -u -d $work/zcompdump
source <(wijk completion zsh)
unsetopt LIST_AMBIGUOUS
PROMPT='PROMPT> '
RC
expect sourced "wijk -C examples summary agreement buurtk" -- buurtkamer-kolenkit buurtkamer-venserpolder
finish completion_zsh
