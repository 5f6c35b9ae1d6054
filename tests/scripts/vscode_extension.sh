#!/usr/bin/env bash
# The VS Code extension (editors/vscode/): its few lines start `wijk lsp` as they should (run
# with stand-ins for VS Code's modules), `wijk lsp --stdio` (what vscode-languageclient runs)
# answers, and `npx @vscode/vsce package` turns it into a .vsix that holds the extension and
# vscode-languageclient. Needs npm and its registry: skipped with a message when the registry
# cannot be reached.
# Usage: tests/scripts/vscode_extension.sh BIN_DIR   (working folder: the repository root)
set -u
bin_dir=$(cd "${1:?usage: vscode_extension.sh BIN_DIR}" && pwd)
src=$(pwd)/editors/vscode
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# what vscode-languageclient starts: `wijk lsp --stdio`, spoken to on stdin
python3 - "$bin_dir/wijk" <<'PY' || fail "wijk lsp --stdio"
import json, subprocess, sys
msgs = [{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}},
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        {"jsonrpc": "2.0", "id": 2, "method": "shutdown"},
        {"jsonrpc": "2.0", "method": "exit"}]
data = b"".join(b"Content-Length: %d\r\n\r\n%s" % (len(b), b) for b in (json.dumps(m).encode() for m in msgs))
p = subprocess.run([sys.argv[1], "lsp", "--stdio"], input=data, capture_output=True, timeout=60)
assert p.returncode == 0, (p.returncode, p.stderr)
assert b'"hoverProvider":true' in p.stdout, p.stdout[:300]
PY

# `wijk init --vscode` recommends this extension by its id, and its wijk.* settings are the
# extension's; in an existing data repository it adds only .vscode/
"$bin_dir/wijk" -q init "$work/repo" || fail "wijk init"
"$bin_dir/wijk" init --vscode "$work/repo" >"$work/init.out" || fail "wijk init --vscode in a data repository"
python3 - "$src/package.json" "$work/repo/.vscode" "$work/init.out" <<'PY' || fail "the settings of wijk init --vscode"
import json, os, sys
pkg = json.load(open(sys.argv[1]))
rec = json.load(open(os.path.join(sys.argv[2], "extensions.json")))["recommendations"]
assert "%s.%s" % (pkg["publisher"], pkg["name"]) in rec, rec
settings = json.load(open(os.path.join(sys.argv[2], "settings.json")))
known = pkg["contributes"]["configuration"]["properties"]
for k in settings:
    assert not k.startswith("wijk.") or k in known, "the extension has no setting " + k
out = open(sys.argv[3]).read()
assert ".vscode/settings.json" in out and "wijk.yaml" not in out, out
PY
"$bin_dir/wijk" -C "$work/repo" -q validate || fail "validate after wijk init --vscode"

command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || { echo "vscode_extension: SKIPPED (no node and npm)"; exit 0; }
cp -r "$src" "$work/ext"
rm -rf "$work/ext/node_modules" "$work/ext"/*.vsix
node --check "$work/ext/extension.js" || fail "extension.js does not parse"
# stand-ins for VS Code's modules: no registry needed
node "$here/vscode_activate.js" "$work/ext" || fail "the extension does not start wijk lsp as it should"

if ! timeout 60 npm view vscode-languageclient@9 version >/dev/null 2>&1; then
  echo "vscode_extension: SKIPPED packaging (the npm registry cannot be reached)"
  exit 0
fi
cd "$work/ext" || exit 1
timeout 600 npm ci --no-audit --no-fund >"$work/npm.log" 2>&1 || { cat "$work/npm.log"; fail "npm ci"; }
timeout 900 npx --yes @vscode/vsce@3 package --skip-license --allow-missing-repository -o "$work/wijk.vsix" \
  >"$work/vsce.log" 2>&1 || { cat "$work/vsce.log"; fail "vsce package"; }
python3 - "$work/wijk.vsix" <<'PY' || fail "the .vsix lacks what it needs"
import json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = set(z.namelist())
for need in ("extension.vsixmanifest", "extension/package.json", "extension/extension.js",
             "extension/node_modules/vscode-languageclient/node.js",
             "extension/node_modules/vscode-jsonrpc/package.json"):
    assert need in names, "missing " + need
assert not any(n.endswith(".vsix") or n.endswith("package-lock.json") for n in names)
manifest = json.loads(z.read("extension/package.json"))
assert manifest["name"] == "wijk" and manifest["main"] == "./extension.js"
print("vsix: %d files, %d bytes" % (len(names), sum(i.file_size for i in z.infolist())))
PY
echo "vscode_extension: ok"
