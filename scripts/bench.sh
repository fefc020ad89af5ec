#!/usr/bin/env bash
# Runs every benchmark and prints its figures (never part of pass/fail: the machine is shared, and a
# benchmark that breaks is reported and the others still run), then one table of every figure the
# benchmarks printed as a FIGURE| line (the format: bench/figure.sh and bench/README.md), with its
# reference run and ratio.
# bench/ledger.sh first: it writes the 100,000-project database bench/http.sh then reuses.
# bench/compare.sh is left out (it compares two commits: bash bench/compare.sh OLD NEW).
# Each one also runs alone: bash bench/<name>.sh (its FIGURE| lines are in its own output).
#   BENCHES="bench/http.sh bench/lights.sh"   only these (in this order)
set -uo pipefail
cd "$(dirname "$0")/.." || exit 0
first=(bench/ledger.sh bench/http.sh bench/durability.sh)
rest=()
for b in bench/*.sh; do
  case " ${first[*]} bench/compare.sh bench/figure.sh " in *" $b "*) ;; *) rest+=("$b") ;; esac
done
# shellcheck disable=SC2206
[ -n "${BENCHES:-}" ] && first=($BENCHES) && rest=()
LOG=$(mktemp /tmp/gongjian-bench-figures.XXXXXX)
trap 'rm -f "$LOG"' EXIT
for b in "${first[@]}" "${rest[@]}"; do
  [ -f "$b" ] || continue
  echo "#### $b"
  # Each line shown as it comes; FIGURE| lines kept (with the benchmark's name) for the table.
  bash "$b" 2>&1 | while IFS= read -r line; do
    printf '%s\n' "$line"
    case "$line" in FIGURE\|*) printf '%s|%s\n' "$b" "$line" >>"$LOG" ;; esac
  done
  status=${PIPESTATUS[0]}
  [ "$status" = 0 ] || echo "#### $b stopped with status $status (its figures above are partial)"
done
echo
echo "#### every figure (ratio: the figure against its reference or target, as the issue judges it)"
python3 - "$LOG" <<'PY'
import sys
rows = []
for line in open(sys.argv[1], encoding="utf8"):
    p = line.rstrip("\n").split("|")
    if len(p) < 8: p += ["-"] * (8 - len(p))
    bench, _, name, value, unit, ref, ratio, target = p[:8]
    rows.append((bench.removeprefix("bench/"), name, f"{value} {unit}", target, ref, ratio))
head = ("bench", "figure", "measured", "target", "reference (same run)", "ratio")
if not rows:
    print("(no benchmark printed a FIGURE| line)")
    sys.exit(0)
w = [max(len(r[i]) for r in rows + [head]) for i in range(6)]
fmt = lambda r: "  ".join(f"{r[i]:<{w[i]}}" if i != 2 else f"{r[i]:>{w[i]}}" for i in range(6)).rstrip()
print(fmt(head))
for r in rows: print(fmt(r))
print(f"load average now: {' '.join(open('/proc/loadavg').read().split()[:3])} on a shared machine: compare"
      " each figure with its reference, not across runs.")
PY
exit 0
