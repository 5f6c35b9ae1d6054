#!/usr/bin/env bash
# The summary HTML renders in a real browser (headless Chromium):
# - a screenshot of the page of examples/ exists and is not blank, and the page holds inline SVG;
# - measured in the browser at 800 and 1280 pixels (a copy of the page with a checking script
#   added, its findings read back with --dump-dom): no chart label overlaps another or is cut
#   off at the edge of its chart, the timeline's text is drawn at 11 px or more, its rows are the
#   agreements table's rows in the same order with whole ids, every year a bar covers has a
#   tick, and every colour and mark of the charts is in a legend, and the page never scrolls sideways
#   (a wide table scrolls in its own box). Checked for examples/ (English
#   and Dutch) and for generated data made to provoke overlaps: very long ids, the as-of date in
#   the first days of a year and near the right edge, a bar of one day.
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
fail=0
run_chromium() {  # run_chromium WIDTH OUT_OPTION... URL
  local width=$1; shift
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$work/profile" \
    --window-size="$width",2000 --virtual-time-budget=2000 "$@" 2>>"$work/log"
}

"$bin" -C examples --as-of 2026-11-26 summary -f html -o "$work/summary.html" || { echo "FAIL: wijk summary"; exit 1; }
grep -q '<svg' "$work/summary.html" || { echo "FAIL: no <svg in the page"; exit 1; }
run_chromium 1200 --screenshot="$work/out.png" "file://$work/summary.html" >/dev/null
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
[ $? = 0 ] || fail=1

# The checks, run in the page; they write their findings into <pre id="wijk-check">.
cat > "$work/check.js" <<'JS'
(function () {
  const problems = [];
  const say = (s) => problems.push(s);
  const box = (e) => e.getBoundingClientRect();
  const overlap = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  const inside = (a, b) => a.left >= b.left - 0.5 && a.right <= b.right + 0.5 && a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5;
  document.querySelectorAll('svg').forEach((svg, n) => {
    const s = box(svg);
    const texts = Array.from(svg.querySelectorAll('text'));
    texts.forEach((t) => { if (!inside(box(t), s)) say(`svg ${n}: "${t.textContent}" is cut off at the edge`); });
    for (let i = 0; i < texts.length; ++i)
      for (let j = i + 1; j < texts.length; ++j)
        if (overlap(box(texts[i]), box(texts[j])))
          say(`svg ${n}: "${texts[i].textContent}" overlaps "${texts[j].textContent}"`);
  });
  const timeline = document.querySelector('svg.timeline, svg[aria-label^="Timeline"], svg[aria-label^="Tijdlijn"]');
  if (timeline) {
    // the font size as drawn: the CSS size times the scale of the viewBox on the page
    const scale = box(timeline).width / timeline.viewBox.baseVal.width;
    timeline.querySelectorAll('text').forEach((t) => {
      const px = parseFloat(getComputedStyle(t).fontSize) * scale;
      if (px < 11) say(`timeline text "${t.textContent}" is drawn at ${px.toFixed(1)} px`);
    });
    const rows = Array.from(timeline.querySelectorAll('text.id')).map((t) => t.textContent);
    const table = Array.from(document.querySelectorAll('table[data-table="agreements"] tbody tr td:first-child'))
      .map((td) => td.textContent);
    const dated = Array.from(timeline.querySelectorAll('rect[data-id]')).map((r) => r.dataset.id);
    const expected = table.filter((id) => dated.includes(id));
    if (table.length && JSON.stringify(rows) !== JSON.stringify(expected))
      say(`timeline rows ${JSON.stringify(rows)} are not the table's ${JSON.stringify(expected)}`);
    const ticks = new Set(Array.from(timeline.querySelectorAll('line.tick')).map((l) => +l.dataset.year));
    timeline.querySelectorAll('rect[data-id]').forEach((r) => {
      const from = +r.dataset.start.slice(0, 4), to = +(r.dataset.end || r.dataset.start).slice(0, 4);
      for (let y = from; y <= to + 1; ++y) if (!ticks.has(y)) say(`no tick for ${y} (bar ${r.dataset.id})`);
    });
  }
  // every colour of a bar or a dot, and the diamond, in a legend
  const legend = Array.from(document.querySelectorAll('ul.legend span')).map((s) => getComputedStyle(s));
  const colours = new Set(legend.map((c) => c.backgroundColor).concat(legend.map((c) => c.color)));
  const probe = document.createElement('span');
  document.body.appendChild(probe);
  const css = (c) => { probe.style.color = c; return getComputedStyle(probe).color; };
  document.querySelectorAll('svg rect[data-id], svg circle').forEach((e) => {
    const c = css(e.getAttribute('fill'));
    if (!colours.has(c)) say(`colour ${e.getAttribute('fill')} has no legend`);
  });
  if (timeline && timeline.querySelector('path') && !document.querySelector('ul.legend .diamond')) say('the diamond has no legend');
  if (timeline && !document.querySelector('ul.legend .dash')) say('the as-of line has no legend');
  // a wide table scrolls in its own box; the page itself never sideways
  if (document.documentElement.scrollWidth > window.innerWidth + 1)
    say(`the page is ${document.documentElement.scrollWidth} px wide in a ${window.innerWidth} px window`);
  const pre = document.createElement('pre');
  pre.id = 'wijk-check';
  pre.textContent = problems.length ? problems.join('\n') : 'OK';
  document.body.appendChild(pre);
})();
JS

check_page() {  # check_page NAME HTML
  local name=$1 page=$2 width out
  sed 's|</body>|<script src="check.js"></script></body>|' "$page" > "$work/checked.html"
  for width in 800 1280; do
    out=$(run_chromium "$width" --dump-dom "file://$work/checked.html" |
      python3 -c 'import sys, re, html; m = re.search(r"<pre id=\"wijk-check\">(.*?)</pre>", sys.stdin.read(), re.S); print(html.unescape(m.group(1)) if m else "no result: the check did not run")')
    if [ "$out" = OK ]; then
      echo "ok: $name at $width px"
    else
      echo "FAIL: $name at $width px:"; sed 's/^/  /' <<<"$out" | head -20; fail=1
    fi
  done
}
check_page "examples" "$work/summary.html"
"$bin" -C examples --as-of 2026-11-26 --lang nl summary -f html -o "$work/nl.html" && check_page "examples (nl)" "$work/nl.html"
"$bin" -C examples --as-of 2026-11-26 summary agreement buurthuis-wildeman -f html -o "$work/agreement.html" &&
  check_page "examples agreement" "$work/agreement.html"

# Generated data: a 64-character id (the longest allowed), the as-of date on 2 January and a bar that ends the day
# before it, agreements that start and end within days, one that runs to the far right.
mkdir -p "$work/data"
long=buurtkamer-kolenkit-ondersteuning-van-de-bewonerscommissie-2027  # 64 characters, the most
cat > "$work/data/wijk.yaml" <<'Y'
format: 1
organisation: Test
Y
cat > "$work/data/data.yaml" <<Y
neighbourhoods:
  - {id: n, name: N, municipality: M, homes: 10}
liveability:
  - {neighbourhood: n, year: 2026, class: 3, score: 3.9}
partners:
  - {id: p, name: P, kind: welfare}
agreements:
  - {id: $long, partner: p, title: Long, neighbourhoods: [n], start: 2026-12-30, end: 2026-12-31, renewal: none,
     we_provide: [{kind: funding, amount_per_year: 1.00}]}
  - {id: buurtkamer-kolenkit, partner: p, title: K, neighbourhoods: [n], start: 2026-01-01, end: 2027-01-01, renewal: tacit,
     renewal_term: 1 year, notice: 1 day, we_provide: [{kind: funding, amount_per_year: 1.00}]}
  - {id: buurtkamer-kolenkit-2027, partner: p, title: K2, neighbourhoods: [n], start: 2027-01-02, end: 2031-12-31,
     renewal: indefinite, notice: 3 months, we_provide: [{kind: funding, amount_per_year: 1.00}]}
  - {id: x, partner: p, title: X, neighbourhoods: [n], start: 2020-02-29, notice: 1 month,
     we_provide: [{kind: funding, amount_per_year: 1.00}]}
Y
for as_of in 2027-01-02 2031-12-20 2020-03-01; do
  if "$bin" -q -C "$work/data" --as-of "$as_of" summary -f html -o "$work/gen.html"; then
    check_page "generated data as of $as_of" "$work/gen.html"
  else
    echo "FAIL: wijk summary of the generated data as of $as_of"; fail=1
  fi
done
exit $fail
