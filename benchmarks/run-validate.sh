#!/usr/bin/env bash
# Runs the validator benchmark and its ajv peer in one go, on the same generated files and the
# same strict schema:
#   1. builds the benchmarks jar (and what it needs) unless --no-build,
#   2. writes conformant.log and violations-10pct.log (1,000,000 lines each) and strict.schema.json,
#   3. logconv's engine: lines/s on both files, all checks on,
#   4. ajv 8 (Node.js): lines/s on both files, schema only.
# Usage: benchmarks/run-validate.sh [--no-build] [--lines N] [--runs N] [--dir DIR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
build=1
lines=1000000
runs=5
dir="${TMPDIR:-/tmp}/logconv-validate-bench"
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --lines) lines="$2"; shift ;;
    --runs) runs="$2"; shift ;;
    --dir) dir="$2"; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done

if [ "$build" = 1 ]; then
  (cd "$root" && ./mvnw -B -q -ntp -pl benchmarks -am package -DskipTests)
fi
if [ ! -d "$here/ajv/node_modules/ajv-draft-04" ]; then
  (cd "$here/ajv" && npm ci --no-audit --no-fund --silent)
fi

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1), node $(node --version)"
echo "== logconv validate engine (Java, all checks on)"
java -cp "$here/target/benchmarks.jar" io.logconv.benchmarks.validate.ValidateBenchmark \
  --dir "$dir" --lines "$lines" --runs "$runs"
echo "== ajv 8 + ajv-draft-04 (Node.js, one thread, strict schema only)"
for f in conformant.log violations-10pct.log; do
  node "$here/ajv/validate.mjs" "$dir/strict.schema.json" "$dir/$f" "$runs"
done
