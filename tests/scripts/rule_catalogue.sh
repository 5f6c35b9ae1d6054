#!/usr/bin/env bash
# The rule catalogue cannot drift: every rule the code reports has a row in
# tests/cli/validate/README.md, a case folder rule-<name>/ whose output shows it, and an entry in
# man/wijk-validate.1; and every row names a rule the code has.
set -u
cd "$(dirname "$0")/../.."
pass=0 fail=0
check() { if eval "$2"; then pass=$((pass+1)); else echo "FAIL: $1"; fail=$((fail+1)); fi; }
code=$(grep -rhoE '(error|warning)\("[a-z0-9-]+"' src | sed -E 's/.*\("//; s/"//' | sort -u)
rows=$(grep -oE '^\| \[`[a-z0-9-]+`' tests/cli/validate/README.md | sed -E 's/.*`([a-z0-9-]+)`/\1/' | sort -u)
for rule in $code; do
  check "$rule has a catalogue row" 'grep -qx "$rule" <<<"$rows"'
  check "$rule has a case" '[ -f "tests/cli/validate/rule-$rule/cmd" ]'
  check "the case of $rule shows it" 'grep -qs "$rule" tests/cli/validate/rule-$rule/expected_stdout tests/cli/validate/rule-$rule/expected_stderr'
  check "$rule is in wijk-validate(1)" 'grep -q -- "\\\\%${rule//-/\\\\-}" man/wijk-validate.1'
done
for rule in $rows; do
  check "catalogue row $rule is a rule of the code" 'grep -qx "$rule" <<<"$code"'
done
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
