#!/usr/bin/env bash
# `wijk init` end to end: the new repository validates clean (no errors, no warnings) in both
# languages, every example file starts with its yaml-language-server line, the hook is
# executable and runs, and a second init changes nothing and exits 1.
set -u
bin_dir=$(cd "$1" && pwd)
export PATH="$bin_dir:$PATH"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
no() { echo "FAIL: $*"; fail=1; }

for lang in en nl; do
  repo="$tmp/$lang"
  wijk --lang $lang init "$repo" >/dev/null || no "init --lang $lang"
  out=$(wijk -C "$repo" validate --strict 2>&1) || no "$lang: validate --strict: $out"
  case $out in *"0 errors, 0 warnings"*|*"0 fouten, 0 waarschuwingen"*) ;; *) no "$lang: not clean: $out" ;; esac
  for c in neighbourhoods liveability partners agreements evaluations strategies; do
    head -1 "$repo/$c.yaml" | grep -q '^# yaml-language-server: \$schema=.wijk/data.schema.json$' \
      || no "$lang: $c.yaml lacks the schema line"
    grep -q "^$c:" "$repo/$c.yaml" || no "$lang: $c.yaml has no $c collection"
  done
  # every key of data-format.md section 4 is shown in wijk.yaml
  for k in format organisation language exclude reminders horizon evaluations due since staff csv watch \
           max_class max_score privacy contacts_in_reports; do
    grep -q "^#\? *$k:" "$repo/wijk.yaml" || no "$lang: wijk.yaml does not show $k"
  done
  [ -x "$repo/hooks/pre-commit" ] || no "$lang: hook not executable"
  [ -f "$repo/README.md" ] && [ -f "$repo/.gitignore" ] && [ -f "$repo/.github/workflows/wijk.yml" ] \
    || no "$lang: README, .gitignore or workflow missing"
  grep -q 'wijk validate --format github' "$repo/.github/workflows/wijk.yml" || no "workflow: validate"
  grep -q 'wijk reminders --check' "$repo/.github/workflows/wijk.yml" || no "workflow: reminders --check"
  [ -f "$repo/.wijk/data.schema.json" ] || no "$lang: schema missing"
done
grep -q '^language: nl' "$tmp/nl/wijk.yaml" || no "nl: wijk.yaml not in Dutch"
grep -q 'Een partner toevoegen' "$tmp/nl/README.md" || no "nl: README not in Dutch"

# the hook in a git repository: passes on clean data, refuses broken data
if command -v git >/dev/null; then
  repo="$tmp/en"
  git -C "$repo" init -q && git -C "$repo" config core.hooksPath hooks
  git -C "$repo" add -A && git -C "$repo" -c user.name=t -c user.email=t@example.org commit -qm init \
    || no "hook refused clean data"
  sed -i 's/kind: welfare/kind: tenant/' "$repo/partners.yaml"
  git -C "$repo" add -A
  if out=$(git -C "$repo" -c user.name=t -c user.email=t@example.org commit -qm broken 2>&1); then
    no "hook let broken data through"
  fi
  case $out in *"partners.yaml:10:11: error:"*"[invalid-enum]"*) ;; *) no "hook output: $out" ;; esac
fi

# a second init: exit 1, names the files, changes nothing
before=$(cd "$tmp/nl" && find . -type f -newer /dev/null -exec md5sum {} + | sort)
err=$(wijk init "$tmp/nl" 2>&1 >/dev/null); status=$?
[ $status = 1 ] || no "second init: status $status"
case $err in *"wijk.yaml"*"README.md"*) ;; *) no "second init message: $err" ;; esac
after=$(cd "$tmp/nl" && find . -type f -exec md5sum {} + | sort)
[ "$before" = "$after" ] || no "second init changed files"
# one existing file is enough to write nothing at all
mkdir "$tmp/one" && echo keep > "$tmp/one/README.md"
wijk init "$tmp/one" >/dev/null 2>&1; status=$?
[ $status = 1 ] || no "init over README.md: status $status"
[ "$(ls -A "$tmp/one")" = README.md ] && [ "$(cat "$tmp/one/README.md")" = keep ] || no "init over README.md wrote files"

[ $fail = 0 ] && echo "init_roundtrip: passed"
exit $fail
