#!/usr/bin/env bash
# cli-vs-dtc.sh - whole-process timings (JVM start included) of `hwdesc dtc -I dtb -O dts` against
# dtc 1.6.1 on the benchmark DTBs. Prints the median wall time of N runs of each.
# hwdesc runs through the ./hwdesc launcher, exactly as a user runs it (JVM flags, CDS archive).
# Usage (from the repository root): bench/scripts/cli-vs-dtc.sh [RUNS]   (default 7)
# Never run inside `mvn verify`: timings belong in the closing notes, not in tests.
set -euo pipefail
runs=${1:-7}
root=$(cd "$(dirname "$0")/../.." && pwd)
"$root/hwdesc" --version >/dev/null # builds the jar and its archive if needed
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for name in tree-100000 refs-8000; do
    gunzip -c "$root/test-vectors/data/scale/$name.dtb.gz" > "$work/$name.dtb"
done
gunzip -c "$root/test-vectors/data/qemu-virt/gicv3-a57-smp2-1G.dtb.gz" > "$work/qemu-virt.dtb"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_runs() { # label cmd...
    local label=$1; shift
    local m
    m=$(for _ in $(seq "$runs"); do
        /usr/bin/time -f "%e" -o "$work/time" "$@" >/dev/null 2>&1 || true
        cat "$work/time"
    done | median)
    printf '%-34s %6s s (median of %d)\n' "$label" "$m" "$runs"
}
for name in qemu-virt tree-100000 refs-8000; do
    in=$work/$name.dtb
    time_runs "dtc    -I dtb -O dts $name" dtc -I dtb -O dts -o /dev/null "$in"
    time_runs "hwdesc -I dtb -O dts $name" "$root/hwdesc" dtc -I dtb -O dts -o /dev/null "$in"
done
