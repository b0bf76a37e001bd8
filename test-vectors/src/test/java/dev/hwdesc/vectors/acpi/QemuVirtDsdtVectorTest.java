package dev.hwdesc.vectors.acpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hwdesc.acpi.qemu.QemuDefect;
import dev.hwdesc.acpi.qemu.QemuVirtDsdt;
import dev.hwdesc.fdt.dtb.DtbReader;
import dev.hwdesc.platform.MachineConfig;
import dev.hwdesc.platform.Platform;
import dev.hwdesc.platform.fromtree.TreeToPlatform;
import dev.hwdesc.platform.qemu.QemuVirt;
import dev.hwdesc.vectors.TestVectors;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * hwdesc's DSDT for QEMU's virt against QEMU 7.2's own (data/qemu-acpi/v7.2.0, from QEMU's
 * tests/data/acpi/virt): the table's AML after its 36-byte header, byte for byte, but for one QEMU
 * defect ({@link QemuDefect#VIRTIO_MMIO_LEVEL_TRIGGERED}). QEMU's DSDT describes the virtio-mmio
 * interrupts as level-triggered, while QEMU's device tree of the same VM says edge (rising): every
 * virtio_mmio node has {@code interrupts = <0 N 1>} (IRQ_TYPE_EDGE_RISING), read here from QEMU's own
 * dump (data/qemu-acpi/fwcfg-7.2/gicv2-smp1 for the base machine, live-7.2/gicv3-its-smp4 for the
 * live table). hwdesc follows the platform and writes edge. The test shows that this is the only
 * difference: QEMU's bytes equal hwdesc's DSDT with that defect reproduced, and hwdesc's own DSDT
 * differs in exactly one flags byte per transport, the edge bit.
 */
class QemuVirtDsdtVectorTest {

    private static final int HEADER = 36;

    private static final Path BASE_DTB = QemuAcpiCaptures.fwCfgDir("gicv2-smp1").resolve("qemu.dtb.gz");

    private static Path vectors() {
        return TestVectors.data().resolve("qemu-acpi").resolve("v7.2.0");
    }

    /**
     * The base vector: bios-tables-test's "-machine virt -cpu cortex-a57" under TCG with UEFI, so
     * GICv2, one CPU (one Device (C000); the MADT has one GICC), QEMU's default 128 MiB, and the
     * generic event device that firmware brings.
     */
    @Test
    void baseConfigMatchesQemuByteForByte() throws Exception {
        Platform platform = new QemuVirt().platform(MachineConfig.builder()
                .cpus(1).gicVersion(2).cpu("cortex-a57").memory(128L << 20).firmware(true).build());
        assertMatches("DSDT", platform, BASE_DTB);
    }

    /** ".numamem": the base machine with its RAM in one NUMA node (-numa node,memdev=ram0); same DSDT. */
    @Test
    void oneNumaNodeMatchesQemuByteForByte() throws Exception {
        Platform platform = new QemuVirt().platform(MachineConfig.builder()
                .cpus(1).gicVersion(2).cpu("cortex-a57").memory(128L << 20).firmware(true)
                .numaNodes(List.of(new MachineConfig.NumaNode(List.of(0), 128L << 20))).build());
        assertMatches("DSDT.numamem", platform, BASE_DTB);
    }

    /**
     * ".acpihmatvirt": -smp 4,sockets=2 and three NUMA nodes (CPUs 0-1 with 64 MiB, CPUs 2-3 with
     * 64 MiB, 128 MiB alone), as its SRAT says; the DSDT differs from the base by C001-C003 only.
     */
    @Test
    void fourCpusInThreeNumaNodesMatchQemuByteForByte() throws Exception {
        Platform platform = new QemuVirt().platform(MachineConfig.builder()
                .cpus(4).gicVersion(2).cpu("cortex-a57").memory(256L << 20).firmware(true)
                .topology(new MachineConfig.Topology(Optional.of(2), Optional.empty(), Optional.empty(), Optional.empty()))
                .numaNodes(List.of(
                        new MachineConfig.NumaNode(List.of(0, 1), 64L << 20),
                        new MachineConfig.NumaNode(List.of(2, 3), 64L << 20),
                        new MachineConfig.NumaNode(List.of(), 128L << 20)))
                .build());
        assertMatches("DSDT.acpihmatvirt", platform, BASE_DTB);
    }

    /**
     * A live GICv3 table (data/qemu-acpi/live-7.2.22): Debian's QEMU 7.2.22 with AAVMF, -machine
     * virt,gic-version=3 -cpu cortex-a57 -smp 4 -m 256M, read from guest RAM after UEFI installed it.
     */
    @Test
    void liveGicV3FourCpusMatchesQemuByteForByte() throws Exception {
        Platform platform = new QemuVirt().platform(MachineConfig.builder()
                .cpus(4).gicVersion(3).cpu("cortex-a57").memory(256L << 20).firmware(true).build());
        assertMatches(TestVectors.data().resolve("qemu-acpi").resolve("live-7.2.22").resolve("DSDT.gicv3-a57-smp4-256M"),
                platform, QemuAcpiCaptures.liveDir("gicv3-its-smp4").resolve("qemu.dtb.gz"));
    }

    private static void assertMatches(String vector, Platform platform, Path dtb) throws Exception {
        assertMatches(vectors().resolve(vector), platform, dtb);
    }

    private static void assertMatches(Path vector, Platform platform, Path dtb) throws Exception {
        Platform tree = TreeToPlatform.read(DtbReader.read(TestVectors.bytes(dtb))).platform();
        assertTrue(QemuDefectEvidenceTest.treeContradicts(QemuDefect.VIRTIO_MMIO_LEVEL_TRIGGERED, tree),
                "QEMU's own tree says edge for every virtio-mmio line");
        assertEquals(tree.virtioMmio().size(), platform.virtioMmio().size());
        byte[] table = TestVectors.bytes(vector);
        byte[] qemu = Arrays.copyOfRange(table, HEADER, table.length);
        assertBodyEquals(qemu, QemuVirtDsdt.body(platform, Set.of(QemuDefect.VIRTIO_MMIO_LEVEL_TRIGGERED)));
        byte[] ours = QemuVirtDsdt.body(platform);
        assertEquals(qemu.length, ours.length);
        int differing = 0;
        for (int i = 0; i < qemu.length; i++) {
            if (qemu[i] != ours[i]) {
                differing++;
                // The Extended Interrupt descriptor's flags byte: bit 1 is edge (1) or level (0).
                assertEquals(qemu[i] | 0x02, ours[i], String.format("body offset 0x%x: only the edge bit differs", i));
            }
        }
        assertEquals(platform.virtioMmio().size(), differing, "one flags byte per virtio-mmio transport");
    }

    static void assertBodyEquals(byte[] expected, byte[] actual) {
        int n = Math.min(expected.length, actual.length);
        for (int i = 0; i < n; i++) {
            if (expected[i] != actual[i]) {
                fail(String.format("first difference at body offset 0x%x (table offset 0x%x): QEMU %s, hwdesc %s",
                        i, i + HEADER, window(expected, i), window(actual, i)));
            }
        }
        assertEquals(expected.length, actual.length, "body length");
    }

    private static String window(byte[] b, int at) {
        StringBuilder s = new StringBuilder();
        for (int i = Math.max(0, at - 8); i < Math.min(b.length, at + 16); i++) {
            s.append(i == at ? "[" : "").append(String.format("%02X", b[i] & 0xFF)).append(i == at ? "] " : " ");
        }
        return s.toString().trim();
    }
}
