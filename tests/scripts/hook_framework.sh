#!/usr/bin/env bash
# The project's .pre-commit-hooks.yaml with the pre-commit framework itself (Debian's
# pre-commit, scripts/deps --test): the manifest is valid, and a data repository that adds the
# three lines of the README gets its commits checked: clean data passes, staged broken data is
# refused, an untracked broken draft does not block, and a commit that only deletes a file runs
# the check too. Fixed authors and dates; the framework's cache inside the test's folder.
set -u
bin_dir=$(cd "$1" && pwd)
source_root=$(pwd)
command -v pre-commit >/dev/null || { echo "FAIL: pre-commit is not installed (scripts/deps --test)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
no() { echo "FAIL: $*"; fail=1; }
export PATH="$bin_dir:$PATH" GIT_CONFIG_NOSYSTEM=1 HOME="$tmp/home" PRE_COMMIT_HOME="$tmp/cache"
export GIT_AUTHOR_NAME=Fatima GIT_AUTHOR_EMAIL=fatima@example.org GIT_AUTHOR_DATE="2026-11-26T09:00:00+01:00"
export GIT_COMMITTER_NAME=Fatima GIT_COMMITTER_EMAIL=fatima@example.org GIT_COMMITTER_DATE="2026-11-26T09:00:00+01:00"
mkdir -p "$HOME"

out=$(pre-commit validate-manifest "$source_root/.pre-commit-hooks.yaml" 2>&1) || no "the manifest: $out"
# the hooks repository as the framework clones it: the manifest of this working tree, committed
hooks=$tmp/wijk
mkdir "$hooks" && cp "$source_root/.pre-commit-hooks.yaml" "$hooks/"
git -C "$hooks" init -q -b main && git -C "$hooks" add -A && git -C "$hooks" commit -qm "wijk hooks"
rev=$(git -C "$hooks" rev-parse HEAD)

repo=$tmp/data
wijk init "$repo" >/dev/null || no "wijk init"
git -C "$repo" init -q -b main
# the three lines of the README (under repos:)
cat > "$repo/.pre-commit-config.yaml" <<YAML
repos:
  - repo: $hooks
    rev: $rev
    hooks: [{id: wijk-validate}]
YAML
out=$(pre-commit validate-config "$repo/.pre-commit-config.yaml" 2>&1) || no "the config: $out"
(cd "$repo" && pre-commit install >/dev/null) || no "pre-commit install"
commit() { out=$(cd "$repo" && git add "$@" && git commit -q -m "change" 2>&1); }
commit -A || no "clean data refused: $out"

sed -i 's/kind: welfare/kind: tenant/' "$repo/partners.yaml"
if commit partners.yaml; then no "staged broken data went through"; fi
case $out in *"wijk validate (the staged data)"*"Failed"*"partners.yaml:10:11: error:"*) ;; *) no "broken data: $out" ;; esac
git -C "$repo" checkout -q HEAD -- partners.yaml

printf 'partners:\n  - id: Draft\n' > "$repo/draft.yaml"
sed -i 's/homes: 850/homes: 851/' "$repo/neighbourhoods.yaml"
commit neighbourhoods.yaml || no "an untracked broken draft blocked the commit: $out"
rm "$repo/draft.yaml"

# deleting the file the others refer to: the check runs although no data file is staged
git -C "$repo" rm -q partners.yaml
out=$(cd "$repo" && git commit -q -m "remove partners" 2>&1) && no "deleting partners.yaml went through"
case $out in *"dangling-ref"*|*"unknown partner"*|*"partner"*) ;; *) no "deleting partners.yaml: $out" ;; esac

[ $fail = 0 ] && echo "hook_framework: passed"
exit $fail
