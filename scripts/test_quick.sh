#!/usr/bin/env bash
# `make test-quick`: the loop for the change at hand, in a few minutes: the C++ tests of the Release
# build (SQLite; PostgreSQL too when GONGJIAN_TEST_PG_URL is set), the API and CLI integration
# tests and the web unit tests. No sanitizers, no browser, no hard days: run `make test` before a
# change lands. Narrow it with GTEST_FILTER='Clock*:SupervisionReport*' and
# TESTS='tests/integration/clock.test.mjs' (then the web unit tests are left out too).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== C++ unit and store tests (Release build)"
build/gongjian_tests --gtest_brief=1

export GONGJIAN_BIN=$PWD/build/gongjian
# The demo database is built once and copied for every server after the first (see scripts/test.sh).
export GONGJIAN_DEMO_CACHE
GONGJIAN_DEMO_CACHE=$(mktemp -d /tmp/gongjian-demo.XXXXXX)
trap 'rm -rf "$GONGJIAN_DEMO_CACHE"' EXIT
echo "== API and CLI integration tests (real server process)"
# shellcheck disable=SC2086 # TESTS may name several files
node --test --test-concurrency=2 ${TESTS:-tests/integration/}

if [ -z "${TESTS:-}" ] && [ -f web/package.json ]; then
  echo "== web unit tests"
  (cd web && npx vitest run)
fi
echo "== quick tests passed"
