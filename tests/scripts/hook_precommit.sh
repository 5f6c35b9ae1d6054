#!/usr/bin/env bash
# The pre-commit hook that `wijk init` writes, in a real git repository (fixed author, committer
# and dates; no user or system git configuration): it checks what is being committed, not the
# working folder, and without wijk it refuses the commit with a way out, in the repository's
# language.
set -u
bin_dir=$(cd "$1" && pwd)
command -v git >/dev/null || { echo "FAIL: git is not installed (scripts/deps --test)"; exit 1; }
git=$(command -v git)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
no() { echo "FAIL: $*"; fail=1; }
export GIT_CONFIG_NOSYSTEM=1 HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config"
export GIT_AUTHOR_NAME="Anouk de Vries" GIT_AUTHOR_EMAIL=anouk@example.org GIT_AUTHOR_DATE="2026-11-26T09:00:00+01:00"
export GIT_COMMITTER_NAME="Anouk de Vries" GIT_COMMITTER_EMAIL=anouk@example.org GIT_COMMITTER_DATE="2026-11-26T09:00:00+01:00"
mkdir -p "$HOME" "$tmp/nobin"
# commit REPO MESSAGE [PATH]: git commit with wijk on PATH (or the PATH given), its output in $out
commit() {
  out=$(cd "$1" && PATH="${3:-$bin_dir:/usr/bin:/bin}" "$git" commit -q -m "$2" 2>&1)
}
new_repo() { # DIR LANG
  PATH="$bin_dir:$PATH" wijk --lang "$2" init "$1" >/dev/null || no "init $1"
  "$git" -C "$1" init -q -b main && "$git" -C "$1" config core.hooksPath hooks
  "$git" -C "$1" add -A
  commit "$1" "A new data repository" || no "the hook refused the clean data of a new repository: $out"
}

repo=$tmp/en
new_repo "$repo" en
[ "$("$git" -C "$repo" rev-list --count HEAD)" = 1 ] || no "the first commit is not there"

# 1. a broken file staged, its fix only in the working folder: the commit is refused, and the
#    message is about the staged content
sed -i 's/kind: welfare/kind: tenant/' "$repo/partners.yaml"
"$git" -C "$repo" add partners.yaml
sed -i 's/kind: tenant/kind: welfare/' "$repo/partners.yaml"
if commit "$repo" "Partner kind"; then no "staged broken + unstaged fix: the commit went through"; fi
case $out in *"partners.yaml:10:11: error:"*"[invalid-enum]"*) ;; *) no "staged broken + unstaged fix: $out" ;; esac
[ "$("$git" -C "$repo" rev-list --count HEAD)" = 1 ] || no "a refused commit was made"
# the other way round: staged fix, broken only in the working folder: the commit goes through
"$git" -C "$repo" add partners.yaml
sed -i 's/kind: welfare/kind: tenant/' "$repo/partners.yaml"
"$git" -C "$repo" diff --cached --quiet && "$git" -C "$repo" reset -q
"$git" -C "$repo" checkout -q -- partners.yaml

# 2. an untracked broken draft.yaml does not block an unrelated commit
printf 'partners:\n  - id: Draft Partner\n    kind: nonsense\n' > "$repo/draft.yaml"
PATH="$bin_dir:$PATH" wijk -C "$repo" validate >/dev/null 2>&1 && no "draft.yaml is not broken"
sed -i 's/title: Meeting place and activities in Voorbeeldwijk/title: Meeting place in Voorbeeldwijk/' "$repo/agreements.yaml"
"$git" -C "$repo" add agreements.yaml
commit "$repo" "Shorter title" || no "untracked broken draft.yaml blocked an unrelated commit: $out"
[ "$("$git" -C "$repo" rev-list --count HEAD)" = 2 ] || no "the unrelated commit is not there"
rm "$repo/draft.yaml"

# 3. no wijk on PATH (a graphical git client): refused, with what is missing and how to fix it
sed -i 's/homes: 850/homes: 851/' "$repo/neighbourhoods.yaml"
"$git" -C "$repo" add neighbourhoods.yaml
if commit "$repo" "Homes" "$tmp/nobin"; then no "without wijk the commit went through"; fi
case $out in
  *"the program 'wijk' was not found"*"commit is refused"*'git config --global wijk.path "$(command -v wijk)"'*) ;;
  *) no "without wijk: $out" ;;
esac
case $out in *"not found"*"exec"*|*"exec: wijk"*) no "the shell's own error shows: $out" ;; esac
# the advice fits an 80-column terminal (the first line names PATH, which is as long as it is)
fits_80() { printf '%s\n' "$out" | awk -v what="$1" '/^wijk pre-commit hook/ { on = 1; next } on && length > 80 { print "FAIL: " what ": wider than 80 columns: " $0; bad = 1 } END { exit bad }' || fail=1; }
fits_80 "without wijk"
[ "$("$git" -C "$repo" rev-list --count HEAD)" = 2 ] || no "a commit was made without wijk"
# ... the fix it names works: git config wijk.path
"$git" -C "$repo" config wijk.path "$bin_dir/wijk"
commit "$repo" "Homes" "$tmp/nobin" || no "with git config wijk.path the commit was refused: $out"
# ... and a wijk.path that leads nowhere is named
"$git" -C "$repo" config wijk.path /opt/nowhere/wijk
sed -i 's/homes: 851/homes: 852/' "$repo/neighbourhoods.yaml"
"$git" -C "$repo" add neighbourhoods.yaml
if commit "$repo" "Homes again" "$tmp/nobin"; then no "a wrong wijk.path let the commit through"; fi
case $out in *"'/opt/nowhere/wijk' was not found (git config wijk.path)"*) ;; *) no "wrong wijk.path: $out" ;; esac
"$git" -C "$repo" config --unset wijk.path

# 4. in Dutch for a Dutch repository
repo=$tmp/nl
new_repo "$repo" nl
sed -i 's/homes: 850/homes: 851/' "$repo/neighbourhoods.yaml"
"$git" -C "$repo" add neighbourhoods.yaml
if commit "$repo" "Woningen" "$tmp/nobin"; then no "nl: without wijk the commit went through"; fi
case $out in *"het programma 'wijk' is niet gevonden"*"de commit is geweigerd"*"git config --global wijk.path"*) ;;
  *) no "nl: without wijk: $out" ;; esac
fits_80 "nl: without wijk"

# 5. a data root in a folder of the repository: the hook checks that folder's staged files
top=$tmp/top
mkdir -p "$top" && "$git" -C "$top" init -q -b main && echo "# Our project" > "$top/README.md"
PATH="$bin_dir:$PATH" wijk init "$top/data" >/dev/null || no "init in a folder"
"$git" -C "$top" config core.hooksPath data/hooks
"$git" -C "$top" add -A
commit "$top" "Data in a folder" || no "data in a folder: the hook refused clean data: $out"
sed -i 's/kind: welfare/kind: tenant/' "$top/data/partners.yaml"
"$git" -C "$top" add -A
if commit "$top" "Broken"; then no "data in a folder: broken data went through"; fi
case $out in *"partners.yaml:10:11: error:"*) ;; *) no "data in a folder: $out" ;; esac

[ $fail = 0 ] && echo "hook_precommit: passed"
exit $fail
