#!/usr/bin/env bash
# `wijk checklist --format yaml` writes an evaluation record that `wijk validate` rejects while
# its blanks (date, decision) are empty and accepts once they are filled in.
# Usage: checklist_roundtrip.sh BIN_DIR (run from the source root).
set -u
wijk="$1/wijk"
data=tests/cli/checklist/data
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cp -r "$data" "$tmp/repo"
"$wijk" -C "$tmp/repo" validate -q >/dev/null || fail "the test repository does not validate to begin with"

# every agreement due in 2026, in both languages (the comments differ, the keys do not)
for lang in en nl; do
  rm -rf "$tmp/out"
  "$wijk" -C "$tmp/repo" --as-of 2026-01-05 --lang "$lang" checklist -f yaml --out "$tmp/out" >/dev/null ||
    fail "checklist --out ($lang) failed"
  n=$(ls "$tmp/out/2026" | wc -l)
  [ "$n" = 5 ] || fail "expected 5 records, got $n"
  mkdir -p "$tmp/repo/evaluations"
  cp "$tmp/out/2026/"*.yaml "$tmp/repo/evaluations/"

  # unfilled: rejected, and for the reason that date and decision are missing (5 x 2 errors)
  "$wijk" -C "$tmp/repo" validate -f parsable >"$tmp/report" 2>&1
  status=$?
  [ "$status" = 1 ] || fail "unfilled records: validate exited $status, expected 1"
  errors=$(grep -c ': error: ' "$tmp/report")
  missing=$(grep -c "\[missing-key\]" "$tmp/report")
  [ "$errors" = 10 ] && [ "$missing" = 10 ] || { cat "$tmp/report"; fail "expected 10 missing-key errors ($lang)"; }

  # filled in with sed, as a person would in an editor: accepted
  sed -i -e 's/^\(    date:\) .*/\1 2026-11-20/' -e 's/^\(    decision:\) .*/\1 continue/' \
    -e 's/^\(        achieved:\) .*/\1 12/' -e 's/^\(    provisions_delivered:\) .*/\1 true/' \
    "$tmp/repo/evaluations/"*.yaml
  "$wijk" -C "$tmp/repo" validate -f parsable >"$tmp/report" 2>&1
  status=$?
  [ "$status" = 0 ] || { cat "$tmp/report"; fail "filled records: validate exited $status, expected 0"; }

  # once evaluated, they are no longer due
  "$wijk" -C "$tmp/repo" --as-of 2026-01-05 checklist -q >"$tmp/stdout" 2>&1 || fail "checklist after filling failed"
  [ ! -s "$tmp/stdout" ] || fail "agreements still due after their evaluations were filled in"
  rm -rf "$tmp/repo/evaluations"
done

# stdout: one data file holding all records, which validates once filled
"$wijk" -C "$tmp/repo" --as-of 2026-01-05 checklist -f yaml >"$tmp/repo/all.yaml" || fail "checklist -f yaml failed"
"$wijk" -C "$tmp/repo" validate -q >/dev/null 2>&1 && fail "unfilled stdout records were accepted"
sed -i -e 's/^\(    date:\) .*/\1 2026-11-20/' -e 's/^\(    decision:\) .*/\1 adjust/' "$tmp/repo/all.yaml"
"$wijk" -C "$tmp/repo" validate -f parsable || fail "filled stdout records were rejected"
echo "ok"
