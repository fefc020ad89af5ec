#!/usr/bin/env bash
# Ledger benchmark (issue 2 figures): 100,000 projects in SQLite; export/import times; the list
# endpoint (filter + page of 50) under wrk on loopback; server memory. Prints the figures only.
# The list pages include the year join (?year=, issue 12: a project's figures are its year's) on
# the current list (2026) and on last year's (2025: the demo's continuing projects).
#   REUSE=1 bash bench/ledger.sh   skips the data generation (uses DIR/ledger.db of a former run)
#   BIN_DIR=path/build             the binaries to measure (default ./build): bench/compare.sh runs
#                                  this one script against both builds, so both get the same pages
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-100000}
DIR=${DIR:-/tmp/gongjian-bench}
BIN_DIR=${BIN_DIR:-./build}
[ -n "${REUSE:-}" ] && [ -f "$DIR/ledger.db" ] || "$BIN_DIR/ledger_bench" "$DIR" "$N"
# The export and import figures against LibreOffice Calc opening the same file (issue 16 item 2).
RUNS=1 LO_RUNS=1 REUSE=1 SKIP_LAND=1 DIR="$DIR" BIN_DIR="$BIN_DIR" bash bench/excel.sh | grep -v "^excel exchange"
PORT=$((30000 + RANDOM % 10000))
# Without the report-task generation at start: the figures are the list endpoint's.
"$BIN_DIR/gongjian" serve --db "$DIR/ledger.db" --port "$PORT" --report-tasks-hours 0 2>/dev/null &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done
TOKEN=$(curl -s -X POST "http://127.0.0.1:$PORT/api/v1/auth/login" -d '{"login":"dongezb","password":"demo1234"}' |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
cpu_ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
TICK_US=$((1000000 / $(getconf CLK_TCK)))
# wrk -t2 -c32 -d10s, then the server's own CPU time per request (wall figures move with the
# machine's other load; CPU per request much less).
run() {
  local label=$1; shift
  local t0 out t1 n
  t0=$(cpu_ticks)
  out=$(wrk -t2 -c32 -d10s --latency -H "Authorization: Bearer $TOKEN" "$@")
  t1=$(cpu_ticks)
  n=$(echo "$out" | grep -oE "^ +[0-9]+ requests" | grep -oE "[0-9]+")
  echo "== $label"
  echo "$out" | grep -E "Requests/sec|  50%|  99%"
  echo "   server CPU per request: $(( (t1 - t0) * TICK_US / n )) µs"
}
BASE="http://127.0.0.1:$PORT"
for url in "/api/v1/projects?limit=50" "/api/v1/projects?category=industrial&stage=started&limit=50&offset=100" \
           "/api/v1/projects?q=%E9%92%A2%E7%90%83&limit=50" "/api/v1/projects?year=2026&limit=50&offset=5000" \
           "/api/v1/projects?year=2026&sort=annual_plan&limit=50" "/api/v1/projects?year=2025&limit=50"; do
  run "same page: $url" "$BASE$url"
done
# Random pages: 500 pages of the county's list (25,000 projects), 180 of the filtered one.
PAGE_PATH="/api/v1/projects?limit=50" PAGES=500 run "random pages of /api/v1/projects?limit=50" -s bench/list_pages.lua "$BASE"
PAGE_PATH="/api/v1/projects?category=industrial&stage=started&limit=50" PAGES=180 \
  run "random pages of /api/v1/projects?category=industrial&stage=started&limit=50" -s bench/list_pages.lua "$BASE"
# The year join over the whole county's list of 2026, sorted by the year row's figure.
PAGE_PATH="/api/v1/projects?year=2026&sort=annual_plan&limit=50" PAGES=500 \
  run "random pages of /api/v1/projects?year=2026&sort=annual_plan&limit=50" -s bench/list_pages.lua "$BASE"
echo "server peak memory: $(grep VmHWM /proc/$PID/status)"
