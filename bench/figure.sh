# The one line format every benchmark prints its figures in, so that scripts/bench.sh (make bench)
# can gather them into one table at the end (bench/README.md describes it):
#   FIGURE|name|value|unit|reference|ratio|target
# name       what was measured ("list p99, search", "lights uncached")
# value      the figure, a plain number (no thousands separators)
# unit       ms, s, MB, req/s, awk passes …
# reference  the reference run beside it in the same run, as text ("/healthz p99 0.8 ms"; "-": none)
# ratio      the figure against its reference or target, as the issue judges it ("-": none)
# target     the bound ("≤ 10 ms"; "-": none)
# Source it (`. bench/figure.sh`) and call: figure NAME VALUE UNIT REFERENCE RATIO TARGET
figure() {
  printf 'FIGURE|%s|%s|%s|%s|%s|%s\n' "$1" "$2" "$3" "${4:--}" "${5:--}" "${6:--}"
}
