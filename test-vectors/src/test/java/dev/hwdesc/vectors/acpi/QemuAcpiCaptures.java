package dev.hwdesc.vectors.acpi;

import dev.hwdesc.acpi.table.Rsdp;
import dev.hwdesc.acpi.table.Sdt;
import dev.hwdesc.platform.MachineConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The QEMU 7.2 configs whose ACPI tables test-vectors holds, by folder, as hwdesc configs: the live
 * boots under AAVMF (data/qemu-acpi/live-7.2, tables as the firmware found them) and QEMU's own
 * fw_cfg blobs (data/qemu-acpi/fwcfg-7.2). Each folder's command.txt has the QEMU command and its
 * qemu.dtb.gz QEMU's device tree of the same VM.
 */
final class QemuAcpiCaptures {

    private QemuAcpiCaptures() {
    }

    private static final MachineConfig.Hmat.Hierarchy MEMORY = MachineConfig.Hmat.Hierarchy.MEMORY;
    private static final MachineConfig.Hmat.DataType ACCESS_LATENCY = MachineConfig.Hmat.DataType.ACCESS_LATENCY;
    private static final MachineConfig.Hmat.DataType WRITE_LATENCY = MachineConfig.Hmat.DataType.WRITE_LATENCY;
    private static final MachineConfig.Hmat.DataType ACCESS_BANDWIDTH = MachineConfig.Hmat.DataType.ACCESS_BANDWIDTH;
    private static final MachineConfig.Hmat.DataType READ_BANDWIDTH = MachineConfig.Hmat.DataType.READ_BANDWIDTH;

    private static MachineConfig.Hmat.LatencyBandwidth lb(int initiator, int target, MachineConfig.Hmat.Hierarchy h,
            MachineConfig.Hmat.DataType type, long value) {
        return new MachineConfig.Hmat.LatencyBandwidth(initiator, target, h, type, value);
    }

    /** The live captures' configs (all with -m 256M and firmware). */
    static final Map<String, MachineConfig> LIVE = Map.ofEntries(
            Map.entry("gicv2-smp1", qemu().gicVersion(2).cpus(1).build()),
            Map.entry("gicv3-its-smp1", qemu().gicVersion(3).cpus(1).build()),
            Map.entry("gicv3-its-smp4", qemu().gicVersion(3).cpus(4).build()),
            Map.entry("gicv3-noits-smp2", qemu().gicVersion(3).its(false).cpus(2).build()),
            Map.entry("gicv3-smmuv3-smp2", qemu().gicVersion(3).iommu(MachineConfig.Iommu.SMMUV3).cpus(2).build()),
            Map.entry("gicv2-el2-smp2", qemu().gicVersion(2).virtualization(true).cpus(2).build()),
            Map.entry("gicv4-el2-smp4", qemu().gicVersion(4).virtualization(true).cpu("max").cpus(4).build()),
            Map.entry("gicv3-topo-smp8", qemu().gicVersion(3).cpus(8).topology(new MachineConfig.Topology(
                    Optional.of(2), Optional.empty(), Optional.of(2), Optional.of(2))).build()),
            Map.entry("gicv3-smp124", qemu().gicVersion(3).cpu("max").cpus(124).build()),
            Map.entry("gicv3-nopmu-smp2", qemu().gicVersion(3).pmu(false).cpus(2).build()),
            Map.entry("gicv3-el2-max-smp2", qemu().gicVersion(3).virtualization(true).cpu("max").cpus(2).build()));

    /** The fw_cfg captures' configs. */
    static final Map<String, MachineConfig> FW_CFG = Map.ofEntries(
            Map.entry("gicv2-smp1", qemu().gicVersion(2).cpus(1).memory(128L << 20).build()),
            Map.entry("gicv2-el2-smp2", qemu().gicVersion(2).virtualization(true).cpus(2).build()),
            Map.entry("gicv3-its-smp4", qemu().gicVersion(3).cpus(4).build()),
            Map.entry("gicv3-noits-smp2", qemu().gicVersion(3).its(false).cpus(2).build()),
            Map.entry("gicv3-smmuv3-smp2", qemu().gicVersion(3).iommu(MachineConfig.Iommu.SMMUV3).cpus(2).build()),
            // -numa node,nodeid=0,cpus=0,memdev=m0 (128M) -numa node,nodeid=1,cpus=1,memdev=m1 (128M)
            // -numa dist,src=0,dst=1,val=21
            Map.entry("gicv3-numa2-dist-smp2", qemu().gicVersion(3).cpus(2).numaNodes(List.of(
                    new MachineConfig.NumaNode(List.of(0), 128L << 20), new MachineConfig.NumaNode(List.of(1), 128L << 20)))
                    .numaDistances(List.of(List.of(10, 21), List.of(21, 10))).build()),
            // The same with -m 256M,slots=2,maxmem=1G (nothing plugged): the SRAT's hot-pluggable range.
            Map.entry("gicv3-numa2-memhp-smp2", qemu().gicVersion(3).cpus(2).numaNodes(List.of(
                    new MachineConfig.NumaNode(List.of(0), 128L << 20), new MachineConfig.NumaNode(List.of(1), 128L << 20)))
                    .numaDistances(List.of(List.of(10, 21), List.of(21, 10)))
                    .memoryHotplug(new MachineConfig.MemoryHotplug(2, 1L << 30)).build()),
            // -m 512M,slots=20,maxmem=8G without NUMA nodes (QEMU then makes one): 20 DIMM slots in the DSDT.
            Map.entry("gicv3-memhp20-smp1", qemu().gicVersion(3).cpus(1).memory(512L << 20)
                    .memoryHotplug(new MachineConfig.MemoryHotplug(20, 8L << 30)).build()),
            // -machine hmat=on, -smp 4 -m 512M: node 0 = CPUs 0-1 + 128M, node 1 = CPUs 2-3 + 128M, node 2 =
            // 256M with initiator 0; -numa hmat-lb and hmat-cache as below (command.txt has them all).
            Map.entry("gicv3-numa3-hmat-smp4", qemu().gicVersion(3).cpus(4).memory(512L << 20).numaNodes(List.of(
                    new MachineConfig.NumaNode(List.of(0, 1), 128L << 20), new MachineConfig.NumaNode(List.of(2, 3), 128L << 20),
                    new MachineConfig.NumaNode(List.of(), 256L << 20, Optional.of(0))))
                    .hmat(new MachineConfig.Hmat(List.of(
                            lb(0, 0, MEMORY, ACCESS_LATENCY, 5), lb(0, 1, MEMORY, ACCESS_LATENCY, 15),
                            lb(0, 2, MEMORY, ACCESS_LATENCY, 250), lb(1, 0, MEMORY, ACCESS_LATENCY, 15),
                            lb(1, 1, MEMORY, ACCESS_LATENCY, 5),
                            lb(0, 0, MEMORY, ACCESS_BANDWIDTH, 20L << 30), lb(0, 1, MEMORY, ACCESS_BANDWIDTH, 10L << 30),
                            lb(0, 2, MEMORY, ACCESS_BANDWIDTH, 2L << 30), lb(1, 1, MEMORY, ACCESS_BANDWIDTH, 20L << 30),
                            lb(1, 0, MEMORY, READ_BANDWIDTH, 12L << 30),
                            lb(0, 2, MachineConfig.Hmat.Hierarchy.FIRST_LEVEL, WRITE_LATENCY, 40)), List.of(
                            new MachineConfig.Hmat.MemoryCache(0, 1, 16L << 10, MachineConfig.Hmat.Associativity.DIRECT,
                                    MachineConfig.Hmat.WritePolicy.WRITE_BACK, 64),
                            new MachineConfig.Hmat.MemoryCache(0, 2, 2L << 20, MachineConfig.Hmat.Associativity.COMPLEX,
                                    MachineConfig.Hmat.WritePolicy.WRITE_THROUGH, 128),
                            new MachineConfig.Hmat.MemoryCache(2, 1, 64L << 20, MachineConfig.Hmat.Associativity.DIRECT,
                                    MachineConfig.Hmat.WritePolicy.WRITE_BACK, 64))))
                    .build()),
            // GICv2, -smp 4: node 0 CPUs 0-1 and 64M, node 1 CPUs 2-3 and no RAM, node 2 192M and no CPU,
            // distances 15/20/25, and -device virtio-iommu-pci,addr=02.0 where the model puts it.
            Map.entry("gicv2-numa3-memless-viommu-smp4", qemu().gicVersion(2).cpus(4).numaNodes(List.of(
                    new MachineConfig.NumaNode(List.of(0, 1), 64L << 20), new MachineConfig.NumaNode(List.of(2, 3), 0),
                    new MachineConfig.NumaNode(List.of(), 192L << 20)))
                    .numaDistances(List.of(List.of(10, 15, 20), List.of(15, 10, 25), List.of(20, 25, 10)))
                    .iommu(MachineConfig.Iommu.VIRTIO).build()));

    private static MachineConfig.Builder qemu() {
        return MachineConfig.builder().cpu("cortex-a57").memory(256L << 20).firmware(true);
    }

    /** Each table's offset in the fw_cfg capture's etc/acpi/tables, in blob order. */
    static Map<String, Long> fwCfgOffsets(String config) throws IOException {
        Map<String, Long> at = new LinkedHashMap<>();
        for (String line : Files.readAllLines(fwCfgDir(config).resolve("offsets.txt"))) {
            String[] f = line.split(" ");
            at.put(f[0], Long.decode(f[1]));
        }
        return at;
    }

    /** A table with its checksum (an RSDP: both checksums) 0, as QEMU leaves them for the firmware. */
    static byte[] checksumsZeroed(byte[] table) {
        byte[] t = table.clone();
        boolean rsdp = new String(t, 0, 8, StandardCharsets.ISO_8859_1).equals(Rsdp.SIGNATURE_TEXT);
        if (rsdp) {
            t[Rsdp.LAYOUT.field("Checksum").offset()] = 0;
            t[Rsdp.LAYOUT.field("Extended Checksum").offset()] = 0;
        } else {
            t[Sdt.HEADER.field(Sdt.CHECKSUM).offset()] = 0;
        }
        return t;
    }

    static Path liveDir(String config) {
        return QemuAcpiVectors.dir().resolveSibling("live-7.2").resolve(config);
    }

    static Path fwCfgDir(String config) {
        return QemuAcpiVectors.dir().resolveSibling("fwcfg-7.2").resolve(config);
    }
}
