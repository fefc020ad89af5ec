#!/usr/bin/env bash
# End-to-end timing of `gongjian evaluate land` (wall clock and peak memory via /usr/bin/time -v):
#   1,000,000 enterprises CSV in → OUT.csv   (target ≤ 2 s, ≤ 1 GB)
#     100,000 enterprises xlsx in → OUT.csv  (target ≤ 3 s)
# Data is generated once by bench/land_gen.py into $GJ_BENCH_DIR (default /tmp/gj-land-bench).
# Runs each case once (the machine is shared): pass a count as $1 to repeat.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${GONGJIAN_BIN:-build/gongjian}
DIR=${GJ_BENCH_DIR:-/tmp/gj-land-bench}
RUNS=${1:-1}
mkdir -p "$DIR"
[ -f "$DIR/land_1m.csv" ] || python3 bench/land_gen.py 1000000 "$DIR/land_1m.csv"
[ -f "$DIR/land_100k.xlsx" ] || python3 bench/land_gen.py 100000 "$DIR/land_100k.xlsx"

measure() {
  local label=$1; shift
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -v "$BIN" evaluate land "$@" 2> "$DIR/time.txt" >/dev/null
    local wall rss user sys
    wall=$(grep "Elapsed (wall clock)" "$DIR/time.txt" | awk '{print $NF}')
    rss=$(grep "Maximum resident" "$DIR/time.txt" | awk '{print $NF}')
    user=$(grep "User time" "$DIR/time.txt" | awk '{print $NF}')
    sys=$(grep "System time" "$DIR/time.txt" | awk '{print $NF}')
    printf '%-28s wall %s  user %ss  sys %ss  peak %d MB  (load %s)\n' "$label" "$wall" "$user" "$sys" \
      $((rss / 1024)) "$(cut -d' ' -f1 /proc/loadavg)"
  done
}

measure "1M csv -> csv" --input "$DIR/land_1m.csv" -o "$DIR/out_1m.csv"
measure "100k xlsx -> csv" --input "$DIR/land_100k.xlsx" -o "$DIR/out_100k.csv"
measure "100k xlsx -> xlsx" --input "$DIR/land_100k.xlsx" -o "$DIR/out_100k.xlsx"
