#!/bin/sh
# For every captured ACPI config (data/qemu-acpi/live-7.2/* and fwcfg-7.2/*), dumps QEMU's own
# device tree of the same VM: the command in the folder's command.txt (without -S), with Debian's
# AAVMF as pflash as when the tables were captured, and -machine dumpdtb=. QEMU writes the DTB when
# the machine is built and exits. Output: FOLDER/qemu.dtb.gz. The tests use it as the evidence for
# each place where QEMU's tables contradict its device tree (QemuDefect). With folder arguments
# (relative to data/qemu-acpi, such as fwcfg-7.2/gicv2-smp1), only those.
set -eu
cd "$(dirname "$0")/../data/qemu-acpi"
CODE=/usr/share/AAVMF/AAVMF_CODE.fd
[ $# -gt 0 ] || set -- live-7.2/* fwcfg-7.2/*
for dir in "$@"; do
    cmd=$(sed -e 's/ -S / /' "$dir/command.txt")
    # shellcheck disable=SC2086
    $cmd -drive "if=pflash,format=raw,unit=0,readonly=on,file=$CODE" -machine "dumpdtb=$dir/qemu.dtb" >/dev/null 2>&1
    gzip -9nf "$dir/qemu.dtb"
    echo "$dir/qemu.dtb.gz"
done
