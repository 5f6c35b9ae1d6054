#!/usr/bin/env bash
# Installing and packaging: `cmake --install` of the given build folder lays out the binary,
# every man page and the three shell completions where packagers expect them; `cpack` makes
# a .deb with the right name, fields, dependencies and files; and the package installs and
# runs. With CI=true as root it is installed for real with `dpkg -i` (and always removed
# again); otherwise it is unpacked with `dpkg-deb -x` and the unpacked binary is run.
# $1 is the CMake build folder (where the wijk binary is); the working folder is the repo root.
# Nothing is written into the build folder but CMake's install_manifest.txt.
set -u
build=$(cd "$1" && pwd)
repo=$(pwd)
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
fatal() { bad "$@"; echo "$pass passed, $fail failed"; exit 1; }  # nothing further can be checked
check() { # description command...
  local what=$1; shift
  if "$@"; then ok; else bad "$what"; fi
}

work=$(mktemp -d)
installed_for_real=0
cleanup() {
  if [ "$installed_for_real" = 1 ]; then dpkg -r wijk >/dev/null 2>&1 || echo "FAIL: dpkg -r wijk"; fi
  rm -rf "$work"
}
trap cleanup EXIT

version=$(sed -n 's/^project(wijk VERSION \([0-9][0-9.]*\).*/\1/p' "$repo/CMakeLists.txt")
[ -n "$version" ] || { fatal "no version in project() of CMakeLists.txt"; }
if [ ! -f "$build/CMakeCache.txt" ] || [ ! -f "$build/CPackConfig.cmake" ]; then
  fatal "$build is not a configured CMake build folder with CPack"
fi

# --- cmake --install ---------------------------------------------------------------------
inst=$work/inst
if ! cmake --install "$build" --prefix "$inst" >"$work/install.log" 2>&1; then
  cat "$work/install.log"; fatal "cmake --install"
fi
check "bin/wijk is an executable" test -x "$inst/bin/wijk"
got=$("$inst/bin/wijk" --version 2>&1)
check "installed wijk --version prints 'wijk $version', not '$got'" test "$got" = "wijk $version"
same_page() { # source page, installed folder
  [ -f "$2/$(basename "$1")" ] && cmp -s "$1" "$2/$(basename "$1")"
}
pages=0
for page in man/*.1; do
  check "$page is not installed as share/man/man1/$(basename "$page")" same_page "$page" "$inst/share/man/man1"
  pages=$((pages + 1))
done
for page in man/*.5; do
  check "$page is not installed as share/man/man5/$(basename "$page")" same_page "$page" "$inst/share/man/man5"
  pages=$((pages + 1))
done
for page in man/nl/*.1 man/nl/*.5; do # the Dutch summaries, under nl/man1 and nl/man5
  section=man${page##*.}
  check "$page is not installed as share/man/nl/$section/$(basename "$page")" same_page "$page" "$inst/share/man/nl/$section"
  pages=$((pages + 1))
done
check "wijk.1 and wijk-format.5 are among the pages" \
  test -f "$inst/share/man/man1/wijk.1" -a -f "$inst/share/man/man5/wijk-format.5"
check "nothing but the man pages is in share/man" \
  test "$(find "$inst/share/man" -type f | wc -l)" = "$pages"

bash_file=$inst/share/bash-completion/completions/wijk
zsh_file=$inst/share/zsh/vendor-completions/_wijk
fish_file=$inst/share/fish/vendor_completions.d/wijk.fish
# each installed script is what the installed binary prints, so never a stale one
for pair in "bash:$bash_file" "zsh:$zsh_file" "fish:$fish_file"; do
  shell=${pair%%:*} file=${pair#*:}
  if [ ! -s "$file" ]; then bad "no $shell completion at ${file#"$inst"/}"; continue; fi
  check "${file#"$inst"/} differs from 'wijk completion $shell'" \
    cmp -s "$file" <("$inst/bin/wijk" --lang en completion "$shell")
done
check "the zsh completion does not start with #compdef wijk" test "$(head -1 "$zsh_file" 2>/dev/null)" = "#compdef wijk"
check "the fish completion does not complete wijk" grep -q '^complete -c wijk ' "$fish_file"
# what bash-completion does when `wijk` is first completed: source the file by the command's name
got=$(bash --norc --noprofile -c 'source "$1" && complete -p wijk' bash "$bash_file" 2>&1)
check "the bash completion registers 'complete -F _wijk wijk', not '$got'" test "$got" = "complete -F _wijk wijk"

# --- cpack -------------------------------------------------------------------------------
if ! (cd "$work" && cpack --config "$build/CPackConfig.cmake" -B "$work/pkg" >"$work/cpack.log" 2>&1); then
  cat "$work/cpack.log"; fatal "cpack"
fi
arch=$(dpkg --print-architecture)
deb=$work/pkg/wijk_${version}_${arch}.deb
if [ ! -f "$deb" ]; then
  ls "$work/pkg"; fatal "cpack made no wijk_${version}_${arch}.deb"
fi
check "cpack wrote into the build folder" test ! -e "$build/_CPack_Packages"
field() { dpkg-deb -f "$deb" "$1"; }
check "Package: wijk" test "$(field Package)" = wijk
check "Version: $version, not $(field Version)" test "$(field Version)" = "$version"
check "Architecture: $arch, not $(field Architecture)" test "$(field Architecture)" = "$arch"
check "Section: utils, not $(field Section)" test "$(field Section)" = utils
check "a Maintainer with an e-mail address, not '$(field Maintainer)'" \
  grep -qE '^[^<]+ <[^@ ]+@[^> ]+>$' <<<"$(field Maintainer)"
description=$(field Description)
check "a Description with a synopsis line and an extended text under it" \
  test "$(wc -l <<<"$description")" -gt 2 -a -n "$(head -1 <<<"$description")"
check "the extended Description does not repeat the synopsis" \
  test "$(sed -n 2p <<<"$description" | sed 's/^ *//')" != "$(head -1 <<<"$description")"
depends=$(field Depends)
# the package names in Depends, without versions or alternatives
dep_names=$(sed 's/([^)]*)//g; s/[,|]/\n/g' <<<"$depends" | tr -d ' ')
for dep in libyaml-cpp0.7 libfmt9 libxlsxwriter4 libc6 libstdc++6 libgcc-s1; do
  check "Depends has $dep: '$depends'" grep -qxF "$dep" <<<"$dep_names"
done
check "dpkg-deb -I shows the Depends" grep -qxF " Depends: $depends" <(dpkg-deb -I "$deb")

dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|' > "$work/contents"
expected="/usr/bin/wijk /usr/share/bash-completion/completions/wijk
  /usr/share/zsh/vendor-completions/_wijk /usr/share/fish/vendor_completions.d/wijk.fish"
for page in man/*.1; do expected="$expected /usr/share/man/man1/$(basename "$page")"; done
for page in man/*.5; do expected="$expected /usr/share/man/man5/$(basename "$page")"; done
for page in man/nl/*.1 man/nl/*.5; do expected="$expected /usr/share/man/nl/man${page##*.}/$(basename "$page")"; done
for f in $expected; do
  check "the package does not hold $f" grep -qxF "$f" "$work/contents"
done
check "everything in the package is under /usr: $(grep -v '^/usr/' "$work/contents" | tr '\n' ' ')" \
  test -z "$(grep -v '^/$' "$work/contents" | grep -v '^/usr/')"
check "the package holds no paths of the build machine" test -z "$(grep -F -e "$build" -e "$repo" "$work/contents")"

# --- installing the package --------------------------------------------------------------
if [ "$(id -u)" = 0 ] && [ "${CI:-}" = true ] && ! dpkg-query -W -f='${Status}' wijk 2>/dev/null | grep -q 'ok installed'; then
  installed_for_real=1
  if DEBIAN_FRONTEND=noninteractive dpkg -i "$deb" >"$work/dpkg.log" 2>&1; then
    ok
    got=$(/usr/bin/wijk --version 2>&1)
    check "/usr/bin/wijk --version prints 'wijk $version', not '$got'" test "$got" = "wijk $version"
    check "dpkg -L wijk lists the bash completion" grep -qx /usr/share/bash-completion/completions/wijk <(dpkg -L wijk)
    check "the man page is at /usr/share/man/man1/wijk.1" test -f /usr/share/man/man1/wijk.1
    if dpkg -r wijk >"$work/dpkg.log" 2>&1; then
      installed_for_real=0
      check "dpkg -r wijk leaves /usr/bin/wijk behind" test ! -e /usr/bin/wijk
    else
      cat "$work/dpkg.log"; bad "dpkg -r wijk"
    fi
  else
    cat "$work/dpkg.log"; bad "dpkg -i $(basename "$deb")"
  fi
else
  # not root, not CI, or a wijk package is already installed: leave the machine alone
  if dpkg-deb -x "$deb" "$work/x"; then
    ok
    got=$("$work/x/usr/bin/wijk" --version 2>&1)
    check "the unpacked /usr/bin/wijk --version prints 'wijk $version', not '$got'" test "$got" = "wijk $version"
  else
    bad "dpkg-deb -x $(basename "$deb")"
  fi
fi

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
