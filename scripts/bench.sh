#!/usr/bin/env bash
# Runs every benchmark and prints its figures (never part of pass/fail: the machine is shared, and a
# benchmark that breaks is reported and the others still run).
# bench/ledger.sh first: it writes the 100,000-project database bench/http.sh then reuses.
# bench/compare.sh is left out (it compares two commits: bash bench/compare.sh OLD NEW).
# Each one also runs alone: bash bench/<name>.sh
set -uo pipefail
cd "$(dirname "$0")/.." || exit 0
first=(bench/ledger.sh bench/http.sh bench/durability.sh)
rest=()
for b in bench/*.sh; do
  case " ${first[*]} bench/compare.sh " in *" $b "*) ;; *) rest+=("$b") ;; esac
done
for b in "${first[@]}" "${rest[@]}"; do
  [ -f "$b" ] || continue
  echo "#### $b"
  bash "$b" || echo "#### $b stopped with status $? (its figures above are partial)"
done
exit 0
