#!/usr/bin/env bash
# `wijk checklist --out DIR` when DIR cannot be written: exit 3, a message naming the path, and
# no file left behind (no partial file, no temporary file).
# Permissions do not bind root, so as root (CI) wijk runs as the unprivileged user 65534.
# Usage: checklist_unwritable.sh BIN_DIR (run from the source root).
set -u
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

if [ "$(id -u)" = 0 ]; then
  if command -v setpriv >/dev/null; then
    as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  elif command -v runuser >/dev/null; then
    as_user=(runuser -u nobody --)
  else
    echo "SKIP: running as root and neither setpriv nor runuser exists"
    exit 0
  fi
else
  as_user=()
fi

chmod 755 "$tmp"
mkdir "$tmp/bin"
cp "$1/wijk" "$tmp/bin/wijk"
cp -r tests/cli/checklist/data "$tmp/data"
chmod -R a+rX "$tmp"
wijk() { (cd "$tmp" && "${as_user[@]}" "$tmp/bin/wijk" -C "$tmp/data" --as-of 2026-01-05 "$@"); }

# 1. DIR itself is not writable: DIR/2026 cannot be made
mkdir "$tmp/out1"
chmod 555 "$tmp/out1"
wijk checklist --out "$tmp/out1" >"$tmp/stdout" 2>"$tmp/stderr"
status=$?
[ "$status" = 3 ] || fail "unwritable DIR: exit $status, expected 3"
grep -q "out1/2026" "$tmp/stderr" || { cat "$tmp/stderr"; fail "the message does not name the folder"; }
[ -z "$(ls -A "$tmp/out1")" ] || fail "something was left in the unwritable DIR"
[ ! -s "$tmp/stdout" ] || fail "paths were printed though nothing was written"

# 2. DIR/YEAR exists but is not writable: every file fails, none is left behind, not even a
#    temporary one, and a file that was there stays as it was
mkdir -p "$tmp/out2/2026"
echo mine >"$tmp/out2/2026/leap.md"
chmod 555 "$tmp/out2/2026"
chmod 444 "$tmp/out2/2026/leap.md"
wijk checklist --out "$tmp/out2" --force >"$tmp/stdout" 2>"$tmp/stderr"
status=$?
[ "$status" = 3 ] || fail "unwritable DIR/2026: exit $status, expected 3"
grep -q "cannot write .*out2/2026/tacit.md" "$tmp/stderr" || { cat "$tmp/stderr"; fail "no message naming tacit.md"; }
[ "$(ls -A "$tmp/out2/2026")" = leap.md ] || { ls -A "$tmp/out2/2026"; fail "files were left behind"; }
[ "$(cat "$tmp/out2/2026/leap.md")" = mine ] || fail "the existing file was changed"
[ ! -s "$tmp/stdout" ] || fail "paths were printed though nothing was written"

# 3. the same without --force: the existing file is skipped, the others fail: exit 3 wins
wijk checklist --out "$tmp/out2" >"$tmp/stdout" 2>"$tmp/stderr"
status=$?
[ "$status" = 3 ] || fail "unwritable DIR/2026 without --force: exit $status, expected 3"
grep -q "leap.md exists" "$tmp/stderr" || { cat "$tmp/stderr"; fail "the existing file was not reported as skipped"; }
[ "$(ls -A "$tmp/out2/2026")" = leap.md ] || fail "files were left behind"

# 4. -o FILE in an unwritable folder: exit 3, nothing left
wijk checklist -o "$tmp/out1/all.md" >/dev/null 2>"$tmp/stderr"
status=$?
[ "$status" = 3 ] || fail "-o into an unwritable folder: exit $status, expected 3"
[ -z "$(ls -A "$tmp/out1")" ] || fail "something was left in the unwritable folder"
echo "ok"
