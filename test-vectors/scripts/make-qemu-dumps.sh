#!/usr/bin/env bash
# make-qemu-dumps.sh - regenerate the QEMU "virt" device-tree dumps in
# test-vectors/data/qemu-virt/.
#
# For every configuration in the table below, QEMU is started with
#   qemu-system-aarch64 -display none -machine virt,<opts>,dtb-randomness=off,dumpdtb=NAME.dtb ...
# (a few rows use qemu-system-arm, or an older machine type such as virt-4.2).
# QEMU builds the machine, writes the flattened device tree it would hand to
# the guest and exits. The raw dump (QEMU always writes its 1 MiB working
# buffer, header totalsize 0x100000) is kept as is and stored as
# NAME.dtb.gz (gzip -n -9). MANIFEST.tsv gets one row per dump:
#   name, sha256 and byte size of the raw .dtb, the exact QEMU command line,
#   the QEMU version, dtc_rc, dtc_stderr_lines
# dtc_rc is the larger exit code of `dtc -I dtb -O dts` and `dtc -I dtb -O dtb`
# on the raw dump (the script stops if it is not 0); dtc_stderr_lines counts
# the lines dtc printed on stderr (its check warnings) in the -O dts run.
#
# Checks made on the way; any failure stops the script with exit 1 and leaves
# the existing output untouched:
#   * qemu-system-aarch64 and qemu-system-arm must both be QEMU 7.2.x;
#   * each configuration is dumped twice and both dumps must be identical,
#     and none may contain rng-seed or kaslr-seed;
#   * all dumps must have different sha256 (options that do not change the DT
#     produce duplicates; such rows have to be changed or dropped).
# -kernel/-initrd/guest-loader rows use two small all-zero dummy files made in
# the scratch folder (dummy-Image: 65536 bytes, dummy-initrd: 4096 bytes);
# only their sizes reach the DT.
#
# Usage: test-vectors/scripts/make-qemu-dumps.sh [OUTDIR]
#   OUTDIR defaults to test-vectors/data/qemu-virt next to this script's folder.
# Needs: qemu-system-aarch64 + qemu-system-arm 7.2 (Debian: qemu-system-arm),
#        dtc (device-tree-compiler), gzip, sha256sum.
# Runs in about a minute; needs no network and no root.
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
outdir=${1:-$here/../data/qemu-virt}

die() { echo "make-qemu-dumps: $*" >&2; exit 1; }

# ---------------------------------------------------------------- tools
for tool in qemu-system-aarch64 qemu-system-arm dtc gzip sha256sum; do
    command -v "$tool" >/dev/null || die "$tool not found"
done
qemu_version=""
for tool in qemu-system-aarch64 qemu-system-arm; do
    line=$("$tool" --version | head -n 1)
    if [[ ! $line =~ ^QEMU\ emulator\ version\ 7\.2\.[0-9]+ ]]; then
        die "$tool reports '$line'; this script needs QEMU 7.2.x (the dumps differ between QEMU releases)"
    fi
    v=${line#QEMU emulator version }
    [[ -z $qemu_version || $qemu_version == "$v" ]] || die "qemu-system-aarch64 and qemu-system-arm differ: '$qemu_version' vs '$v'"
    qemu_version=$v
done

# ---------------------------------------------------------------- table
# row NAME ARCH MACHINE [QEMU ARGS...]
#   ARCH    aarch64 or arm (selects qemu-system-ARCH)
#   MACHINE machine type and options; ",dtb-randomness=off,dumpdtb=NAME.dtb" is appended
names=() arches=() machines=() argvs=()
row() {
    local name=$1 arch=$2 machine=$3; shift 3
    [[ $name =~ ^[A-Za-z0-9][A-Za-z0-9._-]*$ ]] || die "bad row name '$name'"
    local n
    for n in "${names[@]}"; do [[ $n != "$name" ]] || die "row name '$name' used twice"; done
    names+=("$name"); arches+=("$arch"); machines+=("$machine")
    # arguments are stored NUL-separated so that values with spaces survive
    if (($#)); then argvs+=("$(printf '%s\0' "$@" | base64 -w0)"); else argvs+=(""); fi
}

A57=(-cpu cortex-a57)
NUMA2=(-object memory-backend-ram,id=m0,size=1G -object memory-backend-ram,id=m1,size=1G
       -numa node,nodeid=0,cpus=0-1,memdev=m0 -numa node,nodeid=1,cpus=2-3,memdev=m1
       -numa dist,src=0,dst=1,val=20)
NUMA4=(-object memory-backend-ram,id=m0,size=1G -object memory-backend-ram,id=m1,size=1G
       -object memory-backend-ram,id=m2,size=1G -object memory-backend-ram,id=m3,size=1G
       -numa node,nodeid=0,cpus=0-1,memdev=m0 -numa node,nodeid=1,cpus=2-3,memdev=m1
       -numa node,nodeid=2,cpus=4-5,memdev=m2 -numa node,nodeid=3,cpus=6-7,memdev=m3
       -numa dist,src=0,dst=1,val=15 -numa dist,src=0,dst=2,val=20 -numa dist,src=0,dst=3,val=25
       -numa dist,src=1,dst=2,val=15 -numa dist,src=1,dst=3,val=20 -numa dist,src=2,dst=3,val=15)
NUMA3_MEMLESS=(-object memory-backend-ram,id=m0,size=1G -object memory-backend-ram,id=m1,size=1G
       -numa node,nodeid=0,cpus=0-1,memdev=m0 -numa node,nodeid=1,cpus=2-3,memdev=m1
       -numa node,nodeid=2,cpus=4-5
       -numa dist,src=0,dst=1,val=20 -numa dist,src=0,dst=2,val=30 -numa dist,src=1,dst=2,val=25)

# GICv2 (at most 8 CPUs). "defcpu" rows pass no -cpu: QEMU's default for virt
# is the 32-bit cortex-a15.
row gicv2-defcpu-smp1-512M                    aarch64 virt,gic-version=2 -smp 1 -m 512M
row gicv2-defcpu-smp4-3G-highmem-off          aarch64 virt,gic-version=2,highmem=off -smp 4 -m 3G
row gicv2-defcpu-smp2-8G                      aarch64 virt,gic-version=2 -smp 2 -m 8G
row gicv2-a57-smp4-1G-secure-off-virt-off     aarch64 virt,gic-version=2,secure=off,virtualization=off "${A57[@]}" -smp 4 -m 1G
row gicv2-a57-smp8-4G                         aarch64 virt,gic-version=2 "${A57[@]}" -smp 8 -m 4G
row gicv2-max-smp2-2G                         aarch64 virt,gic-version=2 -cpu max -smp 2 -m 2G
row gicv2-a57-smp2-1G-virt                    aarch64 virt,gic-version=2,virtualization=on "${A57[@]}" -smp 2 -m 1G
row gicv2-a57-smp2-1G-secure                  aarch64 virt,gic-version=2,secure=on "${A57[@]}" -smp 2 -m 1G
row gicv2-a57-smp2-1G-secure-virt             aarch64 virt,gic-version=2,secure=on,virtualization=on "${A57[@]}" -smp 2 -m 1G

# GICv3: CPU counts (123 is the last that fits the first redistributor region)
row gicv3-a57-smp1-512M                       aarch64 virt,gic-version=3 "${A57[@]}" -smp 1 -m 512M
row gicv3-a57-smp2-1G                         aarch64 virt,gic-version=3 "${A57[@]}" -smp 2 -m 1G
row gicv3-a57-smp3-1G                         aarch64 virt,gic-version=3 "${A57[@]}" -smp 3 -m 1G
row gicv3-a57-smp4-1G                         aarch64 virt,gic-version=3 "${A57[@]}" -smp 4 -m 1G
row gicv3-a57-smp5-1G                         aarch64 virt,gic-version=3 "${A57[@]}" -smp 5 -m 1G
row gicv3-a57-smp7-1G                         aarch64 virt,gic-version=3 "${A57[@]}" -smp 7 -m 1G
row gicv3-a57-smp8-4G                         aarch64 virt,gic-version=3 "${A57[@]}" -smp 8 -m 4G
row gicv3-max-smp16-8G                        aarch64 virt,gic-version=3 -cpu max -smp 16 -m 8G
row gicv3-max-smp64-16G                       aarch64 virt,gic-version=3 -cpu max -smp 64 -m 16G
row gicv3-max-smp123-4G                       aarch64 virt,gic-version=3 -cpu max -smp 123 -m 4G
row gicv3-max-smp128-8G                       aarch64 virt,gic-version=3 -cpu max -smp 128 -m 8G
row gicv3-max-smp512-16G                      aarch64 virt,gic-version=3 -cpu max -smp 512 -m 16G

# GICv3: memory sizes
row gicv3-a57-smp2-3G                         aarch64 virt,gic-version=3 "${A57[@]}" -smp 2 -m 3G
row gicv3-a57-smp2-4G                         aarch64 virt,gic-version=3 "${A57[@]}" -smp 2 -m 4G
row gicv3-a57-smp2-8G                         aarch64 virt,gic-version=3 "${A57[@]}" -smp 2 -m 8G
row gicv3-a57-smp2-16G                        aarch64 virt,gic-version=3 "${A57[@]}" -smp 2 -m 16G
row gicv3-a57-smp4-1G-memslots                aarch64 virt,gic-version=3 "${A57[@]}" -smp 4 -m 1G,slots=2,maxmem=4G

# GICv3: CPU models (compare with gicv3-a57-smp4-1G)
row gicv3-defcpu-smp2-1G                      aarch64 virt,gic-version=3 -smp 2 -m 1G
row gicv3-a7-smp2-1G                          aarch64 virt,gic-version=3 -cpu cortex-a7 -smp 2 -m 1G
row gicv3-a35-smp4-1G                         aarch64 virt,gic-version=3 -cpu cortex-a35 -smp 4 -m 1G
row gicv3-a53-smp4-1G                         aarch64 virt,gic-version=3 -cpu cortex-a53 -smp 4 -m 1G
row gicv3-a72-smp4-1G                         aarch64 virt,gic-version=3 -cpu cortex-a72 -smp 4 -m 1G
row gicv3-a76-smp4-1G                         aarch64 virt,gic-version=3 -cpu cortex-a76 -smp 4 -m 1G
row gicv3-neoverse-n1-smp4-1G                 aarch64 virt,gic-version=3 -cpu neoverse-n1 -smp 4 -m 1G
row gicv3-a64fx-smp4-1G                       aarch64 virt,gic-version=3 -cpu a64fx -smp 4 -m 1G
row gicv3-a57-pmu-off-smp4-1G                 aarch64 virt,gic-version=3 -cpu cortex-a57,pmu=off -smp 4 -m 1G

# GICv3: machine options
row gicv3-max-smp4-1G-virt                    aarch64 virt,gic-version=3,virtualization=on -cpu max -smp 4 -m 1G
row gicv3-max-smp4-1G-secure                  aarch64 virt,gic-version=3,secure=on -cpu max -smp 4 -m 1G
row gicv3-max-smp4-1G-secure-virt             aarch64 virt,gic-version=3,secure=on,virtualization=on -cpu max -smp 4 -m 1G
row gicv4-max-smp8-2G-virt                    aarch64 virt,gic-version=4,virtualization=on -cpu max -smp 8 -m 2G
row gicmax-max-smp6-2G                        aarch64 virt,gic-version=max -cpu max -smp 6 -m 2G
row gicv3-a57-smp4-1G-its-off                 aarch64 virt,gic-version=3,its=off "${A57[@]}" -smp 4 -m 1G
row gicv3-a57-smp2-2G-highmem-off             aarch64 virt,gic-version=3,highmem=off "${A57[@]}" -smp 2 -m 2G
row gicv3-a57-smp4-1G-smmuv3                  aarch64 virt,gic-version=3,iommu=smmuv3 "${A57[@]}" -smp 4 -m 1G
row gicv3-a57-smp4-1G-smmuv3-bypass           aarch64 virt,gic-version=3,iommu=smmuv3,default-bus-bypass-iommu=on "${A57[@]}" -smp 4 -m 1G
row gicv3-a57-smp2-1G-virtio-iommu            aarch64 virt,gic-version=3 "${A57[@]}" -smp 2 -m 1G -device virtio-iommu-pci -device virtio-rng-pci

# GICv3: CPU topology and NUMA
row gicv3-a57-smp8-2G-topo-s2-cl2-c2-t1       aarch64 virt,gic-version=3 "${A57[@]}" -smp 8,sockets=2,clusters=2,cores=2,threads=1 -m 2G
row gicv3-a57-smp16-2G-topo-s2-c4-t2          aarch64 virt,gic-version=3 "${A57[@]}" -smp 16,sockets=2,cores=4,threads=2 -m 2G
row gicv3-a57-smp6-2G-topo-s1-cl3-c2-t1       aarch64 virt,gic-version=3 "${A57[@]}" -smp 6,sockets=1,clusters=3,cores=2,threads=1 -m 2G
row gicv3-a57-smp4-2G-numa2                   aarch64 virt,gic-version=3 "${A57[@]}" -smp 4 -m 2G "${NUMA2[@]}"
row gicv3-a57-smp8-4G-numa4                   aarch64 virt,gic-version=3 "${A57[@]}" -smp 8 -m 4G "${NUMA4[@]}"
row gicv3-a57-smp6-2G-numa3-memless           aarch64 virt,gic-version=3 "${A57[@]}" -smp 6 -m 2G "${NUMA3_MEMLESS[@]}"

# GICv3: devices. virtio-mmio and PCI devices do not show in the DT (virt
# always describes its 32 virtio-mmio slots; PCI is probed), so these rows use
# an -smp/-m pair no other row uses.
row gicv3-a57-smp3-2G-virtio-mmio-devs        aarch64 virt,gic-version=3 "${A57[@]}" -smp 3 -m 2G \
    -device virtio-rng-device -device virtio-balloon-device -device virtio-serial-device \
    -drive if=none,id=d0,driver=null-co -device virtio-blk-device,drive=d0
row gicv3-a57-smp5-2G-pcie-devs               aarch64 virt,gic-version=3 "${A57[@]}" -smp 5 -m 2G \
    -device pcie-root-port,id=rp1,chassis=1 -device virtio-rng-pci,bus=rp1 \
    -device virtio-balloon-pci -device pci-testdev -device pvpanic-pci
row gicv3-a57-smp2-1G-guest-loader            aarch64 virt,gic-version=3 "${A57[@]}" -smp 2 -m 1G \
    -device guest-loader,addr=0x48000000,kernel=dummy-Image,bootargs=console=hvc0 \
    -device guest-loader,addr=0x4a000000,initrd=dummy-initrd

# GICv3: direct kernel boot (/chosen bootargs, linux,initrd-start/end)
row gicv3-a57-smp2-1G-kernel-append           aarch64 virt,gic-version=3 "${A57[@]}" -smp 2 -m 1G \
    -kernel dummy-Image -append "console=ttyAMA0 root=/dev/vda rw"
row gicv3-a57-smp2-1G-kernel-initrd           aarch64 virt,gic-version=3 "${A57[@]}" -smp 2 -m 1G \
    -kernel dummy-Image -initrd dummy-initrd
row gicv3-a57-smp2-1G-kernel-initrd-append    aarch64 virt,gic-version=3 "${A57[@]}" -smp 2 -m 1G \
    -kernel dummy-Image -initrd dummy-initrd -append "earlycon console=ttyAMA0,115200 quiet"

# Older machine types
row virt-2.6-gicv2-a57-smp2-1G                aarch64 virt-2.6,gic-version=2 "${A57[@]}" -smp 2 -m 1G
row virt-2.12-gicv3-a57-smp4-1G               aarch64 virt-2.12,gic-version=3 "${A57[@]}" -smp 4 -m 1G
row virt-4.2-gicv3-a57-smp2-2G                aarch64 virt-4.2,gic-version=3 "${A57[@]}" -smp 2 -m 2G
row virt-6.1-gicv3-a57-smp4-1G                aarch64 virt-6.1,gic-version=3 "${A57[@]}" -smp 4 -m 1G

# 32-bit qemu-system-arm (default CPU cortex-a15)
row arm32-gicv2-defcpu-smp2-1G                arm     virt,gic-version=2 -smp 2 -m 1G
row arm32-gicv3-a7-smp4-2G-highmem-off        arm     virt,gic-version=3,highmem=off -cpu cortex-a7 -smp 4 -m 2G

# ---------------------------------------------------------------- helpers
# print a command line that can be pasted into a shell
shell_words() {
    local a out=()
    for a in "$@"; do
        if [[ $a =~ ^[A-Za-z0-9_./,=:@%+-]+$ ]]; then
            out+=("$a")
        else
            out+=("'${a//\'/\'\\\'\'}'")
        fi
    done
    printf '%s' "${out[*]}"
}

scratch=$(mktemp -d "${TMPDIR:-/tmp}/qemu-dumps.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
mkdir "$scratch/a" "$scratch/b" "$scratch/out"
for d in a b; do
    head -c 65536 /dev/zero > "$scratch/$d/dummy-Image"
    head -c 4096 /dev/zero > "$scratch/$d/dummy-initrd"
done

# dump_in DIR INDEX : run row INDEX inside DIR, leaving DIR/NAME.dtb
dump_in() {
    local dir=$1 i=$2 name=${names[$2]}
    local -a cmd
    cmd_of "$i"
    rm -f "$dir/$name.dtb"
    if ! (cd "$dir" && "${cmd[@]}" </dev/null >"$name.log" 2>&1); then
        cat "$dir/$name.log" >&2
        die "QEMU failed for $name: $(shell_words "${cmd[@]}")"
    fi
    [[ -s $dir/$name.dtb ]] || die "QEMU wrote no $name.dtb"
}

# cmd_of INDEX : set the caller's array "cmd" to the full QEMU command of row INDEX
cmd_of() {
    local i=$1 extra=()
    [[ -z ${argvs[$i]} ]] || mapfile -d '' -t extra < <(base64 -d <<< "${argvs[$i]}")
    cmd=("qemu-system-${arches[$i]}" -display none
         -machine "${machines[$i]},dtb-randomness=off,dumpdtb=${names[$i]}.dtb" "${extra[@]}")
}

# ---------------------------------------------------------------- run
manifest=$scratch/out/MANIFEST.tsv
printf 'name\tsha256\tbytes\tcommand\tqemu_version\tdtc_rc\tdtc_stderr_lines\n' > "$manifest"
warned=()
for i in "${!names[@]}"; do
    name=${names[$i]}
    dump_in "$scratch/a" "$i"
    dump_in "$scratch/b" "$i"
    raw=$scratch/a/$name.dtb
    cmp -s "$raw" "$scratch/b/$name.dtb" || die "$name: two runs gave different dumps"

    set +e
    dtc -I dtb -O dts -o "$scratch/$name.dts" "$raw" 2>"$scratch/$name.dts.err"; rc1=$?
    dtc -I dtb -O dtb -o /dev/null "$raw" 2>"$scratch/$name.dtb.err"; rc2=$?
    set -e
    rc=$(( rc1 > rc2 ? rc1 : rc2 ))
    ((rc == 0)) || { cat "$scratch/$name.dts.err" "$scratch/$name.dtb.err" >&2; die "$name: dtc exit codes $rc1 (-O dts), $rc2 (-O dtb)"; }
    if grep -qE '(rng|kaslr)-seed' "$scratch/$name.dts"; then
        die "$name: the dump holds a random seed (dtb-randomness=off not honoured?)"
    fi
    errlines=$(wc -l < "$scratch/$name.dts.err")
    ((errlines == 0)) || warned+=("$name")

    cmd_of "$i"
    gzip -n -9 -c "$raw" > "$scratch/out/$name.dtb.gz"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$(sha256sum < "$raw" | cut -d' ' -f1)" \
        "$(stat -c %s "$raw")" "$(shell_words "${cmd[@]}")" "$qemu_version" "$rc" "$errlines" >> "$manifest"
    printf '%-44s %s\n' "$name" "ok" >&2
done

# every dump must be different
dups=$(tail -n +2 "$manifest" | cut -f2 | sort | uniq -d)
if [[ -n $dups ]]; then
    for h in $dups; do
        echo "identical dumps: $(awk -F'\t' -v h="$h" '$2 == h {printf "%s ", $1}' "$manifest")" >&2
    done
    die "some configurations give the same device tree; change or drop them"
fi

# ---------------------------------------------------------------- install
mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)
rm -f "$outdir"/*.dtb.gz "$outdir/MANIFEST.tsv"
cp "$scratch"/out/* "$outdir"/
n=$(( $(wc -l < "$manifest") - 1 ))
echo "wrote $n distinct dumps and MANIFEST.tsv to $outdir" >&2
if ((${#warned[@]})); then
    echo "dtc printed warnings for: ${warned[*]}" >&2
fi
