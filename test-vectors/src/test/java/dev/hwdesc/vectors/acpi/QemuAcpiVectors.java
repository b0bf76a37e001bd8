package dev.hwdesc.vectors.acpi;

import dev.hwdesc.acpi.qemu.AcpiTables;
import dev.hwdesc.acpi.qemu.QemuVirtTables;
import dev.hwdesc.acpi.table.TableCodec;
import dev.hwdesc.platform.ConfigException;
import dev.hwdesc.platform.MachineConfig;
import dev.hwdesc.platform.qemu.QemuVirt;
import dev.hwdesc.vectors.TestVectors;
import dev.hwdesc.platform.Platform;
import java.nio.file.Path;
import java.util.List;

/** QEMU 7.2's expected ACPI tables (data/qemu-acpi/v7.2.0) and the configs that match them. */
final class QemuAcpiVectors {

    private QemuAcpiVectors() {
    }

    static Path dir() {
        return TestVectors.data().resolve("qemu-acpi").resolve("v7.2.0");
    }

    static byte[] vector(String name) {
        return TestVectors.bytes(dir().resolve(name));
    }

    /**
     * bios-tables-test's base config: -machine virt -cpu cortex-a57 with UEFI (so the GED, not the
     * PL061), QEMU's defaults otherwise: 1 CPU, 128 MiB, GICv2 with GICv2m. The vectors' APIC has
     * one GICC and a GICv2 GICD; the memory size appears in none of these tables.
     */
    static MachineConfig base() {
        return MachineConfig.builder().cpus(1).cpu("cortex-a57").memory(128L << 20).gicVersion(2).firmware(true).build();
    }

    /**
     * The .acpihmatvirt config: -machine hmat=on -smp 4,sockets=2 (4 GICCs; PPTT: 2 sockets of 2
     * cores), node 0 with the first socket's CPUs and 64 MiB, node 1 with the second's and 64 MiB,
     * node 2 with 128 MiB and no CPU (and no initiator), no distances; its -numa hmat-lb latencies
     * (ns) and bandwidths (bytes/s) from nodes 0 and 1 to nodes 0-2 are as QEMU's HMAT.acpihmatvirt
     * holds them: 10/20/30 and 20/10/30 ns, 10/5/1 and 5/10/1 MiB/s.
     */
    static MachineConfig acpihmatvirt() {
        long mib = 1L << 20;
        List<MachineConfig.Hmat.LatencyBandwidth> lb = new java.util.ArrayList<>();
        long[][] latency = {{10, 20, 30}, {20, 10, 30}};
        long[][] bandwidth = {{10, 5, 1}, {5, 10, 1}};
        for (int i = 0; i < 2; i++) {
            for (int t = 0; t < 3; t++) {
                lb.add(new MachineConfig.Hmat.LatencyBandwidth(i, t, MachineConfig.Hmat.Hierarchy.MEMORY,
                        MachineConfig.Hmat.DataType.ACCESS_LATENCY, latency[i][t]));
                lb.add(new MachineConfig.Hmat.LatencyBandwidth(i, t, MachineConfig.Hmat.Hierarchy.MEMORY,
                        MachineConfig.Hmat.DataType.ACCESS_BANDWIDTH, bandwidth[i][t] * mib));
            }
        }
        return MachineConfig.builder().cpus(4).topology(new MachineConfig.Topology(
                java.util.Optional.of(2), java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty()))
                .cpu("cortex-a57").memory(256L << 20).gicVersion(2).firmware(true)
                .numaNodes(List.of(new MachineConfig.NumaNode(List.of(0, 1), 64L << 20),
                        new MachineConfig.NumaNode(List.of(2, 3), 64L << 20), new MachineConfig.NumaNode(List.of(), 128L << 20)))
                .hmat(new MachineConfig.Hmat(lb, List.of()))
                .build();
    }

    /** The .numamem config: the base one with -numa node,memdev=ram0 (one node: the CPU and 128 MiB). */
    static MachineConfig numamem() {
        return MachineConfig.builder().cpus(1).cpu("cortex-a57").memory(128L << 20).gicVersion(2).firmware(true)
                .numaNodes(List.of(new MachineConfig.NumaNode(List.of(0), 128L << 20))).build();
    }

    /**
     * The .memhp config as far as the model goes: -m 256M,slots=3,maxmem=1G, two nodes of 128 MiB
     * (the CPU in node 0), distance 21. QEMU's test also plugs a pc-dimm (inside the hot-pluggable
     * range, so no table shows it) and an nvdimm (its own SRAT entry and an NFIT), which the model
     * has no way to say.
     */
    static MachineConfig memhp() {
        return MachineConfig.builder().cpus(1).cpu("cortex-a57").memory(256L << 20).gicVersion(2).firmware(true)
                .numaNodes(List.of(new MachineConfig.NumaNode(List.of(0), 128L << 20),
                        new MachineConfig.NumaNode(List.of(), 128L << 20)))
                .numaDistances(List.of(List.of(10, 21), List.of(21, 10)))
                .memoryHotplug(new MachineConfig.MemoryHotplug(3, 1L << 30)).build();
    }

    /** The VIOT config: the base one with -device virtio-iommu-pci (at hwdesc's default slot). */
    static MachineConfig viot() {
        return viotConfig().build();
    }

    static MachineConfig.Builder viotConfig() {
        return MachineConfig.builder().cpus(1).cpu("cortex-a57").memory(128L << 20).gicVersion(2).firmware(true)
                .iommu(MachineConfig.Iommu.VIRTIO);
    }

    /**
     * QEMU's tables for a config and its platform (QEMU 7.2's defects reproduced), with QEMU's
     * hot-pluggable range when it has one.
     */
    static AcpiTables tables(MachineConfig config, Platform platform) {
        return tables(config, platform, QemuVirtTables.Options.qemu72());
    }

    /**
     * The tables for a config with these options, with what the config says and the platform does not:
     * QEMU's hot-pluggable range and the memory's performance (HMAT), when it has them.
     */
    static AcpiTables tables(MachineConfig config, Platform platform, QemuVirtTables.Options options) {
        return QemuVirtTables.of(platform, options.withConfig(config, platform));
    }

    /** hwdesc's own tables for a config: the defaults, the platform as the truth. */
    static AcpiTables defaultTables(MachineConfig config) {
        Platform p = platform(config);
        return tables(config, p, QemuVirtTables.Options.defaults());
    }

    static Platform platform(MachineConfig config) {
        try {
            return new QemuVirt().platform(config);
        } catch (ConfigException e) {
            throw new IllegalStateException(e);
        }
    }

    /** QEMU's tables for a config, with QEMU's hot-pluggable range when it has memory hotplug. */
    static AcpiTables tables(MachineConfig config) {
        return tables(config, platform(config));
    }

    /**
     * A FADT as QEMU's tests store it: FIRMWARE_CTRL (36), DSDT (40), X_FIRMWARE_CTRL (132) and
     * X_DSDT (140) zeroed, the checksum made right again. Other tables come back unchanged.
     */
    static byte[] unlinked(byte[] table) {
        byte[] t = table.clone();
        if (t.length >= 148 && t[0] == 'F' && t[1] == 'A' && t[2] == 'C' && t[3] == 'P') {
            java.util.Arrays.fill(t, 36, 44, (byte) 0);
            java.util.Arrays.fill(t, 132, 148, (byte) 0);
            t[9] = 0;
            t[9] = (byte) -TableCodec.sum(t, 0, t.length);
        }
        return t;
    }
}
