#!/usr/bin/env bash
# Durability figures (issue 14, item 5): SQLite synchronous=FULL (the product's setting) against
# NORMAL in WAL mode, same run, same disk: 2,000 single versioned writes through the ledger service
# and the import of a 100,000-project xlsx; prints both and FULL/NORMAL (bench/durability_bench.cpp).
#   N=100000 WRITES=2000 ROUNDS=2 BIN_DIR=./build
#   DURABILITY_DIR (default build/bench-durability: on the repository's disk, not a tmpfs /tmp where a sync is free)
set -uo pipefail
cd "$(dirname "$0")/.." || exit 0
N=${N:-100000}
BIN_DIR=${BIN_DIR:-./build}
DIR=${DURABILITY_DIR:-$BIN_DIR/bench-durability}
[ -x "$BIN_DIR/durability_bench" ] || { echo "bench/durability.sh: no $BIN_DIR/durability_bench (build first)"; exit 0; }
"$BIN_DIR/durability_bench" "$DIR" "$N" || echo "bench/durability.sh: durability_bench stopped with status $?"
rm -rf "$DIR"
exit 0
