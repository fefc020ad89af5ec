#!/usr/bin/env bash
# Builds the libFuzzer targets (build-fuzz: clang, ASan+UBSan, see fuzz/README.md) and runs each.
#   fuzz/run.sh fuzz  [target…]  each target FUZZ_SECONDS (default 300) s, new inputs kept in
#                                build-fuzz/corpus/<target>/ (the seeds of fuzz/corpus/ stay as they are)
#   fuzz/run.sh smoke [target…]  `make test`: every seed once, then FUZZ_SMOKE_SECONDS (default 5) s
#                                of mutations from a fixed seed
# FUZZ_KEEP_GOING=1 (fuzz mode): libFuzzer's fork mode, which records a crash, an out-of-memory or a
# timeout and goes on fuzzing (for long runs where one known bug would otherwise end the run).
# FUZZ_NICE=10: at low priority.
# Prints each target's executions, coverage (cov: edges, ft: features), corpus size and crashes; a
# crash input is written to build-fuzz/crashes/<target>/ and the run fails.
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-fuzz}
shift || true
BUILD=${FUZZ_BUILD:-build-fuzz}
JOBS=${JOBS:-$(nproc)}
export CCACHE_BASEDIR=$PWD CCACHE_NOHASHDIR=1

if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  cmake -S . -B "$BUILD" -DGONGJIAN_FUZZ=ON -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS="-O1" -DCMAKE_CXX_FLAGS_DEBUG="-g1" \
    -DGONGJIAN_TESTS=OFF -DGONGJIAN_BENCH=OFF >/dev/null
fi
cmake --build "$BUILD" -j "$JOBS" --target fuzz_targets

TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
  for f in fuzz/*_fuzz.cpp; do TARGETS+=("$(basename "$f" .cpp)"); done
fi

# The xlsx reader may still be made to allocate without bound by a small file (rows padded to the
# widest: issue 14 item 2); -malloc_limit_mb turns that into a reported crash instead of a machine
# out of memory.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# The PDF writers' font libraries keep global caches LeakSanitizer reports (as in the C++ tests).
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/scripts/lsan.supp}
COMMON=(-rss_limit_mb=2048 -malloc_limit_mb=1024 -timeout=25 -print_final_stats=1)
status=0
SUMMARY=()
for t in "${TARGETS[@]}"; do
  seeds=fuzz/corpus/$t
  [ -d "$seeds" ] || mkdir -p "$seeds"
  crashes=$BUILD/crashes/$t
  mkdir -p "$crashes"
  log=$BUILD/$t.log
  if [ "$MODE" = smoke ]; then
    # Seeds first (every one must pass), then a few seconds of mutations into a throwaway folder.
    work=$(mktemp -d)
    args=(-seed=1 -max_total_time="${FUZZ_SMOKE_SECONDS:-5}" "$work" "$seeds")
  else
    work=$BUILD/corpus/$t
    mkdir -p "$work"
    args=(-max_total_time="${FUZZ_SECONDS:-300}" "$work" "$seeds")
    [ -n "${FUZZ_KEEP_GOING:-}" ] && args=(-fork=1 -ignore_crashes=1 -ignore_ooms=1 -ignore_timeouts=1 "${args[@]}")
  fi
  start=$SECONDS
  if nice -n "${FUZZ_NICE:-0}" "$BUILD/fuzz/$t" "${COMMON[@]}" -artifact_prefix="$crashes/" "${args[@]}" >"$log" 2>&1; then
    result=ok
  else
    result=CRASH
    status=1
  fi
  [ "$MODE" = smoke ] && rm -rf "$work"
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1 || true)
  [ -n "$execs" ] || execs=$(echo "$last" | grep -oE '^#[0-9]+' | tr -d '#')
  # Fork mode counts what it survived: "oom/timeout/crash: 0/0/2".
  found=$(echo "$last" | grep -o 'oom/timeout/crash: [0-9/]*' | cut -d' ' -f2 || true)
  if [ -n "$found" ] && [ "$found" != 0/0/0 ]; then
    result="found(oom/timeout/crash $found)"
    status=1
  fi
  cov=$(echo "$last" | grep -o 'cov: [0-9]*' | grep -o '[0-9]*' || echo "?")
  ft=$(echo "$last" | grep -o 'ft: [0-9]*' | grep -o '[0-9]*' || echo "?")
  corp=$(echo "$last" | grep -o 'corp: [0-9]*/[0-9a-zA-Z]*' | cut -d' ' -f2 || echo "?")
  line=$(printf '%-18s %-5s %5ss execs %-9s cov %-6s ft %-7s corpus %s' "$t" "$result" $((SECONDS - start)) \
    "$execs" "$cov" "$ft" "$corp")
  SUMMARY+=("$line")
  echo "   $line"
  if [ "$result" != ok ]; then
    grep -E 'ERROR: |SUMMARY: |runtime error|Test unit written|FUZZ_500' "$log" | head -20 || true
    echo "   (whole log: $log)"
  fi
done
echo "== fuzz ($MODE) summary"
printf '   %s\n' "${SUMMARY[@]}"
exit $status
