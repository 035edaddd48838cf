#!/usr/bin/env bash
# `logconv lint` against PMD 7 with its logging rules, on the same tree, in one invocation:
#   1. copies PMD 7 (pmd-cli + pmd-java and their dependencies, from Maven Central through
#      benchmarks/pmd/pom.xml) into benchmarks/target/pmd/lib unless it is there already; from
#      then on no network is needed,
#   2. generates the tree if it is given as gen:N (JavaTreeGenerator, seed 42),
#   3. runs, alternating in ABBA order (L P, P L, L P, ...), ROUNDS cold runs of each in a fresh
#      JVM: `logconv lint --no-cache -j T` and `pmd check --no-cache -t T -R logging-rules.xml`,
#   4. seeds a logconv cache with one more run, then times WARM runs with that cache (no file
#      changed),
#   5. prints every run (wall, user, sys, user+sys CPU, max RSS, findings) and the medians, and
#      the ratios of medians, PMD / logconv, for wall and CPU time; keeps every run's report and
#      log, results.tsv and results.md (the runs as a Markdown table) in the output directory.
# Each run's wall, CPU and max RSS come from GNU time (/usr/bin/time); without it, from
# python3's os.wait4; without either, from bash's `times` and the process's VmHWM, polled.
#
# Usage: benchmarks/lint-vs-pmd.sh [options] TREE [LOGCONV_JAR]
#   TREE          a directory of Java sources, or gen:N for a generated tree of N files
#   LOGCONV_JAR   default: lint-cli/target/logconv.jar
# Options:
#   --rounds N        cold rounds of each tool (default 3, at least 1)
#   --warm N          warm-cache runs of logconv (default 3; 0 for none)
#   --threads N       logconv -j N and PMD -t N (default: nproc)
#   --out DIR         where runs' reports, logs and results.tsv go
#                     (default benchmarks/target/lint-vs-pmd/NAME-TIMESTAMP)
#   --java-opts OPTS  JVM options for both tools (default none: each as its launcher starts it)
#   --logconv-java-opts OPTS
#                     JVM options for logconv only (default: those bin/logconv starts it with,
#                     read from its default_opts line; '' for none)
#   --logconv-arg A   one more argument for `logconv lint` (repeatable)
#   --pmd-arg A       one more argument for `pmd check` (repeatable), e.g. --aux-classpath=...
#   --no-pmd          logconv only (cold and warm), e.g. for its RSS on a module
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
pmd_version=7.27.0
pmd_lib="$here/target/pmd/lib"
ruleset="$here/pmd/logging-rules.xml"

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
die() { echo "lint-vs-pmd: $*" >&2; exit 2; }

rounds=3
warm=3
threads="$(nproc 2>/dev/null || echo 2)"
out=""
java_opts=""
logconv_java_opts=""
logconv_java_opts_set=0
logconv_args=()
pmd_args=()
with_pmd=1
positional=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="${2:?}"; shift ;;
    --warm) warm="${2:?}"; shift ;;
    --threads) threads="${2:?}"; shift ;;
    --out) out="${2:?}"; shift ;;
    --java-opts) java_opts="${2?}"; shift ;;
    --logconv-java-opts) logconv_java_opts="${2?}"; logconv_java_opts_set=1; shift ;;
    --logconv-arg) logconv_args+=("${2?}"); shift ;;
    --pmd-arg) pmd_args+=("${2?}"); shift ;;
    --no-pmd) with_pmd=0 ;;
    -h|--help) usage ;;
    --*) die "unknown option: $1 (see --help)" ;;
    *) positional+=("$1") ;;
  esac
  shift
done
[ ${#positional[@]} -ge 1 ] && [ ${#positional[@]} -le 2 ] || usage
for n in "$rounds" "$warm" "$threads"; do
  [[ "$n" =~ ^[0-9]+$ ]] || die "not a number: $n"
done
[ "$rounds" -ge 1 ] || die "--rounds must be at least 1"
[ "$threads" -ge 1 ] || die "--threads must be at least 1"
tree="${positional[0]}"
jar="${positional[1]:-$root/lint-cli/target/logconv.jar}"
[ -f "$jar" ] || die "$jar is missing: build it with (cd \"$root\" && ./mvnw -B -ntp -o -q -pl lint-cli package -DskipTests)"
jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"

java_cmd="java"
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java_cmd="$JAVA_HOME/bin/java"
fi
command -v "$java_cmd" >/dev/null || die "no java on the PATH (or JAVA_HOME)"

# --- the tree -------------------------------------------------------------------------------
if [[ "$tree" =~ ^gen:([0-9]+)$ ]]; then
  files="${BASH_REMATCH[1]}"
  [ "$files" -ge 1 ] || die "gen:N needs N at least 1"
  gen_dir="$here/target/lint-vs-pmd/trees/gen-$files-seed42"
  if [ ! -f "$gen_dir.complete" ]; then
    classes="$here/target/lint-vs-pmd/generator-classes"
    javac_cmd="javac"
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then javac_cmd="$JAVA_HOME/bin/javac"; fi
    src="$here/src/main/java/io/logconv/benchmarks/lint"
    mkdir -p "$classes"
    "$javac_cmd" -nowarn -d "$classes" "$src/JavaTreeGenerator.java" "$src/GenerateTree.java"
    rm -rf "$gen_dir"
    "$java_cmd" -cp "$classes" io.logconv.benchmarks.lint.GenerateTree "$gen_dir" "$files" 42 >&2
    touch "$gen_dir.complete"
  fi
  tree="$gen_dir"
fi
[ -d "$tree" ] || die "$tree is not a directory"
tree="$(cd "$tree" && pwd)"
name="$(basename "$tree")"
java_files="$(find "$tree" -name '*.java' -type f | wc -l | tr -d ' ')"
tree_mb="$(du -sm "$tree" | cut -f1)"

# --- PMD ------------------------------------------------------------------------------------
if [ "$with_pmd" = 1 ] && [ ! -f "$pmd_lib/pmd-java-$pmd_version.jar" ]; then
  echo "== copying PMD $pmd_version into $pmd_lib" >&2
  rm -rf "$pmd_lib"
  copy=("$root/mvnw" -B -ntp -q -f "$here/pmd/pom.xml" dependency:copy-dependencies
        -DincludeScope=runtime -DoutputDirectory="$pmd_lib")
  # from the local Maven repository if it has PMD, else from Maven Central
  "${copy[@]}" -o >/dev/null 2>&1 || "${copy[@]}" || die "could not copy PMD $pmd_version from Maven Central"
  [ -f "$pmd_lib/pmd-cli-$pmd_version.jar" ] || die "PMD's CLI jar is missing from $pmd_lib"
fi

# --- how a run is measured --------------------------------------------------------------------
# LINT_VS_PMD_METER=time|python3|bash picks one (to check the fallbacks on a machine that has all)
forced="${LINT_VS_PMD_METER:-}"
if [ -z "$forced" ] && [ -x /usr/bin/time ] && /usr/bin/time -f '%e' -o /dev/null true 2>/dev/null || [ "$forced" = time ]; then
  meter="GNU time (/usr/bin/time -f '%e %U %S %M')"
elif { [ -z "$forced" ] && command -v python3 >/dev/null; } || [ "$forced" = python3 ]; then
  meter="python3 os.wait4 (rusage of the child)"
else
  meter="bash times + /proc/PID/status VmHWM polled every 0.05 s"
fi

# measure RESULT_FILE STDOUT STDERR CMD...: runs CMD and writes "wall user sys maxrss_kb rc"
measure() {
  local res="$1" so="$2" se="$3"; shift 3
  local rc=0
  case "$meter" in
    GNU*)
      /usr/bin/time -f '%e %U %S %M' -o "$res.time" "$@" >"$so" 2>"$se" || rc=$?
      echo "$(tail -1 "$res.time") $rc" >"$res"
      rm -f "$res.time"
      ;;
    python3*)
      python3 - "$res" "$@" >"$so" 2>"$se" <<'PY' || true
import os, subprocess, sys, time
res, cmd = sys.argv[1], sys.argv[2:]
t0 = time.monotonic()
p = subprocess.Popen(cmd)
_, status, ru = os.wait4(p.pid, 0)
wall = time.monotonic() - t0
rc = os.waitstatus_to_exitcode(status)
with open(res, "w") as f:
    f.write("%.2f %.2f %.2f %d %d\n" % (wall, ru.ru_utime, ru.ru_stime, ru.ru_maxrss, rc))
PY
      ;;
    *)
      local t0 t1 c0 c1 pid hwm=0 h
      # `times` in this shell (not in a $(...) subshell, whose children are not ours)
      times >"$res.times"
      c0="$(tail -1 "$res.times")"
      t0="$(date +%s.%N)"
      "$@" >"$so" 2>"$se" &
      pid=$!
      while kill -0 "$pid" 2>/dev/null; do
        h="$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)"
        [ -n "$h" ] && [ "$h" -gt "$hwm" ] && hwm="$h"
        sleep 0.05
      done
      wait "$pid" || rc=$?
      t1="$(date +%s.%N)"
      times >"$res.times"
      c1="$(tail -1 "$res.times")"
      rm -f "$res.times"
      # `times` prints the children's user and sys as 0m1.234s 0m0.056s
      awk -v t0="$t0" -v t1="$t1" -v c0="$c0" -v c1="$c1" -v hwm="$hwm" -v rc="$rc" '
        function sec(s,  m) { m = s; sub(/m.*/, "", m); sub(/^[0-9]+m/, "", s); sub(/s$/, "", s); return m * 60 + s }
        BEGIN { split(c0, a, " "); split(c1, b, " ");
                printf "%.2f %.2f %.2f %d %d\n", t1 - t0, sec(b[1]) - sec(a[1]), sec(b[2]) - sec(a[2]), hwm, rc }' >"$res"
      ;;
  esac
}

# --- runs -------------------------------------------------------------------------------------
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="${out:-$here/target/lint-vs-pmd/$name-$stamp}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
results="$out/results.tsv"
printf 'tool\trun\twall_s\tuser_s\tsys_s\tcpu_s\tmax_rss_mb\texit\tfindings\tnote\n' >"$results"

read -r -a jopts <<<"$java_opts"
if [ "$logconv_java_opts_set" = 0 ]; then
  launcher="$(cd "$here/.." && pwd)/bin/logconv"
  logconv_java_opts="$(sed -nE 's/^default_opts="(.*)"$/\1/p' "$launcher" 2>/dev/null | head -1)"
fi
read -r -a lopts <<<"$logconv_java_opts"
# logconv_cmd REPORT [CACHE] and pmd_cmd REPORT set the array cmd
logconv_cmd() {
  local cache_arg=--no-cache
  [ $# -lt 2 ] || cache_arg="--cache=$2"
  cmd=("$java_cmd" ${lopts[@]+"${lopts[@]}"} ${jopts[@]+"${jopts[@]}"} -jar "$jar" lint "$cache_arg" -j "$threads" -o "$1"
       ${logconv_args[@]+"${logconv_args[@]}"} "$tree")
}
pmd_cmd() {
  cmd=("$java_cmd" ${jopts[@]+"${jopts[@]}"} -cp "$pmd_lib/*" net.sourceforge.pmd.cli.PmdCli check
       --no-cache --no-progress -t "$threads" -R "$ruleset" -f text -r "$1"
       ${pmd_args[@]+"${pmd_args[@]}"} -d "$tree")
}
shown() { printf '%q ' "${cmd[@]}" | sed 's/ $//'; }

# record TOOL RUN BASE: appends the run's figures to results.tsv and prints its row
record() {
  local tool="$1" run="$2" base="$3" wall user sys rss rc findings note
  read -r wall user sys rss rc <"$base.res"
  if [ "$tool" = pmd ]; then
    # PMD exits 4 on violations and 5 on recoverable (parse) errors: both are finished runs
    [ "$rc" = 0 ] || [ "$rc" = 4 ] || [ "$rc" = 5 ] || die "PMD failed (exit $rc), see $base.err"
    findings="$(sed -nE 's/.*Found ([0-9]+) violations?.*/\1/p' "$base.err" | tail -1)"
    note="$(sed -nE 's/.*There (was|were) ([0-9]+ processing errors?).*/\2 (files PMD could not parse or check)/p' "$base.err" | tail -1)"
  else
    [ "$rc" = 0 ] || [ "$rc" = 1 ] || die "logconv lint failed (exit $rc), see $base.err"
    # "499 findings (81 errors, 414 warnings, 4 notes) in 946 files; 946 from cache"
    findings="$(sed -nE 's/^([0-9]+) findings? .*/\1/p' "$base.out" | tail -1)"
    note="$(sed -nE 's/.* in ([0-9]+ files?)(; .*)?$/\1\2/p' "$base.out" | tail -1)"
  fi
  awk -v t="$tool" -v r="$run" -v w="$wall" -v u="$user" -v s="$sys" -v m="$rss" -v rc="$rc" \
      -v f="${findings:--}" -v n="${note% }" \
    'BEGIN { printf "%s\t%s\t%.2f\t%.2f\t%.2f\t%.2f\t%.0f\t%s\t%s\t%s\n", t, r, w, u, s, u + s, m / 1024, rc, f, n }' \
    | tee -a "$results" | awk -F'\t' '{ printf "  %-13s %-7s %8s %8s %8s %8s %8s %5s %9s  %s\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10 }'
}

run_logconv_cold() {
  local base="$out/logconv-cold-$1"
  logconv_cmd "$base.report.txt"
  measure "$base.res" "$base.out" "$base.err" "${cmd[@]}"
  record logconv-cold "$1" "$base"
}
run_pmd() {
  local base="$out/pmd-$1"
  pmd_cmd "$base.report.txt"
  measure "$base.res" "$base.out" "$base.err" "${cmd[@]}"
  record pmd "$1" "$base"
}

cpu_model="$(sed -nE 's/^model name\s*:\s*//p' /proc/cpuinfo 2>/dev/null | head -1)"
mem_gb="$(awk '/^MemTotal:/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo 2>/dev/null)"
{
  echo "== lint-vs-pmd $stamp"
  echo "== machine: $(nproc) cores (${cpu_model:-unknown cpu}), ${mem_gb:-?} GB, load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
  echo "== java: $("$java_cmd" -version 2>&1 | head -1)${java_opts:+, options $java_opts}${logconv_java_opts:+, logconv also $logconv_java_opts}"
  echo "== tree: $tree ($java_files .java files, $tree_mb MB)"
  echo "== logconv: $jar ($(unzip -p "$jar" META-INF/MANIFEST.MF 2>/dev/null | sed -nE 's/^Implementation-Version: *//p' | tr -d '\r'), sha256 $(sha256sum "$jar" | cut -c1-12))"
  if [ "$with_pmd" = 1 ]; then
    echo "== PMD $pmd_version, rules: $(grep -oE 'category/java/[a-z]+\.xml/[A-Za-z]+' "$ruleset" | sed 's#category/java/##; s#\.xml##' | paste -sd' ' -)"
  fi
  echo "== threads: $threads; rounds: $rounds cold each (ABBA), $warm warm; measured with $meter"
  logconv_cmd REPORT; echo "== logconv cold: $(shown)"
  if [ "$with_pmd" = 1 ]; then pmd_cmd REPORT; echo "== PMD:          $(shown)"; fi
  if [ "$warm" -gt 0 ]; then logconv_cmd REPORT CACHE; echo "== logconv warm: $(shown)"; fi
  echo "== output: $out"
  echo
  printf '  %-13s %-7s %8s %8s %8s %8s %8s %5s %9s  %s\n' tool run wall_s user_s sys_s cpu_s rss_mb exit findings note
} | tee "$out/summary.txt"

{
  for ((i = 1; i <= rounds; i++)); do
    if [ "$with_pmd" = 0 ]; then
      run_logconv_cold "$i"
    elif ((i % 2 == 1)); then
      run_logconv_cold "$i"; run_pmd "$i"
    else
      run_pmd "$i"; run_logconv_cold "$i"
    fi
  done
  if [ "$warm" -gt 0 ]; then
    cache="$out/logconv.cache"
    rm -f "$cache"
    base="$out/logconv-seed"
    logconv_cmd "$base.report.txt" "$cache"
    measure "$base.res" "$base.out" "$base.err" "${cmd[@]}"
    record logconv-seed 1 "$base"
    for ((i = 1; i <= warm; i++)); do
      base="$out/logconv-warm-$i"
      logconv_cmd "$base.report.txt" "$cache"
      measure "$base.res" "$base.out" "$base.err" "${cmd[@]}"
      record logconv-warm "$i" "$base"
    done
  fi
  echo "  (load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null))"
} | tee -a "$out/summary.txt"

# --- medians and ratios -----------------------------------------------------------------------
awk -F'\t' -v cache_kb="$( [ -f "$out/logconv.cache" ] && du -k "$out/logconv.cache" | cut -f1 || echo 0)" '
  function median(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] + 0 > t + 0; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  NR > 1 && $1 != "logconv-seed" { wall[$1] = wall[$1] " " $3; cpu[$1] = cpu[$1] " " $6; rss[$1] = rss[$1] " " $7; seen[$1] = 1 }
  END {
    printf "\n  medians        %8s %8s %8s\n", "wall_s", "cpu_s", "rss_mb"
    split("logconv-cold pmd logconv-warm", order, " ")
    for (k = 1; k <= 3; k++) {
      t = order[k]
      if (!(t in seen)) continue
      mw[t] = median(wall[t]); mc[t] = median(cpu[t]); mr[t] = median(rss[t])
      printf "  %-14s %8.2f %8.2f %8.0f\n", t, mw[t], mc[t], mr[t]
    }
    if (("pmd" in seen) && ("logconv-cold" in seen)) {
      printf "\n  PMD / logconv cold, ratio of medians: wall %.2fx, CPU %.2fx, max RSS %.2fx\n",
        mw["pmd"] / mw["logconv-cold"], mc["pmd"] / mc["logconv-cold"], mr["pmd"] / mr["logconv-cold"]
    }
    if (cache_kb > 0) printf "  logconv cache: %d KB\n", cache_kb
  }' "$results" | tee -a "$out/summary.txt"
# the same as a Markdown table, for benchmarks/README.md
awk -F'\t' '
  NR == 1 { print "| tool | run | wall s | user s | sys s | CPU s | max RSS MB | exit | findings | note |"; print "|---|---|---|---|---|---|---|---|---|---|"; next }
  { printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10 }' \
  "$results" >"$out/results.md"
echo "  (every run: $results, and as Markdown in results.md; reports and logs beside it)" | tee -a "$out/summary.txt"
