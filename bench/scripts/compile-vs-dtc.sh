#!/usr/bin/env bash
# compile-vs-dtc.sh - whole-process timings (JVM start included) of `hwdesc dtc -I dts -O dtb`
# against dtc 1.6.1 on gen_dts.py's inputs, and hwdesc alone on the ones dtc cannot do.
# Usage (from the repository root): bench/scripts/compile-vs-dtc.sh [PATH/TO/gen_dts.py] [RUNS]
# gen_dts.py defaults to ../shared/scripts/gen_dts.py. Never run inside `mvn verify`.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
gen=${1:-$root/../shared/scripts/gen_dts.py}
runs=${2:-9}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$root/hwdesc" --version >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
seconds() { # cmd...: wall seconds of one run, output discarded
    /usr/bin/time -f "%e" -o "$work/time" "$@" >/dev/null 2>&1 || true
    cat "$work/time"
}
time_runs() { # label cmd...
    local label=$1; shift
    local m
    m=$(for _ in $(seq "$runs"); do seconds "$@"; done | median)
    printf '%-36s %7s s (median of %d)\n' "$label" "$m" "$runs"
}
# dtc and hwdesc take turns, so that both see the same moments of a noisy machine; the ratio of
# each pair is the fairest figure there.
for spec in "refs 8000" "tree 100000"; do
    set -- $spec
    python3 "$gen" "$1" "$2" > "$work/$1-$2.dts"
    for _ in $(seq "$runs"); do
        d=$(seconds dtc -q -I dts -O dtb -o "$work/dtc.dtb" "$work/$1-$2.dts")
        h=$(seconds "$root/hwdesc" dtc -q -I dts -O dtb -o "$work/hw.dtb" "$work/$1-$2.dts")
        echo "$d $h"
    done > "$work/pairs"
    printf '%-36s %7s s (median of %d)\n' "dtc    $1 $2" "$(awk '{print $1}' "$work/pairs" | median)" "$runs"
    printf '%-36s %7s s (median of %d)\n' "hwdesc $1 $2" "$(awk '{print $2}' "$work/pairs" | median)" "$runs"
    printf '%-36s %7s x (median of the pairs)\n' "  dtc/hwdesc" "$(awk '{printf "%.2f\n", $1 / $2}' "$work/pairs" | median)"
    cmp -s "$work/dtc.dtb" "$work/hw.dtb" && echo "  identical output" || echo "  OUTPUT DIFFERS"
done
runs=1
for spec in "flat 32000" "tree 1000000" "flat 1000000" "refs 1000000"; do
    set -- $spec
    python3 "$gen" "$1" "$2" > "$work/$1-$2.dts"
    time_runs "hwdesc $1 $2" "$root/hwdesc" dtc -q -I dts -O dtb -o "$work/hw.dtb" "$work/$1-$2.dts"
    rm -f "$work/$1-$2.dts"
done
