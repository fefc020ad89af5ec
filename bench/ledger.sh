#!/usr/bin/env bash
# Ledger benchmark (issue 2 figures): 100,000 projects in SQLite; export/import times; the list
# endpoint (filter + page of 50) under wrk on loopback; server memory. Prints the figures only.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-100000}
DIR=${DIR:-/tmp/gongjian-bench}
./build/ledger_bench "$DIR" "$N"
PORT=$((30000 + RANDOM % 10000))
./build/gongjian serve --db "$DIR/ledger.db" --port "$PORT" 2>/dev/null &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done
TOKEN=$(curl -s -X POST "http://127.0.0.1:$PORT/api/v1/auth/login" -d '{"login":"dongezb","password":"demo1234"}' |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
for url in "/api/v1/projects?limit=50" "/api/v1/projects?category=industrial&stage=started&limit=50&offset=100" \
           "/api/v1/projects?q=%E9%92%A2%E7%90%83&limit=50"; do
  echo "== wrk -t2 -c32 -d10s $url"
  wrk -t2 -c32 -d10s --latency -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$url" |
    grep -E "Requests/sec|  50%|  99%|Latency  "
done
echo "server peak memory: $(grep VmHWM /proc/$PID/status)"
