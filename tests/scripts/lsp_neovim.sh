#!/usr/bin/env bash
# wijk lsp with a real editor: Neovim's built-in LSP client, headless, driven by
# tests/scripts/lsp_neovim.lua (diagnostics, completion after `partner: `, a fix that clears
# them, hover, go to definition). Without Neovim: skipped locally, a failure in CI (CI=true).
# Usage: tests/scripts/lsp_neovim.sh BIN_DIR
set -u
bin_dir=$(cd "${1:?usage: lsp_neovim.sh BIN_DIR}" && pwd)
if ! command -v nvim >/dev/null 2>&1; then
  if [ "${CI:-}" = true ]; then echo "FAIL: neovim not installed (scripts/deps --test)"; exit 1; fi
  echo "skipped: neovim not installed (scripts/deps --test installs it)"; exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/data
mkdir -p "$root"
cat > "$root/wijk.yaml" <<'YAML'
format: 1
staff:
  - {id: anouk, name: Anouk de Vries}
YAML
cat > "$root/neighbourhoods.yaml" <<'YAML'
neighbourhoods:
  - {id: oost, name: Oost, municipality: Amsterdam}
YAML
cat > "$root/partners.yaml" <<'YAML'
partners:
  - id: huurders-oost
    name: Huurdersvereniging Oost
    kind: tenants
  - id: buurtwerk
    name: Stichting Buurtwerk
    kind: welfare
YAML
cat > "$root/agreements.yaml" <<'YAML'
agreements:
  - id: buurtkamer
    partner: buurtwrk
    title: Buurtkamer Oost
    neighbourhoods: [oost]
    start: 2025-01-01
    end: 2027-12-31
    renewal: none
YAML
# Neovim without any user configuration, plugins or swap files; its home in the temp folder
export HOME=$work/home XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/share XDG_STATE_HOME=$work/state XDG_CACHE_HOME=$work/cache
mkdir -p "$HOME"
WIJK=$bin_dir/wijk WIJK_ROOT=$root timeout 180 nvim --headless --clean -n \
  -c "luafile $(cd "$(dirname "$0")" && pwd)/lsp_neovim.lua" >"$work/out" 2>"$work/err"
status=$?
cat "$work/out"
if [ $status -ne 0 ]; then
  echo "FAIL: nvim exited with status $status"
  cat "$work/err"
  exit 1
fi
grep -q "^ok   definition" "$work/out" || { echo "FAIL: the script did not reach its end"; cat "$work/err"; exit 1; }
echo "lsp_neovim: ok"
