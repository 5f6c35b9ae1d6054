#!/usr/bin/env bash
# `wijk schema` checked by a real JSON Schema validator (ajv-cli, draft 2020-12): every example
# data file and wijk.yaml pass, the files `wijk init` writes pass, and files with an unknown key,
# a bad enum value or a malformed date fail. Installs nothing: uses ajv from PATH, else
# `npx --yes ajv-cli@5` when npm can run it offline; skips (exit 0) when neither works.
set -u
bin_dir=$1
wijk="$bin_dir/wijk"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if command -v ajv >/dev/null 2>&1; then
  ajv=(ajv)
elif npx --offline --yes ajv-cli@5 help >/dev/null 2>&1; then
  ajv=(npx --offline --yes ajv-cli@5)
else
  echo "schema_ajv: SKIPPED (no ajv-cli; npm install -g ajv-cli)"
  exit 0
fi
if ! python3 -c 'import yaml' 2>/dev/null; then
  echo "schema_ajv: SKIPPED (python3 with PyYAML needed to turn YAML into JSON)"
  exit 0
fi

# YAML -> JSON the way a YAML language server sees it: dates stay strings.
cat > "$tmp/y2j.py" <<'PY'
import json, sys, yaml
class Loader(yaml.SafeLoader):
    pass
Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != 'tag:yaml.org,2002:timestamp']
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
with open(sys.argv[1], encoding='utf-8-sig') as f:
    data = yaml.load(f, Loader=Loader)
with open(sys.argv[2], 'w') as f:
    json.dump(data, f)
PY

"$wijk" schema > "$tmp/data.schema.json" || { echo "wijk schema failed"; exit 1; }
"$wijk" schema --config > "$tmp/config.schema.json" || { echo "wijk schema --config failed"; exit 1; }

fail=0
n=0
# check SCHEMA YAMLFILE EXPECT(valid|invalid)
check() {
  local schema=$1 file=$2 expect=$3
  n=$((n + 1))
  python3 "$tmp/y2j.py" "$file" "$tmp/doc.json" || { echo "FAIL: cannot convert $file"; fail=1; return; }
  if "${ajv[@]}" validate --spec=draft2020 --allow-union-types -s "$tmp/$schema" -d "$tmp/doc.json" \
       >"$tmp/out" 2>&1; then
    got=valid
  else
    got=invalid
  fi
  if [ "$got" != "$expect" ]; then
    echo "FAIL: $file: expected $expect, ajv says $got"
    cat "$tmp/out"
    fail=1
  fi
}

while IFS= read -r f; do
  check data.schema.json "$f" valid
done < <(find examples -name '*.yaml' ! -name wijk.yaml ! -path '*/broken/*' | sort)
check config.schema.json examples/wijk.yaml valid

# what `wijk init` writes
"$wijk" init "$tmp/repo" >/dev/null 2>&1 || { echo "FAIL: wijk init"; fail=1; }
for f in "$tmp"/repo/*.yaml; do
  case $f in
    */wijk.yaml) check config.schema.json "$f" valid ;;
    *) check data.schema.json "$f" valid ;;
  esac
done

# must fail
cat > "$tmp/unknown-key.yaml" <<'Y'
partners:
  - id: dock
    name: DOCK
    kind: welfare
    neigbourhoods: [geuzenveld]
Y
check data.schema.json "$tmp/unknown-key.yaml" invalid
cat > "$tmp/bad-enum.yaml" <<'Y'
partners:
  - {id: dock, name: DOCK, kind: tenant}
Y
check data.schema.json "$tmp/bad-enum.yaml" invalid
cat > "$tmp/bad-date.yaml" <<'Y'
strategies:
  - {id: s, title: S, neighbourhoods: [a], start: 1-3-2026, end: 2030-02-28}
Y
check data.schema.json "$tmp/bad-date.yaml" invalid
cat > "$tmp/unknown-collection.yaml" <<'Y'
neigbourhoods: []
Y
check data.schema.json "$tmp/unknown-collection.yaml" invalid
cat > "$tmp/foreign-provision-key.yaml" <<'Y'
agreements:
  - id: a
    partner: p
    title: T
    neighbourhoods: [n]
    start: 2026-01-01
    we_provide:
      - {kind: funding, amount_per_year: 1000, area_m2: 40}
Y
check data.schema.json "$tmp/foreign-provision-key.yaml" invalid
cat > "$tmp/bad-config.yaml" <<'Y'
format: 1
langauge: nl
Y
check config.schema.json "$tmp/bad-config.yaml" invalid
# may pass: users' own x_ keys, nulls for optional keys, quoted numbers
cat > "$tmp/own-keys.yaml" <<'Y'
neighbourhoods:
  - {id: n, name: N, municipality: M, district: ~, homes: "120", x_cost_centre: 4711}
Y
check data.schema.json "$tmp/own-keys.yaml" valid

[ $fail = 0 ] && echo "schema_ajv: $n checks passed"
exit $fail
