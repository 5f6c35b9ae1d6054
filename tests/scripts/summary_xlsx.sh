#!/usr/bin/env bash
# `wijk summary -f xlsx` and `wijk reminders -f xlsx` read back by real spreadsheet software:
# - openpyxl (Debian's python3-openpyxl): a sheet per table with headers and sheet names in the
#   output language, typed cells (dates as dates, money in a euro format, percentages,
#   integers), a frozen header row and a filter over each table, column widths that fit, no
#   formula anywhere, hostile text (=cmd|..., <script>, control characters, 300-character
#   titles) kept as text in every sheet, and the sums: the spending rows add up to its totals
#   row, which is the portfolio's value per year in the JSON to the cent;
# - LibreOffice headless (libreoffice-calc-nogui) converts every sheet to CSV and the figures
#   and the hostile text survive;
# - a workbook is never written to a terminal (exit 2), and goes through -o like any output.
# Without openpyxl or LibreOffice: skipped locally, a failure in CI (CI=true).
set -u
bin=$1/wijk
python=
for p in /usr/bin/python3 python3; do
  if "$p" -c 'import openpyxl' 2>/dev/null; then python=$p; break; fi
done
soffice=$(command -v soffice || true)
if [ -z "$python" ] || [ -z "$soffice" ]; then
  if [ "${CI:-}" = true ]; then echo "FAIL: python3-openpyxl or libreoffice-calc-nogui missing (scripts/deps --test)"; exit 1; fi
  echo "skipped: python3-openpyxl or LibreOffice (soffice) not installed"; exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
# wijk makes each workbook in a temporary file under TMPDIR (unlinked at once): none may stay
mkdir -p "$work/tmp"
export TMPDIR="$work/tmp"

# Hostile data: formulas, markup, a control character, a bidi override, a 300-character title.
mkdir -p "$work/data"
long=$(printf 'Buurtkamer %.0s' $(seq 1 27))Einde300
long=${long:0:300}
cat > "$work/data/wijk.yaml" <<'Y'
format: 1
organisation: "=HYPERLINK(\"http://x.invalid\")"
Y
cat > "$work/data/data.yaml" <<Y
neighbourhoods:
  - {id: noord, name: "=cmd|' /C calc'!A0", municipality: "<script>alert(1)</script>", homes: 300}
  - {id: zuid, name: "+1+1", municipality: "@SUM(A1)", homes: 100}
liveability:
  - {neighbourhood: noord, year: 2024, class: 3, score: 3.9}
  - {neighbourhood: zuid, year: 2024, class: 6, score: 4.2}
partners:
  - {id: p, name: "bell \u0007 and \u202e bidi", kind: welfare}
agreements:
  - id: lang
    partner: p
    title: "$long"
    neighbourhoods: [noord, zuid]
    start: 2025-01-01
    notice: 3 months
    we_provide:
      - {kind: funding, amount_per_year: 1000.01}
      - {kind: space, address: "-2+3", area_m2: 12.5, lease: 230a, rent_per_year: 1000.00, lease_ref: "=1+1"}
      - {kind: rent_discount, percent: 12.5, justification: "=SUM(1,2)"}
      - {kind: support, hours_per_year: 10}
    partner_provides:
      - {id: "m", description: "=2*3", target: 4, unit: "<b>meetings</b>"}
  - id: einde
    partner: p
    title: "-ended"
    neighbourhoods: [zuid]
    start: 2020-01-01
    end: 2024-12-31
    renewal: none
    we_provide:
      - {kind: funding, amount_per_year: 777.77}
evaluations:
  - {agreement: lang, year: 2026, date: 2026-01-10, decision: continue, notes: "=IMPORTXML(1)"}
Y
cat > "$work/expect.py" <<'PY'
import json, re, sys, datetime, openpyxl
path, lang, json_path, long_title = sys.argv[1:5]
wb = openpyxl.load_workbook(path)
problems = []
def check(cond, what):
    if not cond: problems.append(what)
names = wb.sheetnames
dutch = lang == 'nl'
want = (['Overzicht', 'Buurten', 'Aandachtslijst', 'Afspraken', 'Besteding per buurt', 'Wat wij leveren',
         'Wat de partner levert', 'Evaluaties', 'Leefbaarheid per jaar'] if dutch else
        ['Overview', 'Neighbourhoods', 'Watchlist', 'Agreements', 'Spending', 'What we provide',
         'What the partner provides', 'Evaluations', 'Liveability per year'])
check(names == want, f'sheets {names}, expected {want}')
for n in names:
    check(len(n) <= 31 and not re.search(r'[\[\]:*?/\\]', n), f'sheet name {n!r}')
texts = set()
for ws in wb.worksheets:
    table = ws.title != want[0]
    for row in ws.iter_rows():
        for c in row:
            check(c.data_type != 'f', f'{ws.title}!{c.coordinate} is a formula: {c.value!r}')
            if isinstance(c.value, str):
                texts.add(c.value)
                check(c.data_type == 's', f'{ws.title}!{c.coordinate} text of type {c.data_type}')
                check(not re.search(r'[\x00-\x08\x0b\x0c\x0e-\x1f]', c.value), f'{ws.title}!{c.coordinate} control character')
    if table:
        check(ws.freeze_panes == 'A2', f'{ws.title}: frozen at {ws.freeze_panes}')
        check(ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith('A1:'), f'{ws.title}: filter {ws.auto_filter.ref}')
        headers = [c.value for c in ws[1]]
        check(all(headers), f'{ws.title}: empty header in {headers}')
        for i, h in enumerate(headers):
            letter = openpyxl.utils.get_column_letter(i + 1)
            width = ws.column_dimensions[letter].width
            check(width is not None and width >= min(len(str(h)), 58), f'{ws.title}: column {h!r} is {width} wide')
        for c in ws[1]:
            check(c.font.b, f'{ws.title}: header {c.value!r} not bold')
# hostile text kept as it was, as text (the bell as a space)
for t in ["=cmd|' /C calc'!A0", '<script>alert(1)</script>', '+1+1', '@SUM(A1)', '-2+3', '=1+1', '=SUM(1,2)',
          '=2*3', '<b>meetings</b>', '=IMPORTXML(1)', '-ended', long_title, 'bell   and \u202e bidi']:
    check(t in texts, f'text {t[:40]!r} lost')
# typed cells in the agreements sheet
ag = wb[want[3]]
head = [c.value for c in ag[1]]
rows = {r[0].value: r for r in ag.iter_rows(min_row=2)}
col = lambda name: head.index(name)
start = rows['lang'][col('Begin' if dutch else 'Start')]
check(isinstance(start.value, datetime.datetime) and start.value.date() == datetime.date(2025, 1, 1), f'start {start.value!r}')
check('yy' in start.number_format, f'date format {start.number_format}')
value = rows['lang'][col('Waarde/jaar' if dutch else 'Value/year')]
check(value.data_type == 'n' and abs(value.value - 1125.01) < 1e-9, f'value {value.value!r}')
check('€' in value.number_format and '0.00' in value.number_format, f'money format {value.number_format}')
check(rows['einde'][col('Waarde/jaar' if dutch else 'Value/year')].value is None, 'an ended agreement has a value')
# percentages and integers
pr = wb[want[5]]
ph = [c.value for c in pr[1]]
pct = [r[ph.index('Korting' if dutch else 'Discount')] for r in pr.iter_rows(min_row=2)]
pct = [c for c in pct if c.value is not None]
check(len(pct) == 1 and abs(pct[0].value - 0.125) < 1e-12 and '%' in pct[0].number_format, f'percent {[(c.value, c.number_format) for c in pct]}')
rent = [r[ph.index('Huur/jaar' if dutch else 'Rent/year')].value for r in pr.iter_rows(min_row=2)]
check(1000 in rent, f'rent_per_year {rent}')
nb = wb[want[1]]
yr = nb['C2']
check(yr.value == 2024 and yr.number_format == '0', f'year {yr.value!r} {yr.number_format}')
# the sums: spending rows add up to the totals row, which equals the JSON's value_per_year
sp = wb[want[4]]
sh = [c.value for c in sp[1]]
tot = sh.index('Totaal' if dutch else 'Total')
data = [r for r in sp.iter_rows(min_row=2) if r[0].value and isinstance(r[2].value, (int, float))]
total_row = [r for r in sp.iter_rows(min_row=2) if not r[0].value and r[1].value in ('Total', 'Totaal')]
check(len(total_row) == 1, 'no totals row in the spending sheet')
cents = lambda v: round(v * 100)
portfolio = json.load(open(json_path))
expected = cents(portfolio['totals']['value_per_year'])
if total_row:
    check(sum(cents(r[tot].value) for r in data) == cents(total_row[0][tot].value) == expected,
          f'spending: rows {sum(cents(r[tot].value) for r in data)}, totals {total_row[0][tot].value}, portfolio {expected}')
    for k in range(2, 8):
        check(sum(cents(r[k].value) for r in data) == cents(total_row[0][k].value), f'spending column {sh[k]} does not add up')
    fr = sp.auto_filter.ref
    check(fr == f'A1:{openpyxl.utils.get_column_letter(len(sh))}{len(data) + 1}', f'spending filter {fr} includes the totals')
# hand-computed split: 1000.01 funding over 300 and 100 homes: 750.01 and 250.00; the 12.5% rent
# discount of 1000.00 = 125.00: 93.75 and 31.25
by = {r[0].value: r for r in data}
fund = sh.index('Financiering' if dutch else 'Funding')
disc = sh.index('Huurkorting' if dutch else 'Rent discount')
check(cents(by['noord'][fund].value) == 75001 and cents(by['zuid'][fund].value) == 25000, 'funding split')
check(cents(by['noord'][disc].value) == 9375 and cents(by['zuid'][disc].value) == 3125, 'discount split')
print('\n'.join(problems) if problems else 'OK')
PY

for lang in en nl; do
  out="$work/portfolio-$lang.xlsx"
  "$bin" -q -C "$work/data" --as-of 2026-11-26 --lang $lang summary -o "$out" || { echo "FAIL: summary -o ($lang)"; fail=1; continue; }
  "$bin" -q -C "$work/data" --as-of 2026-11-26 summary -f json > "$work/portfolio.json"
  result=$("$python" "$work/expect.py" "$out" $lang "$work/portfolio.json" "$long" 2>&1)
  if [ "$result" = OK ]; then echo "ok: openpyxl reads the $lang workbook back"; else echo "FAIL ($lang):"; sed 's/^/  /' <<<"$result" | head -30; fail=1; fi
done

# LibreOffice: every sheet to CSV, raw values (not as shown), UTF-8
mkdir -p "$work/lo"
( cd "$work/lo" && timeout 180 "$soffice" --headless -env:UserInstallation="file://$work/lo-profile" \
    --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1' \
    "$work/portfolio-en.xlsx" >"$work/lo.log" 2>&1 )
spending=$(ls "$work"/lo/*Spending*.csv 2>/dev/null | head -1)
agreements=$(ls "$work"/lo/*Agreements*.csv 2>/dev/null | head -1)
if [ -z "$spending" ] || [ -z "$agreements" ]; then
  echo "FAIL: LibreOffice made no CSV per sheet:"; ls "$work/lo"; cat "$work/lo.log"; fail=1
else
  "$python" - "$spending" "$agreements" "$long" <<'PY' || fail=1
import csv, sys
spending = list(csv.reader(open(sys.argv[1], encoding='utf-8')))
agreements = list(csv.reader(open(sys.argv[2], encoding='utf-8')))
total = [r for r in spending if len(r) > 8 and r[1] == 'Total']
problems = []
if not total or float(total[0][8]) != 1125.01:
    problems.append(f'spending total {total}')
by = {r[0]: r for r in spending}
if float(by['noord'][4]) != 750.01 or float(by['zuid'][4]) != 250.0:
    problems.append(f'funding split {by.get("noord")}, {by.get("zuid")}')
titles = [r[1] for r in agreements[1:]]
if sys.argv[3] not in titles or '-ended' not in titles:
    problems.append(f'titles {titles}')
if problems:
    print('FAIL: LibreOffice:', *problems, sep='\n  ')
    sys.exit(1)
print('ok: LibreOffice converts every sheet and the figures survive')
PY
fi

# reminders: one sheet, one row per reminder
"$bin" -q -C examples --as-of 2026-11-26 reminders -o "$work/reminders.xlsx" || { echo "FAIL: reminders -o"; fail=1; }
count=$("$bin" -q -C examples --as-of 2026-11-26 reminders -f json | "$python" -c 'import json,sys; print(len(json.load(sys.stdin)["reminders"]))')
"$python" - "$work/reminders.xlsx" "$count" <<'PY' || fail=1
import sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.active
rows = ws.max_row - 1
ok = len(wb.sheetnames) == 1 and rows == int(sys.argv[2]) and ws.freeze_panes == 'A2' and ws.auto_filter.ref \
     and isinstance(ws['A2'].value, datetime.datetime) and ws['D2'].number_format == '0'
print('ok: reminders workbook' if ok else f'FAIL: reminders workbook: {wb.sheetnames}, {rows} rows for {sys.argv[2]}, {ws.freeze_panes}, {ws.auto_filter.ref}, {ws["A2"].value!r}')
sys.exit(0 if ok else 1)
PY

# Never to a terminal; to a pipe and through -o (atomically, the extension picks the format)
if command -v script >/dev/null; then
  out=$(script -qec "'$bin' -q -C examples summary -f xlsx" /dev/null 2>&1); status=$?
  if [ $status = 2 ] && grep -q 'not written to a terminal' <<<"$out"; then echo "ok: no workbook on a terminal (exit 2)"
  else echo "FAIL: a workbook on a terminal: exit $status: $out"; fail=1; fi
fi
"$bin" -q -C examples summary -f xlsx | head -c 2 | grep -q PK || { echo "FAIL: no zip on a pipe"; fail=1; }
"$bin" -q -C examples summary agreement buurthuis-wildeman -o "$work/one.xlsx" &&
  "$python" -c 'import openpyxl,sys; wb=openpyxl.load_workbook(sys.argv[1]); sys.exit(0 if "What we provide" in wb.sheetnames else 1)' "$work/one.xlsx" ||
  { echo "FAIL: an agreement as a workbook"; fail=1; }
left=$(ls -A "$work/tmp" | grep wijk-xlsx)
[ -z "$left" ] || { echo "FAIL: temporary files left behind: $left"; fail=1; }
[ $fail = 0 ] && echo "ok: all workbook checks"
exit $fail
