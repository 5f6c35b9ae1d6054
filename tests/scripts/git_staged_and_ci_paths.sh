#!/usr/bin/env bash
# validate --staged reads the git index (what is being committed), not the working tree; the CI
# formats give paths relative to the git work tree; GitLab fingerprints survive moved lines.
# Real git repositories with fixed authors and dates.
set -u
bin=$(cd "$1" && pwd)/wijk
pass=0 fail=0
check() { if eval "$2"; then pass=$((pass+1)); else echo "FAIL: $1"; fail=$((fail+1)); fi; }
export GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=test@example.nl GIT_COMMITTER_NAME=Test GIT_COMMITTER_EMAIL=test@example.nl
export GIT_AUTHOR_DATE="2026-11-26T10:00:00+01:00" GIT_COMMITTER_DATE="2026-11-26T10:00:00+01:00"
unset GIT_DIR GIT_INDEX_FILE GIT_WORK_TREE GIT_CEILING_DIRECTORIES
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
repo=$work/repo
mkdir -p "$repo/data"
git -C "$repo" init -q
printf 'format: 1\n' > "$repo/data/wijk.yaml"
good='partners:
  - {id: dock, name: Dock, kind: welfare}
'
bad='partners:
  - {id: dock, name: Dock, kind: welfar}
'
printf '%s' "$good" > "$repo/data/partners.yaml"
git -C "$repo" add data && git -C "$repo" commit -qm start

# staged broken, fixed only in the working tree: --staged sees the broken one
printf '%s' "$bad" > "$repo/data/partners.yaml"
git -C "$repo" add data/partners.yaml
printf '%s' "$good" > "$repo/data/partners.yaml"
out=$("$bin" -C "$repo/data" --as-of 2026-11-26 validate --staged -f parsable); s=$?
check "--staged: the staged broken file fails" '[ $s = 1 ] && [[ "$out" == *"data/partners.yaml:2:"*"invalid-enum"* ]]'
"$bin" -C "$repo/data" --as-of 2026-11-26 validate -q >/dev/null; s=$?
check "the working tree is fine" '[ $s = 0 ]'

# an untracked broken draft does not block the commit; a staged fix passes
git -C "$repo" add data/partners.yaml
printf 'partners:\n  - {id: x, name: X, kind: nope}\n' > "$repo/data/draft.yaml"
"$bin" -C "$repo/data" --as-of 2026-11-26 validate --staged -q >/dev/null; s=$?
check "--staged: an untracked draft is not read" '[ $s = 0 ]'
"$bin" -C "$repo/data" --as-of 2026-11-26 validate -q >/dev/null; s=$?
check "without --staged the draft is read" '[ $s = 1 ]'
rm "$repo/data/draft.yaml"

# wijk.yaml from the index too: a staged language is used
printf 'format: 1\nlanguage: nl\n' > "$repo/data/wijk.yaml"
out=$("$bin" -C "$repo/data" --as-of 2026-11-26 validate --staged); s=$?
check "--staged: wijk.yaml is read from the index (still English)" '[[ "$out" == *"files read"* ]]'
git -C "$repo" add data/wijk.yaml
out=$("$bin" -C "$repo/data" --as-of 2026-11-26 validate --staged)
check "--staged: the staged wijk.yaml (Dutch)" '[[ "$out" == *"bestanden gelezen"* ]]'

# from inside the data folder, as a hook runs it from the top of the work tree
out=$(cd "$repo" && "$bin" -C data --as-of 2026-11-26 validate --staged -f github)
check "--staged works from the work tree root" '[ -n "${out+x}" ]'

# outside a work tree: exit 3 with a clear message
mkdir -p "$work/plain"
printf 'format: 1\n' > "$work/plain/wijk.yaml"
err=$("$bin" -C "$work/plain" validate --staged 2>&1 >/dev/null); s=$?
check "--staged outside git: exit 3" '[ $s = 3 ] && [[ "$err" == *"not inside a git work tree"* ]]'

# CI paths: relative to the work tree root; JSON keeps file and adds path
printf '%s' "$bad" > "$repo/data/partners.yaml"
out=$(cd "$repo" && "$bin" -C data --as-of 2026-11-26 validate -f github)
check "github: file=data/partners.yaml" '[[ "$out" == *"::error file=data/partners.yaml,line=2,"* ]]'
out=$(cd "$work" && "$bin" -C repo/data --as-of 2026-11-26 validate -f parsable)
check "parsable: data/partners.yaml from anywhere" '[[ "$out" == "data/partners.yaml:2:"* ]]'
out=$("$bin" -C "$repo/data" --as-of 2026-11-26 validate -f json)
check "json: file relative to the data root, path to the work tree" \
  '[[ "$out" == *"\"file\": \"partners.yaml\""* && "$out" == *"\"path\": \"data/partners.yaml\""* ]]'
out=$("$bin" -C "$repo/data" --as-of 2026-11-26 validate -f gitlab)
check "gitlab: location.path under the work tree" '[[ "$out" == *"\"path\": \"data/partners.yaml\""* ]]'
out=$("$bin" -C "$work/plain" --as-of 2026-11-26 validate -f json)
check "no work tree: path equals file" '[[ "$out" != *"\"path\": \"plain/"* ]]'

# GitLab fingerprints: the same problems keep theirs when lines move and in another language
cat > "$repo/data/agreements.yaml" <<'YAML'
neighbourhoods:
  - {id: n, name: N, municipality: M}
agreements:
  - {id: a, partner: nobody, title: A, neighbourhoods: [n, zz], start: 2026-01-01, notice: 3 months}
  - {id: b, partner: nobody, title: B, neighbourhoods: [n], start: 2026-01-01, notice: 3 months}
YAML
fp() { "$bin" -C "$repo/data" --as-of 2026-11-26 "$@" validate -f gitlab | grep fingerprint | sort; }
before=$(fp)
{ printf '# two comment lines\n# at the top\n'; cat "$repo/data/agreements.yaml"; } > "$repo/data/a.tmp" && mv "$repo/data/a.tmp" "$repo/data/agreements.yaml"
after=$(fp)
dutch=$(fp --lang nl)
n=$(printf '%s\n' "$before" | sort -u | wc -l)
check "fingerprints are distinct per problem" '[ "$n" = 4 ]'
check "fingerprints survive two added lines" '[ "$before" = "$after" ]'
check "fingerprints do not depend on the language" '[ "$before" = "$dutch" ]'
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
