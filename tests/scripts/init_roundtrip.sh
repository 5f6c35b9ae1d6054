#!/usr/bin/env bash
# `wijk init` end to end: the new repository validates clean (no errors, no warnings) in both
# languages, every example file starts with its yaml-language-server line, every file is in the
# repository's language, the scripts are executable, a second init changes nothing and exits 1,
# and in a git repository a README.md or .gitignore of its own is kept.
# (The hook is run by hook_precommit.sh, the CI samples by ci_samples.sh, all-or-nothing by
# init_all_or_nothing.sh.)
set -u
bin_dir=$(cd "$1" && pwd)
export PATH="$bin_dir:$PATH"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
no() { echo "FAIL: $*"; fail=1; }
has() { grep -qF -- "$2" "$1" || no "$1 lacks '$2'"; }
lacks() { ! grep -qF -- "$2" "$1" || no "$1 has '$2'"; }

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
  for k in format organisation language exclude reminders horizon lead from fallback evaluations due since \
           staff csv watch max_class max_score privacy contacts_in_reports; do
    grep -q "^#\? *$k:" "$repo/wijk.yaml" || no "$lang: wijk.yaml does not show $k"
  done
  for f in hooks/pre-commit ci/install-wijk.sh; do [ -x "$repo/$f" ] || no "$lang: $f not executable"; done
  for f in README.md .gitignore .github/workflows/wijk.yml .gitlab-ci.yml cron/wijk.crontab .wijk/data.schema.json \
           .wijk/config.schema.json; do
    [ -f "$repo/$f" ] || no "$lang: $f missing"
  done
  has "$repo/hooks/pre-commit" 'validate --staged'
  has "$repo/.github/workflows/wijk.yml" 'wijk -C . validate --format github'
  has "$repo/.github/workflows/wijk.yml" 'wijk -C . reminders --check'
  has "$repo/.gitlab-ci.yml" 'validate --format gitlab -o gl-code-quality-report.json'
  has "$repo/.gitlab-ci.yml" 'codequality: gl-code-quality-report.json'
  has "$repo/cron/wijk.crontab" '--format email --sendmail "/usr/sbin/sendmail -t -oi"'
  has "$repo/cron/wijk.crontab" '--format email --out '
  # no path to this machine in anything written
  ! grep -rqF -e "$tmp" -e "$bin_dir" "$repo" || no "$lang: a path of this machine was written"
done
# the words people read are in the repository's language; month-days by name
grep -q '^language: nl' "$tmp/nl/wijk.yaml" || no "nl: wijk.yaml does not say language: nl"
has "$tmp/en/wijk.yaml" '"10-01"             # 1 October'
has "$tmp/nl/wijk.yaml" '"10-01"             # 1 oktober'
has "$tmp/nl/README.md" 'Een partner toevoegen'
has "$tmp/nl/partners.yaml" '# Partners: organisaties waarmee'
has "$tmp/nl/agreements.yaml" 'title: Ontmoetingsplek en activiteiten in Voorbeeldwijk'
has "$tmp/nl/strategies.yaml" '- Meer bewoners die hun buren kennen'
has "$tmp/nl/hooks/pre-commit" 'de commit is geweigerd'
has "$tmp/nl/ci/install-wijk.sh" 'is niet gezet'
has "$tmp/nl/.github/workflows/wijk.yml" 'elke maandag'
has "$tmp/nl/.gitlab-ci.yml" 'elke maandag'
has "$tmp/nl/cron/wijk.crontab" '1 = maandag'
has "$tmp/nl/.gitignore" '# Tijdelijke bestanden'
for f in README.md partners.yaml agreements.yaml hooks/pre-commit .gitlab-ci.yml cron/wijk.crontab; do
  lacks "$tmp/nl/$f" ' the '
done
has "$tmp/en/cron/wijk.crontab" '(1 = Monday)'

# a second init: exit 1, names the files, changes nothing
before=$(cd "$tmp/nl" && find . -type f -exec md5sum {} + | sort)
err=$(wijk init "$tmp/nl" 2>&1 >/dev/null); status=$?
[ $status = 1 ] || no "second init: status $status"
case $err in *"wijk.yaml"*"README.md"*) ;; *) no "second init message: $err" ;; esac
after=$(cd "$tmp/nl" && find . -type f -exec md5sum {} + | sort)
[ "$before" = "$after" ] || no "second init changed files"
# outside a git repository, one existing file it would write is enough to write nothing at all
mkdir "$tmp/one" && echo keep > "$tmp/one/README.md"
wijk init "$tmp/one" >/dev/null 2>&1; status=$?
[ $status = 1 ] || no "init over README.md: status $status"
[ "$(ls -A "$tmp/one")" = README.md ] && [ "$(cat "$tmp/one/README.md")" = keep ] || no "init over README.md wrote files"
# other files in DIR do not matter
mkdir "$tmp/other" && echo notes > "$tmp/other/notes.txt"
wijk init "$tmp/other" >/dev/null 2>&1 || no "init next to an unrelated file refused"
[ "$(cat "$tmp/other/notes.txt")" = notes ] || no "init changed an unrelated file"

# a git repository with a README.md and a .gitignore of its own: both kept, WIJK.md for the
# editors, and what .gitignore lacks printed (not what it has already)
repo="$tmp/git"
mkdir -p "$repo/.git" && printf '# Our project\n' > "$repo/README.md" && printf 'node_modules/\n/reports/\n' > "$repo/.gitignore"
out=$(wijk init "$repo" 2>&1) || no "init in a git repository with README.md: $out"
[ "$(cat "$repo/README.md")" = "# Our project" ] || no "the repository's README.md was changed"
[ "$(cat "$repo/.gitignore")" = "$(printf 'node_modules/\n/reports/')" ] || no "the repository's .gitignore was changed"
has "$repo/WIJK.md" '## Adding a partner'
case $out in *"WIJK.md"*".gitignore was there already"*"  .*.wijk-*"*"  gl-code-quality-report.json"*) ;; *) no "init in git: $out" ;; esac
case $out in *"  /reports/"*) no "printed a line .gitignore has: $out" ;; esac
grep -q 'WIJK.md' <<<"$out" || no "the README's new name is not said"
# in a folder of a repository: the hook and CI run wijk -C on that folder from the top
mkdir -p "$tmp/top/.git"
out=$(wijk init "$tmp/top/data" 2>&1) || no "init in a folder of a repository: $out"
has "$tmp/top/data/hooks/pre-commit" 'exec "$wijk" -C "$top/data" validate --staged'
has "$tmp/top/data/.github/workflows/wijk.yml" 'run: sh data/ci/install-wijk.sh'
has "$tmp/top/data/.gitlab-ci.yml" 'wijk -C data validate --format gitlab'
has "$tmp/top/data/README.md" 'git config core.hooksPath data/hooks'
case $out in *"core.hooksPath data/hooks"*"move"*"$tmp/top"*) ;; *) no "init in a folder: $out" ;; esac
# inside another data repository: a warning, as its validate would read these files
out=$(wijk init "$tmp/en/nested" 2>&1 >/dev/null) || no "nested init failed"
case $out in *"warning:"*"inside the data repository $tmp/en"*"exclude"*) ;; *) no "no nested warning: $out" ;; esac

[ $fail = 0 ] && echo "init_roundtrip: passed"
exit $fail
