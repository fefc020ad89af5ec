#!/usr/bin/env bash
# Lights figures (issue 16 item 3): the lights of N projects with 20 weeks of reports each (100,000
# and 2,000,000) uncached, against one plain pass over the same reports in the same run (the
# reference); the county dashboard unchanged and on the first call after a write. Prints the
# supervision_bench output and its FIGURE| lines (bench/figure.sh format).
#   bash bench/lights.sh     N=100000 DIR=/tmp/gongjian-bench BIN_DIR=./build
set -uo pipefail
cd "$(dirname "$0")/.." || exit 0
N=${N:-100000}
DIR=${DIR:-/tmp/gongjian-bench}
BIN_DIR=${BIN_DIR:-./build}
[ -x "$BIN_DIR/supervision_bench" ] || { echo "bench/lights.sh: no $BIN_DIR/supervision_bench (build first)"; exit 0; }
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$BIN_DIR/supervision_bench" "$DIR" "$N"
exit 0
