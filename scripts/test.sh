#!/usr/bin/env bash
# Runs every test: C++ unit and store tests (AddressSanitizer+UBSan build, against SQLite and a
# throwaway PostgreSQL), API integration tests against a real server process, web unit tests,
# and browser tests in headless Chromium. Expects `make` to have built build/ and the web app.
#
# No test reads the real calendar: the API and browser suites pin the product's clock
# (GONGJIAN_NOW, default a Monday in June: tests/integration/clock.mjs), then the date-sensitive
# ones run again at the calendar's hard days (a month and a half-year end, a Sunday, the year's last
# and first days, ISO week 1, a leap day). GONGJIAN_TEST_DAYS="…" replaces that list ("" skips it).
# Side by side: GONGJIAN_E2E_JOBS browser files (default 2), GONGJIAN_TEST_JOBS hard-day runs (3).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
JOBS=$(nproc)
# Each step prints what it cost, so the slow ones are plain to see (and named in the closing note).
STEP_NAME="" STEP_START=$SECONDS
step() {
  [ -n "$STEP_NAME" ] && echo "   ($STEP_NAME: $((SECONDS - STEP_START)) s)"
  STEP_NAME=$1 STEP_START=$SECONDS
  echo "== $1"
}

step "C++ format (clang-format, .clang-format)"
bash scripts/format_check.sh

step "sanitizer build"
# -g1 (line tables, no variables): sanitizer reports still name file:line, inlined frames too, and
# the build costs less CPU than with -g. Debug's own flags are -g, which would come last and win.
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS="-O1" -DCMAKE_CXX_FLAGS_DEBUG="-g1" \
  -DGONGJIAN_SANITIZE=ON -DGONGJIAN_BENCH=OFF >/dev/null
cmake --build build-asan -j "$JOBS" --target gongjian_tests

PGDIR=$(mktemp -d /tmp/gongjian-pg.XXXXXX)
# The demo database, built once per pinned day and copied for every server after the first
# (tests/integration/server.mjs writeDemo): it costs seconds and every test file starts a server.
export GONGJIAN_DEMO_CACHE
GONGJIAN_DEMO_CACHE=$(mktemp -d /tmp/gongjian-demo.XXXXXX)
trap 'bash scripts/pg.sh stop "$PGDIR"; rm -rf "$GONGJIAN_DEMO_CACHE"' EXIT
PGPORT=$((20000 + RANDOM % 20000))
export GONGJIAN_TEST_PG_URL
GONGJIAN_TEST_PG_URL=$(bash scripts/pg.sh start "$PGDIR" "$PGPORT")
echo "== PostgreSQL for tests at $GONGJIAN_TEST_PG_URL"

step "C++ unit and store tests (SQLite and PostgreSQL)"
export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 LSAN_OPTIONS=suppressions=$ROOT/scripts/lsan.supp
# The binary itself, not ctest: ctest lists the tests when it builds, without GONGJIAN_TEST_PG_URL,
# and would run only the SQLite instances.
build-asan/gongjian_tests --gtest_brief=1

step "fuzz targets on their seeds and 5 s of mutations each (clang libFuzzer build-fuzz: fuzz/run.sh)"
JOBS=$JOBS bash fuzz/run.sh smoke

export GONGJIAN_BIN=$ROOT/build/gongjian
if compgen -G "tests/integration/*.test.mjs" >/dev/null; then
  step "API and CLI integration tests (real server process)"
  # Each file starts its own server on its own port and database: two at a time is safe.
  node --test --test-concurrency=2 tests/integration/
fi

if [ -f web/package.json ]; then
  step "web lint (ESLint)"
  bash scripts/lint_web.sh
  step "web unit tests"
  (cd web && npx vitest run)
  if compgen -G "web/e2e/*.test.mjs" >/dev/null; then
    step "browser tests (headless Chromium)"
    # Each file starts its own server, database and browser, and mostly waits on them: two at a time
    # (about 0.4 of a core each). On a machine busy with other work GONGJIAN_E2E_JOBS=1 is safer.
    (cd web && node --test --test-concurrency="${GONGJIAN_E2E_JOBS:-2}" e2e/)
  fi
fi
# The calendar's hard days: the date-sensitive suites only (reports, lights, visits, rankings,
# periods), so the extra days cost minutes, not the whole suite again. Every (day, file) pair is its
# own `node --test` process with its own server and database, so they run side by side,
# GONGJIAN_TEST_JOBS at a time (default 3: they mostly wait on their servers and browser), each into
# its own log; a failing one's log is printed at the end.
HARD_DAYS=${GONGJIAN_TEST_DAYS-"2026-06-30 2026-12-06 2026-12-31 2027-01-01 2027-01-04 2028-02-29"}
DATED=(tests/integration/clock.test.mjs tests/integration/progress.test.mjs tests/integration/supervision.test.mjs
  tests/integration/assessment.test.mjs tests/integration/attraction.test.mjs)
# The browser file first of each day: it is the longest.
[ -f web/package.json ] && DATED=(web/e2e/calendar.test.mjs "${DATED[@]}")
if [ -n "$HARD_DAYS" ]; then
  step "hard days: date-sensitive API and browser tests at $HARD_DAYS"
  DAY_LOGS=$(mktemp -d /tmp/gongjian-days.XXXXXX)
  export DAY_LOGS
  # One (day, file): its tests' summary on one line; the log is kept for the end when it fails.
  dated() {
    local day=$1 file=$2 log
    log=$DAY_LOGS/$day-$(basename "$file" .test.mjs).log
    if GONGJIAN_NOW=$day GONGJIAN_E2E_RESULTS=$PWD/web/test-results/$day node --test "$file" >"$log" 2>&1; then
      echo "   $day $file: $(grep -E '^# pass ' "$log" | cut -c3-)"
      rm -f "$log"
    else
      echo "   $day $file: FAILED"
      return 1
    fi
  }
  export -f dated
  status=0
  for day in $HARD_DAYS; do for file in "${DATED[@]}"; do echo "$day $file"; done; done |
    xargs -n 2 -P "${GONGJIAN_TEST_JOBS:-3}" bash -c 'dated "$@"' _ || status=$?
  for log in "$DAY_LOGS"/*.log; do
    [ -f "$log" ] || continue
    echo "== failed at GONGJIAN_NOW=$(basename "$log" | cut -c1-10):"
    cat "$log"
  done
  rm -rf "$DAY_LOGS"
  [ "$status" -eq 0 ] || exit 1
fi
step "done"
echo "== all tests passed in $SECONDS s"
