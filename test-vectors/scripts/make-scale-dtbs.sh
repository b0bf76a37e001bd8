#!/usr/bin/env bash
# make-scale-dtbs.sh - regenerate the large benchmark DTBs in test-vectors/data/scale/.
#
# Runs the project's DTS generator gen_dts.py (not stored in this repository)
# for "tree 100000" (1000 groups of 100 nodes) and "refs 8000" (8000 nodes,
# each with a phandle reference to another), compiles each DTS with
#   dtc -I dts -O dtb
# and stores the result as NAME.dtb.gz (gzip -n -9), plus MANIFEST.tsv:
#   name, sha256 and byte size of the raw .dtb, the exact commands,
#   dtc version, number of lines dtc printed on stderr, sha256 of gen_dts.py.
# dtc must exit 0 (warnings on stderr are allowed and counted).
#
# Usage: test-vectors/scripts/make-scale-dtbs.sh [PATH/TO/gen_dts.py [OUTDIR]]
#   gen_dts.py defaults to /work/shared/scripts/gen_dts.py,
#   OUTDIR to test-vectors/data/scale next to this script's folder.
# Needs: python3, dtc (1.6.1 was used), gzip, sha256sum.
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
gen=${1:-/work/shared/scripts/gen_dts.py}
outdir=${2:-$here/../data/scale}

die() { echo "make-scale-dtbs: $*" >&2; exit 1; }
[[ -f $gen ]] || die "gen_dts.py not found at '$gen' (pass its path as the first argument)"
for tool in python3 dtc gzip sha256sum; do
    command -v "$tool" >/dev/null || die "$tool not found"
done
dtc_version=$(dtc --version | sed -n 's/^Version: DTC //p')
gen_sha=$(sha256sum < "$gen" | cut -d' ' -f1)

scratch=$(mktemp -d "${TMPDIR:-/tmp}/scale-dtbs.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
mkdir "$scratch/out"
manifest=$scratch/out/MANIFEST.tsv
printf 'name\tsha256\tbytes\tcommand\tdtc_version\tdtc_stderr_lines\tgen_dts_sha256\n' > "$manifest"

for spec in "tree 100000" "refs 8000"; do
    read -r kind count <<< "$spec"
    name=$kind-$count
    (
        cd "$scratch"
        python3 "$gen" "$kind" "$count" > "$name.dts"
        dtc -I dts -O dtb -o "$name.dtb" "$name.dts" 2> "$name.err" \
            || { cat "$name.err" >&2; exit 1; }
    ) || die "$name: generation or dtc failed"
    raw=$scratch/$name.dtb
    gzip -n -9 -c "$raw" > "$scratch/out/$name.dtb.gz"
    cmd="python3 $gen $kind $count > $name.dts && dtc -I dts -O dtb -o $name.dtb $name.dts && gzip -n -9 $name.dtb"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$(sha256sum < "$raw" | cut -d' ' -f1)" \
        "$(stat -c %s "$raw")" "$cmd" "$dtc_version" "$(wc -l < "$scratch/$name.err")" "$gen_sha" >> "$manifest"
    echo "$name: $(stat -c %s "$raw") bytes, $(wc -l < "$scratch/$name.err") dtc stderr lines" >&2
done

mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)
rm -f "$outdir"/*.dtb.gz "$outdir/MANIFEST.tsv"
cp "$scratch"/out/* "$outdir"/
echo "wrote $outdir" >&2
