#!/usr/bin/env bash
# The first screen in a real browser (issue 16, item 5): `gongjian serve` on the 100,000-project
# database with this build's web app (BIN_DIR/web: split by route, precompressed), then with the
# reference — the web app of the commit before the split (one bundle of ~880 KB and no precompressed
# files, built once from git into DIR/first-screen-ref/) behind the same server — each measured by
# bench/first_screen.mjs in Debian's Chromium (the browser tests' launch, web/e2e/harness.mjs):
# the log-in page's script (compressed bytes as the browser received them), the ledger's first rows
# in a fresh browser and after a reload (median of RUNS), and the table of figures, targets and
# ratios. A benchmark: it prints figures and exits 0 whatever they are.
#   bash bench/first_screen.sh      alone; scripts/bench.sh (make bench) runs it with the others
#   N=100000                        projects (DIR/ledger.db of bench/ledger.sh is reused when there;
#                                   else bench/ledger_bench writes it; N=10000 for a quicker one)
#   DIR=/tmp/gongjian-bench  BIN_DIR=./build  RUNS=5
#   REF_WEB=path                    a reference web app of your own instead of the built one
set -uo pipefail
cd "$(dirname "$0")/.." || exit 0
N=${N:-100000}
DIR=${DIR:-/tmp/gongjian-bench}
BIN_DIR=${BIN_DIR:-./build}
RUNS=${RUNS:-5}
WEB=${WEB:-$BIN_DIR/web}
export RUNS
mkdir -p "$DIR"

for tool in node curl python3; do
  command -v "$tool" >/dev/null || { echo "bench/first_screen.sh: $tool is missing; no figures"; exit 0; }
done
[ -x "$BIN_DIR/gongjian" ] || { echo "bench/first_screen.sh: no $BIN_DIR/gongjian (build first); no figures"; exit 0; }
[ -f "$WEB/index.html" ] || { echo "bench/first_screen.sh: no web app in $WEB (make builds it); no figures"; exit 0; }
[ -d web/node_modules/playwright-core ] || { echo "bench/first_screen.sh: web/node_modules is missing (make setup); no figures"; exit 0; }
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || { echo "bench/first_screen.sh: no chromium; no figures"; exit 0; }

# The database: bench/ledger.sh's when it is there, else written the same way.
if [ ! -f "$DIR/ledger.db" ]; then
  echo "writing $DIR/ledger.db ($N projects) with bench/ledger_bench …"
  "$BIN_DIR/ledger_bench" "$DIR" "$N" >/dev/null || { echo "bench/first_screen.sh: ledger_bench failed; no figures"; exit 0; }
fi

# The reference web app: the commit before the one that split the app (the parent of the commit that
# added web/scripts/element_plus_on_demand.js), built once with today's node_modules.
if [ -z "${REF_WEB:-}" ]; then
  SPLIT=$(git log --format=%H --diff-filter=A -1 -- web/scripts/element_plus_on_demand.js 2>/dev/null)
  REF=$(git rev-parse --short "$SPLIT^" 2>/dev/null)
  if [ -n "$REF" ]; then
    REF_WEB=$DIR/first-screen-ref/$REF
    if [ ! -f "$REF_WEB/index.html" ]; then
      echo "building the reference web app of $REF (one bundle) into $REF_WEB …"
      SRC=$(mktemp -d)
      if git archive "$REF" web | tar -x -C "$SRC" && ln -s "$PWD/web/node_modules" "$SRC/web/node_modules" &&
        (cd "$SRC/web" && node_modules/.bin/vite build --outDir "$REF_WEB" --emptyOutDir >"$DIR/first-screen-ref.log" 2>&1); then
        :
      else
        echo "   the reference did not build (see $DIR/first-screen-ref.log)"
        rm -rf "$REF_WEB"
      fi
      rm -rf "$SRC"
    fi
  fi
fi
[ -n "${REF_WEB:-}" ] && [ -f "$REF_WEB/index.html" ] || REF_WEB=""

PORT=$((30000 + RANDOM % 10000))
BASE="http://127.0.0.1:$PORT"
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null
  wait 2>/dev/null
}
trap cleanup EXIT

# One measurement: the server with web app $1, bench/first_screen.mjs labelled $2 into $3.
measure() {
  local web=$1 label=$2 out=$3
  "$BIN_DIR/gongjian" serve --db "$DIR/ledger.db" --port "$PORT" --report-tasks-hours 0 --web "$web" \
    2>"$DIR/first-screen-server.log" &
  SERVER_PID=$!
  local up=""
  for _ in $(seq 300); do curl -sf -m 1 "$BASE/healthz" >/dev/null && { up=1; break; }; sleep 0.1; done
  if [ -z "$up" ]; then
    echo "   the server did not answer /healthz (see $DIR/first-screen-server.log)"
  else
    rm -f "$out"
    SERVER_PID=$SERVER_PID node bench/first_screen.mjs "$BASE" "$label" "$out" || echo "   bench/first_screen.mjs stopped with status $?"
  fi
  kill "$SERVER_PID" 2>/dev/null
  wait "$SERVER_PID" 2>/dev/null
  SERVER_PID=""
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (figures move with it)"
measure "$WEB" "this build ($WEB)" "$DIR/first-screen-new.json"
if [ -n "$REF_WEB" ]; then
  measure "$REF_WEB" "reference: one bundle ($REF_WEB)" "$DIR/first-screen-ref.json"
else
  echo "(no reference web app: git history or its build is missing; the ratios below use the decoded bytes)"
  rm -f "$DIR/first-screen-ref.json"
fi

echo "#### first screen against the targets (issue 16, item 5)"
python3 - "$DIR/first-screen-new.json" "$DIR/first-screen-ref.json" <<'EOF'
import json, os, sys
def load(p):
    try:
        with open(p, encoding="utf8") as f: return json.load(f)
    except (OSError, ValueError): return None
new, ref = load(sys.argv[1]), load(sys.argv[2])
if not new:
    print("no figures of this build"); sys.exit(0)
rows = []
def row(name, key, unit, target, scale=1.0, ref_key=None):
    v = new.get(key)
    r = ref.get(ref_key or key) if ref else new.get(ref_key) if ref_key else None
    fmt = (lambda x: f"{x / 1024:,.1f} KB") if unit == "KB" else (lambda x: f"{x:,.0f} ms")
    rows.append((name, fmt(v) if v is not None else "-", fmt(r) if r is not None else "-",
                 f"{v / r:.2f}" if v is not None and r else "-",
                 f"≤ {target:g} {unit}" if target else "",
                 ("met" if v is not None and v <= target * (1024 if unit == "KB" else 1) else "missed") if target else ""))
if ref:
    row("log-in page script (as sent)", "loginScriptBytes", "KB", 250)
    row("ledger script, nothing cached (as sent)", "ledgerScriptBytes", "KB", 250)
    row("log-in form shown", "loginMs", "ms", None)
    row("ledger first rows, nothing cached", "coldMs", "ms", None)
    row("ledger first rows after a reload", "reloadMs", "ms", 1000)
    row("  browser CPU until then", "reloadBrowserCpuMs", "ms", None)
    row("  server CPU until then", "reloadServerCpuMs", "ms", None)
    head = ("figure", "this build", "reference", "ratio", "target", "result")
else:
    row("log-in page script (as sent / decoded)", "loginScriptBytes", "KB", 250, ref_key="loginScriptDecoded")
    row("ledger script, nothing cached (as sent / decoded)", "ledgerScriptBytes", "KB", 250, ref_key="ledgerScriptDecoded")
    row("ledger first rows after a reload", "reloadMs", "ms", 1000)
    head = ("figure", "this build", "decoded", "ratio", "target", "result")
w = [max(len(str(x[i])) for x in rows + [head]) for i in range(6)]
print("  ".join(f"{h:<{w[i]}}" for i, h in enumerate(head)))
for x in rows: print("  ".join(f"{str(c):<{w[i]}}" for i, c in enumerate(x)))
# The FIGURE| lines of make bench's table (bench/figure.sh).
for name, v, r, ratio, target, _ in rows:
    if target:
        value, unit = (v.replace(",", "").split() + ["-"])[:2]
        print(f"FIGURE|{name.strip()}|{value}|{unit}|reference {r}|{ratio}|{target}")
print(f"machine load average at the end: {' '.join(open('/proc/loadavg').read().split()[:3])}")
print("(ratio = this build / reference: below 1 is better. A benchmark: the times move with the")
print(" machine's other load and never fail a test.)")
EOF
exit 0
