#!/usr/bin/env bash
# Issue 16 item 2 (Excel exchange) and the xlsx part of item 1, each against its reference in the
# same run:
#   ledger export of 100,000 projects      target <= 1 s and <= 1/5 of LibreOffice opening the file
#   ledger import of that xlsx (real, dry)  target <= 2 s and <= 1/5 of LibreOffice opening the file
#   100,000-row land xlsx -> CSV (CLI)      target <= 0.5 s
# LibreOffice's time is `soffice --headless --convert-to csv` of the exported ledger (best of
# LO_RUNS). Wall and CPU are printed; the machine is shared, so the ratios are what to compare.
#   bash bench/excel.sh            (N=100000 DIR=/tmp/gongjian-excel-bench RUNS=3 LO_RUNS=2)
#   REUSE=1 bash bench/excel.sh    re-uses DIR/ledger.db and DIR/ledger.xlsx of an earlier run
#   SKIP_LAND=1                    the ledger figures only (bench/ledger.sh)
set -uo pipefail
cd "$(dirname "$0")/.."
N=${N:-100000}
DIR=${DIR:-/tmp/gongjian-excel-bench}
BIN_DIR=${BIN_DIR:-./build}
RUNS=${RUNS:-3}
LO_RUNS=${LO_RUNS:-2}
LAND_DIR=${GJ_BENCH_DIR:-/tmp/gj-land-bench}
mkdir -p "$DIR" "$LAND_DIR"
echo "excel exchange (load $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores)"

# best_of LABEL CMD...: the lowest "X s wall, Y s CPU" line of $RUNS runs of CMD, whose output
# holds LABEL followed by that text; sets WALL and CPU.
best_of() {
  local label=$1
  shift
  WALL=""
  CPU=""
  for _ in $(seq "$RUNS"); do
    local line w c
    line=$("$@" 2>&1 | grep -F "$label" | tail -1)
    w=$(echo "$line" | grep -oE '[0-9.]+ s wall' | grep -oE '^[0-9.]+')
    c=$(echo "$line" | grep -oE '[0-9.]+ s CPU' | grep -oE '^[0-9.]+')
    [ -z "$w" ] && { echo "  $label: failed: $line"; continue; }
    if [ -z "$WALL" ] || awk -v a="$w" -v b="$WALL" 'BEGIN { exit !(a < b) }'; then WALL=$w; CPU=$c; fi
  done
}

if [ -z "${REUSE:-}" ] || [ ! -f "$DIR/ledger.db" ] || [ ! -f "$DIR/ledger.xlsx" ]; then
  "$BIN_DIR/ledger_bench" "$DIR" "$N" | grep -E "^generate" || { echo "ledger_bench failed"; exit 0; }
fi
best_of "export:" env EXPORT_ONLY=1 "$BIN_DIR/ledger_bench" "$DIR"
EXPORT_W=$WALL EXPORT_C=$CPU
best_of "import:" env IMPORT_ONLY=1 "$BIN_DIR/ledger_bench" "$DIR"
IMPORT_W=$WALL IMPORT_C=$CPU
best_of "import:" env IMPORT_ONLY=1 DRY_RUN=1 "$BIN_DIR/ledger_bench" "$DIR"
DRY_W=$WALL DRY_C=$CPU

# LibreOffice Calc opening the exported ledger (and writing its CSV), best of LO_RUNS.
LO=""
LO_CPU=""
if command -v soffice >/dev/null; then
  mkdir -p "$DIR/lo"
  for _ in $(seq "$LO_RUNS"); do
    rm -f "$DIR/lo/ledger.csv"
    if /usr/bin/time -f '%e %U %S' -o "$DIR/lo/time.txt" soffice --headless \
      "-env:UserInstallation=file://$DIR/lo/profile" --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76' \
      --outdir "$DIR/lo" "$DIR/ledger.xlsx" >/dev/null 2>&1 && [ -s "$DIR/lo/ledger.csv" ]; then
      read -r w u s <"$DIR/lo/time.txt"
      if [ -z "$LO" ] || awk -v a="$w" -v b="$LO" 'BEGIN { exit !(a < b) }'; then
        LO=$w
        LO_CPU=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')
      fi
    fi
  done
fi
rows=$(($(wc -l <"$DIR/lo/ledger.csv" 2>/dev/null || echo 1) - 1))
echo "LibreOffice Calc opens the exported ledger ($rows data rows): ${LO:-n/a} s wall, ${LO_CPU:-n/a} s CPU (best of $LO_RUNS)"
figure() {  # figure LABEL WALL CPU TARGET_S
  if [ -n "$LO" ]; then
    awk -v l="$1" -v w="$2" -v c="$3" -v t="$4" -v lo="$LO" -v lc="$LO_CPU" 'BEGIN {
      printf "%-34s %6.2f s wall, %5.2f s CPU  (target <= %s s); LibreOffice/%s: %.1fx by wall, %.1fx by CPU (target >= 5)\n",
        l, w, c, t, l ~ /export/ ? "export" : "import", lo / w, lc / (c > 0 ? c : 0.01) }'
  else
    printf "%-34s %6.2f s wall, %5.2f s CPU  (target <= %s s); LibreOffice: n/a\n" "$1" "$2" "$3" "$4"
  fi
  # The FIGURE| line of make bench's table (bench/figure.sh): the wall time against LibreOffice's.
  awk -v l="$1" -v w="$2" -v t="$4" -v lo="${LO:-}" 'BEGIN {
    ref = lo == "" ? "-" : sprintf("LibreOffice opens it in %.2f s", lo)
    ratio = lo == "" ? "-" : sprintf("1/%.1f of LibreOffice", lo / (w > 0 ? w : 0.01))
    printf "FIGURE|%s|%.2f|s|%s|%s|<= %s s and <= 1/5 of LibreOffice\n", l, w, ref, ratio, t }'
}
figure "ledger export xlsx" "${EXPORT_W:-0}" "${EXPORT_C:-0}" 1
figure "ledger import xlsx (journaled)" "${IMPORT_W:-0}" "${IMPORT_C:-0}" 2
figure "ledger import xlsx (dry run)" "${DRY_W:-0}" "${DRY_C:-0}" 2

[ -n "${SKIP_LAND:-}" ] && exit 0
# The 100,000-row land xlsx -> CSV through the CLI (bench/land_gen.py data, as bench/land_eval.sh).
[ -f "$LAND_DIR/land_100k.xlsx" ] || python3 bench/land_gen.py 100000 "$LAND_DIR/land_100k.xlsx"
if [ -x /usr/bin/time ]; then
  BEST=""
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f '%e %U %S' -o "$DIR/land_time.txt" "$BIN_DIR/gongjian" evaluate land \
      --input "$LAND_DIR/land_100k.xlsx" -o "$DIR/land_100k.csv" >/dev/null 2>&1 || echo "  evaluate land failed"
    read -r w u s <"$DIR/land_time.txt"
    if [ -z "$BEST" ] || awk -v a="$w" -v b="${BEST%% *}" 'BEGIN { exit !(a < b) }'; then BEST="$w $u $s"; fi
  done
  read -r w u s <<<"$BEST"
  awk -v w="$w" -v u="$u" -v s="$s" 'BEGIN {
    printf "%-34s %6.2f s wall, %5.2f s CPU  (target <= 0.5 s)\n", "land 100k xlsx -> csv (CLI)", w, u + s }'
  awk -v w="$w" 'BEGIN { printf "FIGURE|land 100k xlsx->csv (CLI)|%.2f|s|-|-|<= 0.5 s\n", w }'
fi
"$BIN_DIR/xlsx_read_bench" "$LAND_DIR/land_100k.xlsx" "$RUNS" | sed 's/^/  of which the xlsx reader: /'
exit 0
