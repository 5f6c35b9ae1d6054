#!/usr/bin/env bash
# `wijk init` is all or nothing: when a file cannot be written, nothing of the run is left
# (no file, no folder it made, no temporary file), exit 3 naming the file, and the next init
# into the same place then works.
#   - a full disk: a 48 KB tmpfs in a mount namespace of our own (unshare -rm; no root needed,
#     nothing mounted on the machine), where the disk fills up part way;
#   - a file too large for the process (ulimit -f, SIGXFSZ ignored as a shell does): EFBIG;
#   - a folder it may not write into: as root (CI) run as the unprivileged user 65534.
set -u
bin_dir=$(cd "$1" && pwd)
tmp=$(mktemp -d)
chmod 755 "$tmp"
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
cp "$bin_dir/wijk" "$tmp/wijk" && chmod 755 "$tmp/wijk"
fail=0
no() { echo "FAIL: $*"; fail=1; }
# left DIR: what is in DIR (hidden files included), one a line
left() { (cd "$1" && find . -mindepth 1 | sort); }

# 1. a full disk
if unshare -rm true 2>/dev/null; then
  mkdir "$tmp/disk"
  out=$(unshare -rm sh -c '
    mount -t tmpfs -o size=48k tmpfs "$1" || exit 99
    mkdir "$1/keep" && echo mine > "$1/keep/notes.txt"
    "$2" init "$1/repo" 2>"$1.err"; echo "status $?"
    cat "$1.err"
    echo "left:"; (cd "$1" && find . -mindepth 1 | sort)
    echo "again:"; rm -rf "$1/keep"; "$2" init "$1/small" >/dev/null 2>&1; echo "status $?"
  ' sh "$tmp/disk" "$tmp/wijk" 2>&1)
  case $out in
    *"status 99"*) no "full disk: could not mount a tmpfs in a namespace: $out" ;;
    *"status 3"*"No space left on device"*"nothing was created"*"left:"$'\n'"./keep"$'\n'"./keep/notes.txt"$'\n'"again:"*) ;;
    *) no "full disk: $out" ;;
  esac
else
  echo "note: unshare -rm is not allowed here: the full-disk case runs as a too-large file only"
fi

# 2. a file too large: the schemas are over 8 KB
out=$(cd "$tmp" && bash -c 'trap "" XFSZ; ulimit -f 8; exec ./wijk init big' 2>&1); status=$?
[ $status = 3 ] || no "file too large: status $status: $out"
case $out in *"cannot write big/"*"nothing was created"*) ;; *) no "file too large: message: $out" ;; esac
[ ! -e "$tmp/big" ] || no "file too large: left $(left "$tmp/big" | tr '\n' ' ')"
# into an existing folder: the folder stays, with what it had, and nothing else
mkdir "$tmp/have" && echo mine > "$tmp/have/notes.txt"
(cd "$tmp" && bash -c 'trap "" XFSZ; ulimit -f 8; exec ./wijk init have' >/dev/null 2>&1)
[ "$(left "$tmp/have")" = "./notes.txt" ] || no "file too large into a folder: left $(left "$tmp/have" | tr '\n' ' ')"
"$tmp/wijk" init "$tmp/have" >/dev/null 2>&1 || no "init after a failed one refused"

# 3. a folder it may not write: DIR/.github exists and is read-only, so .github/workflows fails
if [ "$(id -u)" = 0 ]; then
  if command -v setpriv >/dev/null; then as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  else as_user=(runuser -u nobody --); fi
else
  as_user=()
fi
mkdir -p "$tmp/perm/.github"
chmod 777 "$tmp/perm"
chmod 555 "$tmp/perm/.github"
out=$(cd "$tmp" && "${as_user[@]}" ./wijk init perm 2>&1); status=$?
[ $status = 3 ] || no "read-only folder: status $status: $out"
case $out in *"perm/.github/workflows"*"nothing was created"*) ;; *) no "read-only folder: message: $out" ;; esac
[ "$(left "$tmp/perm")" = "./.github" ] || no "read-only folder: left $(left "$tmp/perm" | tr '\n' ' ')"

[ $fail = 0 ] && echo "init_all_or_nothing: passed"
exit $fail
