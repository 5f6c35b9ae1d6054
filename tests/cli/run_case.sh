#!/usr/bin/env bash
# Runs one golden case: CASE/cmd (a shell line using `wijk`), in CASE as the working folder,
# and compares stdout, stderr and the exit status with CASE/expected_{stdout,stderr,status}.
# UPDATE_GOLDEN=1 writes the expected files instead.
set -u
bin_dir=$1
case_dir=$2
project=$(cd "$(dirname "$0")/../.." && pwd)
cd "$case_dir" || exit 2
out=$(mktemp) err=$(mktemp)
# the parse cache: a fresh one per case (its wijk calls share it), or WIJK_TEST_CACHE, which
# scripts/check sets to run the suite twice on one cache (written, then read) and once without
cache=${WIJK_TEST_CACHE:-$(mktemp -d)}
trap 'rm -f "$out" "$err"; [ -n "${WIJK_TEST_CACHE:-}" ] || rm -rf "$cache"' EXIT
# a clean, reproducible environment: no colour, no data root or terminal width from the caller;
# the cases' data lie inside this project's git work tree: paths in CI formats are those of a
# data folder in no repository (a case that wants one makes its own git repository)
env -u NO_COLOR -u CLICOLOR_FORCE -u FORCE_COLOR -u WIJK_DATA -u COLUMNS -u GIT_DIR -u GIT_INDEX_FILE -u GIT_WORK_TREE \
  GIT_CEILING_DIRECTORIES="$project" XDG_CACHE_HOME="$cache" TERM=dumb LC_ALL=C.UTF-8 \
  PATH="$bin_dir:$PATH" timeout 60 bash -c "$(cat cmd)" >"$out" 2>"$err" </dev/null
status=$?
if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
  cp "$out" expected_stdout
  cp "$err" expected_stderr
  echo "$status" > expected_status
  exit 0
fi
fail=0
if [ "$status" != "$(cat expected_status)" ]; then
  echo "exit status: expected $(cat expected_status), got $status"
  fail=1
fi
if ! diff -u expected_stdout "$out" > /dev/null; then
  echo "stdout differs:"; diff -u expected_stdout "$out" | head -60
  fail=1
fi
if ! diff -u expected_stderr "$err" > /dev/null; then
  echo "stderr differs:"; diff -u expected_stderr "$err" | head -60
  fail=1
fi
exit $fail
