#!/usr/bin/env bash
# Runs every test: C++ unit and store tests (AddressSanitizer+UBSan build, against SQLite and a
# throwaway PostgreSQL), API integration tests against a real server process, web unit tests,
# and browser tests in headless Chromium. Expects `make` to have built build/ and the web app.
#
# No test reads the real calendar: the API and browser suites pin the product's clock
# (GONGJIAN_NOW, default a Monday in June: tests/integration/clock.mjs), then the date-sensitive
# ones run again at the calendar's hard days (a month and a half-year end, a Sunday, the year's last
# and first days, ISO week 1, a leap day). GONGJIAN_TEST_DAYS="…" replaces that list ("" skips it).
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

step "sanitizer build"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS="-O1 -g" \
  -DGONGJIAN_SANITIZE=ON -DGONGJIAN_BENCH=OFF >/dev/null
cmake --build build-asan -j "$JOBS" --target gongjian_tests

PGDIR=$(mktemp -d /tmp/gongjian-pg.XXXXXX)
trap 'bash scripts/pg.sh stop "$PGDIR"' EXIT
PGPORT=$((20000 + RANDOM % 20000))
export GONGJIAN_TEST_PG_URL
GONGJIAN_TEST_PG_URL=$(bash scripts/pg.sh start "$PGDIR" "$PGPORT")
echo "== PostgreSQL for tests at $GONGJIAN_TEST_PG_URL"

step "C++ unit and store tests (SQLite and PostgreSQL)"
export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 LSAN_OPTIONS=suppressions=$ROOT/scripts/lsan.supp
# The binary itself, not ctest: ctest lists the tests when it builds, without GONGJIAN_TEST_PG_URL,
# and would run only the SQLite instances.
build-asan/gongjian_tests --gtest_brief=1

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
    (cd web && node --test --test-concurrency=1 e2e/)
  fi
fi
# The calendar's hard days: the date-sensitive suites only (reports, lights, visits, rankings,
# periods), so the extra days cost minutes, not the whole suite again.
HARD_DAYS=${GONGJIAN_TEST_DAYS-"2026-06-30 2026-12-06 2026-12-31 2027-01-01 2027-01-04 2028-02-29"}
DATED_API=(tests/integration/clock.test.mjs tests/integration/progress.test.mjs tests/integration/supervision.test.mjs
  tests/integration/assessment.test.mjs)
DATED_WEB=(e2e/calendar.test.mjs)
for day in $HARD_DAYS; do
  step "hard day $day: date-sensitive API and browser tests (GONGJIAN_NOW=$day)"
  # Each file starts its own server on its own port and database: two at a time is safe.
  GONGJIAN_NOW=$day node --test --test-concurrency=2 "${DATED_API[@]}"
  if [ -f web/package.json ]; then
    (cd web && GONGJIAN_NOW=$day node --test --test-concurrency=1 "${DATED_WEB[@]}")
  fi
done
step "done"
echo "== all tests passed in $SECONDS s"
