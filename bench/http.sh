#!/usr/bin/env bash
# HTTP figures of issue 14, item 1, against `gongjian serve` on a 100,000-project database, with
# wrk on loopback (it only talks HTTP, so it measures any server behind the same routes):
#   1. the project list as the web app asks for its first page (GET /api/v1/projects?offset=0&limit=20,
#      a county coordinator's token) and /healthz: req/s, p50, p99;
#   2. the same while bench/hold_connections.mjs holds IDLE idle keep-alive connections and SLOW
#      slow-header connections (a partial request, then one byte every few seconds) open;
#   3. the server's peak memory through all of it (VmHWM of /proc/PID/status);
#   4. the list cases of issue 16 item 4 (plain page, filters, search, random pages, random pages of a
#      filter, each ROUNDS times, /healthz once per round as the reference beside them): the median
#      p99 of each against ≤ 10 ms and against the median /healthz p99 of the same rounds;
# then a table of each figure against its target (≥ 10,000 req/s and p99 ≤ 10 ms for the list;
# p99 ≤ 50 ms for the list and /healthz under held connections; ≤ 150 MB) with the ratio.
# A benchmark: it prints figures and exits 0 even when a target is missed or the server hangs (wrk
# runs with --timeout 2s; a request that times out counts against p99 — wrk leaves it out of its
# own latency figures — and the errors are printed).
#   bash bench/http.sh            alone; scripts/bench.sh (make bench) runs it with the others
#   N=100000                      projects (DIR/ledger.db of bench/ledger.sh is reused when it holds
#                                 at least N projects; else bench/ledger_bench writes it, as ledger.sh does)
#   DIR=/tmp/gongjian-bench  BIN_DIR=./build  DURATION=10s  IDLE=1000  SLOW=200
#   WRK_THREADS=2 WRK_CONNECTIONS=32 (as bench/ledger.sh)   SERVE_ARGS="…" extra `serve` options
#   ROUNDS=3 CASE_DURATION=5s        the list cases of step 4 (median of ROUNDS runs of each)
#   SKIP_HELD=1                       leaves out step 2 (the held connections)
# Every figure is also printed as a FIGURE| line (bench/figure.sh) for the table of make bench.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 0
. bench/figure.sh
N=${N:-100000}
DIR=${DIR:-/tmp/gongjian-bench}
BIN_DIR=${BIN_DIR:-./build}
DURATION=${DURATION:-10s}
IDLE=${IDLE:-1000}
SLOW=${SLOW:-200}
WRK_THREADS=${WRK_THREADS:-2}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-32}
ROUNDS=${ROUNDS:-3}
CASE_DURATION=${CASE_DURATION:-5s}
LIST_PATH="/api/v1/projects?offset=0&limit=20"  # web/src/query.js listParams of the opening page
mkdir -p "$DIR"
RESULTS=$DIR/http-results.txt
: >"$RESULTS"

# 1,200 held sockets in the holder and as many in the server (it inherits this limit), plus wrk's.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((2 * (IDLE + SLOW) + 256)) ]; then
  echo "note: open-file limit $(ulimit -n) is below what $IDLE + $SLOW held connections need; figures of step 2 are partial"
fi

for tool in wrk node curl python3; do
  command -v "$tool" >/dev/null || { echo "bench/http.sh: $tool is missing; no figures"; exit 0; }
done
[ -x "$BIN_DIR/gongjian" ] || { echo "bench/http.sh: no $BIN_DIR/gongjian (build first); no figures"; exit 0; }

PORT=$((30000 + RANDOM % 10000))
BASE="http://127.0.0.1:$PORT"
SERVER_PID=""
HOLD_PID=""
cleanup() {
  [ -n "$HOLD_PID" ] && kill "$HOLD_PID" 2>/dev/null
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null
  wait 2>/dev/null
}
trap cleanup EXIT

start_server() {
  # shellcheck disable=SC2086
  "$BIN_DIR/gongjian" serve --db "$DIR/ledger.db" --port "$PORT" --report-tasks-hours 0 ${SERVE_ARGS:-} \
    2>"$DIR/http-server.log" &
  SERVER_PID=$!
  for _ in $(seq 300); do curl -sf -m 1 "$BASE/healthz" >/dev/null && return 0; sleep 0.1; done
  echo "bench/http.sh: the server did not answer /healthz (see $DIR/http-server.log); no figures"
  exit 0
}
login() {
  curl -s -m 5 -X POST "$BASE/api/v1/auth/login" -d '{"login":"dongezb","password":"demo1234"}' |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}
list_count() {
  curl -s -m 10 -H "Authorization: Bearer $TOKEN" "$BASE$LIST_PATH" |
    python3 -c 'import json,sys; print(json.load(sys.stdin).get("total_count", 0))' 2>/dev/null || echo 0
}

# The database: bench/ledger.sh's when it is there and large enough, else written the same way.
TOKEN=""
if [ -f "$DIR/ledger.db" ]; then
  start_server
  TOKEN=$(login)
  COUNT=$(list_count)
  # The coordinator sees one county (a quarter of the projects): the file's own count decides.
  STORED=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM projects").fetchone()[0])' "$DIR/ledger.db" 2>/dev/null || echo 0)
  if [ "${STORED:-0}" -lt "$N" ]; then
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null; SERVER_PID=""
  fi
fi
if [ -z "$SERVER_PID" ]; then
  echo "writing $DIR/ledger.db ($N projects) with bench/ledger_bench …"
  "$BIN_DIR/ledger_bench" "$DIR" "$N" >/dev/null || { echo "bench/http.sh: ledger_bench failed; no figures"; exit 0; }
  start_server
  TOKEN=$(login)
  COUNT=$(list_count)
fi
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (figures move with it)"
echo "server pid $SERVER_PID on $BASE; the county coordinator's list holds $COUNT projects"

# A field of the server's /proc status (0 when it is gone: a zombie has no memory lines).
status_field() {
  local v
  v=$(awk -v f="$1:" '$1 == f {print $2}' "/proc/$SERVER_PID/status" 2>/dev/null)
  echo "${v:-0}"
}
hwm_kb() { status_field VmHWM; }
rss_kb() { status_field VmRSS; }
threads() { status_field Threads; }

# wrk once; prints its figures and appends one line to RESULTS:
#   label|req/s|p50 ms|p99 ms|requests|timeouts|other socket errors|non-2xx
cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat" 2>/dev/null || echo 0; }
TICK_US=$((1000000 / $(getconf CLK_TCK)))
# measure LABEL PATH [wrk options…] (DURATION from the environment of the call)
measure() {
  local label=$1 path=$2 out t0 t1
  shift 2
  t0=$(cpu_ticks)
  out=$(wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$DURATION" --timeout 2s --latency \
    -H "Authorization: Bearer $TOKEN" "$@" "$BASE$path" 2>&1)
  t1=$(cpu_ticks)
  echo "$out" >"$DIR/http-wrk-${label//[^a-z]/_}.txt"
  echo "== $label: GET $path"
  echo "$out" | grep -E "Requests/sec|^ +50%|^ +99%|requests in|Socket errors|Non-2xx" | sed 's/^ */   /'
  echo "$out" | LABEL=$label CPU_US=$(( (${t1:-0} - ${t0:-0}) * TICK_US )) python3 -c '
import os, re, sys
t = sys.stdin.read()
def ms(s):
    m = re.match(r"([\d.]+)(us|ms|s|m)$", s)
    if not m: return float("nan")
    return float(m[1]) * {"us": 1e-3, "ms": 1, "s": 1e3, "m": 6e4}[m[2]]
def f(rx, conv=float, d=0):
    m = re.search(rx, t, re.M)
    return conv(m[1]) if m else d
rps = f(r"Requests/sec:\s*([\d.]+)")
p50 = f(r"^\s+50%\s+(\S+)", ms, float("nan"))
p99 = f(r"^\s+99%\s+(\S+)", ms, float("nan"))
n = f(r"(\d+) requests in", int)
se = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", t)
timeouts = int(se[4]) if se else 0
other = sum(int(se[i]) for i in (1, 2, 3)) if se else 0
non2xx = f(r"Non-2xx or 3xx responses:\s*(\d+)", int)
label = os.environ["LABEL"]
cpu = int(os.environ["CPU_US"]) / n if n else 0
print(f"   server CPU per request: {cpu:.0f} µs", file=sys.stderr)
print(f"{label}|{rps}|{p50}|{p99}|{n}|{timeouts}|{other}|{non2xx}|{cpu}")
' >>"$RESULTS"
}

echo "#### 1. no other connections"
measure "list" "$LIST_PATH"
# The same page named by its year (the list's own answer says which): without ?year= the store picks
# each project's latest year row, with it the year's join — the HTTP layer's part shows in the gap.
YEAR=$(curl -s -m 10 -H "Authorization: Bearer $TOKEN" "$BASE$LIST_PATH" |
  python3 -c 'import json,sys; print(json.load(sys.stdin).get("year", ""))' 2>/dev/null)
[ -n "$YEAR" ] && measure "list of the year" "/api/v1/projects?year=$YEAR&offset=0&limit=20"
measure "healthz" "/healthz"
echo "   server: VmRSS $(( $(rss_kb) / 1024 )) MB, VmHWM $(( $(hwm_kb) / 1024 )) MB, $(threads) threads"

if [ -z "${SKIP_HELD:-}" ]; then
echo "#### 2. while $IDLE idle keep-alive and $SLOW slow-header connections are held open"
STATUS=$DIR/http-hold-status.json
rm -f "$STATUS"
node bench/hold_connections.mjs 127.0.0.1 "$PORT" "$IDLE" "$SLOW" "$STATUS" &
HOLD_PID=$!
for _ in $(seq 60); do
  grep -q '"ready":true' "$STATUS" 2>/dev/null && break
  sleep 0.5
done
echo "   holder: $(cat "$STATUS" 2>/dev/null)"
echo "   server: VmRSS $(( $(rss_kb) / 1024 )) MB, $(threads) threads, $(find "/proc/$SERVER_PID/fd" -mindepth 1 2>/dev/null | wc -l) open descriptors"
measure "list, connections held" "$LIST_PATH"
measure "healthz, connections held" "/healthz"
echo "   holder: $(cat "$STATUS" 2>/dev/null)"
echo "   server: VmRSS $(( $(rss_kb) / 1024 )) MB, VmHWM $(( $(hwm_kb) / 1024 )) MB, $(threads) threads"
kill "$HOLD_PID" 2>/dev/null; wait "$HOLD_PID" 2>/dev/null; HOLD_PID=""
fi

echo "#### 3. the list cases of issue 16 item 4, $ROUNDS rounds of $CASE_DURATION each"
# The plain page, two filters, a search, random pages of the county's list (500 pages of 50: each
# request a page the server may not have written yet) and of a filter; /healthz in every round is
# the reference: what the machine and the HTTP layer alone give at p99 in the same minutes.
CASES=(
  "plain|$LIST_PATH"
  "filter|/api/v1/projects?category=industrial&stage=started&limit=50&offset=100"
  "filter year sort|/api/v1/projects?year=${YEAR:-2026}&sort=annual_plan&limit=50&offset=5000"
  "search|/api/v1/projects?q=%E9%92%A2%E7%90%83&limit=50"
  "random pages|/api/v1/projects?limit=50|500"
  "random pages filtered|/api/v1/projects?category=industrial&stage=started&limit=50|180"
)
for round in $(seq "$ROUNDS"); do
  DURATION=$CASE_DURATION measure "case healthz#$round" "/healthz"
  for c in "${CASES[@]}"; do
    IFS='|' read -r name path pages <<<"$c"
    if [ -n "$pages" ]; then
      PAGE_PATH=$path PAGES=$pages DURATION=$CASE_DURATION measure "case $name#$round" "$path" -s bench/list_pages.lua
    else
      DURATION=$CASE_DURATION measure "case $name#$round" "$path"
    fi
  done
done
echo "   server: VmRSS $(( $(rss_kb) / 1024 )) MB, VmHWM $(( $(hwm_kb) / 1024 )) MB, $(threads) threads"

echo "#### 4. after the runs"
if curl -sf -m 5 "$BASE/healthz" >/dev/null; then echo "   /healthz answers"; else echo "   /healthz does not answer within 5 s"; fi
HWM=$(hwm_kb)
echo "   server peak memory: VmHWM ${HWM:-0} kB"
echo "memory|$(( ${HWM:-0} ))" >>"$RESULTS"
echo "rss|$(rss_kb)" >>"$RESULTS"
[ -d "/proc/$SERVER_PID" ] || echo "   the server exited during the run (see $DIR/http-server.log)"

echo "#### figures against the targets (issue 14, item 1)"
python3 - "$RESULTS" <<'EOF'
import math, sys
rows, mem, rss = {}, None, None
for line in open(sys.argv[1], encoding="utf8"):
    p = line.rstrip("\n").split("|")
    if p[0] == "memory": mem = int(p[1]) / 1024; continue
    if p[0] == "rss": rss = int(p[1]) / 1024; continue
    rows[p[0]] = dict(rps=float(p[1]), p50=float(p[2]), p99=float(p[3]), n=int(p[4]), timeouts=int(p[5]),
                      errors=int(p[6]), non2xx=int(p[7]), cpu=float(p[8]))
def p99(r):
    # wrk leaves timed-out requests out of its latency figures: with more than 1% of them the p99
    # is at least the 2 s timeout.
    attempts = r["n"] + r["timeouts"]
    if attempts == 0 or r["timeouts"] > 0.01 * attempts: return 2000.0, "≥ "
    return r["p99"], ""
table, notes = [], []
def add(name, value, prefix, unit, target, higher):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        table.append((name, "-", f"{'≥' if higher else '≤'} {target:g} {unit}", "-", "missed (no figure)")); return
    ratio = value / target
    met = value >= target if higher else (value <= target and not prefix)
    table.append((name, f"{prefix}{value:,.1f} {unit}", f"{'≥' if higher else '≤'} {target:g} {unit}",
                  f"{ratio:.2f}", "met" if met else "missed"))
for key, name, targets in (("list", "project list", (10000, 10)),
                           ("list of the year", "project list ?year= (no target)", (None, None)),
                           ("healthz", "/healthz", (None, None)),
                           ("list, connections held", "project list, connections held", (None, 50)),
                           ("healthz, connections held", "/healthz, connections held", (None, 50))):
    r = rows.get(key)
    if r is None:
        table.append((f"{name}", "no figure", "", "", "missed" if targets[1] else "")); continue
    ok = r["n"] - r["non2xx"]
    if targets[0]: add(f"{name} req/s", r["rps"] if ok > 0 else 0.0, "", "req/s", targets[0], True)
    else: table.append((f"{name} req/s", f"{r['rps']:,.0f} req/s", "", "", ""))
    table.append((f"{name} p50", f"{r['p50']:.2f} ms" if r["n"] else "-", "", "", ""))
    v, prefix = p99(r)
    if targets[1]: add(f"{name} p99", v, prefix, "ms", targets[1], False)
    else: table.append((f"{name} p99", f"{prefix}{v:,.1f} ms", "", "", ""))
    if r["cpu"]: table.append((f"{name} server CPU/request", f"{r['cpu']:,.0f} µs", "", "", ""))
    if r["n"] == 0:
        notes.append(f"{name}: no request answered in the run (wrk then counts no timeout): p99 taken as ≥ 2 s")
    elif r["timeouts"] or r["errors"] or r["non2xx"]:
        notes.append(f"{name}: {r['n']} answered, {r['timeouts']} timed out (2 s), {r['errors']} socket errors, {r['non2xx']} not 2xx")
add("server peak memory (VmHWM)", mem, "", "MB", 150, False)
# Issue 16 item 4: the median p99 of each list case over the rounds, against 10 ms and against
# the median /healthz p99 of the same rounds (the reference run beside it).
import statistics
cases = {}
for key, r in rows.items():
    if key.startswith("case "):
        name = key[5:].rsplit("#", 1)[0]
        cases.setdefault(name, []).append(r)
figures = []
def fig(name, value, unit, ref, ratio, target):
    figures.append(f"FIGURE|{name}|{value}|{unit}|{ref}|{ratio}|{target}")
ref_p99 = statistics.median(p99(r)[0] for r in cases["healthz"]) if "healthz" in cases else None
if ref_p99 is not None:
    table.append(("list cases: /healthz p99 (reference, median)", f"{ref_p99:,.2f} ms", "", "", ""))
    fig("healthz p99 (reference of the list cases)", f"{ref_p99:.2f}", "ms", "-", "-", "-")
for name, rs in cases.items():
    if name == "healthz": continue
    med = statistics.median(p99(r)[0] for r in rs)
    rps = statistics.median(r["rps"] for r in rs)
    p50 = statistics.median(r["p50"] for r in rs)
    cpu = statistics.median(r["cpu"] for r in rs)
    add(f"list {name}: p99 (median of {len(rs)})", med, "", "ms", 10, False)
    table.append((f"list {name}: req/s, p50, CPU/req", f"{rps:,.0f} req/s", f"p50 {p50:.2f} ms", f"{cpu:,.0f} µs", ""))
    refx = f"/healthz p99 {ref_p99:.2f} ms (×{med / ref_p99:.1f})" if ref_p99 else "-"
    fig(f"list p99, {name} ({rps:,.0f} req/s)", f"{med:.2f}", "ms", refx, f"{med / 10:.2f}", "≤ 10 ms")
if mem is not None:
    fig("server peak memory, list benchmark (VmHWM)", f"{mem:.0f}", "MB", "-", f"{mem / 100:.2f}", "≤ 100 MB (issue 16); ≤ 150 MB (issue 14)")
for key, name in (("list", "list req/s, first page"),):
    r = rows.get(key)
    if r: fig(name, f"{r['rps']:.0f}", "req/s", "-", f"{r['rps'] / 10000:.2f}", "≥ 10000 req/s")
for key, name in (("list, connections held", "list p99, connections held"),
                  ("healthz, connections held", "/healthz p99, connections held")):
    r = rows.get(key)
    if r:
        v = p99(r)[0]
        fig(name, f"{v:.2f}", "ms", "-", f"{v / 50:.2f}", "≤ 50 ms")
w = [max(len(str(row[i])) for row in table + [("figure", "measured", "target", "ratio", "")]) for i in range(5)]
print(f"{'figure':<{w[0]}}  {'measured':>{w[1]}}  {'target':<{w[2]}}  {'ratio':>{w[3]}}  result")
for row in table:
    print(f"{row[0]:<{w[0]}}  {row[1]:>{w[1]}}  {row[2]:<{w[2]}}  {row[3]:>{w[3]}}  {row[4]}")
for n in notes: print("  - " + n)
print(f"machine load average at the end: {' '.join(open('/proc/loadavg').read().split()[:3])}")
print("(ratio = measured / target: ≥ 1 is good for req/s, ≤ 1 for latency and memory. A benchmark:")
print(" the figures move with the machine's other load and never fail a test.)")
for f in figures: print(f)
EOF
exit 0
