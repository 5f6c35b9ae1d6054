#!/usr/bin/env bash
# wijk lsp at the protocol level: tests/scripts/lsp_protocol.py drives the server over its
# stdin and stdout (every capability, the cross-file case, incremental sync with non-ASCII text,
# malformed input, never writing a file).
# Usage: tests/scripts/lsp_protocol.sh BIN_DIR
set -u
bin_dir=$(cd "${1:?usage: lsp_protocol.sh BIN_DIR}" && pwd)
exec timeout 600 python3 "$(dirname "$0")/lsp_protocol.py" "$bin_dir/wijk"
