#!/usr/bin/env bash
# The summary HTML of examples/ renders in a real browser: headless Chromium takes a screenshot,
# which must exist and not be blank; the page must hold inline SVG charts.
# Without Chromium: skipped locally, a failure in CI (CI=true).
set -u
bin=$1/wijk
chromium=/usr/bin/chromium
if [ ! -x "$chromium" ]; then
  if [ "${CI:-}" = true ]; then echo "FAIL: chromium not installed (required in CI)"; exit 1; fi
  echo "skipped: chromium not installed"; exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" -C examples --as-of 2026-11-26 summary -f html -o "$work/summary.html" || { echo "FAIL: wijk summary"; exit 1; }
grep -q '<svg' "$work/summary.html" || { echo "FAIL: no <svg in the page"; exit 1; }
timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --user-data-dir="$work/profile" \
  --screenshot="$work/out.png" --window-size=1200,2000 "file://$work/summary.html" >"$work/log" 2>&1
[ -s "$work/out.png" ] || { echo "FAIL: no screenshot"; cat "$work/log"; exit 1; }
python3 - "$work/out.png" <<'PY' || exit 1
import sys, zlib, struct
data = open(sys.argv[1], 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
# decode the IDAT stream and count distinct byte values: a blank page is one colour
pos, idat = 8, b''
while pos < len(data):
    n, kind = struct.unpack('>I4s', data[pos:pos + 8])
    if kind == b'IDAT':
        idat += data[pos + 8:pos + 8 + n]
    pos += 12 + n
raw = zlib.decompress(idat)
distinct = len(set(raw))
if distinct < 16:
    print(f'FAIL: the screenshot looks blank ({distinct} distinct byte values)')
    sys.exit(1)
print(f'ok: screenshot {len(data)} bytes, {distinct} distinct byte values')
PY
