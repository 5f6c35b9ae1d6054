#!/usr/bin/env bash
# Files and folders that cannot be read, and writes that fail: every case gives a clear
# message and the exit status of commands.md (3 for I/O), within a bounded time, and never
# leaves a half-written or clobbered file.
set -u
bin_dir=$(cd "$1" && pwd)
wijk() { timeout 20 "$bin_dir/wijk" "$@"; }
pass=0 fail=0
ok() { pass=$((pass+1)); }
bad() { echo "FAIL: $*"; fail=$((fail+1)); }
expect() { # expected-status description command...
  local want=$1 what=$2; shift 2
  "$@" >"$work/out" 2>"$work/err"
  local got=$?
  if [ "$got" = "$want" ]; then ok; else bad "$what: exit $got, expected $want"; sed 's/^/  | /' "$work/err" | head -5; fi
}
contains() { # file text description
  if grep -qF -- "$2" "$1"; then ok; else bad "$3: '$2' not in output"; sed 's/^/  | /' "$1" | head -5; fi
}
work=$(mktemp -d)
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
as_of=--as-of=2026-11-26

new_repo() {
  rm -rf "$work/repo"; mkdir -p "$work/repo"
  printf 'format: 1\n' > "$work/repo/wijk.yaml"
  printf 'neighbourhoods:\n  - {id: a, name: A, municipality: Amsterdam}\n' > "$work/repo/n.yaml"
}

# A FIFO named x.yaml: never opened for a blocking read.
new_repo; mkfifo "$work/repo/x.yaml"
expect 3 "fifo" wijk -C "$work/repo" $as_of validate -f parsable
contains "$work/out" "x.yaml:1:1: error:" "fifo located"
contains "$work/out" "[read-error]" "fifo rule"

# A FIFO as wijk.yaml: --help and a usage error look there for the language, and must not hang.
new_repo; rm "$work/repo/wijk.yaml"; mkfifo "$work/repo/wijk.yaml"
expect 0 "--help beside a fifo wijk.yaml" wijk -C "$work/repo" --help
contains "$work/out" "Usage:" "--help beside a fifo wijk.yaml prints the help"
expect 2 "usage error beside a fifo wijk.yaml" wijk -C "$work/repo" --no-such-option
contains "$work/err" "--no-such-option" "usage error beside a fifo wijk.yaml names the option"

# A loop of file links, and a folder link back up (not followed, so no loop).
new_repo; ln -s b.yaml "$work/repo/a.yaml"; ln -s a.yaml "$work/repo/b.yaml"
mkdir "$work/repo/sub"; ln -s .. "$work/repo/sub/up"
expect 3 "symlink loop" wijk -C "$work/repo" $as_of validate -f parsable
contains "$work/out" "a.yaml:1:1: error:" "symlink loop located"
new_repo; mkdir "$work/repo/sub"; ln -s .. "$work/repo/sub/up"
expect 0 "folder link not followed" wijk -C "$work/repo" $as_of validate

# A 100 MB file: refused by its size, without reading it.
new_repo; truncate -s 100M "$work/repo/huge.yaml"
expect 1 "100 MB file" wijk -C "$work/repo" $as_of validate -f parsable
contains "$work/out" "huge.yaml:1:1: error:" "huge located"
contains "$work/out" "[file-too-large]" "huge rule"

# Standard output that cannot be written: /dev/full.
new_repo
for cmd in validate summary reminders; do
  if [ -w /dev/full ]; then
    expect 3 "$cmd > /dev/full" sh -c "'$bin_dir/wijk' -C '$work/repo' $as_of $cmd > /dev/full"
    contains "$work/err" "wijk:" "$cmd > /dev/full says so"
  fi
done

# --help and --version to a stdout that fails: exit 3, not 0 with the text lost
if [ -w /dev/full ]; then
  for args in --help --version "summary --help"; do
    expect 3 "wijk $args > /dev/full" sh -c "'$bin_dir/wijk' $args > /dev/full"
    contains "$work/err" "cannot write standard output" "wijk $args > /dev/full says so"
  done
fi

# -o /dev/stdout is written in place, never renamed over (as root, a rename would replace the
# machine's /dev/stdout link with a file).
expect 0 "-o /dev/stdout" wijk -C "$work/repo" $as_of summary -f json -o /dev/stdout
contains "$work/out" '"as_of": "2026-11-26"' "-o /dev/stdout content"
if [ -L /dev/stdout ] || [ -c /dev/stdout ]; then ok; else bad "/dev/stdout was replaced"; fi
expect 0 "-o /dev/stderr" wijk -C "$work/repo" $as_of summary -f json -o /dev/stderr
contains "$work/err" '"as_of": "2026-11-26"' "-o /dev/stderr content"

# As an unprivileged user (CI runs as root): an unreadable file, and -o into a folder the
# user cannot write, which must leave the old file as it was.
run_as_nobody=""
if [ "$(id -u)" != 0 ]; then run_as_nobody=" "
elif command -v setpriv >/dev/null; then run_as_nobody="setpriv --reuid=65534 --regid=65534 --clear-groups"
elif command -v runuser >/dev/null; then run_as_nobody="runuser -u nobody --"
fi
if [ -n "$run_as_nobody" ]; then
  new_repo; chmod -R a+rX "$work/repo"
  printf 'partners: []\n' > "$work/repo/secret.yaml"; chmod 600 "$work/repo/secret.yaml"
  expect 3 "unreadable file" $run_as_nobody "$bin_dir/wijk" -C "$work/repo" $as_of validate -f parsable
  contains "$work/out" "secret.yaml:1:1: error:" "unreadable located"
  rm "$work/repo/secret.yaml"
  mkdir -p "$work/locked"; echo "old report" > "$work/locked/report.json"
  chmod 755 "$work/locked"; chmod 644 "$work/locked/report.json"
  expect 3 "-o into a read-only folder" $run_as_nobody "$bin_dir/wijk" -C "$work/repo" $as_of summary -o "$work/locked/report.json"
  if [ "$(cat "$work/locked/report.json")" = "old report" ]; then ok; else bad "old file clobbered"; fi
  if [ "$(ls -A "$work/locked" | wc -l)" = 1 ]; then ok; else bad "temporary file left behind"; fi
  # a target the user may not write, in a folder they may: exit 3 and left as it is (a rename
  # would replace it), as the shell's `>` would
  mkdir -p "$work/mine"; chown 65534 "$work/mine" 2>/dev/null || chmod 777 "$work/mine"
  echo "read-only report" > "$work/mine/report.json"; chmod 444 "$work/mine/report.json"
  expect 3 "-o onto a file the user may not write" $run_as_nobody "$bin_dir/wijk" -C "$work/repo" $as_of summary -f json -o "$work/mine/report.json"
  contains "$work/err" "report.json: Permission denied" "the unwritable target is named"
  if [ "$(cat "$work/mine/report.json")" = "read-only report" ]; then ok; else bad "the unwritable target was replaced"; fi
  if [ "$(ls -A "$work/mine" | wc -l)" = 1 ]; then ok; else bad "temporary file left behind (unwritable target)"; fi
else
  echo "skipped: no way to run as an unprivileged user"
fi

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
