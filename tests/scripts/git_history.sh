#!/usr/bin/env bash
# diff, log and --rev on real git repositories, the way hooks and CI call them: --rev never
# touches the working tree or the index; GIT_INDEX_FILE (a partial commit's hook), GIT_DIR with
# GIT_WORK_TREE, a linked worktree and a data root reached through a symbolic link all work.
set -u
bin=$(cd "$1" && pwd)/wijk
project=$(cd "$(dirname "$0")/../.." && pwd)
pass=0 fail=0
check() { if eval "$2"; then pass=$((pass+1)); else echo "FAIL: $1"; fail=$((fail+1)); fi; }
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=test@example.nl GIT_COMMITTER_NAME=Test GIT_COMMITTER_EMAIL=test@example.nl
export GIT_AUTHOR_DATE="2026-11-26T10:00:00+01:00" GIT_COMMITTER_DATE="2026-11-26T10:00:00+01:00"
unset GIT_DIR GIT_INDEX_FILE GIT_WORK_TREE GIT_CEILING_DIRECTORIES
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
repo=$work/repo
"$project/tests/cli/diff/history.sh" "$repo" >/dev/null
data=$repo/data

# --rev reads git objects only: the working tree, the index and HEAD stay as they were
state() { (cd "$repo" && git status --porcelain=v1 && git rev-parse HEAD && sha1sum .git/index && find data -type f -exec sha1sum {} + | sort); }
before=$(state)
"$bin" -C "$data" --rev v1 --as-of 2026-01-31 summary -o "$work/portfolio-2025.html" 2>/dev/null; s=$?
check "--rev summary -o: exit 0" '[ $s = 0 ] && grep -q "Woonstichting" "$work/portfolio-2025.html"'
"$bin" -C "$data" --rev v2 validate -q >/dev/null
"$bin" -C "$data" diff v1 -f json >/dev/null
"$bin" -C "$data" log agreement buurthuis-wildeman >/dev/null
check "the working tree, index and HEAD are untouched" '[ "$before" = "$(state)" ]'
out=$("$bin" -C "$data" --rev v1 --as-of 2026-01-31 summary agreement buurthuis-wildeman 2>/dev/null)
check "--rev v1: the notice as it was then" '[[ "$out" == *"3 months"* ]]'
out=$("$bin" -C "$data" --as-of 2026-01-31 summary agreement buurthuis-wildeman 2>/dev/null)
check "without --rev: the working tree" '[[ "$out" == *"9 months"* ]]'

# a partial commit's hook gets a temporary index in GIT_INDEX_FILE: --staged reads that one
cat > "$repo/.git/hooks/pre-commit" <<HOOK
#!/bin/sh
exec "$bin" -C data validate --staged -q
HOOK
chmod +x "$repo/.git/hooks/pre-commit"
(cd "$repo" && git reset -q --hard)
sed -i 's/kind: welfare/kind: welfar/' "$data/partners.yaml"
(cd "$repo" && git commit -q -m broken data/partners.yaml >/dev/null 2>&1); s=$?
check "partial commit: the hook sees the file committed and refuses it" '[ $s != 0 ]'
(cd "$repo" && git checkout -q data/partners.yaml)
sed -i 's/notice: 6 months/notice: 7 months/' "$data/agreements/wildeman.yaml"
(cd "$repo" && git commit -q -m fine data/agreements/wildeman.yaml >/dev/null 2>&1); s=$?
check "partial commit: a good file passes the hook" '[ $s = 0 ]'
rm "$repo/.git/hooks/pre-commit"

# GIT_DIR and GIT_WORK_TREE, as a hook of a repository with a separate git folder sees them
out=$(cd "$work" && GIT_DIR="$repo/.git" GIT_WORK_TREE="$repo" "$bin" -C "$data" diff HEAD~1 HEAD)
check "GIT_DIR + GIT_WORK_TREE: diff works" '[[ "$out" == *"notice: 6 months → 7 months"* ]]'

# a linked worktree (its .git is a file) at an older revision
(cd "$repo" && git worktree add -q "$work/old" v1 2>/dev/null)
out=$("$bin" -C "$work/old/data" diff HEAD v2)
check "linked worktree: diff between revisions" '[[ "$out" == *"huurders-oost"* ]]'
out=$("$bin" -C "$work/old/data" log agreement buurthuis-wildeman)
check "linked worktree: log starts at its own HEAD" '[[ "$out" == *"1 commit changed it"* ]]'

# a data root reached through a symbolic link
ln -s "$data" "$work/link-to-data"
out=$("$bin" -C "$work/link-to-data" diff v1 v2)
check "root through a link: the prefix is found on real paths" '[[ "$out" == *"speeltuin-oost"* ]]'

# diff says 0 whether or not records differ; log of a record nobody wrote is 1
"$bin" -C "$data" diff v1 v3 >/dev/null; s1=$?
"$bin" -C "$data" diff v3 v3 >/dev/null; s2=$?
check "diff exits 0 with and without differences" '[ $s1 = 0 ] && [ $s2 = 0 ]'

# a closed pipe ends quietly
"$bin" -C "$data" diff v1 v3 -f json | head -c 10 >/dev/null; s=${PIPESTATUS[0]}
check "diff | head: 0 or 141" '[ $s = 0 ] || [ $s = 141 ]'

# -o refuses to replace a data file, as every write does
"$bin" -C "$data" diff v1 v3 -o "$data/partners.yaml" 2>/dev/null; s=$?
check "diff -o a data file: refused (2)" '[ $s = 2 ] && grep -q "^partners:" "$data/partners.yaml"'

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
